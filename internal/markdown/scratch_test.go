package markdown

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSlowCorpus(t *testing.T) {
	files, _ := filepath.Glob("/root/.cache/go-build/fuzz/naskah/internal/markdown/FuzzRender/*")
	r := New(Options{})
	for _, f := range files {
		b, _ := os.ReadFile(f)
		lines := strings.SplitN(string(b), "\n", 2)
		v := strings.TrimSpace(lines[1])
		v = strings.TrimSuffix(strings.TrimPrefix(v, "string("), ")")
		s, err := strconv.Unquote(v)
		if err != nil { continue }
		start := time.Now()
		r.Render([]byte(s))
		if d := time.Since(start); d > 2*time.Millisecond { t.Logf("%v %d %s", d, len(s), filepath.Base(f)) }
	}
}

package server

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"naskah/internal/build"
	"naskah/internal/legal"
)

// TestAPIAnswersAsOfTheRequestDay serves a site built on 1 January 2025, when
// version 2025-03 of contoh/kebijakan-uji was still to come, on a clock that
// has passed its date: the API says it is in force, the pages are logged as
// out of date.
func TestAPIAnswersAsOfTheRequestDay(t *testing.T) {
	dir := t.TempDir()
	out, data := filepath.Join(dir, "public"), filepath.Join(dir, "data")
	cfg := build.Config{
		Content: os.DirFS("../build/testdata/site"), ContentDir: "content",
		Out: out, Data: data, Now: legal.Date{Year: 2025, Month: 1, Day: 1},
	}
	if _, err := build.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	clock := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	var logged bytes.Buffer
	s, err := New(Config{Out: out, Data: data, Clock: func() time.Time { return clock }, Log: slog.New(slog.NewTextHandler(&logged, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	policy := func() (current string, states map[string]string) {
		resp, body := get(t, s, http.MethodGet, "/api/v1/policies/contoh/kebijakan-uji")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%d %s", resp.StatusCode, body)
		}
		var p struct {
			Current  string
			Versions []struct{ Version, Status string }
		}
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			t.Fatal(err)
		}
		states = map[string]string{}
		for _, v := range p.Versions {
			states[v.Version] = v.Status
		}
		return p.Current, states
	}
	if cur, st := policy(); cur != "2024-01" || st["2025-03"] != "akan-berlaku" || st["2024-01"] != "berlaku" {
		t.Errorf("on the build's day: current %s, %v", cur, st)
	}
	if strings.Contains(logged.String(), "usang") {
		t.Errorf("logged as out of date on the build's day:\n%s", logged.String())
	}
	clock = time.Date(2025, 3, 5, 17, 0, 0, 0, time.UTC) // 6 March, 00:00 WIB
	if cur, st := policy(); cur != "2025-03" || st["2025-03"] != "berlaku" || st["2024-01"] != "diganti" {
		t.Errorf("on 6 March 2025: current %s, %v", cur, st)
	}
	resp, body := get(t, s, http.MethodGet, "/api/v1/policies/contoh/kebijakan-uji/versions/2025-03")
	if !strings.Contains(body, `"status":"berlaku"`) || !strings.Contains(body, `"current":true`) {
		t.Errorf("version answer on 6 March 2025: %s", body)
	}
	if lm, _ := http.ParseTime(resp.Header.Get("Last-Modified")); lm.Before(clock) {
		t.Errorf("Last-Modified %v is before the day the statuses are of", lm)
	}
	if _, body := get(t, s, http.MethodGet, "/api/v1/search?q=pelatihan&versions=all"); !strings.Contains(body, `"version":"2025-03","title":"Kebijakan Uji Kepegawaian","section":"Aspek-Aspek Kebijakan","url":"/contoh/kebijakan-uji/2025-03/#aspek-aspek-kebijakan","status":"berlaku"`) {
		t.Errorf("search hits on 6 March 2025: %s", body)
	}
	if n := strings.Count(logged.String(), "usang"); n != 1 {
		t.Errorf("logged %d times as out of date, want once:\n%s", n, logged.String())
	}
}

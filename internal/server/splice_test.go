package server

import (
	"bytes"
	"strings"
	"testing"
)

func TestGzipSplice(t *testing.T) {
	long := strings.Repeat(`{"region":"contoh","fragments":["… <mark>pelatihan</mark> pegawai …"]},`, 200)
	for _, tt := range []struct{ head, gap, tail string }{
		{`{"query":"x","took_ms":`, "0.125", `,"hits":[]}` + "\n"},
		{"", "", ""},
		{long, "1", long},
		{long, strings.Repeat("9", maxGap), ""},
		{"", long, long},
	} {
		var zbody bytes.Buffer
		newGzipSplice([]byte(tt.head), []byte(tt.tail)).write(&zbody, []byte(tt.gap))
		if got, want := gunzip(t, zbody.String()), tt.head+tt.gap+tt.tail; got != want {
			t.Errorf("head %d, gap %d, tail %d bytes: the stream decompresses to %d bytes that differ",
				len(tt.head), len(tt.gap), len(tt.tail), len(got))
		}
	}
}

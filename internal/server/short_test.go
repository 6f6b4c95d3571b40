package server

import (
	"testing"

	"naskah/internal/legal"
)

func TestShortLinkRedirects(t *testing.T) {
	s := newTestServer(t)
	code := legal.ShortCode("contoh/kebijakan-uji/2024-01")
	tests := []struct {
		target   string
		status   int
		location string
	}{
		{"/s/" + code, 301, "/contoh/kebijakan-uji/2024-01/"},
		{"/s/zzzzzzz", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			res, _ := get(t, s, "GET", tt.target)
			if res.StatusCode != tt.status {
				t.Fatalf("status = %d, want %d", res.StatusCode, tt.status)
			}
			if got := res.Header.Get("Location"); got != tt.location {
				t.Errorf("Location = %q, want %q", got, tt.location)
			}
		})
	}
}

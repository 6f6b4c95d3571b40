package main

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestBuildSteps(t *testing.T) {
	out := "naskah build: 26211 berkas ke public dalam 24.305s (load 246ms, markdown 1.15s, site 4ms, index 11.876s, pages 22.903s, publish 0s)\n"
	want := map[string]dur{
		"load": dur(246 * time.Millisecond), "markdown": dur(1150 * time.Millisecond), "site": dur(4 * time.Millisecond),
		"index": dur(11876 * time.Millisecond), "pages": dur(22903 * time.Millisecond), "publish": 0,
	}
	if diff := cmp.Diff(want, buildSteps(out)); diff != "" {
		t.Errorf("buildSteps (-want +got):\n%s", diff)
	}
	if got := buildSteps("naskah build: gagal\n"); got != nil {
		t.Errorf("buildSteps of a report without steps = %v, want nil", got)
	}
}

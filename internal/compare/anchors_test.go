package compare

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAnchors(t *testing.T) {
	tests := []struct {
		name  string
		pairs []Pair
		want  []string
	}{
		{"none", nil, []string{}},
		{
			"ids of b, of a for what only a has, the preamble's own",
			[]Pair{{}, {AID: "pasal-1", BID: "pasal-1"}, {AID: "pelatihan", BID: "pengembangan"}, {AID: "penutup"}, {BID: "pasal-2a"}},
			[]string{"pembuka", "pasal-1", "pengembangan", "penutup", "pasal-2a"},
		},
		{
			// Two regions: a's pasal-9 is only in a, while b's pasal-9 pairs
			// with a's pasal-3; b's own "pasal-9-2" keeps its id.
			"a shared id gets a suffix no pair has",
			[]Pair{{AID: "pasal-3", BID: "pasal-9"}, {AID: "pasal-9"}, {BID: "pasal-9-2"}},
			[]string{"pasal-9", "pasal-9-3", "pasal-9-2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := (&Result{Sections: tt.pairs}).Anchors()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Anchors (-want +got):\n%s", diff)
			}
		})
	}
}

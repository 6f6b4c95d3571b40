package compare

import (
	"testing"

	"naskah/internal/catalog"
)

// Documents of the size of those of the benchmark corpus.
const longWords = 1700

func TestLongDocuments(t *testing.T) {
	base := longDoc(t, longWords, "mamuju-v2", "bandung-v1", "serang-v1", "tanjungbalai-v1")
	revised, edits := revise(base)
	other := longDoc(t, longWords, "bandung-v1", "tanjungbalai-v1")
	mine := longDoc(t, longWords, "mamuju-v2", "serang-v1")
	tests := []struct {
		name    string
		a, b    []catalog.Section
		changed int // sections not unchanged; -1 if any number will do
	}{
		{"same", base, base, 0},
		{"versions", base, revised, edits},
		{"regions", mine, other, -1},
		{"regions in one section", oneSection(mine), oneSection(other), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(tt.a, tt.b)
			checkResult(t, tt.a, tt.b, r)
			if tt.changed >= 0 && r.Stats.SectionsChanged != tt.changed {
				t.Errorf("%d sections changed, want %d", r.Stats.SectionsChanged, tt.changed)
			}
			t.Logf("%d sections; %+v", len(r.Sections), r.Stats)
		})
	}
}

func BenchmarkCompareVersions(b *testing.B) {
	base := longDoc(b, longWords, "mamuju-v2", "bandung-v1", "serang-v1", "tanjungbalai-v1")
	revised, _ := revise(base)
	b.ReportAllocs()
	for b.Loop() {
		Compare(base, revised)
	}
}

func BenchmarkCompareRegions(b *testing.B) {
	mine := longDoc(b, longWords, "mamuju-v2", "serang-v1")
	other := longDoc(b, longWords, "bandung-v1", "tanjungbalai-v1")
	benchmarks := []struct {
		name string
		a, b []catalog.Section
	}{
		{"mamuju-bandung", load(b, "mamuju-v2"), load(b, "bandung-v1")},
		{"unrelated-1700", mine, other},
		{"unrelated-1700-one-section", oneSection(mine), oneSection(other)},
	}
	for _, bm := range benchmarks {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Compare(bm.a, bm.b)
			}
		})
	}
}

func BenchmarkParagraphMap(b *testing.B) {
	base := longDoc(b, longWords, "mamuju-v2", "bandung-v1", "serang-v1", "tanjungbalai-v1")
	revised, _ := revise(base)
	b.ReportAllocs()
	for b.Loop() {
		ParagraphMap(base, revised)
	}
}

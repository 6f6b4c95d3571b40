package compare

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/catalog"
)

func TestParagraphMap(t *testing.T) {
	const (
		edited = "Kinerja pegawai dinilai setiap tahun oleh atasan langsung berdasarkan sasaran kerja."
		filler = "Anggaran daerah untuk program ini ditetapkan setiap tahun melalui peraturan kepala daerah " +
			"setelah dibahas bersama dewan perwakilan rakyat daerah dan diumumkan kepada masyarakat luas."
	)
	tests := []struct {
		name     string
		old, new []catalog.Section
		want     map[string]string
	}{
		{"empty", nil, nil, map[string]string{}},
		{
			"kept, edited, removed, added",
			[]catalog.Section{sec("kinerja", "Kinerja", tRekrutmen, tPenilaian, tMutasi)},
			[]catalog.Section{sec("kinerja", "Kinerja", tRekrutmen, edited, tBeasiswa)},
			map[string]string{
				"p-kinerja-1": "p-kinerja-1", // unchanged
				"p-kinerja-2": "p-kinerja-2", // edited
				"p-kinerja-3": "",            // removed; tBeasiswa is unrelated
			},
		},
		{
			"reordered and inserted",
			[]catalog.Section{sec("kinerja", "Kinerja", tRekrutmen, tPenilaian)},
			[]catalog.Section{sec("kinerja", "Kinerja", tBeasiswa, tPenilaian, tRekrutmen)},
			map[string]string{"p-kinerja-1": "p-kinerja-3", "p-kinerja-2": "p-kinerja-2"},
		},
		{
			"identical blocks pair in order",
			[]catalog.Section{sec("s", "S", tMutasi, tRekrutmen, tMutasi)},
			[]catalog.Section{sec("s", "S", tMutasi, tMutasi)},
			map[string]string{"p-s-1": "p-s-1", "p-s-2": "", "p-s-3": "p-s-2"},
		},
		{
			"renamed section",
			[]catalog.Section{sec("pelatihan", "Pelatihan", tPelatihan, tBeasiswa)},
			[]catalog.Section{sec("pengembangan", "Pengembangan", tPelatihan, tBeasiswa)},
			map[string]string{"p-pelatihan-1": "p-pengembangan-1", "p-pelatihan-2": "p-pengembangan-2"},
		},
		{
			// The section is gone, but one of its paragraphs lives on in
			// another section: its blocks look among all blocks.
			"removed section",
			[]catalog.Section{sec("a", "A", tRekrutmen), sec("mutasi", "Mutasi", tMutasi, tPelatihan)},
			[]catalog.Section{sec("a", "A", tRekrutmen), sec("lain", "Lain-lain", filler, tMutasi, filler)},
			map[string]string{"p-a-1": "p-a-1", "p-mutasi-1": "p-lain-2", "p-mutasi-2": ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParagraphMap(tt.old, tt.new)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParagraphMap (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParagraphMapVersions maps the paragraphs of the two versions of
// Mamuju's policy, v1 an abridged v2.
func TestParagraphMapVersions(t *testing.T) {
	got := ParagraphMap(load(t, "mamuju-v1"), load(t, "mamuju-v2"))
	want := map[string]string{
		"p-pendahuluan-1":                 "p-pendahuluan-1",
		"p-tujuan-penyusunan-kebijakan-1": "p-tujuan-penyusunan-kebijakan-1",
		"p-ruang-lingkup-kebijakan-1":     "p-aspek-aspek-kebijakan-1",
		// "Pelatihan bagi ASN diselenggarakan sesuai kebutuhan instansi."
		// shares 5 of its 7 words with one paragraph of 41 words and 3 with
		// the other: too little of either to follow it.
		"p-ruang-lingkup-kebijakan-2": "",
		"p-implementasi-kebijakan-1":  "p-implementasi-kebijakan-1",
		"p-kesimpulan-1":              "p-kesimpulan-1",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParagraphMap (-want +got):\n%s", diff)
	}
}

// TestAnchorMap checks AnchorMap against what ParagraphMap and Compare say of
// the same texts: every wanted anchor, and only those.
func TestAnchorMap(t *testing.T) {
	old, new := load(t, "mamuju-v1"), load(t, "mamuju-v2")
	full := ParagraphMap(old, new)
	for _, p := range Compare(old, new).Sections {
		if p.AID != "" {
			full[p.AID] = p.BID
		}
	}
	if got := AnchorMap(old, new, everything); !cmp.Equal(full, got) {
		t.Errorf("AnchorMap of every anchor (-want +got):\n%s", cmp.Diff(full, got))
	}
	// Wanting one block of a section must not change where it goes, though
	// its neighbours no longer ask.
	want := map[string]bool{"p-ruang-lingkup-kebijakan-1": true, "ruang-lingkup-kebijakan": true}
	got := AnchorMap(old, new, func(id string) bool { return want[id] })
	if len(got) != len(want) {
		t.Errorf("AnchorMap answered %d anchors, want %d: %v", len(got), len(want), got)
	}
	for id := range want {
		if to, ok := got[id]; !ok || to != full[id] {
			t.Errorf("AnchorMap[%q] = %q, %v; want %q", id, to, ok, full[id])
		}
	}
}

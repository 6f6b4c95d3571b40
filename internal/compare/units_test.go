package compare

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/catalog"
)

// TestCompareUnitsVersions compares two versions of one regulation, whose
// sections pair by id alone.
func TestCompareUnitsVersions(t *testing.T) {
	p1, p2, p3 := pasal("1", pDefinisi...), pasal("2", pPengadaan...), pasal("3", pPelatihan...)
	p4, p5 := pasal("4", pMutasi...), pasal("5", pKinerja...)
	tests := []struct {
		name string
		a, b []catalog.Section
		want []string // status a_id → b_id, in order
	}{
		{
			"inserted Pasal keeps the later ones paired",
			regs(p1, p2, p3, p4, p5),
			regs(p1, p2, pasal("2A", pSanksi...), p3, p4, p5),
			[]string{
				"unchanged pasal-1 → pasal-1", "unchanged pasal-2 → pasal-2", "added  → pasal-2a",
				"unchanged pasal-3 → pasal-3", "unchanged pasal-4 → pasal-4", "unchanged pasal-5 → pasal-5",
			},
		},
		{
			"Pasal become Dihapus. is changed",
			regs(p1, p2, p3),
			regs(p1, p2, pasal("3", "Dihapus.")),
			[]string{"unchanged pasal-1 → pasal-1", "unchanged pasal-2 → pasal-2", "changed pasal-3 → pasal-3"},
		},
		{
			"the same text under another id is not paired",
			regs(p1, p2, p3),
			regs(p1, p2, pasal("4", pPelatihan...)),
			[]string{
				"unchanged pasal-1 → pasal-1", "unchanged pasal-2 → pasal-2",
				"removed pasal-3 → ", "added  → pasal-4",
			},
		},
		{
			"the same heading under another id is not paired",
			regs(unit("menimbang", "Menimbang", "a. bahwa pegawai perlu dikelola;")),
			regs(unit("penjelasan-umum", "Menimbang", "a. bahwa pegawai perlu dikelola;")),
			[]string{"removed menimbang → ", "added  → penjelasan-umum"},
		},
		{
			"parts and penjelasan pair by id",
			regs(unit("menimbang", "Menimbang", "a. bahwa pegawai perlu dikelola;"), p1, unit("penjelasan-pasal-1", "Penjelasan Pasal 1", "Cukup jelas.")),
			regs(unit("menimbang", "Menimbang", "a. bahwa pegawai perlu dikelola dengan baik;"), p1, unit("penjelasan-pasal-1", "Penjelasan Pasal 1", "Cukup jelas.")),
			[]string{"changed menimbang → menimbang", "unchanged pasal-1 → pasal-1", "unchanged penjelasan-pasal-1 → penjelasan-pasal-1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CompareUnits(tt.a, tt.b, false)
			if diff := cmp.Diff(tt.want, idSummary(got)); diff != "" {
				t.Errorf("pairs (-want +got):\n%s", diff)
			}
			checkResult(t, tt.a, tt.b, got)
		})
	}
}

// TestCompareUnitsNeverPairsOtherIDs checks that without byText no pair
// joins sections of different ids, on sections that Compare would pair by
// heading or by text.
func TestCompareUnitsNeverPairsOtherIDs(t *testing.T) {
	a := regs(pasal("1", pDefinisi...), pasal("2", pPengadaan...), pasal("3", pPelatihan...), pasal("4", pCuti...))
	b := regs(pasal("1", pDefinisi...), pasal("3", pPengadaan...), pasal("5", pPelatihan...), pasal("6", pCuti...))
	b[1].Heading = "Pasal 2" // the heading of another id
	if across(Compare(a, b)) == 0 {
		t.Fatalf("Compare pairs nothing across ids; the fixture tests nothing")
	}
	r := CompareUnits(a, b, false)
	if n := across(r); n > 0 {
		t.Errorf("%d pairs of different ids: %v", n, idSummary(r))
	}
	checkResult(t, a, b, r)
}

// across counts the pairs of r that join sections of different ids.
func across(r *Result) int {
	n := 0
	for _, p := range r.Sections {
		if p.AID != "" && p.BID != "" && p.AID != p.BID {
			n++
		}
	}
	return n
}

// TestCompareUnitsRegions compares the regulations of two regions, whose
// numbering agrees only in part.
func TestCompareUnitsRegions(t *testing.T) {
	a := regs(
		unit("menimbang", "Menimbang", "a. bahwa pengelolaan pegawai di Kabupaten Mamuju perlu diatur;"),
		pasal("1", pDefinisi...), pasal("2", pPengadaan...), pasal("3", pPelatihan...),
		pasal("4", pMutasi...), pasal("5", pSanksi...), pasal("6", pHonor...),
	)
	b := regs(
		unit("menimbang", "Menimbang", "a. bahwa untuk tertib administrasi perlu menetapkan peraturan tentang aparatur;"),
		pasal("1", strings.ReplaceAll(strings.Join(pDefinisi, "\n"), "Mamuju", "Bandung")),
		pasal("2", pKinerja...),
		pasal("3", pPengadaan...),
		pasal("4", pPelatihan[0], pPelatihan[1], "(3) Biaya pelatihan dibebankan pada anggaran daerah."),
		pasal("5", pMutasi...),
		pasal("6", pCuti...),
	)
	got := CompareUnits(a, b, true)
	want := []string{
		"changed menimbang → menimbang", // by id, though unlike
		"changed pasal-1 → pasal-1",     // by id, alike
		"added  → pasal-2",
		"changed pasal-2 → pasal-3", // by text: the same Pasal under another number
		"changed pasal-3 → pasal-4",
		"changed pasal-4 → pasal-5",
		"removed pasal-5 → ",
		"changed pasal-6 → pasal-6", // by id, as nothing else is like either
	}
	if diff := cmp.Diff(want, idSummary(got)); diff != "" {
		t.Errorf("pairs (-want +got):\n%s", diff)
	}
	checkResult(t, a, b, got)
	for _, p := range got.Sections {
		if p.AID == "pasal-2" && len(p.Ops) != 1 {
			t.Errorf("Pasal 2 ~ Pasal 3 should differ by nothing but their ids, got ops %v", p.Ops)
		}
	}
	// By id alone, every Pasal of b pairs with the one of its number.
	if s := idSummary(CompareUnits(a, b, false)); s[3] != "changed pasal-3 → pasal-3" {
		t.Errorf("CompareUnits without byText: %v", s)
	}
}

// idSummary lists the pairs of r as "status a_id → b_id".
func idSummary(r *Result) []string {
	var out []string
	for _, p := range r.Sections {
		out = append(out, string(p.Status)+" "+p.AID+" → "+p.BID)
	}
	return out
}

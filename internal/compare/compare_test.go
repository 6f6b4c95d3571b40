package compare

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"naskah/internal/catalog"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Texts of sections for the tests below.
const (
	tRekrutmen = "Rekrutmen dilakukan secara terbuka dan objektif melalui seleksi kompetensi."
	tPelatihan = "Pelatihan teknis diberikan kepada seluruh pegawai setiap tahun anggaran."
	tBeasiswa  = "Pegawai berprestasi dapat memperoleh beasiswa untuk studi lanjut di perguruan tinggi negeri."
	tPenilaian = "Kinerja pegawai dinilai setiap semester oleh atasan langsung berdasarkan sasaran kerja."
	tMutasi    = "Mutasi jabatan mempertimbangkan kebutuhan organisasi, rekam jejak dan minat pegawai."
)

func TestCompare(t *testing.T) {
	rek := sec("rekrutmen", "Rekrutmen", tRekrutmen)
	pel := sec("pelatihan", "Pelatihan", tPelatihan)
	pen := sec("penilaian", "Penilaian", tPenilaian)
	tests := []struct {
		name string
		a, b []catalog.Section
		want *Result
	}{
		{"both empty", nil, nil, &Result{Sections: []Pair{}}},
		{
			"old empty",
			nil,
			[]catalog.Section{rek},
			&Result{
				Sections: []Pair{{Status: Added, BID: "rekrutmen", BHeading: "Rekrutmen", Ops: []Op{{OpInsert, tRekrutmen}}}},
				Stats:    Stats{WordsAdded: 9, SectionsChanged: 1},
			},
		},
		{
			"new empty",
			[]catalog.Section{rek},
			nil,
			&Result{
				Sections: []Pair{{Status: Removed, AID: "rekrutmen", AHeading: "Rekrutmen", Ops: []Op{{OpDelete, tRekrutmen}}}},
				Stats:    Stats{WordsRemoved: 9, SectionsChanged: 1},
			},
		},
		{
			"identical",
			[]catalog.Section{rek, pel},
			[]catalog.Section{rek, pel},
			&Result{
				Sections: []Pair{same(rek, Unchanged), same(pel, Unchanged)},
				Stats:    Stats{WordsUnchanged: 18},
			},
		},
		{
			"reordered",
			[]catalog.Section{rek, pel, pen},
			[]catalog.Section{pen, rek, pel},
			&Result{
				Sections: []Pair{same(pen, Moved), same(rek, Unchanged), same(pel, Unchanged)},
				Stats:    Stats{WordsUnchanged: 29, SectionsChanged: 1},
			},
		},
		{
			"renamed",
			[]catalog.Section{rek, pel},
			[]catalog.Section{rek, sec("pengembangan-kompetensi", "Pengembangan Kompetensi", tPelatihan)},
			&Result{
				Sections: []Pair{same(rek, Unchanged), {
					Status: Changed, AID: "pelatihan", BID: "pengembangan-kompetensi",
					AHeading: "Pelatihan", BHeading: "Pengembangan Kompetensi",
					Ops: []Op{{OpEqual, tPelatihan}}, Similarity: 1,
				}},
				Stats: Stats{WordsUnchanged: 18, SectionsChanged: 1},
			},
		},
		{
			"heading respelled",
			[]catalog.Section{sec("aspek-aspek-kebijakan", "Aspek-Aspek Kebijakan", tRekrutmen)},
			[]catalog.Section{sec("aspek-aspek-kebijakan", "aspek aspek  kebijakan:", tMutasi)},
			&Result{
				Sections: []Pair{{
					Status: Changed, AID: "aspek-aspek-kebijakan", BID: "aspek-aspek-kebijakan",
					AHeading: "Aspek-Aspek Kebijakan", BHeading: "aspek aspek  kebijakan:",
					Ops: []Op{{OpDelete, strings.TrimSuffix(tRekrutmen, ".")}, {OpInsert, strings.TrimSuffix(tMutasi, ".")}, {OpEqual, "."}},
				}},
				Stats: Stats{WordsAdded: 10, WordsRemoved: 9, SectionsChanged: 1},
			},
		},
		{
			"removed shows where it was",
			[]catalog.Section{rek, pel, pen},
			[]catalog.Section{pen, rek},
			&Result{
				Sections: []Pair{
					same(pen, Moved), same(rek, Unchanged),
					{Status: Removed, AID: "pelatihan", AHeading: "Pelatihan", Ops: []Op{{OpDelete, tPelatihan}}},
				},
				Stats: Stats{WordsRemoved: 9, WordsUnchanged: 20, SectionsChanged: 2},
			},
		},
		{
			"removed first",
			[]catalog.Section{pel, rek},
			[]catalog.Section{pen, rek},
			&Result{
				Sections: []Pair{
					{Status: Removed, AID: "pelatihan", AHeading: "Pelatihan", Ops: []Op{{OpDelete, tPelatihan}}},
					{Status: Added, BID: "penilaian", BHeading: "Penilaian", Ops: []Op{{OpInsert, tPenilaian}}},
					same(rek, Unchanged),
				},
				Stats: Stats{WordsAdded: 11, WordsRemoved: 9, WordsUnchanged: 9, SectionsChanged: 2},
			},
		},
		{
			"preambles pair",
			[]catalog.Section{sec("", "", "Naskah ini berlaku sejak diundangkan."), rek},
			[]catalog.Section{sec("", "", "Naskah ini berlaku sejak ditetapkan."), rek},
			&Result{
				Sections: []Pair{{
					Status: Changed,
					Ops: []Op{
						{OpEqual, "Naskah ini berlaku sejak "}, {OpDelete, "diundangkan"},
						{OpInsert, "ditetapkan"}, {OpEqual, "."},
					},
					Similarity: 0.8, // 4 words of 5 in both
				}, same(rek, Unchanged)},
				Stats: Stats{WordsAdded: 1, WordsRemoved: 1, WordsUnchanged: 13, SectionsChanged: 1},
			},
		},
		{
			"moved and changed",
			[]catalog.Section{rek, pel, pen},
			[]catalog.Section{sec("penilaian", "Penilaian", strings.Replace(tPenilaian, "semester", "tahun", 1)), rek, pel},
			&Result{
				Sections: []Pair{{
					Status: Moved, AID: "penilaian", BID: "penilaian", AHeading: "Penilaian", BHeading: "Penilaian",
					Ops: []Op{
						{OpEqual, "Kinerja pegawai dinilai setiap "}, {OpDelete, "semester"},
						{OpInsert, "tahun"}, {OpEqual, " oleh atasan langsung berdasarkan sasaran kerja."},
					},
					Similarity: 0.909, // 10 words of 11 in both
				}, same(rek, Unchanged), same(pel, Unchanged)},
				Stats: Stats{WordsAdded: 1, WordsRemoved: 1, WordsUnchanged: 28, SectionsChanged: 1},
			},
		},
		{
			"unrelated leftovers stay apart",
			[]catalog.Section{rek, pel},
			[]catalog.Section{rek, sec("mutasi", "Mutasi", tMutasi)},
			&Result{
				Sections: []Pair{
					same(rek, Unchanged),
					{Status: Removed, AID: "pelatihan", AHeading: "Pelatihan", Ops: []Op{{OpDelete, tPelatihan}}},
					{Status: Added, BID: "mutasi", BHeading: "Mutasi", Ops: []Op{{OpInsert, tMutasi}}},
				},
				Stats: Stats{WordsAdded: 10, WordsRemoved: 9, WordsUnchanged: 9, SectionsChanged: 2},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compare(tt.a, tt.b)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Compare (-want +got):\n%s", diff)
			}
			checkResult(t, tt.a, tt.b, got)
		})
	}
}

// same returns the pair of s with itself.
func same(s catalog.Section, st Status) Pair {
	return Pair{Status: st, AID: s.ID, BID: s.ID, AHeading: s.Heading, BHeading: s.Heading, Ops: whole(OpEqual, s.Text), Similarity: 1}
}

// TestOneAgainstMany checks that a section split in two pairs with one part
// and reports the other as added.
func TestOneAgainstMany(t *testing.T) {
	whole := sec("pengembangan", "Pengembangan Pegawai", tPelatihan+" "+tBeasiswa+" "+tMutasi, tPenilaian)
	tests := []struct {
		name string
		b    []catalog.Section
		want []string // status a_heading → b_heading, in order
	}{
		{
			"by heading",
			[]catalog.Section{
				sec("pengembangan", "Pengembangan Pegawai", tPelatihan+" "+tBeasiswa+" "+tMutasi),
				sec("penilaian", "Penilaian", tPenilaian),
			},
			[]string{"changed Pengembangan Pegawai → Pengembangan Pegawai", "added  → Penilaian"},
		},
		{
			"by text",
			[]catalog.Section{
				sec("pelatihan", "Pelatihan dan Beasiswa", tPelatihan+" "+tBeasiswa+" "+tMutasi),
				sec("penilaian", "Penilaian", tPenilaian),
			},
			[]string{"changed Pengembangan Pegawai → Pelatihan dan Beasiswa", "added  → Penilaian"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := []catalog.Section{whole}
			got := Compare(a, tt.b)
			if diff := cmp.Diff(tt.want, summary(got)); diff != "" {
				t.Errorf("pairs (-want +got):\n%s", diff)
			}
			checkResult(t, a, tt.b, got)
		})
	}
}

// summary lists the pairs of r as "status a_heading → b_heading".
func summary(r *Result) []string {
	var out []string
	for _, p := range r.Sections {
		out = append(out, string(p.Status)+" "+p.AHeading+" → "+p.BHeading)
	}
	return out
}

// checkResult checks that every pair of r rebuilds the texts of its
// sections exactly, that every section shows up once, and that the stats
// add up.
func checkResult(t *testing.T, a, b []catalog.Section, r *Result) {
	t.Helper()
	texts := func(secs []catalog.Section) map[string]string {
		m := map[string]string{}
		for _, s := range secs {
			m[s.ID] = s.Text
		}
		return m
	}
	ta, tb := texts(a), texts(b)
	seenA, seenB := 0, 0
	var total Stats
	for _, p := range r.Sections {
		if p.Status != Added {
			seenA++
		}
		if p.Status != Removed {
			seenB++
		}
		if p.Status != Unchanged {
			total.SectionsChanged++
		}
		for _, op := range p.Ops {
			n := words(op.Text)
			switch op.Op {
			case OpEqual:
				total.WordsUnchanged += n
			case OpDelete:
				total.WordsRemoved += n
			case OpInsert:
				total.WordsAdded += n
			}
		}
		checkOps(t, ta[p.AID], tb[p.BID], p.Ops)
	}
	if seenA != len(a) || seenB != len(b) {
		t.Errorf("result shows %d sections of a and %d of b, want %d and %d", seenA, seenB, len(a), len(b))
	}
	if diff := cmp.Diff(total, r.Stats); diff != "" {
		t.Errorf("stats disagree with the ops (-ops +stats):\n%s", diff)
	}
}

func TestMamujuBandung(t *testing.T) {
	got := Compare(load(t, "mamuju-v2"), load(t, "bandung-v1"))
	want := []string{
		"changed Pendahuluan → Pendahuluan",
		"changed Tujuan Penyusunan Kebijakan → Tujuan Penyusunan Kebijakan",
		"changed Aspek-Aspek Kebijakan → Aspek-Aspek Pengelolaan Kepegawaian",
		"removed Implementasi Kebijakan → ",
		"added  → Partisipasi dan Kolaborasi",
		"changed Tantangan dalam Pengelolaan Kepegawaian → Tantangan dalam Pengelolaan Kepegawaian",
		"changed Kesimpulan → Kesimpulan",
	}
	if diff := cmp.Diff(want, summary(got)); diff != "" {
		t.Errorf("pairs (-want +got):\n%s", diff)
	}
}

// TestGolden compares Compare of the two real documents with
// testdata/mamuju-bandung.json; go test -update rewrites it.
func TestGolden(t *testing.T) {
	a, b := load(t, "mamuju-v2"), load(t, "bandung-v1")
	got, err := json.MarshalIndent(Compare(a, b), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "mamuju-bandung.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("Compare(mamuju-v2, bandung-v1) differs from %s (-want +got):\n%s", path, diff)
	}
}

// realDocs returns the names of the real documents in testdata.
func realDocs() []string {
	return []string{"mamuju-v1", "mamuju-v2", "bandung-v1", "serang-v1", "tanjungbalai-v1"}
}

// TestRealDocuments compares every real document with every other and
// checks the results.
func TestRealDocuments(t *testing.T) {
	for _, x := range realDocs() {
		for _, y := range realDocs() {
			t.Run(x+"/"+y, func(t *testing.T) {
				a, b := load(t, x), load(t, y)
				r := Compare(a, b)
				checkResult(t, a, b, r)
				if x == y && r.Stats.SectionsChanged != 0 {
					t.Errorf("a document differs from itself: %+v", r.Stats)
				}
			})
		}
	}
}

// TestSimilarityThreshold justifies minSimilarity on the real documents.
// Between any two of them, the sections left after pairing by heading pair
// by text only where a reader would pair them too; and most pairs of
// sections with different headings are well below the threshold.
func TestSimilarityThreshold(t *testing.T) {
	want := map[string]bool{
		// v1 is an abridged illustration of v2; its scope became "aspects".
		"mamuju-v1/Ruang Lingkup Kebijakan ~ mamuju-v2/Aspek-Aspek Kebijakan": true,
		// The same topic in two regions.
		"mamuju-v2/Aspek-Aspek Kebijakan ~ bandung-v1/Aspek-Aspek Pengelolaan Kepegawaian": true,
		// Both ask for competence that fits the needs of the institution.
		"mamuju-v1/Ruang Lingkup Kebijakan ~ serang-v1/Tujuan Pengelolaan Kepegawaian ASN": true,
	}
	got, sims := pairsByText(t, want)
	for k := range want {
		if !got[k] {
			t.Errorf("not paired by text: %s", k)
		}
	}
	for k := range got {
		if !want[k] {
			t.Errorf("paired by text unexpectedly: %s", k)
		}
	}
	slices.Sort(sims)
	p95 := sims[len(sims)*95/100]
	t.Logf("similarity of unrelated sections with different headings: median %.2f, 95th percentile %.2f, max %.2f",
		sims[len(sims)/2], p95, sims[len(sims)-1])
	if p95 >= minSimilarity {
		t.Errorf("95th percentile of unrelated sections' similarity %.2f ≥ threshold %.2f", p95, minSimilarity)
	}
}

// pairsByText compares every real document with every other. It returns
// the pairs of sections with different headings that pair by text, as
// "doc/heading ~ doc/heading" with the older document first, and the
// similarities of all pairs with different headings that related does not
// name.
func pairsByText(t *testing.T, related map[string]bool) (map[string]bool, []float64) {
	got := map[string]bool{}
	var sims []float64
	docs := realDocs()
	for ix, x := range docs {
		for iy, y := range docs {
			if x == y {
				continue
			}
			a, b := load(t, x), load(t, y)
			c := newComparison(a, b)
			for i := range a {
				for j := range b {
					if headingKey(a[i]) == headingKey(b[j]) {
						continue
					}
					key := x + "/" + a[i].Heading + " ~ " + y + "/" + b[j].Heading
					if iy < ix {
						key = reverse(key)
					}
					if c.al.aToB[i] == j {
						got[key] = true
					}
					if !related[key] {
						sims = append(sims, jaccard(c.textA(i).set, c.textB(j).set))
					}
				}
			}
		}
	}
	return got, sims
}

func reverse(k string) string {
	x, y, _ := strings.Cut(k, " ~ ")
	return y + " ~ " + x
}

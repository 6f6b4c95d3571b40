package compare

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// diffStrings returns the word diff of a and b and its word counts.
func diffStrings(a, b string) ([]Op, Stats) {
	c := &comparison{in: newInterner()}
	ops := c.diff(newText(c.in, a), newText(c.in, b))
	return ops, c.stats
}

// checkOps reports where ops fail to turn a into b exactly, or are not in
// canonical form: no empty texts, no two ops of a kind in a row, and a
// deletion always before the insertion it goes with.
func checkOps(t *testing.T, a, b string, ops []Op) {
	t.Helper()
	var olds, news strings.Builder
	for i, op := range ops {
		if op.Text == "" {
			t.Errorf("op %d: empty %s", i, op.Op)
		}
		if i > 0 && (ops[i-1].Op == op.Op || ops[i-1].Op == OpInsert && op.Op == OpDelete) {
			t.Errorf("op %d: %s after %s", i, op.Op, ops[i-1].Op)
		}
		switch op.Op {
		case OpEqual:
			olds.WriteString(op.Text)
			news.WriteString(op.Text)
		case OpDelete:
			olds.WriteString(op.Text)
		case OpInsert:
			news.WriteString(op.Text)
		default:
			t.Errorf("op %d: unknown op %q", i, op.Op)
		}
	}
	if got := olds.String(); got != a {
		t.Errorf("equal+delete = %q, want %q", got, a)
	}
	if got := news.String(); got != b {
		t.Errorf("equal+insert = %q, want %q", got, b)
	}
}

// words returns the number of words of s.
func words(s string) int {
	t := newText(newInterner(), s)
	return t.countWords(0, t.len())
}

func checkStats(t *testing.T, a, b string, st Stats) {
	t.Helper()
	if got, want := st.WordsUnchanged+st.WordsRemoved, words(a); got != want {
		t.Errorf("unchanged+removed = %d, want the %d words of a", got, want)
	}
	if got, want := st.WordsUnchanged+st.WordsAdded, words(b); got != want {
		t.Errorf("unchanged+added = %d, want the %d words of b", got, want)
	}
}

func TestWordDiff(t *testing.T) {
	const (
		first = "Pegawai baru wajib mengikuti orientasi selama satu bulan. "
		para1 = "Rekrutmen dilakukan secara terbuka dan objektif."
		para2 = "Pelatihan diberikan kepada seluruh pegawai setiap tahun."
	)
	tests := []struct {
		name string
		a, b string
		want []Op
	}{
		{"both empty", "", "", []Op{}},
		{"all new", "", "Kata baru.", []Op{{OpInsert, "Kata baru."}}},
		{"all gone", "Kata lama.", "", []Op{{OpDelete, "Kata lama."}}},
		{"same", "Sama saja.", "Sama saja.", []Op{{OpEqual, "Sama saja."}}},
		{
			"one word",
			"Pegawai dinilai oleh atasan langsung.",
			"Pegawai dinilai oleh pimpinan langsung.",
			[]Op{{OpEqual, "Pegawai dinilai oleh "}, {OpDelete, "atasan"}, {OpInsert, "pimpinan"}, {OpEqual, " langsung."}},
		},
		{
			// The words "oleh" and the spaces that the two sentences share
			// are not worth showing: the sentence reads as one change.
			"rewritten sentence",
			first + "Setelah itu mereka dinilai oleh atasan langsung.",
			first + "Penilaian kinerja awal dilakukan oleh tim kepegawaian daerah.",
			[]Op{
				{OpEqual, first},
				{OpDelete, "Setelah itu mereka dinilai oleh atasan langsung"},
				{OpInsert, "Penilaian kinerja awal dilakukan oleh tim kepegawaian daerah"},
				{OpEqual, "."},
			},
		},
		{
			"words inserted",
			"Seleksi dilakukan secara terbuka.",
			"Seleksi calon pegawai dilakukan secara terbuka.",
			[]Op{{OpEqual, "Seleksi "}, {OpInsert, "calon pegawai "}, {OpEqual, "dilakukan secara terbuka."}},
		},
		{
			// Rewriting both paragraphs keeps the blank line between them.
			"paragraphs rewritten",
			para1 + "\n\n" + para2,
			"Penerimaan pegawai diumumkan di laman resmi.\n\nAnggaran pengembangan kompetensi ditetapkan tiap tahun.",
			[]Op{
				{OpDelete, strings.TrimSuffix(para1, ".")},
				{OpInsert, "Penerimaan pegawai diumumkan di laman resmi"},
				{OpEqual, ".\n\n"},
				{OpDelete, strings.TrimSuffix(para2, " tahun.")},
				{OpInsert, "Anggaran pengembangan kompetensi ditetapkan tiap"},
				{OpEqual, " tahun."},
			},
		},
		{
			"paragraph inserted",
			para1 + "\n\n" + para2,
			para1 + "\n\nMutasi dilakukan sesuai kebutuhan.\n\n" + para2,
			[]Op{{OpEqual, para1 + "\n\n"}, {OpInsert, "Mutasi dilakukan sesuai kebutuhan.\n\n"}, {OpEqual, para2}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, st := diffStrings(tt.a, tt.b)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ops (-want +got):\n%s", diff)
			}
			checkOps(t, tt.a, tt.b, got)
			checkStats(t, tt.a, tt.b, st)
		})
	}
}

func TestWordStats(t *testing.T) {
	_, got := diffStrings(
		"Pegawai dinilai oleh atasan, setiap 6 bulan.",
		"Pegawai dinilai oleh pimpinan unit, setiap 6 bulan.",
	)
	want := Stats{WordsAdded: 2, WordsRemoved: 1, WordsUnchanged: 6}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
}

func TestTokens(t *testing.T) {
	in := newInterner()
	tx := newText(in, "Aspek-Aspek  ASN, 2025\n\nKabupaten Mamuju…")
	var got []string
	for i := range tx.len() {
		got = append(got, tx.slice(i, i+1))
	}
	want := []string{"Aspek", "-", "Aspek", "  ", "ASN", ",", " ", "2025", "\n\n", "Kabupaten", " ", "Mamuju", "…"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tokens (-want +got):\n%s", diff)
	}
	if got, want := tx.countWords(0, tx.len()), 6; got != want {
		t.Errorf("words = %d, want %d", got, want)
	}
	// "Aspek" twice and "Kabupaten"/"kabupaten" fold to one word each.
	if got, want := len(tx.set), 5; got != want {
		t.Errorf("distinct words = %d, want %d", got, want)
	}
}

// TestDiffMinimal checks the Myers diff against the length of a longest
// common subsequence computed by dynamic programming.
func TestDiffMinimal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var d differ
	for range 2000 {
		a, b := randomSeq(r, 40, 4), randomSeq(r, 40, 4)
		script := d.diff(a, b)
		checkScript(t, a, b, script)
		equal := 0
		for _, run := range script {
			if run.kind == opEqual {
				equal += run.n
			}
		}
		if want := lcs(a, b); equal != want {
			t.Fatalf("diff(%v, %v) keeps %d tokens, want %d", a, b, equal, want)
		}
	}
}

// TestDiffExpensive checks that texts too different for a minimal diff
// within maxCost still get a valid one.
func TestDiffExpensive(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var d differ
	for _, n := range []int{600, 3000, 20000} {
		a, b := randomSeq(r, n, 50), randomSeq(r, n, 50)
		checkScript(t, a, b, d.diff(a, b))
	}
}

func randomSeq(r *rand.Rand, n, alphabet int) []int32 {
	s := make([]int32, r.IntN(n+1))
	for i := range s {
		s[i] = int32(r.IntN(alphabet))
	}
	return s
}

// checkScript checks that script turns a into b.
func checkScript(t *testing.T, a, b []int32, script []run) {
	t.Helper()
	x, y := 0, 0
	for _, r := range script {
		switch r.kind {
		case opEqual:
			if !slices.Equal(a[x:x+r.n], b[y:y+r.n]) {
				t.Fatalf("equal run at %d,%d differs", x, y)
			}
			x, y = x+r.n, y+r.n
		case opDelete:
			x += r.n
		case opInsert:
			y += r.n
		}
	}
	if x != len(a) || y != len(b) {
		t.Fatalf("script ends at %d,%d, want %d,%d", x, y, len(a), len(b))
	}
}

// lcs returns the length of a longest common subsequence of a and b.
func lcs(a, b []int32) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// TestReconstruction checks on random edits of real text that the ops
// always rebuild both texts.
func TestReconstruction(t *testing.T) {
	var vocab []string
	for _, name := range []string{"mamuju-v2", "bandung-v1"} {
		for _, s := range load(t, name) {
			vocab = append(vocab, strings.Fields(s.Text)...)
		}
	}
	base := strings.Join(vocab, " ")
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 300 {
		a, b := mutate(r, base, vocab), mutate(r, base, vocab)
		if i%3 == 0 {
			b = mutate(r, a, vocab)
		}
		ops, st := diffStrings(a, b)
		checkOps(t, a, b, ops)
		checkStats(t, a, b, st)
		if t.Failed() {
			return
		}
	}
}

// mutate returns s with a few random words replaced, deleted or inserted,
// and perhaps a paragraph break.
func mutate(r *rand.Rand, s string, vocab []string) string {
	w := strings.Split(s, " ")
	for range r.IntN(20) {
		i := r.IntN(len(w))
		switch r.IntN(4) {
		case 0:
			w[i] = vocab[r.IntN(len(vocab))]
		case 1:
			w = append(w[:i], w[i+1:]...)
		case 2:
			w = append(w[:i], append([]string{vocab[r.IntN(len(vocab))]}, w[i:]...)...)
		case 3:
			w[i] += "\n\n"
		}
	}
	return strings.Join(w, " ")
}

func FuzzDiff(f *testing.F) {
	f.Add("", "")
	f.Add("Pegawai dinilai oleh atasan.", "Pegawai dinilai oleh pimpinan.")
	f.Add("## A\n\nsatu dua\n\n## B\n\ntiga", "## B\n\ntiga empat\n\n## A\n\nsatu")
	f.Add("a\n\nb c", "b\n\na c\xff")
	f.Fuzz(func(t *testing.T, a, b string) {
		ops, st := diffStrings(a, b)
		checkOps(t, a, b, ops)
		checkStats(t, a, b, st)
		res := Compare(parse(a), parse(b))
		for _, p := range res.Sections {
			if p.Status == "" {
				t.Errorf("pair %q/%q without a status", p.AID, p.BID)
			}
		}
		ParagraphMap(parse(a), parse(b))
	})
}

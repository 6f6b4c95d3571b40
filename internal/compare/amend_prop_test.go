package compare

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"naskah/internal/catalog"
)

// TestAmendmentsOrder checks that the items of Pasal I follow new's Pasal,
// then the parts, then the penjelasan.
func TestAmendmentsOrder(t *testing.T) {
	n := base()
	n[0] = unit("menimbang", "Menimbang", "a. bahwa pegawai perlu dikelola;", n[0].Blocks[1].Text)
	n[1] = unit("mengingat", "Mengingat", n[1].Blocks[0].Text, "2. Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil;")
	n[4] = pasal("2", with(pPengadaan, 0, "(1) Pengadaan dilaksanakan terbuka.")...)
	n[7] = pasal("5", "Dihapus.")
	n[8] = unit("penutup", "Penutup", "Peraturan Bupati ini mulai berlaku 30 hari sejak diundangkan.")
	n[9] = unit("penjelasan-umum", "Penjelasan Umum", "Peraturan ini mengatur pegawai.")
	n[11] = unit("penjelasan-pasal-2", "Penjelasan Pasal 2", "Cukup jelas.")
	n = slices.Delete(n, 6, 7)                              // Pasal 4
	n = slices.Insert(n, 5, pasal("2A", pSanksi...))        // after Pasal 2
	n = slices.Insert(n, 0, unit("", "", "BUPATI MAMUJU,")) // a preamble, which is a part
	var got []string
	for _, a := range Amendments(base(), n) {
		got = append(got, a.Unit)
	}
	want := []string{"pasal-2", "pasal-2a", "pasal-4", "pasal-5", "", "menimbang", "mengingat", "penutup", "penjelasan-umum", "penjelasan-pasal-2"}
	if !slices.Equal(want, got) {
		t.Errorf("units of the items = %q, want %q", got, want)
	}
}

// A draft is a version of a regulation that the property tests edit: its
// Pasal as numbers and lines, and the lines of the parts.
type draft struct {
	pasal      []draftPasal
	menimbang  []string
	penjelasan []string // of Pasal 2
}

type draftPasal struct {
	number string
	lines  []string
}

func baseDraft() *draft {
	return &draft{
		pasal: []draftPasal{
			{"1", pDefinisi}, {"2", pPengadaan}, {"3", pPelatihan}, {"4", pCutiLengkap}, {"5", pMutasi}, {"6", pCuti},
		},
		menimbang:  []string{"a. bahwa pegawai perlu diatur;", "b. bahwa perlu menetapkan Peraturan Bupati;"},
		penjelasan: []string{"Cukup jelas."},
	}
}

func (d *draft) sections() []catalog.Section {
	out := []catalog.Section{unit("menimbang", "Menimbang", d.menimbang...)}
	for _, p := range d.pasal {
		out = append(out, pasal(p.number, p.lines...))
	}
	return append(out, unit("penjelasan-pasal-2", "Penjelasan Pasal 2", d.penjelasan...))
}

// apply makes the edit that op says to the Pasal (or part) at k.
func (d *draft) apply(op, k byte) {
	i := int(k) % len(d.pasal)
	p := &d.pasal[i]
	lines := slices.Clone(p.lines)
	switch op % 9 {
	case 0: // insert a Pasal after p
		if n := nextNumber(d, p.number); n != "" {
			d.pasal = slices.Insert(d.pasal, i+1, draftPasal{n, []string{"Pasal sisipan " + n + "."}})
		}
		return
	case 1:
		lines = []string{"Dihapus."}
	case 2:
		if len(d.pasal) > 1 {
			d.pasal = slices.Delete(d.pasal, i, i+1)
		}
		return
	case 3: // change a line
		j := int(k/7) % len(lines)
		lines[j] += " (diubah)"
	case 4: // add an ayat, or a line of its own text
		if strings.HasPrefix(lines[0], "(") {
			lines = append(lines, "("+strings.Repeat("9", 1+int(k)%3)+") Ayat tambahan.")
		} else {
			lines = append(lines, "9. Angka tambahan.")
		}
	case 5: // remove a line
		if len(lines) > 1 {
			lines = slices.Delete(lines, len(lines)-1, len(lines))
		}
	case 6: // an item becomes Dihapus.
		j := int(k/7) % len(lines)
		if num, _, ok := strings.Cut(lines[j], " "); ok && (strings.HasSuffix(num, ".") || strings.HasSuffix(num, ")")) {
			lines[j] = num + " Dihapus."
		}
	case 7:
		d.menimbang = with(d.menimbang, int(k)%len(d.menimbang), "b. bahwa perlu diubah;")
		return
	case 8:
		d.penjelasan = []string{"Seleksi diselenggarakan bersama BKN."}
		return
	}
	p.lines = lines
}

// nextNumber returns the number of a Pasal to insert after Pasal n that d
// lacks, or "" if there is none.
func nextNumber(d *draft, n string) string {
	digits := strings.TrimRight(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	for c := 'A'; c <= 'Z'; c++ {
		m := digits + string(c)
		if !slices.ContainsFunc(d.pasal, func(p draftPasal) bool { return p.number == m }) {
			return m
		}
	}
	return ""
}

// versions builds two versions from data: the edits of old, then those of
// new, two bytes each.
func versions(data []byte) (old, new []catalog.Section) {
	o, n := baseDraft(), baseDraft()
	split := 0
	if len(data) > 0 {
		split, data = 2*(int(data[0])%4), data[1:]
	}
	for i := 0; i+1 < len(data) && i < 64; i += 2 {
		if i < split {
			o.apply(data[i], data[i+1])
		}
		n.apply(data[i], data[i+1])
	}
	return o.sections(), n.sections()
}

// checkAmendments checks that every Pasal that differs between old and new
// is the subject of exactly one amendment, that no other is, that the
// Pasal come before the rest, and that each text is the wording of its
// unit.
func checkAmendments(t *testing.T, old, new []catalog.Section) {
	t.Helper()
	ams := Amendments(old, new)
	differ := map[string]bool{}
	olds := map[string]catalog.Section{}
	for _, s := range old {
		olds[s.ID] = s
	}
	news := map[string]catalog.Section{}
	for _, s := range new {
		news[s.ID] = s
		o, ok := olds[s.ID]
		if !ok || !slices.Equal(o.Blocks, s.Blocks) && !(deleted(o) && deleted(s)) {
			differ[s.ID] = true
		}
	}
	for _, s := range old {
		if _, ok := news[s.ID]; !ok && !deleted(s) {
			differ[s.ID] = true
		}
	}
	mentions := map[string]int{}
	pastPasal := false
	for _, a := range ams {
		ids := subjects(a)
		isPasal := strings.HasPrefix(a.Unit, "pasal-")
		if isPasal && pastPasal {
			t.Errorf("item about a Pasal after the parts: %q", a.Instruction)
		}
		pastPasal = pastPasal || !isPasal
		for _, id := range ids {
			mentions[id]++
		}
		if strings.HasSuffix(a.Instruction, " dihapus.") != (a.Text == "") {
			t.Errorf("item %q has text %q", a.Instruction, a.Text)
		}
		if a.Text != "" && !strings.HasPrefix(a.Text, news[a.Unit].Heading+"\n") {
			t.Errorf("text of %q does not start with its heading: %q", a.Instruction, a.Text)
		}
	}
	for id := range differ {
		if mentions[id] != 1 {
			t.Errorf("%s differs and is the subject of %d items: %q", id, mentions[id], instructions(ams))
		}
	}
	for id, n := range mentions {
		if !differ[id] {
			t.Errorf("%s is the same in both and the subject of %d items: %q", id, n, instructions(ams))
		}
	}
	if p := PasalI("Peraturan Bupati Contoh", ams); len(ams) > 0 && !strings.Contains(p, ams[len(ams)-1].Instruction) {
		t.Errorf("PasalI lacks the last item: %s", p)
	}
}

// subjects returns the ids of the sections that a is about: its unit, and
// for an insertion, every Pasal it names after "yakni".
func subjects(a Amendment) []string {
	_, list, ok := strings.Cut(a.Instruction, " pasal, yakni ")
	if !ok {
		return []string{a.Unit}
	}
	list, _, _ = strings.Cut(list, ", yang berbunyi")
	var ids []string
	for _, name := range strings.FieldsFunc(strings.ReplaceAll(list, " dan ", ","), func(r rune) bool { return r == ',' }) {
		ids = append(ids, "pasal-"+strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "Pasal ")))
	}
	return ids
}

func instructions(ams []Amendment) []string {
	var out []string
	for _, a := range ams {
		out = append(out, a.Instruction)
	}
	return out
}

// TestAmendmentsProperty checks checkAmendments on random edits.
func TestAmendmentsProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 5))
	for range 2000 {
		data := make([]byte, 1+2*r.IntN(8))
		for i := range data {
			data[i] = byte(r.UintN(256))
		}
		old, new := versions(data)
		checkAmendments(t, old, new)
		if t.Failed() {
			t.Fatalf("edits %v", data)
		}
	}
}

func FuzzAmendments(f *testing.F) {
	f.Add([]byte{0, 0, 1})
	f.Add([]byte{3, 1, 2, 2, 5, 4, 6, 6, 0})
	f.Add([]byte{1, 0, 0, 0, 0, 3, 3, 4, 1, 7, 0, 8, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		old, new := versions(data)
		checkAmendments(t, old, new)
	})
}

// FuzzAmendmentsAny checks that Amendments and PasalI take sections of any
// ids and texts, written one per line: "# id heading" starts a section,
// any other line "id text" is a block of it.
func FuzzAmendmentsAny(f *testing.F) {
	f.Add("# pasal-2 Pasal 2\npasal-2-ayat-1 (1) Satu.\npasal-2-ayat-2 (2) Dua.", "# pasal-2 Pasal 2\npasal-2-ayat-1 (1) Satu.\npasal-2-ayat-3 (3) Tiga.")
	f.Add("# pasal-2 Pasal 2\npasal-2 Dihapus.", "# pasal-2a\n# pasal-2-ayat-1\npasal-2 x\npasal-2 x")
	f.Add("# menimbang Menimbang\nmenimbang-huruf-a a. bahwa", "# menimbang\n-huruf-a a. bahwa\n# penjelasan-pasal-")
	f.Fuzz(func(t *testing.T, a, b string) {
		ams := Amendments(anySections(a), anySections(b))
		_ = PasalI("Peraturan Bupati Contoh", ams)
	})
}

func anySections(src string) []catalog.Section {
	var out []catalog.Section
	for _, line := range strings.Split(src, "\n") {
		if rest, ok := strings.CutPrefix(line, "# "); ok {
			id, heading, _ := strings.Cut(rest, " ")
			out = append(out, catalog.Section{ID: id, Heading: heading})
			continue
		}
		if len(out) == 0 {
			out = append(out, catalog.Section{})
		}
		s := &out[len(out)-1]
		id, text, _ := strings.Cut(line, " ")
		s.Blocks = append(s.Blocks, catalog.Block{ID: id, Text: text})
		if s.Text != "" {
			s.Text += "\n\n"
		}
		s.Text += text
	}
	return out
}

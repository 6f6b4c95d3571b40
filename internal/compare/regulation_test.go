package compare

import (
	"regexp"
	"strings"

	"naskah/internal/catalog"
)

// markers are the numbers that start the items of a regulation, with the
// word of their kind in ids, as package peraturan reads them.
var markers = []struct {
	re   *regexp.Regexp
	kind string
}{
	{regexp.MustCompile(`^\(([0-9]+[a-z]?)\) `), "ayat"},
	{regexp.MustCompile(`^([0-9]+[a-z]?)\. `), "angka"},
	{regexp.MustCompile(`^([0-9]+[a-z]?)\) `), "subangka"},
	{regexp.MustCompile(`^([a-z][a-z0-9]?)\. `), "huruf"},
	{regexp.MustCompile(`^([a-z])\) `), "subhuruf"},
}

// unit returns the section of a regulation with the given id and heading
// whose blocks are lines, as the markdown package makes them: a line that
// starts with no number is the unit's own text, with the unit's id; an item
// ("(1) ", "a. ", "1. ", "a) ", "1) ") nests in the open item of another
// kind, or is the sibling of the open one of its kind, and extends its
// holder's id ("pasal-2-ayat-2-huruf-b").
func unit(id, heading string, lines ...string) catalog.Section {
	s := catalog.Section{ID: id, Heading: heading}
	type open struct{ kind, id string }
	var stack []open
	for _, l := range lines {
		kind, n := "", ""
		for _, m := range markers {
			if sm := m.re.FindStringSubmatch(l); sm != nil {
				kind, n = m.kind, sm[1]
				break
			}
		}
		if kind == "" {
			s.Blocks = append(s.Blocks, catalog.Block{ID: id, Text: l})
			continue
		}
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].kind == kind {
				stack = stack[:k]
				break
			}
		}
		holder := id
		if len(stack) > 0 {
			holder = stack[len(stack)-1].id
		}
		stack = append(stack, open{kind, holder + "-" + kind + "-" + n})
		s.Blocks = append(s.Blocks, catalog.Block{ID: stack[len(stack)-1].id, Text: l})
	}
	texts := make([]string, len(s.Blocks))
	for i, b := range s.Blocks {
		texts[i] = b.Text
	}
	s.Text = strings.Join(texts, "\n\n")
	return s
}

// pasal returns Pasal number with the given lines; see unit.
func pasal(number string, lines ...string) catalog.Section {
	return unit("pasal-"+strings.ToLower(number), "Pasal "+number, lines...)
}

// regs returns the sections as a regulation's version lists them.
func regs(s ...catalog.Section) []catalog.Section { return s }

// Texts of Pasal for the tests below, of different topics.
var (
	pDefinisi = []string{
		"Dalam Peraturan Bupati ini yang dimaksud dengan:",
		"1. Daerah adalah Kabupaten Mamuju.",
		"2. Bupati adalah Bupati Mamuju.",
		"3. Pegawai adalah aparatur sipil negara di lingkungan Pemerintah Daerah.",
	}
	pPengadaan = []string{
		"(1) Pengadaan pegawai dilaksanakan melalui seleksi terbuka.",
		"(2) Seleksi sebagaimana dimaksud pada ayat (1) meliputi:",
		"a. seleksi administrasi;",
		"b. seleksi kompetensi dasar; dan",
		"c. seleksi kompetensi bidang.",
		"(3) Hasil seleksi diumumkan secara terbuka.",
	}
	pPelatihan = []string{
		"(1) Setiap pegawai berhak mengikuti pelatihan teknis paling sedikit 20 (dua puluh) jam pelajaran setiap tahun.",
		"(2) Pelatihan teknis diselenggarakan oleh perangkat daerah yang membidangi kepegawaian.",
	}
	pMutasi = []string{
		"Mutasi jabatan mempertimbangkan kebutuhan organisasi, rekam jejak, dan minat pegawai.",
	}
	pSanksi = []string{
		"Pegawai yang tidak masuk kerja tanpa keterangan dijatuhi hukuman disiplin sesuai ketentuan peraturan perundang-undangan.",
	}
	pCuti = []string{
		"(1) Pegawai berhak atas cuti tahunan selama 12 (dua belas) hari kerja.",
		"(2) Cuti tahunan diajukan secara tertulis kepada atasan langsung.",
	}
	pHonor = []string{
		"Honorarium tim diberikan sesuai standar biaya yang ditetapkan Bupati.",
	}
	pKinerja = []string{
		"Kinerja pegawai dinilai setiap semester oleh atasan langsung berdasarkan sasaran kerja.",
	}
)

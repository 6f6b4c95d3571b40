package content

import (
	"regexp"
	"strconv"
	"strings"

	"naskah/internal/legal"
)

// gazetteForm is how a gazette is cited: "Berita Daerah Kabupaten Mamuju
// Tahun 2025 Nomor 12", or a Lembaran Daerah for a regional regulation.
var gazetteForm = regexp.MustCompile(`^(Berita|Lembaran) Daerah \S.* Tahun [0-9]{4} Nomor [0-9]+[A-Za-z]?$`)

// jdihnGaps returns the warnings about the fields that JDIHN, the national
// legal documentation network, requires of every instrument and that v, an
// instrument, lacks or writes in a form JDIHN's harvester cannot take. A
// missing field is reported on the line of type, which makes v an
// instrument; a malformed one on its own line. The warnings are kept apart
// from the file's other problems: they hold only in a region that is not
// fictional, which its policies are read before.
func (rd *reader) jdihnGaps(v Version) Problems {
	var gaps Problems
	r := report{path: rd.r.path, probs: &gaps}
	missing := func(key, hint string) {
		r.warnf(v.TypeLine, "JDIHN: %s belum diisi; %s", key, hint)
	}
	if v.Type.Name() == "" {
		r.warnf(v.TypeLine, "JDIHN: type %q tidak memiliki jenis dalam JDIHN; pilih jenis peraturannya, mis. perbup", v.Type)
	}
	if v.Number == "" {
		missing("number", `tulis nomor peraturannya, mis. number: "12"`)
	}
	if v.Year == 0 {
		missing("year", "tulis tahun peraturannya, mis. year: 2025")
	}
	rd.wholeDay(r, v.TypeLine, "enacted", v.Enacted, "tanggal penetapan, mis. enacted: 2025-06-16")
	if rd.wholeDay(r, v.TypeLine, "promulgated", v.Promulgated, "tanggal pengundangan, mis. promulgated: 2025-06-17") &&
		v.Year != 0 && v.Promulgated.Year != v.Year {
		_, line := rd.text("promulgated")
		r.warnf(line, "JDIHN: promulgated %s tidak pada year %d; tahun peraturan adalah tahun pengundangannya, periksa salah satunya", v.Promulgated, v.Year)
	}
	switch g, line := rd.text("gazette"); {
	case g == "":
		missing("gazette", `tulis tempat pengundangannya, mis. gazette: "Berita Daerah Kabupaten Mamuju Tahun 2025 Nomor 12"`)
	case !gazetteForm.MatchString(g):
		r.warnf(line, "JDIHN: gazette %q tidak berbentuk \"Berita Daerah … Tahun … Nomor …\" (atau \"Lembaran Daerah …\"), mis. \"Berita Daerah Kabupaten Mamuju Tahun 2025 Nomor 12\"", g)
	case v.Year != 0 && !gazetteOfYear(g, v.Year):
		r.warnf(line, "JDIHN: gazette %q bukan tahun %d, tahun peraturan ini; periksa salah satunya", g, v.Year)
	}
	if v.Field == "" {
		missing("field", `tulis bidang hukumnya, mis. field: "Hukum Administrasi Negara"`)
	}
	if len(v.Subjects) == 0 && len(v.Tags) == 0 {
		missing("subjects", "tulis subjeknya, mis. subjects: [Kepegawaian], atau beri tags")
	}
	if v.Abstract == "" {
		missing("abstract", "tulis abstraknya (ABSTRAK, Dasar Hukum, materi pokok, CATATAN)")
	}
	if v.Original == "" {
		missing("original", `letakkan PDF naskah asli yang ditandatangani di samping berkas versi dan tulis original: "v1.pdf"`)
	}
	return gaps
}

// wholeDay reports whether d, the value of the date key, is a whole day, and
// warns that JDIHN needs one when it is absent (at typeLine) or only a month.
// hint says what the key holds.
func (rd *reader) wholeDay(r report, typeLine int, key string, d legal.Date, hint string) bool {
	s, line := rd.text(key)
	switch {
	case s == "":
		r.warnf(typeLine, "JDIHN: %s belum diisi; tulis %s", key, hint)
	case d.IsZero():
		// not a date: reported as an error already
	case d.Day == 0:
		r.warnf(line, "JDIHN: %s %s hanya bulan; JDIHN memerlukan tanggal lengkap YYYY-MM-DD", key, s)
	default:
		return true
	}
	return false
}

// gazetteOfYear reports whether the gazette g, which has gazetteForm, is of year.
func gazetteOfYear(g string, year int) bool {
	return strings.Contains(g, " Tahun "+strconv.Itoa(year)+" Nomor ")
}

package stemmer

import "strings"

// baseWords holds the built-in base words: common roots of Indonesian
// civil-service policy text, and words of that text that look derived but
// must be kept whole (ketua is not ke-tua, pemerintah is not pe-perintah,
// masalah is not masa-lah, kinerja is not kerja). A corpus rarely uses a
// root such as layan or terap on its own, so without them the stemmer could
// not join pelayanan to melayani. Stem never reduces a base word further.
//
// baseWords is read, never written, after initialization.
var baseWords = newWordSet(`
	ajar alih angkat anggar atur awas bagi bangun bantu beri bijak bijaksana
	bina buat butuh capai cipta cuti dasar didik disiplin dukung evaluasi
	gaji guna hasil hubung ikut jabat jalan kaji kelola kembali
	kembang kendali kerja ketua kinerja kompeten kuasa laksana lantik lapor
	latih layan libat lindung mampu manfaat masalah mutasi nilai olah pakai
	pangkat pantau paham pegawai pemerintah pensiun peran periksa pilih
	pimpin pindah program promosi putus rekrut rencana sah sedia sekolah
	seleksi selenggara sesuai susun tanggung tata tempat tentu terap terima
	tetap tindak tingkat tugas tunjang ubah uji ukur urus usul wajib wenang
`)

// newWordSet returns the set of the space-separated words in list.
func newWordSet(list string) WordSet {
	s := WordSet{}
	s.Add(strings.Fields(list)...)
	return s
}

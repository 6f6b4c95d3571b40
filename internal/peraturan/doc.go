// Package peraturan reads the body of a regulation (form: peraturan) as its
// units, as UU 12/2011 Lampiran II lays them out: the opening's Menimbang,
// Mengingat and Menetapkan; BAB, Bagian, Paragraf and Pasal at headings;
// ayat "(1)", huruf "a.", angka "1." and the two deeper levels "a)" and "1)"
// at the start of a line; the Penutup; and the PENJELASAN, with its Umum and
// a penjelasan per Pasal. It is a goldmark extension: the parser makes each
// unit a node ([Unit]) with its number, its permanent id ("pasal-2-ayat-2-
// huruf-b") and its text, in the tree the units form; inserted numbers
// (Pasal 2A, ayat (2a), BAB VA) and deleted units ("Dihapus.") are units like
// any other.
//
// References in the text of the regulation to its own units ("sebagaimana
// dimaksud dalam Pasal 2 ayat (2) huruf b", "pada ayat (1)", "huruf a
// sampai dengan huruf c") become links to them. A Pasal followed by the name
// of another instrument ("Pasal 5 Undang-Undang Nomor 20 Tahun 2023") is that
// instrument's, and the Menimbang and Mengingat, which cite others, link only
// their own huruf and angka.
//
// The structure is checked as it is read: numbers skipped, repeated or out of
// order, a Pasal outside any BAB in a text with BABs, an item outside any
// Pasal, a penjelasan of a Pasal that does not exist, an empty unit, and a
// reference to a unit that does not exist are [Problem]s at the line of the
// body they are on; only the last is an error. Any input gives a tree and
// problems, never a panic.
package peraturan

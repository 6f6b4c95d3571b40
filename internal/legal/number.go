package legal

import (
	"strconv"
	"strings"
)

// digitWords are the words of the numbers zero to nine.
var digitWords = [10]string{"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"}

// NumberWords writes n in Indonesian words as drafters spell out a count in
// brackets after its figure ("2 (dua) pasal"): "satu", "sebelas", "dua
// belas", "dua puluh satu", "seratus lima", "seribu", "dua juta". No count
// is negative; a negative n comes back in figures.
func NumberWords(n int) string {
	if n < 0 {
		return strconv.Itoa(n)
	}
	if n == 0 {
		return digitWords[0]
	}
	var words []string
	for _, s := range []struct {
		v    int
		name string
	}{{1_000_000_000_000, "triliun"}, {1_000_000_000, "miliar"}, {1_000_000, "juta"}} {
		if n >= s.v {
			words = append(words, NumberWords(n/s.v), s.name)
			n %= s.v
		}
	}
	if n >= 1000 {
		if n/1000 == 1 {
			words = append(words, "seribu")
		} else {
			words = append(words, below1000(n/1000), "ribu")
		}
		n %= 1000
	}
	if n > 0 {
		words = append(words, below1000(n))
	}
	return strings.Join(words, " ")
}

// below1000 writes n, from 1 to 999, in words.
func below1000(n int) string {
	var words []string
	switch h := n / 100; {
	case h == 1:
		words = append(words, "seratus")
	case h > 1:
		words = append(words, digitWords[h], "ratus")
	}
	switch n %= 100; {
	case n == 10:
		words = append(words, "sepuluh")
	case n == 11:
		words = append(words, "sebelas")
	case n > 11 && n < 20:
		words = append(words, digitWords[n-10], "belas")
	case n >= 20:
		words = append(words, digitWords[n/10], "puluh")
		if n%10 > 0 {
			words = append(words, digitWords[n%10])
		}
	case n > 0:
		words = append(words, digitWords[n])
	}
	return strings.Join(words, " ")
}

// Ordinal writes the ordinal of n, from 1, as the number of a Bagian:
// "Kesatu", "Kedua", "Kesebelas", "Kedua Belas", "Kedua Puluh Satu".
func Ordinal(n int) string {
	words := strings.Fields("ke" + NumberWords(n))
	for i, w := range words {
		words[i] = title(w)
	}
	return strings.Join(words, " ")
}

// Roman writes v, from 1 to 3999, as a Roman numeral, as BABs are
// numbered.
func Roman(v int) string {
	var b strings.Builder
	for _, d := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for ; v >= d.v; v -= d.v {
			b.WriteString(d.s)
		}
	}
	return b.String()
}

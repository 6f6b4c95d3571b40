package markdown

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"words", "Aspek-Aspek Kebijakan", "aspek-aspek-kebijakan"},
		{"sentence", "Tantangan dalam Pengelolaan Kepegawaian", "tantangan-dalam-pengelolaan-kepegawaian"},
		{"digits", "Pasal 12 Ayat (3)", "pasal-12-ayat-3"},
		{"diacritics", "Résumé Élève Ñandú", "resume-eleve-nandu"},
		{"ligatures", "Æsir Straße Œuvre", "aesir-strasse-oeuvre"},
		{"combining mark", "Cafe\u0301 Baru", "cafe-baru"},
		{"other scripts dropped", "Kota 東京 Baru", "kota-baru"},
		{"letters dropped inside word", "Ab東c", "abc"},
		{"punctuation runs", "  Bab I --- Ketentuan  Umum!! ", "bab-i-ketentuan-umum"},
		{"non-ASCII punctuation", "Visi—Misi “Daerah”", "visi-misi-daerah"},
		{"punctuation only", "?!… — ###", ""},
		{"empty", "", ""},
		{"attribute syntax kept", "Foo {#bar}", "foo-bar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, slug(tt.in)); diff != "" {
				t.Errorf("slug(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestIDSet(t *testing.T) {
	tests := []struct {
		name     string
		headings []string
		blocks   []string // unique bases requested after the headings
		want     []string
	}{
		{
			name:     "duplicates",
			headings: []string{"Latar Belakang", "Latar Belakang", "latar belakang!"},
			want:     []string{"latar-belakang", "latar-belakang-2", "latar-belakang-3"},
		},
		{
			name:     "suffix already taken",
			headings: []string{"Tujuan 2", "Tujuan", "Tujuan", "Tujuan"},
			want:     []string{"tujuan-2", "tujuan", "tujuan-3", "tujuan-4"},
		},
		{
			name:     "empty slugs",
			headings: []string{"???", "—", "Bagian"},
			want:     []string{"bagian", "bagian-2", "bagian-3"},
		},
		{
			name:     "blocks after headings",
			headings: []string{"P 1"},
			blocks:   []string{"p-1", "p-2"},
			want:     []string{"p-1", "p-1-2", "p-2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids := newIDSet(0)
			var got []string
			for _, h := range tt.headings {
				got = append(got, ids.heading(h))
			}
			for _, b := range tt.blocks {
				got = append(got, ids.unique(b))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ids mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestIDSetImplementsParserIDs(t *testing.T) {
	ids := newIDSet(0)
	ids.Put([]byte("ringkasan"))
	got := string(ids.Generate([]byte("Ringkasan"), 0))
	if diff := cmp.Diff("ringkasan-2", got); diff != "" {
		t.Errorf("Generate mismatch (-want +got):\n%s", diff)
	}
}

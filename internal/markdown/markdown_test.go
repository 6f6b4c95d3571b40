package markdown

import (
	"html/template"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const smallDoc = `Dokumen ini mengatur **kebijakan** daerah.

# Latar Belakang

Paragraf pertama[^1] dengan &amp; entitas.

- satu
- dua

## Aspek-Aspek Kebijakan

### Rincian

| Aspek | Nilai |
|-------|-------|
| Anggaran | Tinggi |

---

[^1]: Sumber: Perda 2024.
`

func TestRender(t *testing.T) {
	const (
		preamble = `<p id="p-1">Dokumen ini mengatur <strong>kebijakan</strong> daerah. <a class="pilcrow" href="#p-1" aria-label="Tautan ke paragraf ini">¶</a></p>
`
		latar = `<h2 id="latar-belakang">Latar Belakang <a class="anchor" href="#latar-belakang" aria-label="Tautan ke bagian ini">#</a></h2>
<p id="p-latar-belakang-1">Paragraf pertama<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup> dengan &amp; entitas. <a class="pilcrow" href="#p-latar-belakang-1" aria-label="Tautan ke paragraf ini">¶</a></p>
<ul id="p-latar-belakang-2">
<li>satu</li>
<li>dua</li>
</ul>
`
		aspek = `<h2 id="aspek-aspek-kebijakan">Aspek-Aspek Kebijakan <a class="anchor" href="#aspek-aspek-kebijakan" aria-label="Tautan ke bagian ini">#</a></h2>
<h3 id="rincian">Rincian <a class="anchor" href="#rincian" aria-label="Tautan ke bagian ini">#</a></h3>
<table id="p-aspek-aspek-kebijakan-1">
<thead>
<tr>
<th>Aspek</th>
<th>Nilai</th>
</tr>
</thead>
<tbody>
<tr>
<td>Anggaran</td>
<td>Tinggi</td>
</tr>
</tbody>
</table>
<hr>
<div class="footnotes" role="doc-endnotes">
<hr>
<ol>
<li id="fn:1">
<p>Sumber: Perda 2024.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>
</li>
</ol>
</div>
`
	)
	want := &Rendered{
		HTML: preamble + latar + aspek,
		TOC: []Heading{
			{ID: "latar-belakang", Text: "Latar Belakang", Level: 2},
			{ID: "aspek-aspek-kebijakan", Text: "Aspek-Aspek Kebijakan", Level: 2},
			{ID: "rincian", Text: "Rincian", Level: 3},
		},
		Sections: []Section{
			{
				HTML:   preamble,
				Text:   "Dokumen ini mengatur kebijakan daerah.",
				Blocks: []Block{{ID: "p-1", Text: "Dokumen ini mengatur kebijakan daerah."}},
			},
			{
				ID:      "latar-belakang",
				Heading: "Latar Belakang",
				HTML:    latar,
				Text:    "Paragraf pertama dengan & entitas.\n\nsatu\ndua",
				Blocks: []Block{
					{ID: "p-latar-belakang-1", Text: "Paragraf pertama dengan & entitas."},
					{ID: "p-latar-belakang-2", Text: "satu\ndua"},
				},
			},
			{
				ID:      "aspek-aspek-kebijakan",
				Heading: "Aspek-Aspek Kebijakan",
				HTML:    aspek,
				Text:    "Aspek | Nilai\nAnggaran | Tinggi",
				Blocks: []Block{
					{ID: "p-aspek-aspek-kebijakan-1", Text: "Aspek | Nilai\nAnggaran | Tinggi"},
				},
			},
		},
		Text: "Dokumen ini mengatur kebijakan daerah.\n\n" +
			"Latar Belakang\n\nParagraf pertama dengan & entitas.\n\nsatu\ndua\n\n" +
			"Aspek-Aspek Kebijakan\n\nRincian\n\nAspek | Nilai\nAnggaran | Tinggi\n\n" +
			"Sumber: Perda 2024.",
	}
	got, err := New(Options{}).Render([]byte(smallDoc))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Render mismatch (-want +got):\n%s", diff)
	}
}

func TestSectionsConcatenate(t *testing.T) {
	tests := []struct{ name, src string }{
		{"small document", smallDoc},
		{"empty", ""},
		{"only a thematic break", "---\n"},
		{"h3 before any h2", "### Catatan\n\nIsi.\n\n## Bab\n\nIsi bab.\n"},
		{"footnotes without sections", "Teks[^a].\n\n[^a]: Catatan.\n"},
		{"benchmark document", benchDoc()},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(got.HTML), concatSections(got)); diff != "" {
				t.Errorf("concatenated sections differ from HTML (-want +got):\n%s", diff)
			}
		})
	}
}

func concatSections(r *Rendered) string {
	var b strings.Builder
	for _, s := range r.Sections {
		b.WriteString(string(s.HTML))
	}
	return b.String()
}

func TestSections(t *testing.T) {
	type section struct {
		ID, Heading string
		Blocks      []Block
	}
	tests := []struct {
		name string
		src  string
		want []section
	}{
		{
			name: "empty preamble omitted",
			src:  "## Satu\n\nA.\n",
			want: []section{{ID: "satu", Heading: "Satu", Blocks: []Block{{ID: "p-satu-1", Text: "A."}}}},
		},
		{
			name: "h1 starts a section",
			src:  "# Satu\n\nA.\n\n# Dua\n\nB.\n",
			want: []section{
				{ID: "satu", Heading: "Satu", Blocks: []Block{{ID: "p-satu-1", Text: "A."}}},
				{ID: "dua", Heading: "Dua", Blocks: []Block{{ID: "p-dua-1", Text: "B."}}},
			},
		},
		{
			name: "blocks counted across h3",
			src:  "## Satu\n\nA.\n\n### Sub\n\n> B.\n\n    kode\n",
			want: []section{{ID: "satu", Heading: "Satu", Blocks: []Block{
				{ID: "p-satu-1", Text: "A."},
				{ID: "p-satu-2", Text: "B."},
				{ID: "p-satu-3", Text: "kode"},
			}}},
		},
		{
			name: "block id colliding with a heading",
			src:  "A.\n\n## P 1\n",
			want: []section{
				{Blocks: []Block{{ID: "p-1-2", Text: "A."}}},
				{ID: "p-1", Heading: "P 1"},
			},
		},
		{
			name: "duplicate headings",
			src:  "## Umum\n\nA.\n\n## Umum\n\nB.\n",
			want: []section{
				{ID: "umum", Heading: "Umum", Blocks: []Block{{ID: "p-umum-1", Text: "A."}}},
				{ID: "umum-2", Heading: "Umum", Blocks: []Block{{ID: "p-umum-2-1", Text: "B."}}},
			},
		},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := r.Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []section
			for _, s := range res.Sections {
				got = append(got, section{s.ID, s.Heading, s.Blocks})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("sections mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHeadingHTML(t *testing.T) {
	tests := []struct {
		name  string
		label string
		src   string
		want  template.HTML
	}{
		{
			name: "h1 becomes h2",
			src:  "# Bab *Satu*\n",
			want: `<h2 id="bab-satu">Bab <em>Satu</em> <a class="anchor" href="#bab-satu" aria-label="Tautan ke bagian ini">#</a></h2>` + "\n",
		},
		{
			name:  "label escaped",
			label: `Tautan "ini" & <itu>`,
			src:   "#### Empat\n",
			want:  `<h4 id="empat">Empat <a class="anchor" href="#empat" aria-label="Tautan &#34;ini&#34; &amp; &lt;itu&gt;">#</a></h4>` + "\n",
		},
		{
			name: "attribute syntax is text",
			src:  "## Foo {#bar}\n",
			want: `<h2 id="foo-bar">Foo {#bar} <a class="anchor" href="#foo-bar" aria-label="Tautan ke bagian ini">#</a></h2>` + "\n",
		},
		{
			name: "empty heading",
			src:  "##\n",
			want: `<h2 id="bagian"> <a class="anchor" href="#bagian" aria-label="Tautan ke bagian ini">#</a></h2>` + "\n",
		},
		{
			name: "nested heading has an id",
			src:  "> # Kutipan\n",
			want: `<blockquote id="p-1"><h2 id="kutipan">Kutipan <a class="anchor" href="#kutipan" aria-label="Tautan ke bagian ini">#</a></h2>` + "\n</blockquote>\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := New(Options{AnchorLabel: tt.label}).Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, res.HTML); diff != "" {
				t.Errorf("HTML mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"soft break", "satu\ndua", "satu dua"},
		{"hard break", "satu\\\ndua", "satu\ndua"},
		{"code span", "pakai `a < b` saja", "pakai a < b saja"},
		{"link text not URL", "lihat [peraturan](https://jdih.id/x) ini", "lihat peraturan ini"},
		{"autolink", "lihat <https://jdih.id/x>", "lihat https://jdih.id/x"},
		{"image alt", "![Peta *wilayah*](peta.png)", "Peta wilayah"},
		{"entities", "a &amp; b &lt; c &#233; &#x41; &copy; &bogus;", "a & b < c é A © &bogus;"},
		{"entity decoded once", "&amp;amp; &#38;amp;", "&amp; &amp;"},
		{"backslash escapes", `\*bukan tebal\* \&amp;`, "*bukan tebal* &amp;"},
		{"footnote reference dropped", "Kebijakan[^1] daerah.\n\n[^1]: Catatan.", "Kebijakan daerah.\n\nCatatan."},
		{"strikethrough", "~~lama~~ baru", "lama baru"},
		{"raw HTML kept as text", "a <b>tebal</b>", "a <b>tebal</b>"},
		{"blocks", "# Judul\n\nSatu.\n\n---\n\n1. a\n2. b\n\n> kutip\n> lagi\n\n```\nx\ny\n```", "Judul\n\nSatu.\n\na\nb\n\nkutip lagi\n\nx\ny"},
		{"nested list", "- a\n  - b\n- c", "a\nb\nc"},
		{"table", "| A | B |\n|---|---|\n| `1` | **2** |", "A | B\n1 | 2"},
		{"html block", "<div>\n<i>x</i>\n</div>", "<div>\n<i>x</i>\n</div>"},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := r.Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, res.Text); diff != "" {
				t.Errorf("Text mismatch (-want +got):\n%s", diff)
			}
			checkSectionTexts(t, res)
		})
	}
}

// TestSectionText checks that a section's text is its blocks' texts joined by
// blank lines, whatever stands between the blocks.
func TestSectionText(t *testing.T) {
	for _, src := range []string{
		"## A\n\nSatu.\n\nDua.\n",
		"## A\n\nSatu.\n\n### Sub\n\nDua.\n\n---\n\nTiga.\n",
		"Pembuka.\n\n## A\n\n<div></div>\n\nDua.\n\n## B\n",
		"## A\n\nKebijakan[^1].\n\nLagi.\n\n[^1]: Catatan.\n",
		"## A\n\n| x |\n|---|\n| 1 |\n\n- a\n- b\n",
	} {
		res, err := New(Options{}).Render([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		checkSectionTexts(t, res)
	}
}

func checkSectionTexts(t *testing.T, res *Rendered) {
	t.Helper()
	for _, s := range res.Sections {
		texts := make([]string, len(s.Blocks))
		for i, b := range s.Blocks {
			texts[i] = b.Text
		}
		if want := strings.Join(texts, "\n\n"); s.Text != want {
			t.Errorf("section %q: Text = %q, want its blocks joined: %q", s.ID, s.Text, want)
		}
	}
}

func TestRenderConcurrent(t *testing.T) {
	r := New(Options{})
	src := []byte(benchDoc())
	want, err := r.Render(src)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 10 {
				got, err := r.Render(src)
				if err != nil {
					t.Error(err)
					return
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("concurrent Render mismatch (-want +got):\n%s", diff)
					return
				}
			}
		})
	}
	wg.Wait()
}

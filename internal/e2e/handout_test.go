package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"naskah/internal/legal"
)

// The handout: a version page printed, as socialisation staff hand it out.

// TestHandout prints the old version: under print media the QR code and the
// short link show and the controls do not; the PDF is on A4, as the page's
// CSS asks, and its first page holds the title, region, status, date,
// version and the short link, and the address of the version in force that
// the banner links to; the rest holds the text, on a sensible number of pages.
func TestHandout(t *testing.T) {
	pdftotext := lookTool(t, "apt-get install -y poppler-utils", "pdftotext")
	pdfinfo := lookTool(t, "apt-get install -y poppler-utils", "pdfinfo")
	s := newSite(t, fixtureSite)
	b := newBrowser(t)
	b.open(t, s.url(oldVersion))
	b.media(t, "print")
	wantPrinted(t, b, []string{".qr-blok img.qr", ".qr-blok .short-url", "main h1", ".meta", ".cetak-tautan"},
		[]string{".bagikan", ".pilcrow", ".anchor", ".qr-unduh", ".policy-foot", ".toc", "#salin_status"})
	file := printPDF(t, b)
	if got := pdfInfo(t, pdfinfo, file, "Page size"); !strings.Contains(got, "(A4)") {
		t.Errorf("the handout's pages are %s, want A4 (595 × 842 pt)", got)
	}
	short := fixtureBase + "/s/" + legal.ShortCode(oldIdentity)
	first := command(t, pdftotext, "-f", "1", "-l", "1", file, "-")
	flat := strings.Join(strings.Fields(first), " ")
	for _, want := range []string{"Kebijakan Uji Kepegawaian", "Kabupaten Contoh", "Tidak berlaku (diganti)", "2024-01", "Januari 2024", short,
		"Baca versi yang berlaku", "Versi yang berlaku (2025 Perubahan): " + fixtureBase + "/contoh/kebijakan-uji/2025-03/"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the first printed page lacks %q:\n%s", want, first)
		}
	}
	all := command(t, pdftotext, file, "-")
	for _, want := range []string{"Kebijakan ini mengatur rekrutmen pegawai.", "Kebijakan berlaku sejak ditetapkan."} {
		if !strings.Contains(all, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	for _, bad := range []string{"Salin tautan", "Bagikan versi ini", "Beranda", "Unduh kode QR", "¶"} {
		if strings.Contains(all, bad) {
			t.Errorf("the PDF holds %q", bad)
		}
	}
	if n, err := strconv.Atoi(pdfInfo(t, pdfinfo, file, "Pages")); err != nil || n < 1 || n > 3 {
		t.Errorf("the handout has %d pages (%v), want 1 to 3", n, err)
	}
}

// TestHandoutWhole prints the version in force, which has a table, a folded
// abstract, an original and a link out of the site: on paper the abstract is
// open, the table, the fingerprint of the original and its address are
// whole, and the address of the link out is spelled out after it.
func TestHandoutWhole(t *testing.T) {
	pdftotext := lookTool(t, "apt-get install -y poppler-utils", "pdftotext")
	s := newSite(t, fixtureSite)
	b := newBrowser(t, phone) // printing from a phone lays the page out on the paper all the same
	b.open(t, s.url("/contoh/kebijakan-uji/"))
	hash := eval[string](t, b, `document.querySelector(".hash code").textContent`)
	b.media(t, "print")
	all := command(t, pdftotext, printPDF(t, b), "-")
	flat := strings.Join(strings.Fields(all), " ")
	for _, want := range []string{
		"Mengatur pelatihan ASN.",    // the abstract, folded on the screen
		"Penanggung jawab", "BKPSDM", // the table
		hash,
		"Naskah asli (PDF): " + fixtureBase + "/contoh/kebijakan-uji/2025-03/2025-03.pdf",
		"tautan luar (https://contoh.example/)",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the printed version lacks %q:\n%s", want, all)
		}
	}
}

// wantPrinted fails t unless every element of shown is displayed and no
// element of hidden is.
func wantPrinted(t *testing.T, b *browser, shown, hidden []string) {
	t.Helper()
	for _, sel := range shown {
		if !b.displayed(t, sel) {
			t.Errorf("%s is not printed", sel)
		}
	}
	for _, sel := range hidden {
		if b.count(t, sel) > 0 && b.displayed(t, sel) {
			t.Errorf("%s is printed", sel)
		}
	}
}

// printPDF prints the page in the tab on the paper its CSS asks for and
// returns the PDF's file.
func printPDF(t *testing.T, b *browser) string {
	t.Helper()
	pdf := run(t, b, "printing to PDF", chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
	file := filepath.Join(t.TempDir(), "handout.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// pdfInfo is the value of a field of what pdfinfo says of a PDF file, such as
// "Pages" or "Page size".
func pdfInfo(t *testing.T, pdfinfo, file, field string) string {
	t.Helper()
	for _, line := range strings.Split(command(t, pdfinfo, file), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	t.Fatalf("pdfinfo does not give the %s of %s", field, file)
	return ""
}

// command runs a tool and returns its output.
func command(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}

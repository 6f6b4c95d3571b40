package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"naskah/internal/dirfs"
	"naskah/internal/legal"
)

// A File is a file beside the version files of a policy that its versions
// publish under their URLs: the authentic PDF that a version names as its
// original, or an image that a version's body shows. Load checks that the
// file is what its name says and within its cap, and keeps its size and
// SHA-256 rather than its bytes, which Read gets again when they are written
// out.
type File struct {
	Name   string // in the policy directory, e.g. "v1.pdf" or "bagan.png"
	Path   string // display path
	Type   string // media type, e.g. "application/pdf"
	Size   int64
	SHA256 [sha256.Size]byte
	fsys   fs.FS
	name   string // in fsys
}

// IsImage reports whether f is an image, which a body shows, rather than an
// original PDF.
func (f *File) IsImage() bool { return strings.HasPrefix(f.Type, "image/") }

// SHA256Hex is the file's SHA-256 in lowercase hexadecimal, as sha256sum
// prints it.
func (f *File) SHA256Hex() string { return hex.EncodeToString(f.SHA256[:]) }

// Read reads the file's bytes again. It fails when they are no longer those
// Load checked, which the page states the size and SHA-256 of: the error is
// a Problems naming the file.
func (f *File) Read() ([]byte, error) {
	fail := func(format string, args ...any) ([]byte, error) {
		return nil, Problems{{Path: f.Path, Message: fmt.Sprintf(format, args...)}}
	}
	data, _, err := dirfs.ReadFile(f.fsys, f.name, f.Size)
	switch {
	case errors.Is(err, dirfs.ErrTooLarge):
		return fail("berkas berubah selama build (kini lebih besar); jalankan build lagi")
	case err != nil:
		return fail("berkas tidak dapat dibaca: %v", pathErrorCause(err))
	case sha256.Sum256(data) != f.SHA256:
		return fail("berkas berubah selama build; jalankan build lagi")
	}
	return data, nil
}

// A fileKind is a kind of file that may lie beside the version files.
type fileKind struct {
	name  string // for messages: "PDF", "PNG"
	typ   string // media type
	max   int64  // the most bytes a file of the kind may hold
	check func(src []byte) []fileProblem
}

// A fileProblem is what is wrong with the bytes of a file, at a line of it
// (0 for the file as a whole).
type fileProblem struct {
	line int
	msg  string
}

var (
	pdfKind  = fileKind{"PDF", "application/pdf", MaxOriginalSize, magic("PDF", pdfMagic, "pasang berkas PDF naskah asli")}
	pngKind  = fileKind{"PNG", "image/png", MaxImageSize, magic("PNG", "\x89PNG\r\n\x1a\n", resave("PNG"))}
	jpegKind = fileKind{"JPEG", "image/jpeg", MaxImageSize, magic("JPEG", "\xff\xd8\xff", resave("JPEG"))}
	webpKind = fileKind{"WebP", "image/webp", MaxImageSize, checkWebP}
	svgKind  = fileKind{"SVG", "image/svg+xml", MaxImageSize, checkSVG}
)

// pdfMagic is how every PDF file begins.
const pdfMagic = "%PDF-"

// imageExtensions says, for messages, which names an image may have.
const imageExtensions = "PNG, JPEG, WebP atau SVG (.png, .jpg, .jpeg, .webp, .svg)"

// kindOf is the kind of file that name is by its extension, or nil when a
// policy directory may not hold such a file.
func kindOf(name string) *fileKind {
	switch path.Ext(name) {
	case ".pdf":
		return &pdfKind
	case ".png":
		return &pngKind
	case ".jpg", ".jpeg":
		return &jpegKind
	case ".webp":
		return &webpKind
	case ".svg":
		return &svgKind
	}
	return nil
}

// magic returns a check that the bytes of a file of the kind name begin with
// sig; hint says what to do when they do not.
func magic(name, sig, hint string) func([]byte) []fileProblem {
	return func(src []byte) []fileProblem {
		if !bytes.HasPrefix(src, []byte(sig)) {
			return []fileProblem{{0, fmt.Sprintf("bukan %s (berkas %s diawali %q); %s", name, name, sig, hint)}}
		}
		return nil
	}
}

// checkWebP checks that src is a RIFF container of WebP.
func checkWebP(src []byte) []fileProblem {
	if len(src) < 12 || string(src[:4]) != "RIFF" || string(src[8:12]) != "WEBP" {
		return []fileProblem{{0, `bukan WebP (berkas WebP diawali "RIFF", ukurannya, lalu "WEBP"); ` + resave("WebP")}}
	}
	return nil
}

// resave is what to do with a file that is not the kind of image, name,
// that its extension says.
func resave(name string) string {
	return "simpan ulang gambarnya sebagai " + name + ", atau beri nama dengan ekstensi yang sesuai isinya"
}

// loadFiles checks the files of the policy directory dir that are not version
// files, others, and returns those the versions may publish: the original
// PDFs that versions name, and the images, which the Markdown renderer must
// tell whether a body shows (Tree.ShowImages). It reports a PDF no version
// names, a file of any other kind, and a version whose original is missing or
// not a PDF; a version's original with a problem is cleared.
func (l *loader) loadFiles(dir string, versions []loadedVersion, others []string) []File {
	naming := map[string][]*Version{} // by file: the versions whose original it is
	for i := range versions {
		if v := &versions[i].Version; v.Original != "" {
			naming[v.Original] = append(naming[v.Original], v)
		}
	}
	var files []File
	for _, name := range others {
		kind := kindOf(name)
		r := l.report(path.Join(dir, name))
		switch {
		case kind == nil:
			r.errorf(0, "berkas tak terduga (direktori kebijakan hanya berisi berkas versi .md, PDF naskah asli, dan gambar PNG, JPEG, WebP atau SVG)")
			continue
		case kind == &pdfKind && len(naming[name]) == 0:
			r.errorf(0, "PDF ini tidak disebut original versi mana pun; tulis original: %q di front matter versinya, atau hapus berkasnya", name)
			continue
		case kind != &pdfKind && !legal.ValidSlug(strings.TrimSuffix(name, path.Ext(name))):
			base := strings.TrimSuffix(name, path.Ext(name))
			r.errorf(0, "nama berkas %q bukan slug %s; ganti namanya, juga di naskah yang menampilkannya", name, slugHint(base))
			continue
		}
		if f, ok := l.loadFile(dir, name, kind, naming[name]); ok {
			files = append(files, f)
		} else {
			for _, v := range naming[name] {
				v.Original = ""
			}
		}
	}
	for name, vs := range naming {
		if !slices.Contains(others, name) {
			for _, v := range vs {
				l.report(path.Join(dir, v.Slug+".md")).errorf(v.OriginalLine, "original %q tidak ditemukan; letakkan PDF-nya di %s", name, l.report(path.Join(dir, name)).path)
				v.Original = ""
			}
		}
	}
	return files
}

// loadFile reads and checks the file name of dir, of the given kind. The
// problems of an original are reported where the versions naming it, by,
// name it; those of an image in the file itself.
func (l *loader) loadFile(dir, name string, kind *fileKind, by []*Version) (File, bool) {
	fsName := path.Join(dir, name)
	r := l.report(fsName)
	fail := func(line int, msg string) {
		if len(by) == 0 {
			r.errorf(line, "berkas ini %s", msg)
			return
		}
		for _, v := range by {
			l.report(path.Join(dir, v.Slug+".md")).errorf(v.OriginalLine, "original %q %s", name, msg)
		}
	}
	src, info, err := dirfs.ReadFile(l.fsys, fsName, kind.max)
	switch {
	case errors.Is(err, dirfs.ErrTooLarge):
		fail(0, fmt.Sprintf("lebih besar dari %d MiB, batas satu berkas %s; %s", kind.max>>20, kind.name, shrinkHint(kind)))
		return File{}, false
	case err != nil:
		fail(0, fmt.Sprintf("tidak dapat dibaca: %v", pathErrorCause(err)))
		return File{}, false
	}
	if probs := kind.check(src); len(probs) > 0 {
		for _, p := range probs {
			fail(p.line, p.msg)
		}
		return File{}, false
	}
	return File{Name: name, Path: r.path, Type: kind.typ, Size: info.Size(), SHA256: sha256.Sum256(src), fsys: l.fsys, name: fsName}, true
}

// shrinkHint says how to bring a file of kind under its cap.
func shrinkHint(kind *fileKind) string {
	if kind == &pdfKind {
		return "pindai ulang dengan resolusi lebih rendah (mis. 200 dpi, hitam-putih) atau kompres PDF-nya"
	}
	return "perkecil ukuran atau resolusinya, atau simpan ulang dengan kompresi lebih tinggi"
}

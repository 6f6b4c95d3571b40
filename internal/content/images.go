package content

import (
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"naskah/internal/legal"
)

// An ImageRef is an image that a version's body shows: its source as written
// in the Markdown, and the line of the body it is on, from 1.
type ImageRef struct {
	Dest string
	Line int
}

// ShowImages records in each version of t the images beside it that its body
// shows (Version.Images), given by the version's path in refs, the images
// that the Markdown renderer found in each body. Load cannot tell them, since
// it does not parse Markdown.
//
// An image source with a scheme (https:) or an absolute path is left alone.
// Any other source must name a file of the policy directory: a slug with the
// extension of a PNG, JPEG, WebP or SVG image, in no subdirectory. A source
// that does not, or names a file that is not there, is a problem at its line;
// so is an image of a policy directory that no version shows. ShowImages
// returns those problems as a Problems error, or nil.
func (t *Tree) ShowImages(refs map[string][]ImageRef) error {
	var probs Problems
	for ri := range t.Regions {
		for pi := range t.Regions[ri].Policies {
			showImages(&t.Regions[ri].Policies[pi], refs, &probs)
		}
	}
	if len(probs) == 0 {
		return nil
	}
	probs.sort()
	return probs
}

// showImages is ShowImages for the policy p.
func showImages(p *Policy, refs map[string][]ImageRef, probs *Problems) {
	files := map[string]*File{}
	for i := range p.Files {
		files[p.Files[i].Name] = &p.Files[i]
	}
	shown := map[string]bool{}
	for vi := range p.Versions {
		v := &p.Versions[vi]
		r := report{path: v.Path, probs: probs}
		for _, ref := range refs[v.Path] {
			name, msg := imageName(ref.Dest, p, files)
			line := v.BodyLine + ref.Line - 1
			switch {
			case msg != "":
				r.errorf(line, "%s", msg)
			case name != "" && !slices.Contains(v.Images, name):
				v.Images = append(v.Images, name)
				shown[name] = true
			}
		}
	}
	for _, f := range p.Files {
		if f.IsImage() && !shown[f.Name] {
			report{path: f.Path, probs: probs}.errorf(0, "gambar ini tidak ditampilkan naskah versi mana pun; tampilkan dengan ![keterangan](%s) di naskah versinya, atau hapus berkasnya", f.Name)
		}
	}
}

// imageName is the name of the file of p that the image source dest shows,
// or "" for a source left alone; or what is wrong with dest.
func imageName(dest string, p *Policy, files map[string]*File) (name, problem string) {
	u, err := url.Parse(strings.TrimSpace(dest))
	switch {
	case err != nil:
		return "", "alamat gambar " + quote(dest) + " tidak sah; tulis nama berkasnya, mis. ![Bagan organisasi](bagan.png)"
	case u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/"):
		return "", ""
	case u.Path == "":
		return "", "gambar " + quote(dest) + " tanpa nama berkas; tulis nama berkas gambar di samping berkas versi, mis. ![Bagan organisasi](bagan.png)"
	case u.RawQuery != "" || u.Fragment != "":
		return "", "gambar " + quote(dest) + ": tulis nama berkasnya saja, tanpa ? atau #"
	}
	name = u.Path
	for strings.HasPrefix(name, "./") {
		name = name[2:]
	}
	base := path.Base(name)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	switch kind := kindOf(base); {
	case strings.Contains(name, "/") || strings.Contains(name, `\`):
		return "", "gambar " + quote(dest) + " tidak di samping berkas versi: gambar harus terletak langsung di direktori kebijakan " + p.Path + "; pindahkan berkasnya ke " + path.Join(p.Path, base) + " dan tulis ![…](" + base + ")"
	case kind == &pdfKind:
		return "", "gambar " + quote(dest) + " adalah PDF, yang tidak dapat tampil sebagai gambar; tautkan dengan [judul](" + base + ") bila ia naskah asli versi ini, atau simpan halamannya sebagai PNG"
	case kind == nil:
		return "", "gambar " + quote(dest) + ": jenis berkas tidak didukung; gunakan gambar " + imageExtensions
	case !legal.ValidSlug(stem):
		return "", "nama berkas gambar " + quote(base) + " bukan slug " + slugHint(stem) + "; ganti nama berkasnya dan rujukannya di sini"
	case files[base] == nil:
		return "", "gambar " + quote(base) + " tidak ditemukan; letakkan berkasnya di " + path.Join(p.Path, base)
	}
	return base, ""
}

// quote is s in double quotes, as %q writes it.
func quote(s string) string { return strconv.Quote(s) }

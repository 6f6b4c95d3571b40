package pages

import (
	"strings"

	"naskah/internal/site"
)

// shortDir is the directory of the short links' redirect pages.
const shortDir = "s/"

// AlwaysWhole reports whether RenderSome renders the output file name in full
// for every policy, whatever its filter says: a file under it that RenderSome
// did not return is gone. The short links' redirect pages are such files.
func AlwaysWhole(name string) bool { return strings.HasPrefix(name, shortDir) }

type shortView struct {
	Page
	Version *site.Version
}

// shortLinks renders the redirect page of every version's short link, so that
// /s/{code}/ works on the static site alone; the server answers /s/{code}
// with a 301 instead. They are rendered for every policy, even when only some
// policies are (see AlwaysWhole): one template each is cheap.
func (r *renderer) shortLinks() error {
	for _, v := range r.site.Versions {
		path := v.ShortURL() + "/"
		pg := r.base(path, r.t("short.title", v.Title), r.t("short.description", v.Title, v.Label))
		pg.Canonical = r.site.Abs(v.URL())
		pg.NoIndex = true
		pg.Refresh = v.URL()
		pg.Image = r.versionImage(v)
		if err := r.page(path, "short", shortView{Page: pg, Version: v}); err != nil {
			return err
		}
	}
	return nil
}

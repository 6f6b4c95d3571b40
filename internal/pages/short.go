package pages

import (
	"strings"

	"naskah/internal/site"
	"naskah/internal/theme"
)

// shortDir is the directory of the short links' redirect pages.
const shortDir = "s/"

// IsShortLink reports whether the output file name is the redirect page of a
// short link. Those live outside their policy's directory.
func IsShortLink(name string) bool { return strings.HasPrefix(name, shortDir) }

// ShortLinkFile is the output file of the redirect page of v's short link.
func ShortLinkFile(v *site.Version) string { return fileFor(v.ShortURL() + "/") }

type shortView struct {
	theme.Page
	Version *site.Version
}

// shortLinks renders the redirect page of the short link of every version of
// the policies rendered, so that /s/{code}/ works on the static site alone;
// the server answers /s/{code} with a 301 instead.
func (r *renderer) shortLinks() error {
	for _, v := range r.site.Versions {
		if r.only != nil && !r.only(v.Policy) {
			continue
		}
		path := v.ShortURL() + "/"
		pg := r.base(path, r.t("short.title", v.Title), r.t("short.description", v.Title, v.Label))
		pg.Canonical = r.site.Abs(v.URL())
		pg.NoIndex = true
		pg.Refresh = v.URL()
		pg.Fictional = r.fictional(v.Policy.Region)
		pg.Image = r.versionImage(v)
		if err := r.page(path, "short", shortView{Page: pg, Version: v}); err != nil {
			return err
		}
	}
	return nil
}

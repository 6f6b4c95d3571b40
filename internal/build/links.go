package build

import (
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"strings"

	"naskah/internal/content"
	"naskah/internal/pages"
	"naskah/internal/site"
)

// outputFiles are the files of a built site, in memory or written out.
type outputFiles interface {
	Has(name string) bool
	Read(name string) ([]byte, error)
}

// memFiles are files kept in memory.
type memFiles map[string][]byte

func (m memFiles) Has(name string) bool { _, ok := m[name]; return ok }

func (m memFiles) Read(name string) ([]byte, error) {
	data, ok := m[name]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return data, nil
}

// checkLinks finds the links of every version that lead to no page of the site, or
// to an anchor its page lacks. Links to other hosts are not followed.
func checkLinks(s *site.Site, files outputFiles) content.Problems {
	var problems content.Problems
	anchors := map[string]map[string]bool{} // by file, read once
	for _, v := range s.Versions {
		if v.Doc == nil {
			continue
		}
		base := &url.URL{Path: v.URL()}
		for _, l := range v.Doc.Links {
			msg := checkLink(base, l.Dest, files, anchors)
			if msg != "" {
				problems = append(problems, content.Problem{Path: v.Path, Line: v.BodyLine + l.Line - 1, Message: msg})
			}
		}
	}
	return problems
}

// checkLink returns what is wrong with the link dest on the page at base, or "".
func checkLink(base *url.URL, dest string, files outputFiles, anchors map[string]map[string]bool) string {
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil {
		return fmt.Sprintf("tautan %q tidak sah: %v", dest, err)
	}
	if u.Scheme != "" || u.Host != "" {
		return ""
	}
	target := base.ResolveReference(u)
	file := pages.FileFor(target.Path)
	if !files.Has(file) {
		if !files.Has(pages.FileFor(target.Path + "/")) {
			return fmt.Sprintf("tautan rusak: halaman %s tidak ada", target.Path)
		}
		file = pages.FileFor(target.Path + "/")
	}
	if target.Fragment == "" {
		return ""
	}
	ids, ok := anchors[file]
	if !ok {
		page, err := files.Read(file)
		if err != nil {
			return fmt.Sprintf("halaman %s tidak terbaca: %v", target.Path, err)
		}
		ids = idsOf(page)
		anchors[file] = ids
	}
	if !ids[target.Fragment] {
		return fmt.Sprintf("tautan rusak: halaman %s tidak punya bagian #%s", target.Path, target.Fragment)
	}
	return ""
}

var idRE = regexp.MustCompile(`\sid="([^"]+)"`)

func idsOf(page []byte) map[string]bool {
	ids := map[string]bool{}
	for _, m := range idRE.FindAllSubmatch(page, -1) {
		ids[string(m[1])] = true
	}
	return ids
}

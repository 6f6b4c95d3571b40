package build

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"naskah/internal/content"
	"naskah/internal/pages"
	"naskah/internal/site"
)

// checkLinks finds the links of every version that lead to no page of the site, or
// to an anchor its page lacks. Links to other hosts are not followed.
func checkLinks(s *site.Site, files map[string][]byte) content.Problems {
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
func checkLink(base *url.URL, dest string, files map[string][]byte, anchors map[string]map[string]bool) string {
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil {
		return fmt.Sprintf("tautan %q tidak sah: %v", dest, err)
	}
	if u.Scheme != "" || u.Host != "" {
		return ""
	}
	target := base.ResolveReference(u)
	file := pages.FileFor(target.Path)
	if _, ok := files[file]; !ok {
		if _, dir := files[pages.FileFor(target.Path+"/")]; !dir {
			return fmt.Sprintf("tautan rusak: halaman %s tidak ada", target.Path)
		}
		file = pages.FileFor(target.Path + "/")
	}
	if target.Fragment == "" {
		return ""
	}
	ids, ok := anchors[file]
	if !ok {
		ids = idsOf(files[file])
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

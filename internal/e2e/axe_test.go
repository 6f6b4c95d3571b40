package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeTags are the axe-core rule tags of WCAG 2.0, 2.1 and 2.2 levels A and AA.
// wcag22aa brings target-size (2.5.8: targets of at least 24 by 24 px); axe has
// no rule for the criteria that WCAG 2.2 adds at level A, so no wcag22a tag.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// axeViolation is one failed axe rule with the elements that fail it.
type axeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  string `json:"target"`  // a CSS selector of the element
	Summary string `json:"summary"` // what is wrong and how to fix it
}

func (v axeViolation) String() string {
	var s strings.Builder
	fmt.Fprintf(&s, "%s (%s): %s <%s>", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&s, "\n\t%s\n\t\t%s", n.Target, strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
	}
	return s.String()
}

var axeSource struct {
	once sync.Once
	js   string
	err  error
}

// axe runs axe-core's WCAG A and AA rules (axeTags) on the page in the tab and fails t
// for each violation, naming the rule, its help text and every failing element.
func (b *browser) axe(t testing.TB) {
	t.Helper()
	path := b.location(t).Path
	for _, v := range b.axeViolations(t) {
		t.Errorf("axe on %s: %s", path, v)
	}
}

// axeViolations runs axe-core's WCAG A and AA rules (axeTags) on the page in the tab and
// returns what fails.
func (b *browser) axeViolations(t testing.TB) []axeViolation {
	t.Helper()
	file := npmFile(t, axeFile)
	axeSource.once.Do(func() {
		data, err := os.ReadFile(file)
		axeSource.js, axeSource.err = string(data), err
	})
	if axeSource.err != nil {
		t.Fatal(axeSource.err)
	}
	if !eval[bool](t, b, `typeof window.axe === "object"`) {
		b.do(t, "injecting axe-core", chromedp.Evaluate[chromedp.Void](axeSource.js))
	}
	type result struct {
		Passes     int            `json:"passes"`
		Violations []axeViolation `json:"violations"`
	}
	tags, _ := json.Marshal(axeTags)
	r := run(t, b, "running axe", chromedp.Evaluate[result](`axe.run(document, {
			runOnly: {type: "tag", values: `+string(tags)+`},
			resultTypes: ["violations"],
		}).then(r => ({
			passes: r.passes.length,
			violations: r.violations.map(v => ({
				id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
				nodes: v.nodes.map(n => ({
					target: n.target.map(s => [].concat(s).join(" >>> ")).join(" | "),
					summary: n.failureSummary || "",
				})),
			})),
		}))`, chromedp.EvalAwaitPromise))
	if r.Passes == 0 && len(r.Violations) == 0 {
		t.Fatalf("axe checked nothing on %s", b.location(t))
	}
	return r.Violations
}

// TestAccessibility runs axe on every kind of page, at the width of a desktop and
// of a phone, where the layout differs.
func TestAccessibility(t *testing.T) {
	npmFile(t, axeFile) // skip (or fail) once rather than in every subtest
	s := newSite(t, fixtureSite)
	for _, w := range []struct {
		name string
		opts []browserOption
	}{{"1280", nil}, {"360", []browserOption{phone}}} {
		b := newBrowser(t, w.opts...)
		for _, p := range fixturePages {
			t.Run(w.name+"/"+p.name, func(t *testing.T) {
				b.openKind(t, s, p)
				b.axe(t)
			})
		}
	}
}

// TestAxeFindsViolations proves that the harness would catch a violation: it breaks
// a page on purpose and expects axe to name the rule and the element.
func TestAxeFindsViolations(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t)
	b.open(t, s.url("/"))
	b.do(t, "breaking the page", chromedp.Evaluate[chromedp.Void](
		`document.querySelector("main").insertAdjacentHTML("beforeend", '<img id="tanpa-alt" src="/assets/tidak-ada.png">')`))
	var found bool
	for _, v := range b.axeViolations(t) {
		if v.ID == "image-alt" && len(v.Nodes) == 1 && v.Nodes[0].Target == "#tanpa-alt" && v.Help != "" {
			found = true
		}
	}
	if !found {
		t.Errorf("axe did not report the image without alt text as image-alt on #tanpa-alt")
	}
}

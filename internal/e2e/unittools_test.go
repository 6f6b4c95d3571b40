package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"naskah/internal/legal"
)

// The tools of a unit (a heading, a paragraph, a unit of a regulation): its
// permalink, "#" or "¶", is its one control, shown on hover, focus, selection
// or a tap, and it opens the unit's menu of "Salin tautan" and "Salin kutipan".

// toolsDay is the day the sites of these tests are built as of: the status
// of a citation holds on it.
var toolsDay = legal.Date{Year: 2026, Month: 1, Day: 15}

const (
	oldHeading  = "aspek-aspek-kebijakan" // the heading before oldParagraph
	oldPilcrow  = "#" + oldParagraph + " > a.pilcrow"
	headingLink = "#" + oldHeading + " > a.anchor"
)

// months are the Indonesian month names, as a citation's access day has them.
var months = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}

// TestUnitToolsOutOfTheWay opens a version on a desktop: no tool of a unit
// shows and no copy button is on the page; every unit has one permalink and
// nothing else to tab through; a unit's permalink shows while the pointer is
// on the unit, and a tap or a selection shows it too.
func TestUnitToolsOutOfTheWay(t *testing.T) {
	s := newSiteOn(t, fixtureSite, toolsDay)
	b := newBrowser(t)
	b.open(t, s.url(oldVersion))
	if n := b.count(t, "main button, #salin_menu"); n != 0 {
		t.Errorf("the page shows %d buttons or menus before any is asked for", n)
	}
	if n := eval[int](t, b, `[...document.querySelectorAll(".prose .pilcrow, .prose .anchor")].filter(a => a.checkVisibility({opacityProperty: true})).length`); n != 0 {
		t.Errorf("%d permalinks show before the pointer, focus or selection is on their unit", n)
	}
	// Each unit has one control, its permalink; it is the only Tab stop of
	// the tools.
	type stops struct {
		Units, Links int
		Others       []string
	}
	st := eval[stops](t, b, `(() => {
		const units = [...document.querySelectorAll(".prose > [id]:not(.pilcrow-blok)")];
		const links = [...document.querySelectorAll(".prose a.pilcrow, .prose a.anchor")];
		const others = [...document.querySelectorAll(".prose a[href], .prose button, .prose [tabindex]")]
			.filter(el => !links.includes(el) && el.tabIndex >= 0 && !el.closest("p, li, td, th, blockquote"))
			.map(el => el.outerHTML.slice(0, 80));
		return {Units: units.length, Links: links.length, Others: others};
	})()`)
	if st.Units == 0 || st.Links != st.Units || len(st.Others) != 0 {
		t.Errorf("%d units have %d permalinks (want one each) and %d other tab stops: %q", st.Units, st.Links, len(st.Others), st.Others)
	}

	b.hover(t, "#"+oldParagraph)
	waitFor(t, b, "the paragraph's ¶ to show under the pointer", shows(oldPilcrow))
	if b.displayed(t, headingLink) {
		t.Errorf("the heading's # shows while the pointer is on the paragraph after it")
	}
	b.hover(t, "#"+oldHeading)
	waitFor(t, b, "the heading's # to show under the pointer", shows(headingLink))
	waitFor(t, b, "the paragraph's ¶ to hide again", "!("+shows(oldPilcrow)+")")

	// A tap (a click on the text) or a selection shows a unit's ¶ where there is no hover.
	b.click(t, "#p-1")
	b.hover(t, "footer")
	waitFor(t, b, "the tapped paragraph's ¶ to show", shows("#p-1 > a.pilcrow"))
	eval[bool](t, b, `(() => {
		const r = document.createRange();
		r.selectNodeContents(document.getElementById(`+jsString(oldParagraph)+`).firstChild);
		getSelection().removeAllRanges();
		getSelection().addRange(r);
		return true;
	})()`)
	waitFor(t, b, "the selected paragraph's ¶ to show", shows(oldPilcrow))
	waitFor(t, b, "the ¶ of the paragraph tapped before to hide", "!("+shows("#p-1 > a.pilcrow")+")")
}

// TestUnitToolsByKeyboard tabs to a paragraph's ¶ from the heading before
// it, opens its menu with Enter, closes it with Escape, opens it with Space,
// goes down to "Salin kutipan" and copies: the citation is whole, the
// confirmation shows beside the ¶ and is announced, the focus is back on the
// ¶, and the confirmation goes after a while. The open menu and the shown
// confirmation pass axe.
func TestUnitToolsByKeyboard(t *testing.T) {
	s := newSiteOn(t, fixtureSite, toolsDay)
	b := newBrowser(t)
	b.addScript(t, clipboardHook)
	b.open(t, s.url(oldVersion))
	eval[bool](t, b, `(document.querySelector(`+jsString(headingLink)+`).focus(), true)`)
	b.press(t, kb.Tab)
	wantFocus(t, b, oldPilcrow)
	waitFor(t, b, "the focused ¶ to show", shows(oldPilcrow))
	if got := eval[string](t, b, attrs(oldPilcrow)); got != "menu false " {
		t.Errorf("the ¶ says aria-haspopup, aria-expanded, aria-controls = %q, want a closed menu button", got)
	}

	b.press(t, kb.Enter)
	wantMenu(t, b, ".salin-tautan")
	b.press(t, kb.Escape)
	wantFocus(t, b, oldPilcrow)
	if n := b.count(t, "#salin_menu"); n != 0 {
		t.Errorf("Escape left the menu open")
	}
	if got := eval[string](t, b, attrs(oldPilcrow)); got != "menu false " {
		t.Errorf("after Escape the ¶ says %q, want a closed menu button", got)
	}

	b.press(t, " ")
	wantMenu(t, b, ".salin-tautan")
	b.axe(t) // with the menu open
	b.press(t, kb.ArrowDown)
	wantFocus(t, b, "#salin_menu .salin-kutipan")
	b.press(t, kb.Enter)
	waitFor(t, b, "the copy to be announced", `document.getElementById("salin_status").textContent === "Kutipan disalin"`)
	wantFocus(t, b, oldPilcrow)
	if b.count(t, "#salin_menu") != 0 {
		t.Errorf("the menu stays open after copying")
	}
	if w := eval[float64](t, b, `document.getElementById("salin_status").getBoundingClientRect().width`); w < 20 {
		t.Errorf("the confirmation is announced but not shown: it is %.0f px wide", w)
	}
	if d := eval[float64](t, b, `document.getElementById("salin_status").getBoundingClientRect().top - document.querySelector(`+jsString(oldPilcrow)+`).getBoundingClientRect().bottom`); d < 0 || d > 40 {
		t.Errorf("the confirmation is %.0f px below the ¶, want it beside it", d)
	}
	want := "Kebijakan Uji Kepegawaian, Kabupaten Contoh (fiktif), bagian “Aspek-Aspek Kebijakan”, versi 2024-01 (Januari 2024), " +
		"Tidak berlaku (diganti) per 15 Januari 2026, " + fixtureBase + oldVersion + "#" + oldParagraph + ", diakses " + today(t, b)
	if got := eval[[]string](t, b, `window.__disalin`); len(got) != 1 || got[0] != want {
		t.Errorf("the clipboard got %q, want only\n%q", got, want)
	}
	b.axe(t) // with the confirmation shown
	waitFor(t, b, "the confirmation to go", `(s => s.textContent === "" && s.getBoundingClientRect().width <= 1)(document.getElementById("salin_status"))`)
}

// TestUnitToolsOfARegulation opens the menu of a huruf by its ¶, copies its
// link and its citation, which names the unit as lawyers cite it, and opens
// a Pasal's menu by its heading's #.
func TestUnitToolsOfARegulation(t *testing.T) {
	s := newSiteOn(t, fixtureSite, toolsDay)
	b := newBrowser(t, phone)
	b.addScript(t, clipboardHook)
	b.open(t, s.url("/contoh/peraturan-uji/"))
	const huruf = "pasal-4-ayat-1-huruf-b"
	b.click(t, "#"+huruf+" > .pilcrow")
	wantMenu(t, b, ".salin-tautan")
	if got := b.location(t).Fragment; got != huruf {
		t.Errorf("following the ¶ led to #%s", got)
	}
	if !eval[bool](t, b, `document.querySelector("#`+huruf+` > #salin_menu") !== null`) {
		t.Errorf("the menu is not in the huruf it is for")
	}
	b.fitsWidth(t)
	b.click(t, "#salin_menu .salin-tautan")
	waitFor(t, b, "the link copy to be announced", `document.getElementById("salin_status").textContent === "Tautan disalin"`)
	b.click(t, "#"+huruf+" > .pilcrow")
	b.click(t, "#salin_menu .salin-kutipan")
	waitFor(t, b, "the citation copy to be announced", `document.getElementById("salin_status").textContent === "Kutipan disalin"`)
	link := fixtureBase + "/contoh/peraturan-uji/v2/#" + huruf
	got := eval[[]string](t, b, `window.__disalin`)
	wantCite := "Pasal 4 ayat (1) huruf b Peraturan Bupati Contoh Nomor 8 Tahun 2025 tentang Pengadaan Pegawai di Lingkungan Pemerintah Kabupaten Contoh, " +
		"Kabupaten Contoh (fiktif), versi v2 (1 Agustus 2025), Berlaku per 15 Januari 2026, " + link + ", diakses " + today(t, b)
	if len(got) != 2 || got[0] != link || got[1] != wantCite {
		t.Errorf("the clipboard got %q, want the link and then\n%q", got, wantCite)
	}
	b.click(t, "#pasal-4 > .unit-heading > .anchor")
	wantMenu(t, b, ".salin-tautan")
	if !eval[bool](t, b, `document.querySelector("#pasal-4 > .unit-heading + #salin_menu") !== null`) {
		t.Errorf("a Pasal's menu is not after its heading")
	}
}

// shows is a JavaScript condition: the element sel finds is shown.
func shows(sel string) string {
	return `document.querySelector(` + jsString(sel) + `).checkVisibility({opacityProperty: true})`
}

// attrs is a JavaScript expression: the menu button attributes of the element
// sel finds, separated by spaces.
func attrs(sel string) string {
	return `(el => ["aria-haspopup", "aria-expanded", "aria-controls"].map(a => el.getAttribute(a) || "").join(" "))(document.querySelector(` + jsString(sel) + `))`
}

// wantMenu fails t unless the unit menu is open, shown, tied to the link that
// opened it, and the element item finds in it has the focus.
func wantMenu(t *testing.T, b *browser, item string) {
	t.Helper()
	waitFor(t, b, "the menu to open", `document.getElementById("salin_menu") !== null`)
	if !b.displayed(t, "#salin_menu") {
		t.Fatalf("the menu is open but not shown")
	}
	type menu struct{ Role, Controls, Expanded string }
	m := eval[menu](t, b, `(() => {
		const m = document.getElementById("salin_menu"), l = document.querySelector("[aria-controls=salin_menu]");
		return {Role: m.getAttribute("role"), Controls: l ? l.getAttribute("aria-controls") : "", Expanded: l ? l.getAttribute("aria-expanded") : ""};
	})()`)
	if m.Role != "menu" || m.Controls != "salin_menu" || m.Expanded != "true" {
		t.Errorf("the menu has role %q and its link aria-controls %q, aria-expanded %q", m.Role, m.Controls, m.Expanded)
	}
	if got := b.text(t, "#salin_menu"); !strings.Contains(got, "Salin tautan") || !strings.Contains(got, "Salin kutipan") {
		t.Errorf("the menu reads %q", got)
	}
	wantFocus(t, b, "#salin_menu "+item)
}

// wantFocus fails t unless the element sel finds has the focus.
func wantFocus(t *testing.T, b *browser, sel string) {
	t.Helper()
	waitFor(t, b, sel+" to have the focus", `document.activeElement === document.querySelector(`+jsString(sel)+`)`)
}

// today is the day in the tab's browser, as a citation's access day writes it.
func today(t *testing.T, b *browser) string {
	t.Helper()
	d := eval[[]int](t, b, `(d => [d.getDate(), d.getMonth(), d.getFullYear()])(new Date())`)
	return fmt.Sprintf("%d %s %d", d[0], months[d[1]], d[2])
}

// press types a key, which kb names, on the page.
func (b *browser) press(t testing.TB, key string) {
	t.Helper()
	b.do(t, "pressing "+key, chromedp.KeyEvent(key))
}

// hover moves the mouse to the middle of the first element that sel finds.
func (b *browser) hover(t testing.TB, sel string) {
	t.Helper()
	type point struct{ X, Y float64 }
	p := eval[point](t, b, `(() => {
		const el = document.querySelector(`+jsString(sel)+`);
		el.scrollIntoView({block: "center"});
		const r = el.getBoundingClientRect();
		return {X: r.left + r.width / 2, Y: r.top + r.height / 2};
	})()`)
	b.do(t, "moving the mouse to "+sel, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, p.X, p.Y))
}

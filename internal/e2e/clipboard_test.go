package e2e

import (
	"context"
	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// grantClipboard lets pages of the site read and write the clipboard of the
// tab's browser without asking, and makes the tab behave as if it had focus,
// which the clipboard API requires.
func (b *browser) grantClipboard(t testing.TB, s *testSite) {
	t.Helper()
	b.do(t, "granting the clipboard", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			_, err := chromedp.CallBrowser(ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
				Permission: &cdpbrowser.PermissionDescriptor{Name: name, AllowWithoutSanitization: name == "clipboard-write"},
				Setting:    cdpbrowser.PermissionSettingGranted,
				Origin:     s.url(""),
			})
			if err != nil {
				return err
			}
		}
		_, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	}))
}

// TestCopyToRealClipboard copies a paragraph's link with the browser's own
// clipboard, no hook in between, and reads it back.
func TestCopyToRealClipboard(t *testing.T) {
	s := newSite(t, fixtureSite)
	b := newBrowser(t)
	b.grantClipboard(t, s)
	b.open(t, s.url(oldVersion))
	b.click(t, oldPilcrow)
	b.click(t, "#salin_menu .salin-tautan")
	waitFor(t, b, "the copy to be announced", `document.getElementById("salin_status").textContent === "Tautan disalin"`)
	got := run(t, b, "reading the clipboard", chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if want := fixtureBase + oldVersion + "#" + oldParagraph; got != want {
		t.Errorf("the clipboard holds %q, want %q", got, want)
	}
}

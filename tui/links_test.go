package tui

import (
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	"github.com/charmbracelet/x/ansi"
)

// A link is shown whole: the criterion's official page and a URL in a
// justification are never cut at the pane's edge (a French or Japanese
// URL is a few cells wider than the pane at 120x40 and 100x30). Where the
// screen has room the URL is on one line, the list's row beside it giving
// way; only a URL wider than the screen itself is broken, at its edge,
// every character still shown.
func TestLinksShownWhole(t *testing.T) {
	const longURL = "https://github.com/demo/demo/blob/main/LICENSES/Apache-2.0-long.txt"
	file := strings.Replace(startFile, "justification: MIT, see LICENSE.", "justification: Apache-2.0, see "+longURL, 1)
	for _, c := range []struct {
		lang string
		w, h int
	}{{"fr", 120, 40}, {"ja", 100, 30}, {"en", 120, 40}, {"fr", 80, 24}, {"ja", 80, 24}, {"fr", 60, 15}, {"ja", 60, 15}} {
		loc, _ := i18n.New(c.lang)
		d, _ := newDriverIn(t, loc, file, c.w, c.h)
		for _, id := range []string{"description_good", "floss_license"} {
			d.goTo(id)
			d.keys("v")
			var seen []string
			for i := 0; i < 12; i++ {
				s := d.screen()
				for _, l := range strings.Split(s, "\n") {
					if lw := textwidth.Width(l); lw != c.w {
						t.Errorf("%s %dx%d: a line of %d cells: %q", c.lang, c.w, c.h, lw, l)
					}
					seen = append(seen, strings.TrimSpace(ansi.Strip(l)))
				}
				d.keys("ctrl+d")
			}
			e := criteria.Default().EntriesFor(id)[0]
			urls := []string{e.URLIn(loc.Asked()...)}
			if id == "floss_license" {
				urls = append(urls, longURL)
			}
			for _, url := range urls {
				whole := false
				for _, l := range seen {
					whole = whole || strings.Contains(l, url)
				}
				switch {
				case textwidth.Width(url) <= d.m.c.detailMax() && !whole:
					t.Errorf("%s %dx%d %s: %s is not shown whole on a line:\n%s", c.lang, c.w, c.h, id, url, strings.Join(seen, "\n"))
				case !whole && !strings.Contains(strings.Join(seen, ""), url):
					t.Errorf("%s %dx%d %s: %s, wider than the screen, lost characters:\n%s", c.lang, c.w, c.h, id, url, strings.Join(seen, "\n"))
				}
			}
			d.keys("esc")
		}
	}
}

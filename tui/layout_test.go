package tui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// germanDraft is a translator's draft (--locale-file) with long German
// words wherever the walk lays text out in columns or on one line: level
// names, keywords, statuses, key help, headings, sections and a title with
// a compound wider than a narrow pane.
const germanDraft = `meta:
  tag: de
  name: Deutsch
ui:
  level:
    passing: Grundanforderungsstufeneinstufung
    silver: Silberstufe
    gold: Goldstufe
  category:
    MUST: MUSS
    SHOULD: NACHDRÜCKLICHEMPFOHLEN
    SUGGESTED: VORGESCHLAGEN
  status:
    met: Erfüllt
    unmet: Nichterfüllt
    na: Nichtzutreffend
    unknown: unbeantwortet
  words:
    label: "{{.Label}}: {{.Text}}"
  tui:
    keys:
      met: Erfülltmarkierung
      unmet: Nichterfülltmarkierung
      quit: Programmbeendigung
      detail: Einzelheitenansicht
      help: Tastenkombinationsübersicht
    detail:
      your_answer: Ihre bisherige Antwortformulierung
      official: Offizieller Anforderungstext
      guidance: Umsetzungshinweise
sections:
  Basics: Grundlagenanforderungen
  Basic project website content: Grundlegende Projektwebseiteninhaltsbeschreibung
criteria:
  passing:
    vulnerability_report_process:
      title: Veröffentlichtes Schwachstellenmeldeverfahrensdokumentationsverzeichnis
    description_good:
      title: Beschreibt, was die Software tut, in verständlichen Worten für Neulinge
      requirement: Die Projektwebseite MUSS kurz und verständlich beschreiben, was die Software tut (Softwarefunktionalitätsbeschreibungsanforderung).
`

// layoutLocales are the languages of issue 12's layout check: the
// built-in English, French and Japanese, and the German draft.
func layoutLocales(t *testing.T) map[string]*i18n.Locale {
	t.Helper()
	out := map[string]*i18n.Locale{"en": i18n.English()}
	for _, tag := range []string{"fr", "ja"} {
		loc, err := i18n.New(tag)
		if err != nil {
			t.Fatal(err)
		}
		out[tag] = loc
	}
	f, err := i18n.Parse("de.yaml", []byte(germanDraft))
	if err != nil {
		t.Fatal(err)
	}
	out["de"] = i18n.FromFile(f)
	return out
}

// figures ends a level's line: its percentage (with a no-break space
// before % in French) and count, whole.
var figures = regexp.MustCompile(`\d+\x{a0}?%  \d+/\d+ *$`)

// The walk at 60x15, 80x24 and 120x40 in each language, on each of its
// screens: every line fits the terminal counted in cells, the level bars
// start in one column with their figures whole, the list's titles start
// in one column, and the detail's text is wrapped, never cut.
func TestWalkLayoutByDisplayWidth(t *testing.T) {
	answers := fileWith("description_good", "Met", "Siehe README.md, erster Absatz: https://example.org/projekt/dokumentation/einfuehrung/softwarebeschreibung")
	for name, loc := range layoutLocales(t) {
		for _, size := range [][2]int{{60, 15}, {80, 24}, {120, 40}} {
			w, h := size[0], size[1]
			d, _ := newDriver(t, answers, w, h)
			d.m.c.setLocale(loc)
			d.m.rebuild()
			d.send(tea.WindowSizeMsg{Width: w, Height: h})
			where := func(screen string) string { return name + " " + ansi.Strip(screen) }
			check := func(state string) {
				t.Helper()
				s := d.screen()
				lines := strings.Split(s, "\n")
				if len(lines) != h {
					t.Errorf("%s %dx%d %s: %d lines", name, w, h, state, len(lines))
				}
				barCol, pctCol := -1, -1
				for _, l := range lines {
					if lw := textwidth.Width(l); lw > w {
						t.Errorf("%s %dx%d %s: a line of %d cells: %q", name, w, h, state, lw, l)
					}
					if i := strings.IndexAny(l, "█░"); i >= 0 {
						col := textwidth.Width(l[:i])
						if barCol >= 0 && col != barCol {
							t.Errorf("%s %dx%d %s: bars start in columns %d and %d:\n%s", name, w, h, state, barCol, col, where(s))
						}
						barCol = col
						if !figures.MatchString(l) {
							t.Errorf("%s %dx%d %s: a level's figures are cut: %q", name, w, h, state, l)
						}
						if (name == "fr") != strings.Contains(l, "\u00a0%") {
							t.Errorf("%s %dx%d %s: the percentage is not written as the language does: %q", name, w, h, state, l)
						}
						if i := strings.Index(l, "%"); i >= 0 {
							if col := textwidth.Width(l[:i]); pctCol >= 0 && col != pctCol {
								t.Errorf("%s %dx%d %s: %% signs in columns %d and %d:\n%s", name, w, h, state, pctCol, col, where(s))
							} else {
								pctCol = col
							}
						}
					}
				}
				if !d.m.c.compactHeader() && barCol < 0 && !d.m.help.open {
					t.Errorf("%s %dx%d %s: no bars:\n%s", name, w, h, state, where(s))
				}
			}
			check("list")
			// The titles start in one column whatever the keyword's width.
			cols := map[int]bool{}
			ls := d.m.c.levelScore()
			for _, l := range d.m.list.view(d.m.c.listWidth()) {
				l = ansi.Strip(l)
				if !strings.HasPrefix(l, "  ") && !strings.HasPrefix(l, "› ") {
					continue // a heading
				}
				for _, es := range ls.Entries[:8] {
					title := []rune(loc.Criterion(es.Entry.Level, es.Entry.ID).Title)
					if i := strings.Index(l, " "+string(title[:6])); i > 0 {
						i++
						cols[textwidth.Width(l[:i])] = true
						break
					}
				}
			}
			if len(cols) != 1 {
				t.Errorf("%s %dx%d: list titles start in columns %v:\n%s", name, w, h, cols, strings.Join(d.m.list.view(d.m.c.listWidth()), "\n"))
			}
			d.keys("v")
			check("detail")
			for _, l := range d.m.detail.lines {
				if lw := textwidth.Width(l); lw > d.m.c.detailWidth() && (!urlLine(l) || lw > d.m.c.detailMax()) {
					t.Errorf("%s %dx%d: a detail line of %d cells, wider than its pane (%d), is no URL kept whole: %q", name, w, h, lw, d.m.c.detailWidth(), l)
				}
			}
			d.keys("esc", "?")
			check("help")
			d.keys("esc", "enter")
			check("form")
			d.keys("esc", "/", "Schwachstellen")
			check("search")
			d.keys("esc")
		}
	}
}

// The detail names the Security Insights fields an answer fills in, each
// path whole on a line (never broken at its hyphens), in every language
// and at every size; a criterion that feeds none says nothing about it.
func TestDetailShowsSecurityInsightsFields(t *testing.T) {
	for name, loc := range layoutLocales(t) {
		for _, w := range []int{60, 80, 120} {
			d, _ := newDriver(t, startFile, w, 40)
			d.m.c.setLocale(loc)
			d.m.rebuild()
			d.goTo("vulnerability_report_process")
			text := ansi.Strip(strings.Join(d.m.detail.lines, "\n"))
			label := strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(loc.T("ui.secins.feeds", "Fields", "X"), "X")), ":")
			if !strings.Contains(text, label) {
				t.Errorf("%s at %d: no %q in the detail:\n%s", name, w, label, text)
			}
			for _, f := range []string{"project.vulnerability-reporting.reports-accepted", "project.vulnerability-reporting.policy", "repository.documentation.security-policy"} {
				if !strings.Contains(text, f) {
					t.Errorf("%s at %d: field %s missing or broken:\n%s", name, w, f, text)
				}
			}
			for _, l := range d.m.detail.lines {
				if lw := textwidth.Width(l); lw > d.m.c.readingWidth() && !urlLine(l) {
					t.Errorf("%s at %d: line of %d cells: %q", name, w, lw, l)
				}
			}
			d.goTo("description_good")
			if strings.Contains(strings.Join(d.m.detail.lines, "\n"), "project.") {
				t.Errorf("%s: description_good feeds no field, yet the detail names one", name)
			}
		}
	}
}

// urlLine reports whether a line is a URL alone (behind an indentation or
// a quote's bar): the one kind of line allowed past its pane's edge.
func urlLine(l string) bool {
	s := strings.TrimSpace(ansi.Strip(l))
	s = strings.TrimSpace(strings.TrimPrefix(s, "│"))
	return (strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) && !strings.ContainsAny(s, " \t")
}

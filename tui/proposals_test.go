package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/carry"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func TestProposalsAcceptAndNeverOverwrite(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	d.m.c.opts.Carry = func(_ *i18n.Locale, a model.Answers) model.Proposals {
		ps := model.Proposals{}
		ps.Add(model.Proposal{ID: "description_good", Status: model.Met, Justification: "README.md:1 says it.", Source: "detected in the repository", Evidence: []string{"README.md:1"}, Confidence: 2})
		ps.Add(model.Proposal{ID: "floss_license", Status: model.Unmet, Source: "test", Confidence: 3})
		ps.Add(model.Proposal{ID: "interact", Status: model.Met, Justification: "README", Source: "test", Confidence: 2})
		return ps
	}
	d.send(carryReadyMsg{})
	d.wantScreen("› + MUST      Says what the software does", "Proposed answer", "README.md:1")
	d.keys("p")
	if a := d.m.c.file.Answers["description_good"]; a.Status != model.Met || a.Justification != "README.md:1 says it." {
		t.Fatalf("accepted %+v", a)
	}
	d.keys("P")
	d.wantScreen("Accept 1 proposal")
	d.keys("y")
	if d.m.c.file.Answers["interact"].Status != model.Met || d.m.c.file.Answers["floss_license"].Status != model.Met {
		t.Errorf("accept all: %+v", d.m.c.file.Answers)
	}
	b, _ := os.ReadFile(p)
	if !strings.Contains(string(b), "MIT, see LICENSE.") {
		t.Error("a given answer was overwritten")
	}
}

// Answering a badge criterion proposes the matching baseline control, which
// one key accepts.
func TestCarriedAcrossSeries(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	d.m.c.opts.Carry = func(loc *i18n.Locale, a model.Answers) model.Proposals {
		return carry.Propose(criteria.Default(), a, loc)
	}
	d.send(carryReadyMsg{})
	d.goTo("vulnerability_report_private")
	d.keys("enter", "enter", "Private reports go through https://github.com/demo/demo/security/advisories/new", "enter")
	if d.m.c.file.Answers["vulnerability_report_private"].Status != model.Met {
		t.Fatalf("not answered:\n%s", d.screen())
	}
	d.keys("b")
	for d.m.c.level != criteria.Default().EntriesFor("osps_vm_03_01")[0].Level {
		d.keys("]")
	}
	d.goTo("osps_vm_03_01")
	d.wantScreen("› + MUST", "from your answer to vulnerability_report_private")
	d.keys("p")
	if a := d.m.c.file.Answers["osps_vm_03_01"]; a.Status != model.Met || !strings.Contains(a.Justification, "security/advisories/new") {
		t.Fatalf("carried answer %+v", a)
	}
	b, _ := os.ReadFile(p)
	if !strings.Contains(string(b), "osps_vm_03_01:") {
		t.Errorf("not saved:\n%s", b)
	}
}

// Repository evidence arrives in the background and shows on its criterion.
func TestScanProposalsArriveInBackground(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, model.DefaultName)
	os.WriteFile(p, []byte(startFile), 0o644)
	f, _ := model.Load(p, criteria.Default())
	m := New(Options{File: f, Catalog: criteria.Default(), Locale: i18n.English(), GlamourStyle: "notty",
		ScanProposals: func(*i18n.Locale) model.Proposals {
			return model.Proposals{"license_location": {ID: "license_location", Status: model.Met, Justification: "LICENSE at the root: https://example.org/LICENSE", Source: "detected in the repository", Evidence: []string{"LICENSE:1"}, Confidence: 3}}
		}})
	d := &driver{t: t, m: m}
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.run(m.Init())
	d.wantScreen("+ MUST      License file in a standard place")
	d.goTo("license_location")
	d.wantScreen("detected in the repository", "LICENSE:1")
}

// A note the user kept on an unanswered criterion: P leaves it and says
// so; p accepts its proposal with the note after the proposal's text.
func TestProposalsKeepTheUsersNote(t *testing.T) {
	note := "Ask legal first; see issue 7."
	d, p := newDriver(t, startFile+"  description_good:\n    status: \"?\"\n    justification: \""+note+"\"\n", 120, 40)
	d.m.c.opts.Carry = func(_ *i18n.Locale, a model.Answers) model.Proposals {
		ps := model.Proposals{}
		ps.Add(model.Proposal{ID: "description_good", Status: model.Met, Justification: "README.md:1 says it.", Source: "test", Confidence: 3})
		ps.Add(model.Proposal{ID: "interact", Status: model.Met, Justification: "README", Source: "test", Confidence: 2})
		return ps
	}
	d.send(carryReadyMsg{})
	d.keys("P")
	d.wantScreen("Accept 1 proposal")
	d.keys("y")
	d.wantScreen("1 with your note left as is")
	if a := d.m.c.file.Answers["description_good"]; a.Status != model.Unknown || a.Justification != note {
		t.Fatalf("P wrote over the note: %+v", a)
	}
	if d.m.c.file.Answers["interact"].Status != model.Met {
		t.Errorf("P skipped the others: %+v", d.m.c.file.Answers["interact"])
	}
	d.goTo("description_good")
	d.keys("p")
	if a := d.m.c.file.Answers["description_good"]; a.Status != model.Met || a.Justification != "README.md:1 says it.\n\n"+note {
		t.Fatalf("p lost the note: %+v", a)
	}
	b, _ := os.ReadFile(p)
	if !strings.Contains(string(b), note) {
		t.Errorf("the note is not in the saved file:\n%s", b)
	}
}

// Switching language words the proposals again: the repository's (a new
// scan in the background) and the carried ones, as when the walk starts in
// that language. A scan in the language left, landing late, is dropped.
func TestProposalsFollowTheLanguageSwitch(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, model.DefaultName)
	os.WriteFile(p, []byte(startFile+"  vulnerability_report_private:\n    status: Met\n    justification: Reports go through https://github.com/demo/demo/security/advisories/new\n"), 0o644)
	f, _ := model.Load(p, criteria.Default())
	scans := 0
	m := New(Options{File: f, Catalog: criteria.Default(), Locale: i18n.English(), GlamourStyle: "notty",
		ScanProposals: func(loc *i18n.Locale) model.Proposals {
			scans++
			return model.Proposals{"description_good": {ID: "description_good", Status: model.Met, Source: loc.T("ui.detect.source"),
				Justification: loc.T("ui.detect.j.description_good", "Where", "README.md:1"), Evidence: []string{"README.md:1"}, Confidence: 1}}
		},
		Carry: func(loc *i18n.Locale, a model.Answers) model.Proposals {
			return carry.Propose(criteria.Default(), a, loc)
		},
		Languages: i18n.NewCycle(nil)})
	d := &driver{t: t, m: m}
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.run(m.Init())
	d.goTo("description_good")
	detail := func() string { return strings.Join(d.m.detail.lines, "\n") }
	if !strings.Contains(detail(), "detected in the repository") || !strings.Contains(detail(), "The README says what the software does") {
		t.Fatalf("in English:\n%s", detail())
	}
	for d.m.c.loc.Tag.String() != "fr" {
		d.keys("L")
	}
	if !strings.Contains(detail(), "Satisfait · détecté dans le dépôt · confiance") || !strings.Contains(detail(), "Le README explique ce que fait le logiciel") ||
		strings.Contains(detail(), "detected in the repository") || strings.Contains(detail(), "The README says") {
		t.Errorf("after the switch to French:\n%s", detail())
	}
	// The carried proposal too, without a new answer.
	d.keys("b")
	for d.m.c.level != criteria.Default().EntriesFor("osps_vm_03_01")[0].Level {
		d.keys("]")
	}
	d.goTo("osps_vm_03_01")
	// (The line is wrapped to the pane: read it as one.)
	if !strings.Contains(strings.Join(strings.Fields(detail()), " "), "d'après votre réponse à vulnerability_report_private") {
		t.Errorf("carried, after the switch:\n%s", detail())
	}
	// A scan in English that lands after the switch changes nothing.
	d.send(proposalsFoundMsg{ps: model.Proposals{"description_good": {ID: "description_good", Status: model.Met, Source: "detected in the repository"}}, loc: i18n.English()})
	if d.m.scanned["description_good"].Source != "détecté dans le dépôt" {
		t.Errorf("a late scan in the language left was taken: %+v", d.m.scanned["description_good"])
	}
	if scans < 2 {
		t.Errorf("%d scans: the switch did not scan again", scans)
	}
}

// statusDraft is a translator's draft (--locale-file) whose "unmet" is
// two words, as German says it, and whose "more lines" is long.
const statusDraft = `meta:
  tag: de
  name: Deutsch
ui:
  status:
    unmet: Nicht erfüllt
  tui:
    detail:
      more: "↓ noch {{.Lines}} weitere Zeilen unterhalb dieses Ausschnitts, zum Weiterblättern {{.Key}} drücken"
`

// The proposed answer's line (status · source · confidence) is wrapped in
// the detail pane like its other lines, its indentation kept on the next
// line, no word cut: in French at 60x15 (where it once lost its indent and
// was cut "moyenn"/"e") and with a German status at 120x40 (where it once
// pushed the pane's separator two columns left), as the user gets there:
// / license_location Enter, →, ctrl+d.
func TestProposalLineWrapsInPane(t *testing.T) {
	locs := layoutLocales(t)
	f, err := i18n.Parse("de.yaml", []byte(statusDraft))
	if err != nil {
		t.Fatal(err)
	}
	locs["de-status"] = i18n.FromFile(f)
	for name, loc := range locs {
		for _, size := range [][2]int{{60, 15}, {80, 24}, {120, 40}} {
			w, h := size[0], size[1]
			dir := t.TempDir()
			p := filepath.Join(dir, model.DefaultName)
			os.WriteFile(p, []byte(startFile), 0o644)
			file, err := model.Load(p, criteria.Default())
			if err != nil {
				t.Fatal(err)
			}
			m := New(Options{File: file, Catalog: criteria.Default(), Locale: loc, GlamourStyle: "notty",
				ScanProposals: func(loc *i18n.Locale) model.Proposals {
					return model.Proposals{"license_location": {ID: "license_location", Status: model.Unmet, Source: loc.T("ui.detect.source"),
						Justification: loc.T("ui.detect.j.license_missing"), Confidence: model.ConfidenceFair}}
				}})
			d := &driver{t: t, m: m}
			d.send(tea.WindowSizeMsg{Width: w, Height: h})
			d.run(m.Init())
			d.keys("/", "license_location", "enter", "right")
			where := fmt.Sprintf("%s %dx%d", name, w, h)
			want := loc.T(model.Unmet.Key()) + " · " + loc.T("ui.detect.source") + " · " +
				loc.T("ui.tui.detail.confidence", "Level", loc.T(model.ConfidenceKey(model.ConfidenceFair)))

			// The line and its continuation in the detail: "  + " then
			// lines indented as far, together the whole text.
			lines := d.m.detail.lines
			start := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(ansi.Strip(l), "  + ") })
			if start < 0 {
				t.Errorf("%s: no proposal line, indented:\n%s", where, strings.Join(lines, "\n"))
				continue
			}
			got := strings.TrimPrefix(ansi.Strip(lines[start]), "  + ")
			for _, l := range lines[start+1:] {
				l = ansi.Strip(l)
				if !strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "    · ") {
					break
				}
				got += " " + strings.TrimPrefix(l, "    ")
			}
			if got != want {
				t.Errorf("%s: the proposal's line reads %q, want %q:\n%s", where, got, want, strings.Join(lines, "\n"))
			}
			for _, l := range lines {
				if lw := textwidth.Width(l); lw > d.m.c.detailWidth() && !urlLine(l) {
					t.Errorf("%s: a detail line of %d cells, wider than its pane (%d): %q", where, lw, d.m.c.detailWidth(), l)
				}
			}

			// On the screen, from the top (where the last line says how
			// much more there is) and scrolled down to the proposal:
			// within the terminal, and beside the list, the separator in
			// one column.
			checkScreen := func(screen string) {
				t.Helper()
				sepCol := -1
				for _, l := range strings.Split(screen, "\n") {
					if lw := textwidth.Width(l); lw > w {
						t.Errorf("%s: a line of %d cells: %q", where, lw, l)
					}
					if i := strings.Index(l, "│"); d.m.c.wide() && i >= 0 {
						if col := textwidth.Width(l[:i]); sepCol >= 0 && col != sepCol {
							t.Errorf("%s: the pane's separator in columns %d and %d:\n%s", where, sepCol, col, screen)
						} else {
							sepCol = col
						}
					}
				}
			}
			checkScreen(ansi.Strip(d.screen()))
			for range 8 {
				d.keys("ctrl+d")
			}
			screen := ansi.Strip(d.screen())
			if !strings.Contains(screen, "  + "+strings.Fields(want)[0]) {
				t.Errorf("%s: the proposal's line is not on the screen, indented:\n%s", where, screen)
			}
			checkScreen(screen)
		}
	}
}

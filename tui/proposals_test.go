package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/carry"
	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
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
	if !strings.Contains(detail(), "d'après votre réponse à vulnerability_report_private") {
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

package tui

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func TestUndoAndRedo(t *testing.T) {
	long := strings.Repeat("A long justification, written with care. ", 40)
	d, p := newDriver(t, fileWith("description_good", "Met", long), 120, 40)
	d.keys("x")
	if d.m.c.file.Answers["description_good"].Status != model.Unknown {
		t.Fatal("x did not clear")
	}
	d.keys("down", "down", "z")
	if a := d.m.c.file.Answers["description_good"]; a.Status != model.Met || a.Justification != long {
		t.Fatalf("undo gave back %+v", a)
	}
	if es, _ := d.m.list.current(); es.Entry.ID != "description_good" {
		t.Errorf("undo did not show the criterion: cursor on %s", es.Entry.ID)
	}
	d.wantScreen("Undone: description_good is Met again")
	if b, _ := os.ReadFile(p); !strings.Contains(string(b), "A long justification") {
		t.Errorf("undo not saved:\n%s", b)
	}
	d.keys("Z")
	if d.m.c.file.Answers["description_good"].Status != model.Unknown {
		t.Error("redo did not clear again")
	}
	d.keys("z", "z")
	d.wantScreen("Nothing to undo")
	// One step for accepting every proposal.
	d.m.c.opts.Carry = func(*i18n.Locale, model.Answers) model.Proposals {
		ps := model.Proposals{}
		ps.Add(model.Proposal{ID: "interact", Status: model.Met, Source: "test", Confidence: 2})
		ps.Add(model.Proposal{ID: "contribution", Status: model.Unmet, Source: "test", Confidence: 3})
		return ps
	}
	d.send(carryReadyMsg{})
	d.keys("P", "y", "z")
	if d.m.c.file.Answers["interact"].Status != model.Unknown || d.m.c.file.Answers["contribution"].Status != model.Unknown {
		t.Error("undo did not take back the whole accept-all")
	}
	d.wantScreen("Undone: 2 answers")
}

// P says how many of the proposals it would accept are Unmet.
func TestAcceptAllNamesUnmet(t *testing.T) {
	d, _ := newDriver(t, startFile, 120, 40)
	d.m.c.opts.Carry = func(*i18n.Locale, model.Answers) model.Proposals {
		ps := model.Proposals{}
		for _, p := range []model.Proposal{{ID: "interact", Status: model.Met}, {ID: "contribution", Status: model.Unmet},
			{ID: "test", Status: model.Unmet}, {ID: "build", Status: model.NA}, {ID: "description_good", Status: model.NA},
			{ID: "floss_license_osi", Status: model.Met, Confidence: model.ConfidenceWeak}} {
			p.Source = "test"
			if p.Confidence == 0 {
				p.Confidence = model.ConfidenceFair
			}
			ps.Add(p)
		}
		return ps
	}
	d.send(carryReadyMsg{})
	d.keys("P")
	// description_good does not take N/A: it is not offered; a weak
	// proposal is left for p, after reading.
	d.wantScreen("Accept 4 proposals for unanswered criteria, 2 of them Unmet?", "p 1 weak one: accept it alone, after reading", "y accept", "n/esc no")
	d.keys("n")
	if d.m.c.file.Answers["interact"].Status != model.Unknown {
		t.Error("n accepted")
	}
}

func TestUnknownIDsHaveASection(t *testing.T) {
	content := startFile + "  descripton_good:\n    status: Met\n    justification: typo in the id\n  \"\\e[31mred\":\n    status: Unmet\n"
	d, p := newDriver(t, content, 120, 40)
	d.keys("G")
	d.wantScreen("Not in the catalog", "! ?         descripton_good", "Did you mean description_good?", "typo in the id")
	if strings.Contains(d.screen(), "\x1b[31m") {
		t.Fatal("an id from the file reached the terminal raw")
	}
	d.keys("m")
	d.wantScreen("not a criterion")
	d.keys("up") // the escaped id sorts first
	id, ok := d.m.list.currentUnknown()
	if !ok || id != "descripton_good" {
		d.keys("down")
		id, _ = d.m.list.currentUnknown()
	}
	d.keys("x")
	if b, _ := os.ReadFile(p); strings.Contains(string(b), id+":") {
		t.Errorf("x did not remove %s:\n%s", id, b)
	}
	d.wantScreen("Removed the answer to " + id + "; z takes it back.")
	d.keys("z")
	if b, _ := os.ReadFile(p); !strings.Contains(string(b), id+":") {
		t.Errorf("undo did not bring %s back:\n%s", id, b)
	}
}

// Issue 10: clearing an answer (x) removes its status and justification,
// not the comments around it; z brings both back.
func TestClearRemovesTheJustification(t *testing.T) {
	content := "version: 1\nanswers:\n  # kept above\n  description_good:\n    status: Met\n    # kept inside\n    justification: my words\n  interact:\n    status: Met\n"
	d, p := newDriver(t, content, 120, 40)
	d.goTo("description_good")
	d.keys("x")
	b, _ := os.ReadFile(p)
	if strings.Contains(string(b), "my words") || strings.Contains(string(b), "description_good:\n    status") {
		t.Errorf("x left the answer:\n%s", b)
	}
	if !strings.Contains(string(b), "# kept above") || !strings.Contains(string(b), "interact:") {
		t.Errorf("x took more than the answer:\n%s", b)
	}
	d.keys("z")
	if a := d.m.c.file.Answers["description_good"]; a.Status != model.Met || a.Justification != "my words" {
		t.Errorf("z gave back %+v", a)
	}
}

func TestSummaryNamesTheLevelShown(t *testing.T) {
	env := &environ.Env{Loc: i18n.English(), Dir: "/repo"}
	f, _ := model.Parse("/repo/.bestpractices.yaml", []byte(startFile), criteria.Default())
	f.Exists = true
	if got := summary(env, f, "silver", false); got != "No change made; .bestpractices.yaml holds 0/55 at silver." {
		t.Errorf("unchanged: %q", got)
	}
	if got := summary(env, f, "passing", true); got != "Saved 1/67 passing to .bestpractices.yaml" {
		t.Errorf("saved: %q", got)
	}
}

func TestListLaunchAndSearch(t *testing.T) {
	d, _ := newDriver(t, startFile, 80, 24)
	d.wantScreen("Basics / Basic project website content")
	d.keys("/", "licen", "enter")
	d.wantScreen("Released under a FLOSS license")
	d.keys("/", "build")
	if v := d.m.list.search.Value(); v != "build" {
		t.Errorf("/ while a search is kept extended it: %q", v)
	}
	d.keys("esc", "f", "f") // not counting yet: the MUSTs first
	lines := d.m.list.view(80)
	if !strings.Contains(lines[1], "MUST") || !strings.Contains(lines[2], "MUST") {
		t.Fatalf("not counting yet does not start with the MUSTs:\n%s", strings.Join(lines, "\n"))
	}
	seenShould := false
	for _, r := range d.m.list.rows {
		if r.kind != rowEntry {
			continue
		}
		cat := d.m.c.levelScore().Entries[r.entry].Entry.Category
		if cat != criteria.Must {
			seenShould = true
		} else if seenShould {
			t.Fatal("a MUST after a SHOULD in the not-counting filter")
		}
	}
}

func TestDetailSaysThereIsMoreAndReadsWell(t *testing.T) {
	d, _ := newDriver(t, startFile, 200, 40)
	w := 0
	for _, l := range d.m.detail.lines {
		w = max(w, ansi.StringWidth(l))
	}
	if w > maxReading {
		t.Errorf("detail text %d columns wide at 200 columns", w)
	}
	d.send(tea.WindowSizeMsg{Width: 70, Height: 16})
	d.keys("v")
	d.wantScreen("more lines (ctrl+d scrolls)")
	for i := 0; i < 10; i++ {
		d.keys("ctrl+d")
	}
	if strings.Contains(d.screen(), "more lines") {
		t.Error("still says more at the bottom")
	}
}

// With NO_COLOR (the notty style) the Markdown reads as text.
func TestNoColorDetailIsCleanText(t *testing.T) {
	d, _ := newDriver(t, startFile, 120, 40)
	s := strings.Join(d.m.detail.lines, "\n")
	for _, mark := range []string{"# ", "**", "`"} {
		if strings.Contains(s, mark) {
			t.Errorf("detail shows Markdown's %q:\n%s", mark, s)
		}
	}
	if !strings.Contains(s, "Guidance") || !strings.Contains(s, "MUST · description_good") {
		t.Errorf("detail lost its text:\n%s", s)
	}
}

func TestMouse(t *testing.T) {
	d, _ := newDriver(t, startFile, 120, 24)
	top := d.m.c.headerHeight()
	d.send(tea.MouseMsg{X: 10, Y: top + 4, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if es, _ := d.m.list.current(); es.Entry.ID != "contribution" { // line 0 is the list's title, 1 a section
		t.Fatalf("click selected %s", es.Entry.ID)
	}
	for i := 0; i < 5; i++ {
		d.send(tea.MouseMsg{X: 10, Y: top + 5, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	}
	if d.m.list.offset == 0 {
		t.Error("the wheel did not scroll the list")
	}
	if es, _ := d.m.list.current(); es.Entry.ID == "contribution" {
		t.Error("the cursor was left off screen")
	}
	d.send(tea.MouseMsg{X: 100, Y: top + 5, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if d.m.detail.offset == 0 {
		t.Error("the wheel did not scroll the detail")
	}
}

func TestOpenOfficialPage(t *testing.T) {
	d, _ := newDriver(t, startFile, 120, 40)
	var opened, copied []string
	d.m.c.opts.OpenURL = func(u string) error { opened = append(opened, u); return nil }
	d.keys("o")
	want := "https://www.bestpractices.dev/en/criteria/0#0.description_good"
	if len(opened) != 1 || opened[0] != want {
		t.Fatalf("opened %v", opened)
	}
	d.wantScreen("Opened " + want)
	d.m.c.opts.OpenURL = func(string) error { return errNoOpener }
	d.m.c.opts.Copy = func(u string) error { copied = append(copied, u); return nil }
	d.keys("o")
	if len(copied) != 1 {
		t.Fatal("no copy where the browser could not be opened")
	}
	d.wantScreen("Copied " + want)
	var out bytes.Buffer
	clipboard(&out)("x")
	if out.String() != "\x1b]52;c;eA==\a" {
		t.Errorf("OSC 52: %q", out.String())
	}
}

func TestStartLevelAndPrefs(t *testing.T) {
	cat := criteria.Default()
	all := model.Answers{}
	for _, e := range cat.Levels[0].Entries {
		if !e.Automatic() {
			all[e.ID] = model.Answer{Status: model.Met, Justification: "Yes, see https://example.org/x"}
			if !model.NAAllowed(cat, e.ID) && e.Category != criteria.Must {
				all[e.ID] = model.Answer{Status: model.Unmet, Justification: "Not needed here."}
			}
		}
	}
	s := model.Compute(cat, all)
	if l, _ := s.Level("passing"); !l.Achieved() {
		t.Fatalf("passing not achieved: %d%%", l.Percentage)
	}
	for remembered, want := range map[string]string{"": "silver", "passing": "silver", "gold": "gold", "baseline-2": "baseline-2", "nonsense": "silver"} {
		if got := startLevel(s, cat, remembered); got != want {
			t.Errorf("remembered %q: start at %s, want %s", remembered, got, want)
		}
	}
	dir := t.TempDir()
	store := newPrefs(dir)
	langs := i18n.Available()
	if r := store.get("/a/.bestpractices.yaml", cat, langs); r.Level != "" || r.Lang != "" {
		t.Errorf("nothing kept yet: %+v", r)
	}
	if err := store.put("/a/.bestpractices.yaml", repoPrefs{Level: "gold", Lang: "fr", Used: time.Now()}); err != nil {
		t.Fatal(err)
	}
	store.put("/b/.bestpractices.yaml", repoPrefs{Level: "no-such-level", Lang: "xx", Used: time.Now()})
	if r := store.get("/a/.bestpractices.yaml", cat, langs); r.Level != "gold" || r.Lang != "fr" {
		t.Errorf("kept: %+v", r)
	}
	if r := store.get("/b/.bestpractices.yaml", cat, langs); r.Level != "" || r.Lang != "" {
		t.Errorf("unknown level or language trusted: %+v", r)
	}
	os.WriteFile(filepath.Join(dir, "bestpractices", "walk.json"), []byte("{not json"), 0o600)
	if r := store.get("/a/.bestpractices.yaml", cat, langs); r.Level != "" {
		t.Errorf("a broken file gave %+v", r)
	}
	if err := (prefs{}).put("/a", repoPrefs{Level: "gold"}); err != nil {
		t.Errorf("nowhere to keep is not an error: %v", err)
	}
	// The walk opens where it is told.
	d, _ := newDriver(t, startFile, 120, 40)
	m := New(Options{File: d.m.c.file, Catalog: cat, Locale: i18n.English(), GlamourStyle: "notty", StartLevel: "gold"})
	if m.c.level != "gold" {
		t.Errorf("start level %s", m.c.level)
	}
}

// A save that fails (the proof of the write, a full disk) keeps the
// answer in memory and offers to try again.
func TestFailedSaveOffersRetry(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	d.send(saveFailedMsg{errors.New("the new file did not read back as written")})
	d.wantScreen("Not saved: the new file did not read back as written", "press s to try again", "s save again")
	d.m.c.file.Set("interact", model.Answer{Status: model.Met})
	d.keys("s")
	if b, _ := os.ReadFile(p); !strings.Contains(string(b), "interact:") {
		t.Errorf("retry did not save:\n%s", b)
	}
	d.wantScreen("Saved at")
}

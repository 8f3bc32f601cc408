package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func TestNavigateAndDetail(t *testing.T) {
	d, _ := newDriver(t, startFile, 120, 40)
	d.wantScreen("demo", "passing", "1/67", "› ? MUST      Says what the software does", "Guidance", "Official text")
	d.keys("down", "down")
	if es, _ := d.m.list.current(); es.Entry.ID != "contribution" {
		t.Fatalf("after two downs: %s", es.Entry.ID)
	}
	d.wantScreen("› ? MUST      Describes the contribution process", "Met needs a URL")
	// Down across a section heading lands on the next entry, never the heading.
	d.keys("down", "down")
	if es, _ := d.m.list.current(); es.Entry.ID != "floss_license" {
		t.Fatalf("heading not skipped: %s", es.Entry.ID)
	}
	d.wantScreen("✓ MUST      Released under a FLOSS license", "MIT, see LICENSE.")
	d.keys("G")
	if es, _ := d.m.list.current(); es.Entry.ID != "dynamic_analysis_fixed" {
		t.Errorf("end: %s", es.Entry.ID)
	}
	d.keys("g")
	if es, _ := d.m.list.current(); es.Entry.ID != "description_good" {
		t.Errorf("home: %s", es.Entry.ID)
	}
}

func TestSingleKeyAnswersSaveAtOnce(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	d.keys("m")
	d.wantScreen("2/67", "3%", "✓ MUST      Says what the software does", "Saved at 12:00:00")
	got, _ := os.ReadFile(p)
	if !strings.Contains(string(got), "description_good:\n    status: Met") || !strings.Contains(string(got), "this comment must survive") {
		t.Fatalf("file after m:\n%s", got)
	}
	// An answer that counts moves the cursor on to the next one to answer,
	// as the form does.
	if es, _ := d.m.list.current(); es.Entry.ID != "interact" {
		t.Fatalf("after m the cursor is on %s", es.Entry.ID)
	}
	d.keys("up")
	// N/A is refused where the badge does not allow it.
	d.keys("n")
	d.wantScreen("does not allow N/A")
	if d.m.c.file.Answers["description_good"].Status != model.Met {
		t.Error("N/A was recorded")
	}
	// Unmet on a MUST: answered, but marked as not counting; the cursor
	// stays so that the reason shows.
	d.keys("u")
	d.wantScreen("! MUST      Says what the software does", "1/67", "a MUST that is unmet")
	if es, _ := d.m.list.current(); es.Entry.ID != "description_good" {
		t.Fatalf("after u the cursor moved to %s", es.Entry.ID)
	}
	// x clears the answer, and the entry leaves the file.
	d.keys("x")
	got, _ = os.ReadFile(p)
	if strings.Contains(string(got), "description_good") {
		t.Errorf("cleared answer still in the file:\n%s", got)
	}
	// tab jumps to the next criterion needing an answer.
	d.keys("tab")
	if es, _ := d.m.list.current(); es.Entry.ID != "interact" {
		t.Errorf("tab went to %s", es.Entry.ID)
	}
}

func TestFormValidatesAndSaves(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	d.keys("down", "down") // contribution: Met needs a URL
	d.keys("enter")
	if !d.m.form.isOpen() {
		t.Fatal("form not open")
	}
	d.wantScreen("Describes the contribution process", "Met", "Unmet", "Justification")
	d.keys("enter") // keep Met, go to the justification
	d.keys("We take pull requests.", "enter")
	if !d.m.form.isOpen() {
		t.Fatal("an answer without the required URL was accepted")
	}
	d.wantScreen("Met needs a URL")
	d.keys(" https://example.org/CONTRIBUTING.md", "enter")
	if d.m.form.isOpen() {
		t.Fatalf("valid answer not accepted:\n%s", d.screen())
	}
	got, _ := os.ReadFile(p)
	if !strings.Contains(string(got), "justification: We take pull requests. https://example.org/CONTRIBUTING.md") {
		t.Fatalf("file:\n%s", got)
	}
	// After the answer the cursor moves on to the next one still open.
	if es, _ := d.m.list.current(); es.Entry.ID != "contribution_requirements" {
		t.Errorf("cursor on %s", es.Entry.ID)
	}
	// Esc cancels an edit without any change.
	before, _ := os.ReadFile(p)
	d.keys("enter", "down", "enter", "some words", "esc")
	after, _ := os.ReadFile(p)
	if d.m.form.isOpen() || string(before) != string(after) {
		t.Error("esc did not cancel cleanly")
	}
}

func TestFormOffersNAOnlyWhereAllowed(t *testing.T) {
	d, _ := newDriver(t, startFile, 120, 40)
	d.keys("enter")
	if strings.Contains(d.screen(), "N/A\n") || strings.Contains(d.screen(), "  N/A ") {
		t.Errorf("N/A offered for description_good:\n%s", d.screen())
	}
	d.keys("esc")
	d.goTo("documentation_basics")
	d.keys("enter")
	d.wantScreen("N/A")
}

func TestFiltersAndLevels(t *testing.T) {
	d, _ := newDriver(t, startFile, 120, 40)
	d.keys("/", "licen")
	d.wantScreen("Released under a FLOSS license", "License is OSI-approved")
	if strings.Contains(d.screen(), "Says what the software does") {
		t.Error("text filter kept a non-matching row")
	}
	d.keys("enter", "esc")
	d.keys("f") // unanswered only
	d.wantScreen("unanswered only")
	if strings.Contains(d.screen(), "Released under a FLOSS license") {
		t.Error("answered criterion shown under 'unanswered only'")
	}
	d.keys("f") // not counting yet
	d.wantScreen("not counting yet")
	d.keys("f")
	d.keys("]")
	d.wantScreen("silver (55)", "›  silver")
	d.keys("]", "]")
	d.wantScreen("passing (67)")
	d.keys("b")
	d.wantScreen("baseline-1 (24)", "OSPS")
	d.keys("b")
	d.wantScreen("passing (67)")
}

func TestResizeNeverBreaks(t *testing.T) {
	d, _ := newDriver(t, startFile, 120, 40)
	sizes := [][2]int{{1, 1}, {2, 40}, {59, 15}, {60, 14}, {60, 15}, {80, 24}, {99, 30}, {100, 30}, {200, 60}, {61, 16}}
	for _, s := range sizes {
		d.send(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
		v := d.screen()
		lines := strings.Split(v, "\n")
		if len(lines) > s[1] {
			t.Errorf("%dx%d: %d lines", s[0], s[1], len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > s[0] {
				t.Errorf("%dx%d: line of width %d: %q", s[0], s[1], w, l)
				break
			}
		}
		small := s[0] < minWidth || s[1] < minHeight
		if small != strings.Contains(v, "Terminal too small") && s[0] > 20 {
			t.Errorf("%dx%d: too-small message shown=%v", s[0], s[1], !small)
		}
		d.keys("down", "m", "esc", "x")
	}
	// The narrow layout shows the detail on request.
	d.send(tea.WindowSizeMsg{Width: 70, Height: 20})
	d.keys("v")
	d.wantScreen("Guidance")
	d.keys("esc")
	d.wantScreen("passing (67)")
}

func TestWideCharactersStayAligned(t *testing.T) {
	loc, err := i18n.New("ja")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := newDriver(t, startFile, 120, 40)
	d.m.c.loc = loc
	d.m.rebuild()
	for _, w := range []int{60, 61, 77, 100, 101, 133} {
		d.send(tea.WindowSizeMsg{Width: w, Height: 24})
		for _, l := range strings.Split(d.screen(), "\n") {
			if sw := ansi.StringWidth(l); sw != w {
				t.Fatalf("width %d: line of width %d: %q", w, sw, l)
			}
		}
	}
}

func TestSaveErrorKeepsAnswersAndAsksOnQuit(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "missing-dir", model.DefaultName)
	f := model.New(p, criteria.Default(), model.Project{Name: "x"})
	m := New(Options{File: f, Catalog: criteria.Default(), Locale: i18n.English(), GlamourStyle: "notty"})
	d := &driver{t: t, m: m}
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.keys("m")
	d.wantScreen("Not saved:", "1/67")
	if !d.m.c.file.Dirty() {
		t.Fatal("the unsaved answer was dropped")
	}
	d.keys("q")
	if d.quit {
		t.Fatal("quit without asking")
	}
	d.wantScreen("not saved yet", "y/s save and quit", "n quit without saving")
	// The directory appears; y retries the save and quits.
	os.MkdirAll(filepath.Dir(p), 0o755)
	d.keys("y")
	if !d.quit {
		t.Fatalf("did not quit after a good save:\n%s", d.screen())
	}
	if b, _ := os.ReadFile(p); !strings.Contains(string(b), "description_good") {
		t.Errorf("retried save missing:\n%s", b)
	}
}

func TestExternalChangeIsNotOverwritten(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	theirs := strings.Replace(startFile, "MIT, see LICENSE.", "Edited in another window.", 1)
	os.WriteFile(p, []byte(theirs), 0o644)
	d.keys("m")
	d.wantScreen("changed on disk", "r reload it (drops unsaved answers here)", "k keep mine (overwrite it)", "esc decide later")
	if b, _ := os.ReadFile(p); string(b) != theirs {
		t.Fatal("the other edit was overwritten")
	}
	d.keys("r")
	d.wantScreen("Reloaded")
	if d.m.c.file.Answers["floss_license"].Justification != "Edited in another window." {
		t.Errorf("reload did not take the file's answers")
	}
	// Again, keeping our version this time.
	os.WriteFile(p, []byte(startFile), 0o644)
	d.send(fileCheckDueMsg{})
	d.wantScreen("changed on disk")
	d.keys("k")
	if b, _ := os.ReadFile(p); !strings.Contains(string(b), "Edited in another window.") {
		t.Errorf("keep mine did not write our version:\n%s", b)
	}
	d.wantScreen("Kept your answers: the file on disk was replaced with them.")
}

func TestReadOnly(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	d.m.c.opts.ReadOnly = "the answers file is not writable"
	d.keys("m", "enter")
	d.wantScreen("Read-only")
	if d.m.form.isOpen() || d.m.c.file.Answers["description_good"].Status != model.Unknown {
		t.Error("read-only file was edited")
	}
	if b, _ := os.ReadFile(p); string(b) != startFile {
		t.Error("file changed")
	}
}

func TestNewFileCreatedOnFirstAnswer(t *testing.T) {
	d, p := newDriver(t, "", 120, 40)
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Fatal("file exists before any answer")
	}
	d.wantScreen("created with your first answer")
	d.keys("q")
	if !d.quit {
		t.Fatal("q did not quit")
	}
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Fatal("quitting created the file")
	}
	d, p = newDriver(t, "", 120, 40)
	d.keys("m")
	b, err := os.ReadFile(p)
	if err != nil || !strings.Contains(string(b), "version: 1") || !strings.Contains(string(b), "name: fresh") {
		t.Fatalf("new file: %v\n%s", err, b)
	}
}

func TestLanguageSwitchKeepsCursorAndAnswers(t *testing.T) {
	d, _ := newDriver(t, startFile, 120, 40)
	d.keys("down", "m")
	before, _ := d.m.list.current()
	for i := 0; i < len(i18n.Available()); i++ {
		d.keys("L")
		es, _ := d.m.list.current()
		if es.Entry.ID != before.Entry.ID || d.m.c.file.Answers["interact"].Status != model.Met {
			t.Fatalf("switching language moved the cursor to %s or lost the answer", es.Entry.ID)
		}
	}
	if d.m.c.loc.File().Tag != "en" {
		t.Errorf("cycled back to %s", d.m.c.loc.File().Tag)
	}
}

func TestHelpScreen(t *testing.T) {
	d, _ := newDriver(t, startFile, 120, 40)
	d.keys("?")
	d.wantScreen("accept all proposals", "previous level", "language", "suspend")
	// A narrow terminal stacks the columns rather than cutting them off.
	d.send(tea.WindowSizeMsg{Width: 62, Height: 40})
	d.wantScreen("accept all proposals", "previous level", "language", "suspend", "↑/k")
	d.keys("x")
	if strings.Contains(d.screen(), "suspend") {
		t.Error("help did not close")
	}
	if d.m.c.file.Answers["description_good"].Status != model.Unknown {
		t.Error("the key that closed the help also acted")
	}
	// At the smallest size the help scrolls, and says when there is more.
	d.send(tea.WindowSizeMsg{Width: 60, Height: 15})
	d.keys("?")
	d.wantScreen("more lines", "↑/↓ scroll")
	seen := map[string]bool{}
	for i := 0; i < 60; i++ {
		for _, w := range []string{"accept all proposals", "previous level", "language", "suspend", "undo", "official page"} {
			if strings.Contains(d.screen(), w) {
				seen[w] = true
			}
		}
		d.keys("down")
	}
	if len(seen) != 6 {
		t.Errorf("scrolling the help at 60x15 showed only %v", seen)
	}
}

// Japanese has no spaces to wrap at: the detail must still show every
// character of the requirement, over as many lines as it takes.
func TestJapaneseDetailIsWrappedNotCut(t *testing.T) {
	loc, _ := i18n.New("ja")
	d, _ := newDriver(t, startFile, 100, 40)
	d.m.c.loc = loc
	d.m.rebuild()
	want := loc.Criterion("passing", "description_good").Requirement
	var got strings.Builder
	for _, l := range d.m.detail.lines {
		if ansi.StringWidth(l) > d.m.c.detailWidth() && !urlLine(l) {
			t.Fatalf("detail line wider than the pane: %q", l)
		}
		got.WriteString(strings.TrimSpace(ansi.Strip(l)))
	}
	if !strings.Contains(got.String(), strings.ReplaceAll(want, " ", "")) && !strings.Contains(strings.ReplaceAll(got.String(), " ", ""), strings.ReplaceAll(want, " ", "")) {
		t.Errorf("requirement not shown whole:\nwant %s\ngot  %s", want, got.String())
	}
}

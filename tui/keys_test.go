package tui

import (
	"os"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// runes is keys typed faster than the terminal is read: one message.
func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func TestKeysArrivingTogetherEachAct(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	d.send(runes("jj"))
	if es, _ := d.m.list.current(); es.Entry.ID != "contribution" {
		t.Fatalf(`"jj" in one message moved to %s`, es.Entry.ID)
	}
	d.send(runes("km"))
	if a := d.m.c.file.Answers["interact"]; a.Status != model.Met {
		t.Fatalf(`"km" did not answer interact: %+v`, a)
	}
	if b, _ := os.ReadFile(p); !strings.Contains(string(b), "interact:\n    status: Met") {
		t.Errorf("not saved:\n%s", b)
	}
	// Keys that open a text field: the rest of the message is its text.
	d.send(runes("/licen"))
	if !d.m.list.searching || d.m.list.search.Value() != "licen" {
		t.Fatalf("search holds %q", d.m.list.search.Value())
	}
	d.keys("esc")
	// A paste outside a text field is refused whole: its letters would
	// answer criteria.
	before := len(d.m.c.file.Answers)
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Passes: yes, mxun"), Paste: true})
	d.wantScreen("Pasted text ignored")
	if len(d.m.c.file.Answers) != before || d.m.prompt.active() {
		t.Error("a pasted text acted as keys")
	}
}

func TestTooSmallScreenTakesOnlyQuit(t *testing.T) {
	d, p := newDriver(t, startFile, 40, 10)
	d.keys("m", "x", "j", "enter")
	if b, _ := os.ReadFile(p); string(b) != startFile {
		t.Fatalf("keys acted on a screen too small to see:\n%s", b)
	}
	if d.m.form.isOpen() {
		t.Fatal("the form opened, hidden")
	}
	d.wantScreen("Terminal too small", "q")
	// A form open before the screen shrank gets no letters either; q asks
	// before dropping what was typed.
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.keys("down", "down", "enter", "enter", "typed words")
	d.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	d.keys("q")
	if got := d.m.form.draft.justification; got != "typed words" {
		t.Fatalf("q typed into the hidden form: %q", got)
	}
	d.wantScreen("drop the answer being edited", "y quit")
	if d.quit {
		t.Fatal("quit without asking")
	}
	d.keys("n")
	if !d.m.form.isOpen() || d.m.form.draft.justification != "typed words" {
		t.Fatal("n did not go back to the form as it was")
	}
	d.keys("q", "y")
	if !d.quit {
		t.Error("y did not quit")
	}
}

func TestCtrlCInFormAsksFirst(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	d.keys("down", "down", "enter", "enter", "Half a justification")
	d.keys("ctrl+c")
	if d.quit {
		t.Fatal("ctrl+c threw away the typed justification")
	}
	d.wantScreen("Quit and drop the answer being edited?", "y quit", "n/esc back to the form")
	d.keys("esc")
	if !d.m.form.isOpen() || d.m.form.draft.justification != "Half a justification" {
		t.Fatalf("esc did not return to the form: %q", d.m.form.draft.justification)
	}
	d.keys("ctrl+c", "ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c twice did not quit")
	}
	if b, _ := os.ReadFile(p); string(b) != startFile {
		t.Error("the dropped answer was saved")
	}
	// An untouched form is no reason to ask.
	d, _ = newDriver(t, startFile, 120, 40)
	d.keys("enter", "ctrl+c")
	if !d.quit {
		t.Error("ctrl+c on an untouched form asked")
	}
}

// The file changed on disk: the question names its keys in the help line,
// fits at 120 columns, never swallows other keys, does not come back by
// itself after esc, and says what k did.
func TestConflictPrompt(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	theirs := strings.Replace(startFile, "MIT, see LICENSE.", "Edited in another window.", 1)
	os.WriteFile(p, []byte(theirs), 0o644)
	d.send(readFile(t, d, p))
	d.wantScreen("The answers file changed on disk", "r reload it", "k keep mine (overwrite it)", "esc decide later")
	for _, l := range strings.Split(d.screen(), "\n") {
		if strings.Contains(l, "…") && (strings.Contains(l, "reload") || strings.Contains(l, "changed on disk")) {
			t.Errorf("the prompt is cut at 120 columns: %q", l)
		}
		if strings.Contains(l, "↑/k") {
			t.Errorf("the help line still says k moves up: %q", l)
		}
	}
	// A key meant for the walk does its work; the answer is kept, not
	// written over their file.
	d.keys("down", "m")
	if d.m.c.file.Answers["interact"].Status != model.Met {
		t.Fatal("the answer typed during the prompt was dropped")
	}
	if b, _ := os.ReadFile(p); string(b) != theirs {
		t.Fatal("their file was overwritten")
	}
	d.wantScreen("changed on disk", "drops unsaved answers here")
	// esc: decide later. The watch finds the same file: no question.
	d.keys("esc")
	d.send(readFile(t, d, p))
	if d.m.prompt.active() {
		t.Fatal("the question came back by itself")
	}
	d.wantScreen("your version is kept here")
	// The file changes again: ask again.
	os.WriteFile(p, []byte(theirs+"# and again\n"), 0o644)
	d.send(readFile(t, d, p))
	if !d.m.prompt.is(promptConflict) {
		t.Fatal("a new change on disk was not asked about")
	}
	d.keys("k")
	b, _ := os.ReadFile(p)
	if strings.Contains(string(b), "Edited in another window.") || !strings.Contains(string(b), "interact:\n    status: Met") {
		t.Errorf("keep mine did not write our answers:\n%s", b)
	}
	d.wantScreen("Kept your answers")
	if strings.Contains(d.screen(), "Reloaded") {
		t.Error("keep mine says it reloaded")
	}
	d.send(readFile(t, d, p))
	if d.m.prompt.active() || d.m.save.conflict {
		t.Error("our own write was taken for someone else's")
	}
}

// readFile is the watch's look at the file, as its tea.Cmd returns it.
func readFile(t *testing.T, d *driver, p string) tea.Msg {
	t.Helper()
	return d.m.save.look()()
}

// Every mode's help line names that mode's keys, and fits.
func TestHelpLineFitsTheMode(t *testing.T) {
	for _, w := range []int{60, 80, 120} {
		d, _ := newDriver(t, startFile, w, 24)
		last := func() string {
			lines := strings.Split(d.screen(), "\n")
			l := lines[len(lines)-1]
			if sw := ansi.StringWidth(l); sw > w {
				t.Errorf("%d columns: help line of width %d", w, sw)
			}
			return l
		}
		l := last()
		for _, k := range []string{"?", "q/ctrl+c"} {
			if !strings.Contains(l, k) {
				t.Errorf("%d columns: help line lacks %q: %q", w, k, l)
			}
		}
		if w < 100 && !strings.HasPrefix(strings.TrimSpace(l), "v/→") {
			t.Errorf("%d columns: the detail key is not first: %q", w, l)
		}
		d.keys("/")
		if l := last(); !strings.Contains(l, "keep the search") {
			t.Errorf("%d columns, search: %q", w, l)
		}
		d.keys("esc", "enter")
		if l := last(); !strings.Contains(l, "esc cancel") && !strings.Contains(l, "enter next") {
			t.Errorf("%d columns, form: %q", w, l)
		}
		d.keys("esc", "P")
		d.keys("q")
		_ = last()
	}
}

// A change on disk found while the user types a justification waits: a k
// typed into the text must not overwrite the file.
func TestConflictWaitsForTheForm(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	d.keys("down", "down", "enter", "enter", "I ")
	theirs := startFile + "# theirs\n"
	os.WriteFile(p, []byte(theirs), 0o644)
	d.send(readFile(t, d, p))
	d.keys("keep a URL: https://example.org/c")
	if d.m.asking() || !strings.Contains(d.screen(), "once you leave this field") {
		t.Fatalf("the question came up while typing:\n%s", d.screen())
	}
	if got := d.m.form.draft.justification; got != "I keep a URL: https://example.org/c" {
		t.Fatalf("letters went elsewhere: %q", got)
	}
	d.keys("enter")
	d.wantScreen("The answers file changed on disk", "k keep mine")
	if b, _ := os.ReadFile(p); string(b) != theirs {
		t.Error("their file was overwritten")
	}
	if d.m.c.file.Answers["contribution"].Justification != "I keep a URL: https://example.org/c" {
		t.Error("the answer was not kept")
	}
}

// A file caught half-written by another program: once whole, it does not
// bring back a question put off with esc.
func TestConflictPutOffWhileTheFileIsWritten(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	os.WriteFile(p, []byte("version: 1\n"), 0o644) // the first half
	d.send(readFile(t, d, p))
	d.wantScreen("The answers file changed on disk")
	os.WriteFile(p, []byte(startFile+"# the whole of it\n"), 0o644)
	d.keys("esc")
	d.send(readFile(t, d, p))
	d.send(readFile(t, d, p))
	if d.m.prompt.active() {
		t.Fatal("the question came back by itself")
	}
}

// The help names the keys as the user's keyboard does: « Entrée » and
// « Échap » in French, Enter and Esc in Japanese; the keys themselves are
// the same.
func TestKeyNamesInTheUsersLanguage(t *testing.T) {
	for _, c := range []struct {
		lang       string
		want, lose []string
	}{
		{"fr", []string{"Entrée/e", "Échap", "Ctrl+d"}, []string{"enter/e", "esc ", "ctrl+d"}},
		{"ja", []string{"Enter/e", "Esc", "Ctrl+d"}, []string{"enter/e", "esc ", "ctrl+d"}},
		{"en", []string{"enter/e", "esc", "ctrl+d"}, nil},
	} {
		loc, _ := i18n.New(c.lang)
		d, _ := newDriverIn(t, loc, startFile, 120, 40)
		d.keys("?")
		help := ansi.Strip(d.screen())
		d.keys("esc")
		for _, w := range c.want {
			if !strings.Contains(help, w) {
				t.Errorf("%s: the help lacks %q:\n%s", c.lang, w, help)
			}
		}
		for _, w := range c.lose {
			if strings.Contains(help, w) {
				t.Errorf("%s: the help still says %q:\n%s", c.lang, w, help)
			}
		}
		if d.m.help.open {
			t.Errorf("%s: esc did not close the help", c.lang)
		}
		d.keys("enter")
		if !d.m.form.isOpen() {
			t.Errorf("%s: enter no longer opens the form", c.lang)
		}
		if f := ansi.Strip(d.screen()); c.lang == "fr" && !strings.Contains(f, "Échap") {
			t.Errorf("fr: the form's help lacks Échap:\n%s", f)
		}
	}
}

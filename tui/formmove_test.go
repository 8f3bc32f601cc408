package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// Keys typed right after a key that moves the form's focus arrive before
// huh's message that moves it. These tests deliver them in that order:
// the key, what is typed next, and only then the key's command.

// textFieldKeys is the help line's mark that the text field has the keys.
const textFieldKeys = "alt+enter / ctrl+j new line"

// press sends k and returns its command without running it.
func (d *driver) press(k tea.KeyMsg) tea.Cmd {
	d.t.Helper()
	_, cmd := d.m.Update(k)
	return cmd
}

// helpLine is the screen's last line: the keys of what has them.
func (d *driver) helpLine() string {
	lines := strings.Split(strings.TrimRight(d.screen(), "\n"), "\n")
	return lines[len(lines)-1]
}

// settled fails the test when keys are still held with nothing in flight
// to let them go.
func (d *driver) settled() {
	d.t.Helper()
	if f := d.m.form; f.moving() || len(f.held) > 0 || len(f.released) > 0 {
		d.t.Fatalf("keys left waiting: moves %d, held %d, released %d", f.moves, len(f.held), len(f.released))
	}
}

func editForm(t *testing.T) (*driver, string) {
	t.Helper()
	d, p := newDriver(t, startFile, 120, 40)
	d.goTo("description_good")
	d.keys("enter")
	d.wantScreen("> Met")
	return d, p
}

// "We are here" typed right after tab is all in the text field (the
// first word went to the status choice, which dropped it); the help line
// names the text field's keys only once it has them.
func TestFormKeysTypedRightAfterTabReachTheText(t *testing.T) {
	d, _ := editForm(t)
	tab := d.press(keyMsg("tab"))
	d.send(keyMsg("We"))
	d.send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
	d.send(keyMsg("are here"))
	if h := d.helpLine(); strings.Contains(h, textFieldKeys) {
		t.Errorf("the help line names the text field's keys before it has them: %q", h)
	}
	d.run(tab)
	if h := d.helpLine(); !strings.Contains(h, textFieldKeys) {
		t.Errorf("the text field has the keys, the help line says otherwise: %q", h)
	}
	d.wantScreen("We are here")
	d.settled()
	d.keys("enter")
	if got := d.m.c.file.Answers["description_good"].Justification; got != "We are here" {
		t.Errorf("saved %q, want %q", got, "We are here")
	}
}

// A paste right after tab goes into the text field (it was refused as a
// paste outside a text field).
func TestFormPasteRightAfterTabReachesTheText(t *testing.T) {
	d, _ := editForm(t)
	tab := d.press(keyMsg("tab"))
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune("Pasted words\tand a tab")})
	d.run(tab)
	d.settled()
	if strings.Contains(d.screen(), "Pasted text ignored") {
		t.Error("the paste was refused")
	}
	d.keys("enter")
	if got := d.m.c.file.Answers["description_good"].Justification; got != "Pasted words\tand a tab" {
		t.Errorf("saved %q", got)
	}
}

// shift+tab back to the status, then ↓ at once: the choice moves to Unmet
// (↓ went to the text field being left).
func TestFormKeysRightAfterShiftTabReachTheStatus(t *testing.T) {
	d, _ := editForm(t)
	d.keys("tab", "words")
	back := d.press(keyMsg("shift+tab"))
	d.send(keyMsg("down"))
	d.run(back)
	d.settled()
	d.wantScreen("> Unmet")
	if h := d.helpLine(); strings.Contains(h, textFieldKeys) {
		t.Errorf("back on the status, the help line names the text field's keys: %q", h)
	}
	d.keys("enter", "enter")
	got := d.m.c.file.Answers["description_good"]
	if got.Status.String() != "Unmet" || got.Justification != "words" {
		t.Errorf("saved %s %q", got.Status, got.Justification)
	}
}

// Keys typed right after enter saves the answer act on the list, as typed
// after it (they went to the text field being closed, which dropped them).
func TestFormKeysRightAfterSaveReachTheList(t *testing.T) {
	// Where the list is after saving, then one down.
	d, _ := editForm(t)
	d.keys("tab", "Done", "enter")
	want := d.m.list.cursor + 1

	d, _ = editForm(t)
	d.keys("tab", "Done")
	save := d.press(keyMsg("enter"))
	d.send(keyMsg("j"))
	d.run(save)
	d.settled()
	if d.m.form.isOpen() {
		t.Fatal("the form is still open")
	}
	if got := d.m.c.file.Answers["description_good"].Justification; got != "Done" {
		t.Errorf("saved %q", got)
	}
	if d.m.list.cursor != want {
		t.Errorf("j after enter: cursor at %d, want %d", d.m.list.cursor, want)
	}
}

// esc during a move cancels the form at once; what was typed before it
// is not kept, and nothing waits for the move's message, which changes
// nothing when it comes late.
func TestFormEscDuringAMoveCancels(t *testing.T) {
	d, _ := editForm(t)
	tab := d.press(keyMsg("tab"))
	d.send(keyMsg("abc"))
	d.keys("esc")
	if d.m.form.isOpen() {
		t.Fatal("esc did not close the form")
	}
	d.settled()
	d.run(tab)
	d.settled()
	if _, ok := d.m.c.file.Answers["description_good"]; ok {
		t.Error("a cancelled form wrote an answer")
	}
	at := d.m.list.cursor
	d.keys("j")
	if d.m.list.cursor != at+1 {
		t.Error("the list does not take keys after the late message")
	}
}

// A key that moves nothing (enter on a justification the criterion
// refuses) leaves no key waiting; ctrl+c during a move asks at once.
func TestFormNothingWaitsForEver(t *testing.T) {
	d, _ := newDriver(t, startFile, 120, 40)
	d.goTo("contribution_requirements")
	d.keys("enter", "tab")
	d.keys("enter") // Met needs a URL here: refused, no move
	d.settled()
	if !d.m.form.typing() {
		t.Fatal("a refused enter left the text field")
	}
	d.keys("x")
	tab := d.press(keyMsg("shift+tab"))
	d.send(keyMsg("y"))
	d.keys("ctrl+c")
	d.wantScreen("Quit and drop the answer being edited?")
	d.settled()
	d.run(tab)
	d.settled()
}

// Words typed faster than the terminal is read arrive as one message of
// several runes, whose name may be a key's: "right" moved the cursor,
// "end" went to the end, "esc" closed the form, and the word was lost.
// In a text field they are text, in the form and in the search.
func TestWordsNamedLikeKeysAreTextInFields(t *testing.T) {
	d, _ := editForm(t)
	d.keys("tab")
	for _, w := range []string{"turn", " ", "right", " ", "at", " ", "the", " ", "end", " ", "esc", " ", "up", " ", "home", " ", "tab"} {
		if w == " " {
			d.send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
			continue
		}
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(w)})
	}
	d.settled()
	d.wantScreen("turn right at the end esc up home tab")
	d.keys("enter")
	if got := d.m.c.file.Answers["description_good"].Justification; got != "turn right at the end esc up home tab" {
		t.Errorf("saved %q", got)
	}
	d.keys("/")
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("end")})
	if !d.m.list.searching || !strings.Contains(d.screen(), "end") {
		t.Errorf("the search lost \"end\":\n%s", d.screen())
	}
}

package tui

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// driver feeds messages to the model and runs the commands they return,
// the way the bubbletea runtime would, but synchronously: every command is
// run to its end and its message handled before the next key, however
// slow the machine. Only commands that wait on a clock (cursor blinks,
// ticks) are not run: no time passes in these tests; a test that needs a
// tick sends its message itself. Nothing here depends on how long a
// command takes, so a loaded machine cannot drop a save or a form's step.
type driver struct {
	t    *testing.T
	m    *Model
	quit bool
}

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	_, cmd := d.m.Update(msg)
	d.run(cmd)
}

// stuck is how long a command may run before the test fails naming it: a
// command that never returns waits on something these tests do not give.
const stuck = 2 * time.Minute

func (d *driver) run(cmd tea.Cmd) {
	d.t.Helper()
	if cmd == nil || waitsOnClock(cmd) {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(stuck):
		d.t.Fatalf("the command %s has not returned after %v: if it waits on a clock, list it in waitsOnClock", cmdName(cmd), stuck)
	}
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	case tea.QuitMsg:
		d.quit = true
	default:
		if seq, ok := sequence(msg); ok {
			for _, c := range seq {
				d.run(c)
			}
			return
		}
		d.send(msg)
	}
}

// sequence is the commands of tea.Sequence's message (its type is not
// exported), to be run in order as the runtime does.
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// waitsOnClock reports whether cmd is one of the libraries' commands that
// sleep before they answer: the cursor's blink and tea's ticks.
func waitsOnClock(cmd tea.Cmd) bool {
	name := cmdName(cmd)
	return strings.HasPrefix(name, "github.com/charmbracelet/bubbles/cursor.") && strings.Contains(name, "Blink") ||
		strings.HasPrefix(name, "github.com/charmbracelet/bubbletea.Tick.") ||
		strings.HasPrefix(name, "github.com/charmbracelet/bubbletea.Every.")
}

func cmdName(cmd tea.Cmd) string {
	if f := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()); f != nil {
		return f.Name()
	}
	return "?"
}

func (d *driver) keys(ks ...string) {
	d.t.Helper()
	for _, k := range ks {
		d.send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "ctrl+d":
		return tea.KeyMsg{Type: tea.KeyCtrlD}
	case "ctrl+u":
		return tea.KeyMsg{Type: tea.KeyCtrlU}
	case "alt+enter":
		return tea.KeyMsg{Type: tea.KeyEnter, Alt: true}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// goTo moves the cursor down to the entry id.
func (d *driver) goTo(id string) {
	d.t.Helper()
	d.keys("g")
	for i := 0; i < 200; i++ {
		if es, _ := d.m.list.current(); es.Entry.ID == id {
			return
		}
		d.keys("down")
	}
	d.t.Fatalf("%s not reached", id)
}

func (d *driver) screen() string { return d.m.View() }

func (d *driver) wantScreen(parts ...string) {
	d.t.Helper()
	s := d.screen()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			d.t.Fatalf("screen lacks %q:\n%s", p, s)
		}
	}
}

const startFile = `# Our answers; this comment must survive.
version: 1
project:
  name: demo
answers:
  floss_license:
    status: Met
    justification: MIT, see LICENSE.
`

func newDriver(t *testing.T, content string, w, h int) (*driver, string) {
	t.Helper()
	return newDriverIn(t, i18n.English(), content, w, h)
}

// newDriverIn is newDriver in loc's language.
func newDriverIn(t *testing.T, loc *i18n.Locale, content string, w, h int) (*driver, string) {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, model.DefaultName)
	var f *model.File
	if content == "" {
		f = model.New(p, criteria.Default(), model.Project{Name: "fresh"})
	} else {
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		var err error
		if f, err = model.Load(p, criteria.Default()); err != nil {
			t.Fatal(err)
		}
	}
	m := New(Options{File: f, Catalog: criteria.Default(), Locale: loc, GlamourStyle: "notty",
		Now: func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }})
	d := &driver{t: t, m: m}
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d, p
}

package tui

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/model"
	"github.com/charmbracelet/x/ansi"
)

// The question about the file changed on disk, up when the user opens the
// form or the search: what is typed there is text, r and k included (they
// reloaded the file, dropping the answer just given, and "We are" became
// "We ae"). The status line says the question waits; it comes back with
// its keys when the field closes.
func TestConflictQuestionWaitsWhileTyping(t *testing.T) {
	file := fileWith("description_good", "Met", "The README says what it does.")
	d, p := newDriver(t, file, 120, 40)
	theirs := file + "# x\n"
	os.WriteFile(p, []byte(theirs), 0o644)
	d.goTo("description_good")
	d.keys("x") // saving it needs the question answered: it is asked
	d.wantScreen("The answers file changed on disk", "r reload it")
	untouched := func(when string) {
		t.Helper()
		if b, _ := os.ReadFile(p); string(b) != theirs {
			t.Fatalf("%s: the file on disk was written:\n%s", when, b)
		}
		if a := d.m.c.file.Answers["description_good"]; a.Status != model.Unknown {
			t.Fatalf("%s: the answer just given is gone (reloaded?): %+v", when, a)
		}
		if strings.Contains(d.screen(), "Reloaded") {
			t.Fatalf("%s: reloaded", when)
		}
	}
	bottom := func() string {
		lines := strings.Split(d.screen(), "\n")
		return strings.Join(lines[len(lines)-2:], "\n")
	}

	d.keys("j", "e", "tab")
	d.keys("We are") // as tmux sends it: one message
	for _, k := range []string{" ", "r", "k", "!"} {
		d.keys(k) // and one key at a time
	}
	if got := d.m.form.draft.justification; got != "We are rk!" {
		t.Fatalf("the form holds %q", got)
	}
	untouched("typing in the form")
	if b := bottom(); !strings.Contains(b, "you will be asked what to do once you leave this field") || strings.Contains(b, "r reload") {
		t.Errorf("while the form is open the bottom lines are:\n%s", b)
	}
	d.keys("esc")
	d.wantScreen("The answers file changed on disk", "r reload it", "k keep mine", "esc decide later")

	// The search, likewise: "/crypto" searches, whatever the question.
	d.keys("/crypto")
	d.keys("r", "k")
	if got := d.m.list.search.Value(); got != "cryptork" {
		t.Fatalf("the search holds %q", got)
	}
	untouched("typing in the search")
	if b := bottom(); !strings.Contains(b, "once you leave this field") {
		t.Errorf("while searching the bottom lines are:\n%s", b)
	}
	d.keys("esc")
	d.wantScreen("The answers file changed on disk", "r reload it")
	// Outside a text field the question has its keys.
	d.keys("k")
	if b, _ := os.ReadFile(p); strings.Contains(string(b), "description_good") {
		t.Errorf("k did not keep mine:\n%s", b)
	}
}

// A question asked over the form (ctrl+c) and dismissed leaves the
// question about the file waiting, not forgotten.
func TestConflictQuestionOutlivesAnotherQuestion(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	os.WriteFile(p, []byte(startFile+"# theirs\n"), 0o644)
	d.send(readFile(t, d, p))
	d.keys("down", "down", "enter", "enter", "Half")
	d.keys("ctrl+c")
	d.wantScreen("Quit and drop the answer being edited?")
	d.keys("esc")
	if !d.m.form.isOpen() || d.m.form.draft.justification != "Half" {
		t.Fatal("esc did not go back to the form")
	}
	d.keys("esc")
	d.wantScreen("The answers file changed on disk", "r reload it")
}

// Every question shows whole, with every answer's key and words, at every
// size the walk draws and in every language: the keys go on two lines
// when one is not enough (in French at 80 columns only "r …" showed, and
// "esc decide later" was cut in English).
func TestQuestionsShowEveryAnswer(t *testing.T) {
	type ask func(d *driver, p string)
	conflict := func(d *driver, p string) {
		os.WriteFile(p, []byte(startFile+"# theirs\n"), 0o644)
		d.send(readFile(t, d, p))
		d.goTo("interact")
		d.keys("u") // an answer not saved yet: r would drop it
	}
	questions := map[string]ask{
		"changed on disk": conflict,
		"unsaved on quit": func(d *driver, p string) {
			conflict(d, p)
			d.keys("esc", "q")
		},
		"drop the form": func(d *driver, p string) { d.keys("down", "enter", "enter", "words", "ctrl+c") },
		"accept all": func(d *driver, p string) {
			d.m.c.opts.Carry = func(*i18n.Locale, model.Answers) model.Proposals { return someProposals() }
			d.send(carryReadyMsg{})
			d.keys("P")
		},
	}
	for _, lang := range []string{"en", "fr", "ja"} {
		loc, _ := i18n.New(lang)
		for _, size := range [][2]int{{60, 15}, {80, 24}, {120, 40}} {
			for name, ask := range questions {
				d, p := newDriverIn(t, loc, startFile, size[0], size[1])
				ask(d, p)
				if !d.m.asking() {
					t.Fatalf("%s %v %s: no question", lang, size, name)
				}
				screen := d.screen()
				lines := strings.Split(screen, "\n")
				if len(lines) != size[1] {
					t.Errorf("%s %v %s: %d lines", lang, size, name, len(lines))
				}
				for _, l := range lines {
					if w := ansi.StringWidth(l); w > size[0] {
						t.Errorf("%s %v %s: a line of %d cells: %q", lang, size, name, w, l)
					}
				}
				for _, k := range d.m.prompt.keys() {
					if item := k.Help().Key + " " + k.Help().Desc; !strings.Contains(screen, item) {
						t.Errorf("%s %v %s: %q is not shown whole:\n%s", lang, size, name, item, screen)
					}
				}
				if q := d.m.prompt.text(); !strings.Contains(noSpace(screen), noSpace(q)) {
					t.Errorf("%s %v %s: the question %q is not shown whole:\n%s", lang, size, name, q, screen)
				}
			}
		}
	}
}

// noSpace is s without spaces and line breaks: wrapped text compares with
// the text it came from.
func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// someProposals are open proposals for startFile: two Unmet, one weak.
func someProposals() model.Proposals {
	ps := model.Proposals{}
	for _, p := range []model.Proposal{{ID: "interact", Status: model.Met}, {ID: "contribution", Status: model.Unmet},
		{ID: "test", Status: model.Unmet}, {ID: "build", Status: model.NA},
		{ID: "floss_license_osi", Status: model.Met, Confidence: model.ConfidenceWeak}} {
		p.Source = "test"
		if p.Confidence == 0 {
			p.Confidence = model.ConfidenceFair
		}
		ps.Add(p)
	}
	return ps
}

// A save refused for taking the file past 1 MiB says so whole at 80
// columns (and at 60): the message wraps rather than being cut, and the
// layout still fills the screen exactly.
func TestSaveRefusalIsNotCut(t *testing.T) {
	pad := model.MaxFileSize - len(startFile) - 75
	big := fileWith("description_good", "Met", strings.Repeat("x", pad))
	for _, lang := range []string{"en", "fr", "ja"} {
		loc, _ := i18n.New(lang)
		for _, size := range [][2]int{{60, 15}, {80, 24}} {
			d, p := newDriverIn(t, loc, big, size[0], size[1])
			d.goTo("interact")
			d.keys("u")
			if b, _ := os.ReadFile(p); string(b) != big {
				t.Fatalf("%s %v: the file was written", lang, size)
			}
			if d.m.save.err == nil {
				t.Fatalf("%s %v: no save error:\n%s", lang, size, d.screen())
			}
			screen := d.screen()
			want, _, _ := d.m.status()
			if !strings.Contains(want, "104858") || !strings.Contains(noSpace(screen), noSpace(want)) {
				t.Errorf("%s %v: the message %q is not shown whole:\n%s", lang, size, want, screen)
			}
			if lines := strings.Split(screen, "\n"); len(lines) != size[1] {
				t.Errorf("%s %v: %d lines", lang, size, len(lines))
			}
		}
	}
	// An ordinary message takes one line: the list is as tall as before.
	d, _ := newDriver(t, startFile, 80, 24)
	before := d.m.c.bodyHeight()
	d.keys("z")
	if d.m.c.bodyHeight() != before || !strings.Contains(d.screen(), "Nothing to undo.") {
		t.Errorf("a short message moved the layout: %d lines, then %d", before, d.m.c.bodyHeight())
	}
}

// ? while the file question is up lists the question's keys first, and
// the walk's keys as they act meanwhile: k keeps mine, it does not move
// up.
func TestFullHelpShowsTheQuestionFirst(t *testing.T) {
	for _, size := range [][2]int{{60, 15}, {120, 40}} {
		d, p := newDriver(t, startFile, size[0], size[1])
		os.WriteFile(p, []byte(startFile+"# theirs\n"), 0o644)
		d.send(readFile(t, d, p))
		d.keys("?")
		if !d.m.help.open {
			t.Fatalf("%v: ? did not open the help", size)
		}
		body := strings.Join(d.m.help.view(size[0], d.m.c.bodyHeight()), "\n")
		for _, want := range []string{"reload it", "keep mine (overwrite it)", "decide later", "↑ "} {
			if !strings.Contains(body, want) {
				t.Errorf("%v: the help's first screen lacks %q:\n%s", size, want, body)
			}
		}
		if strings.Contains(body, "↑/k") {
			t.Errorf("%v: the help says k moves up:\n%s", size, body)
		}
		if strings.Index(body, "decide later") > strings.Index(body, "↑ ") {
			t.Errorf("%v: the question's keys do not come first:\n%s", size, body)
		}
		d.keys("k")
		if d.m.prompt.active() || !strings.Contains(d.screen(), "Kept your answers") {
			t.Errorf("%v: k in the help did not keep mine", size)
		}
	}
}

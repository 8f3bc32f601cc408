package tui

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/formtext"
	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// fileWith is startFile with one more answer, written as YAML would.
func fileWith(id, status, justification string) string {
	return startFile + "  " + id + ":\n    status: " + status + "\n    justification: " + yamlQuote(justification) + "\n"
}

func yamlQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\t", `\t`, "\n", `\n`, "\r", `\r`, "\u202e", `\u202E`, "\x1b", `\e`)
	return `"` + r.Replace(s) + `"`
}

// A no-op edit (enter, enter, enter) keeps a justification over the site's
// limit whole, tabs and all, and writes nothing.
func TestFormNeverCutsAJustification(t *testing.T) {
	long := strings.Repeat("word\tword ", 900) + "end" // 9,003 characters, with tabs
	d, p := newDriver(t, fileWith("description_good", "Met", long), 120, 40)
	before, _ := os.ReadFile(p)
	if d.m.c.file.Answers["description_good"].Problem == nil {
		t.Fatal("the loader did not warn")
	}
	d.wantScreen("1 answer in the file has a problem")
	d.keys("enter")
	d.wantScreen("kept whole, but does not count until shortened")
	d.keys("enter", "enter")
	if d.m.form.isOpen() {
		t.Fatalf("a long justification was refused:\n%s", d.screen())
	}
	if got := d.m.c.file.Answers["description_good"].Justification; got != long {
		t.Fatalf("justification changed: %d characters, tabs %d (want %d, %d)", utf8.RuneCountInString(got), strings.Count(got, "\t"), utf8.RuneCountInString(long), strings.Count(long, "\t"))
	}
	if after, _ := os.ReadFile(p); string(after) != string(before) {
		t.Error("a no-op edit rewrote the file")
	}
	d.wantScreen("Nothing changed.")
	// Edited, the text keeps its tabs and the rest of its length: a
	// warning, not a cut.
	d.goTo("description_good")
	d.keys("enter", "enter", "backspace", "enter")
	got := d.m.c.file.Answers["description_good"]
	if got.Justification != strings.TrimSuffix(long, "d") || got.Problem == nil {
		t.Fatalf("edited long justification: %d characters, problem %v", utf8.RuneCountInString(got.Justification), got.Problem)
	}
}

// What the file holds is shown in the form without acting on the terminal
// (escapes, bidi controls, line separators), and comes back byte for byte.
func TestFormNeutralisesAndKeepsHostileText(t *testing.T) {
	hostile := "Fine \u202eevil\u202c text\x1b[31m red\ttab\u2028line"
	d, _ := newDriver(t, fileWith("description_good", "Met", hostile), 120, 40)
	d.keys("enter")
	s := d.screen()
	for _, bad := range []string{"\u202e", "\x1b", "\u2028", "\t"} {
		if strings.Contains(s, bad) {
			t.Errorf("the form shows %q raw", bad)
		}
	}
	if !strings.Contains(s, "⟪U+202E⟫evil") || !strings.Contains(s, "red␉tab") {
		t.Errorf("the form hides what the text holds:\n%s", s)
	}
	d.keys("enter", "enter")
	if got := d.m.c.file.Answers["description_good"].Justification; got != hostile {
		t.Errorf("untouched: %q", got)
	}
	// Edited elsewhere in the text, the marks are spelled back.
	d.goTo("description_good")
	d.keys("enter", "enter", "!", "enter")
	if got := d.m.c.file.Answers["description_good"].Justification; got != hostile+"!" {
		t.Errorf("edited: %q", got)
	}
}

// Text pasted into the form (a bracketed paste, as bubbletea delivers it)
// is shown as the form shows the file's text: a bidi control or a line
// separator spelled out, never raw on the terminal; a tab stays a tab
// (the text field alone would make it four spaces); CR LF from a Windows
// clipboard is one line break; what is left of an escape sequence the
// terminal did not take is dropped.
func TestFormPasteIsNeutralisedAndKept(t *testing.T) {
	d, _ := newDriver(t, startFile, 120, 40)
	d.goTo("description_good")
	d.keys("enter", "enter")
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune("Pasted\tcell \u202eevil\u202c\r\nline\u2028two \u200fmark\x1b\x07 end")})
	s := d.screen()
	for _, bad := range []string{"\u202e", "\u202c", "\u2028", "\u200f", "\x1b", "\x07", "\t", "\r"} {
		if strings.Contains(s, bad) {
			t.Errorf("the form shows %q raw:\n%s", bad, s)
		}
	}
	if !strings.Contains(s, "Pasted␉cell ⟪U+202E⟫evil") {
		t.Errorf("the form hides what was pasted:\n%s", s)
	}
	d.keys("enter")
	want := "Pasted\tcell \u202eevil\u202c\nline\u2028two \u200fmark end"
	if got := d.m.c.file.Answers["description_good"].Justification; got != want {
		t.Errorf("saved %q, want %q", got, want)
	}
}

// A justification's tabs are shown as spaces in the detail: written raw,
// a tab moves the terminal's cursor by cells no layout counted, and the
// rest of the screen is drawn over (seen at 80x24: "tab\there" shown as
// "tabehere" and the status line's first word lost).
func TestDetailShowsTabsAsSpaces(t *testing.T) {
	d, _ := newDriver(t, fileWith("description_good", "Met", "tab\there \u200frlm\u2028ls"), 80, 24)
	d.goTo("description_good")
	d.keys("v")
	for _, l := range d.m.detail.lines {
		if strings.ContainsAny(l, "\t\u200f\u2028") {
			t.Errorf("detail line holds a tab, a bidi mark or a line separator: %q", l)
		}
		if ansi.StringWidth(l) > d.m.c.detailWidth() {
			t.Errorf("detail line wider than the pane: %q", l)
		}
	}
	if all := strings.Join(d.m.detail.lines, "\n"); !strings.Contains(all, "tab    here rlm") || !strings.Contains(all, "\n") {
		t.Errorf("the justification is not shown as it reads:\n%s", all)
	}
}

// The form on a criterion with a proposal starts from the proposal.
func TestFormStartsFromProposal(t *testing.T) {
	d, _ := newDriver(t, startFile, 120, 40)
	d.m.c.opts.Carry = func(*i18n.Locale, model.Answers) model.Proposals {
		return model.Proposals{"description_good": {ID: "description_good", Status: model.Unmet, Justification: "Proposed words.", Source: "test", Confidence: 2}}
	}
	d.send(carryReadyMsg{})
	d.keys("enter")
	if d.m.form.draft.status != "Unmet" || d.m.form.draft.justification != "Proposed words." {
		t.Fatalf("form starts from %+v", *d.m.form.draft)
	}
	d.keys("enter", " More.", "enter")
	if a := d.m.c.file.Answers["description_good"]; a.Status != model.Unmet || a.Justification != "Proposed words. More." {
		t.Errorf("saved %+v", a)
	}
}

// m on a criterion that needs a URL opens the form on the justification,
// Met chosen, saying what is missing; an answer that does not count is not
// written by a key.
func TestMetKeyNeedingURLOpensTheForm(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	d.goTo("contribution")
	d.keys("m")
	if !d.m.form.isOpen() || !d.m.form.typing() || d.m.form.draft.status != "Met" {
		t.Fatalf("m did not open the form on the justification:\n%s", d.screen())
	}
	d.wantScreen("Met needs a URL")
	if b, _ := os.ReadFile(p); string(b) != startFile {
		t.Fatal("an answer that does not count was written")
	}
	d.keys("See https://example.org/CONTRIBUTING.md", "enter")
	if a := d.m.c.file.Answers["contribution"]; a.Status != model.Met || !strings.Contains(a.Justification, "https://example.org") {
		t.Fatalf("saved %+v", a)
	}
	// Keys and form move the cursor alike: on to the next one to answer.
	if es, _ := d.m.list.current(); es.Entry.ID != "contribution_requirements" {
		t.Errorf("after the form the cursor is on %s", es.Entry.ID)
	}
	// The status line no longer says what the answer lacked: it has it.
	if status := statusLine(d); strings.Contains(status, "URL") {
		t.Errorf("after the answer landed the status line says %q", status)
	}
	// Given up with esc, the form leaves no word about what it wanted.
	d.goTo("contribution_requirements")
	d.keys("m")
	if !d.m.form.isOpen() {
		t.Skip("contribution_requirements takes Met without a justification")
	}
	d.keys("esc")
	if status := statusLine(d); strings.Contains(status, "needs") {
		t.Errorf("after esc the status line says %q", status)
	}
}

// statusLine is the line above the help line.
func statusLine(d *driver) string {
	lines := strings.Split(d.screen(), "\n")
	return lines[len(lines)-2]
}

// At silver and gold, N/A is refused for the ids whose passing entry
// refuses it: by the form, by the n key and by the loader, alike.
func TestNAOneRuleAboveThePassingLevel(t *testing.T) {
	for _, id := range []string{"report_tracker", "tests_documented_added", "dynamic_analysis", "dynamic_analysis_enable_assertions"} {
		d, p := newDriver(t, startFile, 120, 40)
		es := criteria.Default().EntriesFor(id)
		for d.m.c.level != es[len(es)-1].Level {
			d.keys("]")
		}
		if !es[len(es)-1].NAAllowed {
			t.Fatalf("%s: its %s entry does not allow N/A", id, d.m.c.level)
		}
		d.goTo(id)
		d.keys("n")
		if d.m.c.file.Answers[id].Status == model.NA || d.m.form.isOpen() {
			t.Errorf("%s: the n key took N/A", id)
		}
		d.wantScreen("does not allow N/A at passing")
		d.keys("enter")
		if strings.Contains(strings.Join(d.m.form.view(80, 30), "\n"), "N/A") {
			t.Errorf("%s: the form offers N/A", id)
		}
		d.keys("esc")
		if strings.Contains(d.screen(), "N/A is allowed") {
			t.Errorf("%s: the detail says N/A is allowed", id)
		}
		if b, _ := os.ReadFile(p); string(b) != startFile {
			t.Errorf("%s: file written", id)
		}
	}
}

// The form never cuts what the user types or pastes: a paste past the
// site's 8,192 characters is kept whole (the URL at its end was lost),
// with the form's warning; typing goes on past the limit on a text
// already over it; a pasted tab stays a tab; a new line goes on past
// the text field's 99 lines.
func TestFormTakesTextPastTheSiteLimit(t *testing.T) {
	d, p := newDriver(t, startFile, 120, 40)
	d.goTo("contribution")
	d.keys("e", "tab")
	long := strings.Repeat("P", 9000) + " https://e.org/p"
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune(long)})
	d.wantScreen("9016 characters, over the badge site's limit")
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune(" a\tb")})
	d.keys("!", "enter")
	want := long + " a\tb!"
	if got := d.m.c.file.Answers["contribution"].Justification; got != want {
		t.Fatalf("saved %d characters ending %q, want %d ending %q", utf8.RuneCountInString(got), got[max(0, len(got)-20):], utf8.RuneCountInString(want), want[len(want)-20:])
	}
	if b, _ := os.ReadFile(p); !strings.Contains(string(b), `https://e.org/p a\tb!`) {
		t.Error("the file does not hold the whole text")
	}
	// A text already over the limit takes more typing.
	d.goTo("contribution")
	d.keys("e", "tab", "?")
	if got := formtext.Answer(d.m.form.draft.justification); got != want+"?" {
		t.Fatalf("typing past the limit: %d characters, ending %q", utf8.RuneCountInString(got), got[len(got)-5:])
	}
	d.keys("esc")
	// Past the text field's 99 lines, a new line is still a new line.
	many := strings.TrimSuffix(strings.Repeat("line\n", 120), "\n")
	d.goTo("description_good")
	d.keys("e", "tab")
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune(many)})
	d.keys("alt+enter", "more", "enter")
	if got := d.m.c.file.Answers["description_good"].Justification; got != many+"\nmore" {
		t.Errorf("%d lines saved, ending %q", strings.Count(got, "\n")+1, got[max(0, len(got)-12):])
	}
	// Past what the field can hold at all (10,000 lines), what is left
	// out is said.
	d.goTo("description_good")
	d.keys("e", "tab")
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune(strings.Repeat("\nx", 10_000))})
	d.wantScreen("characters were left out: the form holds at most 10,000 lines")
}

// n on a criterion that takes no N/A says so, also when its justification
// is over the site's limit (it said "shorten it", as if that were why).
func TestNARefusedForItsOwnReason(t *testing.T) {
	d, _ := newDriver(t, fileWith("description_good", "Met", strings.Repeat("long ", 2000)), 120, 40)
	d.goTo("description_good")
	d.keys("n")
	if d.m.c.file.Answers["description_good"].Status != model.Met {
		t.Fatal("N/A taken")
	}
	if status := statusLine(d); !strings.Contains(status, "does not allow N/A") {
		t.Errorf("the status line says %q", status)
	}
}

// On a short screen the form shows the end of the text being typed (the
// status choice above it gives way): cut at the bottom, the line typed
// was hidden at 60x15.
func TestFormShowsTheLineBeingTypedOnAShortScreen(t *testing.T) {
	for _, lang := range []string{"en", "fr", "ja"} {
		loc, _ := i18n.New(lang)
		d, _ := newDriverIn(t, loc, startFile, 60, 15)
		d.goTo("interact")
		d.keys("e", "tab", "one", "alt+enter", "two", "alt+enter", "three", "alt+enter", "four", "alt+enter", "five")
		d.wantScreen("five")
		// The status line is one line, as ever: the body keeps its size.
		if got, want := d.m.c.bodyHeight(), 15-d.m.c.headerHeight()-2; got != want {
			t.Errorf("%s: body of %d lines, want %d:\n%s", lang, got, want, d.screen())
		}
	}
}

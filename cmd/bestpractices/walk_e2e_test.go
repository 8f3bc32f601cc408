package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The walk's keys in a real terminal: keys that arrive together, the
// question about a file changed elsewhere, a screen too small to use, and
// ctrl+c in the edit form.

const walkFile = "version: 1\nproject:\n  name: keys-demo\nanswers:\n  floss_license:\n    status: Met\n    justification: Apache-2.0.\n"

func startWalk(t *testing.T) (*tmux, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping the tmux test in -short mode")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	answers := filepath.Join(dir, ".bestpractices.yaml")
	os.WriteFile(answers, []byte(walkFile), 0o644)
	x := startTmux(t, dir, "sh -c '"+bin+"; echo EXIT=$?; sleep 30'")
	x.waitFor("keys-demo", "passing (67)", "› ? MUST      Says what the software does")
	return x, answers
}

func TestWalkKeysArrivingTogether(t *testing.T) {
	x, answers := startWalk(t)
	x.text("jjkm") // one write: down, down, up, Met
	x.waitFor("✓ MUST      Explains how to get, report and contrib", "Saved at")
	if b, _ := os.ReadFile(answers); !strings.Contains(string(b), "interact:\n    status: Met") {
		t.Errorf("the keys typed together did not answer interact:\n%s", b)
	}
}

func TestWalkFileChangedOnDisk(t *testing.T) {
	x, answers := startWalk(t)
	theirs := strings.Replace(walkFile, "Apache-2.0.", "Changed in another window.", 1)
	os.WriteFile(answers, []byte(theirs), 0o644)
	s := x.waitFor("The answers file changed on disk", "k keep mine (overwrite it)", "esc decide later")
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "…") && strings.Contains(l, "esc") || strings.Contains(l, "↑/k") {
			t.Errorf("the prompt's help is cut or still offers k as up: %q", l)
		}
	}
	// A key meant for the walk works while the question is up; nothing is
	// written over their file.
	x.keys("j")
	x.waitFor("› ? MUST      Explains how to get, report and contrib")
	x.keys("Escape")
	x.waitFor("your version is kept here")
	time.Sleep(5 * time.Second) // two looks of the watch
	if s := x.screen(); strings.Contains(s, "esc decide later") {
		t.Fatalf("the question came back by itself:\n%s", s)
	}
	x.keys("m") // an answer to save: now the question is needed
	x.waitFor("esc decide later", "drops unsaved answers here")
	if b, _ := os.ReadFile(answers); string(b) != theirs {
		t.Fatal("their file was overwritten before the choice")
	}
	x.keys("k")
	x.waitFor("Kept your answers: the file on disk was replaced with them.")
	b, _ := os.ReadFile(answers)
	if !strings.Contains(string(b), "interact:\n    status: Met") || strings.Contains(string(b), "another window") {
		t.Errorf("keep mine wrote:\n%s", b)
	}
}

func TestWalkTooSmallTakesOnlyQuit(t *testing.T) {
	x, answers := startWalk(t)
	x.run("resize-window", "-t", "e2e", "-x", "40", "-y", "10")
	x.waitFor("Terminal too small")
	// The keys are read in the order typed: when q has ended the walk, the
	// others were handled (and a save they started has landed) before it.
	x.keys("m", "x", "Enter", "j", "m")
	x.keys("q")
	s := x.waitFor("EXIT=0")
	if b, _ := os.ReadFile(answers); string(b) != walkFile {
		t.Fatalf("keys acted on the small screen:\n%s", b)
	}
	if !strings.Contains(s, "No change made") {
		t.Errorf("quitting without a change:\n%s", s)
	}
}

func TestWalkCtrlCInFormAsks(t *testing.T) {
	x, answers := startWalk(t)
	x.keys("Enter")
	x.waitFor("Justification")
	x.keys("Enter")
	x.waitFor(textFieldHelp) // huh moved to the text field
	x.text("Words I typed")
	x.waitFor("Words I typed")
	x.keys("C-c")
	x.waitFor("Quit and drop the answer being edited?", "n/esc back to the form")
	x.keys("Escape")
	x.waitFor(textFieldHelp) // the question is gone: back in the text field
	x.text(" and more")
	x.waitFor("Words I typed and more")
	x.keys("C-c")
	x.waitFor("Quit and drop the answer being edited?")
	x.keys("y")
	s := x.waitFor("EXIT=0")
	if !strings.Contains(s, "No change made; .bestpractices.yaml holds 1/67 at passing.") {
		t.Errorf("summary:\n%s", s)
	}
	if b, _ := os.ReadFile(answers); string(b) != walkFile {
		t.Errorf("the dropped answer was written:\n%s", b)
	}
}

// The walk opens where it was left: the level shown last, and the
// language chosen in it.
func TestWalkRemembersLevelAndLanguage(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the tmux test in -short mode")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".bestpractices.yaml"), []byte(walkFile), 0o644)
	x := startTmux(t, dir, "sh -c '"+bin+"; echo FIRST=$?; "+bin+"; echo EXIT=$?; sleep 30'")
	x.waitFor("passing (67)")
	x.keys("]")
	x.waitFor("silver (55)")
	x.keys("L") // the next language after English
	x.waitFor("argent (55)", "Français")
	x.keys("q")
	// The second run: no language message, yet French, at silver.
	x.waitFor("argent (55)", "Prêt.")
	x.keys("q")
	x.waitFor("EXIT=0")
}

// In a real terminal: with the question about the file up, letters typed
// into the form right after tab are text (r reloaded the file); a bracketed paste past
// the site's 8,192 characters is kept whole, its tab a tab (it was cut to
// 8,192, the URL at its end lost); the question comes back when the form
// closes, and k then writes the whole text.
func TestWalkFormUnderTheQuestionTakesTextAndPastes(t *testing.T) {
	x, answers := startWalk(t)
	theirs := walkFile + "# theirs\n"
	os.WriteFile(answers, []byte(theirs), 0o644)
	x.waitFor("The answers file changed on disk")
	x.keys("e")
	x.waitFor("> Met")
	// Tab and the words at once, as a fast typist sends them: huh moves
	// the focus in a message of its own, and the words arrive before it
	// (the first word was lost). Waiting for "new line" did not help: the
	// text field's title says it from the start.
	x.keys("Tab", "We are ")
	x.waitFor("you will be asked what to do once you leave this field", "alt+enter / ctrl+j new line", "We are")
	paste := filepath.Join(t.TempDir(), "paste.txt")
	os.WriteFile(paste, []byte(strings.Repeat("P", 9000)+" https://e.org/p a\tb"), 0o644)
	x.run("load-buffer", "-b", "big", paste)
	x.run("paste-buffer", "-b", "big", "-p", "-t", "e2e")
	x.waitFor("characters, over the badge site's limit", "https://e.org/p a␉b")
	if b, _ := os.ReadFile(answers); string(b) != theirs {
		t.Fatalf("their file was written while typing:\n%s", b)
	}
	x.keys("Enter")
	x.waitFor("The answers file changed on disk", "k keep mine")
	x.keys("k")
	x.waitFor("Kept your answers")
	b, _ := os.ReadFile(answers)
	if !strings.Contains(string(b), `"We are PPPP`) || !strings.Contains(string(b), `PPPP https://e.org/p a\tb"`) || strings.Count(string(b), "P") < 9000 {
		t.Errorf("the answer written is not the text typed and pasted:\n%.300s", b)
	}
}

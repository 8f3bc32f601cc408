package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// import in a real terminal: when the file and the answers differ, a
// review opens before anything is written.

// importAnswers: a person's answers to interact and test, and detect's
// text for repo_distributed.
const importAnswers = `version: 1
project:
  name: ours
answers:
  interact:
    status: Met
    justification: The README says how to get the software.
  repo_distributed:
    status: Met
    justification: The source is kept in git, a distributed version control system.
  test:
    status: Unmet
    justification: No automated tests yet.
`

const importTheirs = `{"name": "Their name",
 "interact_status": "Unmet", "interact_justification": "No page on getting the software.",
 "repo_distributed_status": "Unmet", "repo_distributed_justification": "A central server holds the primary copy.",
 "test_status": "Met", "test_justification": "go test ./... runs on every pull request.",
 "description_good_status": "Met", "description_good_justification": "The README's first line."}`

func startImport(t *testing.T, args string) (*tmux, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping the tmux test in -short mode")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	answers := filepath.Join(dir, ".bestpractices.yaml")
	os.WriteFile(answers, []byte(importAnswers), 0o644)
	os.WriteFile(filepath.Join(dir, "theirs.json"), []byte(importTheirs), 0o644)
	x := startTmux(t, dir, "sh -c '"+bin+" "+args+" import theirs.json; echo EXIT=$?; sleep 30'")
	return x, answers
}

func TestImportReviewChoosesAndSaves(t *testing.T) {
	x, answers := startImport(t, "")
	x.waitFor("Import review: theirs.json", "Answered differently: 3 · to add: 1", "1/3 · interact",
		"● Your answer · kept", "│ ○ Answer in theirs.json", "No page on getting the software.")
	x.keys("t") // interact: theirs; on to repo_distributed, where detect's text yields
	x.waitFor("2/3 · repo_distributed", "⚙ still the text detect or carry wrote", "● Answer in theirs.json · kept")
	x.keys("n") // test: ours stays
	x.waitFor("3/3 · test")
	if b, _ := os.ReadFile(answers); string(b) != importAnswers {
		t.Fatal("the review wrote before it was applied")
	}
	x.keys("a")
	s := x.waitFor("EXIT=0")
	for _, want := range []string{"theirs taken, as you chose", "theirs taken: ours is still the text detect or carry wrote", "Saved .bestpractices.yaml."} {
		if !strings.Contains(s, want) {
			t.Errorf("after the review, no %q:\n%s", want, s)
		}
	}
	b, _ := os.ReadFile(answers)
	for _, want := range []string{"No page on getting the software.", "A central server holds the primary copy.", "No automated tests yet.", "The README's first line."} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the file lacks %q:\n%s", want, b)
		}
	}
}

func TestImportReviewCancelWritesNothing(t *testing.T) {
	x, answers := startImport(t, "")
	x.waitFor("1/3 · interact")
	x.keys("T")
	x.waitFor("The file's answers are taken for all 3 conflicts.")
	x.keys("q")
	x.waitFor("Cancel the import and drop your choices? Nothing is written.")
	x.keys("y")
	s := x.waitFor("EXIT=0")
	if !strings.Contains(s, "Import cancelled: .bestpractices.yaml was not changed.") {
		t.Errorf("cancel:\n%s", s)
	}
	if b, _ := os.ReadFile(answers); string(b) != importAnswers {
		t.Errorf("a cancelled import wrote:\n%s", b)
	}
}

// At 60x15 the answers are stacked and the keys still shown; too small,
// only q works; in Japanese the review speaks Japanese.
func TestImportReviewSmallAndJapanese(t *testing.T) {
	x, answers := startImport(t, "--lang ja")
	x.waitFor("取り込みの確認：theirs.json", "1/3 · interact", "満たす", "満たさない")
	x.run("resize-window", "-t", "e2e", "-x", "60", "-y", "15")
	s := x.waitFor("● 既存の回答 · 維持", "o 既存を残す", "a 適用")
	if strings.Contains(s, "│ ○") {
		t.Errorf("side by side at 60 columns:\n%s", s)
	}
	x.run("resize-window", "-t", "e2e", "-x", "40", "-y", "10")
	x.waitFor("端末が小さすぎます")
	x.run("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
	x.waitFor("1/3 · interact", "● 既存の回答 · 維持") // back as it was
	x.run("resize-window", "-t", "e2e", "-x", "40", "-y", "10")
	x.waitFor("端末が小さすぎます")
	// Keys are read in the order typed (a resize is not: it comes by a
	// signal), so the keys that must do nothing are followed by ctrl+c,
	// which cancels: had any acted, the import would have been applied.
	x.keys("t", "T", "a", "y")
	x.keys("C-c")
	x.waitFor("EXIT=0", "取り込みを中止しました")
	if b, _ := os.ReadFile(answers); string(b) != importAnswers {
		t.Errorf("keys acted on the small screen, or a cancelled import wrote:\n%s", b)
	}
}

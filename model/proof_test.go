package model

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// The proof refuses every kind of wrong text: each candidate below is the
// right new text with one thing spoiled.
func TestProofRefusesWrongText(t *testing.T) {
	old := "# top\nversion: 1\nproject:\n  name: demo\n  owner: alice  # ours\nanswers:\n  # the license\n  floss_license:\n    status: Met\n    justification: MIT\n    reviewed_by: bob\n  test:\n    status: Unmet\nextra: kept\n"
	f, err := Parse("f.yaml", []byte(old), cat)
	if err != nil {
		t.Fatal(err)
	}
	f.Set("test", Answer{Status: Met, Justification: "go test"})
	s := f.snapshot()
	ch := change{answers: s.answers, dirty: s.dirty}
	right := strings.Replace(old, "  test:\n    status: Unmet\n", "  test:\n    status: Met\n    justification: go test\n", 1)
	if _, bad := prove("f.yaml", s.base, []byte(right), ch, s.want, cat); bad != nil {
		t.Fatalf("the right text refused: %s", bad)
	}
	spoil := func(from, to string) string {
		if !strings.Contains(right, from) {
			t.Fatalf("%q not in the text", from)
		}
		return strings.Replace(right, from, to, 1)
	}
	cases := []struct{ name, text, want string }{
		{"an answer differs", spoil("justification: go test", "justification: go tests"), "the answer to test would read back differently"},
		{"another answer changed", spoil("justification: MIT", "justification: BSD"), "the answer to floss_license"},
		{"an answer appeared", spoil("  test:\n", "  interact:\n    status: Met\n  test:\n"), "the answer to interact"},
		{"the project changed", spoil("name: demo", "name: Demo"), "the project block"},
		{"an unknown key changed", spoil("owner: alice", "owner: eve"), "project would change"},
		{"a key of an entry went", spoil("    reviewed_by: bob\n", ""), "answers.floss_license would change"},
		{"a top-level key went", spoil("extra: kept\n", ""), "extra would change"},
		{"a comment went", spoil("  # the license\n", ""), "the comment # the license would be lost"},
		{"a line comment went", spoil("  # ours", ""), "the comment # ours would be lost"},
		{"it does not load", spoil("version: 1", "version: [1"), "it would not load"},
		{"empty", "", "the answer to"},
		{"a second document", right + "---\nx: 1\n", "it would not load"},
	}
	for _, c := range cases {
		_, bad := prove("f.yaml", s.base, []byte(c.text), ch, s.want, cat)
		if bad == nil || !strings.Contains(bad.String(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, bad, c.want)
		}
	}
}

// When neither the splice nor the re-encode can be proven, nothing is
// written and the error says why, in the user's language.
func TestUnprovenSaveWritesNothing(t *testing.T) {
	// A document that is a written null with a comment: the splice cannot
	// add a mapping after the null, and the YAML library drops the comment
	// when it writes the tree anew.
	content := "~ # keep me\n"
	f, p := mustLoad(t, content)
	f.Set("test", Answer{Status: Unmet})
	err := f.Save(false)
	var fe *FileError
	if !errors.As(err, &fe) || fe.Message.Key != "ui.file.not_proven" || fe.Fix.IsZero() {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(fe.Error(), "nothing was written") || !strings.Contains(fe.Error(), "the comment # keep me would be lost") {
		t.Errorf("message %q", fe.Error())
	}
	if got, _ := os.ReadFile(p); string(got) != content {
		t.Errorf("written: %q", got)
	}
	if !f.Dirty() || f.Answers["test"].Status != Unmet {
		t.Error("the answer was dropped from memory")
	}
}

package model

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
)

// An answer hidden behind a comment: the line break after the comment is
// one that editors, git diff and review tools do not show, so a reviewer
// reads one comment line where YAML reads a comment and an answer. The
// file loads (a save keeps it, and the answer counts as YAML says), with a
// warning at the line an editor shows, naming the break.
func TestHiddenLineBreaksAreWarned(t *testing.T) {
	cases := []struct {
		name, content string
		line, col     int
		code          string
	}{
		{"NEL after a comment", "version: 1\nanswers:\n  # note \u0085  interact: {status: Unmet}\n  test:\n    status: Met\n", 3, 10, "U+0085"},
		{"lone CR in an LF file", "version: 1\nproject:\n  name: demo\nanswers:\n  # reviewed by alice\r  interact: {status: Unmet}\n", 5, 22, "CR (U+000D)"},
		{"LS between keys", "version: 1\nanswers:\n  test:\n    status: Met\u2028    justification: hidden\n", 4, 16, "U+2028"},
		{"PS in a CRLF file", "version: 1\r\nanswers:\r\n  test: {status: Met}\u2029  interact: {status: Met}\r\n", 3, 22, "U+2029"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, _ := mustLoad(t, c.content)
			var got []Problem
			for _, p := range f.Problems {
				if p.Message.Key == "ui.file.problem.hidden_break" {
					got = append(got, p)
				}
			}
			if len(got) != 1 {
				t.Fatalf("warnings %+v, want one hidden break", f.Problems)
			}
			msg := got[0].Message.In(i18n.English())
			if got[0].Line != c.line || !strings.Contains(msg, c.code) || !strings.Contains(msg, "column "+strconv.Itoa(c.col)) {
				t.Errorf("line %d: %s", got[0].Line, msg)
			}
		})
	}
}

// Inside a value the same characters are text (an older version wrote
// them raw; imports bring them): no warning. Nor for a file whose lines
// all end with a lone CR, as an old Mac editor writes them.
func TestLineBreaksInValuesAreNotWarned(t *testing.T) {
	for _, content := range []string{
		"version: 1\nanswers:\n  interact:\n    status: Met\n    justification: 'from\u2028the site'\n",
		"version: 1\nanswers:\n  interact:\n    status: Met\n    justification: \"a\u0085b\u2029c\"\n",
		"# old Mac file\rversion: 1\ranswers:\r  test:\r    status: Met\r",
		"version: 1\r\nanswers:\r\n  test:\r\n    status: Met\r\n",
	} {
		f, _ := mustLoad(t, content)
		for _, p := range f.Problems {
			if p.Message.Key == "ui.file.problem.hidden_break" {
				t.Errorf("%q: warned at line %d", content, p.Line)
			}
		}
	}
}

// Lines after a hidden break are told as editors count them: YAML counts
// one line more for each lone CR, NEL, LS or PS before them.
func TestLinesAfterAHiddenBreakAreTheEditors(t *testing.T) {
	src := "version: 1\nanswers:\n  # note\r \n  floss_license:\n    status: Met\n  floss_license:\n    status: Unmet\n"
	_, err := Parse("/r/.bestpractices.yaml", []byte(src), criteria.Default())
	var fe *FileError
	if !errors.As(err, &fe) || fe.Line != 6 || !strings.Contains(fe.Message.In(i18n.English()), "first at line 4") {
		t.Errorf("duplicate after a CR: %v", err)
	}
	src = "version: 1\nanswers:\n  # note\u2028  # more\n  test:\n    status: Met\n    justification: a\n  interact:\n    Status: Met\n"
	f, err := Parse("/r/.bestpractices.yaml", []byte(src), criteria.Default())
	if err != nil {
		t.Fatal(err)
	}
	if l := f.Lines()["interact"].ID; l != 7 {
		t.Errorf("interact is on line %d, editors show it on 7", l)
	}
	for _, p := range f.Problems {
		if p.Message.Key != "ui.file.problem.hidden_break" && p.Line != 8 {
			t.Errorf("%s at line %d, editors show it on 8", p.Message.In(i18n.English()), p.Line)
		}
	}
}

// YAML refusing a line that a hidden break started: the message names the
// break, at the editor's line, and says how to write the character.
func TestInvalidYAMLAfterAHiddenBreakNamesIt(t *testing.T) {
	src := "version: 1\nanswers:\n  test:\n    status: Met\n    justification: a\u2028b\n  interact:\n    status: Met\n"
	_, err := Parse("/r/.bestpractices.yaml", []byte(src), criteria.Default())
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("YAML read it: %v", err)
	}
	msg := fe.In(i18n.English())
	if fe.Line != 5 || !strings.Contains(msg, "U+2028") || !strings.Contains(msg, "\\L") {
		t.Errorf("line %d: %s", fe.Line, msg)
	}
}

package model

import (
	"strconv"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
)

// An answer hidden behind a comment: the line break after the comment is
// one that editors, git diff and review tools do not show, so a reviewer
// reads one comment line where YAML reads a comment and an answer. The
// file loads (a save keeps it, and the answer counts as YAML says), with a
// warning at the line, naming the break and the line an editor shows.
func TestHiddenLineBreaksAreWarned(t *testing.T) {
	cases := []struct {
		name, content string
		line, col     int
		code          string
		editorLine    string
	}{
		{"NEL after a comment", "version: 1\nanswers:\n  # note \u0085  interact: {status: Unmet}\n  test:\n    status: Met\n", 3, 10, "U+0085", "on line 3"},
		{"lone CR in an LF file", "version: 1\nproject:\n  name: demo\nanswers:\n  # reviewed by alice\r  interact: {status: Unmet}\n", 5, 22, "CR (U+000D)", "on line 5"},
		{"LS between keys", "version: 1\nanswers:\n  test:\n    status: Met\u2028    justification: hidden\n", 4, 16, "U+2028", "on line 4"},
		{"PS in a CRLF file", "version: 1\r\nanswers:\r\n  test: {status: Met}\u2029  interact: {status: Met}\r\n", 3, 22, "U+2029", "on line 3"},
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
			if got[0].Line != c.line || !strings.Contains(msg, c.code) || !strings.Contains(msg, "column "+strconv.Itoa(c.col)) || !strings.Contains(msg, c.editorLine) {
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

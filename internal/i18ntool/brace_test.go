package i18ntool

import (
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
)

// A plural form that starts with a template, unquoted (a translator's
// slip YAML reads as a mapping), is named at its own line, with the fix:
// quotes. The parser names the key above it and says "did not find
// expected key".
func TestUnquotedTemplateSaysQuoteIt(t *testing.T) {
	src := "meta:\n  tag: de\nui:\n  tui:\n    problems:\n      one: {{.Count}} Antwort hat ein Problem.\n      other: \"{{.Count}} Antworten\"\n" +
		"  status:\n    met: |\n      {{.Count}} in a block is text\n"
	ps := Check("de.yaml", []byte(src))
	var got []Problem
	for _, p := range ps {
		if p.Severity == Error {
			got = append(got, p)
		}
	}
	if len(got) != 1 || got[0].Line != 6 || got[0].Kind != "unquoted_brace" {
		t.Fatalf("got %+v, want one unquoted_brace error at line 6", got)
	}
	for tag, want := range map[string]string{"en": "double quotes", "fr": "guillemets", "ja": "二重引用符"} {
		loc, err := i18n.New(tag)
		if err != nil {
			t.Fatal(err)
		}
		if m := got[0].Message(loc); !strings.Contains(m, want) {
			t.Errorf("%s: %q does not say %q", tag, m, want)
		}
	}
	if _, err := i18n.Parse("de.yaml", []byte(src)); err == nil || !strings.HasPrefix(err.Error(), "de.yaml:6:") {
		t.Errorf("the reader names another line: %v", err)
	}
	// A value in flow style that reads is no slip; a template inside a
	// block is text.
	for _, ok := range []string{"a:\n  b: [x, y]\n  c: {d: e}\n", "a: |\n  {{.Count}} x\n  [y\n"} {
		if l := i18n.UnquotedBrace([]byte(ok)); l != 0 {
			t.Errorf("%q: line %d taken for a slip", ok, l)
		}
	}
}

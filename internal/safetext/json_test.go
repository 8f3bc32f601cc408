package safetext

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// A justification copied from a hostile entry: a C1 CSI that clears the
// screen, a right-to-left override, DEL, a bidi isolate, a left-to-right
// mark, and the text around them, in a key and in values.
func TestJSONEscapesTerminalControls(t *testing.T) {
	v := map[string]any{
		"id\u202e":        "kcatta",
		"justification":   "see \u009b2J\u009b31mhttps://example.org/?a=1&b=<2>\u202e gnp.exe\u2066x\u2069\x7f\u200e日本語",
		"list":            []string{"\u0085next line", "é ü ß"},
		"control":         "\x1b[31m red",
		"line separators": "a\u2028b\u2029c",
	}
	for _, indent := range []string{"", "  "} {
		b, err := JSON(v, indent)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for _, r := range s {
			if r < 0x20 && r != '\n' || jsonEscaped(r) || r == 0x2028 || r == 0x2029 {
				t.Errorf("indent %q: %U written raw:\n%s", indent, r, s)
			}
		}
		for _, want := range []string{`\u009b2J`, `\u202e gnp.exe`, `\u2066x\u2069`, `\u007f`, `\u200e`, `\u0085next`, `"id\u202e"`, `\u001b[31m`, `a\u2028b\u2029c`, `&b=<2>`, "日本語", "é ü ß"} {
			if !strings.Contains(s, want) {
				t.Errorf("indent %q: lacks %s:\n%s", indent, want, s)
			}
		}
		if strings.HasSuffix(s, "\n") {
			t.Errorf("indent %q: ends with a newline", indent)
		}
		var back map[string]any
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(v)
		var orig map[string]any
		json.Unmarshal(want, &orig)
		if !reflect.DeepEqual(back, orig) {
			t.Errorf("indent %q: values changed:\n%v\n%v", indent, back, orig)
		}
	}
}

func TestJSONStringAndWrite(t *testing.T) {
	if got := string(JSONString("a\u009bb & c")); got != `"a\u009bb & c"` {
		t.Errorf("JSONString = %s", got)
	}
	// Invalid UTF-8 is written as an escaped U+FFFD, as encoding/json does.
	if got := JSONString("bad \xff"); !utf8.Valid(got) || string(got) != `"bad \ufffd"` {
		t.Errorf("invalid UTF-8: %q", got)
	}
	var b strings.Builder
	if err := WriteJSON(&b, []int{1, 2}, "  "); err != nil || b.String() != "[\n  1,\n  2\n]\n" {
		t.Errorf("WriteJSON = %q, %v", b.String(), err)
	}
	if err := WriteJSON(&b, func() {}, ""); err == nil {
		t.Error("a function encoded")
	}
}

// FuzzJSONString: any text, valid UTF-8 or not, is written with no raw
// character that drives a terminal, and parses back to the text
// encoding/json would give.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", "\u009b2J", "a\u202eb\u2066c", "\x1b[31m\x7f", "bad \xff\xfe", "日本語 \u200e é", "\u2028\u2029", `"\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := JSONString(s)
		for _, r := range string(b) {
			if r < 0x20 || jsonEscaped(r) || r == 0x2028 || r == 0x2029 {
				t.Fatalf("%q written with %U raw: %s", s, r, b)
			}
		}
		var back, want string
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%q: %s does not parse: %v", s, b, err)
		}
		std, _ := json.Marshal(s)
		json.Unmarshal(std, &want)
		if back != want {
			t.Fatalf("%q: parsed %q, encoding/json gives %q", s, back, want)
		}
	})
}

package safetext

import (
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	cases := map[string]string{
		"plain text":                                "plain text",
		"two\nlines\tand tab":                       "two\nlines\tand tab",
		"red \x1b[31malert\x1b[0m":                  "red alert",
		"title \x1b]0;pwned\x07 here":               "title  here",
		"bell\x07 and nul\x00 and del\x7f":          "bell and nul and del",
		"c1 \u009b31m csi":                          "c1 31m csi",
		"bidi \u202eevil\u202c":                     "bidi evil",
		"日本語 stays":                                 "日本語 stays",
		"carriage\r\nreturn":                        "carriage\nreturn",
		"osc8 \x1b]8;;http://x\x07link\x1b]8;;\x07": "osc8 link",
		// Every Bidi_Control: the marks reorder a line as well.
		"rlm \u200fx\u200e lrm \u061c alm": "rlm x lrm  alm",
		// Breaks YAML reads and terminals do not show: shown as newlines.
		"ls\u2028ps\u2029end":                      "ls\nps\nend",
		"zero\u200bwidth\ufeff bom\u2060 wj\u00ad": "zerowidth bom wj",
		"tag\U000E0041 \u180emongolian":            "tag mongolian",
		"joiners \u200c\u200d and \u0600 stay":     "joiners \u200c\u200d and \u0600 stay",
	}
	for in, want := range cases {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Line("a\nb\tc\x1b[1m"); got != "a b c" {
		t.Errorf("Line = %q", got)
	}
	if got := Line("a\u2028b\u200fc"); got != "a bc" {
		t.Errorf("Line = %q", got)
	}
}

func TestKey(t *testing.T) {
	cases := map[string]string{
		"floss_license":            "floss_license",
		"Status":                   "Status",
		"日本語":                      "日本語",
		"evil\x1b[2Jid":            `"evil\x1b[2Jid"`,
		"bidi\u202eid":             `"bidi\u202eid"`,
		"two words":                `"two words"`,
		"line\nbreak":              `"line\nbreak"`,
		"":                         `""`,
		"c1\u009bx":                `"c1\u009bx"`,
		"ls\u2028x":                `"ls\u2028x"`,
		"zero\u200bwidth":          `"zero\u200bwidth"`,
		"quote\"d":                 `"quote\"d"`,
		"bad utf8 \xff":            `"bad utf8 \xff"`,
		strings.Repeat("a", 70):    strings.Repeat("a", 64) + "…",
		strings.Repeat("\x1b", 70): `"` + strings.Repeat(`\x1b`, 64) + `…"`,
	}
	for in, want := range cases {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestEscape(t *testing.T) {
	cases := map[string]string{
		"Met":                    "Met",
		"Met\x1b[2J":             `Met\x1b[2J`,
		"two words, 日本語":         "two words, 日本語",
		"bidi\u202eid\u200f":     `bidi\u202eid\u200f`,
		"line\nbreak\ttab\u2028": `line\nbreak\ttab\u2028`,
		"zero\u200bwidth":        `zero\u200bwidth`,
		"bad \xff byte":          `bad \xff byte`,
		"c1 \u009b":              `c1 \u009b`,
	}
	for in, want := range cases {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %s, want %s", in, got, want)
		}
	}
}

// A repository URL from a hostile entry must not look like ours once
// cleaned: Value shows what is there.
func TestValue(t *testing.T) {
	cases := map[string]string{
		"https://github.com/acme/widget":          "https://github.com/acme/widget",
		"Demo on the site":                        "Demo on the site",
		"日本語のプロジェクト":                              "日本語のプロジェクト",
		"https://github.com/acme/widget\x1b[31m":  `"https://github.com/acme/widget\x1b[31m"`,
		"https://github.com/acme/widget\u009b31m": `"https://github.com/acme/widget\u009b31m"`,
		"https://github.com/\u202eacme/widget":    `"https://github.com/\u202eacme/widget"`,
		"https://github.com/acme/widget\u200b":    `"https://github.com/acme/widget\u200b"`,
		"https://github.com/acme/widget ":         `"https://github.com/acme/widget "`,
		" https://github.com/acme/widget":         `" https://github.com/acme/widget"`,
		"acme\u00a0widget":                        `"acme\u00a0widget"`,
		"two\nlines":                              `"two\nlines"`,
		"say \"hi\"":                              `"say \"hi\""`,
		"":                                        `""`,
		strings.Repeat("u", 210):                  strings.Repeat("u", 200) + "…",
		strings.Repeat("\x1b", 201):               `"` + strings.Repeat(`\x1b`, 200) + `…"`,
	}
	for in, want := range cases {
		if got := Value(in); got != want {
			t.Errorf("Value(%q) = %s, want %s", in, got, want)
		}
	}
	if Value("https://github.com/acme/widget\x1b[31m") == Line("https://github.com/acme/widget\x1b[31m") {
		t.Error("Value cleans like Line: the two URLs would look the same")
	}
}

package safetext

import "testing"

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
	}
	for in, want := range cases {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Line("a\nb\tc\x1b[1m"); got != "a b c" {
		t.Errorf("Line = %q", got)
	}
}

package formtext

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/runeutil"
)

// The text field (bubbles' textarea) cleans what it is given with
// runeutil's sanitizer: what the form shows must come through it
// unchanged, and read back as the justification it stands for.
func TestRoundTrip(t *testing.T) {
	for _, s := range []string{"", "plain", "tab\there", "cr\r\nlf", "⟪U+0041⟫ literal", "␉ literal mark", "\u202e\u2066x\u2069", "nul\x00", "\ufffd", "a⟪"} {
		shown := Show(s)
		if got := Answer(shown); got != s {
			t.Errorf("%q: shown %q, back %q", s, shown, got)
		}
		if string(runeutil.NewSanitizer().Sanitize([]rune(shown))) != shown {
			t.Errorf("%q: the text field would change %q", s, shown)
		}
	}
}

// What is typed or pasted reaches the text field spelled as the form
// spells the file's text, and the answer is what was pasted, its line
// breaks made newlines and stray control characters dropped.
func TestTyped(t *testing.T) {
	for in, want := range map[string]string{
		"plain":            "plain",
		"a\tb":             "a\tb",
		"win\r\nline\rmac": "win\nline\nmac",
		"\u202eevil\u2028": "\u202eevil\u2028",
		"esc\x1b[2J\x07":   "esc[2J",
	} {
		typed := string(Typed([]rune(in)))
		if string(runeutil.NewSanitizer().Sanitize([]rune(typed))) != typed {
			t.Errorf("%q: the text field would change %q", in, typed)
		}
		if strings.ContainsAny(typed, "\t\r\u202e\u2028\x1b") {
			t.Errorf("%q: typed %q holds what the form must spell", in, typed)
		}
		if got := Answer(typed); got != want {
			t.Errorf("%q: typed %q, answer %q, want %q", in, typed, got, want)
		}
	}
}

// pasted is the answer that text pasted into the form stands for: its
// line breaks newlines, other control characters but tabs dropped.
func pasted(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
		case r == '\r':
			b.WriteByte('\n')
		case unicode.IsControl(r) && r != '\t' && r != '\n':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FuzzRoundTrip: the same for any text, shown or typed. It lives here, not
// in tui, so that fuzzing compiles this package and the sanitizer, not the
// whole UI.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{"plain", "tab\there", "\u202e", "⟪U+202E⟫", "␉␍", "\x1b[31m", "a\u2028b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		shown := Show(s)
		if got := Answer(shown); got != s {
			t.Fatalf("%q: shown %q, back %q", s, shown, got)
		}
		if string(runeutil.NewSanitizer().Sanitize([]rune(shown))) != shown {
			t.Fatalf("%q: the text field would change %q", s, shown)
		}
		typed := string(Typed([]rune(s)))
		if string(runeutil.NewSanitizer().Sanitize([]rune(typed))) != typed {
			t.Fatalf("%q: the text field would change the typed %q", s, typed)
		}
		// The marks typed as text are the form's spelling, read as such;
		// without them, the answer is what was pasted.
		if !strings.ContainsAny(s, "␉␍⟪") {
			if got, want := Answer(typed), pasted(s); got != want {
				t.Fatalf("%q: typed %q, answer %q, want %q", s, typed, got, want)
			}
		}
	})
}

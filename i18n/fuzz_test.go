package i18n

import (
	"strings"
	"testing"
)

// FuzzLoad is the locale loader on anything a translator or an attacker
// could send: it never panics, and whatever it accepts shows only clean
// text: no escape, no template syntax, no <no value>.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("meta:\n  tag: fr\nui:\n  tui:\n    saved: \"Enregistré à {{.Time}}\"\n"))
	f.Add([]byte("ui:\n  tui:\n    saved: '{{printf \"%c\" 27}}[2J{{.Time}}'\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := Parse("fuzz.yaml", src)
		if err != nil {
			return
		}
		l := FromFile(file)
		for _, key := range []string{"ui.tui.saved", "ui.status.met", "ui.cli.status.holding_back", "ui.category.MUST"} {
			got := l.T(key, "Time", "12:00", "Level", "silver", "Count", 3)
			if strings.ContainsAny(got, "\x1b\x07\u009b") || strings.Contains(got, "{{") || strings.Contains(got, "<no value>") {
				t.Fatalf("%s shows %q", key, got)
			}
			if Info(key).OneLine && strings.ContainsAny(got, "\n\r") {
				t.Fatalf("%s breaks its line: %q", key, got)
			}
		}
		_ = l.Name()
	})
}

// FuzzParseTemplate: only {{.Name}} references get through, and filling
// them in never panics.
func FuzzParseTemplate(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, err := ParseTemplate(s)
		if err != nil {
			return
		}
		out := tm.Fill(map[string]any{"Time": "x"})
		if strings.Contains(s, "{{") && strings.Contains(out, "<no value>") {
			t.Fatalf("%q gives %q", s, out)
		}
	})
}

package cli

import (
	"strings"
	"testing"
)

// --min-confidence takes a level by its name, in English or in the user's
// language, or by its number; anything else is refused in the user's
// language, naming the levels, never with Go's parse error.
func TestMinConfidenceLevels(t *testing.T) {
	dir := repoFixture(t, "https://github.com/acme/w", map[string]string{
		"LICENSE":             mit,
		"SECURITY.md":         "# Security\n\nMail security@acme.example.net; we reply within 2 days.\n",
		".bestpractices.yaml": "version: 1\nproject:\n  name: w\nanswers: {}\n",
	})
	for _, args := range [][]string{
		{"detect", "--min-confidence", "weak"}, {"detect", "--min-confidence", "Strong"}, {"detect", "--min-confidence=3"},
		{"detect", "--lang", "fr", "--min-confidence", "faible"}, {"carry", "--min-confidence", "fair"},
	} {
		if _, errOut, code := run(t, dir, args...); code != ExitOK {
			t.Errorf("%v: code %d, %q", args, code, errOut)
		}
	}
	out, _, _ := run(t, dir, "detect", "--format", "json", "--min-confidence", "weak")
	if !strings.Contains(out, `"min_confidence": 1`) {
		t.Errorf("--min-confidence weak is not level 1:\n%.300s", out)
	}
	for _, c := range []struct {
		args  []string
		wants []string
	}{
		{[]string{"detect", "--min-confidence", "medium"}, []string{"--min-confidence medium", "weak (1)", "fair (2)", "strong (3)"}},
		{[]string{"detect", "--min-confidence", "4"}, []string{"weak (1)"}},
		{[]string{"carry", "--min-confidence", "0"}, []string{"strong (3)"}},
		{[]string{"carry", "--min-confidence", ""}, []string{"weak (1)"}},
		{[]string{"detect", "--min-confidence", "\x1b[2J"}, []string{`\x1b[2J`, "weak (1)"}},
		{[]string{"detect", "--lang", "fr", "--min-confidence", "haute"}, []string{"n'est pas un niveau", "faible (weak, 1)", "forte (strong, 3)"}},
		{[]string{"carry", "--min-confidence", "x", "--lang", "ja"}, []string{"weak（", "strong（"}},
	} {
		_, errOut, code := run(t, dir, c.args...)
		if code != ExitBadInput || strings.Contains(errOut, "invalid value") || strings.Contains(errOut, "parse error") {
			t.Errorf("%v: code %d, %q", c.args, code, errOut)
		}
		for _, w := range c.wants {
			if !strings.Contains(errOut, w) {
				t.Errorf("%v: %q lacks %q", c.args, errOut, w)
			}
		}
	}
}

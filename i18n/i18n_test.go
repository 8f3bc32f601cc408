package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
)

func TestEnglishCoversCatalog(t *testing.T) {
	en := English()
	for _, l := range criteria.Default().Levels {
		for _, e := range l.Entries {
			c := en.Criterion(l.Name, e.ID)
			for field, text := range map[string]string{"title": c.Title, "requirement": c.Requirement, "guidance": c.Guidance} {
				if text == "" || strings.HasPrefix(text, "criteria.") {
					t.Errorf("%s/%s: no English %s", l.Name, e.ID, field)
				}
			}
			if !strings.Contains(c.Requirement, string(e.Category)) {
				t.Errorf("%s/%s: requirement lacks its keyword %s", l.Name, e.ID, e.Category)
			}
			for _, s := range []string{e.Major, e.Minor} {
				if !en.Has("sections." + s) {
					t.Errorf("section %q has no text", s)
				}
			}
		}
	}
}

// Every key the program asks for must exist in English: a literal key in a
// T("...") call anywhere in the source.
func TestEveryUsedKeyExists(t *testing.T) {
	en := English()
	call := regexp.MustCompile(`\bT\(\s*"(ui\.[a-zA-Z0-9_.\-]+)"`)
	summary := regexp.MustCompile(`Summary:\s*"(ui\.[a-zA-Z0-9_.\-]+)"`)
	help := regexp.MustCompile(`"(ui\.[a-z_]+\.[a-z_.]*help)"`)
	found := 0
	filepath.Walk("..", func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() && (info.Name() == ".git" || info.Name() == "testdata") {
			if info != nil && info.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, _ := os.ReadFile(p)
		for _, re := range []*regexp.Regexp{call, summary, help} {
			for _, m := range re.FindAllStringSubmatch(string(src), -1) {
				found++
				if strings.HasSuffix(m[1], ".") || strings.HasSuffix(m[1], "_") {
					continue // a family of keys, checked in TestKeyFamilies
				}
				if !en.Has(m[1]) {
					t.Errorf("%s uses %s, which en.yaml lacks", p, m[1])
				}
			}
		}
		return nil
	})
	if found < 20 {
		t.Errorf("found only %d keys in use: is the pattern still right?", found)
	}
}

// Keys the program builds from a name: every name must have its text.
func TestKeyFamilies(t *testing.T) {
	en := English()
	var keys []string
	for _, l := range criteria.Default().Levels {
		keys = append(keys, "ui.level."+l.Name, "ui.badge_level."+l.Name)
	}
	for _, s := range []string{"met", "unmet", "na", "unknown"} {
		keys = append(keys, "ui.status."+s)
	}
	for _, r := range []string{"unknown", "passing", "barely", "failing", "url_required", "justification_required", "invalid", "automatic"} {
		keys = append(keys, "ui.result."+r)
	}
	keys = append(keys, "ui.badge_level.in_progress")
	for _, c := range []string{"must", "should", "suggested"} {
		keys = append(keys, "ui.tui.detail.unmet_"+c)
	}
	for _, k := range keys {
		if !en.Has(k) {
			t.Errorf("en.yaml lacks %s", k)
		}
	}
}

func TestPluralsAndFallback(t *testing.T) {
	en := English()
	if got := en.T("ui.cli.check.not_achieved", "Level", "passing", "Percentage", 99, "Count", 1); !strings.Contains(got, "1 criterion does") {
		t.Errorf("one: %q", got)
	}
	if got := en.T("ui.cli.check.not_achieved", "Level", "passing", "Percentage", 9, "Count", 2); !strings.Contains(got, "2 criteria do") {
		t.Errorf("other: %q", got)
	}
	f, err := Parse("xx.yaml", []byte("meta:\n  tag: fr\nui:\n  status:\n    met: Satisfait\n"))
	if err != nil {
		t.Fatal(err)
	}
	l := FromFile(f)
	if l.T("ui.status.met") != "Satisfait" || l.T("ui.status.unmet") != "Unmet" {
		t.Errorf("fallback: %q %q", l.T("ui.status.met"), l.T("ui.status.unmet"))
	}
	if got := l.T("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key shows %q", got)
	}
}

func TestLocaleTextIsCleaned(t *testing.T) {
	f, err := Parse("evil.yaml", []byte("ui:\n  status:\n    met: \"M\\e[31met\\e]0;x\\a\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := FromFile(f).T("ui.status.met"); got != "Met" {
		t.Errorf("escape sequences kept: %q", got)
	}
}

func TestChooseLanguage(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag string
		vars map[string]string
		want string
		warn bool
	}{
		{"", nil, "en", false},
		{"", map[string]string{"LANG": "C"}, "en", false},
		{"", map[string]string{"LANG": "POSIX"}, "en", false},
		{"", map[string]string{"LANG": "en_US.UTF-8"}, "en", false},
		{"", map[string]string{"LANG": "xx_YY.UTF-8"}, "en", true},
		{"", map[string]string{"LANG": "fr_FR.UTF-8", "LC_ALL": "C"}, "en", false},
		{"tlh", nil, "en", true},
	}
	for _, c := range cases {
		l, warn := FromEnvironment(c.flag, env(c.vars))
		if got := l.file.Tag; got != c.want || (warn != "") != c.warn {
			t.Errorf("flag %q env %v: %s (warning %q), want %s", c.flag, c.vars, got, warn, c.want)
		}
	}
}

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/i18ntool"
)

// A locale file that does not read (a YAML alias where a text goes, a
// translator's shortcut) is refused by every command that rewrites it
// with the words and the advice of i18n check, in the user's language;
// the file stays as it was.
func TestRewritesRefuseAnUnreadableFileInTheUsersLanguage(t *testing.T) {
	const alias = "meta:\n  tag: de\n  name: Deutsch\nui:\n  status:\n    met: &m Erfüllt\n    unmet: *m\n"
	po := "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgctxt \"ui.status.na\"\nmsgid \"N/A\"\nmsgstr \"k. A.\"\n"
	for _, tag := range []string{"en", "fr", "ja"} {
		loc, err := i18n.New(tag)
		if err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"i18n", "update", "de.yaml"},
			{"i18n", "stamp", "de.yaml"},
			{"i18n", "import-po", "de.po", "de.yaml"},
			{"i18n", "export-po", "de.yaml"},
		} {
			dir := t.TempDir()
			writeFile(t, dir, "de.yaml", alias)
			writeFile(t, dir, "de.po", po)
			var why []string
			for _, pr := range i18ntool.Check("de.yaml", []byte(alias)) {
				if pr.Severity == i18ntool.Error {
					why = append(why, pr.Message(loc))
				}
			}
			if len(why) == 0 {
				t.Fatal("i18n check finds nothing wrong with an alias")
			}
			_, errOut, code := run(t, dir, append([]string{"--lang", tag}, args...)...)
			for _, w := range why {
				if !strings.Contains(errOut, "de.yaml:7: ") || !strings.Contains(errOut, w) {
					t.Errorf("%s %s: %q does not say %q at line 7", tag, args[1], errOut, w)
				}
			}
			if tag != "en" && strings.Contains(errOut, "must be") {
				t.Errorf("%s %s: English in %q", tag, args[1], errOut)
			}
			if got, _ := os.ReadFile(filepath.Join(dir, "de.yaml")); code != ExitBadInput || string(got) != alias {
				t.Errorf("%s %s: exit %d, file now %q", tag, args[1], code, got)
			}
		}
	}
}

// A file the translators' tools cannot write is said in the user's
// language, naming it, with the system's reason.
func TestI18nWriteFailureInTheUsersLanguage(t *testing.T) {
	dir := t.TempDir()
	src, err := i18n.Source("fr")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "fr.yaml", string(src))
	for tag, want := range map[string]string{"fr": "impossible d'écrire nodir/fr.po\u00a0: ", "ja": "nodir/fr.po に書き込めませんでした："} {
		_, errOut, code := run(t, dir, "--lang", tag, "i18n", "export-po", "-o", "nodir/fr.po", "fr.yaml")
		if code != ExitBadInput || !strings.Contains(errOut, want) {
			t.Errorf("%s: %d %q, want %q", tag, code, errOut, want)
		}
	}
}

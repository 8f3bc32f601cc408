package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func TestManPageHasEveryCommandsHelp(t *testing.T) {
	page, errOut, code := run(t, t.TempDir(), "man")
	if code != ExitOK {
		t.Fatalf("man: %d %s", code, errOut)
	}
	for name := range commands() {
		if !strings.Contains(page, ".SS \""+strings.ReplaceAll(name, "-", `\-`)+"\"") {
			t.Errorf("no section for %s", name)
		}
	}
	for _, want := range []string{`.SS "i18n check"`, `\-\-format text|sarif`, ".TH \"BESTPRACTICES\" 1", `.SH "EXIT STATUS"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	fr, _, _ := run(t, t.TempDir(), "man", "--lang", "fr")
	if !strings.Contains(fr, "Utilisation\u00a0: bestpractices check") || !strings.Contains(fr, `.SH "CODE DE RETOUR"`) {
		t.Error("the French page is not in French")
	}
	again, _, _ := run(t, t.TempDir(), "man")
	if again != page {
		t.Error("two runs give two pages")
	}
}

// groff reads the page without a warning, in every language, at the width
// man uses in an 80-column terminal.
func TestManPageRenders(t *testing.T) {
	need(t, "groff")
	for _, lang := range []string{"en", "fr", "ja"} {
		page, _, _ := run(t, t.TempDir(), "man", "--lang", lang)
		cmd := exec.Command("groff", "-k", "-man", "-Tutf8", "-ww", "-rLL=78n")
		cmd.Stdin = strings.NewReader(page)
		var errb strings.Builder
		cmd.Stderr = &errb
		out, err := cmd.Output()
		if err != nil || errb.Len() > 0 {
			t.Errorf("%s: groff: %v\n%s", lang, err, errb.String())
		}
		if !strings.Contains(string(out), "bestpractices") || !strings.Contains(string(out), "--json-in-sync") {
			t.Errorf("%s: the rendered page lacks the commands' help:\n%.600s", lang, out)
		}
	}
}

// A help text is text: a line that would be a roff request in a locale
// file (.so reads a file) is printed, not obeyed.
func TestManPageEscapesLocaleText(t *testing.T) {
	need(t, "groff")
	dir := t.TempDir()
	loc := filepath.Join(dir, "xx.yaml")
	os.WriteFile(loc, []byte("meta:\n  tag: xx\n  name: Test\nui:\n  cli:\n    status:\n      help: |-\n        .so /etc/hostname\n        'bp a quote request\n        back\\slash \\fBbold\n"), 0o644)
	page, errOut, code := run(t, dir, "man", "--locale-file", loc)
	if code != ExitOK {
		t.Fatalf("man: %d %s", code, errOut)
	}
	cmd := exec.Command("groff", "-man", "-Tutf8")
	cmd.Stdin = strings.NewReader(page)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{".so /etc/hostname", "'bp a quote request", `back\slash \fBbold`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the page lacks the literal %q:\n%s", want, out)
		}
	}
}

// Prose is filled to the reader's width, Japanese included (it has no
// spaces to break at, so the page marks where a line may break).
func TestManPageFillsProseToTheWidth(t *testing.T) {
	need(t, "groff")
	for _, lang := range []string{"en", "fr", "ja"} {
		page, _, _ := run(t, t.TempDir(), "man", "--lang", lang)
		cmd := exec.Command("groff", "-k", "-man", "-Tutf8", "-rLL=60n", "-P-c", "-P-b", "-P-u")
		cmd.Stdin = strings.NewReader(page)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(out), "\n")
		start, end := -1, -1
		for i, l := range lines {
			if start < 0 && (strings.HasPrefix(l, "DESCRIPTION") || strings.HasPrefix(l, "説明")) {
				start = i
			} else if start >= 0 && end < 0 && l != "" && !strings.HasPrefix(l, " ") {
				end = i
			}
		}
		if start < 0 || end < start+3 {
			t.Fatalf("%s: no description section:\n%s", lang, out)
		}
		for _, l := range lines[start+1 : end] {
			if w := runewidth.StringWidth(l); w > 60 {
				t.Errorf("%s: a line of %d columns at width 60: %q", lang, w, l)
			}
		}
	}
}

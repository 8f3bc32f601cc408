package cli

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/clidoc"
	"github.com/bestpractices/bestpractices/internal/environ"
)

// script writes `completion SHELL` to a file.
func script(t *testing.T, shell string) string {
	t.Helper()
	out, errOut, code := run(t, t.TempDir(), "completion", shell)
	if code != ExitOK || out == "" {
		t.Fatalf("completion %s: %d %q", shell, code, errOut)
	}
	p := filepath.Join(t.TempDir(), "bestpractices."+shell)
	if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func need(t *testing.T, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("skipping: %s is not installed (CI installs it; apt-get install %s)", tool, tool)
	}
}

func TestCompletionScriptsParse(t *testing.T) {
	for _, c := range []struct{ shell, tool string }{{"bash", "bash"}, {"zsh", "zsh"}, {"fish", "fish"}} {
		t.Run(c.shell, func(t *testing.T) {
			need(t, c.tool)
			p := script(t, c.shell)
			if out, err := exec.Command(c.tool, "-n", p).CombinedOutput(); err != nil || len(out) > 0 {
				t.Errorf("%s -n: %v\n%s", c.tool, err, out)
			}
		})
	}
	if _, errOut, code := run(t, t.TempDir(), "completion", "powershell"); code != ExitBadInput || !strings.Contains(errOut, "powershell") {
		t.Errorf("unknown shell: %d %q", code, errOut)
	}
	if _, _, code := run(t, t.TempDir(), "completion"); code != ExitBadInput {
		t.Errorf("no shell: %d", code)
	}
}

// The cases a user types, and what the shell must offer (want) and must
// not (not).
var completionCases = []struct {
	line      string // what is typed, up to the cursor
	want, not []string
}{
	{"bestpractices ch", []string{"check"}, []string{"status"}},
	{"bestpractices ", []string{"status", "check", "completion", "man", "lint", "help"}, nil},
	{"bestpractices check --level s", []string{"silver"}, []string{"gold"}},
	{"bestpractices check --level ", []string{"passing", "baseline-3"}, nil},
	{"bestpractices check --format ", []string{"text", "sarif"}, []string{"json"}},
	{"bestpractices --lang fr status --format ", []string{"text", "json", "markdown"}, nil},
	{"bestpractices status --", []string{"--format", "--level", "--file", "--lang"}, []string{"--strict"}},
	{"bestpractices --lang ", []string{"en", "fr", "ja"}, nil},
	{"bestpractices i18n st", []string{"status", "stamp"}, []string{"check"}},
	{"bestpractices i18n status --format ", []string{"text", "json"}, []string{"markdown"}},
	{"bestpractices i18n check --", []string{"--verbose"}, []string{"--format"}},
	{"bestpractices completion ", []string{"bash", "zsh", "fish"}, nil},
	{"bestpractices security-policy --channel ", []string{"forge", "email", "link"}, nil},
	{"bestpractices --file answers.yaml propose --level g", []string{"gold"}, nil},
	{"bestpractices help ", []string{"check", "i18n"}, nil},
	{"bestpractices import site.json --take floss_lic", []string{"floss_license", "floss_license_osi"}, []string{"interact"}},
}

func checkOffered(t *testing.T, line string, got []string, want, not []string) {
	t.Helper()
	has := map[string]bool{}
	for _, g := range got {
		has[strings.TrimSpace(strings.SplitN(g, "\t", 2)[0])] = true
	}
	for _, w := range want {
		if !has[w] {
			t.Errorf("%q: %q not offered; got %q", line, w, got)
		}
	}
	for _, n := range not {
		if has[n] {
			t.Errorf("%q: %q offered; got %q", line, n, got)
		}
	}
}

func TestBashCompletesWhatCommandsTake(t *testing.T) {
	need(t, "bash")
	p := script(t, "bash")
	for _, c := range completionCases {
		words := strings.Fields(c.line)
		if strings.HasSuffix(c.line, " ") {
			words = append(words, "")
		}
		var quoted []string
		for _, w := range words {
			quoted = append(quoted, "'"+w+"'")
		}
		prog := "source " + p + "\nCOMP_WORDS=(" + strings.Join(quoted, " ") + ")\nCOMP_CWORD=" + strconv.Itoa(len(words)-1) +
			"\n_bestpractices\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
		out, err := exec.Command("bash", "--norc", "--noprofile", "-c", prog).CombinedOutput()
		if err != nil {
			t.Fatalf("%q: %v\n%s", c.line, err, out)
		}
		checkOffered(t, c.line, strings.Split(strings.TrimSpace(string(out)), "\n"), c.want, c.not)
	}
	// --take ID,ID: the word after the comma.
	prog0 := "source " + p + "\nCOMP_WORDS=(bestpractices import x.json --take interact,floss_licen)\nCOMP_CWORD=4\n_bestpractices\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
	out0, err0 := exec.Command("bash", "--norc", "--noprofile", "-c", prog0).CombinedOutput()
	if err0 != nil || !strings.Contains(string(out0), "interact,floss_license_osi") {
		t.Errorf("--take a,b: %v %q", err0, out0)
	}
	// --level=s: bash splits the word at "=".
	prog := "source " + p + "\nCOMP_WORDS=(bestpractices check --level = s)\nCOMP_CWORD=4\n_bestpractices\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
	out, err := exec.Command("bash", "--norc", "--noprofile", "-c", prog).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "silver" {
		t.Errorf("--level=s: %v %q", err, out)
	}
}

func TestFishCompletesWhatCommandsTake(t *testing.T) {
	need(t, "fish")
	p := script(t, "fish")
	for _, c := range completionCases {
		cmd := exec.Command("fish", "--no-config", "-c", "source "+p+"; complete -C '"+c.line+"'")
		cmd.Dir = t.TempDir() // no file names to offer
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%q: %v\n%s", c.line, err, out)
		}
		checkOffered(t, c.line, strings.Split(strings.TrimSpace(string(out)), "\n"), c.want, c.not)
	}
}

// Program reads the commands from the commands themselves: every command
// registered, with the flags it really defines.
func TestProgramListsEveryCommandAndItsFlags(t *testing.T) {
	env := &Env{Env: &environ.Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Dir: t.TempDir(), Getenv: func(string) string { return "" }}}
	env.run([]string{"--lang", "en", "help"}) // sets the catalog and locale
	p := env.Program()
	var names []string
	for _, c := range p.Commands {
		names = append(names, c.Name)
		if c.Help == "" || c.Summary == "" {
			t.Errorf("%s: no help or summary", c.Name)
		}
	}
	var want []string
	for n := range commands() {
		want = append(want, n)
	}
	sort.Strings(want)
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("commands %v, want %v", names, want)
	}
	flagsOf := func(name string) string {
		for _, c := range p.Commands {
			for _, s := range append([]clidoc.Command{c}, c.Sub...) {
				if s.Name == name {
					var fs []string
					for _, f := range s.Flags {
						fs = append(fs, f.Name)
					}
					return strings.Join(fs, " ")
				}
			}
		}
		return "?"
	}
	if got := flagsOf("check"); got != "format json-in-sync level strict" {
		t.Errorf("check's flags: %q", got)
	}
	if got := flagsOf("i18n status"); got != "format verbose" {
		t.Errorf("i18n status's flags: %q", got)
	}
	for _, f := range p.Global {
		if f.Name == "file" && !f.Files || f.Name == "lang" && len(f.Values) < 3 {
			t.Errorf("global flag %+v", f)
		}
	}
}

// A flag named like the walk's criterion search takes criterion ids.
func TestCriterionFlagsTakeIDs(t *testing.T) {
	env := &Env{Env: &environ.Env{Catalog: criteria.Default()}}
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.String("take", "", "")
	got := env.flags(fs, "", i18n.English())
	if len(got) != 1 || len(got[0].Values) < 100 || got[0].Values[0] != "description_good" {
		t.Errorf("--take: %+v", got)
	}
}

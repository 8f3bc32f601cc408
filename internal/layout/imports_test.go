package layout

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const module = "github.com/bestpractices/bestpractices/"

// layer of each package, top (0) to bottom: a package imports packages of
// lower layers only (a higher number), never its own layer's, except where
// sameLayer says so. This is the package map of CONTRIBUTING.md; a new
// package goes in both.
var layer = map[string]int{
	"cmd/bestpractices": 0, // main: the only package that sees both the commands and the UI

	"tui":          1, // the walk and the other interactive forms
	"internal/cli": 1, // commands, flags, exit codes; no terminal UI of its own
	"action":       1, // the GitHub Action's step (check.sh), tested as a runner runs it

	"internal/environ": 2, // what a command may touch; shared by cli and tui
	"internal/termbg":  2, // asking the terminal's background, for the UI only

	"internal/site":        3, // the badge site's formats
	"internal/carry":       3, // answers carried between metal and Baseline
	"internal/detect":      3, // evidence from the repository
	"internal/evidence":    3, // stale evidence, forge URLs
	"internal/secpolicy":   3, // what security-policy writes
	"internal/secinsights": 3, // Security Insights read and write
	"internal/i18ntool":    3, // translators' tools: check, stamp, new, status
	"internal/lineprompt":  3, // line-by-line prompts (--accessible), in the user's language
	"internal/sarif":       3, // the answers that do not count, as SARIF for code scanning
	"internal/clidoc":      3, // completion scripts and the man page, from the commands' help

	"model": 4, // answers, scoring, the answers file

	"criteria": 5, // the catalog facts
	"i18n":     5, // locale files at run time

	"internal/gitrepo":    6, // git data without a git binary
	"internal/safetext":   6, // cleaning text for the terminal
	"internal/lazyregexp": 6, // patterns compiled on first use
	"internal/regfile":    6, // files that must be regular: never waited on, never replaced
	"internal/textwidth":  6, // padding, cutting and wrapping by terminal cells
	"internal/formtext":   6, // the edit form's spelling of a justification
}

// sameLayer lists the layers whose packages may import one another (the
// logic packages build on each other; Go refuses cycles).
var sameLayer = map[int]bool{3: true, 6: true}

// testOnly packages are imported by tests alone.
var testOnly = map[string]bool{"internal/upstream": true, "internal/fifotest": true}

// uiPackages may depend on a terminal UI library; nothing else may, even
// indirectly.
var uiPackages = map[string]bool{"cmd/bestpractices": true, "tui": true, "internal/termbg": true}

// uiLibraries are the terminal UI libraries (text helpers such as
// charmbracelet/x/ansi, used by safetext, are not).
var uiLibraries = []string{
	"github.com/charmbracelet/bubbletea",
	"github.com/charmbracelet/bubbles",
	"github.com/charmbracelet/huh",
	"github.com/charmbracelet/lipgloss",
	"github.com/charmbracelet/glamour",
	"github.com/muesli/termenv",
}

// exceptions are imports the map forbids that the code still has, each
// with the work that removes it. Keep it empty.
var exceptions = map[[2]string]string{}

type listed struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

// packages lists the module's packages with go list (imports of non-test
// files only).
func packages(t *testing.T) []listed {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("skipping: the go command is not on PATH")
	}
	cmd := exec.Command("go", "list", "-json=ImportPath,Imports,Deps", module+"...")
	cmd.Dir = root(t)
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("go list: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	var pkgs []listed
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p listed
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// root is the module's directory.
func root(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		t.Fatalf("no go.mod at %s", dir)
	}
	return dir
}

func TestImportsFollowThePackageMap(t *testing.T) {
	used := map[[2]string]bool{}
	for _, p := range packages(t) {
		from := strings.TrimPrefix(p.ImportPath, module)
		if from == "internal/layout" || testOnly[from] {
			continue
		}
		lf, ok := layer[from]
		if !ok {
			t.Errorf("%s is not in the package map: give it a layer in imports_test.go and a line in CONTRIBUTING.md", from)
			continue
		}
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, module) {
				continue
			}
			to := strings.TrimPrefix(imp, module)
			if testOnly[to] {
				t.Errorf("%s imports %s, which only tests may use", from, to)
				continue
			}
			lt, ok := layer[to]
			if !ok {
				continue // reported as a package of its own
			}
			if lt > lf || (lt == lf && sameLayer[lf]) {
				continue
			}
			if why, ok := exceptions[[2]string{from, to}]; ok {
				used[[2]string{from, to}] = true
				t.Logf("allowed until %s: %s imports %s", why, from, to)
				continue
			}
			t.Errorf("%s (layer %d) imports %s (layer %d): imports point down the package map (CONTRIBUTING.md)", from, lf, to, lt)
		}
		if !uiPackages[from] {
			for _, d := range p.Deps {
				for _, lib := range uiLibraries {
					if d == lib || strings.HasPrefix(d, lib+"/") {
						t.Errorf("%s depends on the terminal UI library %s: only %v may", from, d, keys(uiPackages))
					}
				}
			}
		}
	}
	for e, why := range exceptions {
		if !used[e] {
			t.Errorf("the exception %s -> %s (%s) is no longer needed: remove it", e[0], e[1], why)
		}
	}
}

// The map in CONTRIBUTING.md names every package the test knows.
func TestContributingShowsThePackageMap(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(root(t), "CONTRIBUTING.md"))
	if err != nil {
		t.Fatal(err)
	}
	for p := range layer {
		if !strings.Contains(string(b), "`"+p+"/`") {
			t.Errorf("CONTRIBUTING.md's package map does not name %s (as `%s/`)", p, p)
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

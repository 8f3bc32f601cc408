package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

type hook struct {
	ID            string `yaml:"id"`
	Name          string `yaml:"name"`
	Entry         string `yaml:"entry"`
	Language      string `yaml:"language"`
	Files         string `yaml:"files"`
	Exclude       string `yaml:"exclude"`
	PassFilenames *bool  `yaml:"pass_filenames"`
}

func loadHooks(t *testing.T) map[string]hook {
	t.Helper()
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []hook
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	out := map[string]hook{}
	for _, h := range hooks {
		if h.ID == "" || h.Name == "" || h.Entry == "" || h.Language != "golang" || h.Files == "" {
			t.Errorf("hook %+v lacks what pre-commit needs", h)
		}
		out[h.ID] = h
	}
	return out
}

// Each hook runs only when the files it checks change: pre-commit matches
// its files pattern (a Python regular expression; these use the syntax Go
// and Python share) against the paths of the changed files.
func TestHooksRunOnlyForTheirFiles(t *testing.T) {
	hooks := loadHooks(t)
	cases := map[string]struct{ run, skip []string }{
		"bestpractices-lint": {
			[]string{".bestpractices.yaml", "sub/project/.bestpractices.yaml"},
			[]string{".bestpractices.json", "README.md", "x.bestpractices.yaml", ".bestpractices.yaml.example", "i18n/fr.yaml"}},
		"bestpractices-json-in-sync": {
			[]string{".bestpractices.yaml", ".bestpractices.json"},
			[]string{"main.go", ".bestpractices.json.bak"}},
		"bestpractices-i18n": {
			[]string{"i18n/fr.yaml", "i18n/pt-BR.yaml", "tools/i18n/de.yml"},
			// The glossary is no locale file: i18n check refuses it.
			[]string{"i18n/README.md", "i18n/fr.go", "i18n/sub/x.yaml", ".bestpractices.yaml", "i18n/glossary.yaml", "i18n/glossary.fr.yaml"}},
	}
	for id, c := range cases {
		h, ok := hooks[id]
		if !ok {
			t.Errorf("no hook %s", id)
			continue
		}
		re := regexp.MustCompile(h.Files)
		exclude := regexp.MustCompile("^$")
		if h.Exclude != "" {
			exclude = regexp.MustCompile(h.Exclude)
		}
		runs := func(p string) bool { return re.MatchString(p) && !exclude.MatchString(p) }
		for _, p := range c.run {
			if !runs(p) {
				t.Errorf("%s does not run for %s", id, p)
			}
		}
		for _, p := range c.skip {
			if runs(p) {
				t.Errorf("%s runs for %s", id, p)
			}
		}
	}
	if len(hooks) != len(cases) {
		t.Errorf("%d hooks, %d tested", len(hooks), len(cases))
	}
}

// The hooks' commands, run as pre-commit runs them: the entry, then the
// changed files matching the pattern (unless pass_filenames is false).
func TestHookCommandsPassAndFail(t *testing.T) {
	bin := buildBinary(t)
	hooks := loadHooks(t)
	run := func(id, dir string, files ...string) (int, string) {
		t.Helper()
		h := hooks[id]
		args := strings.Fields(h.Entry)[1:]
		if h.PassFilenames == nil || *h.PassFilenames {
			args = append(args, files...)
		}
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "LANG=C")
		out, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), string(out)
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, string(out)
	}
	write := func(dir, name, content string) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	repo := t.TempDir()
	os.MkdirAll(filepath.Join(repo, ".git"), 0o755)
	write(repo, ".bestpractices.yaml", "version: 1\nproject:\n  name: demo\nanswers:\n  floss_license:\n    status: Met\n    justification: Apache-2.0, see LICENSE.\n")
	write(repo, "LICENSE", "Apache License 2.0\n")

	if code, out := run("bestpractices-lint", repo, ".bestpractices.yaml"); code != 0 {
		t.Errorf("lint, clean: %d\n%s", code, out)
	}
	if code, out := run("bestpractices-json-in-sync", repo); code != 1 || !strings.Contains(out, ".bestpractices.json") {
		t.Errorf("json-in-sync, no JSON yet: %d\n%s", code, out)
	}
	if out, err := exec.Command(bin, "export", "--file", filepath.Join(repo, ".bestpractices.yaml"), "-o", filepath.Join(repo, ".bestpractices.json")).CombinedOutput(); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	if code, out := run("bestpractices-json-in-sync", repo); code != 0 {
		t.Errorf("json-in-sync after export: %d\n%s", code, out)
	}

	// A commit that breaks things: a typo in an id, the JSON left behind.
	write(repo, ".bestpractices.yaml", "version: 1\nproject:\n  name: demo\nanswers:\n  floss_licence:\n    status: Met\n")
	if code, out := run("bestpractices-lint", repo, ".bestpractices.yaml"); code != 1 || !strings.Contains(out, ".bestpractices.yaml:5") {
		t.Errorf("lint, unknown id: %d\n%s", code, out)
	}
	if code, _ := run("bestpractices-json-in-sync", repo); code != 1 {
		t.Errorf("json-in-sync, stale JSON: %d", code)
	}
	write(repo, ".bestpractices.yaml", "version: 1\nanswers: {floss_license: {status: Maybe}}\n")
	if code, _ := run("bestpractices-lint", repo, ".bestpractices.yaml"); code != 2 {
		t.Errorf("lint, unreadable: %d", code)
	}

	write(repo, "i18n/de.yaml", "meta:\n  tag: de\n  name: Deutsch\nui:\n  status:\n    met: Erfüllt\n")
	if code, out := run("bestpractices-i18n", repo, "i18n/de.yaml"); code != 0 {
		t.Errorf("i18n, good file: %d\n%s", code, out)
	}
	write(repo, "i18n/de.yaml", "meta:\n  tag: de\nui:\n  cli:\n    check:\n      achieved: \"{{.Levle}} erreicht\"\n")
	if code, out := run("bestpractices-i18n", repo, "i18n/de.yaml"); code != 1 || !strings.Contains(out, "de.yaml:6") {
		t.Errorf("i18n, a placeholder misspelt: %d\n%s", code, out)
	}
}

// Our own answers say CI runs .ci/run on every change, and the Baseline
// answers say how: the workflow must keep doing that, with actions pinned
// to a commit and a token that can only read.
func TestOwnWorkflowRunsCI(t *testing.T) {
	data, err := os.ReadFile("../../.github/workflows/ci.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		On          map[string]any    `yaml:"on"`
		Permissions map[string]string `yaml:"permissions"`
		Jobs        map[string]struct {
			Steps []struct {
				Uses string `yaml:"uses"`
				Run  string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	if _, ok := wf.On["push"]; !ok {
		t.Error("the workflow does not run on push")
	}
	if _, ok := wf.On["pull_request"]; !ok {
		t.Error("the workflow does not run on pull requests")
	}
	if len(wf.Permissions) != 1 || wf.Permissions["contents"] != "read" {
		t.Errorf("permissions %v, want contents: read only", wf.Permissions)
	}
	pinned := regexp.MustCompile(`^[\w.-]+/[\w.-]+@[0-9a-f]{40}$`)
	runsCI, ownAction := false, false
	for _, j := range wf.Jobs {
		for _, s := range j.Steps {
			switch {
			case s.Run == "bash .ci/run":
				runsCI = true
			case s.Uses == "./":
				ownAction = true
			case s.Uses != "" && !pinned.MatchString(s.Uses):
				t.Errorf("%s is not pinned to a commit", s.Uses)
			}
		}
	}
	if !runsCI || !ownAction {
		t.Errorf("the workflow runs .ci/run: %v, our own Action: %v", runsCI, ownAction)
	}
}

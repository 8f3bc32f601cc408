package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/internal/secinsights"
)

// fixtureRepo copies a realistic repository (answers file, license, CI
// configuration) from internal/secinsights/testdata/repos into a temporary
// directory of its own, so that its files, not ours, are what detect sees.
func fixtureRepo(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join("..", "secinsights", "testdata", "repos", name)
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func validFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	d, err := secinsights.Parse(b)
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	if ps := secinsights.Validate(d); len(ps) > 0 {
		t.Fatalf("%s does not follow the schema: %v\n%s", p, ps, b)
	}
	return string(b)
}

// The three realistic answer sets give files that follow the schema, with
// what each says: all Met, mostly Unmet (a project that has stopped),
// Baseline only.
func TestExportInsightsFixtures(t *testing.T) {
	cases := map[string][]string{
		"all-met": {"  status: active\n", "    bug-bounty-program: https://hackerone.com/example-org\n", "expression: Apache-2.0",
			"    - name: Dependabot\n", "    - name: CodeQL\n", "        type: secret\n", "url: https://raw.githubusercontent.com/example-org/widget/main/security-insights.yml"},
		"mostly-unmet":  {"  status: inactive\n", "    reports-accepted: false\n", "  accepts-change-request: false\n", "expression: MIT", "comment: No self-assessment is listed yet."},
		"baseline-only": {"    reports-accepted: true\n", "expression: Apache-2.0 OR MIT", "    - name: Semgrep\n", "          release: true\n", "https://codeberg.org/example-org/widget-lib/raw/branch/main/security-insights.yml"},
	}
	for name, wants := range cases {
		dir := fixtureRepo(t, name)
		_, errOut, code := run(t, dir, "export", "--format", "security-insights", "-o", "security-insights.yml")
		if code != ExitOK {
			t.Fatalf("%s: code %d\n%s", name, code, errOut)
		}
		got := validFile(t, filepath.Join(dir, "security-insights.yml"))
		for _, w := range wants {
			if !strings.Contains(got, w) {
				t.Errorf("%s: lacks %q:\n%s", name, w, got)
			}
		}
		// Committed, it is in step; --check says so.
		if out, _, code := run(t, dir, "export", "--format", "security-insights", "--check"); code != ExitOK {
			t.Errorf("%s: --check right after export: %d\n%s", name, code, out)
		}
	}
}

const insightsAnswers = `version: 1
project:
  name: demo
  url: https://github.com/demo/demo
  maintainers:
    - name: Jo Lee
      email: jo@demo.example.org
      admin: true
  bug_bounty: false
  accepts_automated_change_requests: false
answers:
  maintained:
    status: Met
    justification: Weekly commits.
  contribution:
    status: Met
    justification: https://github.com/demo/demo/blob/main/CONTRIBUTING.md
  vulnerability_report_process:
    status: Met
    justification: https://github.com/demo/demo/blob/main/SECURITY.md
  license_location:
    status: Met
    justification: https://github.com/demo/demo/blob/main/LICENSE
`

func TestExportInsightsUpdateAndCheck(t *testing.T) {
	dir := writeAnswers(t, insightsAnswers+"  floss_license:\n    status: Met\n")
	siteWrite(t, filepath.Join(dir, "LICENSE"), "SPDX-License-Identifier: MIT\n")
	p := filepath.Join(dir, ".github", "security-insights.yml")
	os.MkdirAll(filepath.Dir(p), 0o755)
	// A file the maintainer wrote, with a contact and comments of their own.
	siteWrite(t, p, "# ours\nheader:\n  schema-version: 2.2.0\n  last-updated: '2025-01-01'\n  last-reviewed: '2025-01-01'\n  url: https://demo.example.org/si.yml\nproject:\n  vulnerability-reporting:\n    contact:   # the rota\n      name: Demo security\n      email: security@demo.example.org\n      primary: true\n")
	_, errOut, code := run(t, dir, "export", "--format", "security-insights", "-o", ".github/security-insights.yml")
	if code != ExitOK {
		t.Fatalf("code %d\n%s", code, errOut)
	}
	got := validFile(t, p)
	for _, w := range []string{"# ours\n", "    contact:   # the rota\n", "  url: https://demo.example.org/si.yml\n", "  last-reviewed: '2025-01-01'\n", "expression: MIT"} {
		if !strings.Contains(got, w) {
			t.Errorf("lacks %q:\n%s", w, got)
		}
	}
	if !strings.Contains(errOut, "Wrote .github/security-insights.yml") || !strings.Contains(errOut, "repository.status: active (new)") {
		t.Errorf("report:\n%s", errOut)
	}
	// --check finds the file in .github/ by itself.
	out, _, code := run(t, dir, "export", "--format", "security-insights", "--check")
	if code != ExitOK || !strings.Contains(out, ".github/security-insights.yml says what .bestpractices.yaml says") {
		t.Errorf("check in step: %d\n%s", code, out)
	}
	// The answers change: --check fails, naming the field.
	siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), strings.Replace(insightsAnswers, "  maintained:\n    status: Met", "  maintained:\n    status: Unmet", 1)+"  floss_license:\n    status: Met\n")
	siteWrite(t, filepath.Join(dir, ".bestpractices.yaml"), strings.Replace(string(must(os.ReadFile(filepath.Join(dir, ".bestpractices.yaml")))), "  bug_bounty: false", "  bug_bounty: false\n  status: unsupported", 1))
	out, _, code = run(t, dir, "export", "--format", "security-insights", "--check")
	if code != ExitNotMet || !strings.Contains(out, "repository.status: unsupported (was active)") {
		t.Errorf("check out of step: %d\n%s", code, out)
	}
	// Export again: only that line and the date change.
	before := got
	if _, errOut, code = run(t, dir, "export", "--format", "security-insights", "-o", ".github/security-insights.yml"); code != ExitOK {
		t.Fatalf("update: %d %s", code, errOut)
	}
	after := validFile(t, p)
	// (The date changes unless the first export was today.)
	if d := lineDiff(before, after); d < 1 || d > 2 || !strings.Contains(after, "  status: unsupported\n") {
		t.Errorf("%d lines changed, want the status and the date:\n%s", d, after)
	}
	// Nothing to change: the file is left alone.
	_, errOut, _ = run(t, dir, "export", "--format", "security-insights", "-o", ".github/security-insights.yml")
	if !strings.Contains(errOut, "already says what") || validFile(t, p) != after {
		t.Errorf("unchanged export: %s", errOut)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func lineDiff(a, b string) int {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	n := 0
	for i := range al {
		if i >= len(bl) || al[i] != bl[i] {
			n++
		}
	}
	return n + max(0, len(bl)-len(al))
}

// Missing values: the command says which project keys to add, exits 2 and
// writes nothing.
func TestExportInsightsNeeds(t *testing.T) {
	dir := writeAnswers(t, "version: 1\nproject:\n  name: demo\n  url: https://github.com/demo/demo\nanswers:\n")
	_, errOut, code := run(t, dir, "export", "--format", "security-insights", "-o", "security-insights.yml")
	if code != ExitBadInput {
		t.Fatalf("code %d", code)
	}
	for _, w := range []string{"project.administrators: add project.maintainers", "bug-bounty-available: add project.bug_bounty",
		"repository.status: add project.status or answer maintained", "Nothing was written"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("lacks %q:\n%s", w, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "security-insights.yml")); !os.IsNotExist(err) {
		t.Error("a file was written")
	}
	// In French too.
	_, errOut, _ = run(t, dir, "--lang", "fr", "export", "--format", "security-insights")
	if !strings.Contains(errOut, "ajoutez project.maintainers") {
		t.Errorf("French:\n%s", errOut)
	}
}

// Files the export must not write into, and files it must not trust.
func TestExportInsightsRefuses(t *testing.T) {
	dir := writeAnswers(t, insightsAnswers)
	cases := []struct {
		name, content, want string
	}{
		{"first version", "header:\n  schema-version: '1.0.0'\nproject-lifecycle:\n  status: active\n", "follows Security Insights 1.0.0"},
		{"anchors", "header: &h\n  schema-version: 2.2.0\ncopy: *h\n", "security-insights.yml:1: YAML anchors and aliases are not accepted"},
		{"second document", "header:\n  schema-version: 2.2.0\n---\nx: 1\n", "security-insights.yml:3: a second YAML document"},
		{"older draft, invalid under 2.2.0", string(must(os.ReadFile("../secinsights/testdata/real/v20-drafty.yml"))), "security-insights.yml:35: repository.security.assessments.self is not laid out as the schema has it"},
		{"a list where a mapping goes", "header:\n  schema-version: 2.2.0\nrepository:\n  license: [MIT]\n", "security-insights.yml:4: repository.license is not laid out as the schema has it"},
	}
	for _, c := range cases {
		p := filepath.Join(dir, "security-insights.yml")
		siteWrite(t, p, c.content)
		_, errOut, code := run(t, dir, "export", "--format", "security-insights", "-o", "security-insights.yml")
		if code != ExitBadInput || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: code %d\n%s", c.name, code, errOut)
		}
		if siteRead(t, p) != c.content {
			t.Errorf("%s: the file was changed", c.name)
		}
	}
	// A directory.
	os.Remove(filepath.Join(dir, "security-insights.yml"))
	os.Mkdir(filepath.Join(dir, "security-insights.yml"), 0o755)
	if _, errOut, code := run(t, dir, "export", "--format", "security-insights", "-o", "security-insights.yml"); code != ExitBadInput || !strings.Contains(errOut, "not a regular file") {
		t.Errorf("directory: %d %s", code, errOut)
	}
	// The answers file (or a link to it) as -o: said so first, not a list
	// of fields to add to it and then "version is not a field".
	os.Symlink(".bestpractices.yaml", filepath.Join(dir, "answers-link.yml"))
	for _, o := range []string{".bestpractices.yaml", "answers-link.yml"} {
		before := siteRead(t, filepath.Join(dir, ".bestpractices.yaml"))
		_, errOut, code := run(t, dir, "export", "--format", "security-insights", "-o", o)
		if code != ExitBadInput || !strings.Contains(errOut, o+" is your answers file") || strings.Contains(errOut, "add project.") {
			t.Errorf("-o %s: code %d\n%s", o, code, errOut)
		}
		if siteRead(t, filepath.Join(dir, ".bestpractices.yaml")) != before {
			t.Errorf("-o %s: the answers file was changed", o)
		}
	}
	// --check goes with security-insights only.
	if _, errOut, code := run(t, dir, "export", "--check"); code != ExitBadInput || !strings.Contains(errOut, "--json-in-sync") {
		t.Errorf("--check with json: %d %s", code, errOut)
	}
	// No file to check: 1, with what to do.
	dir = writeAnswers(t, insightsAnswers)
	if out, _, code := run(t, dir, "export", "--format", "security-insights", "--check"); code != ExitNotMet || !strings.Contains(out, "does not exist") {
		t.Errorf("check without a file: %d %s", code, out)
	}
}

// A symbolic link to a file is written through, the link kept.
func TestExportInsightsThroughLink(t *testing.T) {
	dir := writeAnswers(t, insightsAnswers)
	siteWrite(t, filepath.Join(dir, "LICENSE"), "SPDX-License-Identifier: MIT\n")
	os.MkdirAll(filepath.Join(dir, "meta"), 0o755)
	real := filepath.Join(dir, "meta", "si.yml")
	siteWrite(t, real, "# linked\nheader:\n  schema-version: 2.2.0\n")
	if err := os.Symlink(filepath.Join("meta", "si.yml"), filepath.Join(dir, "security-insights.yml")); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	if _, errOut, code := run(t, dir, "export", "--format", "security-insights", "-o", "security-insights.yml"); code != ExitOK {
		t.Fatalf("%d %s", code, errOut)
	}
	if fi, err := os.Lstat(filepath.Join(dir, "security-insights.yml")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if got := validFile(t, real); !strings.HasPrefix(got, "# linked\n") {
		t.Errorf("target:\n%s", got)
	}
	// A link to nowhere is not followed into a new file.
	os.Remove(real)
	if _, _, code := run(t, dir, "export", "--format", "security-insights", "-o", "security-insights.yml"); code != ExitBadInput {
		t.Errorf("dangling link: %d", code)
	}
}

// Standard output gets a whole new file, and the project's own answers
// give a valid one (CI also checks it with the CUE tool).
func TestExportInsightsOwnAnswers(t *testing.T) {
	out, errOut, code := run(t, filepath.Join("..", ".."), "export", "--format", "security-insights")
	if code != ExitOK {
		t.Fatalf("our own answers: %d\n%s", code, errOut)
	}
	d, err := secinsights.Parse([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	if ps := secinsights.Validate(d); len(ps) > 0 {
		t.Errorf("%v\n%s", ps, out)
	}
}

package secinsights

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/upstream"
	"github.com/bestpractices/bestpractices/model"
)

// spec reads a file of the specification (../shared), skipping without it.
func spec(t *testing.T, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(upstream.Dir(), "security-insights", rel))
	if os.IsNotExist(err) {
		t.Skipf("skipping: %s not found (the specification sits in ../shared only in CI and the team's workspaces)", rel)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func real(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "real", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustParse(t *testing.T, src []byte) *Doc {
	t.Helper()
	d, err := Parse(src)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return d
}

var examples = []string{"example-full.yml", "example-minimum.yml", "example-multi-repository-project.yml", "example-multi-repository-project-reuse.yml"}

// The specification's own examples follow the schema: our check agrees
// with the CUE tool on them.
func TestSpecExamplesValid(t *testing.T) {
	for _, ex := range examples {
		d := mustParse(t, spec(t, "examples/"+ex))
		if ps := Validate(d); len(ps) > 0 {
			t.Errorf("%s: %d problems, first %s: %s", ex, len(ps), ps[0].Path, ps[0].Msg)
		}
	}
}

// Each way of breaking a file is caught at its field and line, as the CUE
// tool catches it (each case was checked with cue vet).
func TestValidateCatches(t *testing.T) {
	base := string(spec(t, "examples/example-minimum.yml"))
	cases := []struct {
		name, old, new, path string
		line                 int
		missing              bool
	}{
		{"required field gone", "    bug-bounty-available: true\n", "", "project.vulnerability-reporting.bug-bounty-available", 26, true},
		{"unknown field (closed schema)", "  status: active\n", "  status: active\n  colour: blue\n", "repository.colour", 32, false},
		{"yes is text, not a boolean", "reports-accepted: true", "reports-accepted: yes", "project.vulnerability-reporting.reports-accepted", 26, false},
		{"status outside the enumeration", "status: active", "status: archived", "repository.status", 31, false},
		{"a date that is no date", "last-updated: '2025-03-01'", "last-updated: '2025-04-XX'", "header.last-updated", 3, false},
		{"an empty date", "last-reviewed: '2025-04-01'", "last-reviewed: ''", "header.last-reviewed", 4, false},
		{"a number where text goes", "expression: MIT", "expression: 2.0", "repository.license.expression", 42, false},
		{"an address without scheme", "url: https://example.com/foobar/foo\n  status", "url: example.com/foobar/foo\n  status", "repository.url", 30, false},
		{"an e-mail address without domain", "alicewhite@email.com", "alice", "repository.core-team[0].email", 37, false},
		{"an empty required list", "  core-team:\n    - name:        Alice White\n      affiliation: Foo Bar\n      email:       alicewhite@email.com\n      social:      https://social.example.com/alicewhite\n      primary:     true\n", "  core-team: []\n", "repository.core-team", 34, false},
		{"an empty optional value", "  name: FooBar\n", "  name: FooBar\n  homepage:\n", "project.homepage", 14, false},
	}
	for _, c := range cases {
		if !strings.Contains(base, c.old) {
			t.Fatalf("%s: the example no longer has %q", c.name, c.old)
		}
		d := mustParse(t, []byte(strings.Replace(base, c.old, c.new, 1)))
		ps := Validate(d)
		found := false
		for _, p := range ps {
			if p.Path == c.path {
				found = true
				if p.Line != c.line || p.Missing != c.missing {
					t.Errorf("%s: %s at line %d missing=%v, want line %d missing=%v", c.name, p.Path, p.Line, p.Missing, c.line, c.missing)
				}
			}
		}
		if !found {
			t.Errorf("%s: no problem at %s; got %v", c.name, c.path, ps)
		}
	}
}

// Files other people wrote, as they really are: drafts that do not follow
// the schema are caught where they go wrong.
func TestValidateRealFiles(t *testing.T) {
	if ps := Validate(mustParse(t, real(t, "v22-commented.yml"))); len(ps) > 0 {
		t.Errorf("v22-commented.yml: %v", ps)
	}
	want := map[string]int{
		"header.last-updated": 4, "header.last-reviewed": 5,
		"project.vulnerability-reporting.contact": 19, "repository.security.assessments.self": 35,
	}
	ps := Validate(mustParse(t, real(t, "v20-drafty.yml")))
	got := map[string]int{}
	for _, p := range ps {
		got[p.Path] = p.Line
	}
	for path, line := range want {
		if got[path] != line {
			t.Errorf("v20-drafty.yml: %s at line %d, want %d (all: %v)", path, got[path], line, ps)
		}
	}
	// The second core-team entry has no primary flag.
	if _, ok := got["repository.core-team[1].primary"]; !ok {
		t.Errorf("v20-drafty.yml: the entry without primary is not caught: %v", ps)
	}
	// Version 2.1's vulnerability-reporting.security-policy is policy in 2.2.
	ps = Validate(mustParse(t, real(t, "v21-older.yml")))
	if len(ps) != 1 || ps[0].Path != "project.vulnerability-reporting.security-policy" || ps[0].Line != 21 {
		t.Errorf("v21-older.yml: %v", ps)
	}
}

// Hostile or broken files are refused with the line and the reason, never
// read half-way.
func TestParseRefuses(t *testing.T) {
	cases := []struct {
		name, src, key string
		line           int
	}{
		{"anchor and alias", "header:\n  url: &u https://x.org\nproject:\n  homepage: *u\n", "read.anchor", 2},
		{"billion laughs", "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "read.anchor", 1},
		{"merge key", "base: &b {x: 1}\nheader:\n  <<: *b\n", "read.anchor", 1},
		{"second document", "header:\n  url: https://a.org\n---\nheader:\n  url: https://evil.org\n", "read.second_document", 3},
		{"custom tag", "header:\n  url: !evil https://x.org\n", "read.tag", 2},
		{"binary tag", "header:\n  comment: !!binary aGVsbG8=\n", "read.tag", 2},
		{"duplicate key", "header:\n  url: https://a.org\n  url: https://b.org\n", "read.duplicate", 3},
		{"not UTF-8", "header:\n  comment: caf\xe9\n", "read.not_utf8", 2},
		{"a list, not a mapping", "- header\n- project\n", "read.not_mapping", 1},
		{"bad YAML", "header:\n  url: [unclosed\n", "read.bad_yaml", 0},
		{"complex key", "? [a, b]\n: c\n", "read.complex_key", 1},
		{"too large", "header:\n  comment: " + strings.Repeat("x", MaxSize) + "\n", "read.too_large", 0},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.src))
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: err = %v, want a ParseError", c.name, err)
			continue
		}
		if pe.Msg.Key != "ui.secins."+c.key || (c.line > 0 && pe.Line != c.line) {
			t.Errorf("%s: %s at line %d, want %s at line %d", c.name, pe.Msg.Key, pe.Line, c.key, c.line)
		}
	}
	// An empty file, or only comments, is an empty file: no root.
	for _, src := range []string{"", "# nothing yet\n", "---\n"} {
		if d, err := Parse([]byte(src)); err != nil || d.Root != nil {
			t.Errorf("%q: %v, %v", src, d, err)
		}
	}
	// A real file whose author wrote "github: @x" as a value: YAML refuses it.
	_, err := Parse(real(t, "v20-bad-yaml.yml"))
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 11 || pe.Msg.Key != "ui.secins.read.bad_yaml" {
		t.Errorf("v20-bad-yaml.yml: %v", err)
	}
}

// demo is a realistic set of inputs: a GitHub project with two maintainers.
func demo() Input {
	yes := true
	return Input{
		Project: model.Project{Name: "Gizmo", URL: "https://github.com/gizmo-org/gizmo"},
		Insights: model.Insights{
			Maintainers: []model.Person{{Name: "Rosa Park", Email: "rosa@gizmo.example.org", Admin: true}, {Name: "Omar Haddad", Social: "https://github.com/ohaddad"}},
			BugBounty:   "false", AcceptsAutomatedChangeRequests: &yes,
		},
		Answers: model.Answers{
			"vulnerability_report_process": {Status: model.Met, Justification: "SECURITY.md: https://github.com/gizmo-org/gizmo/blob/main/SECURITY.md."},
			"maintained":                   {Status: model.Met, Justification: "Commits every week."},
			"contribution":                 {Status: model.Met, Justification: "See https://github.com/gizmo-org/gizmo/blob/main/CONTRIBUTING.md"},
			"release_notes":                {Status: model.Met, Justification: "https://github.com/gizmo-org/gizmo/blob/main/CHANGELOG.md"},
		},
		Facts: Facts{Site: evidence.Site{Web: "https://github.com/gizmo-org/gizmo", Branch: "main", Forge: evidence.GitHub},
			License: "Apache-2.0", Files: map[string]Location{FileLicense: {Path: "LICENSE"}},
			Tools: []Tool{{Name: "CodeQL", Type: "SAST", CI: true, Path: ".github/workflows/codeql.yml", Line: 9}}},
		Path: FileName,
		Now:  time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC),
	}
}

func build(t *testing.T, in Input) []Assignment {
	t.Helper()
	as, bad := Build(in)
	if len(bad) > 0 {
		t.Fatalf("input problems: %v", bad)
	}
	return as
}

func merge(t *testing.T, src []byte, in Input) ([]byte, []Change) {
	t.Helper()
	out, ch, err := Merge(src, build(t, in))
	if err != nil {
		t.Fatalf("merge: %v", err)
	}
	return out, ch
}

// A new file follows the schema, and a second export of the same answers
// changes nothing, byte for byte.
func TestNewFileValidAndStable(t *testing.T) {
	out, _ := merge(t, nil, demo())
	if ps := Validate(mustParse(t, out)); len(ps) > 0 {
		t.Fatalf("new file: %v\n%s", ps, out)
	}
	for _, want := range []string{
		"url: https://raw.githubusercontent.com/gizmo-org/gizmo/main/security-insights.yml",
		"    policy: https://github.com/gizmo-org/gizmo/blob/main/SECURITY.md\n",
		"  status: active\n", "expression: Apache-2.0", "    - name: CodeQL\n",
		"comment: " + selfAssessmentNone,
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("new file lacks %q:\n%s", want, out)
		}
	}
	// The release block needs distribution points we cannot know: no
	// change log without one.
	if strings.Contains(string(out), "  release:\n") {
		t.Errorf("a release block was invented:\n%s", out)
	}
	later := demo()
	later.Now = later.Now.AddDate(0, 2, 0)
	again, ch := merge(t, out, later)
	if string(again) != string(out) || len(ch) > 0 {
		t.Errorf("second export changed %v:\n%s", ch, again)
	}
}

// Writing into a file other people wrote: the fields we own change, in
// place; the rest, comments, alignment and blank lines, stay byte for byte.
func TestMergeKeepsEverythingElse(t *testing.T) {
	src := real(t, "v22-commented.yml")
	in := demo()
	in.Answers["maintained"] = model.Answer{Status: model.Unmet}
	in.Insights.Status = "inactive"
	in.Insights.Maintainers = nil // core team and administrators: theirs
	out, ch := merge(t, src, in)
	if ps := Validate(mustParse(t, out)); len(ps) > 0 {
		t.Fatalf("result: %v\n%s", ps, out)
	}
	// The status changes in place, its comment kept.
	if !strings.Contains(string(out), "  status: inactive   # reviewed every quarter\n") {
		t.Errorf("status not changed in place:\n%s", out)
	}
	// Their repository entry has our URL with a slash: no second entry.
	if strings.Count(string(out), "https://github.com/gizmo-org/gizmo/\n") != 1 || strings.Contains(string(out), "Source repository of") {
		t.Errorf("repository entry duplicated:\n%s", out)
	}
	// Their tool named codeql is ours named CodeQL: kept as they wrote it.
	if strings.Count(strings.ToLower(string(out)), "name: codeql") != 1 {
		t.Errorf("tool duplicated:\n%s", out)
	}
	// The change log goes into their release block.
	if !strings.Contains(string(out), "    changelog: https://github.com/gizmo-org/gizmo/blob/main/CHANGELOG.md\n") {
		t.Errorf("changelog not updated:\n%s", out)
	}
	// Every line we did not change is there, in order.
	changed := map[string]bool{}
	for _, c := range ch {
		changed[c.Path] = true
	}
	for _, want := range []string{"header.last-updated", "repository.status", "repository.release.changelog", "repository.documentation.contributing-guide"} {
		if !changed[want] {
			t.Errorf("change %s not reported: %v", want, ch)
		}
	}
	oldLines, newLines := strings.Split(string(src), "\n"), strings.Split(string(out), "\n")
	j := 0
	kept := 0
	for _, l := range oldLines {
		k := j
		for k < len(newLines) && newLines[k] != l {
			k++
		}
		if k < len(newLines) {
			kept++
			j = k + 1
		}
	}
	if lost := len(oldLines) - kept; lost > 3 { // last-updated, status, changelog
		t.Errorf("%d lines of the old file are gone:\n%s", lost, out)
	}
	if !strings.HasPrefix(string(out), "# Copyright the Gizmo authors.\n# SPDX-License-Identifier: Apache-2.0\n\nheader:\n") {
		t.Errorf("the file's head changed:\n%s", out)
	}
}

// Merging into every example of the specification keeps it valid, and a
// second merge changes nothing.
func TestMergeIntoSpecExamples(t *testing.T) {
	for _, ex := range []string{"example-full.yml", "example-minimum.yml"} {
		src := spec(t, "examples/"+ex)
		out, _ := merge(t, src, demo())
		if ps := Validate(mustParse(t, out)); len(ps) > 0 {
			t.Errorf("%s: %v", ex, ps)
		}
		again, ch := merge(t, out, demo())
		if string(again) != string(out) || len(ch) > 0 {
			t.Errorf("%s: second merge changed %v", ex, ch)
		}
	}
}

func TestMergeShapes(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string // in the result
		keep      []string // lines that must stay as they are
	}{
		{
			name: "flow mapping rewritten in block style",
			src:  "header:\n  schema-version: 2.2.0\nrepository:\n  license: {url: https://x.org/L, expression: MIT}\n",
			want: []string{"  license:\n    url: https://github.com/gizmo-org/gizmo/blob/main/LICENSE\n    expression: Apache-2.0\n"},
		},
		{
			name: "four-space indentation is followed",
			src:  "header:\n    schema-version: 2.2.0\nrepository:\n    url: https://github.com/gizmo-org/gizmo\n",
			want: []string{"    status: active\n", "    license:\n        url: https://github.com/gizmo-org/gizmo/blob/main/LICENSE\n"},
		},
		{
			name: "CR LF line ends stay CR LF",
			src:  "header:\r\n  schema-version: 2.2.0\r\n# theirs\r\nrepository:\r\n  status: WIP\r\n",
			want: []string{"  status: active\r\n", "# theirs\r\n", "  core-team:\r\n    - name: Rosa Park\r\n"},
		},
		{
			name: "a quoted value with a comment is replaced in place",
			src:  "header:\n  schema-version: \"2.0.0\" # upgraded by hand\n",
			want: []string{"  schema-version: 2.2.0 # upgraded by hand\n"},
		},
		{
			name: "an empty project block is filled in",
			src:  "header:\n  schema-version: 2.2.0\nproject:\n# to do\nrepository:\n",
			want: []string{"project:\n  name: Gizmo\n"},
			keep: []string{"# to do"},
		},
		{
			name: "their header url and review date stay",
			src:  "header:\n  schema-version: 2.2.0\n  last-reviewed: '2020-01-01'\n  url: https://gizmo.example.org/si.yml\n",
			keep: []string{"  last-reviewed: '2020-01-01'", "  url: https://gizmo.example.org/si.yml"},
		},
	}
	for _, c := range cases {
		out, err := mergeErr(c.src)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: lacks %q:\n%s", c.name, w, out)
			}
		}
		for _, k := range c.keep {
			if !strings.Contains(out, k+"\n") {
				t.Errorf("%s: lost %q:\n%s", c.name, k, out)
			}
		}
		if ps := Validate(mustParse(t, []byte(out))); len(ps) > 0 {
			t.Errorf("%s: result invalid: %v\n%s", c.name, ps, out)
		}
	}
}

func mergeErr(src string) (string, error) {
	as, _ := Build(demo())
	out, _, err := Merge([]byte(src), as)
	return string(out), err
}

// What cannot be written without losing something is refused: nothing to
// write, and the reason.
func TestMergeRefuses(t *testing.T) {
	// A comment inside a list the answers own would be lost.
	_, err := mergeErr("header:\n  schema-version: 2.2.0\nrepository:\n  core-team:\n    # the founder\n    - name: Someone Else\n      primary: true\n")
	var pe *ProofError
	if !errors.As(err, &pe) || pe.Msg.Key != "ui.secins.write.proof_comment" || !strings.Contains(pe.Msg.String(), "the founder") {
		t.Errorf("comment in an owned list: %v", err)
	}
	// A field where the schema has a mapping holds a list.
	_, err = mergeErr("header:\n  schema-version: 2.2.0\nrepository:\n  license:\n    - MIT\n")
	var ce *ConflictError
	if !errors.As(err, &ce) || ce.Path != "repository.license" || ce.Line != 5 {
		t.Errorf("list for a mapping: %v", err)
	}
	_, err = mergeErr("{header: {schema-version: 2.2.0}}\n")
	if !errors.As(err, &ce) || ce.Path != "" {
		t.Errorf("flow document: %v", err)
	}
}

// The proof catches a splice gone wrong: a changed field we do not own.
func TestProofCatchesCollateralChange(t *testing.T) {
	old := []byte("header:\n  schema-version: 2.0.0\n  comment: theirs\n")
	a := Assignment{Path: ParsePath("header.schema-version"), Value: str(SchemaVersion), Mode: Own}
	bad := []byte("header:\n  schema-version: 2.2.0\n  comment: changed\n")
	err := prove(old, bad, []applied{{a: a, existed: true}})
	var pe *ProofError
	if !errors.As(err, &pe) || pe.Msg.Key != "ui.secins.write.proof_other" {
		t.Errorf("collateral change: %v", err)
	}
	lost := []byte("header:\n  schema-version: 2.2.0\n  comment: theirs\n")
	if err := prove([]byte("# keep me\n"+string(old)), lost, []applied{{a: a, existed: true}}); !errors.As(err, &pe) || pe.Msg.Key != "ui.secins.write.proof_comment" {
		t.Errorf("lost comment: %v", err)
	}
	wrong := []byte("header:\n  schema-version: 2.1.0\n  comment: theirs\n")
	if err := prove(old, wrong, []applied{{a: a, existed: true}}); !errors.As(err, &pe) || pe.Msg.Key != "ui.secins.write.proof_field" {
		t.Errorf("wrong value: %v", err)
	}
}

// Values of the answers file the schema would refuse are named with their
// line, before anything is written.
func TestBuildInputProblems(t *testing.T) {
	in := demo()
	in.Insights.Maintainers[0].Email = "rosa at example"
	in.Insights.Maintainers[0].Line = 7
	in.Insights.BugBounty = "ask us"
	in.Insights.Status = "archived"
	in.Insights.Homepage = "gizmo.example.org"
	in.Insights.Lines = map[string]int{"bug_bounty": 12, "status": 13, "homepage": 14}
	_, bad := Build(in)
	got := map[string]int{}
	for _, b := range bad {
		got[b.Msg.Key] = b.Line
	}
	want := map[string]int{"ui.secins.input.email": 7, "ui.secins.input.bug_bounty": 12, "ui.secins.input.status": 13, "ui.secins.input.not_url": 14}
	for k, l := range want {
		if got[k] != l {
			t.Errorf("%s at line %d, want %d (all %v)", k, got[k], l, bad)
		}
	}
}

// What the schema requires and nothing gives is named with what to add.
func TestNeeds(t *testing.T) {
	in := demo()
	in.Insights = model.Insights{}
	in.Answers = model.Answers{}
	in.Facts = Facts{}
	in.Project.URL = ""
	out, _ := merge(t, nil, in)
	got := map[string]bool{}
	for _, n := range Needs(Validate(mustParse(t, out))) {
		got[n.Field] = true
	}
	for _, f := range []string{"header.url", "project.administrators", "project.repositories", "project.vulnerability-reporting.reports-accepted",
		"project.vulnerability-reporting.bug-bounty-available", "repository.url", "repository.status", "repository.accepts-change-request",
		"repository.accepts-automated-change-request", "repository.core-team", "repository.license.url", "repository.license.expression"} {
		if !got[f] {
			t.Errorf("need %s not reported; got %v", f, got)
		}
	}
}

func TestRawURL(t *testing.T) {
	cases := map[string]string{
		"https://github.com/o/r":         "https://raw.githubusercontent.com/o/r/main/.github/security-insights.yml",
		"https://gitlab.com/g/sub/r":     "https://gitlab.com/g/sub/r/-/raw/main/.github/security-insights.yml",
		"https://codeberg.org/o/r":       "https://codeberg.org/o/r/raw/branch/main/.github/security-insights.yml",
		"https://bitbucket.org/o/r":      "https://bitbucket.org/o/r/raw/main/.github/security-insights.yml",
		"https://git.sr.ht/~u/r":         "https://git.sr.ht/~u/r/blob/main/.github/security-insights.yml",
		"https://github.example.com/o/r": "https://github.example.com/o/r/raw/main/.github/security-insights.yml",
		"https://example.org/cgit/r":     "",
	}
	for web, want := range cases {
		s := evidence.Site{Web: web, Branch: "main", Forge: evidence.ForgeOf(web)}
		if got := rawURL(s, ".github/security-insights.yml"); got != want {
			t.Errorf("%s: %q, want %q", web, got, want)
		}
	}
}

func TestFirstURL(t *testing.T) {
	cases := map[string]string{
		"See https://x.org/SECURITY.md.":              "https://x.org/SECURITY.md",
		"(https://x.org/a), then https://y.org":       "https://x.org/a",
		"<https://x.org/a>":                           "https://x.org/a",
		"no address here":                             "",
		"http:// nothing":                             "",
		"`https://x.org/code` and more":               "https://x.org/code",
		"https://x.org/a#L12;":                        "https://x.org/a#L12",
		"ftp://x.org/a https://y.org/b":               "https://y.org/b",
		"https://x.org/\u202eevil":                    "",
		"Met: [docs](https://x.org/docs/quickstart).": "https://x.org/docs/quickstart",
	}
	for in, want := range cases {
		if got := FirstURL(in); got != want {
			t.Errorf("FirstURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// Merging into a real-sized file: about thirty splices, each followed by
// a parse, then the proof.
func BenchmarkMerge(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("testdata", "real", "v22-commented.yml"))
	if err != nil {
		b.Fatal(err)
	}
	as, _ := Build(demo())
	for i := 0; i < b.N; i++ {
		if _, _, err := Merge(src, as); err != nil {
			b.Fatal(err)
		}
	}
}

package detect

import (
	"strings"
	"testing"
)

// The section reader takes any document a repository holds: headings in
// every syntax, fences left open, underlines without text.
func FuzzSections(f *testing.F) {
	for _, s := range []string{
		"# Title\n\nText.\n\n## Reporting bugs\n\nOpen an issue.\n",
		"Title\n=====\n\nSub\n---\n\n```\n# not\n```\n",
		"== AsciiDoc\n\n<h2 align=\"center\">HTML</h2>\n",
		"```\nunclosed fence\n# heading?\n",
		"---\n---\n===\n",
		"#\n##\n###### \n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		tx := &text{rel: "README.md", lines: strings.Split(doc, "\n")}
		secs := sections(tx)
		for _, s := range secs {
			if s.line < 1 || s.line > len(tx.lines) || s.end < s.line-1 || s.end > len(tx.lines) || s.title == "" {
				t.Fatalf("bad section %+v of %d lines", s, len(tx.lines))
			}
			tx.words(s)
			tx.findIn(s, wordPattern)
		}
		for i := range tx.lines {
			isHeadingLine(tx, i)
		}
	})
}

// Workflows are YAML anyone can commit: anchors, aliases, odd shapes.
func FuzzWorkflow(f *testing.F) {
	for _, s := range []string{
		"on: [push, pull_request]\npermissions:\n  contents: read\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"${{ github.event.issue.title }}\"\n",
		"on:\n  workflow_dispatch:\n    inputs:\n      x: {type: string}\njobs:\n  a: &j\n    permissions: write-all\n    steps: [{run: \"${{ inputs.x }}\"}]\n  b: *j\n",
		"on: pull_request_target\njobs:\n  b:\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n",
		"jobs: [1, 2]\non: {}\n",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		w := parseWorkflow(".github/workflows/x.yml", src)
		if w == nil {
			return
		}
		w.onChanges()
		for _, j := range w.jobs {
			if j.perms != nil {
				j.perms.writes()
			}
			for _, st := range j.steps {
				untrusted.FindString(st.script)
				collaboratorInput.FindString(st.script)
			}
		}
	})
}

// Settings files and golangci-lint's configuration are files anyone can
// commit: YAML with anchors and odd shapes, JSON, Terraform with braces
// left open, TOML lists that never close. Reading them never fails, and
// every line they name is a line of the file.
func FuzzSettings(f *testing.F) {
	for _, s := range []string{
		"branches:\n  - name: main\n    protection:\n      required_pull_request_reviews:\n        required_approving_review_count: 2\n      required_status_checks: {strict: true}\n",
		"branches:\n  - &b {name: main, protection: null}\n  - *b\nrepository: {default_branch: [x]}\n",
		"github:\n  protected_branches:\n    main: {required_pull_request_reviews: {required_approving_review_count: x}}\n",
		"{\"target\": \"branch\", \"enforcement\": \"active\", \"conditions\": {\"ref_name\": {\"include\": [\"[\"], \"exclude\": [\"~DEFAULT_BRANCH\"]}}, \"rules\": [{\"type\": \"pull_request\", \"parameters\": {\"required_approving_review_count\": 99999999999999999999}}]}",
		"resource \"github_repository_ruleset\" \"r\" {\n  enforcement = \"active\"\n  conditions { ref_name { include = [\"~DEFAULT_BRANCH\"] } }\n  rules {\n    pull_request {\n",
		"[linters]\nenable = [\n  \"gosec\",\n",
		"linters: {enable-all: true, disable: [gosec], enable: [revive]}\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		tx := &text{lines: strings.Split(src, "\n")}
		n := len(tx.lines)
		for _, rel := range []string{".github/settings.yml", ".asf.yaml", ".github/rulesets/main.json", "infra/github.tf"} {
			tx.rel = rel
			rules, _ := parseSettings(rel, tx)
			for _, r := range rules {
				for _, l := range []int{r.line, r.deletion, -r.deletion, r.checks, r.revLine} {
					if l > n || l < -n {
						t.Fatalf("%s: rule %+v names a line past the file's %d", rel, r, n)
					}
				}
				if r.line < 1 {
					t.Fatalf("%s: rule %+v has no line", rel, r)
				}
				r.covers("main")
			}
		}
		for _, toml := range []bool{false, true} {
			c := &golangciConfig{enabled: map[string]int{}}
			if toml {
				c.fromTOML(tx, map[string]bool{})
			} else {
				c.fromYAML(tx, map[string]bool{})
			}
			for name, l := range c.enabled {
				if l < 0 || l > n || c.all > n {
					t.Fatalf("linter %q at line %d (all at %d) of %d", name, l, c.all, n)
				}
			}
		}
	})
}

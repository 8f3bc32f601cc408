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

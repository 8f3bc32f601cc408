package cli

import (
	"strconv"
	"strings"
	"testing"
)

// check --strict on a repository whose justifications read like a
// person's: bare workflow names, the site's bracketed wording, a glob,
// release assets. Nothing is missing, so CI passes.
func TestCheckStrictRealJustifications(t *testing.T) {
	content := passingAnswers()
	for from, to := range map[string]string{
		"See https://example.org/test_continuous_integration":  "CI runs the suite on every pull request (ci.yml); see https://example.org/ci",
		"See https://example.org/vulnerability_report_process": "A SECURITY[.md] file is in the repository: https://github.com/acme/w/blob/main/.github/SECURITY.md",
		"See https://example.org/build":                        "go test ./... and make; pinned tools in .github/requirements/*.txt (https://example.org/b)",
		"See https://example.org/version_unique":               "Each release has checksums.txt and checksums.txt.sig attached: https://github.com/acme/w/releases",
	} {
		if !strings.Contains(content, from) {
			t.Fatalf("no %q in the fixture", from)
		}
		content = strings.Replace(content, from, strconv.Quote(to), 1)
	}
	dir := repoFixture(t, "https://github.com/acme/w", map[string]string{
		".bestpractices.yaml":           content,
		".github/workflows/ci.yml":      "on: push\n",
		".github/SECURITY.md":           "Report privately.\n",
		".github/requirements/lint.txt": "ruff==0.6.0\n",
	})
	out, errOut, code := run(t, dir, "check", "--strict")
	if code != ExitOK || strings.Contains(errOut, "warning") {
		t.Errorf("check --strict: code %d\n%s\n%s", code, out, errOut)
	}
}

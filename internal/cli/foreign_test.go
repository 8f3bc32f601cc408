package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// An entry whose repo_url hides an escape sequence is another project's;
// the message shows the escape, so the URL does not read as ours.
func TestForeignURLIsShownAsWritten(t *testing.T) {
	dir := repoFixture(t, "https://github.com/acme/widget", nil)
	siteWrite(t, filepath.Join(dir, "e.json"), `{"id": 4242, "repo_url": "https://github.com/acme/widget\u001b[31m", "test_status": "Met"}`)
	out, errOut, code := run(t, dir, "import", "e.json", "--dry-run")
	if code != ExitOK || !strings.Contains(out, `e.json is another project's entry ("https://github.com/acme/widget\x1b[31m")`) || strings.Contains(out, "\x1b") {
		t.Errorf("import: %d %q %q", code, out, errOut)
	}
	run(t, dir, "import", "e.json")
	_, errOut, code = run(t, dir, "propose", "--overrides", "e.json")
	if code != ExitBadInput || !strings.Contains(errOut, `another project's entry ("https://github.com/acme/widget\x1b[31m")`) || strings.Contains(errOut, "\x1b") {
		t.Errorf("propose: %d %q", code, errOut)
	}
}

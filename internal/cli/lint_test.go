package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLintFailsOnAnyWarning(t *testing.T) {
	clean := writeAnswers(t, "version: 1\nproject:\n  name: demo\nanswers:\n  floss_license:\n    status: Met\n    justification: Apache-2.0.\n")
	out, errOut, code := run(t, clean, "lint")
	if code != ExitOK || !strings.Contains(out, "no warnings") || errOut != "" {
		t.Errorf("clean: %d %q %q", code, out, errOut)
	}

	// A typo in an id loads, but never counts: lint says where.
	typo := writeAnswers(t, "version: 1\nproject:\n  name: demo\nanswers:\n  floss_licence:\n    status: Met\n")
	out, errOut, code = run(t, typo, "lint")
	if code != ExitNotMet || !strings.Contains(errOut, ".bestpractices.yaml:5: warning") || !strings.Contains(out, "1 warning") {
		t.Errorf("unknown id: %d %q %q", code, out, errOut)
	}

	// Files named on the command line, as pre-commit passes them: the
	// worst status wins, and each file is reported.
	broken := filepath.Join(typo, "broken.yaml")
	os.WriteFile(broken, []byte("answers: [\n"), 0o644)
	out, errOut, code = run(t, typo, "lint", filepath.Join(clean, ".bestpractices.yaml"), ".bestpractices.yaml", "broken.yaml")
	if code != ExitBadInput || strings.Count(out, "\n") != 2 || !strings.Contains(errOut, "broken.yaml:") {
		t.Errorf("three files: %d %q %q", code, out, errOut)
	}
	if _, errOut, code := run(t, t.TempDir(), "lint", "missing.yaml"); code != ExitBadInput || !strings.Contains(errOut, "missing.yaml") {
		t.Errorf("missing file: %d %q", code, errOut)
	}
}

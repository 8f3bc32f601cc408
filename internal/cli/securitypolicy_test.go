package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/secpolicy"
)

func runUI(t *testing.T, dir string, ui UI, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb strings.Builder
	env := &environ.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Dir: dir, IsTerminal: true, Getenv: func(string) string { return "" }}
	code = Run(env, ui, args)
	return out.String(), errb.String(), code
}

// Without a UI to ask them, a terminal is no different from a script; a
// form given up writes nothing.
func TestSecurityPolicyWithoutOrCancelledUI(t *testing.T) {
	dir := repoFixture(t, "", nil)
	if _, errOut, code := runUI(t, dir, UI{}, "security-policy"); code != ExitBadInput || !strings.Contains(errOut, "--channel") {
		t.Errorf("no UI: code %d, %q", code, errOut)
	}
	cancel := UI{SecurityPolicy: func(*environ.Env, *secpolicy.Answers, evidence.Site) error { return secpolicy.ErrCancelled }}
	if _, errOut, code := runUI(t, dir, cancel, "security-policy"); code != ExitBadInput || errOut != "" {
		t.Errorf("given up: code %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "SECURITY.md")); err == nil {
		t.Error("a policy was written after the form was given up")
	}
}

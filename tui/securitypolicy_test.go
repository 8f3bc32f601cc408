package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/internal/cli"
	"github.com/bestpractices/bestpractices/internal/environ"
)

// policyRepo is a git work tree (with remote, when given) holding files.
func policyRepo(t *testing.T, remote string, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	cfg := "[core]\n\tbare = false\n"
	if remote != "" {
		cfg += "[remote \"origin\"]\n\turl = " + remote + "\n"
	}
	files[".git/config"], files[".git/HEAD"] = cfg, "ref: refs/heads/main\n"
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runPolicy runs `security-policy --accessible` with this package's forms.
func runPolicy(t *testing.T, dir, input string) (string, int) {
	t.Helper()
	var out, errb strings.Builder
	env := &environ.Env{Stdin: strings.NewReader(input), Stdout: &out, Stderr: &errb, Dir: dir, Getenv: func(string) string { return "" }}
	ui := cli.UI{Walk: Run, SecurityPolicy: SecurityPolicy}
	code := cli.Run(env, ui, []string{"security-policy", "--accessible"})
	if errb.Len() > 0 {
		t.Logf("stderr: %s", errb.String())
	}
	return out.String(), code
}

// The questions, answered line by line (huh's accessible mode); an empty
// line keeps the value offered.
func TestSecurityPolicyAccessible(t *testing.T) {
	dir := policyRepo(t, "", map[string]string{})
	out, code := runPolicy(t, dir, "1\nsec@example.org\n\n\n20\n5\n\n\nn\n")
	if code != environ.ExitOK {
		t.Fatalf("code %d:\n%s", code, out)
	}
	if !strings.Contains(out, "from 1 to 14") {
		t.Errorf("20 days to acknowledge was not refused:\n%s", out)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "SECURITY.md"))
	for _, s := range []string{"Write to sec@example.org", "within 5 days", "90 days have passed", "Advisories do not name reporters"} {
		if !strings.Contains(string(b), s) {
			t.Errorf("SECURITY.md lacks %q:\n%s", s, b)
		}
	}
}

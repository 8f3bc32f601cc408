package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/cli"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
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
	ui := cli.UI{Walk: Run, SecurityPolicy: SecurityPolicy, Confirm: Confirm}
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

// After the policy's questions, one more: whether to replace the answers
// it makes untrue. It reads on from where the form stopped.
func TestSecurityPolicyAccessibleReplacesOnYes(t *testing.T) {
	answers := "version: 1\nproject:\n  name: Widget\nanswers:\n  vulnerability_report_private:\n    status: Unmet\n    justification: No private channel yet.\n"
	for _, c := range []struct {
		reply string
		want  model.Status
	}{
		{"y\n", model.Met},
		{"\n", model.Unmet}, // the offer is no
		{"", model.Unmet},   // nor does input that ends say yes
	} {
		dir := policyRepo(t, "https://github.com/acme/widget.git", map[string]string{".bestpractices.yaml": answers})
		// Channel 2 (e-mail; 1 is GitHub's private reporting), then the
		// defaults, no credit, and the reply.
		out, code := runPolicy(t, dir, "2\nsec@example.org\n\n\n\n\n\nn\n"+c.reply)
		if code != environ.ExitOK {
			t.Fatalf("%q: code %d:\n%s", c.reply, code, out)
		}
		if !strings.Contains(out, "Replace it with Met, justified by SECURITY.md? [y/N]") {
			t.Errorf("%q: not asked:\n%s", c.reply, out)
		}
		f, err := model.Load(filepath.Join(dir, ".bestpractices.yaml"), criteria.Default())
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Answers["vulnerability_report_private"].Status; got != c.want {
			t.Errorf("%q: vulnerability_report_private is %v, want %v:\n%s", c.reply, got, c.want, out)
		}
	}
}

// A word typed over a slow link arrives as one message; in a text field
// of the security-policy form it is text ("end" went to the end of the
// line and was lost), elsewhere it is left as keys.
func TestTextRunesInSecurityPolicyFields(t *testing.T) {
	word := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("end")}
	var s string
	input := huh.NewForm(huh.NewGroup(huh.NewInput().Value(&s)))
	input.Init()
	if k := textRunes(input, word).(tea.KeyMsg); !k.Paste || k.String() == "end" {
		t.Errorf("in a text field: %q", k.String())
	}
	var yes bool
	confirm := huh.NewForm(huh.NewGroup(huh.NewConfirm().Value(&yes)))
	confirm.Init()
	if k := textRunes(confirm, word).(tea.KeyMsg); k.Paste {
		t.Errorf("outside a text field the runes were made text: %q", k.String())
	}
	m, _ := input.Update(textRunes(input, word))
	m, _ = m.(*huh.Form).Update(textRunes(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("right")}))
	if s = m.(*huh.Form).GetFocusedField().GetValue().(string); s != "endright" {
		t.Errorf("the field holds %q", s)
	}
}

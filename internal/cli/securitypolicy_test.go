package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/secpolicy"
	"github.com/bestpractices/bestpractices/model"
)

// contradictedAnswers says there is no way to report privately, in the
// file's own words, around answers the policy does not touch.
const contradictedAnswers = `# Our answers, kept by hand.
version: 1
project:
  name: Widget
answers:
  vulnerability_report_process:
    status: Met
    justification: See https://example.org/report (our old page).
  vulnerability_report_private:
    status: Unmet
    justification: No private channel yet.
  vulnerability_report_response:
    status: N/A
    justification: No reports received so far.
  osps_vm_03_01:
    status: N/A
    justification: We take reports in public issues only.
  osps_vm_01_01:
    status: Unmet
    justification: No disclosure policy.
`

func loadAnswers(t *testing.T, dir string) *model.File {
	t.Helper()
	f, err := model.Load(filepath.Join(dir, ".bestpractices.yaml"), criteria.Default())
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// A script is told which answers the new policy makes untrue and how to
// replace them; nothing of its answers file changes without the flag.
func TestSecurityPolicyNamesContradictedAnswers(t *testing.T) {
	dir := repoFixture(t, "https://github.com/acme/widget.git", map[string]string{".bestpractices.yaml": contradictedAnswers})
	out, errOut, code := run(t, dir, "security-policy", "--email", "security@acme.example.net")
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	for _, want := range []string{
		"SECURITY.md now contradicts 3 of your answers:",
		"vulnerability_report_private     Unmet -> Met",
		"osps_vm_03_01                    N/A -> Met",
		"osps_vm_01_01                    Unmet -> Met",
		"--update-answers",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, notUntrue := range []string{"vulnerability_report_process     Met ->", "vulnerability_report_response    N/A ->"} {
		if strings.Contains(out, notUntrue) {
			t.Errorf("%q listed as contradicted:\n%s", notUntrue, out)
		}
	}
	if got := slurp(t, filepath.Join(dir, ".bestpractices.yaml")); got != contradictedAnswers {
		t.Errorf("the answers file changed without --update-answers:\n%s", got)
	}

	// With the flag (and --force, the policy now being there) they are
	// replaced, justified by the policy; the rest of the file is as it was.
	out, errOut, code = run(t, dir, "security-policy", "--email", "security@acme.example.net", "--force", "--update-answers")
	if code != ExitOK || !strings.Contains(out, "Replaced 3 answers in .bestpractices.yaml.") {
		t.Fatalf("code %d: %s\n%s", code, errOut, out)
	}
	f := loadAnswers(t, dir)
	for _, id := range []string{"vulnerability_report_private", "osps_vm_03_01", "osps_vm_01_01"} {
		a := f.Answers[id]
		if a.Status != model.Met || !strings.Contains(a.Justification, "https://github.com/acme/widget/blob/main/SECURITY.md") {
			t.Errorf("%s not replaced with a Met citing the policy: %+v", id, a)
		}
	}
	if a := f.Answers["vulnerability_report_process"]; a.Justification != "See https://example.org/report (our old page)." {
		t.Errorf("a Met answer was rewritten: %+v", a)
	}
	if a := f.Answers["vulnerability_report_response"]; a.Status != model.NA {
		t.Errorf("a promise of response times replaced a record of them: %+v", a)
	}
	if len(f.Problems) != 0 {
		t.Errorf("the replaced answers do not count: %+v", f.Problems)
	}
	if got := slurp(t, filepath.Join(dir, ".bestpractices.yaml")); !strings.HasPrefix(got, "# Our answers, kept by hand.\n") {
		t.Errorf("the file's comment was lost:\n%s", got)
	}
}

// fakeUI records what the command asks and answers as told.
type fakeUI struct {
	policyAsked *secpolicy.Answers
	questions   []string
	confirm     bool
	confirmErr  error
}

func (u *fakeUI) ui() UI {
	return UI{
		SecurityPolicy: func(_ *environ.Env, a *secpolicy.Answers, _ evidence.Site) error {
			asked := *a
			u.policyAsked = &asked
			a.Channel, a.Email = secpolicy.ChannelEmail, "sec@example.org"
			return nil
		},
		Confirm: func(_ *environ.Env, q string, def bool) (bool, error) {
			u.questions = append(u.questions, q)
			if def {
				return false, errors.New("the replacement must not be offered as the default")
			}
			return u.confirm, u.confirmErr
		},
	}
}

func runUI(t *testing.T, dir string, ui UI, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb strings.Builder
	env := &environ.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Dir: dir, IsTerminal: true, Getenv: func(string) string { return "" }}
	code = Run(env, ui, args)
	return out.String(), errb.String(), code
}

// On a terminal the UI asks the questions (starting from the flags) and
// whether to replace the answers made untrue.
func TestSecurityPolicyAsksThroughTheUI(t *testing.T) {
	for _, c := range []struct {
		name     string
		confirm  bool
		err      error
		replaced bool
	}{
		{"yes", true, nil, true},
		{"no", false, nil, false},
		{"given up", true, secpolicy.ErrCancelled, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := repoFixture(t, "https://github.com/acme/widget.git", map[string]string{".bestpractices.yaml": contradictedAnswers})
			u := &fakeUI{confirm: c.confirm, confirmErr: c.err}
			out, errOut, code := runUI(t, dir, u.ui(), "security-policy", "--ack-days", "5")
			if code != ExitOK {
				t.Fatalf("code %d: %s", code, errOut)
			}
			if u.policyAsked == nil || u.policyAsked.AckDays != "5" {
				t.Errorf("the form did not start from the flags: %+v", u.policyAsked)
			}
			if !strings.Contains(slurp(t, filepath.Join(dir, "SECURITY.md")), "sec@example.org") {
				t.Error("the policy does not use the answers given in the form")
			}
			if len(u.questions) != 1 || !strings.Contains(u.questions[0], "Replace these 3 answers with Met, justified by SECURITY.md?") {
				t.Errorf("questions asked: %q", u.questions)
			}
			replaced := loadAnswers(t, dir).Answers["vulnerability_report_private"].Status == model.Met
			if replaced != c.replaced {
				t.Errorf("replaced = %v, want %v:\n%s", replaced, c.replaced, out)
			}
			if !c.replaced && !strings.Contains(out, "Left as they are") {
				t.Errorf("no word on the answers left untrue:\n%s", out)
			}
		})
	}
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

// A repository's committed .github/SECURITY.md that is a symbolic link out
// of the repository (to ~/.bashrc, say): --force replaced the file outside
// with the policy. It is refused, the file outside untouched; a link within
// the repository is written through, the link kept.
func TestSecurityPolicyNotWrittenOutsideTheRepository(t *testing.T) {
	dir := writeAnswers(t, "version: 1\nproject:\n  name: demo\nanswers:\n")
	outside := filepath.Join(t.TempDir(), "bashrc")
	siteWrite(t, outside, "export PATH=$HOME/bin:$PATH\n")
	os.MkdirAll(filepath.Join(dir, ".github"), 0o755)
	link := filepath.Join(dir, ".github", "SECURITY.md")
	if err := os.Symlink(outside, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	_, errOut, code := run(t, dir, "security-policy", "--channel", "email", "--email", "security@example.org", "--force")
	if code != ExitBadInput || !strings.Contains(errOut, ".github/SECURITY.md is a symbolic link leading out of the repository") {
		t.Errorf("code %d: %s", code, errOut)
	}
	if siteRead(t, outside) != "export PATH=$HOME/bin:$PATH\n" {
		t.Fatal("the file outside the repository was replaced")
	}
	os.Remove(link)
	os.MkdirAll(filepath.Join(dir, "docs"), 0o755)
	siteWrite(t, filepath.Join(dir, "docs", "security.md"), "# Old policy\n")
	os.Symlink(filepath.Join("..", "docs", "security.md"), link)
	if _, errOut, code := run(t, dir, "security-policy", "--channel", "email", "--email", "security@example.org", "--force"); code != ExitOK {
		t.Fatalf("a link within the repository: %d %s", code, errOut)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 || !strings.Contains(siteRead(t, filepath.Join(dir, "docs", "security.md")), "security@example.org") {
		t.Errorf("not written through the link: %v", err)
	}
}

// --apply fills what the policy makes sure, and says what it left: the
// promise of response times is a weak proposal (a policy is no record),
// left for the user to confirm. It said "every proposed criterion already
// has an answer" while that one had none.
func TestSecurityPolicyApplySaysWhatIsLeft(t *testing.T) {
	dir := repoFixture(t, "https://github.com/acme/widget.git", map[string]string{".bestpractices.yaml": "version: 1\nproject:\n  name: Widget\nanswers:\n"})
	out, errOut, code := run(t, dir, "security-policy", "--email", "security@acme.example.net", "--apply")
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	for _, want := range []string{"Filled 2 unanswered criteria", "1 weak proposal was not filled in: vulnerability_report_response"} {
		if !strings.Contains(out, want) {
			t.Errorf("first run: output lacks %q:\n%s", want, out)
		}
	}
	out, errOut, code = run(t, dir, "security-policy", "--email", "security@acme.example.net", "--apply", "--force")
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	if strings.Contains(out, "every proposed criterion already has an answer") || !strings.Contains(out, "Nothing filled: 1 weak proposal was left for you to confirm: vulnerability_report_response") {
		t.Errorf("second run:\n%s", out)
	}
	if a := loadAnswers(t, dir).Answers["vulnerability_report_response"]; a.Status != model.Unknown {
		t.Errorf("the weak proposal was filled: %+v", a)
	}
}

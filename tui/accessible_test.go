package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/cli"
	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/model"
)

func TestAccessibleWalk(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, ".bestpractices.yaml")
	os.WriteFile(p, []byte("# keep\nversion: 1\nanswers:\n"), 0o644)
	input := strings.Join([]string{
		"1", "Our README says it.", // description_good: Met, with words
		"3",                                                    // interact: skip
		"1", "no url here", "https://example.org/contributing", // contribution: Met needs a URL, asked again
		"",       // contribution_requirements: an empty line answers nothing
		"4", "3", // back to contribution, skip it
		"1", "", "", // contribution_requirements: Met, no URL, then back to the choice
		"9", "5", // not a choice; quit
	}, "\n") + "\n"
	var out, errb bytes.Buffer
	env := &environ.Env{Stdin: strings.NewReader(input), Stdout: &out, Stderr: &errb, Dir: dir, Accessible: true,
		Getenv: func(string) string { return "" }}
	if code := cli.Run(env, cli.UI{Walk: Run}, []string{"--accessible"}); code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	got, _ := os.ReadFile(p)
	want := "# keep\nversion: 1\nanswers:\n  description_good:\n    status: Met\n    justification: Our README says it.\n  contribution:\n    status: Met\n    justification: https://example.org/contributing\n"
	if string(got) != want {
		t.Errorf("file:\n%s\nwant:\n%s", got, want)
	}
	s := out.String()
	for _, w := range []string{"[1/67] MUST description_good", "Met needs a URL", "9 is not one of the choices",
		"4. Back to the previous criterion", "Saved. passing: 3% (2/67)", "Saved 2/67 passing to"} {
		if !strings.Contains(s, w) {
			t.Errorf("output lacks %q:\n%s", w, s)
		}
	}
	if n := strings.Count(s, "MUST contribution:"); n != 2 {
		t.Errorf("back did not return to contribution (%d times shown)", n)
	}
	if strings.Contains(s, "\x1b[") {
		t.Error("escape sequences in accessible output")
	}
}

// N/A is offered only where the badge takes it, by the rule the form and
// the keys use.
func TestAccessibleOffersNAByTheOneRule(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	env := &environ.Env{Stdin: strings.NewReader("4\n"), Stdout: &out, Stderr: &out, Dir: dir, Accessible: true,
		Getenv: func(string) string { return "" }}
	if code := cli.Run(env, cli.UI{Walk: Run}, nil); code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	if strings.Contains(out.String(), ". N/A") || !strings.Contains(out.String(), "3. Skip for now") {
		t.Errorf("N/A offered or accepted for description_good:\n%s", out.String())
	}
}

func TestAccessibleInputEndsCleanly(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	env := &environ.Env{Stdin: strings.NewReader("1\n"), Stdout: &out, Stderr: &out, Dir: dir, Accessible: true,
		Getenv: func(string) string { return "" }}
	if code := cli.Run(env, cli.UI{Walk: Run}, nil); code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	if _, err := os.Stat(filepath.Join(dir, ".bestpractices.yaml")); !os.IsNotExist(err) {
		t.Error("a half-given answer was saved")
	}
}

func TestReadOnlyDetected(t *testing.T) {
	env := &environ.Env{Loc: i18n.English()}
	dir := t.TempDir()
	ok := model.New(filepath.Join(dir, model.DefaultName), criteria.Default(), model.Project{})
	if r := readOnlyReason(env, ok); r != "" {
		t.Errorf("writable directory reported read-only: %s", r)
	}
	gone := model.New(filepath.Join(dir, "no-such-dir", model.DefaultName), criteria.Default(), model.Project{})
	if r := readOnlyReason(env, gone); !strings.Contains(r, "not writable") {
		t.Errorf("unwritable directory: %q", r)
	}
}

// Each criterion's heading is written as the language writes a label: a
// no-break space before the colon in French, a full-width colon in
// Japanese; the level and the answers in the user's words.
func TestAccessibleHeadingInUsersTypography(t *testing.T) {
	for _, c := range []struct{ lang, head, saved string }{
		{"fr", "[1/67] DOIT description_good\u00a0: ", "Niveau basique\u00a0: "},
		{"ja", "[1/67] 必須 description_good：", "合格"},
	} {
		dir := t.TempDir()
		var out, errb bytes.Buffer
		env := &environ.Env{Stdin: strings.NewReader("1\nLe README le dit.\n5\n"), Stdout: &out, Stderr: &errb, Dir: dir, Accessible: true,
			Getenv: func(string) string { return "" }}
		if code := cli.Run(env, cli.UI{Walk: Run}, []string{"--lang", c.lang, "--accessible"}); code != cli.ExitOK {
			t.Fatalf("%s: exit %d: %s", c.lang, code, errb.String())
		}
		s := out.String()
		if !strings.Contains(s, c.head) || !strings.Contains(s, c.saved) {
			t.Errorf("%s: lacks %q or %q:\n%s", c.lang, c.head, c.saved, s)
		}
		if strings.Contains(s, "description_good: ") || strings.Contains(s, "passing") {
			t.Errorf("%s: an English colon or level id:\n%s", c.lang, s)
		}
	}
}

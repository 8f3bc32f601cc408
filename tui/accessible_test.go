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
	// Met with a justification; skip; Met without the URL (asked again), then with it; quit.
	input := "1\nOur README says it.\n3\n1\nno url here\nhttps://example.org/contributing\n4\n"
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
	for _, w := range []string{"[1/67] MUST description_good", "Met needs a URL", "Saved. passing: 3% (2/67)", "Saved 2/67 passing to"} {
		if !strings.Contains(s, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	if strings.Contains(s, "\x1b[") {
		t.Error("escape sequences in accessible output")
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

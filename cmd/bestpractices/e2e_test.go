package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The real binary in a real terminal: tmux runs it, send-keys types, and
// capture-pane reads the screen as a person would see it.

type tmux struct {
	t      *testing.T
	socket string
}

func (x *tmux) run(args ...string) string {
	x.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", x.socket}, args...)...).CombinedOutput()
	if err != nil {
		x.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (x *tmux) screen() string { return x.run("capture-pane", "-p", "-t", "e2e") }

// screenWait is how long a test waits for the screen to show what it
// expects. It is only a bound for a test that would otherwise hang: on a
// loaded machine a frame may take seconds, and waiting longer costs
// nothing when the screen comes sooner.
const screenWait = time.Minute

// waitFor polls the screen until it shows every part, or fails with it.
func (x *tmux) waitFor(parts ...string) string {
	x.t.Helper()
	deadline := time.Now().Add(screenWait)
	var s string
	for time.Now().Before(deadline) {
		s = x.screen()
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(s, p)
		}
		if ok {
			return s
		}
		time.Sleep(100 * time.Millisecond)
	}
	x.t.Fatalf("screen never showed %q:\n%s", parts, s)
	return s
}

// textFieldHelp is in the help line only while the form's text field has
// the keys.
const textFieldHelp = "shift+tab back • enter save"

func (x *tmux) keys(k ...string) {
	x.t.Helper()
	x.run(append([]string{"send-keys", "-t", "e2e"}, k...)...)
}

func (x *tmux) text(s string) { x.t.Helper(); x.run("send-keys", "-t", "e2e", "-l", s) }

// TestMain removes the binary the tests shared, if one was built.
func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// shared is this package's binary, built on first use for all the tests:
// one build and link instead of one per test.
var shared struct {
	once      sync.Once
	dir, path string
	err       error
}

func buildBinary(t testing.TB) string {
	t.Helper()
	shared.once.Do(func() {
		if shared.dir, shared.err = os.MkdirTemp("", "bestpractices-e2e-"); shared.err != nil {
			return
		}
		shared.path = filepath.Join(shared.dir, "bestpractices")
		if out, err := exec.Command("go", "build", "-o", shared.path, ".").CombinedOutput(); err != nil {
			shared.err = fmt.Errorf("%v\n%s", err, out)
		}
	})
	if shared.err != nil {
		t.Fatalf("build: %v", shared.err)
	}
	return shared.path
}

// tmuxServers numbers the tmux servers this test binary started.
var tmuxServers atomic.Int64

func startTmux(t *testing.T, dir, command string) *tmux {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("skipping: tmux is not installed (CI installs it; apt-get install tmux to run this test)")
	}
	// A server of its own for each run of each test: with -count, a
	// server being killed by the run before must not take the next
	// session's command ("server exited unexpectedly").
	x := &tmux{t: t, socket: fmt.Sprintf("bp-e2e-%d-%d-%s", os.Getpid(), tmuxServers.Add(1), strings.ReplaceAll(t.Name(), "/", "-"))}
	// The walk remembers the level shown in the user's configuration
	// directory: each run gets its own, never the real one.
	command = "env XDG_CONFIG_HOME=" + t.TempDir() + " " + command
	x.run("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "-c", dir, command)
	t.Cleanup(func() { exec.Command("tmux", "-L", x.socket, "kill-server").Run() })
	return x
}

func TestEndToEndInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the tmux test in -short mode")
	}
	bin := buildBinary(t)
	repo := t.TempDir()
	os.MkdirAll(filepath.Join(repo, ".git"), 0o755)
	os.WriteFile(filepath.Join(repo, ".git", "config"), []byte("[remote \"origin\"]\n\turl = git@github.com:demo/e2e.git\n"), 0o644)
	answers := filepath.Join(repo, ".bestpractices.yaml")
	os.WriteFile(answers, []byte("# Written by hand before the walk: keep me.\nversion: 1\nproject:\n  name: e2e-demo\nanswers:\n  floss_license:\n    status: Met\n    justification: Apache-2.0.\n"), 0o644)
	sub := filepath.Join(repo, "internal")
	os.MkdirAll(sub, 0o755)

	// Started from a subdirectory, it finds the file at the repository root.
	x := startTmux(t, sub, "sh -c '"+bin+"; echo EXIT=$?; sleep 30'")
	x.waitFor("e2e-demo", "passing (67)", "1/67", "Says what the software does")

	// One key answers the selected criterion and saves it.
	x.keys("m")
	x.waitFor("2/67", "Saved at")

	// The answer counts: the cursor moved on to the next one to answer.
	x.waitFor("› ? MUST      Explains how to get, report and contrib")
	// The form: Met with the URL that contribution requires.
	x.keys("Down")
	x.waitFor("› ? MUST      Describes the contribution process")
	x.keys("Enter")
	x.waitFor("Justification")
	x.keys("Enter")
	x.waitFor(textFieldHelp) // huh moved to the text field: what is typed goes there
	x.text("Pull requests welcome: https://github.com/demo/e2e/blob/main/CONTRIBUTING.md")
	x.keys("Enter")
	x.waitFor("3/67", "4%")

	// A SHOULD left unmet counts with a justification, typed in the form.
	x.waitFor("› ? SHOULD    States what a good contribution needs")
	x.keys("Enter")
	x.waitFor("Justification")
	x.keys("Down", "Enter")
	x.waitFor(textFieldHelp)
	x.text("No written rules yet; reviewers explain.")
	x.keys("Enter")
	x.waitFor("4/67", "6%")

	// Silver shows its own list; the header marks where we are.
	x.keys("]")
	x.waitFor("silver (55)")
	x.keys("[")
	x.waitFor("passing (67)")

	x.keys("q")
	s := x.waitFor("EXIT=0")
	if !strings.Contains(s, "Saved 4/67 passing to") {
		t.Errorf("no summary after quitting:\n%s", s)
	}
	got, _ := os.ReadFile(answers)
	for _, want := range []string{
		"# Written by hand before the walk: keep me.",
		"floss_license:\n    status: Met\n    justification: Apache-2.0.",
		"description_good:\n    status: Met",
		"contribution:\n    status: Met\n    justification: 'Pull requests welcome: https://github.com/demo/e2e/blob/main/CONTRIBUTING.md'",
		"contribution_requirements:\n    status: Unmet\n    justification: No written rules yet; reviewers explain.",
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("saved file lacks %q:\n%s", want, got)
		}
	}
}

func TestNotATerminal(t *testing.T) {
	bin := buildBinary(t)
	cmd := exec.Command(bin)
	cmd.Dir = t.TempDir()
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 || !strings.Contains(string(out), "needs a terminal") {
		t.Errorf("without a terminal: %v\n%s", err, out)
	}
}

func TestBadFileIsNotOpened(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".bestpractices.yaml"), []byte("version: 1\nanswers:\n  test:\n    status: Done\n"), 0o644)
	x := startTmux(t, dir, "sh -c '"+bin+"; echo EXIT=$?; sleep 30'")
	s := x.waitFor("EXIT=2")
	if !strings.Contains(s, ".bestpractices.yaml:4") || !strings.Contains(s, "Done") {
		t.Errorf("error not shown:\n%s", s)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ".bestpractices.yaml")); !strings.Contains(string(b), "Done") {
		t.Error("bad file rewritten")
	}
}

// SIGTERM (kill, a closing terminal multiplexer) ends the walk with the
// terminal restored: the app's screen is gone and the shell prints again.
func TestSigtermRestoresTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the tmux test in -short mode")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	x := startTmux(t, dir, "sh -c 'echo BEFORE; "+bin+"; echo EXIT=$?; sleep 30'")
	x.waitFor("passing (67)")
	x.keys("m")
	x.waitFor("Saved at")
	pid := findProcess(t, bin)
	if out, err := exec.Command("kill", "-TERM", pid).CombinedOutput(); err != nil {
		t.Fatalf("kill: %v %s", err, out)
	}
	s := x.waitFor("EXIT=")
	if !strings.Contains(s, "BEFORE") || strings.Contains(s, "passing (67)") {
		t.Errorf("terminal not restored after SIGTERM:\n%s", s)
	}
	if a, _ := os.ReadFile(filepath.Join(dir, ".bestpractices.yaml")); !strings.Contains(string(a), "description_good") {
		t.Error("the answer given before SIGTERM is missing")
	}
}

// findProcess returns the pid of the running program at path, from /proc.
func findProcess(t *testing.T, path string) string {
	t.Helper()
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		cmd, err := os.ReadFile(filepath.Join(d, "cmdline"))
		if err == nil && strings.HasPrefix(string(cmd), path+"\x00") {
			return filepath.Base(d)
		}
	}
	t.Skip("skipping: cannot find the process in /proc on this system")
	return ""
}

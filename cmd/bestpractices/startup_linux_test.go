package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// Start-up as a user meets it: the real binary on a pseudo-terminal.

// frameRepo is a repository with an answers file whose project name marks
// the walk's first frame.
func frameRepo(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	os.MkdirAll(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "HEAD"), []byte("ref: refs/heads/main\n"), 0o644)
	os.WriteFile(filepath.Join(dir, ".bestpractices.yaml"), []byte("version: 1\nproject:\n  name: frame-demo\nanswers:\n  floss_license:\n    status: Met\n    justification: Apache-2.0.\n"), 0o644)
	return dir
}

// terminalEnv is a plain terminal's environment: no NO_COLOR, no tmux.
func terminalEnv(home string) []string {
	return []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "TERM=xterm-256color", "LANG=C.UTF-8"}
}

// BenchmarkFirstFrame is the time from starting the binary to the walk's
// first frame on the terminal, the terminal answering its queries at once.
// Set BESTPRACTICES_BINARY to time another build (an older one, to compare).
func BenchmarkFirstFrame(b *testing.B) {
	bin := os.Getenv("BESTPRACTICES_BINARY")
	if bin == "" {
		bin = buildBinary(b)
	}
	dir := frameRepo(b)
	env := terminalEnv(b.TempDir())
	var times, cpu []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := startPTY(b, bin, dir, env, true)
		times = append(times, r.waitFor(b, "frame-demo", 20*time.Second))
		r.master.WriteString("q")
		r.wait(b, 20*time.Second)
		cpu = append(cpu, r.cmd.ProcessState.UserTime()+r.cmd.ProcessState.SystemTime())
	}
	reportTimes(b, times, "frame")
	reportTimes(b, cpu, "cpu") // start, first frame and quit: steadier than wall time
}

// reportTimes reports the median and the fastest of times: on a shared
// machine the mean follows the neighbours' load more than the program.
func reportTimes(b *testing.B, times []time.Duration, what string) {
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(times[len(times)/2]), "ms/"+what+"-median")
	b.ReportMetric(ms(times[0]), "ms/"+what+"-min")
}

// BenchmarkVersionOnTerminal is `bestpractices --version` on a terminal
// that answers queries: the cost every command pays before its work.
func BenchmarkVersionOnTerminal(b *testing.B) {
	bin := os.Getenv("BESTPRACTICES_BINARY")
	if bin == "" {
		bin = buildBinary(b)
	}
	dir := frameRepo(b)
	env := terminalEnv(b.TempDir())
	var times, cpu []time.Duration
	for i := 0; i < b.N; i++ {
		r := startPTY(b, bin, dir, env, true, "--version")
		code, took := r.wait(b, 20*time.Second)
		if code != 0 || !strings.Contains(r.output(), "bestpractices") {
			b.Fatalf("exit %d: %q", code, r.output())
		}
		times = append(times, took)
		cpu = append(cpu, r.cmd.ProcessState.UserTime()+r.cmd.ProcessState.SystemTime())
	}
	reportTimes(b, times, "run")
	reportTimes(b, cpu, "cpu")
}

// Only the walk and the forms ask the terminal about its background: a
// command run by a pre-commit hook on a pseudo-terminal that never answers
// must not print the query nor wait for a reply (bubbletea v1 asks in an
// init function; internal/termbg keeps it from doing so).
func TestOnlyTheUIAsksTheTerminal(t *testing.T) {
	bin := buildBinary(t)
	dir := frameRepo(t)
	env := terminalEnv(t.TempDir())
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--version"}, 0, "bestpractices"},
		{[]string{"status"}, 0, "frame-demo"},
		{[]string{"check", "--level", "passing"}, 1, "passing"},
	} {
		r := startPTY(t, bin, dir, env, false, c.args...)
		code, _ := r.wait(t, time.Minute)
		out := r.output()
		if strings.Contains(out, "\x1b]11;?") || strings.Contains(out, "\x1b[6n") {
			t.Errorf("%v asked the terminal:\n%q", c.args, out)
		}
		if code != c.code || !strings.Contains(out, c.says) {
			t.Errorf("%v: exit %d, want %d with %q:\n%q", c.args, code, c.code, c.says, out)
		}
	}

	// The walk asks, once, before it reads the keyboard: its colours and
	// the criterion text's style follow the answer.
	r := startPTY(t, bin, dir, env, true)
	r.waitFor(t, "frame-demo", time.Minute)
	r.master.WriteString("q")
	if code, _ := r.wait(t, time.Minute); code != 0 {
		t.Errorf("the walk ended with %d:\n%q", code, r.output())
	}
	if n := strings.Count(r.output(), "\x1b]11;?"); n != 1 {
		t.Errorf("the walk asked the terminal %d times, want once:\n%q", n, r.output())
	}
}

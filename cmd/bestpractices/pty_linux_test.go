package main

import (
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// A pseudo-terminal of our own (no tmux in between): the test sees every
// byte the binary writes, and decides whether to answer the terminal
// queries (OSC 11 background colour, DSR cursor position) as a terminal
// emulator does or to stay silent as a pre-commit runner's pty does.

type ptyRun struct {
	cmd     *exec.Cmd
	master  *os.File
	started time.Time

	mu       sync.Mutex
	out      bytes.Buffer
	answer   bool
	osc, dsr int // queries answered
	done     chan struct{}
}

// openPTY returns the master and the slave of a new pseudo-terminal of
// the given size, or skips the test where there is none.
func openPTY(tb testing.TB, rows, cols uint16) (master, slave *os.File) {
	tb.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		tb.Skipf("skipping: no pseudo-terminal here (%v)", err)
	}
	fd := int(m.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		m.Close()
		tb.Skipf("skipping: cannot unlock the pseudo-terminal (%v)", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		m.Close()
		tb.Skipf("skipping: cannot name the pseudo-terminal (%v)", err)
	}
	s, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		tb.Skipf("skipping: cannot open the pseudo-terminal (%v)", err)
	}
	unix.IoctlSetWinsize(int(s.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: rows, Col: cols})
	return m, s
}

// startPTY runs bin in dir on a new 120x40 pseudo-terminal, as the
// foreground job of its own session (as a shell would start it). answer
// says whether the "terminal" replies to OSC 11 and DSR queries.
func startPTY(tb testing.TB, bin, dir string, env []string, answer bool, args ...string) *ptyRun {
	tb.Helper()
	master, slave := openPTY(tb, 40, 120)
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	r := &ptyRun{cmd: cmd, master: master, answer: answer, done: make(chan struct{})}
	r.started = time.Now()
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	slave.Close()
	go r.read()
	tb.Cleanup(func() {
		r.cmd.Process.Kill()
		r.cmd.Wait()
		r.master.Close()
	})
	return r
}

// read copies the terminal's output, answering each query once, in the
// order a terminal would.
func (r *ptyRun) read() {
	defer close(r.done)
	buf := make([]byte, 4096)
	for {
		n, err := r.master.Read(buf)
		if n > 0 {
			r.mu.Lock()
			r.out.Write(buf[:n])
			if r.answer {
				for ; r.osc < bytes.Count(r.out.Bytes(), []byte("\x1b]11;?")); r.osc++ {
					r.master.WriteString("\x1b]11;rgb:1c1c/1c1c/1c1c\x1b\\")
				}
				for ; r.dsr < bytes.Count(r.out.Bytes(), []byte("\x1b[6n")); r.dsr++ {
					r.master.WriteString("\x1b[1;1R")
				}
			}
			r.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// waitFor returns how long after the start s first appeared in the
// output, or fails after the timeout.
func (r *ptyRun) waitFor(tb testing.TB, s string, timeout time.Duration) time.Duration {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for {
		r.mu.Lock()
		found := bytes.Contains(r.out.Bytes(), []byte(s))
		r.mu.Unlock()
		if found {
			return time.Since(r.started)
		}
		if time.Now().After(deadline) {
			tb.Fatalf("%q never appeared in %v; the terminal showed:\n%q", s, timeout, r.output())
		}
		time.Sleep(200 * time.Microsecond)
	}
}

// wait waits for the process to end and returns its exit code and the time
// it took.
func (r *ptyRun) wait(tb testing.TB, timeout time.Duration) (int, time.Duration) {
	tb.Helper()
	exited := make(chan error, 1)
	go func() { exited <- r.cmd.Wait() }()
	select {
	case <-exited:
	case <-time.After(timeout):
		tb.Fatalf("still running after %v; the terminal showed:\n%q", timeout, r.output())
	}
	elapsed := time.Since(r.started)
	select { // the rest of the output, once the slave side is gone (a
	// process left holding it is the only reason to give up)
	case <-r.done:
	case <-time.After(30 * time.Second):
	}
	return r.cmd.ProcessState.ExitCode(), elapsed
}

func (r *ptyRun) output() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.out.String()
}

// Package fifotest helps tests put a named pipe where a regular file is
// expected, and check that nothing waits on it. Tests alone import it.
package fifotest

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Make puts a named pipe at p, creating its directory; the test is
// skipped where the system has none.
func Make(t testing.TB, p string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := mkfifo(p); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
}

// Within fails the test if fn has not returned after a minute: what is
// tested is that nothing waits on a pipe's writer, which would wait for
// ever. The bound is only that: on a loaded machine a command may take
// seconds, and this is not a speed test.
func Within(t testing.TB, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("still waiting after a minute: it waits on a special file")
	}
}

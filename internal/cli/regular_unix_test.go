//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runWithin runs the command and fails the test if it has not returned
// within a second: a named pipe must never be waited on.
func runWithin(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	type result struct {
		out, errOut string
		code        int
	}
	done := make(chan result, 1)
	go func() {
		o, e, c := run(t, dir, args...)
		done <- result{o, e, c}
	}()
	select {
	case r := <-done:
		return r.out, r.errOut, r.code
	case <-time.After(5 * time.Second): // generous for a loaded machine; a wait would be for ever
		t.Fatalf("%v still running: it waits on a special file", args)
		return "", "", 0
	}
}

func TestSpecialFilesAreNeverRead(t *testing.T) {
	dir := writeAnswers(t, siteAnswers)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.json"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	os.Symlink("pipe.json", filepath.Join(dir, "link.json"))
	os.Symlink("/dev/zero", filepath.Join(dir, "zero.json"))
	os.Symlink("nowhere.json", filepath.Join(dir, "dangling.json"))
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"import", "pipe.json"}, "pipe.json is a named pipe, not a regular file"},
		{[]string{"import", "link.json"}, "link.json is a named pipe, not a regular file"},
		{[]string{"import", "zero.json"}, "zero.json is a device, not a regular file"},
		{[]string{"diff", "pipe.json"}, "pipe.json is a named pipe"},
		{[]string{"propose", "--overrides", "zero.json"}, "zero.json is a device"},
		{[]string{"export", "-o", "pipe.json"}, "pipe.json is a named pipe"},
		{[]string{"export", "-o", "zero.json"}, "zero.json is a device"},
		{[]string{"export", "-o", "dangling.json"}, "dangling.json is a symbolic link to a file that does not exist"},
	}
	for _, c := range cases {
		_, errOut, code := runWithin(t, dir, c.args...)
		if code != ExitBadInput || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: code %d %q", c.args, code, errOut)
		}
	}
	// .bestpractices.json itself a pipe: check --json-in-sync says so.
	if err := syscall.Mkfifo(filepath.Join(dir, ".bestpractices.json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runWithin(t, dir, "check", "--json-in-sync"); code != ExitBadInput || !strings.Contains(errOut, ".bestpractices.json is a named pipe") {
		t.Errorf("check --json-in-sync: %d %q", code, errOut)
	}
	if fi, err := os.Lstat(filepath.Join(dir, "pipe.json")); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}
	if fi, err := os.Lstat(filepath.Join(dir, "dangling.json")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the dangling link was replaced")
	}
}

//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runWithin runs the command and fails the test if it waits: a named pipe
// must never be waited on.
func runWithin(t *testing.T, dir string, args ...string) (out, errOut string, code int) {
	t.Helper()
	within(t, func() { out, errOut, code = run(t, dir, args...) })
	return out, errOut, code
}

func TestSpecialFilesAreNeverRead(t *testing.T) {
	dir := writeAnswers(t, siteAnswers)
	makeFIFO(t, filepath.Join(dir, "pipe.json"))
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
	makeFIFO(t, filepath.Join(dir, ".bestpractices.json"))
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

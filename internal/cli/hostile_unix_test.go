//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue: a FIFO as .bestpractices.yaml made status hang for ever. It exits
// 2 at once, saying what is there.
func TestStatusAnswersFileIsAPipe(t *testing.T) {
	dir := t.TempDir()
	makeFIFO(t, filepath.Join(dir, ".bestpractices.yaml"))
	within(t, func() {
		_, errOut, code := run(t, dir, "status")
		if code != ExitBadInput || !strings.Contains(errOut, "named pipe") {
			t.Errorf("code %d, %q", code, errOut)
		}
	})
}

// Issue: a FIFO at .git/config made status hang. Every git metadata file we
// read is read only when it is a regular file: config, HEAD, packed-refs,
// commondir, a ref, the .git file itself.
func TestGitMetadataPipes(t *testing.T) {
	for _, name := range []string{"config", "HEAD", "packed-refs", "commondir", "refs/remotes/origin/HEAD", "logs/HEAD"} {
		t.Run(name, func(t *testing.T) {
			dir := writeAnswers(t, passingAnswers())
			gd := filepath.Join(dir, ".git")
			os.MkdirAll(filepath.Join(gd, "refs", "heads"), 0o755)
			if name != "HEAD" {
				os.WriteFile(filepath.Join(gd, "HEAD"), []byte("ref: refs/heads/main\n"), 0o644)
			}
			if name != "config" {
				os.WriteFile(filepath.Join(gd, "config"), []byte("[remote \"origin\"]\n\turl = https://github.com/o/r.git\n"), 0o644)
			}
			makeFIFO(t, filepath.Join(gd, filepath.FromSlash(name)))
			within(t, func() {
				if _, errOut, code := run(t, dir, "status"); code != ExitOK {
					t.Errorf("status: code %d, %q", code, errOut)
				}
				if _, errOut, code := run(t, dir, "check"); code != ExitOK {
					t.Errorf("check: code %d, %q", code, errOut)
				}
			})
		})
	}
	t.Run(".git", func(t *testing.T) {
		dir := writeAnswers(t, passingAnswers())
		makeFIFO(t, filepath.Join(dir, ".git"))
		within(t, func() {
			if _, errOut, code := run(t, dir, "status"); code != ExitOK {
				t.Errorf("status: code %d, %q", code, errOut)
			}
		})
	})
}

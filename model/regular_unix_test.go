//go:build unix

package model

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/internal/fifotest"
)

var within, mkfifo = fifotest.Within, fifotest.Make

// Issue: a FIFO as .bestpractices.yaml, or a committed symlink to /dev/tty,
// made every command hang. They are refused at once, saying what they are.
func TestLoadRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	mkfifo(t, fifo)
	link := func(name, to string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(to, p); err != nil {
			t.Skipf("no symbolic links: %v", err)
		}
		return p
	}
	cases := map[string]string{
		fifo:                             "is a named pipe (FIFO), not a regular file",
		link("to-fifo.yaml", fifo):       "is a named pipe (FIFO), not a regular file",
		link("to-null.yaml", os.DevNull): "is a device, not a regular file",
		link("dangling.yaml", filepath.Join(dir, "gone.yaml")): "is a symbolic link to a file that does not exist",
		dir: "is a directory",
	}
	if _, err := os.Stat("/dev/tty"); err == nil {
		cases[link("to-tty.yaml", "/dev/tty")] = "is a device, not a regular file"
	}
	for p, want := range cases {
		within(t, func() {
			_, err := Load(p, cat)
			var fe *FileError
			if !errors.As(err, &fe) || !strings.Contains(fe.Error(), want) || fe.Fix.IsZero() {
				t.Errorf("%s: got %v, want %q", filepath.Base(p), err, want)
			}
		})
	}
}

// Issue: through a symlink to a character device, detect --apply (as root
// in a CI container) replaced the device with a regular file. A save never
// replaces what is not a regular file: a pipe swapped in after loading, a
// link to one, a dangling link.
func TestSaveNeverReplacesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	mkfifo(t, fifo)

	// Swapped for a pipe after loading.
	f, p := mustLoad(t, "version: 1\nanswers:\n")
	os.Remove(p)
	mkfifo(t, p)
	f.Set("test", Answer{Status: Met})
	within(t, func() {
		err := f.Save(true)
		var fe *FileError
		if !errors.As(err, &fe) || !strings.Contains(fe.Error(), "named pipe") {
			t.Errorf("got %v", err)
		}
	})
	if fi, _ := os.Lstat(p); fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}

	// A new file at a path that links to a pipe, or to nothing.
	for _, to := range []string{fifo, filepath.Join(dir, "missing", "x.yaml")} {
		link := filepath.Join(dir, "link-"+filepath.Base(to))
		if err := os.Symlink(to, link); err != nil {
			t.Skip("no symbolic links")
		}
		nf := New(link, cat, Project{Name: "x"})
		nf.Set("test", Answer{Status: Met})
		within(t, func() {
			if err := nf.Save(true); err == nil {
				t.Errorf("saved through a link to %s", to)
			}
		})
		if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the link to %s was replaced", to)
		}
	}
	if fi, _ := os.Lstat(fifo); fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}
	// WriteAtomic, which other writers use, refuses the same.
	within(t, func() {
		if err := WriteAtomic(fifo, []byte("x"), 0o644); err == nil {
			t.Error("WriteAtomic replaced a pipe")
		}
	})
	// ChangedOnDisk does not wait on a pipe either.
	within(t, func() {
		if !f.ChangedOnDisk() {
			t.Error("a pipe in place of the file is not a change")
		}
	})
}

// A path that cannot be opened is a FileError with its kind and what to
// do, in the user's language: the system's words ("stat /abs/path: too many
// levels of symbolic links") gave the absolute path and no way out.
func TestLoadSaysWhyAPathCannotBeOpened(t *testing.T) {
	dir := t.TempDir()
	loop := filepath.Join(dir, ".bestpractices.yaml")
	os.Symlink("other", loop)
	os.Symlink(".bestpractices.yaml", filepath.Join(dir, "other"))
	notDir := filepath.Join(dir, "file")
	os.WriteFile(notDir, []byte("x"), 0o644)
	for _, c := range []struct{ path, want string }{
		{loop, "is a symbolic link that leads back to itself (a loop); bestpractices reads and writes only a regular file"},
		{filepath.Join(notDir, "answers.yaml"), "a part of the path before the file's name is a file, not a directory; give the path"},
	} {
		_, err := Load(c.path, cat)
		var fe *FileError
		if !errors.As(err, &fe) || !strings.Contains(fe.Error(), c.want) || !strings.HasPrefix(fe.Error(), c.path+": ") {
			t.Errorf("%s: %v", c.path, err)
		}
	}
	if _, err := Load(filepath.Join(dir, "none.yaml"), cat); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file is a new file: %v", err)
	}
}

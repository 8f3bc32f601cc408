//go:build unix

package regfile

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"testing"

	"github.com/bestpractices/bestpractices/internal/fifotest"
)

func TestNotRegular(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "regular")
	os.WriteFile(regular, []byte("text"), 0o644)
	fifo := filepath.Join(dir, "fifo")
	fifotest.Make(t, fifo)
	sock := filepath.Join(dir, "sock")
	if l, err := net.Listen("unix", sock); err == nil {
		defer l.Close()
	}
	link := func(name, to string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(to, p); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
		return p
	}
	cases := map[string]Kind{
		fifo:                        FIFO,
		link("to-fifo", fifo):       FIFO,
		link("to-null", os.DevNull): Device,
		link("dangling", filepath.Join(dir, "none")): Dangling,
		dir: Directory,
	}
	if _, err := os.Stat("/dev/tty"); err == nil {
		cases[link("to-tty", "/dev/tty")] = Device
	}
	if _, err := os.Lstat(sock); err == nil {
		cases[sock] = Socket
	}
	for p, want := range cases {
		fifotest.Within(t, func() {
			_, err := ReadFile(p, 1<<20)
			var nr *NotRegularError
			if !errors.As(err, &nr) || nr.Kind != want {
				t.Errorf("%s: got %v, want a %s", filepath.Base(p), err, want)
			}
			if want == Dangling && errors.Is(err, fs.ErrNotExist) {
				t.Errorf("a dangling link reads as a missing file")
			}
			if err := CheckReplaceable(p); err == nil {
				t.Errorf("%s: may be replaced", filepath.Base(p))
			}
			if err := CheckWritable(p); !errors.As(err, &nr) {
				t.Errorf("%s: writable: %v", filepath.Base(p), err)
			}
		})
	}
	if b, err := ReadFile(link("to-regular", regular), 1<<20); err != nil || string(b) != "text" {
		t.Errorf("through a link: %q %v", b, err)
	}
	if err := CheckWritable(regular); err != nil {
		t.Errorf("a regular file is not writable: %v", err)
	}
	if b, _ := os.ReadFile(regular); string(b) != "text" {
		t.Errorf("checking wrote %q", b)
	}
	if _, err := ReadFile(regular, 3); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), 10); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
	if err := CheckReplaceable(filepath.Join(dir, "missing")); err != nil {
		t.Errorf("a new file may not be created: %v", err)
	}
}

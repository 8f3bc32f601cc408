package i18n

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/internal/fifotest"
)

// A locale file must be a regular file of a sane size: a named pipe is
// refused at once, a link to nothing is a missing file.
func TestReadFileRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	os.WriteFile(big, []byte(strings.Repeat("#\n", MaxFileSize/2+1)), 0o644)
	if _, err := ReadFile(big); !isKind(err, "too_large") {
		t.Errorf("too large: %v", err)
	}
	if _, err := ReadFile(dir); !isKind(err, "not_regular") {
		t.Errorf("a directory: %v", err)
	}
	if err := os.Symlink(filepath.Join(dir, "none.yaml"), filepath.Join(dir, "dangling.yaml")); err == nil {
		if _, err := ReadFile(filepath.Join(dir, "dangling.yaml")); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("a link to nothing: %v", err)
		}
	}
	fifo := filepath.Join(dir, "fifo.yaml")
	fifotest.Make(t, fifo)
	fifotest.Within(t, func() {
		if _, err := ReadFile(fifo); !isKind(err, "not_regular") {
			t.Errorf("a named pipe: %v", err)
		}
	})
}

func isKind(err error, kind string) bool {
	re, ok := IsReadError(err)
	return ok && re.Kind == kind
}

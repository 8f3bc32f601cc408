//go:build unix

package regfile

import (
	"os"
	"syscall"
)

// openNoBlock opens read-only with O_NONBLOCK, so that a pipe put at the
// path after the check cannot make us wait for a writer, and O_NOCTTY, so
// that a terminal device cannot become our controlling terminal.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
}

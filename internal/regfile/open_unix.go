//go:build unix

package regfile

import (
	"os"
	"syscall"
)

// openNoBlock opens with O_NONBLOCK, so that a pipe put at the
// path after the check cannot make us wait for a writer, and O_NOCTTY, so
// that a terminal device cannot become our controlling terminal.
func openNoBlock(path string, flag int) (*os.File, error) {
	return os.OpenFile(path, flag|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
}

//go:build !unix

package regfile

import "os"

// openNoBlock: without O_NONBLOCK, the check before opening is what keeps
// us from waiting on a pipe.
func openNoBlock(path string, flag int) (*os.File, error) { return os.OpenFile(path, flag, 0) }

//go:build !unix

package regfile

import "os"

// openNoBlock: without O_NONBLOCK, the check before opening is what keeps
// us from waiting on a pipe.
func openNoBlock(path string) (*os.File, error) { return os.Open(path) }

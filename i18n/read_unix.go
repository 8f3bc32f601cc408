//go:build unix

package i18n

import "syscall"

// openNonBlock keeps open(2) from waiting for a writer on a named pipe.
const openNonBlock = syscall.O_NONBLOCK

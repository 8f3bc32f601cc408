//go:build !unix

package cli

// openNonBlocking: this system has no O_NONBLOCK; the stat before the open
// is the guard.
const openNonBlocking = 0

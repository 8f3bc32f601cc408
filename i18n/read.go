package i18n

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/bestpractices/bestpractices/internal/regfile"
)

// MaxFileSize bounds a locale file: the complete English file is about
// 160 KiB, a translation at most twice that.
const MaxFileSize = 4 << 20

// ReadError says why a locale file was not read, beyond the system's own
// errors: Kind is "not_regular" (a named pipe, a device, a directory) or
// "too_large". i18n.T("ui.i18ncmd.read."+Kind) says it in words.
type ReadError struct {
	Path string
	Kind string
}

func (e *ReadError) Error() string {
	if e.Kind == "too_large" {
		return fmt.Sprintf("%s: over %d MiB; a locale file is much smaller", e.Path, MaxFileSize>>20)
	}
	return fmt.Sprintf("%s: not a regular file (a named pipe, a device or a directory)", e.Path)
}

// ReadFile reads a locale file, which must be a regular file of at most
// MaxFileSize bytes. A named pipe or a device is refused at once, never
// waited on (package regfile's rule).
func ReadFile(p string) ([]byte, error) {
	data, err := regfile.ReadFile(p, MaxFileSize)
	var nr *regfile.NotRegularError
	switch {
	case errors.As(err, &nr) && nr.Kind == regfile.Dangling:
		// Read, a link to nothing is a missing file.
		return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrNotExist}
	case errors.As(err, &nr):
		return nil, &ReadError{Path: p, Kind: "not_regular"}
	case errors.Is(err, regfile.ErrTooLarge):
		return nil, &ReadError{Path: p, Kind: "too_large"}
	}
	return data, err
}

// IsReadError reports whether err is a ReadError, and which.
func IsReadError(err error) (*ReadError, bool) {
	var re *ReadError
	ok := errors.As(err, &re)
	return re, ok
}

package i18n

import (
	"errors"
	"fmt"
	"io"
	"os"
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
// waited on: the file is opened without blocking and checked once open, so
// that one swapped in after a first look is refused too.
func ReadFile(p string) ([]byte, error) {
	if fi, err := os.Stat(p); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, &ReadError{Path: p, Kind: "not_regular"}
	}
	f, err := os.OpenFile(p, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &ReadError{Path: p, Kind: "not_regular"}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, &ReadError{Path: p, Kind: "too_large"}
	}
	return data, nil
}

// IsReadError reports whether err is a ReadError, and which.
func IsReadError(err error) (*ReadError, bool) {
	var re *ReadError
	ok := errors.As(err, &re)
	return re, ok
}

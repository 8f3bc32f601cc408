package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// These mirror package regfile of the answers file's work (issue 10), with
// the same kinds: when both are in, the commands use regfile and this file
// goes.

// NotRegularError is a path that leads to something other than a regular
// file: a named pipe, a device, a socket, a directory, a link to nothing.
// Reading one could wait for ever (a pipe nobody writes to) or never end
// (/dev/zero); replacing one is never what was meant.
type NotRegularError struct {
	Path string
	// Kind is fifo, device, socket, directory, dangling or other: the i18n
	// key ui.site.file_kind.<Kind> names it.
	Kind string
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s: not a regular file (%s)", e.Path, e.Kind)
}

func kindOf(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "fifo"
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return "device"
	case m&fs.ModeSocket != 0:
		return "socket"
	}
	return "other"
}

// statRegular is os.Stat for a path that must be a regular file: missing,
// an error matching fs.ErrNotExist; a link to nothing or anything but a
// regular file, a *NotRegularError. A stat never waits.
func statRegular(path string) (fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if li, lerr := os.Lstat(path); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
				return nil, &NotRegularError{Path: path, Kind: "dangling"}
			}
		}
		return nil, err
	}
	if k := kindOf(info.Mode()); k != "" {
		return nil, &NotRegularError{Path: path, Kind: k}
	}
	return info, nil
}

// openRegular opens path for reading only when it is a regular file, a
// symbolic link followed to one included. It looks before it opens, opens
// without waiting (O_NONBLOCK where there is one), and looks again at what
// it opened, in case the path was swapped between.
func openRegular(path string) (*os.File, error) {
	if _, err := statRegular(path); err != nil {
		return nil, err
	}
	fh, err := os.OpenFile(path, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, err
	}
	info, err := fh.Stat()
	if err != nil {
		fh.Close()
		return nil, err
	}
	if k := kindOf(info.Mode()); k != "" {
		fh.Close()
		return nil, &NotRegularError{Path: path, Kind: k}
	}
	return fh, nil
}

// readRegular reads at most limit+1 bytes of a regular file: enough to see
// that it is over the limit, without reading all of a huge one.
func readRegular(path string, limit int64) ([]byte, error) {
	fh, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return io.ReadAll(io.LimitReader(fh, limit+1))
}

// checkReplaceable reports whether a new regular file may be put at path:
// nothing is there, or a regular file is.
func checkReplaceable(path string) error {
	_, err := statRegular(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// Package regfile opens files that must be regular files (the answers file,
// git metadata, locale and JSON files) without ever waiting on something
// else at that path: a named pipe, a device (a symlink to /dev/tty), a
// socket. Such a path gives a *NotRegularError at once.
package regfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Kind says what a path is instead of a regular file.
type Kind string

const (
	Directory Kind = "directory"
	FIFO      Kind = "fifo"
	Device    Kind = "device"
	Socket    Kind = "socket"
	// Dangling is a symbolic link whose target does not exist.
	Dangling Kind = "dangling"
	Other    Kind = "other"
)

// NotRegularError is a path that is not a regular file (nor a symbolic
// link to one).
type NotRegularError struct {
	Path string
	Kind Kind
}

func (e *NotRegularError) Error() string {
	what := map[Kind]string{
		Directory: "a directory",
		FIFO:      "a named pipe (FIFO)",
		Device:    "a device",
		Socket:    "a socket",
		Dangling:  "a symbolic link to a file that does not exist",
	}[e.Kind]
	if what == "" {
		what = "not a regular file"
	}
	return fmt.Sprintf("%s is %s, not a regular file", e.Path, what)
}

// KindOf classifies a file mode; "" for a regular file.
func KindOf(m fs.FileMode) Kind {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return Directory
	case m&fs.ModeNamedPipe != 0:
		return FIFO
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return Device
	case m&fs.ModeSocket != 0:
		return Socket
	}
	return Other
}

// Stat is os.Stat for a path that must be a regular file: a missing path
// gives an error matching fs.ErrNotExist (a dangling symbolic link does
// not: it is a *NotRegularError), anything else at the path a
// *NotRegularError.
func Stat(path string) (fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if li, lerr := os.Lstat(path); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
				return nil, &NotRegularError{Path: path, Kind: Dangling}
			}
		}
		return nil, err
	}
	if k := KindOf(info.Mode()); k != "" {
		return nil, &NotRegularError{Path: path, Kind: k}
	}
	return info, nil
}

// Open opens path for reading if it is a regular file (following symbolic
// links). It checks before opening, and again on the opened file, so that
// a path swapped for a pipe in between is still refused; the open itself
// never blocks (see openNoBlock).
func Open(path string) (*os.File, fs.FileInfo, error) {
	return open(path, os.O_RDONLY)
}

// CheckWritable reports whether path is a regular file that may be opened
// for writing (nil), without writing to it nor waiting on what is there
// instead: a pipe, a device or a socket is a *NotRegularError, a file
// without write permission the system's error.
func CheckWritable(path string) error {
	fh, _, err := open(path, os.O_WRONLY)
	if err != nil {
		return err
	}
	return fh.Close()
}

// open is Open with the access mode flag (os.O_RDONLY or os.O_WRONLY;
// never O_CREATE nor O_TRUNC: the file is checked once open).
func open(path string, flag int) (*os.File, fs.FileInfo, error) {
	if _, err := Stat(path); err != nil {
		return nil, nil, err
	}
	fh, err := openNoBlock(path, flag)
	if err != nil {
		return nil, nil, err
	}
	info, err := fh.Stat()
	if err != nil {
		fh.Close()
		return nil, nil, err
	}
	if k := KindOf(info.Mode()); k != "" {
		fh.Close()
		return nil, nil, &NotRegularError{Path: path, Kind: k}
	}
	return fh, info, nil
}

// ErrTooLarge is a file over the limit given to ReadFile.
var ErrTooLarge = errors.New("file too large")

// ReadFile reads a regular file of at most limit bytes (ErrTooLarge
// beyond it).
func ReadFile(path string, limit int64) ([]byte, error) {
	fh, info, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	if info.Size() > limit {
		return nil, ErrTooLarge
	}
	b, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, ErrTooLarge
	}
	return b, nil
}

// CheckReplaceable reports whether a writer may put a new regular file at
// path: nothing is there yet (nil), or a regular file is (nil). A
// directory, pipe, device, socket or a dangling symbolic link is a
// *NotRegularError: replacing one would destroy it (a device node as root)
// or write where the user did not mean to.
func CheckReplaceable(path string) error {
	_, err := Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

package cli

import (
	"fmt"
	"io"
	"io/fs"
	"os"
)

// NotRegularError is a path that leads to something other than a regular
// file: a named pipe, a device, a socket, a directory. Reading one could
// wait for ever (a pipe nobody writes to) or never end (/dev/zero).
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s: not a regular file (%s)", e.Path, e.Kind())
}

// Kind names what the path is, as the i18n key ui.site.file_kind.<Kind>.
func (e *NotRegularError) Kind() string {
	switch m := e.Mode; {
	case m&fs.ModeNamedPipe != 0:
		return "fifo"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	case m.IsDir():
		return "directory"
	}
	return "other"
}

// openRegular opens path for reading only when it is a regular file, a
// symbolic link followed to one included. It looks before it opens (a stat
// never waits), opens without waiting (O_NONBLOCK where there is one), and
// looks again at what it opened, in case the path was swapped between.
func openRegular(path string) (*os.File, fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, nil, &NotRegularError{Path: path, Mode: info.Mode()}
	}
	fh, err := os.OpenFile(path, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err = fh.Stat()
	if err != nil {
		fh.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		fh.Close()
		return nil, nil, &NotRegularError{Path: path, Mode: info.Mode()}
	}
	return fh, info, nil
}

// readRegular reads at most limit+1 bytes of a regular file: enough to see
// that it is over the limit, without reading all of a huge one.
func readRegular(path string, limit int64) ([]byte, error) {
	fh, _, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return io.ReadAll(io.LimitReader(fh, limit+1))
}

// checkWritable refuses to replace anything but a regular file (or
// nothing): a write over a device or a pipe would never be what was meant.
func checkWritable(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return nil // missing (or unreachable): the write itself says
	}
	if !info.Mode().IsRegular() {
		return &NotRegularError{Path: path, Mode: info.Mode()}
	}
	return nil
}

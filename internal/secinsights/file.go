package secinsights

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"

	"github.com/bestpractices/bestpractices/internal/regfile"
)

// Find returns the repository path of root's Security Insights file, ""
// when there is none (see Candidates).
func Find(root string) string {
	for _, d := range Candidates {
		ents, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(d)))
		if err != nil {
			continue
		}
		var names []string
		for _, e := range ents {
			if IsFileName(e.Name()) {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		if len(names) > 0 {
			return path.Join(d, names[0])
		}
	}
	return ""
}

// ErrNotRegular is a path that is not a regular file (a directory, a FIFO,
// a device, a broken link): nothing is read from it or written to it.
var ErrNotRegular = errors.New("not a regular file")

// ReadFile reads an existing file for a merge, following a symbolic link:
// a regular file of at most MaxSize bytes. A missing file is
// fs.ErrNotExist. It also returns the resolved path, where to write.
func ReadFile(p string) (data []byte, resolved string, perm os.FileMode, err error) {
	resolved = p
	if r, err := filepath.EvalSymlinks(p); err == nil {
		resolved = r
	} else if _, lerr := os.Lstat(p); lerr == nil {
		return nil, p, 0, ErrNotRegular // a link to nowhere: do not write through it
	}
	fh, info, err := regfile.Open(resolved) // never waits on a pipe swapped in
	var nr *regfile.NotRegularError
	switch {
	case errors.As(err, &nr):
		return nil, resolved, 0, ErrNotRegular
	case err != nil:
		return nil, resolved, 0, err
	}
	defer fh.Close()
	if info.Size() > MaxSize {
		return nil, resolved, 0, &ParseError{Msg: msg("read.too_large", "Size", info.Size(), "Limit", MaxSize)}
	}
	data, err = io.ReadAll(io.LimitReader(fh, MaxSize+1))
	if err != nil {
		return nil, resolved, 0, err
	}
	if len(data) > MaxSize {
		return nil, resolved, 0, &ParseError{Msg: msg("read.too_large", "Size", len(data), "Limit", MaxSize)}
	}
	return data, resolved, info.Mode().Perm(), nil
}

// IsNotExist reports whether err says the file is not there.
func IsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

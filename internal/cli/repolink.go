package cli

import (
	"os"
	"path/filepath"
	"strings"
)

// leavesRepo reports whether path, a file of the repository at root (the
// security policy, -o .bestpractices.json), is a symbolic link that leads
// out of it, and where. Such a link is committed by whoever wrote the
// repository: a writer that followed it would change a file of the user's
// elsewhere (~/.bashrc, ~/.docker/config.json), as detect would read one.
// A path that is not inside the repository was named by the user, and is
// theirs to name.
func leavesRepo(root, path string) (string, bool) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", false
	}
	if !insideDir(root, path) && !insideDir(realRoot, path) {
		return "", false
	}
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		// Not a link itself; a directory on the way may be one.
		dir, err := filepath.EvalSymlinks(filepath.Dir(path))
		if err != nil || insideDir(realRoot, filepath.Join(dir, filepath.Base(path))) {
			return "", false
		}
		return filepath.Join(dir, filepath.Base(path)), true
	}
	dest, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", false // dangling: the regular-file checks refuse it
	}
	if insideDir(realRoot, dest) {
		return "", false
	}
	return dest, true
}

// insideDir reports whether p is root or under it.
func insideDir(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

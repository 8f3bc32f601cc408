// Package gitrepo reads what we need of a git repository straight from its
// files (no git binary needed): where its root is and where it is hosted.
package gitrepo

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/internal/regfile"
)

// maxMeta is the largest git metadata file we read: packed-refs of a very
// large repository fits.
const maxMeta = 64 << 20

// ReadFile reads one of git's metadata files (HEAD, a ref, packed-refs,
// commondir, config, a .git file). Only a regular file is read: a named
// pipe, a device or a socket put there by a hostile repository gives an
// error at once instead of blocking the command.
func ReadFile(path string) ([]byte, error) { return regfile.ReadFile(path, maxMeta) }

// Open opens one of git's metadata files for reading (see ReadFile).
func Open(path string) (*os.File, error) {
	fh, _, err := regfile.Open(path)
	return fh, err
}

// isGitEntry: .git is a directory (a repository) or a file (a worktree's or
// submodule's "gitdir:" pointer); anything else there is not git's.
func isGitEntry(fi os.FileInfo) bool { return fi.IsDir() || fi.Mode().IsRegular() }

// Root returns the root of the git work tree containing dir, or "" when dir
// is not inside one.
func Root(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if fi, err := os.Stat(filepath.Join(dir, ".git")); err == nil && isGitEntry(fi) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// GitDir returns the git directory of the work tree at root, following the
// "gitdir:" file that worktrees and submodules use.
func GitDir(root string) string {
	p := filepath.Join(root, ".git")
	fi, err := os.Stat(p)
	if err != nil || !isGitEntry(fi) {
		return ""
	}
	if fi.IsDir() {
		return p
	}
	b, err := regfile.ReadFile(p, 64<<10)
	if err != nil {
		return ""
	}
	line := strings.TrimSpace(string(b))
	if !strings.HasPrefix(line, "gitdir:") {
		return ""
	}
	d := strings.TrimSpace(strings.TrimPrefix(line, "gitdir:"))
	if !filepath.IsAbs(d) {
		d = filepath.Join(root, d)
	}
	return d
}

// Remotes returns the fetch URLs of the repository's remotes by name.
func Remotes(root string) map[string]string {
	out := map[string]string{}
	gd := GitDir(root)
	if gd == "" {
		return out
	}
	cfg := filepath.Join(gd, "config")
	// A linked worktree keeps its config in the common directory.
	if b, err := ReadFile(filepath.Join(gd, "commondir")); err == nil {
		c := strings.TrimSpace(string(b))
		if !filepath.IsAbs(c) {
			c = filepath.Join(gd, c)
		}
		cfg = filepath.Join(c, "config")
	}
	b, err := ReadFile(cfg)
	if err != nil {
		return out
	}
	section := regexp.MustCompile(`^\[remote\s+"([^"]+)"\]`)
	current := ""
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			current = ""
			if m := section.FindStringSubmatch(line); m != nil {
				current = m[1]
			}
			continue
		}
		if current == "" {
			continue
		}
		if k, v, ok := strings.Cut(line, "="); ok && strings.TrimSpace(k) == "url" {
			if _, seen := out[current]; !seen {
				out[current] = strings.TrimSpace(v)
			}
		}
	}
	return out
}

// WebURL is the https address of the project for the repository at root:
// its "origin" remote (or the only remote) made browsable. "" without one.
func WebURL(root string) string {
	rs := Remotes(root)
	u, ok := rs["origin"]
	if !ok && len(rs) == 1 {
		for _, v := range rs {
			u = v
		}
	}
	return BrowseURL(u)
}

var scpLike = lazyregexp.New(`^(?:[^@/]+@)?([^:/]+):(.+)$`)

// BrowseURL turns a git remote URL (https, ssh, scp-like) into the https
// address of the project's page; "" for local paths.
func BrowseURL(remote string) string {
	r := strings.TrimSpace(remote)
	if r == "" {
		return ""
	}
	var host, path string
	switch {
	case strings.Contains(r, "://"):
		scheme, rest, _ := strings.Cut(r, "://")
		if scheme == "file" {
			return ""
		}
		if i := strings.Index(rest, "@"); i >= 0 && i < strings.Index(rest+"/", "/") {
			rest = rest[i+1:]
		}
		host, path, _ = strings.Cut(rest, "/")
		if h, _, ok := strings.Cut(host, ":"); ok && scheme != "http" && scheme != "https" {
			host = h // an ssh port is not the web port
		}
	case scpLike.MatchString(r) && !strings.HasPrefix(r, "/") && !strings.HasPrefix(r, "."):
		m := scpLike.FindStringSubmatch(r)
		host, path = m[1], m[2]
	default:
		return ""
	}
	path = strings.TrimSuffix(strings.Trim(path, "/"), ".git")
	if host == "" || path == "" {
		return ""
	}
	return "https://" + host + "/" + path
}

// Package evidence links answers to the files of the repository they cite:
// it builds web addresses for files on the project's forge, and finds the
// answers whose cited files have gone.
package evidence

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/bestpractices/bestpractices/internal/gitrepo"
)

// Forge is the kind of hosting, which decides the shape of file addresses.
type Forge int

const (
	Unknown Forge = iota
	GitHub
	GitLab
	Gitea // Codeberg, Forgejo and Gitea share one URL scheme
	Bitbucket
	SourceHut
)

// Site is where the repository is browsable on the web, and its default
// branch. Web is "" when there is no usable remote.
type Site struct {
	Web    string // https://github.com/owner/repo
	Branch string
	Forge  Forge
}

// Locate reads the repository at root: its remote (origin, or the only one)
// and its default branch, from refs/remotes/origin/HEAD, else the branch
// checked out, else "main".
func Locate(root string) Site {
	s := Site{Web: gitrepo.WebURL(root), Branch: DefaultBranch(root)}
	s.Forge = ForgeOf(s.Web)
	return s
}

// ForgeOf guesses the forge from the host of a web address.
func ForgeOf(web string) Forge {
	u, err := url.Parse(web)
	if err != nil || u.Host == "" {
		return Unknown
	}
	h := strings.ToLower(u.Hostname())
	switch {
	case h == "github.com" || strings.HasPrefix(h, "github."):
		return GitHub
	case h == "gitlab.com" || strings.HasPrefix(h, "gitlab.") || h == "salsa.debian.org" || h == "invent.kde.org" || h == "gitlab.gnome.org":
		return GitLab
	case h == "codeberg.org" || h == "gitea.com" || strings.Contains(h, "gitea") || strings.Contains(h, "forgejo"):
		return Gitea
	case h == "bitbucket.org":
		return Bitbucket
	case h == "git.sr.ht":
		return SourceHut
	}
	return Unknown
}

// CommonDir is the directory holding refs and config: the git directory,
// or for a linked worktree the main repository's.
func CommonDir(gitDir string) string {
	if b, err := gitrepo.ReadFile(filepath.Join(gitDir, "commondir")); err == nil {
		c := strings.TrimSpace(string(b))
		if !filepath.IsAbs(c) {
			c = filepath.Join(gitDir, c)
		}
		return c
	}
	return gitDir
}

// DefaultBranch is the branch the forge shows first, as far as the local
// data knows it.
func DefaultBranch(root string) string {
	gd := gitrepo.GitDir(root)
	if gd == "" {
		return "main"
	}
	if b, err := gitrepo.ReadFile(filepath.Join(CommonDir(gd), "refs", "remotes", "origin", "HEAD")); err == nil {
		if r, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "ref: refs/remotes/origin/"); ok && r != "" {
			return r
		}
	}
	if b := CurrentBranch(gd); b != "" {
		return b
	}
	return "main"
}

// CurrentBranch is the branch HEAD points to, "" when detached or unknown.
func CurrentBranch(gitDir string) string {
	b, err := gitrepo.ReadFile(filepath.Join(gitDir, "HEAD"))
	if err != nil {
		return ""
	}
	r, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "ref: refs/heads/")
	if !ok {
		return ""
	}
	return r
}

func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// FileURL is the address of a file (or, with dir, a directory) on the
// default branch, at line when line > 0; "" when the forge is unknown.
func (s Site) FileURL(path string, line int) string {
	return s.fileURL(path, line, false)
}

// DirURL is the address of a directory on the default branch.
func (s Site) DirURL(path string) string { return s.fileURL(path, 0, true) }

func (s Site) fileURL(path string, line int, dir bool) string {
	if s.Web == "" {
		return ""
	}
	b, p := escapePath(s.Branch), escapePath(path)
	var u, anchor string
	switch s.Forge {
	case GitHub:
		kind := "blob"
		if dir {
			kind = "tree"
		}
		u, anchor = s.Web+"/"+kind+"/"+b+"/"+p, "#L%d"
	case GitLab:
		kind := "blob"
		if dir {
			kind = "tree"
		}
		u, anchor = s.Web+"/-/"+kind+"/"+b+"/"+p, "#L%d"
	case Gitea:
		u, anchor = s.Web+"/src/branch/"+b+"/"+p, "#L%d"
	case Bitbucket:
		u, anchor = s.Web+"/src/"+b+"/"+p, "#lines-%d"
	case SourceHut:
		u, anchor = s.Web+"/tree/"+b+"/item/"+p, "#L%d"
	default:
		return ""
	}
	if line > 0 && !dir {
		u += fmt.Sprintf(anchor, line)
	}
	return u
}

// TagURL is the address of the tree at a tag; "" when unknown.
func (s Site) TagURL(tag string) string {
	t := escapePath(tag)
	switch s.Forge {
	case GitHub:
		return s.Web + "/tree/" + t
	case GitLab:
		return s.Web + "/-/tree/" + t
	case Gitea:
		return s.Web + "/src/tag/" + t
	case Bitbucket:
		return s.Web + "/src/" + t
	case SourceHut:
		return s.Web + "/tree/" + t
	}
	return ""
}

// CommitURL is the address of one commit; "" when unknown.
func (s Site) CommitURL(sha string) string {
	switch s.Forge {
	case GitHub, Gitea:
		return s.Web + "/commit/" + sha
	case GitLab:
		return s.Web + "/-/commit/" + sha
	case Bitbucket:
		return s.Web + "/commits/" + sha
	case SourceHut:
		return s.Web + "/commit/" + sha
	}
	return ""
}

// PrivateReportURL is where the forge takes private vulnerability reports,
// "" for forges without such a feature.
func (s Site) PrivateReportURL() string {
	switch s.Forge {
	case GitHub:
		return s.Web + "/security/advisories/new"
	case GitLab:
		// A confidential issue is GitLab's private channel.
		return s.Web + "/-/issues/new?issue[confidential]=true"
	}
	return ""
}

// AdvisoriesURL is where the forge publishes security advisories, "" when
// it has no such page.
func (s Site) AdvisoriesURL() string {
	if s.Forge == GitHub {
		return s.Web + "/security/advisories"
	}
	return ""
}

// PathOf returns the repository path a URL points to when it is a file or
// directory of this project on its forge at the default branch (or HEAD).
// Links to a tag or a commit are permanent and not reported.
func (s Site) PathOf(raw string) (string, bool) {
	if s.Web == "" || s.Forge == Unknown {
		return "", false
	}
	if i := strings.IndexAny(raw, "#?"); i >= 0 {
		raw = raw[:i]
	}
	prefix := strings.ToLower(s.Web) + "/"
	if len(raw) < len(prefix) || strings.ToLower(raw[:len(prefix)]) != prefix {
		return "", false
	}
	rest := raw[len(prefix):]
	var kinds []string
	switch s.Forge {
	case GitHub:
		kinds = []string{"blob/", "tree/", "raw/"}
	case GitLab:
		kinds = []string{"-/blob/", "-/tree/", "-/raw/"}
	case Gitea:
		kinds = []string{"src/branch/", "raw/branch/"}
	case Bitbucket:
		kinds = []string{"src/", "raw/"}
	case SourceHut:
		kinds = []string{"tree/"}
	}
	for _, k := range kinds {
		r, ok := strings.CutPrefix(rest, k)
		if !ok {
			continue
		}
		for _, ref := range []string{escapePath(s.Branch), s.Branch, "HEAD"} {
			p, ok := strings.CutPrefix(r, ref+"/")
			if !ok {
				continue
			}
			if s.Forge == SourceHut {
				if p, ok = strings.CutPrefix(p, "item/"); !ok {
					continue
				}
			}
			p = strings.TrimSuffix(p, "/")
			if un, err := url.PathUnescape(p); err == nil {
				p = un
			}
			if p == "" {
				return "", false
			}
			return p, true
		}
	}
	return "", false
}

package evidence

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/model"
)

// StaleRef is a file an answer cites that the repository no longer holds.
type StaleRef struct {
	ID    string // the criterion
	Cited string // as written in the justification
	Path  string // the repository path it stands for
}

var (
	urlPattern  = lazyregexp.New(`https?://[^\s<>"'\x60)\]]+`)
	pathPattern = lazyregexp.New(`[A-Za-z0-9_.\-/]+`)
)

// Extensions that make a word look like a file name. Bare names (no
// directory) need a documentation or manifest extension: "Node.js" or
// "ASP.NET" are names of things, not files.
var (
	fileExts = setOf("md", "markdown", "rst", "txt", "adoc", "asciidoc", "org", "html", "htm", "pdf",
		"yaml", "yml", "toml", "json", "json5", "cfg", "ini", "xml", "mod", "sum", "lock",
		"go", "rs", "py", "js", "mjs", "ts", "tsx", "jsx", "java", "kt", "c", "h", "cc", "cpp", "hpp",
		"rb", "php", "sh", "bash", "ps1", "cs", "swift", "scala", "gradle", "cmake", "mk", "sql", "png", "svg")
	bareExts = setOf("md", "markdown", "rst", "txt", "adoc", "asciidoc", "yaml", "yml", "toml", "json", "cfg", "ini", "mod")
)

func setOf(xs ...string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// Citation is one reference to a repository file found in a text.
type Citation struct {
	Cited string
	Path  string
}

// Citations finds the repository files a justification points to: URLs to
// this project's forge at its default branch, and relative paths such as
// docs/guide.md or ./SECURITY.md. Words that merely look like paths
// ("and/or") count only when their first directory exists.
func Citations(text, root string, site Site) []Citation {
	var out []Citation
	seen := map[string]bool{}
	add := func(cited, p string) {
		p = path.Clean(p)
		if p == "." || strings.HasPrefix(p, "../") || p == ".." || strings.HasPrefix(p, "/") || seen[p] {
			return
		}
		seen[p] = true
		out = append(out, Citation{Cited: cited, Path: p})
	}
	for _, u := range urlPattern.FindAllString(text, -1) {
		u = strings.TrimRight(u, ".,;:!?")
		if p, ok := site.PathOf(u); ok {
			add(u, p)
		}
	}
	rest := urlPattern.ReplaceAllString(text, " ")
	for _, w := range pathPattern.FindAllString(rest, -1) {
		w = strings.TrimRight(w, ".")
		if p, ok := relativePath(w, root); ok {
			add(w, p)
		}
	}
	return out
}

func relativePath(w, root string) (string, bool) {
	p := strings.TrimPrefix(w, "./")
	explicit := p != w
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "//") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return "", false
		}
	}
	p = strings.TrimSuffix(p, "/")
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(p), "."))
	if !strings.Contains(p, "/") {
		return p, explicit || bareExts[ext]
	}
	if explicit {
		return p, true
	}
	first, _, _ := strings.Cut(p, "/")
	fi, err := os.Stat(filepath.Join(root, first))
	isDir := err == nil && fi.IsDir()
	if strings.Contains(first[1:], ".") && !isDir {
		return "", false // a host name: example.org/docs/x.md
	}
	return p, isDir || fileExts[ext]
}

// Stale returns, for each answer given, the cited repository files that
// do not exist under root, in criterion id order. Notes kept on unanswered
// criteria are not checked: they are not answers yet.
func Stale(root string, site Site, answers model.Answers) []StaleRef {
	var out []StaleRef
	for id, a := range answers {
		if a.Status == model.Unknown || strings.TrimSpace(a.Justification) == "" {
			continue
		}
		for _, c := range Citations(a.Justification, root, site) {
			// Gone, or a path through a file: anything but "cannot look".
			if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(c.Path))); err != nil && !errors.Is(err, fs.ErrPermission) {
				out = append(out, StaleRef{ID: id, Cited: c.Cited, Path: c.Path})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

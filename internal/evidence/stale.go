package evidence

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"regexp"
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
	urlPattern = lazyregexp.New(`https?://[^\s<>"'\x60)\]]+`)
	// A word that may name a file: path characters, and the glob and
	// bracket characters people write (docs/*.md, SECURITY[.md]).
	pathPattern = lazyregexp.New(`[A-Za-z0-9_.\-/*?\[\]]+`)
	// Words by which a sentence says a file is absent ("No SECURITY[.md]
	// file found", "we have no ROADMAP.md yet"): a name it cites is no
	// claim that the file exists.
	negation = lazyregexp.New(`(?i)\b(no|not|none|never|without|missing|lacks?|absent)\b|n't\b`)
	// Words by which a sentence speaks of what is published with a
	// release rather than kept in the repository.
	releaseWords = lazyregexp.New(`(?i)\b(releases?|released|artifacts?|artefacts?|assets?|downloads?|attached|attaches|tarballs?|packages?|packaged|shipped)\b`)
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
	// assetSuffixes end the names of files published with a release
	// (signatures, checksums, SBOMs, archives), not kept in a repository.
	assetSuffixes = []string{".sig", ".asc", ".sha256", ".sha512", ".pem", ".crt", ".intoto.jsonl", ".spdx.json", ".cdx.json",
		".spdx", ".sbom", ".tar.gz", ".tgz", ".zip", ".whl", ".deb", ".rpm", ".dmg", ".exe", ".msi", ".apk", ".jar", ".appimage"}
	// repoDocuments are names that are a repository's own documents even
	// when a sentence speaks of releases ("see CHANGELOG.md for each release").
	repoDocuments = setOf("readme", "changelog", "changes", "news", "history", "contributing", "security", "license",
		"licence", "copying", "notice", "code_of_conduct", "governance", "maintainers", "authors", "roadmap", "support")
)

func setOf(xs ...string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// citeKind is how a citation is checked.
type citeKind int

const (
	exactPath citeKind = iota // this path, from the top of the repository
	anyName                   // a file of this name anywhere in the tree
	anyMatch                  // any file matching this pattern
)

// Citation is one reference to a repository file found in a text.
type Citation struct {
	Cited string // as written
	Path  string // the repository path, name or pattern it stands for
	kind  citeKind
	// names are the alternatives a bare name stands for: SECURITY[.md] is
	// SECURITY or SECURITY.md.
	names []string
	// excused: nothing need exist, the sentence says it is absent or
	// published with releases.
	excused bool
}

// Citations finds the repository files a justification points to: URLs to
// this project's forge at its default branch, relative paths such as
// docs/guide.md or ./SECURITY.md, bare file names (ci.yml, which may live
// anywhere in the tree), globs (.github/requirements/*.txt) and bracketed
// alternatives (SECURITY[.md]). Words that merely look like paths
// ("and/or", "crypto/rand.Reader") count only when they name a file type
// or end with a slash.
func Citations(text, root string, site Site) []Citation {
	var out []Citation
	seen := map[string]bool{}
	add := func(c Citation) {
		if c.kind == exactPath {
			c.Path = path.Clean(c.Path)
			if c.Path == "." || strings.HasPrefix(c.Path, "../") || c.Path == ".." || strings.HasPrefix(c.Path, "/") {
				return
			}
		}
		key := c.Path + "\x00" + strings.Join(c.names, "\x00")
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, c)
	}
	for _, u := range urlPattern.FindAllString(text, -1) {
		u = strings.TrimRight(u, ".,;:!?")
		if p, ok := site.PathOf(u); ok {
			add(Citation{Cited: u, Path: p})
		}
	}
	rest := urlPattern.ReplaceAllString(text, " ")
	for _, sentence := range sentences(rest) {
		negated := negation.MatchString(sentence)
		aboutReleases := releaseWords.MatchString(sentence)
		for _, w := range pathPattern.FindAllString(sentence, -1) {
			c, ok := citation(w, root)
			if !ok {
				continue
			}
			if c.kind != exactPath && (negated || aboutReleases && !isRepoDocument(c)) {
				c.excused = true
			}
			if c.kind == anyName && isAsset(c) {
				continue // a release asset: never a file of the repository
			}
			add(c)
		}
	}
	return out
}

// sentences splits a text where a sentence ends: ". ", "! ", "? ", "; ",
// or a line break. File names keep their dots.
func sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		end := false
		switch text[i] {
		case '\n':
			end = true
		case '.', '!', '?', ';':
			end = i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' || text[i+1] == '\t'
		}
		if end {
			out = append(out, text[start:i+1])
			start = i + 1
		}
	}
	return append(out, text[start:])
}

// citation reads one word as a citation, if it is one.
func citation(w, root string) (Citation, bool) {
	w = strings.TrimRight(w, ".,;:!?")
	// Brackets around a whole word are punctuation ("[CONTRIBUTING.md]"),
	// as is an unmatched one ("[the", "guide]").
	for strings.HasPrefix(w, "[") && strings.HasSuffix(w, "]") {
		w = w[1 : len(w)-1]
	}
	if strings.Count(w, "[") != strings.Count(w, "]") {
		w = strings.Trim(w, "[]")
	}
	cited := w
	p := strings.TrimPrefix(w, "./")
	explicit := p != w
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "//") {
		return Citation{}, false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." || strings.Trim(seg, ".") == "" && seg != "" {
			return Citation{}, false // "./...", "../x": no file of the tree
		}
	}
	dirSlash := strings.HasSuffix(p, "/")
	p = strings.TrimSuffix(p, "/")
	if alts, ok := alternatives(p); ok {
		if !strings.Contains(p, "/") && anyHasExt(alts, bareExts) {
			return Citation{Cited: cited, Path: p, kind: anyName, names: alts}, true
		}
		return Citation{}, false
	}
	if strings.ContainsAny(p, "*?[") {
		return globCitation(cited, p, root)
	}
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(p), "."))
	if !strings.Contains(p, "/") {
		if explicit {
			return Citation{Cited: cited, Path: p}, true
		}
		return Citation{Cited: cited, Path: p, kind: anyName, names: []string{p}}, bareExts[ext]
	}
	if explicit {
		return Citation{Cited: cited, Path: p}, true
	}
	first, _, _ := strings.Cut(p, "/")
	fi, err := os.Stat(filepath.Join(root, first))
	isDir := err == nil && fi.IsDir()
	if strings.Contains(first[1:], ".") && !isDir {
		return Citation{}, false // a host name: example.org/docs/x.md
	}
	// "crypto/rand.Reader" in a Go project with a crypto/ directory is a
	// package, not a file: a path counts when it names a file type or ends
	// with a slash.
	return Citation{Cited: cited, Path: p}, fileExts[ext] || dirSlash && isDir
}

// alternatives reads NAME[.ext] as NAME or NAME.ext, the way people (and
// the badge site's own autofill) write "a file with or without this
// extension".
func alternatives(p string) ([]string, bool) {
	i := strings.Index(p, "[.")
	if i <= 0 || !strings.HasSuffix(p, "]") || strings.Count(p, "[") != 1 {
		return nil, false
	}
	base, opt := p[:i], p[i+1:len(p)-1]
	if strings.ContainsAny(base, "*?") || strings.ContainsAny(opt, "*?/") {
		return nil, false
	}
	return []string{base, base + opt}, true
}

func anyHasExt(names []string, exts map[string]bool) bool {
	for _, n := range names {
		if exts[strings.ToLower(strings.TrimPrefix(path.Ext(n), "."))] {
			return true
		}
	}
	return false
}

// globCitation reads a pattern as a citation when it names files: a file
// type in its last part, or a directory of the repository.
func globCitation(cited, p, root string) (Citation, bool) {
	if strings.Trim(p, "*?/") == "" {
		return Citation{}, false
	}
	last := path.Base(p)
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(last), "."))
	first, _, hasDir := strings.Cut(p, "/")
	known := fileExts[ext] && !strings.ContainsAny(ext, "*?[")
	if hasDir && !known {
		fi, err := os.Stat(filepath.Join(root, first))
		known = err == nil && fi.IsDir()
	}
	if !known {
		return Citation{}, false
	}
	if _, err := globRegexp(p); err != nil {
		return Citation{}, false
	}
	return Citation{Cited: cited, Path: p, kind: anyMatch}, true
}

// globRegexp turns a glob into a regular expression on slash-separated
// paths: * and ? within a name, ** across directories, [...] a class. A
// pattern without a slash matches a name anywhere in the tree.
func globRegexp(p string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("(?i)^")
	if !strings.Contains(p, "/") {
		b.WriteString("(?:.*/)?")
	}
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '*':
			if i+1 < len(p) && p[i+1] == '*' {
				i++
				if i+1 < len(p) && p[i+1] == '/' {
					i++
					b.WriteString("(?:.*/)?")
				} else {
					b.WriteString(".*")
				}
				continue
			}
			b.WriteString("[^/]*")
		case '?':
			b.WriteString("[^/]")
		case '[':
			j := strings.IndexByte(p[i:], ']')
			if j < 0 {
				return nil, errors.New("unclosed class")
			}
			class := strings.Replace(p[i+1:i+j], "!", "^", 1)
			b.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
			i += j
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

func isAsset(c Citation) bool {
	for _, n := range c.names {
		l := strings.ToLower(n)
		for _, s := range assetSuffixes {
			if strings.HasSuffix(l, s) {
				return true
			}
		}
	}
	return false
}

func isRepoDocument(c Citation) bool {
	for _, n := range append([]string{c.Path}, c.names...) {
		base := strings.ToLower(path.Base(n))
		if i := strings.IndexByte(base, '.'); i > 0 {
			base = base[:i]
		}
		if repoDocuments[base] {
			return true
		}
	}
	return false
}

// Stale returns, for each answer given, the cited repository files of
// which nothing plausible exists under root, in criterion id order: an
// exact path that is gone, a bare name found nowhere in the tree, a
// pattern no file matches. A name the sentence says is absent, or
// publishes with releases, is no claim about the tree. Notes kept on
// unanswered criteria are not checked: they are not answers yet.
func Stale(root string, site Site, answers model.Answers) []StaleRef {
	return stale(root, site, answers, maxTreeFiles)
}

func stale(root string, site Site, answers model.Answers, limit int) []StaleRef {
	var out []StaleRef
	t := &tree{root: root, limit: limit}
	ids := make([]string, 0, len(answers))
	for id := range answers {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		a := answers[id]
		if a.Status == model.Unknown || strings.TrimSpace(a.Justification) == "" {
			continue
		}
		for _, c := range Citations(a.Justification, root, site) {
			if c.excused || t.plausible(c) {
				continue
			}
			out = append(out, StaleRef{ID: id, Cited: c.Cited, Path: c.Path})
		}
	}
	return out
}

// Package detect looks at a checked-out repository (its files and local git
// data, never the network) and proposes answers to the badge's criteria,
// each with a justification and the evidence behind it. What it cannot read
// (binary, unreadable or huge files, links leaving the repository, missing
// git data) is reported, and the scan goes on.
package detect

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/gitrepo"
	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/internal/regfile"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/secinsights"
	"github.com/bestpractices/bestpractices/model"
)

// DefaultMaxRead is how much of a file is read: enough for any policy or
// manifest, and a bound on what a huge file costs.
const DefaultMaxRead = 64 << 10

const defaultMaxFiles = 50000

// Options tune a scan; the zero value is ready to use.
type Options struct {
	Loc *i18n.Locale // texts of justifications and reasons; English when nil
	Now time.Time    // "now" for the age of the last commit; time.Now when zero
	// NoGitCommand forbids running the git binary; the scan then reads
	// only the files under .git.
	NoGitCommand bool
	MaxRead      int // bytes read per file; DefaultMaxRead when 0
	MaxFiles     int // files listed before the walk stops
	// ProjectURL is the project's address from the answers file, checked
	// for https like the addresses found in the repository.
	ProjectURL string
}

// Unchecked is something the scan could not look at, and why.
type Unchecked struct {
	Path   string `json:"path"` // repository path; "" for the repository as a whole
	Reason string `json:"reason"`
}

// Report is the outcome of a scan.
type Report struct {
	Root      string
	Site      evidence.Site
	Proposals model.Proposals
	Unchecked []Unchecked
	// Undecided lists, in the catalog's order, the criteria the scan
	// proposes nothing for, and why (detect --explain).
	Undecided []Undecided

	sourceOf map[string]string // criterion -> the source that proposed it (tests)
}

// Scan looks at the repository at root. It fails only when root itself
// cannot be read; everything else it cannot check is in Report.Unchecked,
// and every criterion it cannot decide is in Report.Undecided.
func Scan(root string, cat *criteria.Catalog, opts Options) (*Report, error) {
	s, err := newScanner(root, cat, opts)
	if err != nil {
		return nil, err
	}
	for _, src := range sources() {
		s.current = src.name
		src.scan(s)
	}
	s.current = ""
	s.deriveBaseline()
	s.rep.Undecided = s.undecided()
	s.rep.sourceOf = s.by
	return s.rep, nil
}

// source is one kind of evidence. Each looks at the repository and adds
// proposals for the criteria it covers; a new kind of evidence is one more
// entry in sources, with its scan in a file of its own. A scan reads files
// with readFor (which leaves the criteria undecided as "not read" when the
// file is there but unreadable), proposes with add at the confidence its
// evidence earns, or with confirm when the proposal is weak (a promise, a
// file's mere existence), and may leave a note for --explain.
type source struct {
	name string
	// covers lists the criteria it can decide: when it proposes nothing
	// for one of them, --explain says that nothing was found.
	covers []string
	scan   func(*scanner)
}

// sources are run in this order; a later proposal replaces an earlier one
// for the same criterion only when it is more confident.
func sources() []source {
	return []source{
		{"git", coversGit, (*scanner).scanGit},
		{"license", coversLicense, (*scanner).scanLicense},
		{"readme", coversReadme, (*scanner).scanReadme},
		{"contributing", coversContributing, (*scanner).scanContributing},
		{"security", coversSecurity, (*scanner).scanSecurity},
		{"release-notes", coversReleaseNotes, (*scanner).scanReleaseNotes},
		{"governance", coversGovernance, (*scanner).scanGovernance},
		{"ecosystems", coversEcosystems, (*scanner).scanEcosystems},
		{"ci", coversCI, (*scanner).scanCI},
		{"analysis", coversAnalysis, (*scanner).scanAnalysis},
		{"dependencies", coversDependencies, (*scanner).scanDependencies},
		{"workflows", coversWorkflows, (*scanner).scanWorkflows},
		{"settings", coversSettings, (*scanner).scanSettings},
		{"releases", coversReleases, (*scanner).scanReleases},
		{"tree", coversTree, (*scanner).scanTree},
		{"https", coversHTTPS, (*scanner).scanHTTPS},
		// Last: a file's claim never beats what the repository shows.
		{"security-insights", secinsights.EvidenceIDs(), (*scanner).scanSecurityInsights},
	}
}

// SecurityProposals runs only the security-policy checks: what the
// vulnerability reporting criteria can be answered with right now.
func SecurityProposals(root string, cat *criteria.Catalog, opts Options) (*Report, error) {
	s, err := newScanner(root, cat, opts)
	if err != nil {
		return nil, err
	}
	s.scanSecurity()
	return s.rep, nil
}

type scanner struct {
	real   string // root with symbolic links resolved
	cat    *criteria.Catalog
	opts   Options
	loc    *i18n.Locale
	site   evidence.Site
	rep    *Report
	gitDir string

	entries map[string][]string // directory -> names of its files (and links)
	dirs    map[string]bool     // every directory walked, "" for the root
	files   []string            // every file, slash-separated, sorted

	cache  map[string]*text
	noted  map[string]bool
	urlReq map[string]bool

	current string            // the source running, for proposals' bookkeeping
	by      map[string]string // criterion -> source that proposed it
	notRead map[string]string // criterion -> a file it needed that could not be read
	notes   map[string]string // criterion -> why it could not be decided, in the user's words
	why     map[string]string // criterion -> why it is left undecided, when a source says (WhyPerson)
	// memo keeps findings that several sources share (CI files, docs).
	memo memo
}

func newScanner(root string, cat *criteria.Catalog, opts Options) (*scanner, error) {
	if opts.Loc == nil {
		opts.Loc = i18n.English()
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.MaxRead <= 0 {
		opts.MaxRead = DefaultMaxRead
	}
	if opts.MaxFiles <= 0 {
		opts.MaxFiles = defaultMaxFiles
	}
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(real)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("%s: not a directory", root)
	}
	s := &scanner{
		real: real, cat: cat, opts: opts, loc: opts.Loc,
		rep:     &Report{Root: root, Proposals: model.Proposals{}},
		entries: map[string][]string{}, dirs: map[string]bool{},
		cache: map[string]*text{}, noted: map[string]bool{}, urlReq: map[string]bool{},
		by: map[string]string{}, notRead: map[string]string{}, notes: map[string]string{}, why: map[string]string{},
	}
	for _, l := range cat.Levels {
		for _, e := range l.Entries {
			if e.MetURLRequired {
				s.urlReq[e.ID] = true
			}
		}
	}
	s.gitDir = gitrepo.GitDir(real)
	if s.gitDir != "" {
		s.site = evidence.Locate(real)
	} else {
		s.site = evidence.Site{Branch: "main"}
	}
	s.rep.Site = s.site
	if err := s.walk(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *scanner) T(key string, args ...any) string { return s.loc.T(key, args...) }

// skipDirs are never looked into: dependencies, build output, caches.
var skipDirs = map[string]bool{
	".git": true, "node_modules": true, "vendor": true, "target": true, ".venv": true, "venv": true,
	"__pycache__": true, ".tox": true, ".nox": true, ".mypy_cache": true, ".cache": true,
	"bower_components": true, ".terraform": true, ".gradle": true, ".idea": true,
}

func (s *scanner) walk() error {
	count := 0
	return filepath.WalkDir(s.real, func(p string, d fs.DirEntry, err error) error {
		rel := ""
		if p != s.real {
			r, rerr := filepath.Rel(s.real, p)
			if rerr != nil {
				return nil
			}
			rel = filepath.ToSlash(r)
		}
		if err != nil {
			if rel == "" {
				return err
			}
			s.unchecked(rel, s.T("ui.detect.reason.dir_unreadable", "Error", errText(err)))
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if rel != "" && skipDirs[d.Name()] {
				return filepath.SkipDir
			}
			s.dirs[rel] = true
			return nil
		}
		count++
		if count > s.opts.MaxFiles {
			s.unchecked("", s.T("ui.detect.reason.too_many", "Count", s.opts.MaxFiles))
			return filepath.SkipAll
		}
		dir := path.Dir(rel)
		if dir == "." {
			dir = ""
		}
		s.entries[dir] = append(s.entries[dir], d.Name())
		s.files = append(s.files, rel)
		return nil
	})
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

func (s *scanner) unchecked(rel, reason string) {
	k := rel + "\x00" + reason
	if s.noted[k] {
		return
	}
	s.noted[k] = true
	s.rep.Unchecked = append(s.rep.Unchecked, Unchecked{Path: safetext.Line(rel), Reason: reason})
}

// text is the readable beginning of a file, split into lines.
type text struct {
	rel   string
	lines []string
	secs  *[]section // its sections, once listed
}

func (t *text) String() string { return strings.Join(t.lines, "\n") }

// yamlBreaks are what YAML also reads as line breaks (a lone CR, NEL, LS,
// PS), inside what we count as one line.
var yamlBreaks = strings.NewReplacer("\r", " ", "\u0085", " ", "\u2028", " ", "\u2029", " ")

// yaml is the text for a YAML parser: its other line breaks made spaces,
// so that a node's line is the line a justification cites.
func (t *text) yaml() []byte { return []byte(yamlBreaks.Replace(t.String())) }

// find returns the first line (1-based) matching re, 0 when none does.
func (t *text) find(re *lazyregexp.Regexp) int {
	for i, l := range t.lines {
		if re.MatchString(l) {
			return i + 1
		}
	}
	return 0
}

// read returns the beginning of a file of the repository, or nil when it is
// missing, a directory, or cannot be read (which is then reported).
func (s *scanner) read(rel string) *text {
	if t, ok := s.cache[rel]; ok {
		return t
	}
	t := s.load(rel, false)
	s.cache[rel] = t
	return t
}

// skim reads a file like read, without caching it or reporting that only
// its beginning was read: for source files searched in bulk.
func (s *scanner) skim(rel string) *text {
	if t, ok := s.cache[rel]; ok {
		return t
	}
	return s.load(rel, true)
}

func (s *scanner) load(rel string, quiet bool) *text {
	full := filepath.Join(s.real, filepath.FromSlash(rel))
	if _, err := os.Lstat(full); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			s.unchecked(rel, s.T("ui.detect.reason.unreadable", "Error", errText(err)))
		}
		return nil
	}
	target, err := filepath.EvalSymlinks(full)
	if err != nil {
		s.unchecked(rel, s.T("ui.detect.reason.broken_link"))
		return nil
	}
	if r, err := filepath.Rel(s.real, target); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		s.unchecked(rel, s.T("ui.detect.reason.link_outside"))
		return nil
	}
	fh, _, err := regfile.Open(target) // never waits on a pipe or a device
	var nr *regfile.NotRegularError
	switch {
	case errors.As(err, &nr) && nr.Kind == regfile.Directory:
		return nil
	case errors.As(err, &nr):
		s.unchecked(rel, s.T("ui.detect.reason.not_regular"))
		return nil
	case err != nil:
		s.unchecked(rel, s.T("ui.detect.reason.unreadable", "Error", errText(err)))
		return nil
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, int64(s.opts.MaxRead)+1))
	if err != nil {
		s.unchecked(rel, s.T("ui.detect.reason.unreadable", "Error", errText(err)))
		return nil
	}
	head := data
	if len(head) > 8000 {
		head = head[:8000]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		s.unchecked(rel, s.T("ui.detect.reason.binary"))
		return nil
	}
	if len(data) > s.opts.MaxRead {
		data = data[:s.opts.MaxRead]
		if !quiet {
			s.unchecked(rel, s.T("ui.detect.reason.truncated", "Size", fmt.Sprintf("%d KiB", s.opts.MaxRead>>10)))
		}
	}
	str := strings.ReplaceAll(string(data), "\r\n", "\n")
	return &text{rel: rel, lines: strings.Split(str, "\n")}
}

// docExts are the extensions a documentation file may carry, in the order
// they are preferred: a README.md before the README.html made from it.
var docExts = []string{"", ".md", ".markdown", ".rst", ".txt", ".adoc", ".asciidoc", ".org", ".html"}

// docRank is ext's place in docExts, -1 when it is not a documentation
// extension.
func docRank(ext string) int {
	ext = strings.ToLower(ext)
	for i, e := range docExts {
		if e == ext {
			return i
		}
	}
	return -1
}

// find returns the first file of dir named like one of bases (any case,
// with or without a documentation extension), trying bases in order.
func (s *scanner) find(dir string, bases ...string) string {
	names := append([]string(nil), s.entries[dir]...)
	sort.Strings(names)
	return findName(dir, names, bases)
}

func findName(dir string, names, bases []string) string {
	for _, b := range bases {
		best, bestRank := "", len(docExts)
		for _, n := range names {
			if strings.EqualFold(n, b) {
				return path.Join(dir, n)
			}
			ext := path.Ext(n)
			if r := docRank(ext); r >= 0 && r < bestRank && strings.EqualFold(strings.TrimSuffix(n, ext), b) {
				best, bestRank = n, r
			}
		}
		if best != "" {
			return path.Join(dir, best)
		}
	}
	return ""
}

// findIn tries dirs in order.
func (s *scanner) findIn(dirs []string, bases ...string) string {
	for _, d := range dirs {
		if f := s.find(d, bases...); f != "" {
			return f
		}
	}
	return ""
}

// hasDir reports whether rel is a directory holding at least one file.
func (s *scanner) hasDir(rel string) bool {
	if !s.dirs[rel] {
		return false
	}
	for _, f := range s.files {
		if strings.HasPrefix(f, rel+"/") {
			return true
		}
	}
	return false
}

// where is the address of a file at a line for a justification: its URL
// on the forge, else its path.
func (s *scanner) where(rel string, line int) string {
	if u := s.site.FileURL(rel, line); u != "" {
		return u
	}
	return at(rel, line)
}

func (s *scanner) whereDir(rel string) string {
	if u := s.site.DirURL(rel); u != "" {
		return u
	}
	return safetext.Line(rel) + "/"
}

// at is evidence "path:line".
func at(rel string, line int) string {
	rel = safetext.Line(rel)
	if line > 0 {
		return fmt.Sprintf("%s:%d", rel, line)
	}
	return rel
}

// Confidence levels, as model defines them (README: "How sure a proposal
// is"): what a proposal rests on decides its level, nothing else.
const (
	weak   = model.ConfidenceWeak   // a file's existence, a name, a promise: to confirm
	fair   = model.ConfidenceFair   // a file's content says it
	strong = model.ConfidenceStrong // CI runs it, git records it, or the file is the thing
)

// add records a proposal. A Met answer that needs a URL and has none (no
// remote to build it from) gets a note saying so.
func (s *scanner) add(id string, st model.Status, confidence int, justification string, ev ...string) {
	if !s.cat.Known(id) {
		return
	}
	if st == model.Met && s.urlReq[id] && !model.HasURL(justification) {
		justification += " " + s.T("ui.detect.url_needed")
	}
	before, had := s.rep.Proposals[id]
	s.rep.Proposals.Add(model.Proposal{
		ID: id, Status: st, Justification: justification,
		Source: s.T("ui.detect.source"), Evidence: ev, Confidence: confidence,
	})
	if p := s.rep.Proposals[id]; !had || p.Confidence != before.Confidence || p.Justification != before.Justification {
		s.by[id] = s.current
	}
}

// confirm adds a weak proposal: its justification ends with what a
// maintainer must confirm before accepting it.
func (s *scanner) confirm(id string, st model.Status, justification, what string, ev ...string) {
	s.add(id, st, weak, justification+" "+s.T("ui.detect.confirm", "What", what), ev...)
}

// readFor reads a file that the criteria ids depend on. When the file is
// there but cannot be read, they are left undecided for that reason.
func (s *scanner) readFor(rel string, ids ...string) *text {
	t := s.read(rel)
	if t == nil && s.failed(rel) {
		for _, id := range ids {
			if _, ok := s.notRead[id]; !ok {
				s.notRead[id] = rel
			}
		}
	}
	return t
}

// failed reports whether rel was reported as not read.
func (s *scanner) failed(rel string) bool {
	for _, u := range s.rep.Unchecked {
		if u.Path == safetext.Line(rel) {
			return true
		}
	}
	return false
}

// note keeps why a criterion could not be decided, for --explain.
func (s *scanner) note(id, text string) {
	if _, ok := s.notes[id]; !ok {
		s.notes[id] = text
	}
}

// leave decides to propose nothing for a criterion, and says why: what
// the scan found is not enough for a person to go by (WhyPerson), with a
// note saying what to judge. why "" leaves the reason to undecided.
func (s *scanner) leave(id, why, text string) {
	s.note(id, text)
	if _, ok := s.why[id]; !ok && why != "" {
		s.why[id] = why
	}
}

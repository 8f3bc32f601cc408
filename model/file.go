package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"gopkg.in/yaml.v3"
)

// DefaultName is the answers file's name at the root of a repository.
const DefaultName = ".bestpractices.yaml"

// MaxFileSize is the largest answers file we read: far above a full set of
// answers, and small enough that a wrong path cannot eat the memory.
const MaxFileSize = 1 << 20

// Project is the project block of the answers file.
type Project struct {
	Name    string
	URL     string
	BadgeID int
}

// Problem is a warning about a line of the file that loaded anyway.
type Problem struct {
	Line    int
	ID      string
	Message Msg
}

// FileError is an answers file we refuse to use: it names the file, the line
// (0 when it concerns the whole file) and what to do.
type FileError struct {
	Path    string
	Line    int
	Message Msg
	Fix     Msg
}

// In renders the error in loc's language: path:line: what; what to do.
func (e *FileError) In(loc *i18n.Locale) string {
	where := e.Path
	if e.Line > 0 {
		where += ":" + strconv.Itoa(e.Line)
	}
	s := e.Message.In(loc)
	if !e.Fix.IsZero() {
		s = loc.T("ui.file.with_fix", "Message", s, "Fix", e.Fix.In(loc))
	}
	return where + ": " + s
}

func (e *FileError) Error() string { return e.In(i18n.English()) }

// ErrChangedOnDisk is returned by a save when the file is no longer what we
// loaded or last wrote: someone else changed it, and we must not overwrite it.
var ErrChangedOnDisk = errors.New("the file changed on disk since it was read")

// File is an answers file: the answers, and the text they came from, so
// that a save rewrites only the answers that changed.
type File struct {
	Path     string
	Project  Project
	Answers  Answers
	Problems []Problem
	// Insights is the project block's Security Insights keys (insights.go).
	Insights Insights
	// Exists is false until the file is first written.
	Exists bool

	cat *criteria.Catalog
	src []byte // the text as last read or written
	// parsed is src's node tree, kept from loading so that the first save
	// need not parse the file again; whoever saves takes it (and may change it).
	parsed *yaml.Node
	perm   os.FileMode
	dirty  map[string]int // id -> generation of its latest change
	gen    int
}

// New returns an answers file that does not exist yet; the first save
// creates it with the project's name and URL.
func New(path string, cat *criteria.Catalog, p Project) *File {
	var b strings.Builder
	b.WriteString("# Answers to the OpenSSF Best Practices badge criteria.\n")
	b.WriteString("# Kept by bestpractices; edit freely, comments are preserved.\n")
	b.WriteString("version: 1\nproject:\n")
	fmt.Fprintf(&b, "  name: %s\n", yamlScalar(p.Name))
	if p.URL != "" {
		fmt.Fprintf(&b, "  url: %s\n", yamlScalar(p.URL))
	}
	if p.BadgeID > 0 {
		fmt.Fprintf(&b, "  badge_id: %d\n", p.BadgeID)
	}
	b.WriteString("answers:\n")
	return &File{Path: path, Project: p, Answers: Answers{}, cat: cat, src: []byte(b.String()), perm: 0o644, dirty: map[string]int{}}
}

// yamlScalar renders s as a one-line YAML value, quoting only when needed.
func yamlScalar(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

// Load reads and checks an answers file. A *FileError means the file must
// not be used (nor ever written); warnings go to File.Problems.
func Load(path string, cat *criteria.Catalog) (*File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	info, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, &FileError{Path: path, Message: M("is_directory"), Fix: M("fix_path")}
	}
	if info.Size() > MaxFileSize {
		return nil, &FileError{Path: path, Message: M("too_large", "Size", info.Size()), Fix: M("fix_right_file")}
	}
	src, err := io.ReadAll(io.LimitReader(fh, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(src) > MaxFileSize {
		return nil, &FileError{Path: path, Message: M("too_large_unknown"), Fix: M("fix_right_file")}
	}
	f, err := Parse(path, src, cat)
	if err != nil {
		return nil, err
	}
	f.perm = info.Mode().Perm()
	f.Exists = true
	return f, nil
}

var yamlLine = lazyregexp.New(`^yaml: line (\d+): (.*)$`)

// Parse checks src as the answers file at path.
func Parse(path string, src []byte, cat *criteria.Catalog) (*File, error) {
	if !utf8.Valid(src) {
		line := 1 + bytes.Count(src[:FirstInvalidUTF8(src)], []byte("\n"))
		return nil, &FileError{Path: path, Line: line, Message: M("not_utf8"), Fix: M("fix_utf8")}
	}
	f := &File{Path: path, Answers: Answers{}, cat: cat, src: src, perm: 0o644, dirty: map[string]int{}}
	root, err := parseRoot(src)
	f.parsed = root
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		return nil, &FileError{Path: path, Line: line, Message: M("bad_yaml", "Detail", msg), Fix: M("fix_yaml")}
	}
	if root == nil { // an empty file is an empty set of answers
		return f, nil
	}
	fail := func(n *yaml.Node, msg, fix Msg) error {
		return &FileError{Path: path, Line: n.Line, Message: msg, Fix: fix}
	}
	if err := checkDuplicates(root, fail); err != nil {
		return nil, err
	}
	if root.Kind != yaml.MappingNode {
		return nil, fail(root, M("not_mapping"), M("fix_example"))
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "version":
			if v.Kind != yaml.ScalarNode || v.Value != "1" {
				return nil, fail(v, M("bad_version", "Version", strconv.Quote(v.Value)), M("fix_version"))
			}
		case "project":
			if err := f.readProject(v, fail); err != nil {
				return nil, err
			}
		case "answers":
			if err := f.readAnswers(v, fail); err != nil {
				return nil, err
			}
		}
	}
	return f, nil
}

// FirstInvalidUTF8 is the offset of the first byte that is not UTF-8, or
// len(b) when all of it is.
func FirstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// parseRoot returns the document's top node, or nil for an empty file.
func parseRoot(src []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil
	}
	return root, nil
}

type failFunc func(n *yaml.Node, msg, fix Msg) error

// checkDuplicates rejects a key given twice in any mapping: YAML parsers
// disagree on which one wins, so we refuse to guess.
func checkDuplicates(n *yaml.Node, fail failFunc) error {
	if n.Kind == yaml.MappingNode {
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if first, ok := seen[k.Value]; ok {
				return fail(k, M("duplicate", "Key", strconv.Quote(k.Value), "First", first), M("fix_duplicate"))
			}
			seen[k.Value] = k.Line
		}
	}
	for _, c := range n.Content {
		if err := checkDuplicates(c, fail); err != nil {
			return err
		}
	}
	return nil
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func (f *File) readProject(v *yaml.Node, fail failFunc) error {
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		return fail(v, M("project_not_mapping"), M("fix_example"))
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		switch k.Value {
		case "name", "url":
			if val.Kind != yaml.ScalarNode || (val.Tag != "!!str" && !isNull(val)) {
				return fail(val, M("project_not_text", "Field", k.Value), M("fix_quote"))
			}
			if k.Value == "name" {
				f.Project.Name = val.Value
			} else {
				f.Project.URL = val.Value
			}
		case "badge_id":
			if isNull(val) {
				continue
			}
			n, err := strconv.Atoi(val.Value)
			if val.Kind != yaml.ScalarNode || err != nil || n < 0 {
				return fail(val, M("bad_badge_id", "Value", strconv.Quote(val.Value)), M("fix_badge_id"))
			}
			f.Project.BadgeID = n
		default:
			if err := f.readInsightsKey(k, val, fail); err != nil {
				return err
			}
		}
	}
	return nil
}

func (f *File) readAnswers(v *yaml.Node, fail failFunc) error {
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		return fail(v, M("answers_not_mapping"), M("fix_example"))
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		id := k.Value
		if isNull(val) {
			continue
		}
		if val.Kind != yaml.MappingNode {
			return fail(val, M("answer_not_mapping", "ID", id), M("fix_answer_mapping", "ID", id))
		}
		var a Answer
		for j := 0; j+1 < len(val.Content); j += 2 {
			fk, fv := val.Content[j], val.Content[j+1]
			switch fk.Value {
			case "status":
				if fv.Kind != yaml.ScalarNode {
					return fail(fv, M("status_not_word", "ID", id), M("fix_status"))
				}
				s, err := ParseStatus(fv.Value)
				if err != nil {
					return fail(fv, M("unknown_status", "ID", id, "Value", strconv.Quote(fv.Value)), M("fix_status"))
				}
				a.Status = s
			case "justification":
				if isNull(fv) {
					continue
				}
				if fv.Kind != yaml.ScalarNode || fv.Tag != "!!str" {
					return fail(fv, M("justification_not_text", "ID", id), M("fix_justification"))
				}
				a.Justification = fv.Value
			}
		}
		f.Answers[id] = a
		f.checkAnswer(id, k.Line)
	}
	return nil
}

// checkAnswer records why an answer cannot count, if it cannot.
func (f *File) checkAnswer(id string, line int) {
	a := f.Answers[id]
	a.Problem = Check(f.cat, id, a)
	f.Answers[id] = a
	f.Problems = removeProblem(f.Problems, id)
	if a.Problem != nil {
		f.Problems = append(f.Problems, Problem{Line: line, ID: id, Message: *a.Problem})
	}
}

func removeProblem(ps []Problem, id string) []Problem {
	out := ps[:0]
	for _, p := range ps {
		if p.ID != id {
			out = append(out, p)
		}
	}
	return out
}

// Set changes one answer in memory; Encode or Save writes it.
func (f *File) Set(id string, a Answer) {
	f.gen++
	f.Answers[id] = Answer{Status: a.Status, Justification: a.Justification}
	f.dirty[id] = f.gen
	f.checkAnswer(id, 0)
}

// Dirty reports whether some answer has not been written yet.
func (f *File) Dirty() bool { return len(f.dirty) > 0 }

// Score scores the file's answers.
func (f *File) Score() *Score { return Compute(f.cat, f.Answers) }

// Pending is the text of a save to make, and the state it was made from.
type Pending struct {
	Data []byte
	base []byte
	gen  int
}

// Encode returns the file's new text: the text last read or written with
// only the changed answers rewritten. It does not touch the disk, so a
// caller may write the result elsewhere (a tea.Cmd) and then call Saved.
func (f *File) Encode() (Pending, error) {
	data, err := splice(f.src, f.takeParsed(), f.Answers, f.dirty, f.cat)
	if err != nil {
		return Pending{}, err
	}
	return Pending{Data: data, base: f.src, gen: f.gen}, nil
}

// Write puts p on disk atomically, refusing when the file on disk is no
// longer the text p was made from (ErrChangedOnDisk), unless force is set.
// It only reads f's fixed fields, so it may run outside the UI goroutine.
func (f *File) Write(p Pending, force bool) error {
	target := f.Path
	if resolved, err := filepath.EvalSymlinks(target); err == nil {
		target = resolved
	}
	cur, err := os.ReadFile(target)
	switch {
	case err == nil:
		if !force && (!f.Exists || !bytes.Equal(cur, p.base)) {
			return ErrChangedOnDisk
		}
	case errors.Is(err, os.ErrNotExist):
		if !force && f.Exists {
			return ErrChangedOnDisk
		}
	default:
		return err
	}
	return WriteAtomic(target, p.Data, f.perm)
}

// takeParsed hands over the parsed tree of src, once: splicing changes it.
func (f *File) takeParsed() *yaml.Node {
	n := f.parsed
	f.parsed = nil
	return n
}

// Saved records that p is now on disk.
func (f *File) Saved(p Pending) {
	f.src = p.Data
	f.Exists = true
	for id, g := range f.dirty {
		if g <= p.gen {
			delete(f.dirty, id)
		}
	}
}

// Save encodes and writes the changed answers (see Write).
func (f *File) Save(force bool) error {
	p, err := f.Encode()
	if err != nil {
		return err
	}
	if err := f.Write(p, force); err != nil {
		return err
	}
	f.Saved(p)
	return nil
}

// ChangedOnDisk reports whether the file on disk differs from the text last
// read or written.
func (f *File) ChangedOnDisk() bool {
	cur, err := os.ReadFile(f.Path)
	return !f.Holds(cur, err == nil)
}

// Holds reports whether data, what the file's path holds now (exists false
// when it holds nothing), is the text last read or written. A caller may
// read the file off the UI goroutine and compare on it.
func (f *File) Holds(data []byte, exists bool) bool {
	if !exists {
		return !f.Exists
	}
	return f.Exists && bytes.Equal(data, f.src)
}

// WriteAtomic replaces path with data so that a reader sees the old file or
// the new one, never half of it: a temporary file in the same directory,
// synced, then renamed over the old one.
func WriteAtomic(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return err
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		d.Sync() // make the rename durable; some filesystems refuse, harmlessly
		d.Close()
	}
	return nil
}

// SaveJob is a save prepared on the UI goroutine and run on another: it
// holds copies of everything it needs, so answers may change meanwhile. Run
// one job at a time; a change made during it is written by the next.
type SaveJob struct {
	f       *File
	path    string
	exists  bool
	perm    os.FileMode
	src     []byte
	parsed  *yaml.Node
	answers Answers
	dirty   map[string]int
	gen     int
}

// NewSaveJob snapshots the unsaved answers.
func (f *File) NewSaveJob() *SaveJob {
	j := &SaveJob{f: f, path: f.Path, exists: f.Exists, perm: f.perm, src: f.src, parsed: f.takeParsed(), gen: f.gen,
		answers: make(Answers, len(f.Answers)), dirty: make(map[string]int, len(f.dirty))}
	for k, v := range f.Answers {
		j.answers[k] = v
	}
	for k, v := range f.dirty {
		j.dirty[k] = v
	}
	return j
}

// Run encodes and writes the snapshot (see File.Write for force). Call
// File.Saved with the result on the UI goroutine.
func (j *SaveJob) Run(force bool) (Pending, error) {
	data, err := splice(j.src, j.parsed, j.answers, j.dirty, j.f.cat)
	if err != nil {
		return Pending{}, err
	}
	p := Pending{Data: data, base: j.src, gen: j.gen}
	shadow := File{Path: j.path, Exists: j.exists, perm: j.perm}
	return p, shadow.Write(p, force)
}

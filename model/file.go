package model

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/regfile"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"gopkg.in/yaml.v3"
)

// DefaultName is the answers file's name at the root of a repository.
const DefaultName = ".bestpractices.yaml"

// MaxFileSize is the largest answers file we read (and so write): far above
// a full set of answers, and small enough that a wrong path cannot eat the
// memory.
const MaxFileSize = 1 << 20

// Project is the project block of the answers file.
type Project struct {
	Name    string
	URL     string
	BadgeID int
}

// Problem is a warning about a line of the file that loaded anyway.
type Problem struct {
	Line int
	// ID is the criterion the warning is about; "" for one about the file
	// (a key in the wrong case).
	ID      string
	Message Msg
}

// FileError is an answers file we refuse to use, or a save we refused: it
// names the file, the line (0 when it concerns the whole file) and what to
// do.
type FileError struct {
	Path    string
	Line    int
	Message Msg
	Fix     Msg
}

// In renders the error in loc's language: path:line: what; what to do.
func (e *FileError) In(loc *i18n.Locale) string {
	where := safetext.Line(e.Path)
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
	// base is the text as last read or written, parsed; never changed
	// (a save job may read it on another goroutine).
	base *state
	perm os.FileMode
	// dirty: id -> generation of its latest change; projectGen is the
	// generation of the latest project change (0: none).
	dirty      map[string]int
	projectGen int
	gen        int
	folded     map[string]string // catalog ids by their lower case
	quiet      bool              // reading without warnings (parse)
}

// state is a text of the answers file and what we read in it.
type state struct {
	src     []byte
	t       *text
	doc     *yaml.Node // nil for an empty file
	root    *yaml.Node // nil for an empty document
	measure sync.Once
	sp      *spans // measured on first use
}

func (s *state) spans() *spans {
	s.measure.Do(func() { s.sp = measure(s.t, s.root) })
	return s.sp
}

func newState(src []byte, doc, root *yaml.Node) *state {
	return &state{src: src, t: newText(src), doc: doc, root: root}
}

// New returns an answers file that does not exist yet; the first save
// creates it with the project's name and URL.
func New(path string, cat *criteria.Catalog, p Project) *File {
	var b strings.Builder
	b.WriteString("# Answers to the OpenSSF Best Practices badge criteria.\n")
	b.WriteString("# Kept by bestpractices; edit freely, comments are preserved.\n")
	b.WriteString("version: 1\n")
	// Only the fields the project has: an empty name: "" would be a
	// field nobody wrote (a save adds the block when one is known).
	if fields := projectFields(p); len(fields) > 0 {
		b.WriteString("project:\n")
		for _, f := range fields {
			v := f.value
			if !f.number {
				v = inlineScalar(v, false)
			}
			fmt.Fprintf(&b, "  %s: %s\n", f.key, v)
		}
	}
	b.WriteString("answers:\n")
	f, err := Parse(path, []byte(b.String()), cat)
	if err != nil {
		// Cannot happen: the text is ours and its values are escaped.
		panic("model.New: " + err.Error())
	}
	f.Project = p
	return f
}

// Load reads and checks an answers file. A *FileError means the file must
// not be used (nor ever written); warnings go to File.Problems. Only a
// regular file (or a symbolic link to one) is read: anything else at the
// path is refused at once, never waited on.
func Load(path string, cat *criteria.Catalog) (*File, error) {
	fh, info, err := regfile.Open(path)
	if err != nil {
		var nr *regfile.NotRegularError
		if errors.As(err, &nr) {
			return nil, notRegular(path, nr)
		}
		return nil, openError(path, err)
	}
	defer fh.Close()
	if info.Size() > MaxFileSize {
		return nil, &FileError{Path: path, Message: M("too_large", "Size", info.Size()), Fix: M("fix_right_file")}
	}
	src, err := readAll(fh, MaxFileSize)
	if err != nil {
		return nil, err
	}
	if src == nil {
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

// openError says why path could not be opened, with what to do; a
// missing file stays os.ErrNotExist (a new file, for the callers). The
// system's own words ("too many levels of symbolic links") named the
// absolute path and no way out.
func openError(path string, err error) error {
	var key, fix string
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return err
	case errors.Is(err, fs.ErrPermission):
		key, fix = "read_permission", "fix_permission"
	case errors.Is(err, syscall.ELOOP):
		key, fix = "read_loop", "fix_regular"
	case errors.Is(err, syscall.ENOTDIR):
		key, fix = "read_not_dir", "fix_path"
	default:
		msg := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		return &FileError{Path: path, Message: M("read_failed", "Error", safetext.Line(msg)), Fix: M("fix_path")}
	}
	return &FileError{Path: path, Message: M(key), Fix: M(fix)}
}

// notRegular is the error for something at path that is not a file.
func notRegular(path string, nr *regfile.NotRegularError) *FileError {
	if nr.Kind == regfile.Directory {
		return &FileError{Path: path, Message: M("is_directory"), Fix: M("fix_path")}
	}
	return &FileError{Path: path, Message: NotRegularMsg(nr.Kind), Fix: M("fix_regular")}
}

// NotRegularMsg says what the answers file is instead of a regular file
// ("is a named pipe (FIFO), not a regular file"), to follow its name.
func NotRegularMsg(k regfile.Kind) Msg {
	key := map[regfile.Kind]string{
		regfile.FIFO:     "not_regular_fifo",
		regfile.Device:   "not_regular_device",
		regfile.Socket:   "not_regular_socket",
		regfile.Dangling: "not_regular_dangling",
	}[k]
	if key == "" {
		key = "not_regular_other"
	}
	return M(key)
}

// Parse checks src as the answers file at path.
func Parse(path string, src []byte, cat *criteria.Catalog) (*File, error) {
	return parse(path, src, cat, true)
}

// parse is Parse; without warnings, it reads the same and skips what only
// warnings need (the proof reads a new text back: its warnings are the
// answers' own, already known).
func parse(path string, src []byte, cat *criteria.Catalog, warnings bool) (*File, error) {
	f, err := parseYAMLLines(path, src, cat, warnings)
	if !onlyLF(src) {
		// Lines told to the user are the lines of their editor: YAML
		// counts a lone CR, NEL, LS and PS as breaks too.
		t := newText(src)
		var fe *FileError
		if errors.As(err, &fe) {
			fe.Line = t.editorLine(fe.Line)
			fe.Message = t.editorLines(fe.Message)
		}
		if f != nil {
			for i := range f.Problems {
				f.Problems[i].Line = t.editorLine(f.Problems[i].Line)
				f.Problems[i].Message = t.editorLines(f.Problems[i].Message)
			}
		}
	}
	return f, err
}

// editorLines is m with the lines it names ("first at line N") counted as
// editors count them.
func (t *text) editorLines(m Msg) Msg {
	args := slices.Clone(m.Args)
	for i := 0; i+1 < len(args); i += 2 {
		if name, _ := args[i].(string); name == "First" || name == "Line" {
			if l, ok := args[i+1].(int); ok {
				args[i+1] = t.editorLine(l)
			}
		}
	}
	m.Args = args
	return m
}

// parseYAMLLines is parse, with lines as YAML counts them.
func parseYAMLLines(path string, src []byte, cat *criteria.Catalog, warnings bool) (*File, error) {
	doc, err := parseDocument(path, src)
	if err != nil {
		return nil, err
	}
	var root *yaml.Node
	if doc != nil {
		root = docRoot(doc)
	}
	f := &File{Path: path, Answers: Answers{}, cat: cat, base: newState(src, doc, root), perm: 0o644, dirty: map[string]int{}, quiet: !warnings}
	if root == nil { // an empty file is an empty set of answers
		return f, nil
	}
	fail := func(n *yaml.Node, msg, fix Msg) error {
		return &FileError{Path: path, Line: n.Line, Message: msg, Fix: fix}
	}
	if err := checkDuplicates(root, fail); err != nil {
		return nil, err
	}
	if isJSON(src, root) {
		return nil, &FileError{Path: path, Message: M("is_json"), Fix: M("fix_json")}
	}
	if root.Kind != yaml.MappingNode {
		return nil, fail(root, M("not_mapping"), M("fix_example"))
	}
	if k := foreignKey(root); k != nil {
		// Some other YAML file (a workflow, a configuration), maybe through
		// a link a repository committed: never read as "no answers", and
		// so never written.
		return nil, fail(k, M("not_answers_file", "Key", safetext.Key(k.Value)), M("fix_not_answers_file"))
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if isMerge(k) {
			return nil, fail(k, M("merge_key_top"), M("fix_anchor"))
		}
		f.warnCase(k, "version", "project", "answers")
		switch k.Value {
		case "version":
			if v.Kind != yaml.ScalarNode || v.Value != "1" {
				return nil, fail(v, M("bad_version", "Version", quoteValue(v.Value)), M("fix_version"))
			}
		case "project", "answers":
			if err := noSharing(k, v, k.Value, fail); err != nil {
				return nil, err
			}
			if k.Value == "project" {
				err = f.readProject(v, fail)
			} else {
				err = f.readAnswers(v, fail)
			}
			if err != nil {
				return nil, err
			}
		}
	}
	if warnings {
		f.warnHiddenBreaks()
	}
	return f, nil
}

// foreignKey is the first key of a top-level mapping that has keys but none
// of ours (version, project, answers, in any case); nil for an answers file.
func foreignKey(root *yaml.Node) *yaml.Node {
	for i := 0; i < len(root.Content); i += 2 {
		switch strings.ToLower(root.Content[i].Value) {
		case "version", "project", "answers":
			return nil
		}
	}
	if len(root.Content) == 0 {
		return nil
	}
	return root.Content[0]
}

// docRoot is a document's top node, nil when it is empty.
func docRoot(doc *yaml.Node) *yaml.Node {
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil
	}
	return root
}

type failFunc func(n *yaml.Node, msg, fix Msg) error

// checkDuplicates rejects a key given twice in any mapping: YAML parsers
// disagree on which one wins, so we refuse to guess.
func checkDuplicates(n *yaml.Node, fail failFunc) error {
	if n.Kind == yaml.MappingNode && len(n.Content) <= 16 {
		// A few keys (an answer's): compared pairwise, no map to build.
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			for j := 0; j < i && k.Kind == yaml.ScalarNode; j += 2 {
				if first := n.Content[j]; first.Kind == yaml.ScalarNode && first.Value == k.Value {
					return fail(k, M("duplicate", "Key", quoteValue(k.Value), "First", first.Line), M("fix_duplicate"))
				}
			}
		}
	} else if n.Kind == yaml.MappingNode {
		seen := make(map[string]int, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				continue
			}
			if first, ok := seen[k.Value]; ok {
				return fail(k, M("duplicate", "Key", quoteValue(k.Value), "First", first), M("fix_duplicate"))
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

// isMerge: a merge key (<<), which copies another mapping's keys in.
func isMerge(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Tag == "!!merge"
}

// noSharing refuses anchors, aliases and merge keys in the project or
// answers block: a save rewrites values one by one, and could not keep a
// value shared by two places (nor tell the reader which one it changed).
func noSharing(k, v *yaml.Node, block string, fail failFunc) error {
	var check func(n *yaml.Node) error
	check = func(n *yaml.Node) error {
		switch {
		case n.Kind == yaml.AliasNode:
			return fail(n, M("alias", "Name", safetext.Key(n.Value), "Block", block), M("fix_anchor"))
		case n.Anchor != "":
			return fail(n, M("anchor", "Name", safetext.Key(n.Anchor), "Block", block), M("fix_anchor"))
		case isMerge(n):
			return fail(n, M("merge_key", "Block", block), M("fix_anchor"))
		}
		for _, c := range n.Content {
			if err := check(c); err != nil {
				return err
			}
		}
		return nil
	}
	if err := check(k); err != nil {
		return err
	}
	return check(v)
}

// warnCase warns about a key that is a known one in another case
// (Status: for status): YAML keys are case-sensitive, so it is not read.
func (f *File) warnCase(k *yaml.Node, known ...string) {
	if k.Kind != yaml.ScalarNode || f.quiet {
		return
	}
	for _, w := range known {
		if k.Value != w && strings.EqualFold(k.Value, w) {
			f.Problems = append(f.Problems, Problem{Line: k.Line, Message: M("problem.key_case", "Key", safetext.Key(k.Value), "Want", w)})
		}
	}
}

func (f *File) readProject(v *yaml.Node, fail failFunc) error {
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		return fail(v, M("project_not_mapping"), M("fix_example"))
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		f.warnCase(k, "name", "url", "badge_id")
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
				return fail(val, M("bad_badge_id", "Value", quoteValue(val.Value)), M("fix_badge_id"))
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
	f.Answers = make(Answers, len(v.Content)/2)
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return fail(k, M("id_not_text"), M("fix_example"))
		}
		id := k.Value
		if isNull(val) {
			continue
		}
		shown := safetext.Key // applied where a message names the id
		if val.Kind != yaml.MappingNode {
			return fail(val, M("answer_not_mapping", "ID", shown(id)), M("fix_answer_mapping", "ID", shown(id)))
		}
		var a Answer
		for j := 0; j+1 < len(val.Content); j += 2 {
			fk, fv := val.Content[j], val.Content[j+1]
			f.warnCase(fk, "status", "justification")
			switch fk.Value {
			case "status":
				if fv.Kind != yaml.ScalarNode {
					return fail(fv, M("status_not_word", "ID", shown(id)), M("fix_status"))
				}
				s, err := ParseStatus(fv.Value)
				if err != nil {
					return fail(fv, M("unknown_status", "ID", shown(id), "Value", quoteValue(fv.Value)), M("fix_status"))
				}
				a.Status = s
			case "justification":
				if isNull(fv) {
					continue
				}
				if fv.Kind != yaml.ScalarNode || fv.Tag != "!!str" {
					return fail(fv, M("justification_not_text", "ID", shown(id)), M("fix_justification"))
				}
				a.Justification = fv.Value
			}
		}
		f.Answers[id] = a
		if !f.quiet {
			f.checkAnswer(id, k.Line, false)
		}
	}
	return nil
}

// checkAnswer records why an answer cannot count, if it cannot; replace
// drops the warning it had before (at load, it had none).
func (f *File) checkAnswer(id string, line int, replace bool) {
	a := f.Answers[id]
	a.Problem = Check(f.cat, id, a)
	if a.Problem != nil && a.Problem.Key == "ui.file.problem.unknown_id" {
		if known := f.sameButCase(id); known != "" {
			a.Problem = ptr(M("problem.unknown_id_case", "ID", safetext.Key(id), "Want", known))
		}
	}
	f.Answers[id] = a
	if replace {
		f.Problems = removeProblem(f.Problems, id)
	}
	if a.Problem != nil {
		f.Problems = append(f.Problems, Problem{Line: line, ID: id, Message: *a.Problem})
	}
}

// sameButCase is the catalog id that id spells in another case, if any.
func (f *File) sameButCase(id string) string {
	if f.folded == nil {
		f.folded = make(map[string]string, len(f.cat.IDs()))
		for _, known := range f.cat.IDs() {
			f.folded[strings.ToLower(known)] = known
		}
	}
	return f.folded[strings.ToLower(id)]
}

// quoteValue shows a value from the file in quotes, its odd characters
// escaped, cut if long.
func quoteValue(s string) string { return strconv.Quote(clipRunes(s, 64)) }

func removeProblem(ps []Problem, id string) []Problem {
	out := ps[:0]
	for _, p := range ps {
		if p.ID != id {
			out = append(out, p)
		}
	}
	return out
}

// Set changes one answer in memory; Encode or Save writes it. The file is
// UTF-8 text: bytes that are not UTF-8 become U+FFFD here, so that what is
// in memory is what the file will say.
func (f *File) Set(id string, a Answer) {
	f.gen++
	id = strings.ToValidUTF8(id, "\uFFFD")
	f.Answers[id] = Answer{Status: a.Status, Justification: strings.ToValidUTF8(a.Justification, "\uFFFD")}
	f.dirty[id] = f.gen
	f.checkAnswer(id, 0, true)
}

// SetProject sets the project block's name, url and badge_id to p's, where
// p has one (an empty field keeps the file's); Encode or Save writes them.
func (f *File) SetProject(p Project) {
	p.Name, p.URL = strings.ToValidUTF8(p.Name, "\uFFFD"), strings.ToValidUTF8(p.URL, "\uFFFD")
	merged := f.Project
	if p.Name != "" {
		merged.Name = p.Name
	}
	if p.URL != "" {
		merged.URL = p.URL
	}
	if p.BadgeID > 0 {
		merged.BadgeID = p.BadgeID
	}
	if merged == f.Project {
		return
	}
	f.gen++
	f.Project = merged
	f.projectGen = f.gen
}

// Dirty reports whether some change has not been written yet.
func (f *File) Dirty() bool { return len(f.dirty) > 0 || f.projectGen > 0 }

// Score scores the file's answers.
func (f *File) Score() *Score { return Compute(f.cat, f.Answers) }

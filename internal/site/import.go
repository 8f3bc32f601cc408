package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

// Kinds of file Parse reads.
const (
	KindProject = "project" // a project's entry as the site publishes it (/projects/N.json)
	KindFile    = "file"    // a .bestpractices.json
)

// Imported is what a file says about a project.
type Imported struct {
	Kind    string
	Project model.Project
	// Homepage is the home page (homepage_url): never taken for the
	// repository's URL, which it often is not.
	Homepage string
	// Answers holds what the file says per criterion: a status with its
	// justification, or, where the status is "?" or missing, a
	// justification alone (Status Unknown), which the site takes as a note.
	// The site's "?" means "no answer", never "clear my answer".
	// Justifications are trimmed, as the site stores them.
	Answers model.Answers
	// Renamed lists the fields given under a name the site used before a
	// rename, and the criterion they were read as.
	Renamed []Rename
	// Retired lists criteria the file answers that the badge no longer has.
	Retired []string
	// Unknown lists, in file order, the fields that are neither criteria
	// nor the site's other columns: skipped, as the site skips them.
	Unknown []string
	// Skipped are values that could not be read (a status that is no
	// status, a number where text belongs, a field given twice): the site
	// ignores them, and so do we, saying why.
	Skipped []*Error
	// Spelled lists, in file order, the criteria fields given in a
	// spelling other than the site's field name (OSPS-AC-01.01_status, as
	// the site serves an entry, for osps_ac_01_01_status; require_2fa for
	// require_2FA). Import reads them; the site, reading a repository's
	// .bestpractices.json, does not (see SiteReads).
	Spelled []Spelling
	// site is what the site reads of the file as a repository's
	// .bestpractices.json.
	site model.Answers
}

// Spelling is a criterion field given under a spelling the site does not
// read in a repository's file.
type Spelling struct {
	Key  string // as written
	Want string // the site's field name
	ID   string // the criterion
	Line int
}

// Rename is one field read under its former name.
type Rename struct {
	From string // the field as written, without _status/_justification
	To   string // today's criterion id
	Line int
}

// Answered is the number of criteria the file gives a status for.
func (in *Imported) Answered() int {
	n := 0
	for _, a := range in.Answers {
		if a.Status != model.Unknown {
			n++
		}
	}
	return n
}

// JSON value kinds, for saying what a file holds instead of an object.
const (
	JSONArray   = "array"
	JSONString  = "string"
	JSONNumber  = "number"
	JSONBoolean = "boolean"
	JSONNull    = "null"
	JSONEmpty   = "empty"
)

type rawField struct {
	key  string
	line int
	raw  json.RawMessage
}

// utf8BOM starts files saved by some Windows editors; JSON parsers differ
// on it, the site's included, so it is dropped before reading.
var utf8BOM = []byte("\xef\xbb\xbf")

// Parse reads a badge site project entry or a .bestpractices.json the way
// the site reads them: every field it does not know is skipped, never an
// error. It takes the criteria answers (under today's names, former names
// and the OSPS display form alike) and the project's name, repository URL
// and number. Only a file that is no JSON object at all is refused.
func Parse(path string, data []byte, cat *criteria.Catalog) (*Imported, error) {
	if len(data) > MaxImportSize {
		return nil, &Error{Code: CodeTooLarge, Path: path, Size: len(data), Limit: MaxImportSize}
	}
	// Lines are counted on the bytes as given: the BOM is no line.
	data = bytes.TrimPrefix(data, utf8BOM)
	if !utf8.Valid(data) {
		return nil, &Error{Code: CodeNotUTF8, Path: path, Line: lineAt(data, model.FirstInvalidUTF8(data))}
	}
	all, err := readObject(path, data)
	if err != nil {
		return nil, err
	}
	fields, dups := dedupe(path, all)
	in := &Imported{Kind: KindFile, Answers: model.Answers{}, Skipped: dups, site: siteRead(cat, all)}
	// Field names compare folded: osps_ac_01_01, OSPS-AC-01.01 and
	// require_2FA, require_2fa are the same field.
	byFold := map[string]string{}
	for _, id := range cat.IDs() {
		byFold[foldKey(id)] = id
	}
	type critField struct {
		f      rawField
		id     string
		old    string // the former name it is given under, "" for today's
		status bool
	}
	var crits []critField
	var repoURL, homeURL string
	for _, f := range fields {
		k := foldKey(f.key)
		base, isStatus := strings.CutSuffix(k, "_status")
		isJust := false
		if !isStatus {
			base, isJust = strings.CutSuffix(k, "_justification")
		}
		if !isStatus && !isJust {
			// The site's other fields are read by their exact names.
			var err *Error
			switch f.key {
			case "name":
				err = textField(path, f, &in.Project.Name)
			case "repo_url":
				err = textField(path, f, &repoURL)
			case "homepage_url":
				err = textField(path, f, &homeURL)
			case "id":
				err = numberField(path, f, &in.Project.BadgeID)
			default:
				if !siteColumns[f.key] && !metaKey(f.key) {
					in.Unknown = append(in.Unknown, f.key)
				}
			}
			if err != nil {
				in.Skipped = append(in.Skipped, err)
			}
			continue
		}
		c := critField{f: f, id: byFold[base], status: isStatus}
		switch {
		case c.id != "":
		case renamed[base] != "":
			c.id, c.old = renamed[base], base
		case removed[base]:
			if !containsStr(in.Retired, base) {
				in.Retired = append(in.Retired, base)
			}
			continue
		case legacyAnswers[base]:
			continue
		default:
			if !metaKey(f.key) {
				in.Unknown = append(in.Unknown, f.key)
			}
			continue
		}
		if criteria.PrerequisiteOf(c.id) != "" {
			continue // the site sets these itself
		}
		if want := FieldName(c.id) + strings.TrimPrefix(k, base); c.old == "" && f.key != want {
			in.Spelled = append(in.Spelled, Spelling{Key: f.key, Want: want, ID: c.id, Line: f.line})
		}
		crits = append(crits, c)
	}
	// Today's name wins over a former one given for the same criterion.
	current := map[string]bool{}
	for _, c := range crits {
		if c.old == "" {
			current[c.id] = true
		}
	}
	type pending struct {
		status  model.Status
		just    string
		hasStat bool
	}
	byID := map[string]*pending{}
	var ids []string
	mapped := map[string]bool{}
	for _, c := range crits {
		if c.old != "" {
			if current[c.id] {
				continue
			}
			if !mapped[c.old] {
				mapped[c.old] = true
				in.Renamed = append(in.Renamed, Rename{From: c.old, To: c.id, Line: c.f.line})
			}
		}
		p := byID[c.id]
		if p == nil {
			p = &pending{}
			byID[c.id] = p
			ids = append(ids, c.id)
		}
		if c.status {
			s, err := statusField(path, c.f)
			if err != nil {
				in.Skipped = append(in.Skipped, err)
				continue
			}
			p.status, p.hasStat = s, s != model.Unknown
			continue
		}
		var j string
		if err := textFieldCode(path, c.f, &j, CodeJustificationType); err != nil {
			in.Skipped = append(in.Skipped, err)
			continue
		}
		p.just = strings.TrimSpace(j)
	}
	for _, id := range ids {
		p := byID[id]
		switch {
		case p.hasStat:
			in.Answers[id] = model.Answer{Status: p.status, Justification: p.just}
		case p.just != "":
			in.Answers[id] = model.Answer{Justification: p.just}
		}
	}
	if in.Project.BadgeID > 0 { // only the site's entries carry their number
		in.Kind = KindProject
	}
	// The home page is often the project's web site, not its repository:
	// only repo_url says where the repository is.
	in.Project.URL = strings.TrimSpace(repoURL)
	in.Homepage = strings.TrimSpace(homeURL)
	in.Project.Name = strings.TrimSpace(in.Project.Name)
	return in, nil
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// readObject reads the top-level object's fields in file order, every one
// as written, a key given twice included.
func readObject(path string, data []byte) ([]rawField, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	syntax := func(err error) error {
		off := len(data)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = int(se.Offset)
		}
		msg := strings.TrimPrefix(err.Error(), "json: ")
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			msg = "the file ends before the JSON does"
		}
		return &Error{Code: CodeSyntax, Path: path, Line: lineAt(data, off), Value: msg}
	}
	tok, err := dec.Token()
	if errors.Is(err, io.EOF) {
		return nil, &Error{Code: CodeNotObject, Path: path, Value: JSONEmpty}
	}
	if err != nil {
		return nil, syntax(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, &Error{Code: CodeNotObject, Path: path, Line: lineAt(data, int(dec.InputOffset())), Value: jsonKind(tok)}
	}
	var out []rawField
	lines := lineCounter{data: data}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, syntax(err)
		}
		key, _ := tok.(string) // inside an object the decoder only yields string keys
		line := lines.at(int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, syntax(err)
		}
		out = append(out, rawField{key, line, raw})
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return nil, syntax(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, &Error{Code: CodeSyntax, Path: path, Line: lineAt(data, int(dec.InputOffset())), Value: "more data after the object"}
	}
	return out, nil
}

// dedupe keeps one of the fields that are one field (a criterion's also as
// OSPS-AC-01.01_status and osps_ac_01_01_status, or a key given twice), in
// the place of the first; when their values differ, the later one wins, as
// in the site's JSON reader, and the earlier is reported.
func dedupe(path string, fields []rawField) ([]rawField, []*Error) {
	var out []rawField
	var dups []*Error
	index := map[string]int{}
	for _, f := range fields {
		norm := dedupeKey(f.key)
		if i, ok := index[norm]; ok {
			if !sameJSON(out[i].raw, f.raw) {
				dups = append(dups, &Error{Code: CodeDuplicate, Path: path, Line: f.line, Key: f.key, Other: out[i].key, Value: short(string(f.raw))})
				out[i] = f
			}
			continue
		}
		index[norm] = len(out)
		out = append(out, f)
	}
	return out, dups
}

// dedupeKey is the form in which two keys are one field: a criterion's
// field in any spelling (OSPS-AC-01.01_status, osps_ac_01_01_status), any
// other field by its exact name.
func dedupeKey(key string) string {
	k := foldKey(key)
	if strings.HasSuffix(k, "_status") || strings.HasSuffix(k, "_justification") {
		return k
	}
	return key
}

func sameJSON(a, b json.RawMessage) bool {
	var x, y bytes.Buffer
	if json.Compact(&x, a) != nil || json.Compact(&y, b) != nil {
		return bytes.Equal(a, b)
	}
	return bytes.Equal(x.Bytes(), y.Bytes())
}

func jsonKind(tok json.Token) string {
	switch tok.(type) {
	case json.Delim:
		return JSONArray // the only other opening delimiter
	case string:
		return JSONString
	case json.Number, float64:
		return JSONNumber
	case bool:
		return JSONBoolean
	}
	return JSONNull
}

func statusField(path string, f rawField) (model.Status, *Error) {
	var s *string
	if err := json.Unmarshal(f.raw, &s); err != nil {
		return model.Unknown, &Error{Code: CodeStatusType, Path: path, Line: f.line, Key: f.key, Value: short(string(f.raw))}
	}
	if s == nil { // null: no answer
		return model.Unknown, nil
	}
	st, err := model.ParseStatus(*s)
	if err != nil {
		return model.Unknown, &Error{Code: CodeBadStatus, Path: path, Line: f.line, Key: f.key, Value: short(*s)}
	}
	return st, nil
}

func textField(path string, f rawField, dst *string) *Error {
	return textFieldCode(path, f, dst, CodeFieldType)
}

// textFieldCode reads a string or null (as "").
func textFieldCode(path string, f rawField, dst *string, code Code) *Error {
	var s *string
	if err := json.Unmarshal(f.raw, &s); err != nil {
		return &Error{Code: code, Path: path, Line: f.line, Key: f.key, Value: short(string(f.raw)), Want: JSONString}
	}
	if s != nil {
		*dst = *s
	}
	return nil
}

// numberField reads a project number: a whole number above 0, or null.
func numberField(path string, f rawField, dst *int) *Error {
	var n *json.Number
	bad := &Error{Code: CodeFieldType, Path: path, Line: f.line, Key: f.key, Value: short(string(f.raw)), Want: JSONNumber}
	if err := json.Unmarshal(f.raw, &n); err != nil {
		return bad
	}
	if n == nil {
		return nil
	}
	v, err := n.Int64()
	if err != nil || v <= 0 || v > 1<<31 {
		return bad
	}
	*dst = int(v)
	return nil
}

// lineCounter gives the lines of increasing offsets, counting each byte
// once: a file of many short fields is read in linear time.
type lineCounter struct {
	data []byte
	off  int
	line int
}

func (c *lineCounter) at(off int) int {
	off = min(max(off, 0), len(c.data))
	if off < c.off {
		return lineAt(c.data, off)
	}
	c.line += bytes.Count(c.data[c.off:off], []byte("\n"))
	c.off = off
	return c.line + 1
}

func lineAt(data []byte, off int) int {
	off = min(max(off, 0), len(data))
	return 1 + bytes.Count(data[:off], []byte("\n"))
}

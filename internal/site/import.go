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
	// Answers holds the answered criteria only: the site's "?" means "no
	// answer", never "clear my answer". Justifications are trimmed, as the
	// site stores them.
	Answers model.Answers
	// Retired lists criteria the file answers that the badge no longer has.
	Retired []string
}

// retired are baseline controls the site has dropped; an entry saved before
// then still carries their fields, which we skip rather than refuse.
var retired = map[string]bool{"osps_br_01_02": true}

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

// Parse reads a badge site project entry or a .bestpractices.json. It
// takes the criteria answers and the project's name, URL and number, and
// ignores the site's other fields (dates, percentages, owner). It refuses,
// naming the key and line: a criterion it does not know, a value of the
// wrong type, an unknown status, a key given twice with different values.
func Parse(path string, data []byte, cat *criteria.Catalog) (*Imported, error) {
	if len(data) > MaxImportSize {
		return nil, &Error{Code: CodeTooLarge, Path: path, Size: len(data), Limit: MaxImportSize}
	}
	if !utf8.Valid(data) {
		return nil, &Error{Code: CodeNotUTF8, Path: path, Line: lineAt(data, model.FirstInvalidUTF8(data))}
	}
	fields, err := readObject(path, data)
	if err != nil {
		return nil, err
	}
	in := &Imported{Kind: KindFile, Answers: model.Answers{}}
	type pending struct {
		status  model.Status
		just    string
		hasStat bool
	}
	byID := map[string]*pending{}
	var ids, unknown []string
	unknownLine := 0
	var repoURL, homeURL string
	// Field names compare folded: osps_ac_01_01, OSPS-AC-01.01 and
	// require_2FA, require_2fa are the same field.
	byFold := map[string]string{}
	for _, id := range cat.IDs() {
		byFold[foldKey(id)] = id
	}
	for id := range retired {
		byFold[id] = id
	}
	for _, f := range fields {
		k := foldKey(f.key)
		var id string
		switch {
		case strings.HasSuffix(k, "_status"):
			id = byFold[strings.TrimSuffix(k, "_status")]
		case strings.HasSuffix(k, "_justification"):
			id = byFold[strings.TrimSuffix(k, "_justification")]
		default:
			var err error
			switch k {
			case "name":
				err = textField(path, f, &in.Project.Name)
			case "repo_url":
				err = textField(path, f, &repoURL)
			case "homepage_url":
				err = textField(path, f, &homeURL)
			case "id":
				err = numberField(path, f, &in.Project.BadgeID)
			}
			if err != nil {
				return nil, err
			}
			continue
		}
		if id == "" {
			if unknownLine == 0 {
				unknownLine = f.line
			}
			unknown = append(unknown, f.key)
			continue
		}
		p := byID[id]
		if p == nil {
			p = &pending{}
			byID[id] = p
			ids = append(ids, id)
		}
		if strings.HasSuffix(k, "_status") {
			s, err := statusField(path, f)
			if err != nil {
				return nil, err
			}
			p.status, p.hasStat = s, true
		} else {
			var j string
			if err := textFieldCode(path, f, &j, CodeJustificationType); err != nil {
				return nil, err
			}
			p.just = strings.TrimSpace(j)
		}
	}
	if len(unknown) > 0 {
		return nil, &Error{Code: CodeUnknownCriteria, Path: path, Line: unknownLine, Keys: unknown}
	}
	for _, id := range ids {
		p := byID[id]
		switch {
		case retired[id]:
			in.Retired = append(in.Retired, id)
		case criteria.PrerequisiteOf(id) != "": // the site sets these itself
		case p.hasStat && p.status != model.Unknown:
			in.Answers[id] = model.Answer{Status: p.status, Justification: p.just}
		}
	}
	if in.Project.BadgeID > 0 { // only the site's entries carry their number
		in.Kind = KindProject
	}
	in.Project.URL = strings.TrimSpace(repoURL)
	if in.Project.URL == "" {
		in.Project.URL = strings.TrimSpace(homeURL)
	}
	in.Project.Name = strings.TrimSpace(in.Project.Name)
	return in, nil
}

// readObject reads the top-level object's fields in file order. A field
// given twice (also as OSPS-AC-01.01_status and osps_ac_01_01_status) is
// kept once when both say the same, and refused when they differ.
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
	index := map[string]int{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, syntax(err)
		}
		key, _ := tok.(string) // inside an object the decoder only yields string keys
		line := lineAt(data, int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, syntax(err)
		}
		norm := foldKey(key)
		if i, ok := index[norm]; ok {
			if !sameJSON(out[i].raw, raw) {
				return nil, &Error{Code: CodeDuplicate, Path: path, Line: line, Key: key, Other: out[i].key, Value: short(string(raw))}
			}
			continue
		}
		index[norm] = len(out)
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

func statusField(path string, f rawField) (model.Status, error) {
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

func textField(path string, f rawField, dst *string) error {
	return textFieldCode(path, f, dst, CodeFieldType)
}

// textFieldCode reads a string or null (as "").
func textFieldCode(path string, f rawField, dst *string, code Code) error {
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
func numberField(path string, f rawField, dst *int) error {
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

func lineAt(data []byte, off int) int {
	off = min(max(off, 0), len(data))
	return 1 + bytes.Count(data[:off], []byte("\n"))
}

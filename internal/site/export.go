package site

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
)

// The badge site's limits.
const (
	// MaxJustification is the longest justification the site stores, in characters.
	MaxJustification = model.MaxJustification
	// MaxExportSize is the largest .bestpractices.json the site reads. It
	// says 50 KB; we hold to 50,000 bytes so that either reading fits.
	MaxExportSize = 50_000
	// MaxImportSize bounds what we read: a project entry with every
	// justification at its limit stays far below it.
	MaxImportSize = 5 << 20
)

// FileName is the repository file the site reads proposals from.
const FileName = ".bestpractices.json"

// FileLocations are where the site looks for that file, in its order: the
// first that is there and not blank is the one it reads.
var FileLocations = []string{FileName, ".project.d/bestpractices.json"}

// FieldName is the site's field name of a criterion. A metal id is its own
// name, case included (require_2FA); an OSPS control id is lowercased with
// "-" and "." as "_" (OSPS-AC-01.01 is osps_ac_01_01), the form our
// baseline ids already have.
func FieldName(id string) string {
	if !strings.ContainsAny(id, "-.") {
		return id
	}
	return foldKey(id)
}

// foldKey is the form in which two spellings of one field compare equal.
func foldKey(k string) string {
	b := []byte(strings.ToLower(k))
	for i, c := range b {
		if c == '-' || c == '.' {
			b[i] = '_'
		}
	}
	return string(b)
}

type field struct{ key, value string }

// exported lists the criteria the site would take, in catalog order (metal
// then baseline): answered or with a note, known, and not set by the site
// itself.
func exported(cat *criteria.Catalog, answers model.Answers) []string {
	view := SiteView(cat, answers)
	var ids []string
	for _, id := range cat.IDs() {
		if _, ok := view[id]; ok {
			ids = append(ids, id)
		}
	}
	return ids
}

// answerFields are a criterion's fields as export writes them: the status
// ("?" for a note on an unanswered criterion, which the site ignores) and
// the justification when there is one.
func answerFields(id string, a model.Answer) []field {
	key := FieldName(id)
	out := []field{{key + "_status", a.Status.String()}}
	if j := strings.TrimSpace(a.Justification); j != "" {
		out = append(out, field{key + "_justification", j})
	}
	return out
}

// Export returns the .bestpractices.json text for a project's answers: the
// project's name, then <id>_status and <id>_justification for every
// answered criterion in catalog order. A note kept on an unanswered
// criterion is written with the status "?", which the site reads as "no
// answer". The same answers always give the same bytes, so the file can be
// committed and compared. An empty justification is left out: it would
// tell the site nothing. The name is p.Name's: pass "" for a guess.
func Export(cat *criteria.Catalog, p model.Project, answers model.Answers) ([]byte, error) {
	var fields []field
	if name := strings.TrimSpace(p.Name); name != "" {
		fields = append(fields, field{"name", name})
	}
	if err := checkLengths(cat, answers); err != nil {
		return nil, err
	}
	view := SiteView(cat, answers)
	for _, id := range exported(cat, answers) {
		fields = append(fields, answerFields(id, view[id])...)
	}
	data := encodeObject(fields, "  ", "\n")
	return finish(cat, p, answers, data, nil)
}

// checkLengths refuses a justification over the site's limit, naming every
// one, longest first.
func checkLengths(cat *criteria.Catalog, answers model.Answers) error {
	var tooLong []Length
	view := SiteView(cat, answers)
	for _, id := range exported(cat, answers) {
		if n := utf8.RuneCountInString(view[id].Justification); n > MaxJustification {
			tooLong = append(tooLong, Length{id, n})
		}
	}
	if len(tooLong) > 0 {
		sortLongest(tooLong)
		return &Error{Code: CodeJustificationTooLong, Longest: tooLong, Limit: MaxJustification}
	}
	return nil
}

// finish checks the size and proves data: read back as the site reads it,
// it holds exactly the answers meant, the name meant, and every other field
// of the file it replaces (kept) unchanged.
func finish(cat *criteria.Catalog, p model.Project, answers model.Answers, data []byte, kept []rawField) ([]byte, error) {
	if len(data) > MaxExportSize {
		return nil, &Error{Code: CodeExportTooLarge, Size: len(data), Limit: MaxExportSize, Longest: longest(answers, exported(cat, answers), 5)}
	}
	in, err := Parse(FileName, data, cat)
	if err != nil {
		return nil, &Error{Code: CodeExportProof, Value: err.Error()}
	}
	if d := Compare(cat, answers, SiteReads(in)); len(d) > 0 {
		return nil, &Error{Code: CodeExportProof, Key: d[0].ID}
	}
	if name := strings.TrimSpace(p.Name); name != "" && in.Project.Name != name {
		return nil, &Error{Code: CodeExportProof, Key: "name"}
	}
	if len(kept) > 0 {
		back, err := readObject(FileName, bytes.TrimPrefix(data, utf8BOM))
		if err != nil {
			return nil, &Error{Code: CodeExportProof, Value: err.Error()}
		}
		got := map[string]json.RawMessage{}
		for _, f := range back {
			got[f.key] = f.raw
		}
		for _, f := range kept {
			if g, ok := got[f.key]; !ok || !sameJSON(g, f.raw) {
				return nil, &Error{Code: CodeExportProof, Key: f.key}
			}
		}
	}
	return data, nil
}

// longest returns the n answers whose justifications take the most bytes.
func longest(answers model.Answers, ids []string, n int) []Length {
	var out []Length
	for _, id := range ids {
		if j := strings.TrimSpace(answers[id].Justification); j != "" {
			out = append(out, Length{id, len(jsonString(j))})
		}
	}
	sortLongest(out)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// sortLongest puts the longest first; equal ones keep catalog order.
func sortLongest(ls []Length) {
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].Chars > ls[j].Chars })
}

// encodeObject writes a flat JSON object of strings with its keys in the
// order given, one per line.
func encodeObject(fields []field, indent, nl string) []byte {
	var b bytes.Buffer
	b.WriteString("{" + nl)
	for i, f := range fields {
		b.WriteString(indent)
		b.Write(jsonString(f.key))
		b.WriteString(": ")
		b.Write(jsonString(f.value))
		if i < len(fields)-1 {
			b.WriteByte(',')
		}
		b.WriteString(nl)
	}
	b.WriteString("}" + nl)
	return b.Bytes()
}

// jsonString encodes s as a JSON string, as every JSON of ours is written:
// & < > as they are, terminal controls escaped.
func jsonString(s string) []byte { return safetext.JSONString(s) }

// Count is the number of answers (criteria with a status) Export writes.
func Count(cat *criteria.Catalog, answers model.Answers) int {
	n := 0
	for _, a := range SiteView(cat, answers) {
		if a.Status != model.Unknown {
			n++
		}
	}
	return n
}

// layout is how a file is laid out: the indent of its first field and its
// line break, so that what export adds looks like what was there.
func layout(data []byte) (indent, nl string) {
	indent, nl = "  ", "\n"
	if bytes.Contains(data, []byte("\r\n")) {
		nl = "\r\n"
	}
	i := bytes.IndexByte(data, '{')
	j := bytes.IndexByte(data[i+1:], '"')
	if i < 0 || j < 0 {
		return indent, nl
	}
	gap := data[i+1 : i+1+j]
	if k := bytes.LastIndexByte(gap, '\n'); k >= 0 {
		if ws := string(gap[k+1:]); strings.Trim(ws, " \t") == "" {
			indent = ws
		}
	}
	return indent, nl
}

// Respelled is a criterion field of the old file that export wrote under
// the site's field name, because the site does not read it as it was: the
// display form (OSPS-AC-01.01_status), another case (require_2fa_status)
// or a name from before a rename (Former: oss_license_status).
type Respelled struct {
	From, To string
	Former   bool
}

// ExportOnto is Export written over an existing .bestpractices.json, old:
// what the site reads in it becomes the answers, and nothing else changes.
// Every field that is no answer of ours ($schema, _comment, description,
// objects of other tools, retired criteria...) stays where it is, as it is
// written. A criterion's field the site already reads as the answer says
// stays as written too: a "?" or a null for a criterion not answered (the
// site ignores such placeholders), a "met" for Met. Other fields are
// replaced in place, under the site's field name when the file spells
// them otherwise (each such field is listed in the Respelled returned),
// removed when they give the site an answer we no longer have, and new
// ones follow the file's last criterion field in catalog order. name is
// replaced only by p.Name. An old file that is no JSON object is an error:
// it is not a .bestpractices.json, and the caller must not overwrite it
// unasked.
func ExportOnto(cat *criteria.Catalog, p model.Project, answers model.Answers, old []byte) ([]byte, []Respelled, error) {
	bom := bytes.HasPrefix(old, utf8BOM)
	body := bytes.TrimPrefix(old, utf8BOM)
	if !utf8.Valid(body) {
		return nil, nil, &Error{Code: CodeNotUTF8, Path: FileName, Line: lineAt(body, model.FirstInvalidUTF8(body))}
	}
	members, err := readObject(FileName, body)
	if err != nil {
		return nil, nil, err // not an object, or not JSON: said with its line
	}
	if err := checkLengths(cat, answers); err != nil {
		return nil, nil, err
	}
	view := SiteView(cat, answers)
	byFold := map[string]string{}
	for _, id := range cat.IDs() {
		if criteria.PrerequisiteOf(id) == "" {
			byFold[foldKey(id)] = id
		}
	}
	// critOf says which criterion's field a key is, and which one: a
	// status or a justification, and whether it is a former name. Fields
	// of criteria the badge dropped, or that it sets itself, are not ours
	// to write: they stay as they are.
	critOf := func(key string) (id string, status, former, ok bool) {
		k := foldKey(key)
		base, status := strings.CutSuffix(k, "_status")
		if !status {
			var just bool
			if base, just = strings.CutSuffix(k, "_justification"); !just {
				return "", false, false, false
			}
		}
		if id := byFold[base]; id != "" {
			return id, status, false, true
		}
		if id := renamed[base]; id != "" {
			return id, status, true, true
		}
		return "", false, false, false
	}
	type out struct {
		key   string
		raw   json.RawMessage // verbatim, or nil for value
		value string
	}
	ours := func(id string, status bool) (out, bool) {
		a, ok := view[id]
		if !ok {
			return out{}, false
		}
		for _, f := range answerFields(id, a) {
			if strings.HasSuffix(f.key, "_status") == status {
				return out{key: f.key, value: f.value}, true
			}
		}
		return out{}, false
	}
	inFile := map[string]bool{} // id + "/s" or "/j"
	for _, m := range members {
		if id, status, _, ok := critOf(m.key); ok {
			inFile[fieldTag(id, status)] = true
		}
	}
	var res []out
	var kept []rawField
	var respelled []Respelled
	written := map[string]bool{}
	lastCrit := -1
	nameDone := false
	emit := func(id string, status bool) {
		tag := fieldTag(id, status)
		if written[tag] {
			return
		}
		written[tag] = true
		if o, ok := ours(id, status); ok {
			res = append(res, o)
		}
	}
	for _, m := range members {
		id, status, former, ok := critOf(m.key)
		if !ok {
			if m.key == "name" && strings.TrimSpace(p.Name) != "" {
				if !nameDone { // a second "name" would be read instead of ours
					nameDone = true
					res = append(res, out{key: "name", value: strings.TrimSpace(p.Name)})
				}
				continue
			}
			res = append(res, out{key: m.key, raw: m.raw})
			kept = append(kept, m)
			continue
		}
		// A status the file lacks goes before its justification; a
		// justification it lacks, after its status.
		if !status && !inFile[fieldTag(id, true)] {
			emit(id, true)
		}
		tag := fieldTag(id, status)
		switch {
		case written[tag]:
			// The field again, under a second spelling: written once.
		case siteReading(m.key, m.raw, id, status) == ourReading(view[id], status):
			// The site already reads what we would write: as written.
			written[tag] = true
			res = append(res, out{key: m.key, raw: m.raw})
		default:
			n := len(res)
			emit(id, status)
			if len(res) > n && res[n].key != m.key {
				respelled = append(respelled, Respelled{From: m.key, To: res[n].key, Former: former})
			}
		}
		if status && !inFile[fieldTag(id, false)] {
			emit(id, false)
		}
		lastCrit = len(res)
	}
	// New criteria follow the last criterion field, in catalog order.
	var added []out
	for _, id := range exported(cat, answers) {
		for _, status := range []bool{true, false} {
			tag := fieldTag(id, status)
			if written[tag] {
				continue
			}
			written[tag] = true
			if o, ok := ours(id, status); ok {
				added = append(added, o)
			}
		}
	}
	if lastCrit < 0 {
		lastCrit = len(res)
	}
	res = append(res[:lastCrit], append(added, res[lastCrit:]...)...)
	if name := strings.TrimSpace(p.Name); name != "" && !nameDone {
		// First, after the file's own $schema and the like.
		at := 0
		for at < len(res) && res[at].raw != nil && strings.HasPrefix(res[at].key, "$") {
			at++
		}
		res = append(res[:at], append([]out{{key: "name", value: name}}, res[at:]...)...)
	}
	indent, nl := layout(body)
	var b bytes.Buffer
	if bom {
		b.Write(utf8BOM)
	}
	b.WriteString("{" + nl)
	for i, o := range res {
		b.WriteString(indent)
		b.Write(jsonString(o.key))
		b.WriteString(": ")
		if o.raw != nil {
			b.Write(o.raw)
		} else {
			b.Write(jsonString(o.value))
		}
		if i < len(res)-1 {
			b.WriteByte(',')
		}
		b.WriteString(nl)
	}
	b.WriteString("}")
	if len(body) == 0 || bytes.HasSuffix(bytes.TrimRight(body, " \t"), []byte("\n")) {
		b.WriteString(nl)
	}
	// The kept fields as a reader sees them (a key given twice counts once).
	keep, _ := dedupe(FileName, kept)
	data, err := finish(cat, p, answers, b.Bytes(), keep)
	if err != nil {
		return nil, nil, err
	}
	return data, respelled, nil
}

func fieldTag(id string, status bool) string {
	if status {
		return id + "/s"
	}
	return id + "/j"
}

package site

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/criteria"
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
	return strings.NewReplacer("-", "_", ".", "_").Replace(strings.ToLower(k))
}

type field struct{ key, value string }

// exported lists the answers the site would take, in catalog order (metal
// then baseline): answered, known, and not set by the site itself.
func exported(cat *criteria.Catalog, answers model.Answers) []string {
	var ids []string
	for _, id := range cat.IDs() {
		if criteria.PrerequisiteOf(id) != "" {
			continue
		}
		if a, ok := answers[id]; ok && a.Status != model.Unknown {
			ids = append(ids, id)
		}
	}
	return ids
}

// Export returns the .bestpractices.json text for a project's answers: the
// project's name, then <id>_status and <id>_justification for every
// answered criterion in catalog order. The same answers always give the
// same bytes, so the file can be committed and compared. An empty
// justification is left out: it would tell the site nothing.
func Export(cat *criteria.Catalog, p model.Project, answers model.Answers) ([]byte, error) {
	var fields []field
	if name := strings.TrimSpace(p.Name); name != "" {
		fields = append(fields, field{"name", name})
	}
	var tooLong []Length
	for _, id := range exported(cat, answers) {
		a := answers[id]
		// The site strips the whitespace around a justification; so do we,
		// so that a YAML block's final newline does not show as a change.
		j := strings.TrimSpace(a.Justification)
		if n := utf8.RuneCountInString(j); n > MaxJustification {
			tooLong = append(tooLong, Length{id, n})
		}
		key := FieldName(id)
		fields = append(fields, field{key + "_status", a.Status.String()})
		if j != "" {
			fields = append(fields, field{key + "_justification", j})
		}
	}
	if len(tooLong) > 0 {
		sortLongest(tooLong)
		return nil, &Error{Code: CodeJustificationTooLong, Longest: tooLong, Limit: MaxJustification}
	}
	data := encodeObject(fields)
	if len(data) > MaxExportSize {
		return nil, &Error{Code: CodeExportTooLarge, Size: len(data), Limit: MaxExportSize, Longest: longest(answers, exported(cat, answers), 5)}
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
func encodeObject(fields []field) []byte {
	var b bytes.Buffer
	b.WriteString("{\n")
	for i, f := range fields {
		b.WriteString("  ")
		b.Write(jsonString(f.key))
		b.WriteString(": ")
		b.Write(jsonString(f.value))
		if i < len(fields)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// jsonString encodes s as a JSON string. URLs in justifications are common,
// so & < > stay as they are rather than \u0026 and the like.
func jsonString(s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// Count is the number of answers Export writes.
func Count(cat *criteria.Catalog, answers model.Answers) int {
	return len(exported(cat, answers))
}

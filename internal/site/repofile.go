package site

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

// How the site reads a repository's .bestpractices.json
// (../shared/upstream/site/repo_json_detective.rb): it looks each key up,
// as written, among its own field names, which are the criteria's ids with
// _status or _justification (require_2FA_status, osps_ac_01_01_status:
// the projects table's columns). A key in another spelling, the display
// form OSPS-AC-01.01_status that /projects/N.json serves included, or a
// field's former name, is no field of its own and is skipped. A status is
// read when it is text naming Met, Unmet or N/A in any case; "?", empty
// text and anything else give no answer. A justification is read when it
// is text, not blank, within the site's limit. repofile_test.go checks
// these rules against the site's files.

// siteRead is what the site takes from a .bestpractices.json with these
// fields, in file order: of a key given twice, the later value, as its
// JSON reader keeps.
func siteRead(cat *criteria.Catalog, fields []rawField) model.Answers {
	last := map[string]json.RawMessage{}
	for _, f := range fields {
		last[f.key] = f.raw
	}
	out := model.Answers{}
	for _, id := range cat.IDs() {
		if criteria.PrerequisiteOf(id) != "" {
			continue // the site sets these itself; we compare none of them
		}
		name := FieldName(id)
		var a model.Answer
		if raw, ok := last[name+"_status"]; ok {
			a.Status = siteStatus(raw)
		}
		if raw, ok := last[name+"_justification"]; ok {
			a.Justification = siteJustification(raw)
		}
		if a.Status != model.Unknown || a.Justification != "" {
			out[id] = a
		}
	}
	return out
}

// rubyWhitespace is what the site's strip removes at both ends.
const rubyWhitespace = "\x00\t\n\v\f\r "

// siteStatus is the status the site reads in a field's value: Unknown for
// "?", for text it does not know ("NA", "yes") and for anything not text.
func siteStatus(raw json.RawMessage) model.Status {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return model.Unknown
	}
	switch strings.ToLower(strings.Trim(s, rubyWhitespace)) {
	case "met":
		return model.Met
	case "unmet":
		return model.Unmet
	case "n/a":
		return model.NA
	}
	return model.Unknown
}

// siteJustification is the justification the site reads in a field's
// value, stripped; "" when it reads none.
func siteJustification(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	s = strings.Trim(s, rubyWhitespace)
	if utf8.RuneCountInString(s) > MaxJustification {
		return ""
	}
	return s
}

// siteReading is what the site reads in one field, given as key: "" when
// it reads nothing there (a key it does not know, "?", null, blank text).
func siteReading(key string, raw json.RawMessage, id string, status bool) string {
	want := FieldName(id) + "_justification"
	if status {
		want = FieldName(id) + "_status"
	}
	switch {
	case key != want:
		return ""
	case status:
		if st := siteStatus(raw); st != model.Unknown {
			return st.String()
		}
		return ""
	}
	return siteJustification(raw)
}

// ourReading is, in siteReading's terms, what export gives the site in a
// criterion's field for answer a (as SiteView shows it).
func ourReading(a model.Answer, status bool) string {
	if status {
		if a.Status == model.Unknown {
			return ""
		}
		return a.Status.String()
	}
	return strings.TrimSpace(a.Justification)
}

// Package site converts answers to and from what bestpractices.dev reads
// and publishes: the .bestpractices.json repository file, a project's JSON
// entry (/projects/N.json), the edit links that propose answers, and the
// differences between them and the answers file. It is pure logic: no
// terminal, no disk.
package site

import (
	"fmt"
	"strings"
)

// Code says what went wrong; the command line turns it into words with the
// i18n key ui.site.error.<code>, so every field an error may need is here.
type Code string

const (
	// Reading a JSON file: these refuse it.
	CodeTooLarge  Code = "too_large"  // Size, Limit
	CodeNotUTF8   Code = "not_utf8"   // Line
	CodeSyntax    Code = "syntax"     // Line, Value (the parser's words)
	CodeNotObject Code = "not_object" // Value (what it is instead)

	// Reading a JSON file: these skip one value (Imported.Skipped), as
	// the site skips it.
	CodeDuplicate         Code = "duplicate"          // Key, Other (the earlier one), Value, Line
	CodeStatusType        Code = "status_type"        // Key, Value, Line
	CodeBadStatus         Code = "bad_status"         // Key, Value, Line
	CodeJustificationType Code = "justification_type" // Key, Value, Line
	CodeFieldType         Code = "field_type"         // Key, Value, Line, Want

	// Writing .bestpractices.json.
	CodeJustificationTooLong Code = "justification_too_long" // Longest (every one over), Limit
	CodeExportTooLarge       Code = "export_too_large"       // Size, Limit, Longest
	// The bytes built do not read back as the answers meant: nothing is
	// written. Key names the first field that differs, or Value the
	// reader's error.
	CodeExportProof Code = "export_proof"

	// Proposal links.
	CodeNoURL Code = "no_url"
)

// Length is one answer's size, to say which to shorten.
type Length struct {
	ID    string
	Chars int // characters of the justification, or bytes it takes in the file
}

// Error is a problem with a file read or written, with what the message
// needs to name the place and the way out.
type Error struct {
	Code    Code
	Path    string
	Line    int // 1-based; 0 when it concerns the whole file
	Key     string
	Other   string // the other key of a duplicate
	Value   string // the offending value, shortened
	Want    string // the JSON type expected
	Keys    []string
	Level   string
	Size    int
	Limit   int
	Longest []Length
}

// Error is a plain English rendering for logs and tests; the command line
// shows the translated message instead.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Path != "" {
		b.WriteString(e.Path)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	}
	b.WriteString(string(e.Code))
	for _, s := range []string{e.Key, e.Other, e.Value, e.Level, strings.Join(e.Keys, ", ")} {
		if s != "" {
			b.WriteString(" " + s)
		}
	}
	if e.Size > 0 || e.Limit > 0 {
		fmt.Fprintf(&b, " (%d, limit %d)", e.Size, e.Limit)
	}
	for _, l := range e.Longest {
		fmt.Fprintf(&b, " %s=%d", l.ID, l.Chars)
	}
	return b.String()
}

// short cuts a value for a message: enough to recognise it.
func short(s string) string {
	const max = 60
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return string(r[:max]) + "…"
}

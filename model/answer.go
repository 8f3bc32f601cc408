// Package model holds a project's answers, the badge's scoring of them, and
// the .bestpractices.yaml file they are kept in.
package model

import (
	"fmt"
	"strings"
)

// Status is the answer a maintainer gave to one criterion.
type Status int

const (
	Unknown Status = iota // unanswered, written "?"
	Met
	Unmet
	NA
)

// String is the canonical spelling, as written to the file and the badge site.
func (s Status) String() string {
	switch s {
	case Met:
		return "Met"
	case Unmet:
		return "Unmet"
	case NA:
		return "N/A"
	}
	return "?"
}

// Key is the i18n key of the status's name as shown to users.
func (s Status) Key() string {
	switch s {
	case Met:
		return "ui.status.met"
	case Unmet:
		return "ui.status.unmet"
	case NA:
		return "ui.status.na"
	}
	return "ui.status.unknown"
}

// WordKey makes a Status given as a message's value show as the word the
// interface uses ("Satisfait", 「満たす」): i18n.Word. The file's word is
// String.
func (s Status) WordKey() string { return s.Key() }

// ParseStatus reads a status as users write it: case-insensitive, with NA
// for N/A and "unknown" or "" for unanswered.
func ParseStatus(s string) (Status, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "met":
		return Met, nil
	case "unmet":
		return Unmet, nil
	case "n/a", "na":
		return NA, nil
	case "?", "unknown", "":
		return Unknown, nil
	}
	return Unknown, fmt.Errorf("unknown status %q", s)
}

// MaxJustification is the badge site's limit on a justification, in characters.
const MaxJustification = 8192

// Answer is one criterion's status and justification. Problem is set when
// the file holds an answer the badge would not accept (N/A where it is not
// allowed, a justification over the limit): it is shown, but not counted.
type Answer struct {
	Status        Status
	Justification string
	Problem       *Msg
}

// Answers maps criterion ids to answers; a missing id is unanswered.
type Answers map[string]Answer

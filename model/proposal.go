package model

import (
	"sort"
	"strings"
)

// Proposal is an answer the program suggests for a criterion: found in the
// repository (detect) or carried across from an answer in the other series.
// It never replaces an answer the maintainer gave; accepting one fills an
// unanswered criterion.
type Proposal struct {
	ID            string
	Status        Status
	Justification string
	// Source says where the proposal comes from, in words shown to the user
	// ("detected in the repository", "from your answer to test").
	Source string
	// Evidence lists what supports it: file:line, or a git fact.
	Evidence []string
	// Confidence is ConfidenceWeak, ConfidenceFair or ConfidenceStrong.
	Confidence int
}

// The confidence scale. Every proposal says what it rests on, and the level
// follows from that alone (README.md, "How sure a proposal is"):
const (
	// ConfidenceWeak: a file's existence, a name, a promise, or an
	// inference. The justification says what a maintainer must confirm.
	ConfidenceWeak = 1
	// ConfidenceFair: a file's content says what the criterion asks (a
	// policy, a manifest, a configuration), read and matched.
	ConfidenceFair = 2
	// ConfidenceStrong: the repository shows it done: continuous
	// integration runs it, git records it, or the file is itself what the
	// criterion asks for (a recognised license text, a dependency list).
	ConfidenceStrong = 3
)

// AcceptAllMin is the least confidence that accepting all proposals at once
// takes (the walk's P, detect --apply). A weaker proposal asks a maintainer
// to confirm something, so it is accepted only one at a time, after reading.
const AcceptAllMin = ConfidenceFair

// ConfidenceName is the scale's word for c, as JSON output spells it:
// "weak", "fair" or "strong".
func ConfidenceName(c int) string {
	switch {
	case c >= ConfidenceStrong:
		return "strong"
	case c == ConfidenceFair:
		return "fair"
	}
	return "weak"
}

// ConfidenceKey is the i18n key of the scale's word for c.
func ConfidenceKey(c int) string { return "ui.detect.confidence." + ConfidenceName(c) }

// InBulk reports whether accepting all proposals at once takes p.
func (p Proposal) InBulk() bool { return p.Confidence >= AcceptAllMin }

// Proposals maps criterion ids to the best proposal for each.
type Proposals map[string]Proposal

// Add keeps p when it is the first for its id or more confident than the one
// held.
func (ps Proposals) Add(p Proposal) {
	if old, ok := ps[p.ID]; !ok || p.Confidence > old.Confidence {
		ps[p.ID] = p
	}
}

// Open reports whether the criterion is unanswered, so that a proposal
// may answer it: no status given ("?"). This is the one rule of
// "unanswered" for proposals; detect, carry and the walk all ask it.
func (a Answer) Open() bool { return a.Status == Unknown }

// Note is what the user wrote on an open criterion: a justification kept
// with status "?" (export writes it so), "" when there is none. Nothing a
// user wrote is lost: accepting all at once leaves a criterion with a note
// as it is (ForBulk), and accepting its proposal alone keeps the note
// (Proposal.Over).
func (a Answer) Note() string {
	if !a.Open() {
		return ""
	}
	return strings.TrimSpace(a.Justification)
}

// Over is the answer that accepting p gives over the current one: p's
// status, and p's justification followed by the note cur holds.
func (p Proposal) Over(cur Answer) Answer {
	a := Answer{Status: p.Status, Justification: p.Justification}
	switch n := cur.Note(); {
	case n == "" || strings.Contains(p.Justification, n):
	case strings.TrimSpace(p.Justification) == "":
		a.Justification = n
	default:
		a.Justification = strings.TrimRight(p.Justification, " \t\r\n") + "\n\n" + n
	}
	return a
}

// Open returns the proposals for criteria still unanswered, in id order.
func (ps Proposals) Open(a Answers) []Proposal {
	var out []Proposal
	for id, p := range ps {
		if a[id].Open() {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// ForBulk sorts proposals, in the order given, for accepting all at once
// (the walk's P, detect --apply, carry --apply): take are those it fills,
// at least min sure, for open criteria without a note. weak counts the
// open ones below min (accepted one at a time, after reading); noted those
// it leaves because the criterion holds a note the user wrote.
func ForBulk(ps []Proposal, a Answers, min int) (take []Proposal, weak, noted int) {
	for _, p := range ps {
		cur := a[p.ID]
		switch {
		case !cur.Open():
		case p.Confidence < min:
			weak++
		case cur.Note() != "":
			noted++
		default:
			take = append(take, p)
		}
	}
	return take, weak, noted
}

// OpenInBulk returns the open proposals that accepting all at once takes
// (ForBulk with AcceptAllMin), in id order.
func (ps Proposals) OpenInBulk(a Answers) []Proposal {
	take, _, _ := ForBulk(ps.Open(a), a, AcceptAllMin)
	return take
}

// Accept fills the proposal's criterion when it is still unanswered and
// holds no note of the user's, and reports whether it did: it is for
// accepting in bulk, which never overwrites what a user wrote. Accepting
// one proposal on purpose gives p.Over(the answer).
func (f *File) Accept(p Proposal) bool {
	if cur := f.Answers[p.ID]; !cur.Open() || cur.Note() != "" {
		return false
	}
	f.Set(p.ID, Answer{Status: p.Status, Justification: p.Justification})
	return true
}

// Replace puts the proposal in place of the answer given, whatever it is,
// and reports whether that changed it. Unlike Accept it overwrites: it is
// for a caller that has the user's say-so (security-policy replacing the
// answers its new SECURITY.md makes untrue).
func (f *File) Replace(p Proposal) bool {
	a := Answer{Status: p.Status, Justification: p.Justification}
	if cur := f.Answers[p.ID]; cur.Status == a.Status && cur.Justification == a.Justification {
		return false
	}
	f.Set(p.ID, a)
	return true
}

package model

import "sort"

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

// Open returns the proposals for criteria still unanswered, in id order.
func (ps Proposals) Open(a Answers) []Proposal {
	var out []Proposal
	for id, p := range ps {
		if a[id].Status == Unknown {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// OpenInBulk returns the open proposals that accepting all at once takes:
// those of AcceptAllMin or more, in id order.
func (ps Proposals) OpenInBulk(a Answers) []Proposal {
	var out []Proposal
	for _, p := range ps.Open(a) {
		if p.InBulk() {
			out = append(out, p)
		}
	}
	return out
}

// Accept fills the proposal's criterion when it is still unanswered and
// reports whether it did.
func (f *File) Accept(p Proposal) bool {
	if f.Answers[p.ID].Status != Unknown {
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

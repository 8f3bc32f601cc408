// Package carry proposes answers for the criteria of one series (metal
// or baseline) from the answers given in the other, using the mappings of
// the catalog (criteria.Mappings). It only proposes: accepting is the
// caller's, and fills unanswered criteria only (model.File.Accept).
package carry

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/model"
)

// Propose returns, for every unanswered criterion that some answered
// criterion maps to, the best answer those answers imply. Each proposal's
// Source says in loc's words which answer it came from, its Evidence holds
// that criterion's id alone, and its Justification is the note of where it
// came from followed by the justification given there.
//
// The best is the most confident. Among equally confident ones that
// disagree, Unmet comes before Met and Met before N/A: an Unmet never claims
// more than the answers support, while a wrongly carried Met would claim a
// control the project lacks; N/A, which takes a criterion out of the count,
// comes last. Remaining ties go to the source earliest in the catalog.
//
// Answers the badge would not accept (those with a Problem) are not carried,
// nor N/A to a criterion that does not allow it. Nor is an answer that was
// itself carried across, recognised by its justification still starting
// with the note (in any built-in language or loc's): carrying it back would
// turn a weak guess into a strong one. Once the maintainer has reviewed it
// and removed the note, it is their answer and is carried like any other.
func Propose(cat *criteria.Catalog, answers model.Answers, loc *i18n.Locale) model.Proposals {
	return propose(cat, criteria.Mappings(), mappedInto(), answers, loc)
}

// mappedInto is intoOf the catalog's mappings, worked out once: Propose
// runs after every answer in the walk.
var mappedInto = sync.OnceValue(func() map[string][]string { return intoOf(criteria.Mappings()) })

// builtinLocales are the built-in languages, made once: each keeps the
// texts it has compiled (the note is looked for in every language).
var builtinLocales = sync.OnceValue(func() []*i18n.Locale {
	var out []*i18n.Locale
	for _, tag := range i18n.Available() {
		if l, err := i18n.New(tag); err == nil {
			out = append(out, l)
		}
	}
	return out
})

// intoOf maps each id to the ids whose answers maps carry to it.
func intoOf(maps []criteria.Mapping) map[string][]string {
	into := map[string][]string{}
	for _, m := range maps {
		into[m.To] = append(into[m.To], m.From)
	}
	return into
}

type candidate struct {
	p     model.Proposal
	order int // the source's position in the catalog
}

// rank orders statuses for a tie in confidence: lower wins.
var rank = map[model.Status]int{model.Unmet: 0, model.Met: 1, model.NA: 2}

func (c candidate) beats(o candidate) bool {
	if c.p.Confidence != o.p.Confidence {
		return c.p.Confidence > o.p.Confidence
	}
	if rank[c.p.Status] != rank[o.p.Status] {
		return rank[c.p.Status] < rank[o.p.Status]
	}
	return c.order < o.order
}

// propose is Propose with the mappings and their intoOf.
func propose(cat *criteria.Catalog, maps []criteria.Mapping, into map[string][]string, answers model.Answers, loc *i18n.Locale) model.Proposals {
	locs := []*i18n.Locale{loc}
	for _, l := range builtinLocales() {
		if l.File() != loc.File() {
			locs = append(locs, l)
		}
	}
	carried := map[string]bool{} // source id -> wasCarried, worked out once
	best := map[string]candidate{}
	for _, m := range maps {
		src, ok := answers[m.From]
		if !ok || src.Status == model.Unknown || src.Problem != nil || !ordinary(cat, m.From) {
			continue
		}
		was, seen := carried[m.From]
		if !seen {
			was = wasCarried(locs, into[m.From], src)
			carried[m.From] = was
		}
		if was {
			continue
		}
		if !answers[m.To].Open() || !ordinary(cat, m.To) {
			continue // never over a given answer, nor for what the badge sets itself
		}
		in := m.For(src.Status.String())
		status, err := model.ParseStatus(in.Status)
		if in.Confidence <= 0 || err != nil || status == model.Unknown {
			continue
		}
		if status == model.NA && !model.NAAllowed(cat, m.To) {
			continue
		}
		order, _ := cat.Index(m.From)
		c := candidate{order: order, p: model.Proposal{
			ID:            m.To,
			Status:        status,
			Justification: justification(loc, m.From, src),
			Source:        loc.T("ui.carry.source", "ID", m.From),
			Evidence:      []string{m.From},
			Confidence:    in.Confidence,
		}}
		if old, ok := best[m.To]; !ok || c.beats(old) {
			best[m.To] = c
		}
	}
	out := model.Proposals{}
	for id, c := range best {
		out[id] = c.p
	}
	return out
}

// wasCarried reports whether a's justification starts with the note that
// carrying an answer from one of froms would have put there.
func wasCarried(locs []*i18n.Locale, froms []string, a model.Answer) bool {
	for _, l := range locs {
		for _, from := range froms {
			// The note names the status answered there, which a cross-status
			// mapping changes: try each.
			for _, s := range []model.Status{model.Met, model.Unmet, model.NA} {
				if strings.HasPrefix(a.Justification, note(l, from, s)) {
					return true
				}
			}
		}
	}
	return false
}

// note says where a carried answer came from.
func note(loc *i18n.Locale, from string, s model.Status) string {
	return loc.T("ui.carry.note", "ID", from, "Status", loc.T(s.Key()))
}

// ordinary reports whether id is a criterion the user answers (known, and
// not one the badge sets itself).
func ordinary(cat *criteria.Catalog, id string) bool {
	es := cat.EntriesFor(id)
	return len(es) > 0 && !es[0].Automatic()
}

// justification is the note of where an answer came from, then the text
// given there, kept within the badge's limit so the proposal stays valid.
func justification(loc *i18n.Locale, from string, src model.Answer) string {
	n := note(loc, from, src.Status)
	if src.Justification == "" {
		return n
	}
	text := n + " " + src.Justification
	if utf8.RuneCountInString(text) <= model.MaxJustification {
		return text
	}
	r := []rune(text)
	return string(r[:model.MaxJustification-1]) + "…"
}

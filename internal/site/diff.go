package site

import (
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

// Delta is one criterion answered differently on two sides: ours (the
// answers file) and theirs (a site entry or a .bestpractices.json). A side
// that says nothing has the zero Answer.
type Delta struct {
	ID           string
	Ours, Theirs model.Answer
}

// StatusDiffers reports whether the statuses differ.
func (d Delta) StatusDiffers() bool { return d.Ours.Status != d.Theirs.Status }

// JustificationDiffers reports whether the justifications differ.
func (d Delta) JustificationDiffers() bool { return d.Ours.Justification != d.Theirs.Justification }

// SiteView is what the site gets of answers: the criteria it takes (known,
// not set by the site itself) with a status or a note, justifications
// trimmed as the site stores them. Export writes exactly this.
func SiteView(cat *criteria.Catalog, answers model.Answers) model.Answers {
	out := model.Answers{}
	for id, a := range answers {
		if !cat.Known(id) || criteria.PrerequisiteOf(id) != "" {
			continue
		}
		j := strings.TrimSpace(a.Justification)
		if a.Status == model.Unknown && j == "" {
			continue
		}
		out[id] = model.Answer{Status: a.Status, Justification: j}
	}
	return out
}

// Compare lists, in catalog order, the criteria whose status or
// justification differ between ours and theirs, both seen as the site sees
// them (SiteView): a criterion unanswered and without a note is the same as
// one left out.
func Compare(cat *criteria.Catalog, ours, theirs model.Answers) []Delta {
	o, t := SiteView(cat, ours), SiteView(cat, theirs)
	var out []Delta
	for _, id := range cat.IDs() {
		a, b := o[id], t[id]
		if a != b {
			out = append(out, Delta{ID: id, Ours: a, Theirs: b})
		}
	}
	return out
}

// SiteReads is what the site takes from in when it reads it as a
// repository's .bestpractices.json: criteria fields under the site's own
// field names only (osps_ac_01_01_status, require_2FA_status), never a
// former name or another spelling (OSPS-AC-01.01_status), which import
// reads; a status it knows (not "NA"). See repofile.go.
func SiteReads(in *Imported) model.Answers {
	out := make(model.Answers, len(in.site))
	for id, a := range in.site {
		out[id] = a
	}
	return out
}

package detect

import (
	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/safetext"
)

// Why a criterion is left undecided (detect --explain, and "why" in JSON).
const (
	// WhyForge: only the forge's settings or records can tell (multi-factor
	// authentication, branch protection without a settings file, issue
	// responses).
	WhyForge = "forge"
	// WhyPerson: it asks for a maintainer's knowledge or judgement
	// (cryptography, secure design); no file says it.
	WhyPerson = "person"
	// WhyNotFound: detect looks for this evidence and found none.
	WhyNotFound = "not_found"
	// WhyNotRead: the evidence is there but could not be read (binary,
	// not a regular file, a link out of the repository).
	WhyNotRead = "not_read"
)

// Undecided is a criterion the scan proposes nothing for, and why.
type Undecided struct {
	ID  string `json:"id"`
	Why string `json:"why"`
	// Note says what was looked at, or where to look, in the user's
	// language; "" when there is nothing to add to Why.
	Note string `json:"note,omitempty"`
}

// forgeOnly are the criteria that the forge's settings or records answer:
// access control, branch rules, how issues are handled. Where a repository
// file can show the setting (settings.yml, .asf.yaml, Terraform), the
// settings source proposes it; otherwise they are left to the maintainer,
// with where to look.
var forgeOnly = map[string]bool{
	"repo_public": true, "report_responses": true, "enhancement_responses": true, "report_archive": true,
	"require_2FA": true, "secure_2FA": true, "two_person_review": true, "access_continuity": true,
	"osps_ac_01_01": true, "osps_ac_02_01": true, "osps_ac_03_01": true, "osps_ac_03_02": true,
	"osps_ac_04_01": true, "osps_qa_01_01": true, "osps_qa_03_01": true, "osps_qa_07_01": true,
	"osps_vm_04_01": true, "osps_le_01_01": true,
}

// covered lists the criteria some source looks for.
func covered() map[string]bool {
	out := map[string]bool{}
	for _, src := range sources() {
		for _, id := range src.covers {
			out[id] = true
		}
	}
	for _, p := range sameEvidence {
		if out[p.from] {
			out[p.baseline] = true
		}
	}
	out["osps_le_02_02"], out["osps_le_03_02"] = true, true
	return out
}

// undecided lists, in the catalog's order, every criterion without a
// proposal, and why. Criteria the site computes (achieve_passing) are not
// answered by anyone and are left out.
func (s *scanner) undecided() []Undecided {
	cov := covered()
	var out []Undecided
	for _, id := range s.cat.IDs() {
		if _, ok := s.rep.Proposals[id]; ok || criteria.PrerequisiteOf(id) != "" {
			continue
		}
		u := Undecided{ID: id, Note: s.notes[id]}
		switch {
		case s.notRead[id] != "":
			u.Why = WhyNotRead
			u.Note = s.T("ui.detect.n.not_read", "File", safetext.Line(s.notRead[id]))
		case s.why[id] != "":
			u.Why = s.why[id]
		case forgeOnly[id]:
			u.Why = WhyForge
			if u.Note == "" {
				u.Note = s.T("ui.detect.forge." + id)
			}
		case cov[id]:
			u.Why = WhyNotFound
		default:
			u.Why = WhyPerson
		}
		out = append(out, u)
	}
	return out
}

package detect

import (
	"strings"

	"github.com/bestpractices/bestpractices/model"
)

// sameEvidence pairs OSPS Baseline controls with the badge criteria that
// the same evidence answers: a README's usage section documents basic use
// for both. The Baseline control takes the badge proposal's status,
// confidence, justification and evidence. Controls whose evidence differs
// have scans of their own (workflows, settings, releases, tree).
var sameEvidence = []struct{ baseline, from string }{
	{"osps_do_01_01", "documentation_basics"},
	{"osps_do_02_01", "report_process"},
	{"osps_gv_02_01", "discussion"},
	{"osps_gv_03_01", "contribution"},
	{"osps_gv_03_02", "contribution_requirements"},
	{"osps_le_02_01", "floss_license"},
	{"osps_le_03_01", "license_location"},
	{"osps_qa_01_01", "repo_public"},
	{"osps_qa_01_02", "repo_track"},
	{"osps_vm_02_01", "vulnerability_report_private"},
	{"osps_vm_03_01", "vulnerability_report_private"},
	{"osps_br_02_01", "version_unique"},
	{"osps_br_04_01", "release_notes"},
	{"osps_br_03_01", "sites_https"},
	{"osps_br_03_02", "delivery_mitm"},
	{"osps_sa_01_01", "documentation_architecture"},
	{"osps_sa_02_01", "documentation_interface"},
	{"osps_gv_01_02", "roles_responsibilities"},
	{"osps_qa_06_03", "test_policy"},
}

// deriveBaseline copies the badge proposals to the Baseline controls they
// answer, and proposes the release license (OSPS-LE-02.02, LE-03.02) from
// the repository's.
func (s *scanner) deriveBaseline() {
	s.current = "derive"
	for _, p := range sameEvidence {
		from, ok := s.rep.Proposals[p.from]
		if !ok {
			// Undecided for the same reason: the file it needs was not
			// read, or what --explain says of it.
			if rel := s.notRead[p.from]; rel != "" && s.notRead[p.baseline] == "" {
				s.notRead[p.baseline] = rel
			}
			if n, ok := s.notes[p.from]; ok {
				s.leave(p.baseline, s.why[p.from], n)
			}
			continue
		}
		s.add(p.baseline, from.Status, from.Confidence, from.Justification, from.Evidence...)
	}
	if lic, ok := s.rep.Proposals["floss_license"]; ok && lic.Status == model.Met {
		if loc, ok := s.rep.Proposals["license_location"]; ok && loc.Status == model.Met {
			// git archive, and the forge's source downloads, carry the
			// license file at the top of the tree.
			if len(loc.Evidence) > 0 {
				key := "ui.detect.j.release_license_file"
				if strings.HasPrefix(loc.Evidence[0], "LICENSES/") {
					key = "ui.detect.j.release_license_dir"
				}
				s.add("osps_le_03_02", model.Met, fair, s.T(key, "Where", s.whereAt(loc.Evidence[0])), loc.Evidence...)
			}
		}
		s.confirm("osps_le_02_02", model.Met, lic.Justification, s.T("ui.detect.c.release_license"), lic.Evidence...)
	}
}

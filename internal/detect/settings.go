package detect

import (
	"path"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/model"
)

// Branch protection is a setting of the forge. Some projects keep it in a
// file: the Settings app's .github/settings.yml, the ASF's .asf.yaml,
// Terraform for the GitHub provider, or exported rulesets. What such a file
// says is proposed; without one, only the forge can tell (--explain).

var coversSettings = []string{"osps_ac_03_01", "osps_ac_03_02", "osps_qa_03_01", "osps_qa_07_01", "two_person_review", "osps_le_01_01", "dco"}

var (
	protectionRe  = lazyregexp.New(`^\s*(protection|protected_branches)\s*:|resource\s+"github_(branch_protection(_v3)?|repository_ruleset)"|"type"\s*:\s*"(pull_request|non_fast_forward|deletion|required_status_checks)"`)
	reviewCount   = lazyregexp.New(`required_approving_review_count"?\s*[:=]\s*(\d+)`)
	statusChecks  = lazyregexp.New(`required_status_checks\b|"type"\s*:\s*"required_status_checks"`)
	allowDeletion = lazyregexp.New(`allow(s)?_deletions"?\s*[:=]\s*true`)
	dcoCheck      = lazyregexp.New(`(?i)(tim-actions/dco|christophebedard/dco-check|KineticCafe/actions-dco|dco-check|probot/dco|check-signoff|signed-off-by)`)
)

// settingsFiles are the repository's files that configure the forge.
func (s *scanner) settingsFiles() []string {
	var out []string
	for _, f := range []string{".github/settings.yml", ".github/settings.yaml", ".asf.yaml"} {
		if s.exists(f) {
			out = append(out, f)
		}
	}
	for _, f := range s.files {
		dir, base := path.Split(f)
		switch {
		case dir == ".github/rulesets/" && strings.HasSuffix(base, ".json"):
			out = append(out, f)
		case strings.HasSuffix(base, ".tf") && strings.Count(f, "/") <= 3:
			out = append(out, f)
		}
		if len(out) > 50 {
			break
		}
	}
	return out
}

func (s *scanner) scanSettings() {
	for _, f := range s.settingsFiles() {
		t := s.readFor(f, "osps_ac_03_01", "osps_ac_03_02", "osps_qa_03_01", "osps_qa_07_01")
		if t == nil {
			continue
		}
		line := t.find(protectionRe)
		if line == 0 {
			continue
		}
		where := s.where(f, line)
		s.add("osps_ac_03_01", model.Met, fair, s.T("ui.detect.j.protection", "Where", where), at(f, line))
		if l := t.find(allowDeletion); l > 0 {
			s.add("osps_ac_03_02", model.Unmet, fair, s.T("ui.detect.j.deletion_allowed", "Where", s.where(f, l)), at(f, l))
		} else {
			s.add("osps_ac_03_02", model.Met, fair, s.T("ui.detect.j.deletion_blocked", "Where", where), at(f, line))
		}
		if l := t.find(reviewCount); l > 0 {
			n, _ := strconv.Atoi(reviewCount.FindStringSubmatch(t.lines[l-1])[1])
			if n >= 1 {
				s.add("osps_qa_07_01", model.Met, fair, s.T("ui.detect.j.reviews_required", "Count", n, "Where", s.where(f, l)), at(f, l))
				s.add("two_person_review", model.Met, fair, s.T("ui.detect.j.reviews_required", "Count", n, "Where", s.where(f, l)), at(f, l))
			} else {
				s.add("osps_qa_07_01", model.Unmet, fair, s.T("ui.detect.j.reviews_none", "Where", s.where(f, l)), at(f, l))
			}
		}
		if l := t.find(statusChecks); l > 0 {
			s.add("osps_qa_03_01", model.Met, fair, s.T("ui.detect.j.status_checks", "Where", s.where(f, l)), at(f, l))
		}
	}
	// Sign-off enforced on every commit: the DCO app, or a CI job.
	if s.exists(".github/dco.yml") {
		s.add("osps_le_01_01", model.Met, fair, s.T("ui.detect.j.dco_enforced", "Where", s.where(".github/dco.yml", 0)), at(".github/dco.yml", 0))
		s.add("dco", model.Met, fair, s.T("ui.detect.j.dco_enforced", "Where", s.where(".github/dco.yml", 0)), at(".github/dco.yml", 0))
	}
	for _, f := range s.ciFiles() {
		if t := s.read(f); t != nil {
			if line := t.find(dcoCheck); line > 0 {
				s.add("osps_le_01_01", model.Met, strong, s.T("ui.detect.j.dco_enforced", "Where", s.where(f, line)), at(f, line))
				s.add("dco", model.Met, strong, s.T("ui.detect.j.dco_enforced", "Where", s.where(f, line)), at(f, line))
				break
			}
		}
	}
	// A sign-off the guide asks for, not enforced: the forge must say.
	if p, ok := s.rep.Proposals["dco"]; ok && p.Status == model.Met {
		if _, ok := s.rep.Proposals["osps_le_01_01"]; !ok {
			s.confirm("osps_le_01_01", model.Met, p.Justification, s.T("ui.detect.c.dco_enforced"), p.Evidence...)
		}
	}
}

package secinsights

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/model"
	"gopkg.in/yaml.v3"
)

// Candidates are where a repository keeps its file, in the order we look:
// the top, then .github/ and .gitlab/; names compare without case, so the
// first version's SECURITY-INSIGHTS.yml is found too.
var Candidates = []string{"", ".github", ".gitlab"}

// IsFileName reports whether a file name is one of a Security Insights file.
func IsFileName(name string) bool {
	n := strings.ToLower(name)
	return n == "security-insights.yml" || n == "security-insights.yaml"
}

// Finding is one statement of a file that bears on a criterion.
type Finding struct {
	ID         string
	Status     model.Status
	Confidence int // 1 weak, 2 fair: a claim in a file, never as strong as the thing itself
	// Field is where the statement is ("repository.security.tools[1].type"),
	// Line its line, Value what it says there.
	Field   string
	Line    int
	Value   string
	Comment string // the file's own comment on it, shortened
}

// match is how a rule tests the value at its path.
type match struct {
	values []string // equal to one of them (case aside); none: present
	// item: the value is a list of mappings; one whose field item equals
	// (or with contains, holds) a value, and whose also path is true.
	item     string
	contains bool
	also     string
}

// rule: the statement at path, when it matches, proposes status for id.
// The badge site's mapping (criteria/security_insights_map.yml upstream) is
// the guide: its paths, conditions and targets; its confidences 1, 2 and
// 2.5 are our 1, 2 and 2 (a file's claim never beats seeing the thing).
type rule struct {
	path   string
	m      match
	id     string
	status model.Status
	conf   int
}

var (
	present   = match{}
	isTrue    = match{values: []string{"true"}}
	isFalse   = match{values: []string{"false"}}
	toolType  = func(t string) match { return match{item: "type", values: []string{t}} }
	toolInCI  = func(t string) match { return match{item: "type", values: []string{t}, also: "integration.ci"} }
	predicate = func(s string) match { return match{item: "predicate-uri", values: []string{s}, contains: true} }
)

var rules = []rule{
	// Version 2.
	{"project.vulnerability-reporting.reports-accepted", isTrue, "vulnerability_report_process", model.Met, 2},
	{"project.vulnerability-reporting.reports-accepted", isFalse, "vulnerability_report_process", model.Unmet, 2},
	{"project.vulnerability-reporting.reports-accepted", isFalse, "osps_vm_03_01", model.Unmet, 2},
	{"project.vulnerability-reporting.policy", present, "vulnerability_report_process", model.Met, 2},
	{"project.vulnerability-reporting.policy", present, "osps_vm_01_01", model.Met, 2},
	{"project.vulnerability-reporting.pgp-key", present, "vulnerability_report_private", model.Met, 2},
	{"repository.documentation.contributing-guide", present, "contribution", model.Met, 2},
	{"repository.documentation.contributing-guide", present, "osps_gv_03_01", model.Met, 2},
	{"repository.documentation.security-policy", present, "osps_vm_01_01", model.Met, 2},
	{"repository.documentation.security-policy", present, "osps_vm_02_01", model.Met, 2},
	{"repository.documentation.governance", present, "osps_gv_01_01", model.Met, 1},
	{"repository.documentation.governance", present, "osps_gv_01_02", model.Met, 1},
	{"repository.documentation.dependency-management-policy", present, "osps_do_06_01", model.Met, 2},
	{"repository.documentation.dependency-management-policy", present, "osps_vm_05_01", model.Met, 1},
	// The site reads the code of conduct under repository; the schema
	// puts it under project: both are read.
	{"repository.documentation.code-of-conduct", present, "code_of_conduct", model.Met, 2},
	{"project.documentation.code-of-conduct", present, "code_of_conduct", model.Met, 2},
	{"repository.status", match{values: []string{"active"}}, "maintained", model.Met, 2},
	{"repository.status", match{values: []string{"abandoned", "inactive", "suspended", "unsupported"}}, "maintained", model.Unmet, 2},
	{"repository.security.tools", toolType("SAST"), "static_analysis", model.Met, 2},
	{"repository.security.tools", toolType("SAST"), "osps_vm_06_02", model.Met, 1},
	{"repository.security.tools", toolInCI("SAST"), "osps_vm_06_02", model.Met, 2},
	{"repository.security.tools", toolType("SCA"), "dependency_monitoring", model.Met, 2},
	{"repository.security.tools", toolInCI("SCA"), "osps_vm_05_03", model.Met, 2},
	{"repository.security.tools", toolType("fuzzing"), "dynamic_analysis", model.Met, 2},
	{"repository.security.tools", toolType("DAST"), "dynamic_analysis", model.Met, 2},
	{"repository.security.tools", toolType("pentest"), "security_review", model.Met, 2},
	{"repository.security.tools", toolType("pentest"), "osps_sa_03_01", model.Met, 2},
	{"repository.security.tools", toolType("secret"), "no_leaked_credentials", model.Met, 2},
	{"project.security.security-contacts", present, "osps_vm_02_01", model.Met, 2},
	{"repository.security.assessments.self.evidence", present, "security_review", model.Met, 1},
	{"repository.security.assessments.self.evidence", present, "osps_sa_03_01", model.Met, 2},
	{"repository.security.assessments.third-party", present, "security_review", model.Met, 2},
	{"repository.security.assessments.third-party", present, "osps_sa_03_01", model.Met, 2},
	{"repository.release.automated-pipeline", isTrue, "build", model.Met, 2},
	{"repository.release.changelog", present, "release_notes", model.Met, 2},
	{"repository.release.changelog", present, "osps_br_04_01", model.Met, 2},
	{"repository.release.attestations", predicate("slsa"), "signed_releases", model.Met, 2},
	{"repository.release.attestations", predicate("slsa"), "osps_br_06_01", model.Met, 2},
	{"repository.release.attestations", predicate("spdx"), "osps_qa_02_02", model.Met, 2},
	// Version 1: the site reads project-lifecycle.stage; files written to
	// that version say project-lifecycle.status, so both are read.
	{"project-lifecycle.stage", match{values: []string{"active"}}, "maintained", model.Met, 2},
	{"project-lifecycle.stage", match{values: []string{"inactive", "archived", "unsupported", "concept"}}, "maintained", model.Unmet, 2},
	{"project-lifecycle.status", match{values: []string{"active"}}, "maintained", model.Met, 2},
	{"project-lifecycle.status", match{values: []string{"inactive", "archived", "unsupported", "concept", "abandoned"}}, "maintained", model.Unmet, 2},
	{"vulnerability-reporting.accepts-vulnerability-reports", isTrue, "vulnerability_report_process", model.Met, 2},
	{"vulnerability-reporting.accepts-vulnerability-reports", isFalse, "vulnerability_report_process", model.Unmet, 2},
	{"security-contacts", present, "osps_vm_02_01", model.Met, 2},
}

// maxComment bounds how much of a file's comment a finding quotes.
const maxComment = 200

// Evidence lists what a parsed file says about the criteria, the strongest
// finding per criterion first found.
func Evidence(d *Doc) []Finding {
	if d == nil || d.Root == nil {
		return nil
	}
	var out []Finding
	best := map[string]int{}
	for _, r := range rules {
		k, v := lookup(d.Root, ParsePath(r.path))
		if k == nil {
			continue
		}
		f, ok := r.test(d.Root, k, v)
		if !ok {
			continue
		}
		if i, seen := best[r.id]; seen {
			if out[i].Confidence >= f.Confidence {
				continue
			}
			out[i] = f
			continue
		}
		best[r.id] = len(out)
		out = append(out, f)
	}
	return out
}

// EvidenceIDs are the criteria Evidence may propose answers for, each once.
func EvidenceIDs() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range rules {
		if !seen[r.id] {
			seen[r.id] = true
			out = append(out, r.id)
		}
	}
	return out
}

func (r rule) test(root, k, v *yaml.Node) (Finding, bool) {
	f := Finding{ID: r.id, Status: r.status, Confidence: r.conf, Field: r.path, Line: k.Line}
	if r.m.item != "" {
		if v.Kind != yaml.SequenceNode {
			return f, false
		}
		for i, item := range v.Content {
			ik, iv := lookup(item, Path{r.m.item})
			if ik == nil || !r.m.matches(iv) {
				continue
			}
			if r.m.also != "" {
				if _, a := lookup(item, ParsePath(r.m.also)); a == nil || value(a) != "bool:true" {
					continue
				}
			}
			f.Field = r.path + "[" + strconv.Itoa(i) + "]." + r.m.item
			f.Line, f.Value = ik.Line, iv.Value
			if _, n := lookup(item, Path{"name"}); n != nil && n.Kind == yaml.ScalarNode {
				f.Value += " (" + n.Value + ")"
			}
			f.Comment = commentOf(item)
			return f, true
		}
		return f, false
	}
	if len(r.m.values) == 0 {
		if !presentValue(v) {
			return f, false
		}
	} else if !r.m.matches(v) {
		return f, false
	}
	f.Value = describe(v)
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		f.Value = ""
	}
	if p := ParsePath(r.path); len(p) > 1 {
		if _, parent := lookup(root, p[:len(p)-1]); parent != nil && parent.Kind == yaml.MappingNode {
			f.Comment = commentOf(parent)
		}
	}
	return f, true
}

func (m match) matches(v *yaml.Node) bool {
	if v == nil || v.Kind != yaml.ScalarNode {
		return false
	}
	got := strings.ToLower(strings.TrimSpace(v.Value))
	for _, want := range m.values {
		w := strings.ToLower(want)
		if got == w || m.contains && strings.Contains(got, w) {
			return true
		}
	}
	return false
}

// presentValue: a non-empty text, list (with an entry not empty) or mapping.
func presentValue(v *yaml.Node) bool {
	switch v.Kind {
	case yaml.ScalarNode:
		return v.Tag != "!!null" && strings.TrimSpace(v.Value) != ""
	case yaml.SequenceNode:
		for _, c := range v.Content {
			if presentValue(c) {
				return true
			}
		}
		return false
	case yaml.MappingNode:
		return len(v.Content) > 0
	}
	return false
}

func commentOf(m *yaml.Node) string {
	_, c := lookup(m, Path{"comment"})
	if c == nil || c.Kind != yaml.ScalarNode || c.Tag != "!!str" {
		return ""
	}
	s := strings.Join(strings.Fields(c.Value), " ")
	if utf8.RuneCountInString(s) > maxComment {
		r := []rune(s)
		s = string(r[:maxComment]) + "…"
	}
	return s
}

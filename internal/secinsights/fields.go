package secinsights

import (
	"sort"

	"github.com/bestpractices/bestpractices/internal/evidence"
)

// Facts is what detect sees in the repository that a security-insights.yml
// states: the forge, the license, documents and security tools.
type Facts struct {
	Site evidence.Site
	// License is the SPDX expression of the license files, "" when unknown.
	License string
	// Files maps a document kind (the File* constants) to where it is.
	Files map[string]Location
	Tools []Tool
	// AutomatedChanges is the path of a Dependabot or Renovate configuration:
	// the repository takes machine-made change requests.
	AutomatedChanges string
}

// Document kinds in Facts.Files.
const (
	FileLicense       = "license"
	FileSecurity      = "security"
	FileContributing  = "contributing"
	FileCodeOfConduct = "code_of_conduct"
	FileGovernance    = "governance"
	FileChangelog     = "changelog"
)

// Location is a place in the repository: a file, and a line when it is a
// section of one (0 for the whole file).
type Location struct {
	Path string
	Line int
}

// Tool is a security tool seen in the repository's configuration.
type Tool struct {
	Name string
	// Type is the schema's: SAST, SCA, fuzzing, secret.
	Type               string
	Adhoc, CI, Release bool
	// Path and Line say where it was seen.
	Path string
	Line int
}

// urlField is a field whose value is a web address: the first one in the
// justification of a Met answer to one of ids (in that order), else the
// address on the forge of the repository's file of kind file.
type urlField struct {
	path Path
	ids  []string
	file string
	mode Mode
}

var urlFields = []urlField{
	{path: ParsePath("project.roadmap"), ids: []string{"documentation_roadmap"}},
	{path: ParsePath("project.vulnerability-reporting.policy"), ids: []string{"vulnerability_report_process", "osps_vm_01_01"}, file: FileSecurity},
	{path: ParsePath("project.documentation.design"), ids: []string{"documentation_architecture", "osps_sa_01_01"}},
	{path: ParsePath("project.documentation.code-of-conduct"), ids: []string{"code_of_conduct"}, file: FileCodeOfConduct},
	{path: ParsePath("project.documentation.quickstart-guide"), ids: []string{"documentation_quick_start"}},
	{path: ParsePath("project.documentation.support-policy"), ids: []string{"osps_do_04_01"}},
	{path: ParsePath("project.documentation.signature-verification"), ids: []string{"osps_do_03_01"}},
	{path: ParsePath("repository.documentation.contributing-guide"), ids: []string{"contribution", "osps_gv_03_01"}, file: FileContributing},
	{path: ParsePath("repository.documentation.dependency-management-policy"), ids: []string{"osps_do_06_01"}},
	{path: ParsePath("repository.documentation.governance"), ids: []string{"governance"}, file: FileGovernance},
	{path: ParsePath("repository.documentation.review-policy"), ids: []string{"code_review_standards"}},
	{path: ParsePath("repository.documentation.security-policy"), ids: []string{"vulnerability_report_process", "osps_vm_01_01", "osps_vm_02_01"}, file: FileSecurity},
	{path: ParsePath("repository.license.url"), ids: []string{"license_location"}, file: FileLicense},
	// A release block needs distribution points we cannot know: the change
	// log goes only into one the maintainer wrote.
	{path: ParsePath("repository.release.changelog"), ids: []string{"release_notes", "osps_br_04_01"}, file: FileChangelog, mode: InExisting},
}

// The answers behind the fields that are not addresses.
var (
	// reportsAcceptedIDs: a Met answer to any of them says reports are taken.
	reportsAcceptedIDs = []string{"vulnerability_report_process", "vulnerability_report_private", "osps_vm_01_01", "osps_vm_02_01", "osps_vm_03_01"}
	// noReportsIDs: all of them Unmet says no way to report is published.
	noReportsIDs     = []string{"osps_vm_01_01", "osps_vm_02_01", "osps_vm_03_01"}
	statusID         = "maintained"
	changeRequestIDs = []string{"contribution", "osps_gv_03_01"}
	selfAssessmentID = "osps_sa_03_01"
	// toolCriteria: a tool of this type is left out when its criterion is
	// answered Unmet (the file would claim what the maintainer denies).
	toolCriteria = map[string]string{"SAST": "static_analysis", "SCA": "dependency_monitoring", "fuzzing": "dynamic_analysis", "secret": "no_leaked_credentials"}
)

// Feeds lists the Security Insights fields that an answer to criterion id
// fills in, as dotted paths in the file's order; nil when none.
func Feeds(id string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	has := func(ids []string) bool {
		for _, x := range ids {
			if x == id {
				return true
			}
		}
		return false
	}
	if has(reportsAcceptedIDs) || has(noReportsIDs) {
		add("project.vulnerability-reporting.reports-accepted")
	}
	for _, f := range urlFields {
		if has(f.ids) {
			add(f.path.String())
		}
	}
	if id == statusID {
		add("repository.status")
	}
	if has(changeRequestIDs) {
		add("repository.accepts-change-request")
	}
	if id == selfAssessmentID {
		add("repository.security.assessments.self")
	}
	for _, c := range toolCriteria {
		if c == id {
			add("repository.security.tools")
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return fieldRank(out[i]) < fieldRank(out[j]) })
	return out
}

// fieldOrder is the order of fields in the files we write.
var fieldOrder = []string{
	"header", "project.name", "project.homepage", "project.roadmap", "project.administrators", "project.repositories",
	"project.vulnerability-reporting", "project.documentation",
	"repository.url", "repository.status", "repository.accepts-change-request", "repository.accepts-automated-change-request",
	"repository.core-team", "repository.documentation", "repository.license", "repository.release", "repository.security",
}

func fieldRank(p string) int {
	best, rank := -1, len(fieldOrder)
	for i, f := range fieldOrder {
		if (p == f || len(p) > len(f) && p[:len(f)] == f && p[len(f)] == '.') && len(f) > best {
			best, rank = len(f), i
		}
	}
	return rank
}

// need says how to give a required field that the answers do not fill:
// project keys of the answers file to add, or criteria to answer.
type need struct {
	path string
	keys []string
	ids  []string
}

var needs = []need{
	{path: "header.url", keys: []string{"url"}},
	{path: "project.name", keys: []string{"name"}},
	{path: "project.administrators", keys: []string{"maintainers"}},
	{path: "project.repositories", keys: []string{"url"}},
	{path: "project.vulnerability-reporting.reports-accepted", ids: []string{"vulnerability_report_process", "osps_vm_03_01"}},
	{path: "project.vulnerability-reporting.bug-bounty-available", keys: []string{"bug_bounty"}},
	{path: "repository.url", keys: []string{"url"}},
	{path: "repository.status", keys: []string{"status"}, ids: []string{statusID}},
	{path: "repository.accepts-change-request", keys: []string{"accepts_change_requests"}, ids: changeRequestIDs[:1]},
	{path: "repository.accepts-automated-change-request", keys: []string{"accepts_automated_change_requests"}},
	{path: "repository.core-team", keys: []string{"maintainers"}},
	{path: "repository.license.url", ids: []string{"license_location"}},
	{path: "repository.license.expression", keys: []string{"license"}},
}

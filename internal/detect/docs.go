package detect

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/model"
)

// policyDirs are where forges look for community files, in the order we
// prefer them.
var policyDirs = []string{"", ".github", "docs", ".gitlab"}

var (
	heading     = lazyregexp.New(`^\s{0,3}#{1,6}\s`)
	underline   = lazyregexp.New(`^\s*(=+|-+|~+|\^+)\s*$`)
	decoration  = lazyregexp.New(`^\s*(\[!\[|!\[|<|\.\. |\||\[!|\{|:[a-z]+:|---|\*\*\*|` + "```" + `)`)
	wordPattern = lazyregexp.New(`[\pL\pN]+`)

	obtainWords     = lazyregexp.New(`(?i)\b(install(ation|ing)?|download|go get|releases?|binar(y|ies)|package manager|getting started)\b`)
	feedbackWords   = lazyregexp.New(`(?i)\b(issues?|bugs?|feedback|discussions?|mailing list|forum|questions?|support)\b`)
	contributeWords = lazyregexp.New(`(?i)\b(contribut\w*|pull requests?|merge requests?|patch(es)?)\b`)
	docHeading      = lazyregexp.New(`(?i)^\W*(install(ation|ing)?|usage|getting started|quick ?start|how to use|documentation|docs|examples?|tutorial|user guide|commands)\b`)
	contribHeading  = lazyregexp.New(`(?i)^\W*contribut`)
	securityHeading = lazyregexp.New(`(?i)^\W*(security|reporting (security|vulnerabilit)|vulnerabilit)`)

	requirementWords = lazyregexp.New(`(?i)\b(coding (style|standards?|conventions?)|code style|style guide|gofmt|go vet|lint\w*|formatt\w*|tests?|sign(ed)?[- ]off|dco|cla|commit messages?|code review)\b`)
	dcoWords         = lazyregexp.New(`(?i)(developer certificate of origin|signed-off-by|\bdco\b|git commit -s\b|--signoff)`)

	emailPattern   = lazyregexp.New(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	privateChannel = lazyregexp.New(`(?i)(security/advisories/new|private(ly)? vulnerability report|report a vulnerability|security advisor(y|ies)|confidential issue|issue\[confidential\]|privately|huntr\.(dev|com)|hackerone|bugcrowd|intigriti|\bpgp\b|\bgpg\b|encrypted e-?mail)`)
	responseTime   = lazyregexp.New(`(?i)\bwithin\s+(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen)\s+(?:business\s+|working\s+|calendar\s+)?(hours?|days?|weeks?)\b`)
	numberWords    = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14}
	emphasis       = strings.NewReplacer("**", "", "__", "", "*", "", "`", "")
)

// heading reports whether line i (0-based) of t is a heading, and its text.
func headingAt(t *text, i int) (string, bool) {
	l := t.lines[i]
	if heading.MatchString(l) {
		return strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "#")), true
	}
	if i+1 < len(t.lines) && strings.TrimSpace(l) != "" && underline.MatchString(t.lines[i+1]) && !underline.MatchString(l) {
		return strings.TrimSpace(l), true
	}
	return "", false
}

// findHeading returns the line of the first heading matching re.
func findHeading(t *text, re *lazyregexp.Regexp) int {
	for i := range t.lines {
		if h, ok := headingAt(t, i); ok && re.MatchString(h) {
			return i + 1
		}
	}
	return 0
}

func (s *scanner) readme() *text {
	if rel := s.find("", "README", "README.md", "README.rst"); rel != "" {
		return s.read(rel)
	}
	return nil
}

func (s *scanner) scanReadme() {
	t := s.readme()
	if t == nil {
		return
	}
	// The description: the first line of prose, past titles and badges.
	for i, l := range t.lines {
		if _, ok := headingAt(t, i); ok || underline.MatchString(l) || decoration.MatchString(l) {
			continue
		}
		if len(wordPattern.FindAllString(l, -1)) >= 4 {
			s.add("description_good", model.Met, 2, s.T("ui.detect.j.description_good", "Where", s.where(t.rel, i+1)), at(t.rel, i+1))
			break
		}
	}
	obtain, feedback, contribute := t.find(obtainWords), t.find(feedbackWords), t.find(contributeWords)
	if obtain > 0 && feedback > 0 && contribute > 0 {
		s.add("interact", model.Met, 2, s.T("ui.detect.j.interact",
			"Obtain", s.where(t.rel, obtain), "Feedback", s.where(t.rel, feedback), "Contribute", s.where(t.rel, contribute)),
			at(t.rel, obtain), at(t.rel, feedback), at(t.rel, contribute))
	}
	if line := findHeading(t, docHeading); line > 0 {
		s.add("documentation_basics", model.Met, 2, s.T("ui.detect.j.documentation_basics", "Where", s.where(t.rel, line)), at(t.rel, line))
	} else if s.hasDir("docs") {
		s.add("documentation_basics", model.Met, 1, s.T("ui.detect.j.documentation_basics", "Where", s.whereDir("docs")), "docs/")
	}
}

func (s *scanner) scanContributing() {
	rel := s.findIn(policyDirs, "CONTRIBUTING", "CONTRIBUTE")
	if rel == "" {
		if t := s.readme(); t != nil {
			if line := findHeading(t, contribHeading); line > 0 {
				s.add("contribution", model.Met, 2, s.T("ui.detect.j.contribution", "Where", s.where(t.rel, line)), at(t.rel, line))
			}
		}
		if dco := s.find("", "DCO"); dco != "" {
			s.add("dco", model.Met, 2, s.T("ui.detect.j.dco", "Where", s.where(dco, 0)), at(dco, 0))
		}
		return
	}
	s.add("contribution", model.Met, 3, s.T("ui.detect.j.contribution", "Where", s.where(rel, 0)), at(rel, 0))
	t := s.read(rel)
	if t == nil {
		return
	}
	if line := t.find(requirementWords); line > 0 {
		s.add("contribution_requirements", model.Met, 2, s.T("ui.detect.j.contribution_requirements", "Where", s.where(rel, line)), at(rel, line))
	}
	if line := t.find(dcoWords); line > 0 {
		s.add("dco", model.Met, 2, s.T("ui.detect.j.dco", "Where", s.where(rel, line)), at(rel, line))
	} else if dco := s.find("", "DCO"); dco != "" {
		s.add("dco", model.Met, 2, s.T("ui.detect.j.dco", "Where", s.where(dco, 0)), at(dco, 0))
	}
}

// privateLine finds where a policy names a private channel: an e-mail
// address, or the forge's private reporting.
func privateLine(t *text) int {
	for i, l := range t.lines {
		if privateChannel.MatchString(l) {
			return i + 1
		}
		for _, m := range emailPattern.FindAllString(l, -1) {
			if !strings.Contains(strings.ToLower(m), "noreply") && !strings.HasPrefix(strings.ToLower(m), "git@") {
				return i + 1
			}
		}
	}
	return 0
}

// responseDays finds a stated first-response time, in whole days.
func responseDays(t *text) (days, line int) {
	for i, l := range t.lines {
		m := responseTime.FindStringSubmatch(emphasis.Replace(l))
		if m == nil {
			continue
		}
		n, err := strconv.Atoi(m[1])
		if err != nil {
			n = numberWords[strings.ToLower(m[1])]
		}
		switch strings.ToLower(m[2][:1]) {
		case "h":
			n = (n + 23) / 24
		case "w":
			n *= 7
		}
		return n, i + 1
	}
	return 0, 0
}

// SecurityPolicyFile returns the repository path of the security policy
// at root (in the root, .github/, docs/ or .gitlab/), "" when there is none.
func SecurityPolicyFile(root string) string {
	for _, d := range policyDirs {
		ents, err := os.ReadDir(filepath.Join(root, d))
		if err != nil {
			continue
		}
		var names []string
		for _, e := range ents {
			if !e.IsDir() {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		if f := findName(d, names, []string{"SECURITY"}); f != "" {
			return f
		}
	}
	return ""
}

func (s *scanner) scanSecurity() {
	rel := s.findIn(policyDirs, "SECURITY")
	if rel == "" {
		if t := s.readme(); t != nil {
			if line := findHeading(t, securityHeading); line > 0 {
				s.add("vulnerability_report_process", model.Met, 2, s.T("ui.detect.j.vuln_process_readme", "Where", s.where(t.rel, line)), at(t.rel, line))
				return
			}
		}
		s.add("vulnerability_report_process", model.Unmet, 1, s.T("ui.detect.j.vuln_process_missing"))
		return
	}
	s.add("vulnerability_report_process", model.Met, 3, s.T("ui.detect.j.vuln_process", "Where", s.where(rel, 0)), at(rel, 0))
	t := s.read(rel)
	if t == nil {
		return
	}
	if line := privateLine(t); line > 0 {
		s.add("vulnerability_report_private", model.Met, 2, s.T("ui.detect.j.vuln_private", "Where", s.where(rel, line)), at(rel, line))
	}
	if days, line := responseDays(t); line > 0 && days > 0 && days <= 14 {
		s.add("vulnerability_report_response", model.Met, 1, s.T("ui.detect.j.vuln_response", "Days", days, "Where", s.where(rel, line)), at(rel, line))
	}
}

func (s *scanner) scanReleaseNotes() {
	names := []string{"CHANGELOG", "CHANGES", "HISTORY", "NEWS", "RELEASES", "RELEASE-NOTES", "RELEASE_NOTES", "RELEASENOTES"}
	if rel := s.findIn([]string{"", "docs", "doc"}, names...); rel != "" {
		if t := s.read(rel); t != nil && strings.TrimSpace(t.String()) != "" {
			s.add("release_notes", model.Met, 2, s.T("ui.detect.j.release_notes", "Where", s.where(rel, 0)), at(rel, 0))
			return
		}
	}
	for _, d := range []string{"changelog.d", "changelogs", ".changeset", "release-notes", "releasenotes", "docs/releases", "docs/changelog"} {
		if s.hasDir(d) {
			s.add("release_notes", model.Met, 1, s.T("ui.detect.j.release_notes", "Where", s.whereDir(d)), d+"/")
			return
		}
	}
}

// scanGovernance covers the silver documents: code of conduct, governance,
// roles, roadmap, architecture; and the bug-report templates.
func (s *scanner) scanGovernance() {
	if rel := s.findIn(policyDirs, "CODE_OF_CONDUCT", "CODE-OF-CONDUCT", "CODEOFCONDUCT", "CONDUCT"); rel != "" {
		s.add("code_of_conduct", model.Met, 3, s.T("ui.detect.j.code_of_conduct", "Where", s.where(rel, 0)), at(rel, 0))
	}
	if rel := s.findIn(policyDirs, "GOVERNANCE"); rel != "" {
		s.add("governance", model.Met, 3, s.T("ui.detect.j.governance", "Where", s.where(rel, 0)), at(rel, 0))
	}
	if rel := s.findIn(policyDirs, "MAINTAINERS", "OWNERS", "CODEOWNERS", "GOVERNANCE"); rel != "" {
		s.add("roles_responsibilities", model.Met, 1, s.T("ui.detect.j.roles", "Where", s.where(rel, 0)), at(rel, 0))
	}
	if rel := s.findIn([]string{"", "docs", "doc"}, "ROADMAP"); rel != "" {
		s.add("documentation_roadmap", model.Met, 2, s.T("ui.detect.j.roadmap", "Where", s.where(rel, 0)), at(rel, 0))
	}
	if rel := s.findIn([]string{"", "docs", "doc"}, "ARCHITECTURE", "DESIGN"); rel != "" {
		s.add("documentation_architecture", model.Met, 2, s.T("ui.detect.j.architecture", "Where", s.where(rel, 0)), at(rel, 0))
	}
	for _, d := range []string{".github/ISSUE_TEMPLATE", ".gitlab/issue_templates", ".gitea/ISSUE_TEMPLATE", ".forgejo/issue_template"} {
		if s.hasDir(d) {
			s.add("report_process", model.Met, 2, s.T("ui.detect.j.report_process", "Where", s.whereDir(d)), d+"/")
			return
		}
	}
	if rel := s.find(".github", "ISSUE_TEMPLATE"); rel != "" {
		s.add("report_process", model.Met, 2, s.T("ui.detect.j.report_process", "Where", s.where(rel, 0)), at(rel, 0))
	}
}

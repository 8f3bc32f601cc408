package detect

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/model"
)

// policyDirs are where forges look for community files, in the order we
// prefer them.
var policyDirs = []string{"", ".github", "docs", ".gitlab"}

var (
	underline   = lazyregexp.New(`^\s*(=+|-+|~+|\^+)\s*$`)
	decoration  = lazyregexp.New(`^\s*(\[!\[|!\[|<|\.\. |\||\[!|\{|:[a-z]+:|---|\*\*\*|` + "```" + `)`)
	wordPattern = lazyregexp.New(`[\pL\pN]+`)

	obtainWords     = lazyregexp.New(`(?i)\b(install(ation|ing)?|download|go get|releases?|binar(y|ies)|package manager|getting started)\b`)
	feedbackWords   = lazyregexp.New(`(?i)\b(issues?|bugs?|feedback|discussions?|mailing list|forum|questions?|support)\b`)
	contributeWords = lazyregexp.New(`(?i)\b(contribut\w*|pull requests?|merge requests?|patch(es)?)\b`)
	docHeading      = lazyregexp.New(`(?i)^\W*(install(ation|ing)?|usage|getting started|quick ?start|how to use|documentation|docs|examples?|tutorial|user guide|commands|basic use)\b`)
	quickHeading    = lazyregexp.New(`(?i)^\W*(quick ?start|getting started|get started|first steps|tutorial)\b`)
	contribHeading  = lazyregexp.New(`(?i)^\W*(contribut|how to (help|contribute)|get(ting)? involved)`)
	securityHeading = lazyregexp.New(`(?i)^\W*(security|reporting (security|vulnerabilit)|vulnerabilit)`)
	reportHeading   = lazyregexp.New(`(?i)\b(report(ing)?\s+(a\s+)?(bugs?|issues?|problems?|defects?)|bug\s+reports?|fil(e|ing)\s+(a\s+)?(bugs?|issues?)|(found|find)\s+a\s+bug|issue\s+tracker|^\W*issues?\W*$|^\W*bugs?\W*$)`)
	reportLine      = lazyregexp.New(`(?i)\b(report|file|open|submit|raise)\b[^.]{0,40}\b(bugs?|issues?|problems?)\b|\bbugs?\b[^.]{0,40}\b(issue tracker|issues)\b`)
	buildHeading    = lazyregexp.New(`(?i)\b(build(ing)?|compil(e|ing|ation)|from source|development (setup|environment)|dev(elopment)? setup|setting up|local development|developer guide|hacking)\b`)
	testHeading     = lazyregexp.New(`(?i)\b(run(ning)?\s+(the\s+)?(unit\s+)?tests?|tests?|testing|test suite)\b`)
	styleHeading    = lazyregexp.New(`(?i)\b((coding|code)\s+(style|standards?|conventions?|guidelines?)|style\s*guide|formatting|linting)\b`)
	reviewHeading   = lazyregexp.New(`(?i)^\W*(code\s+reviews?|reviews?|review(ing)?\s+(process|standards|guidelines|checklist|pull requests)|pull request review)\b`)
	depsHeading     = lazyregexp.New(`(?i)\bdependenc(y|ies)\b`)
	secretsHeading  = lazyregexp.New(`(?i)\b(secrets?|credentials?|tokens? and keys)\b`)
	devSetupHeading = lazyregexp.New(`(?i)\b(development (setup|environment)|dev(elopment)? (setup|container)|setting up|set ?up (your|a|the) (development|local)|local development|prerequisites)\b`)
	roadmapHeading  = lazyregexp.New(`(?i)\broadmap\b`)
	govHeading      = lazyregexp.New(`(?i)^\W*governance\b`)
	supportHeading  = lazyregexp.New(`(?i)\bsupported\s+(versions?|releases?)\b|\bsupport\s+(policy|lifecycle|life cycle|window|period)\b|\bsecurity\s+updates\b|\bversion\s+support\b`)
	apiHeading      = lazyregexp.New(`(?i)^\W*(api|api reference|reference|interfaces?|command[- ]line (interface|options|usage)|cli( usage| reference)?|configuration)\b`)

	requirementWords = lazyregexp.New(`(?i)\b(coding (style|standards?|conventions?)|code style|style guide|gofmt|go vet|lint\w*|formatt\w*|tests?|sign(ed)?[- ]off|dco|cla|commit messages?|code review)\b`)
	dcoWords         = lazyregexp.New(`(?i)(developer certificate of origin|signed-off-by|\bdco\b|git commit -s\b|--signoff)`)
	testPolicyLine   = lazyregexp.New(`(?i)(\b(add|adds|adding|include|includes|including|write|writing|update|provide|accompan\w*|cover\w*)\b[^.]{0,60}\btests?\b|\btests?\b[^.]{0,40}\b(are|is)\s+(required|mandatory|expected|needed)|\b(must|should|shall)\b[^.]{0,40}\b(be\s+)?(tested|tests?)\b|\bnew\s+(features?|functionality|code)\b[^.]{0,60}\btests?\b)`)
	mandatory        = lazyregexp.New(`(?i)\b(must|required|mandatory|shall|need to|needs to|have to)\b`)
	smallTaskWords   = lazyregexp.New(`(?i)good[- ]first[- ]issues?|help[- ]wanted|beginner[- ]friendly|first[- ]timers?[- ]only|easy[- ]pick`)
	memberAccess     = lazyregexp.New(`(?i)\b(commit (access|rights)|write access|admin(istrator)?s?\b|merge rights|push access|permissions|owners?\b|release managers?)`)
	escalation       = lazyregexp.New(`(?i)(becom(e|es|ing) an? (maintainer|committer|reviewer|approver|member)|(commit|write|merge|push) (access|rights|permissions?)[^.]{0,60}\b(granted|given|after|once|nominat|vote|approv)|nominat\w*|promot(e|ed|ion) to|vot(e|ed|ing) (in|on)|granted .{0,40}(access|permissions))`)
	rolesWords       = lazyregexp.New(`(?i)\b(roles?|responsibilit(y|ies)|maintainers?|committers?|reviewers?|approvers?)\b`)

	emailPattern     = lazyregexp.New(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	privateChannel   = lazyregexp.New(`(?i)(security/advisories/new|private(ly)? vulnerability report|report a vulnerability|security advisor(y|ies)|confidential issue|issue\[confidential\]|privately|huntr\.(dev|com)|hackerone|bugcrowd|intigriti|\bpgp\b|\bgpg\b|encrypted e-?mail)`)
	reportWords      = lazyregexp.New(`(?i)\b(report\w*|disclos\w*|vulnerabilit(y|ies))\b`)
	responseTime     = lazyregexp.New(`(?i)\bwithin\s+(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen)\s+(?:business\s+|working\s+|calendar\s+)?(hours?|days?|weeks?)\b`)
	numberWords      = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14}
	emphasis         = strings.NewReplacer("**", "", "__", "", "*", "", "`", "")
	creditWords      = lazyregexp.New(`(?i)\b(credit\w*|hall of fame|thank\w* (the |all )?(reporters?|researchers?)|acknowledg\w+ (the |all )?(reporters?|researchers?|finders?)|recogni[sz]\w* (the )?(reporters?|researchers?))\b`)
	processWords     = lazyregexp.New(`(?i)\b(triage|disclosure|embargo|coordinated|timeline|what happens|after (you|the) report|we will (confirm|acknowledge|investigate|assess|fix|release|publish)|advisor(y|ies)|fix(ed)? (and|then) release)\b`)
	endOfLife        = lazyregexp.New(`(?i)(end[- ]of[- ]life|\beol\b|no longer (receive|get|supported|maintained)|not supported|unsupported|only the (latest|most recent|current)|:x:|❌|✗)`)
	advisoryWords    = lazyregexp.New(`(?i)\b(publish\w*|announc\w*)\b[^.]{0,80}\b(advisor(y|ies)|cve|vulnerabilit(y|ies))|\b(advisor(y|ies)|cves?)\b[^.]{0,80}\b(publish\w*|announc\w*|released?)\b|security/advisories([^/\w]|$)`)
	secModelHead     = lazyregexp.New(`(?i)(security\s+(model|considerations|requirements|expectations|assumptions|guarantees|features|design)|threat\s+model|what (is|isn't|is not) (a )?(vulnerability|security (issue|bug))|(in|out of)[- ]scope|scope)`)
	remediationTimes = lazyregexp.New(`(?i)\b(critical|high|medium|moderate|low)\b[^.]{0,60}\b(within|in)\s+\d+\s+(days|weeks)`)
	cvePattern       = lazyregexp.New(`\b(CVE-\d{4}-\d{4,}|GHSA(-[0-9a-z]{4}){3})\b`)
	badgeLink        = lazyregexp.New(`(?i)(bestpractices\.dev|bestpractices\.coreinfrastructure\.org)/(\w+/)?projects/\d+`)
	englishWords     = map[string]bool{"the": true, "and": true, "to": true, "of": true, "is": true, "for": true, "with": true, "you": true, "this": true, "that": true, "in": true, "on": true, "it": true, "are": true, "can": true, "be": true, "a": true, "an": true, "or": true, "your": true}
)

var (
	coversReadme       = []string{"description_good", "interact", "documentation_basics", "documentation_quick_start", "documentation_interface", "documentation_achievements", "english", "discussion", "report_tracker", "report_process", "report_archive"}
	coversContributing = []string{"contribution", "contribution_requirements", "dco", "coding_standards", "code_review_standards", "test_policy", "tests_documented_added", "test_policy_mandated", "installation_development_quick", "small_tasks", "report_process", "osps_do_07_01", "osps_qa_06_02", "osps_qa_06_03", "osps_do_06_01", "osps_br_07_02"}
	coversSecurity     = []string{"vulnerability_report_process", "vulnerability_report_private", "vulnerability_report_response", "vulnerability_response_process", "vulnerability_report_credit", "documentation_security", "osps_vm_01_01", "osps_do_04_01", "osps_do_05_01", "osps_vm_04_01", "osps_vm_05_01", "osps_vm_06_01"}
	coversReleaseNotes = []string{"release_notes", "release_notes_vulns"}
	coversGovernance   = []string{"code_of_conduct", "governance", "roles_responsibilities", "documentation_roadmap", "documentation_architecture", "report_process", "osps_gv_01_01", "osps_gv_04_01", "osps_sa_03_01", "osps_sa_03_02", "assurance_case"}
)

func (s *scanner) readme() *text {
	if rel := s.find("", "README", "README.md", "README.rst"); rel != "" {
		return s.readFor(rel, coversReadme...)
	}
	return nil
}

// docNames are documents beside README and CONTRIBUTING that a reader opens
// to build, test or join the project.
var docNames = []string{"DEVELOPMENT", "DEVELOPING", "HACKING", "BUILDING", "BUILD", "INSTALL", "TESTING", "SUPPORT"}

// readerDocs are the documents a reader opens, in the order they would:
// README, CONTRIBUTING, then the development guides and docs/'s pages.
func (s *scanner) readerDocs() []*text {
	if s.memo.docsDone {
		return s.memo.docs
	}
	s.memo.docsDone = true
	seen := map[string]bool{}
	addDoc := func(rel string) {
		if rel == "" || seen[rel] {
			return
		}
		seen[rel] = true
		if t := s.read(rel); t != nil {
			s.memo.docs = append(s.memo.docs, t)
		}
	}
	if t := s.readme(); t != nil {
		seen[t.rel] = true
		s.memo.docs = append(s.memo.docs, t)
	}
	addDoc(s.findIn(policyDirs, "CONTRIBUTING", "CONTRIBUTE"))
	for _, d := range []string{"", "docs", "doc", ".github"} {
		addDoc(s.find(d, docNames...))
	}
	// docs/'s own pages, a bounded number: guides live there.
	for _, d := range []string{"docs", "doc", "docs/development", "docs/developer", "docs/contributing"} {
		names := append([]string(nil), s.entries[d]...)
		sort.Strings(names)
		n := 0
		for _, name := range names {
			ext := strings.ToLower(path.Ext(name))
			if ext != ".md" && ext != ".rst" && ext != ".adoc" && ext != ".markdown" {
				continue
			}
			if n++; n > 30 {
				break
			}
			addDoc(path.Join(d, name))
		}
	}
	return s.memo.docs
}

// inDocs finds the first section of the reader's documents whose heading
// matches head and whose body has at least minWords words.
func (s *scanner) inDocs(docs []*text, head *lazyregexp.Regexp, minWords int) (*text, section, bool) {
	for _, t := range docs {
		for _, sec := range sections(t) {
			if head.MatchString(sec.title) && t.words(sec) >= minWords {
				return t, sec, true
			}
		}
	}
	return nil, section{}, false
}

// lineInDocs finds the first line of docs matching re.
func lineInDocs(docs []*text, re *lazyregexp.Regexp) (*text, int) {
	for _, t := range docs {
		if line := t.find(re); line > 0 {
			return t, line
		}
	}
	return nil, 0
}

func (s *scanner) scanReadme() {
	s.scanInterface()
	s.scanDiscussion()
	t := s.readme()
	if t == nil {
		return
	}
	// The description: the first line of prose, past titles and badges.
	for i, l := range t.lines {
		if isHeadingLine(t, i) || underline.MatchString(l) || decoration.MatchString(l) {
			continue
		}
		if len(wordPattern.FindAllString(l, -1)) >= 4 {
			s.add("description_good", model.Met, fair, s.T("ui.detect.j.description_good", "Where", s.where(t.rel, i+1)), at(t.rel, i+1))
			break
		}
	}
	obtain, feedback, contribute := t.find(obtainWords), t.find(feedbackWords), t.find(contributeWords)
	if obtain > 0 && feedback > 0 && contribute > 0 {
		s.add("interact", model.Met, fair, s.T("ui.detect.j.interact",
			"Obtain", s.where(t.rel, obtain), "Feedback", s.where(t.rel, feedback), "Contribute", s.where(t.rel, contribute)),
			at(t.rel, obtain), at(t.rel, feedback), at(t.rel, contribute))
	}
	if sec, ok := sectionMatching(t, docHeading); ok && t.words(sec) >= 5 {
		s.add("documentation_basics", model.Met, fair, s.T("ui.detect.j.documentation_basics", "Where", s.where(t.rel, sec.line)), at(t.rel, sec.line))
	} else if s.hasDir("docs") {
		s.confirm("documentation_basics", model.Met, s.T("ui.detect.j.documentation_basics", "Where", s.whereDir("docs")), s.T("ui.detect.c.documentation_basics"), "docs/")
	}
	if sec, ok := sectionMatching(t, quickHeading); ok && t.words(sec) >= 5 {
		s.add("documentation_quick_start", model.Met, fair, s.T("ui.detect.j.quick_start", "Where", s.where(t.rel, sec.line)), at(t.rel, sec.line))
	}
	if line := t.find(badgeLink); line > 0 {
		s.add("documentation_achievements", model.Met, fair, s.T("ui.detect.j.achievements", "Where", s.where(t.rel, line)), at(t.rel, line))
	}
	if english(t) {
		s.add("english", model.Met, fair, s.T("ui.detect.j.english", "Where", s.where(t.rel, 0)), at(t.rel, 0))
	}
}

// english reports whether a README is written in English: its common
// words make up a good share of the first few thousand.
func english(t *text) bool {
	total, common := 0, 0
	for _, l := range t.lines {
		for _, w := range wordPattern.FindAllString(l, -1) {
			total++
			if englishWords[strings.ToLower(w)] {
				common++
			}
		}
		if total > 3000 {
			break
		}
	}
	return total >= 30 && common*100 >= total*12
}

// scanInterface looks for the documentation of the software's interface:
// a reference section, an API description, generated manual pages.
func (s *scanner) scanInterface() {
	for _, f := range s.files {
		base := strings.ToLower(path.Base(f))
		if strings.Count(f, "/") <= 2 && (strings.HasPrefix(base, "openapi.") || strings.HasPrefix(base, "swagger.")) && (strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".json")) {
			s.add("documentation_interface", model.Met, fair, s.T("ui.detect.j.interface", "Where", s.where(f, 0)), at(f, 0))
			return
		}
	}
	// R's man/*.Rd are the reference of every exported function.
	if s.isRPackage() && len(s.entries["man"]) > 0 {
		s.add("documentation_interface", model.Met, fair, s.T("ui.detect.j.interface_r", "Where", s.whereDir("man")), "man/")
		return
	}
	docs := s.readerDocs()
	if t, sec, ok := s.inDocs(docs, apiHeading, 20); ok {
		s.add("documentation_interface", model.Met, fair, s.T("ui.detect.j.interface", "Where", s.where(t.rel, sec.line)), at(t.rel, sec.line))
		return
	}
	for _, m := range s.manifests() {
		if m.eco.tool == "Go" || m.eco.tool == "Cargo" {
			site := map[string]string{"Go": "pkg.go.dev", "Cargo": "docs.rs"}[m.eco.tool]
			s.confirm("documentation_interface", model.Met, s.T("ui.detect.j.interface_doc_comments", "Site", site, "Where", s.where(m.rel, 0)), s.T("ui.detect.c.interface_doc_comments"), at(m.rel, 0))
			break
		}
	}
	for _, d := range []string{"docs/api", "docs/reference", "doc/api", "api-docs", "docs/cli", "man"} {
		if s.hasDir(d) {
			s.confirm("documentation_interface", model.Met, s.T("ui.detect.j.interface", "Where", s.whereDir(d)), s.T("ui.detect.c.interface"), d+"/")
			return
		}
	}
}

// scanDiscussion: where users discuss and report: links to the forge's
// issues or discussions, a mailing list, issue templates.
func (s *scanner) scanDiscussion() {
	docs := s.readerDocs()
	if t, line := s.forumLine(docs); t != nil {
		j := s.T("ui.detect.j.discussion", "Where", s.where(t.rel, line))
		s.add("discussion", model.Met, fair, j, at(t.rel, line))
		if strings.Contains(t.lines[line-1], "issue") || strings.Contains(t.lines[line-1], "work_items") {
			s.add("report_tracker", model.Met, fair, s.T("ui.detect.j.report_tracker", "Where", s.where(t.rel, line)), at(t.rel, line))
		}
	}
	if d := s.issueTemplates(); d != "" {
		s.add("report_tracker", model.Met, fair, s.T("ui.detect.j.report_tracker", "Where", s.whereDir(d)), d+"/")
		s.add("discussion", model.Met, fair, s.T("ui.detect.j.discussion", "Where", s.whereDir(d)), d+"/")
	}
	if u := issuesURL(s.site); u != "" {
		s.confirm("discussion", model.Met, s.T("ui.detect.j.discussion_forge", "URL", u), s.T("ui.detect.c.issues_enabled"), u)
		s.confirm("report_tracker", model.Met, s.T("ui.detect.j.report_tracker", "Where", u), s.T("ui.detect.c.issues_enabled"), u)
		s.confirm("report_process", model.Met, s.T("ui.detect.j.report_process_forge", "URL", u), s.T("ui.detect.c.issues_enabled"), u)
		s.confirm("report_archive", model.Met, s.T("ui.detect.j.report_archive", "URL", u), s.T("ui.detect.c.issues_enabled"), u)
	}
}

var (
	forumWords = lazyregexp.New(`(?i)(mailing[- ]list|groups\.google\.com|\blists\.[a-z0-9-]+\.[a-z]+|discourse|zulip(chat)?|matrix\.to|\bforum\b|github discussions|issue tracker|\b(open|file|raise|submit) (an? |the )?(new )?issue\b)`)
	forumLink  = lazyregexp.New(`https?://[^\s)\]>"']+/(issues|discussions|-/issues|-/work_items)\b`)
)

// forumLine finds where the documents send readers to discuss: a mailing
// list or forum, the issue tracker in words, or a link to this project's
// own issues or discussions (a link to another project's is not).
func (s *scanner) forumLine(docs []*text) (*text, int) {
	web := strings.ToLower(s.site.Web)
	for _, t := range docs {
		for i, l := range t.lines {
			if forumWords.MatchString(l) {
				return t, i + 1
			}
			if web == "" {
				continue
			}
			for _, u := range forumLink.FindAllString(l, -1) {
				if strings.HasPrefix(strings.ToLower(u), web+"/") {
					return t, i + 1
				}
			}
		}
	}
	return nil, 0
}

// issuesURL is the forge's issue tracker for the repository, "" when the
// forge is unknown.
func issuesURL(site evidence.Site) string {
	switch site.Forge {
	case evidence.GitHub, evidence.Gitea, evidence.Bitbucket:
		return site.Web + "/issues"
	case evidence.GitLab:
		return site.Web + "/-/issues"
	}
	return ""
}

// issueTemplates is the directory of issue templates, "" when there is none.
func (s *scanner) issueTemplates() string {
	for _, d := range []string{".github/ISSUE_TEMPLATE", ".gitlab/issue_templates", ".gitea/ISSUE_TEMPLATE", ".gitea/issue_template", ".forgejo/issue_template", ".forgejo/ISSUE_TEMPLATE"} {
		if s.hasDir(d) {
			return d
		}
	}
	return ""
}

// contributing is the contribution guide, or nil; rel is its path even
// when it cannot be read.
func (s *scanner) contributing() (rel string, t *text) {
	rel = s.findIn(policyDirs, "CONTRIBUTING", "CONTRIBUTE")
	if rel == "" {
		return "", nil
	}
	return rel, s.readFor(rel, coversContributing...)
}

func (s *scanner) scanContributing() {
	rel, t := s.contributing()
	docs := s.readerDocs()
	readme := s.readme()
	switch {
	case t != nil:
		conf := fair
		if t.find(contributeWords) == 0 {
			conf = weak
		}
		if conf == weak {
			s.confirm("contribution", model.Met, s.T("ui.detect.j.contribution", "Where", s.where(rel, 0)), s.T("ui.detect.c.contribution"), at(rel, 0))
		} else {
			s.add("contribution", model.Met, conf, s.T("ui.detect.j.contribution", "Where", s.where(rel, 0)), at(rel, 0))
		}
		if line := t.find(requirementWords); line > 0 {
			s.add("contribution_requirements", model.Met, fair, s.T("ui.detect.j.contribution_requirements", "Where", s.where(rel, line)), at(rel, line))
		}
	case rel == "" && readme != nil:
		if sec, ok := sectionMatching(readme, contribHeading); ok && readme.words(sec) >= 3 {
			s.add("contribution", model.Met, fair, s.T("ui.detect.j.contribution", "Where", s.where(readme.rel, sec.line)), at(readme.rel, sec.line))
			if line := readme.findIn(sec, requirementWords); line > 0 {
				s.add("contribution_requirements", model.Met, fair, s.T("ui.detect.j.contribution_requirements", "Where", s.where(readme.rel, line)), at(readme.rel, line))
			}
		}
	}
	// The guide's own documents: CONTRIBUTING first, then the others.
	guide := docs
	if t != nil {
		guide = append([]*text{t}, docs...)
	}
	if g, line := lineInDocs(guide, dcoWords); g != nil {
		s.add("dco", model.Met, fair, s.T("ui.detect.j.dco", "Where", s.where(g.rel, line)), at(g.rel, line))
	} else if dco := s.find("", "DCO"); dco != "" && s.readFor(dco, "dco") != nil {
		s.add("dco", model.Met, fair, s.T("ui.detect.j.dco", "Where", s.where(dco, 0)), at(dco, 0))
	}
	s.scanReportProcess(guide)
	s.scanGuideSections(guide)
	s.scanTestPolicy(guide)
}

// scanReportProcess: how users report bugs, from the documents they read
// (a "Reporting bugs" section, a line saying where) or the issue templates.
func (s *scanner) scanReportProcess(docs []*text) {
	if t, sec, ok := s.inDocs(docs, reportHeading, 5); ok {
		s.add("report_process", model.Met, fair, s.T("ui.detect.j.report_process_doc", "Where", s.where(t.rel, sec.line)), at(t.rel, sec.line))
		return
	}
	if t, line := lineInDocs(docs, reportLine); t != nil {
		s.add("report_process", model.Met, fair, s.T("ui.detect.j.report_process_doc", "Where", s.where(t.rel, line)), at(t.rel, line))
		return
	}
	if d := s.issueTemplates(); d != "" {
		s.add("report_process", model.Met, fair, s.T("ui.detect.j.report_process", "Where", s.whereDir(d)), d+"/")
		return
	}
	if rel := s.find(".github", "ISSUE_TEMPLATE"); rel != "" && s.readFor(rel, "report_process") != nil {
		s.add("report_process", model.Met, fair, s.T("ui.detect.j.report_process", "Where", s.where(rel, 0)), at(rel, 0))
	}
}

// scanGuideSections reads the sections of the guides for what they
// document: building, testing, style, review, dependencies, secrets.
func (s *scanner) scanGuideSections(docs []*text) {
	section := func(id string, head *lazyregexp.Regexp, key string) bool {
		if t, sec, ok := s.inDocs(docs, head, 8); ok {
			s.add(id, model.Met, fair, s.T(key, "Where", s.where(t.rel, sec.line), "Title", quoteTitle(sec.title)), at(t.rel, sec.line))
			return true
		}
		return false
	}
	if !section("osps_do_07_01", buildHeading, "ui.detect.j.build_docs") {
		for _, d := range []string{"", "docs", "doc"} {
			if rel := s.find(d, "BUILDING", "INSTALL", "DEVELOPMENT", "HACKING"); rel != "" && s.readFor(rel, "osps_do_07_01") != nil {
				s.add("osps_do_07_01", model.Met, fair, s.T("ui.detect.j.build_docs_file", "Where", s.where(rel, 0)), at(rel, 0))
				break
			}
		}
	}
	if !section("osps_qa_06_02", testHeading, "ui.detect.j.tests_docs") {
		for _, d := range []string{"", "docs", "doc"} {
			if rel := s.find(d, "TESTING"); rel != "" && s.readFor(rel, "osps_qa_06_02") != nil {
				s.add("osps_qa_06_02", model.Met, fair, s.T("ui.detect.j.tests_docs_file", "Where", s.where(rel, 0)), at(rel, 0))
				break
			}
		}
	}
	section("coding_standards", styleHeading, "ui.detect.j.coding_standards")
	section("code_review_standards", reviewHeading, "ui.detect.j.code_review_standards")
	section("osps_do_06_01", depsHeading, "ui.detect.j.deps_docs")
	section("osps_br_07_02", secretsHeading, "ui.detect.j.secrets_policy")
	section("installation_development_quick", devSetupHeading, "ui.detect.j.dev_quick")
	if t, line := lineInDocs(docs, smallTaskWords); t != nil {
		s.add("small_tasks", model.Met, fair, s.T("ui.detect.j.small_tasks", "Where", s.where(t.rel, line)), at(t.rel, line))
	}
	for _, f := range []string{".devcontainer/devcontainer.json", ".devcontainer.json", "flake.nix", "shell.nix", ".gitpod.yml"} {
		if s.exists(f) {
			s.add("installation_development_quick", model.Met, fair, s.T("ui.detect.j.dev_quick_file", "Where", s.where(f, 0)), at(f, 0))
			break
		}
	}
}

// quoteTitle shows a heading's words in a justification.
func quoteTitle(t string) string {
	t = strings.TrimSpace(htmlTag.ReplaceAllString(t, ""))
	if len(t) > 60 {
		t = t[:60] + "…"
	}
	return "“" + t + "”"
}

// scanTestPolicy: a guide (or the pull request template) saying that
// changes come with tests.
func (s *scanner) scanTestPolicy(docs []*text) {
	for _, d := range []string{".github", "", "docs", ".gitlab/merge_request_templates"} {
		if rel := s.find(d, "PULL_REQUEST_TEMPLATE", "pull_request_template"); rel != "" {
			if t := s.read(rel); t != nil {
				docs = append(docs, t)
			}
			break
		}
	}
	for _, t := range docs {
		line := t.find(testPolicyLine)
		if line == 0 {
			continue
		}
		where := s.where(t.rel, line)
		s.add("test_policy", model.Met, fair, s.T("ui.detect.j.test_policy", "Where", where), at(t.rel, line))
		s.add("tests_documented_added", model.Met, fair, s.T("ui.detect.j.test_policy", "Where", where), at(t.rel, line))
		s.add("osps_qa_06_03", model.Met, fair, s.T("ui.detect.j.test_policy", "Where", where), at(t.rel, line))
		if mandatory.MatchString(t.lines[line-1]) {
			s.add("test_policy_mandated", model.Met, fair, s.T("ui.detect.j.test_policy_mandated", "Where", where), at(t.rel, line))
		} else {
			s.confirm("test_policy_mandated", model.Met, s.T("ui.detect.j.test_policy", "Where", where), s.T("ui.detect.c.test_policy_mandated"), at(t.rel, line))
		}
		return
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
			if sec, ok := sectionMatching(t, securityHeading); ok && t.words(sec) >= 5 {
				s.add("vulnerability_report_process", model.Met, fair, s.T("ui.detect.j.vuln_process_readme", "Where", s.where(t.rel, sec.line)), at(t.rel, sec.line))
				if line := t.findIn(sec, privateChannel); line > 0 {
					s.add("vulnerability_report_private", model.Met, fair, s.T("ui.detect.j.vuln_private", "Where", s.where(t.rel, line)), at(t.rel, line))
				}
				return
			}
		}
		s.confirm("vulnerability_report_process", model.Unmet, s.T("ui.detect.j.vuln_process_missing"), s.T("ui.detect.c.vuln_process_missing"))
		return
	}
	t := s.readFor(rel, coversSecurity...)
	if t == nil {
		return
	}
	if line := t.find(reportWords); line > 0 {
		s.add("vulnerability_report_process", model.Met, fair, s.T("ui.detect.j.vuln_process", "Where", s.where(rel, 0)), at(rel, 0))
	} else {
		s.confirm("vulnerability_report_process", model.Met, s.T("ui.detect.j.vuln_process", "Where", s.where(rel, 0)), s.T("ui.detect.c.vuln_process"), at(rel, 0))
	}
	if line := privateLine(t); line > 0 {
		s.add("vulnerability_report_private", model.Met, fair, s.T("ui.detect.j.vuln_private", "Where", s.where(rel, line)), at(rel, line))
	}
	days, dline := responseDays(t)
	if dline > 0 && days > 0 && days <= 14 {
		// A promise of the future, not a record of responses given.
		s.confirm("vulnerability_report_response", model.Met, s.T("ui.detect.j.vuln_response", "Days", days, "Where", s.where(rel, dline)), s.T("ui.detect.c.vuln_response"), at(rel, dline))
	}
	if dline > 0 {
		s.add("osps_vm_01_01", model.Met, fair, s.T("ui.detect.j.cvd_policy", "Days", days, "Where", s.where(rel, dline)), at(rel, dline))
		s.add("vulnerability_response_process", model.Met, fair, s.T("ui.detect.j.response_process", "Where", s.where(rel, dline)), at(rel, dline))
	} else {
		s.note("osps_vm_01_01", s.T("ui.detect.n.no_timeframe", "File", at(rel, 0)))
		if line := t.find(processWords); line > 0 {
			s.add("vulnerability_response_process", model.Met, fair, s.T("ui.detect.j.response_process", "Where", s.where(rel, line)), at(rel, line))
		}
	}
	if line := t.find(creditWords); line > 0 {
		s.add("vulnerability_report_credit", model.Met, fair, s.T("ui.detect.j.report_credit", "Where", s.where(rel, line)), at(rel, line))
	}
	if sec, ok := sectionMatching(t, supportHeading); ok && t.words(sec) >= 3 {
		s.add("osps_do_04_01", model.Met, fair, s.T("ui.detect.j.support_scope", "Where", s.where(rel, sec.line)), at(rel, sec.line))
		if line := t.findIn(sec, endOfLife); line > 0 {
			s.add("osps_do_05_01", model.Met, fair, s.T("ui.detect.j.support_end", "Where", s.where(rel, line)), at(rel, line))
		} else {
			s.confirm("osps_do_05_01", model.Met, s.T("ui.detect.j.support_end", "Where", s.where(rel, sec.line)), s.T("ui.detect.c.support_end"), at(rel, sec.line))
		}
	}
	if line := t.find(remediationTimes); line > 0 {
		// Fix times by severity: a remediation policy, whose reach (dependencies,
		// static analysis findings) the maintainer knows.
		where := s.where(rel, line)
		s.confirm("osps_vm_05_01", model.Met, s.T("ui.detect.j.remediation", "Where", where), s.T("ui.detect.c.remediation_sca"), at(rel, line))
		s.confirm("osps_vm_06_01", model.Met, s.T("ui.detect.j.remediation", "Where", where), s.T("ui.detect.c.remediation_sast"), at(rel, line))
	}
	if line := t.find(advisoryWords); line > 0 {
		// Saying advisories will be published is a promise.
		s.confirm("osps_vm_04_01", model.Met, s.T("ui.detect.j.advisories", "Where", s.where(rel, line)), s.T("ui.detect.c.advisories"), at(rel, line))
	}
	if sec, ok := sectionMatching(t, secModelHead); ok && t.words(sec) >= 10 {
		s.add("documentation_security", model.Met, fair, s.T("ui.detect.j.documentation_security", "Where", s.where(rel, sec.line)), at(rel, sec.line))
	} else {
		s.confirm("documentation_security", model.Met, s.T("ui.detect.j.documentation_security", "Where", s.where(rel, 0)), s.T("ui.detect.c.documentation_security"), at(rel, 0))
	}
}

func (s *scanner) scanReleaseNotes() {
	names := []string{"CHANGELOG", "CHANGES", "HISTORY", "NEWS", "RELEASES", "RELEASE-NOTES", "RELEASE_NOTES", "RELEASENOTES"}
	if rel := s.findIn([]string{"", "docs", "doc"}, names...); rel != "" {
		if t := s.readFor(rel, coversReleaseNotes...); t != nil && strings.TrimSpace(t.String()) != "" {
			s.add("release_notes", model.Met, fair, s.T("ui.detect.j.release_notes", "Where", s.where(rel, 0)), at(rel, 0))
			if line := t.find(cvePattern); line > 0 {
				s.add("release_notes_vulns", model.Met, fair, s.T("ui.detect.j.release_notes_vulns", "Where", s.where(rel, line)), at(rel, line))
				s.add("osps_vm_04_01", model.Met, fair, s.T("ui.detect.j.advisories_record", "Where", s.where(rel, line)), at(rel, line))
			}
			return
		}
	}
	for _, d := range []string{"changelog.d", "changelogs", ".changeset", "release-notes", "releasenotes", "docs/releases", "docs/changelog", "newsfragments", "changes"} {
		if s.hasDir(d) {
			s.confirm("release_notes", model.Met, s.T("ui.detect.j.release_notes", "Where", s.whereDir(d)), s.T("ui.detect.c.release_notes"), d+"/")
			return
		}
	}
	// A release tool that writes the notes, in CI: release-please,
	// semantic-release, GoReleaser's changelog, release-drafter.
	for _, f := range s.ciFiles() {
		if t := s.read(f); t != nil {
			if line := t.find(releaseNotesTools); line > 0 {
				s.confirm("release_notes", model.Met, s.T("ui.detect.j.release_notes_tool", "Where", s.where(f, line)), s.T("ui.detect.c.release_notes"), at(f, line))
				return
			}
		}
	}
}

var releaseNotesTools = lazyregexp.New(`(?i)(release-please|semantic-release|release-drafter|goreleaser|changesets/action|git-cliff|towncrier|generate_release_notes|softprops/action-gh-release)`)

// doc reads the first of names found in dirs that has some text: a
// document is evidence only once read.
func (s *scanner) doc(dirs []string, ids []string, names ...string) *text {
	rel := s.findIn(dirs, names...)
	if rel == "" {
		return nil
	}
	t := s.readFor(rel, ids...)
	if t == nil || !wordPattern.MatchString(t.String()) {
		return nil
	}
	return t
}

// scanGovernance covers the silver documents: code of conduct, governance,
// roles, roadmap, architecture, security assessments; and the members
// with access to the project's resources.
func (s *scanner) scanGovernance() {
	docDirs := []string{"", "docs", "doc"}
	if t := s.doc(policyDirs, []string{"code_of_conduct"}, "CODE_OF_CONDUCT", "CODE-OF-CONDUCT", "CODEOFCONDUCT", "CONDUCT"); t != nil {
		s.add("code_of_conduct", model.Met, fair, s.T("ui.detect.j.code_of_conduct", "Where", s.where(t.rel, 0)), at(t.rel, 0))
	}
	gov := s.doc(policyDirs, []string{"governance", "roles_responsibilities", "osps_gv_01_01", "osps_gv_04_01"}, "GOVERNANCE")
	if gov != nil {
		s.add("governance", model.Met, fair, s.T("ui.detect.j.governance", "Where", s.where(gov.rel, 0)), at(gov.rel, 0))
		if line := gov.find(rolesWords); line > 0 {
			s.add("roles_responsibilities", model.Met, fair, s.T("ui.detect.j.roles_doc", "Where", s.where(gov.rel, line)), at(gov.rel, line))
		}
	} else if t, sec, ok := s.inDocs(s.readerDocs(), govHeading, 10); ok {
		s.add("governance", model.Met, fair, s.T("ui.detect.j.governance", "Where", s.where(t.rel, sec.line)), at(t.rel, sec.line))
	}
	members := s.doc(policyDirs, []string{"osps_gv_01_01"}, "MAINTAINERS", "OWNERS", "COMMITTERS", "MAINTAINERS.md")
	if members != nil {
		where := s.where(members.rel, 0)
		s.confirm("roles_responsibilities", model.Met, s.T("ui.detect.j.roles", "Where", where), s.T("ui.detect.c.roles"), at(members.rel, 0))
		if line := members.find(memberAccess); line > 0 {
			s.add("osps_gv_01_01", model.Met, fair, s.T("ui.detect.j.members", "Where", s.where(members.rel, line)), at(members.rel, line))
		} else {
			s.confirm("osps_gv_01_01", model.Met, s.T("ui.detect.j.members", "Where", where), s.T("ui.detect.c.members"), at(members.rel, 0))
		}
	} else if rel := s.findIn([]string{".github", "", "docs", ".gitlab"}, "CODEOWNERS"); rel != "" && s.read(rel) != nil {
		s.confirm("roles_responsibilities", model.Met, s.T("ui.detect.j.roles", "Where", s.where(rel, 0)), s.T("ui.detect.c.roles"), at(rel, 0))
		s.confirm("osps_gv_01_01", model.Met, s.T("ui.detect.j.members", "Where", s.where(rel, 0)), s.T("ui.detect.c.members"), at(rel, 0))
	}
	if gov != nil {
		if line := gov.find(memberAccess); line > 0 {
			s.add("osps_gv_01_01", model.Met, fair, s.T("ui.detect.j.members", "Where", s.where(gov.rel, line)), at(gov.rel, line))
		}
	}
	// The policy for granting escalated permissions.
	var govDocs []*text
	for _, t := range []*text{gov, members} {
		if t != nil {
			govDocs = append(govDocs, t)
		}
	}
	if t, line := lineInDocs(append(govDocs, s.readerDocs()...), escalation); t != nil {
		s.add("osps_gv_04_01", model.Met, fair, s.T("ui.detect.j.escalation", "Where", s.where(t.rel, line)), at(t.rel, line))
	}
	if t := s.doc(docDirs, []string{"documentation_roadmap"}, "ROADMAP"); t != nil {
		s.add("documentation_roadmap", model.Met, fair, s.T("ui.detect.j.roadmap", "Where", s.where(t.rel, 0)), at(t.rel, 0))
	} else if t, sec, ok := s.inDocs(s.readerDocs(), roadmapHeading, 5); ok {
		s.add("documentation_roadmap", model.Met, fair, s.T("ui.detect.j.roadmap", "Where", s.where(t.rel, sec.line)), at(t.rel, sec.line))
	}
	if t := s.doc(append(docDirs, "docs/design", "docs/architecture"), []string{"documentation_architecture"}, "ARCHITECTURE", "DESIGN", "architecture", "design", "overview"); t != nil {
		if strings.Contains(strings.ToLower(t.rel), "overview") {
			s.confirm("documentation_architecture", model.Met, s.T("ui.detect.j.architecture", "Where", s.where(t.rel, 0)), s.T("ui.detect.c.architecture"), at(t.rel, 0))
		} else {
			s.add("documentation_architecture", model.Met, fair, s.T("ui.detect.j.architecture", "Where", s.where(t.rel, 0)), at(t.rel, 0))
		}
	}
	s.scanAssessments()
}

var (
	threatModelName = lazyregexp.New(`(?i)(^|/)[^/]*threat[-_ ]?model[^/]*\.(md|rst|adoc|txt|pdf)$`)
	assessmentName  = lazyregexp.New(`(?i)(^|/)[^/]*(security[-_ ]?(assessment|self[-_ ]?assessment|review|audit)|self[-_ ]?assessment)[^/]*\.(md|rst|adoc|txt|pdf)$`)
	assuranceName   = lazyregexp.New(`(?i)(^|/)[^/]*assurance[-_ ]?case[^/]*\.(md|rst|adoc|txt|pdf)$`)
	threatHeading   = lazyregexp.New(`(?i)\b(threat\s+model(ing)?|attack\s+surface)\b`)
	assessHeading   = lazyregexp.New(`(?i)\b(security\s+(assessment|review|audit|analysis)|self[- ]assessment)\b`)
	assureHeading   = lazyregexp.New(`(?i)\bassurance\s+case\b`)
)

// maybeAssessment is a cheap test before the patterns: the names they
// match all hold one of these words.
func maybeAssessment(f string) bool {
	l := strings.ToLower(path.Base(f))
	return strings.Contains(l, "threat") || strings.Contains(l, "assess") || strings.Contains(l, "assurance") ||
		strings.Contains(l, "review") || strings.Contains(l, "audit")
}

// scanAssessments: the security assessment, threat model and assurance
// case, as documents of their own or sections of the project's docs.
func (s *scanner) scanAssessments() {
	found := map[string]string{}
	for _, f := range s.files {
		if strings.Count(f, "/") > 3 || !maybeAssessment(f) {
			continue
		}
		for re, id := range map[*lazyregexp.Regexp]string{threatModelName: "osps_sa_03_02", assessmentName: "osps_sa_03_01", assuranceName: "assurance_case"} {
			if found[id] == "" && re.MatchString(f) {
				found[id] = f
			}
		}
	}
	if f := found["osps_sa_03_02"]; f != "" {
		s.add("osps_sa_03_02", model.Met, fair, s.T("ui.detect.j.threat_model", "Where", s.where(f, 0)), at(f, 0))
		s.add("osps_sa_03_01", model.Met, fair, s.T("ui.detect.j.assessment", "Where", s.where(f, 0)), at(f, 0))
	}
	if f := found["osps_sa_03_01"]; f != "" {
		s.add("osps_sa_03_01", model.Met, fair, s.T("ui.detect.j.assessment", "Where", s.where(f, 0)), at(f, 0))
	}
	if f := found["assurance_case"]; f != "" {
		s.add("assurance_case", model.Met, fair, s.T("ui.detect.j.assurance_case", "Where", s.where(f, 0)), at(f, 0))
		s.add("osps_sa_03_01", model.Met, fair, s.T("ui.detect.j.assessment", "Where", s.where(f, 0)), at(f, 0))
	}
	docs := s.readerDocs()
	if sec := s.findIn(policyDirs, "SECURITY"); sec != "" {
		if t := s.read(sec); t != nil {
			docs = append([]*text{t}, docs...)
		}
	}
	if t, sec, ok := s.inDocs(docs, threatHeading, 20); ok {
		s.add("osps_sa_03_02", model.Met, fair, s.T("ui.detect.j.threat_model", "Where", s.where(t.rel, sec.line)), at(t.rel, sec.line))
		s.add("osps_sa_03_01", model.Met, fair, s.T("ui.detect.j.assessment", "Where", s.where(t.rel, sec.line)), at(t.rel, sec.line))
	}
	if t, sec, ok := s.inDocs(docs, assessHeading, 20); ok {
		s.add("osps_sa_03_01", model.Met, fair, s.T("ui.detect.j.assessment", "Where", s.where(t.rel, sec.line)), at(t.rel, sec.line))
	}
	if t, sec, ok := s.inDocs(docs, assureHeading, 20); ok {
		s.add("assurance_case", model.Met, fair, s.T("ui.detect.j.assurance_case", "Where", s.where(t.rel, sec.line)), at(t.rel, sec.line))
	}
}

// exists reports whether rel is a file of the repository.
func (s *scanner) exists(rel string) bool {
	dir, name := path.Split(rel)
	for _, n := range s.entries[strings.TrimSuffix(dir, "/")] {
		if n == name {
			return true
		}
	}
	return false
}

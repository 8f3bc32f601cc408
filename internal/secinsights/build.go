package secinsights

import (
	"net/url"
	"strings"
	"time"

	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
	"gopkg.in/yaml.v3"
)

// Input is what an export is built from.
type Input struct {
	Project  model.Project
	Insights model.Insights
	Answers  model.Answers
	Facts    Facts
	// Path is where the file is, relative to the repository's root
	// (slash-separated): header.url points to it.
	Path string
	Now  time.Time
}

// InputProblem is a value of the answers file that cannot go into the
// file: its line there and what is wrong.
type InputProblem struct {
	Line int
	Msg  model.Msg
}

// Build returns the fields to write, in the order a new file lists them,
// and the values of the answers file the schema would refuse. A field we
// have no value for is left out; Needs then says which are required.
func Build(in Input) ([]Assignment, []InputProblem) {
	b := &builder{in: in}
	b.build()
	return b.out, b.bad
}

type builder struct {
	in   Input
	out  []Assignment
	bad  []InputProblem
	site evidence.Site
}

func (b *builder) add(mode Mode, path string, v *yaml.Node) {
	b.out = append(b.out, Assignment{Path: ParsePath(path), Value: v, Mode: mode})
}

func (b *builder) problem(key string, line int, args ...any) {
	b.bad = append(b.bad, InputProblem{Line: line, Msg: msg("input."+key, args...)})
}

func (b *builder) build() {
	in := b.in
	today := in.Now.Format("2006-01-02")
	repo := b.repoURL()
	b.site = evidence.Site{Web: repo, Branch: in.Facts.Site.Branch, Forge: evidence.ForgeOf(repo)}
	if b.site.Branch == "" {
		b.site.Branch = "main"
	}

	b.add(Own, "header.schema-version", str(SchemaVersion))
	b.add(Dated, "header.last-updated", str(today))
	b.add(Seed, "header.last-reviewed", str(today))
	if u := rawURL(b.site, in.Path); u != "" {
		b.add(Seed, "header.url", str(u))
	}

	if name := strings.TrimSpace(in.Project.Name); name != "" {
		b.add(Own, "project.name", str(name))
	}
	if h := in.Insights.Homepage; h != "" {
		if IsURL(h) {
			b.add(Own, "project.homepage", str(h))
		} else {
			b.problem("not_url", in.Insights.Lines["homepage"], "Key", "project.homepage")
		}
	}
	b.urls("project.roadmap")
	var admins []model.Person
	for _, p := range in.Insights.Maintainers {
		if p.Admin {
			admins = append(admins, p)
		}
	}
	if len(admins) > 0 {
		b.add(Own, "project.administrators", b.contacts(admins))
	}
	if repo != "" {
		entry := mapping("name", str(repoName(repo)), "url", str(repo),
			"comment", str("Source repository of "+nonEmpty(strings.TrimSpace(in.Project.Name), repoName(repo))+"."))
		b.out = append(b.out, Assignment{Path: ParsePath("project.repositories"), Value: entry, Mode: Entry,
			Same: func(item *yaml.Node) bool {
				_, u := lookup(item, Path{"url"})
				return u != nil && sameURL(u.Value, repo)
			}})
	}
	if v, ok := b.reportsAccepted(); ok {
		b.add(Own, "project.vulnerability-reporting.reports-accepted", boolean(v))
	}
	switch bb := in.Insights.BugBounty; {
	case bb == "":
	case bb == "true" || bb == "false":
		b.add(Own, "project.vulnerability-reporting.bug-bounty-available", boolean(bb == "true"))
	case IsURL(bb):
		b.add(Own, "project.vulnerability-reporting.bug-bounty-available", boolean(true))
		b.add(Own, "project.vulnerability-reporting.bug-bounty-program", str(bb))
	default:
		b.problem("bug_bounty", in.Insights.Lines["bug_bounty"])
	}
	b.urls("project.vulnerability-reporting.policy", "project.documentation.")

	if repo != "" {
		b.add(Own, "repository.url", str(repo))
	}
	b.status()
	if v, ok := b.acceptsChanges(); ok {
		b.add(Own, "repository.accepts-change-request", boolean(v))
	}
	switch {
	case in.Insights.AcceptsAutomatedChangeRequests != nil:
		b.add(Own, "repository.accepts-automated-change-request", boolean(*in.Insights.AcceptsAutomatedChangeRequests))
	case in.Facts.AutomatedChanges != "":
		b.add(Own, "repository.accepts-automated-change-request", boolean(true))
	}
	if len(in.Insights.Maintainers) > 0 {
		b.add(Own, "repository.core-team", b.contacts(in.Insights.Maintainers))
	}
	b.urls("repository.documentation.")
	b.urls("repository.license.url")
	switch {
	case strings.TrimSpace(in.Insights.License) != "":
		b.add(Own, "repository.license.expression", str(strings.TrimSpace(in.Insights.License)))
	case in.Facts.License != "":
		b.add(Own, "repository.license.expression", str(in.Facts.License))
	}
	b.urls("repository.release.")
	b.selfAssessment()
	b.tools()
}

// repoURL is the repository's address: the project's url when it is on a
// forge we know, else the git remote's, else the project's url.
func (b *builder) repoURL() string {
	p := strings.TrimSuffix(strings.TrimSpace(b.in.Project.URL), "/")
	switch {
	case IsURL(p) && evidence.ForgeOf(p) != evidence.Unknown:
		return strings.TrimSuffix(p, ".git")
	case b.in.Facts.Site.Web != "":
		return b.in.Facts.Site.Web
	case IsURL(p):
		return p
	}
	return ""
}

// urls adds the address fields whose path starts with one of prefixes.
func (b *builder) urls(prefixes ...string) {
	for _, f := range urlFields {
		p := f.path.String()
		match := false
		for _, pre := range prefixes {
			match = match || p == pre || strings.HasSuffix(pre, ".") && strings.HasPrefix(p, pre)
		}
		if !match {
			continue
		}
		if u := b.addressFor(f); u != "" {
			mode := Own
			if f.mode == InExisting {
				mode = InExisting
			}
			b.add(mode, p, str(u))
		}
	}
}

func (b *builder) addressFor(f urlField) string {
	for _, id := range f.ids {
		if a := b.in.Answers[id]; a.Status == model.Met {
			if u := FirstURL(a.Justification); u != "" {
				return u
			}
		}
	}
	if loc := b.in.Facts.Files[f.file]; f.file != "" && loc.Path != "" {
		return b.site.FileURL(loc.Path, loc.Line)
	}
	return ""
}

var urlInText = lazyregexp.New(`https?://[^\s<>"'` + "`" + `\]\[(){}]+`)

// FirstURL is the first web address in a justification, without the
// punctuation that ends a sentence around it.
func FirstURL(j string) string {
	u := urlInText.FindString(j)
	u = strings.TrimRight(u, ".,;:!?*_")
	// No control or bidirectional characters: the address goes into a file
	// people review, and must read as it is.
	if !IsURL(u) || safetext.Line(u) != u {
		return ""
	}
	if p, err := url.Parse(u); err != nil || p.Host == "" {
		return ""
	}
	return u
}

func (b *builder) status() {
	in := b.in
	if s := strings.TrimSpace(in.Insights.Status); s != "" {
		for _, ok := range Statuses {
			if s == ok {
				b.add(Own, "repository.status", str(s))
				return
			}
		}
		b.problem("status", in.Insights.Lines["status"], "Value", s, "Values", strings.Join(Statuses, ", "))
		return
	}
	if in.Answers[statusID].Status == model.Met {
		b.add(Own, "repository.status", str("active"))
	}
}

func (b *builder) reportsAccepted() (bool, bool) {
	for _, id := range reportsAcceptedIDs {
		if b.in.Answers[id].Status == model.Met {
			return true, true
		}
	}
	if b.in.Answers["vulnerability_report_process"].Status == model.Unmet {
		return false, true
	}
	for _, id := range noReportsIDs {
		if b.in.Answers[id].Status != model.Unmet {
			return false, false
		}
	}
	return false, true
}

func (b *builder) acceptsChanges() (bool, bool) {
	if v := b.in.Insights.AcceptsChangeRequests; v != nil {
		return *v, true
	}
	for _, id := range changeRequestIDs {
		if b.in.Answers[id].Status == model.Met {
			return true, true
		}
	}
	return false, false
}

// contacts renders people as the schema's contacts; the first is primary.
func (b *builder) contacts(ps []model.Person) *yaml.Node {
	l := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for i, p := range ps {
		c := mapping("name", str(strings.TrimSpace(p.Name)))
		if p.Affiliation != "" {
			c.Content = append(c.Content, str("affiliation"), str(p.Affiliation))
		}
		if p.Email != "" {
			if IsEmail(p.Email) {
				c.Content = append(c.Content, str("email"), str(p.Email))
			} else {
				b.problem("email", p.Line, "Name", p.Name, "Email", p.Email)
			}
		}
		if p.Social != "" {
			c.Content = append(c.Content, str("social"), str(p.Social))
		}
		c.Content = append(c.Content, str("primary"), boolean(i == 0))
		l.Content = append(l.Content, c)
	}
	return l
}

// selfAssessmentNone is the comment the schema requires when the answers
// name no self-assessment: a fact about the file, true whatever the answers.
const selfAssessmentNone = "No self-assessment is listed yet."

func (b *builder) selfAssessment() {
	a := b.in.Answers[selfAssessmentID]
	if u := FirstURL(a.Justification); a.Status == model.Met && u != "" {
		b.add(Own, "repository.security.assessments.self.comment", str(strings.TrimSpace(a.Justification)))
		b.add(Own, "repository.security.assessments.self.evidence", str(u))
		return
	}
	b.add(Seed, "repository.security.assessments.self.comment", str(selfAssessmentNone))
}

func (b *builder) tools() {
	seen := map[string]bool{}
	for _, t := range b.in.Facts.Tools {
		key := strings.ToLower(t.Name)
		if seen[key] || b.in.Answers[toolCriteria[t.Type]].Status == model.Unmet {
			continue
		}
		seen[key] = true
		where := t.Path
		if u := b.site.FileURL(t.Path, t.Line); u != "" {
			where = u
		}
		entry := mapping("name", str(t.Name), "type", str(t.Type), "comment", str("Seen in "+where+" by bestpractices."),
			"rulesets", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{str("default")}},
			"integration", mapping("adhoc", boolean(t.Adhoc), "ci", boolean(t.CI), "release", boolean(t.Release)),
			"results", &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle})
		name := t.Name
		b.out = append(b.out, Assignment{Path: ParsePath("repository.security.tools"), Value: entry, Mode: Entry,
			Same: func(item *yaml.Node) bool {
				_, n := lookup(item, Path{"name"})
				return n != nil && strings.EqualFold(strings.TrimSpace(n.Value), name)
			}})
	}
}

func nonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func repoName(u string) string {
	u = strings.TrimSuffix(strings.TrimSuffix(u, "/"), ".git")
	if i := strings.LastIndexByte(u, '/'); i >= 0 && i+1 < len(u) {
		return u[i+1:]
	}
	return u
}

func sameURL(a, b string) bool {
	norm := func(s string) string {
		s = strings.TrimSuffix(strings.TrimSpace(s), "/")
		s = strings.TrimSuffix(s, ".git")
		s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
		return strings.ToLower(s)
	}
	return norm(a) == norm(b)
}

// rawURL is where the forge serves the file's raw text: what header.url
// is for. "" when the forge is not one we know.
func rawURL(s evidence.Site, rel string) string {
	if s.Web == "" || rel == "" {
		return ""
	}
	b, p := escape(s.Branch), escape(rel)
	switch s.Forge {
	case evidence.GitHub:
		if u, err := url.Parse(s.Web); err == nil && strings.EqualFold(u.Host, "github.com") {
			return "https://raw.githubusercontent.com" + u.Path + "/" + b + "/" + p
		}
		return s.Web + "/raw/" + b + "/" + p
	case evidence.GitLab:
		return s.Web + "/-/raw/" + b + "/" + p
	case evidence.Gitea:
		return s.Web + "/raw/branch/" + b + "/" + p
	case evidence.Bitbucket:
		return s.Web + "/raw/" + b + "/" + p
	case evidence.SourceHut:
		return s.Web + "/blob/" + b + "/" + p
	}
	return ""
}

func escape(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// Need is a required field that neither the answers nor the file gives.
type Need struct {
	Field string
	// Keys are project keys of the answers file that would give it; IDs
	// criteria whose answer would.
	Keys, IDs []string
}

// Needs turns the result's missing required fields into what to add.
func Needs(ps []Problem) []Need {
	var out []Need
	seen := map[string]bool{}
	for _, p := range ps {
		if !p.Missing {
			continue
		}
		for _, n := range needs {
			if (n.path == p.Path || strings.HasPrefix(n.path, p.Path+".")) && !seen[n.path] {
				seen[n.path] = true
				out = append(out, Need{Field: n.path, Keys: n.keys, IDs: n.ids})
			}
		}
	}
	return out
}

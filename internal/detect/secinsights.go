package detect

import (
	"errors"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/secinsights"
	"github.com/bestpractices/bestpractices/model"
)

// securityInsightsFile returns the repository's Security Insights file,
// "" when it has none: the first of the candidate directories holding one.
func (s *scanner) securityInsightsFile() string {
	for _, d := range secinsights.Candidates {
		names := append([]string(nil), s.entries[d]...)
		sort.Strings(names)
		for _, n := range names {
			if secinsights.IsFileName(n) {
				return path.Join(d, n)
			}
		}
	}
	return ""
}

// scanSecurityInsights proposes answers from what the repository's
// security-insights.yml says, citing the file and line of each statement.
// The file is the project's own claim: it never outweighs the thing itself
// (a SECURITY.md seen is stronger than a file saying there is one).
func (s *scanner) scanSecurityInsights() {
	rel := s.securityInsightsFile()
	if rel == "" {
		return
	}
	t := s.readFor(rel, secinsights.EvidenceIDs()...)
	if t == nil {
		return
	}
	src := t.String()
	if len(src) >= s.opts.MaxRead {
		return // read() has said it was cut short; half a file proves nothing
	}
	doc, err := secinsights.Parse([]byte(src))
	if err != nil {
		s.unchecked(rel, s.T("ui.secins.detect.unreadable", "Error", errorIn(s, err)))
		return
	}
	for _, f := range secinsights.Evidence(doc) {
		args := []any{"Where", s.where(rel, f.Line), "Field", f.Field, "Value", safetext.Line(f.Value)}
		key := "ui.secins.detect.says"
		if f.Comment != "" {
			key = "ui.secins.detect.says_comment"
			args = append(args, "Comment", safetext.Line(f.Comment))
		}
		if f.Confidence < fair {
			// A weaker mapping: the maintainer confirms what the file says.
			s.confirm(f.ID, f.Status, s.T(key, args...), s.T("ui.secins.detect.confirm", "File", rel), at(rel, f.Line))
			continue
		}
		s.add(f.ID, f.Status, f.Confidence, s.T(key, args...), at(rel, f.Line))
	}
}

func errorIn(s *scanner, err error) string {
	var pe *secinsights.ParseError
	if errors.As(err, &pe) {
		return pe.In(s.loc)
	}
	return safetext.Line(err.Error())
}

// InsightsFacts is what the repository at root shows that a
// security-insights.yml states: forge, license, documents, security tools.
func InsightsFacts(root string, cat *criteria.Catalog, opts Options) (secinsights.Facts, error) {
	s, err := newScanner(root, cat, opts)
	if err != nil {
		return secinsights.Facts{}, err
	}
	// The documents are found as the proposals find them: one rule.
	s.scanLicense()
	s.scanContributing()
	s.scanSecurity()
	s.scanReleaseNotes()
	s.scanGovernance()
	s.scanDependencies()
	f := secinsights.Facts{Site: s.site, Files: map[string]secinsights.Location{}}
	for kind, src := range map[string]struct {
		id   string
		conf int
	}{
		// A document's place is a fact even where what it promises is
		// weak evidence for the criterion (a SECURITY.md's promise).
		secinsights.FileLicense:       {"license_location", fair},
		secinsights.FileSecurity:      {"vulnerability_report_process", weak},
		secinsights.FileContributing:  {"contribution", weak},
		secinsights.FileCodeOfConduct: {"code_of_conduct", weak},
		secinsights.FileGovernance:    {"governance", weak},
		secinsights.FileChangelog:     {"release_notes", weak},
	} {
		p, ok := s.rep.Proposals[src.id]
		if !ok || p.Status != model.Met || p.Confidence < src.conf || len(p.Evidence) == 0 {
			continue
		}
		if loc, ok := location(p.Evidence[0]); ok {
			f.Files[kind] = loc
		}
	}
	f.License = s.licenseExpression()
	f.Tools = s.securityTools()
	// A Dependabot or Renovate configuration is a bot that opens change
	// requests, whatever else proves dependency_monitoring.
	for _, t := range f.Tools {
		if t.Name == "Dependabot" || t.Name == "Renovate" {
			f.AutomatedChanges = t.Path
			break
		}
	}
	return f, nil
}

// location reads evidence written by at(): "path" or "path:line"; a
// directory ("dir/") or a git fact is no document.
func location(ev string) (secinsights.Location, bool) {
	loc := secinsights.Location{Path: ev}
	if i := strings.LastIndexByte(ev, ':'); i > 0 {
		if n, err := strconv.Atoi(ev[i+1:]); err == nil {
			loc = secinsights.Location{Path: ev[:i], Line: n}
		}
	}
	if loc.Path == "" || strings.HasSuffix(loc.Path, "/") || strings.ContainsAny(loc.Path, " \t") {
		return loc, false
	}
	return loc, true
}

// licenseExpression is the SPDX expression of the repository's license:
// the one license its files hold, else a manifest's declaration when all
// its identifiers are known. Several license files without a declaration
// could mean AND or OR: then we do not say.
func (s *scanner) licenseExpression() string {
	found, _, _ := s.licenseTexts()
	seen := map[string]bool{}
	var ids []string
	for _, f := range found {
		if !seen[f.id] {
			seen[f.id] = true
			ids = append(ids, f.id)
		}
	}
	if len(ids) == 1 {
		return ids[0]
	}
	expr, _, _ := s.declaredLicense()
	ok := expr != ""
	for _, id := range expressionIDs(expr) {
		ok = ok && canonical(id) == id
	}
	if ok {
		return expr
	}
	return ""
}

var (
	adhocTrigger   = lazyregexp.New(`(?m)^\s*(schedule|workflow_dispatch)\s*:|^\s*-\s*cron\s*:|CI_PIPELINE_SOURCE\s*==\s*"(schedule|web)"`)
	releaseTrigger = lazyregexp.New(`(?m)^\s*(release|tags)\s*:|\$CI_COMMIT_TAG|^\s*only\s*:\s*\[?\s*tags`)
)

// securityTools lists the security tools the CI configuration runs (and a
// Dependabot or Renovate configuration): how each is run is read from the
// triggers of the file it is in.
func (s *scanner) securityTools() []secinsights.Tool {
	var out []secinsights.Tool
	seen := map[string]bool{}
	addTool := func(t secinsights.Tool) {
		if !seen[strings.ToLower(t.Name)] {
			seen[strings.ToLower(t.Name)] = true
			out = append(out, t)
		}
	}
	for _, c := range []struct{ dir, name, tool string }{
		{".github", "dependabot.yml", "Dependabot"}, {".github", "dependabot.yaml", "Dependabot"},
		{"", "renovate.json", "Renovate"}, {"", "renovate.json5", "Renovate"}, {".github", "renovate.json", "Renovate"},
	} {
		if rel := s.find(c.dir, c.name); rel != "" {
			// Both run on their own schedule, outside CI.
			addTool(secinsights.Tool{Name: c.tool, Type: "SCA", Adhoc: true, Path: rel})
		}
	}
	for _, f := range s.ciFiles() {
		t := s.read(f)
		if t == nil {
			continue
		}
		src := t.String()
		adhoc, release := adhocTrigger.MatchString(src), releaseTrigger.MatchString(src)
		// One table of tools for detect and this file (quality.go): a
		// tool's kind says which Security Insights type it is.
		for _, tl := range tools {
			kind := insightsToolType(tl.kind)
			if kind == "" {
				continue
			}
			if line := t.find(tl.re); line > 0 {
				addTool(secinsights.Tool{Name: tl.name, Type: kind, CI: true, Adhoc: adhoc, Release: release, Path: f, Line: line})
			}
		}
	}
	return out
}

// insightsToolType is the Security Insights tool type of a tool of kind k,
// "" for what the schema has no type for (a linter, a formatter, coverage).
func insightsToolType(k toolKind) string {
	switch {
	case k&kindFuzz != 0:
		return "fuzzing"
	case k&kindSecrets != 0:
		return "secret"
	case k&kindDeps != 0:
		return "SCA"
	case k&(kindSAST|kindVulns) != 0:
		return "SAST"
	}
	return ""
}

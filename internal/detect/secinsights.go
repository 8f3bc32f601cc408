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
	t := s.read(rel)
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
		secinsights.FileLicense:       {"license_location", 3},
		secinsights.FileSecurity:      {"vulnerability_report_process", 2},
		secinsights.FileContributing:  {"contribution", 2},
		secinsights.FileCodeOfConduct: {"code_of_conduct", 3},
		secinsights.FileGovernance:    {"governance", 3},
		secinsights.FileChangelog:     {"release_notes", 2},
	} {
		p, ok := s.rep.Proposals[src.id]
		if !ok || p.Status != model.Met || p.Confidence < src.conf || len(p.Evidence) == 0 {
			continue
		}
		if loc, ok := location(p.Evidence[0]); ok {
			f.Files[kind] = loc
		}
	}
	if p, ok := s.rep.Proposals["dependency_monitoring"]; ok && p.Confidence >= 3 && len(p.Evidence) > 0 {
		if b := strings.ToLower(path.Base(p.Evidence[0])); strings.Contains(b, "dependabot") || strings.Contains(b, "renovate") {
			f.AutomatedChanges = p.Evidence[0]
		}
	}
	f.License = s.licenseExpression()
	f.Tools = s.securityTools()
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
	seen := map[string]bool{}
	var ids []string
	names := append([]string(nil), s.entries[""]...)
	sort.Strings(names)
	for _, n := range names {
		if !licenseName.MatchString(n) {
			continue
		}
		if t := s.read(n); t != nil {
			if id := Identify(t.String()); id != "" && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	for _, n := range s.entries["LICENSES"] {
		if id := canonical(strings.TrimSuffix(n, path.Ext(n))); id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if len(ids) == 1 {
		return ids[0]
	}
	for _, m := range manifestLicense {
		t := s.read(m.file)
		if t == nil {
			continue
		}
		line := t.find(m.re)
		if line == 0 {
			continue
		}
		expr := strings.TrimSpace(m.re.FindStringSubmatch(t.lines[line-1])[1])
		ok := expr != ""
		for _, id := range expressionIDs(expr) {
			ok = ok && canonical(id) == id
		}
		if ok {
			return expr
		}
	}
	return ""
}

var (
	// secretTools scan for leaked credentials.
	secretTools = []tool{
		{name: "Gitleaks", re: lazyregexp.New(`(?i)\bgitleaks\b`)},
		{name: "TruffleHog", re: lazyregexp.New(`(?i)\btrufflehog\b`)},
		{name: "detect-secrets", re: lazyregexp.New(`\bdetect-secrets\b`)},
		{name: "ggshield", re: lazyregexp.New(`\bggshield\b`)},
	}
	// fuzzTools names what fuzzCI matched.
	fuzzTools = []tool{
		{name: "ClusterFuzzLite", re: lazyregexp.New(`(?i)clusterfuzzlite`)},
		{name: "CIFuzz", re: lazyregexp.New(`(?i)cifuzz`)},
		{name: "Go fuzzing", re: lazyregexp.New(`go test .*-fuzz`)},
		{name: "cargo-fuzz", re: lazyregexp.New(`cargo[ +].*fuzz`)},
	}
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
		for _, group := range []struct {
			kind  string
			tools []tool
		}{{"SAST", analysisTools}, {"SCA", dependencyTools}, {"secret", secretTools}, {"fuzzing", fuzzTools}} {
			for _, tl := range group.tools {
				if tl.lint {
					continue // a linter is not a security tool
				}
				if line := t.find(tl.re); line > 0 {
					addTool(secinsights.Tool{Name: tl.name, Type: group.kind, CI: true, Adhoc: adhoc, Release: release, Path: f, Line: line})
				}
			}
		}
	}
	return out
}

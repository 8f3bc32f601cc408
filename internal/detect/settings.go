package detect

import (
	"path"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
	"gopkg.in/yaml.v3"
)

// Branch protection is a setting of the forge. Some projects keep it in a
// file: the Settings app's .github/settings.yml, the ASF's .asf.yaml,
// Terraform for the GitHub provider, or exported rulesets. Only a rule in
// force on the default branch counts: protection removed (protection:
// null), a rule for another branch (gh-pages), a ruleset disabled or only
// evaluated says nothing of it. Without such a rule, only the forge can
// tell (--explain).

var coversSettings = []string{"osps_ac_03_01", "osps_ac_03_02", "osps_qa_03_01", "osps_qa_07_01", "two_person_review", "osps_le_01_01", "dco"}

var dcoCheck = lazyregexp.New(`(?i)(tim-actions/dco|christophebedard/dco-check|KineticCafe/actions-dco|dco-check|probot/dco|check-signoff|signed-off-by)`)

// branchRule is one rule of a settings file: the branches it names, and
// what it requires of them.
type branchRule struct {
	file     string
	line     int      // where it is: its protection key, its ruleset, its resource
	branches []string // names or patterns (a ruleset's ~DEFAULT_BRANCH)
	exclude  []string
	active   bool // in force (a ruleset may be disabled, or only evaluate)
	// direct: it forbids pushing straight to the branch (classic
	// protection does; a ruleset with a pull request, update or status
	// check rule does).
	direct bool
	// deletion: +line where deleting the branch is forbidden, -line where
	// it is allowed, 0 when the rule does not say.
	deletion int
	reviews  int // approving reviews required, -1 when the rule does not say
	revLine  int
	checks   int // line of the required status checks, 0 when none
}

// settingsFiles are the repository's files that configure the forge.
func (s *scanner) settingsFiles() []string {
	var out []string
	for _, f := range []string{".github/settings.yml", ".github/settings.yaml", ".asf.yaml"} {
		if s.exists(f) {
			out = append(out, f)
		}
	}
	for _, f := range s.files {
		if len(out) > 50 {
			break
		}
		dir, base := path.Split(f)
		switch {
		case dir == ".github/rulesets/" && strings.HasSuffix(base, ".json"):
			out = append(out, f)
		case strings.HasSuffix(base, ".tf") && strings.Count(f, "/") <= 3:
			out = append(out, f)
		}
	}
	return out
}

func (s *scanner) scanSettings() {
	var rules []branchRule
	def := s.site.Branch
	for _, f := range s.settingsFiles() {
		t := s.readFor(f, "osps_ac_03_01", "osps_ac_03_02", "osps_qa_03_01", "osps_qa_07_01")
		if t == nil {
			continue
		}
		rs, branch := parseSettings(f, t)
		if branch != "" {
			def = branch // the settings file sets the default branch
		}
		rules = append(rules, rs...)
	}
	var apply []branchRule
	var others []string
	for _, r := range rules {
		if r.active && r.covers(def) {
			apply = append(apply, r)
		} else if len(others) < 5 {
			others = append(others, at(r.file, r.line))
		}
	}
	if len(apply) == 0 && len(others) > 0 {
		note := s.T("ui.detect.n.protection_elsewhere", "Branch", safetext.Line(def), "Files", strings.Join(others, ", "))
		for _, id := range []string{"osps_ac_03_01", "osps_ac_03_02", "osps_qa_03_01", "osps_qa_07_01", "two_person_review"} {
			s.note(id, note)
		}
	}
	s.proposeProtection(apply)
	s.scanDCO()
}

// proposeProtection proposes from the rules in force on the default branch.
func (s *scanner) proposeProtection(apply []branchRule) {
	var direct, blocked, allowed, checks, revs *branchRule
	for i := range apply {
		r := &apply[i]
		if r.direct && direct == nil {
			direct = r
		}
		switch {
		case r.deletion > 0 && blocked == nil:
			blocked = r
		case r.deletion < 0 && allowed == nil:
			allowed = r
		}
		if r.checks > 0 && checks == nil {
			checks = r
		}
		if r.reviews >= 0 && (revs == nil || r.reviews > revs.reviews) {
			revs = r
		}
	}
	if direct != nil {
		where := s.where(direct.file, direct.line)
		s.add("osps_ac_03_01", model.Met, fair, s.T("ui.detect.j.protection", "Where", where), at(direct.file, direct.line))
	}
	// Deleting is forbidden when any rule in force forbids it.
	switch {
	case blocked != nil:
		s.add("osps_ac_03_02", model.Met, fair, s.T("ui.detect.j.deletion_blocked", "Where", s.where(blocked.file, blocked.deletion)), at(blocked.file, blocked.deletion))
	case allowed != nil:
		s.add("osps_ac_03_02", model.Unmet, fair, s.T("ui.detect.j.deletion_allowed", "Where", s.where(allowed.file, -allowed.deletion)), at(allowed.file, -allowed.deletion))
	}
	if revs != nil {
		where := s.where(revs.file, revs.revLine)
		if revs.reviews >= 1 {
			s.add("osps_qa_07_01", model.Met, fair, s.T("ui.detect.j.reviews_required", "Count", revs.reviews, "Where", where), at(revs.file, revs.revLine))
			s.add("two_person_review", model.Met, fair, s.T("ui.detect.j.reviews_required", "Count", revs.reviews, "Where", where), at(revs.file, revs.revLine))
		} else {
			s.add("osps_qa_07_01", model.Unmet, fair, s.T("ui.detect.j.reviews_none", "Where", where), at(revs.file, revs.revLine))
		}
	}
	if checks != nil {
		s.add("osps_qa_03_01", model.Met, fair, s.T("ui.detect.j.status_checks", "Where", s.where(checks.file, checks.checks)), at(checks.file, checks.checks))
	}
}

// covers reports whether the rule applies to branch: by name, by pattern
// (fnmatch, as the forge reads it), or as the default or every branch.
func (r branchRule) covers(branch string) bool {
	match := func(p string) bool {
		p = strings.TrimPrefix(p, "refs/heads/")
		if p == "~DEFAULT_BRANCH" || p == "~ALL" || p == branch {
			return true
		}
		ok, err := path.Match(p, branch)
		return err == nil && ok
	}
	for _, e := range r.exclude {
		if match(e) {
			return false
		}
	}
	for _, b := range r.branches {
		if match(b) {
			return true
		}
	}
	return false
}

// parseSettings reads the branch rules of a settings file, and the
// default branch it sets ("" when it sets none).
func parseSettings(rel string, t *text) ([]branchRule, string) {
	if strings.HasSuffix(rel, ".tf") {
		return terraformRules(rel, t), ""
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(t.yaml(), &doc); err != nil || len(doc.Content) == 0 {
		return nil, ""
	}
	root := doc.Content[0]
	switch {
	case strings.HasPrefix(rel, ".github/rulesets/"):
		if root.Kind == yaml.SequenceNode {
			var out []branchRule
			for _, n := range root.Content {
				if r, ok := rulesetRule(rel, n); ok {
					out = append(out, r)
				}
			}
			return out, ""
		}
		if r, ok := rulesetRule(rel, root); ok {
			return []branchRule{r}, ""
		}
		return nil, ""
	case rel == ".asf.yaml":
		return asfRules(rel, root), ""
	}
	return settingsAppRules(rel, root)
}

// settingsAppRules: the Settings app's branches: (name, protection) and
// rulesets:. protection: null removes the protection.
func settingsAppRules(rel string, root *yaml.Node) ([]branchRule, string) {
	def := ""
	if repo := mapGet(root, "repository"); repo != nil {
		if b := mapGet(repo, "default_branch"); b != nil && b.Kind == yaml.ScalarNode {
			def = b.Value
		}
	}
	var out []branchRule
	if bs := mapGet(root, "branches"); bs != nil && bs.Kind == yaml.SequenceNode {
		for _, b := range bs.Content {
			name := mapGet(b, "name")
			k, p := mapPair(b, "protection")
			switch {
			case name == nil || p == nil:
			case p.Kind == yaml.MappingNode:
				out = append(out, classicRule(rel, k.Line, []string{name.Value}, p))
			default: // protection: null removes it
				out = append(out, branchRule{file: rel, line: k.Line, branches: []string{name.Value}})
			}
		}
	}
	if rs := mapGet(root, "rulesets"); rs != nil && rs.Kind == yaml.SequenceNode {
		for _, n := range rs.Content {
			if r, ok := rulesetRule(rel, n); ok {
				out = append(out, r)
			}
		}
	}
	return out, def
}

// asfRules: .asf.yaml's github: protected_branches: {branch: settings}.
func asfRules(rel string, root *yaml.Node) []branchRule {
	gh := mapGet(root, "github")
	k, pb := mapPair(gh, "protected_branches")
	if pb == nil || pb.Kind != yaml.MappingNode {
		return nil
	}
	var out []branchRule
	for i := 0; i+1 < len(pb.Content); i += 2 {
		name, v := pb.Content[i], pb.Content[i+1]
		if v.Kind != yaml.MappingNode {
			continue // a branch named with no settings: not proven
		}
		r := classicRule(rel, k.Line, []string{name.Value}, v)
		if r.deletion == 0 {
			r.deletion = k.Line // the ASF's protected branches cannot be deleted
		}
		out = append(out, r)
	}
	return out
}

// classicRule reads branch protection as the forge's API writes it.
func classicRule(rel string, line int, branches []string, p *yaml.Node) branchRule {
	r := branchRule{file: rel, line: line, branches: branches, active: true, direct: true, deletion: line, reviews: -1}
	if k, v := mapPair(p, "allow_deletions"); v != nil && v.Value == "true" {
		r.deletion = -k.Line
	}
	if v := mapGet(p, "required_pull_request_reviews"); v != nil && v.Kind == yaml.MappingNode {
		if k, c := mapPair(v, "required_approving_review_count"); c != nil {
			if n, err := strconv.Atoi(c.Value); err == nil {
				r.reviews, r.revLine = n, k.Line
			}
		}
	}
	if k, v := mapPair(p, "required_status_checks"); v != nil && v.Kind == yaml.MappingNode {
		r.checks = k.Line
	}
	return r
}

// rulesetRule reads a ruleset as the forge exports it: only a branch
// ruleset whose enforcement is active is in force.
func rulesetRule(rel string, n *yaml.Node) (branchRule, bool) {
	if n.Kind != yaml.MappingNode {
		return branchRule{}, false
	}
	r := branchRule{file: rel, line: n.Line, reviews: -1}
	if k, e := mapPair(n, "enforcement"); e != nil {
		r.active = e.Value == "active"
		r.line = k.Line
	}
	if t := mapGet(n, "target"); t != nil && t.Value != "branch" {
		r.active = false // a tag or push ruleset protects no branch
	}
	if cond := mapGet(n, "conditions"); cond != nil {
		ref := mapGet(cond, "ref_name")
		r.branches = scalars(mapGet(ref, "include"))
		r.exclude = scalars(mapGet(ref, "exclude"))
	}
	if rules := mapGet(n, "rules"); rules != nil && rules.Kind == yaml.SequenceNode {
		for _, rule := range rules.Content {
			typ := mapGet(rule, "type")
			if typ == nil {
				continue
			}
			switch typ.Value {
			case "deletion":
				r.deletion = typ.Line
			case "update", "pull_request":
				r.direct = true
			case "required_status_checks":
				r.direct = true
				r.checks = typ.Line
			}
			if typ.Value == "pull_request" {
				if k, c := mapPair(mapGet(rule, "parameters"), "required_approving_review_count"); c != nil {
					if v, err := strconv.Atoi(c.Value); err == nil {
						r.reviews, r.revLine = v, k.Line
					}
				}
			}
		}
	}
	return r, true
}

var (
	tfResource   = lazyregexp.New(`^\s*resource\s+"(github_branch_protection(?:_v3)?|github_repository_ruleset)"\s+"[^"]*"\s*\{`)
	tfString     = lazyregexp.New(`^\s*(pattern|branch|enforcement|target)\s*=\s*"([^"]*)"`)
	tfList       = lazyregexp.New(`^\s*(include|exclude)\s*=\s*\[([^\]]*)\]`)
	tfBool       = lazyregexp.New(`^\s*(allows_deletions|deletion|update)\s*=\s*(true|false)`)
	tfBlock      = lazyregexp.New(`^\s*(required_status_checks|pull_request|required_pull_request_reviews)\s*\{`)
	tfReviews    = lazyregexp.New(`^\s*required_approving_review_count\s*=\s*(\d+)`)
	quotedString = lazyregexp.New(`"([^"]*)"`)
)

// terraformRules reads the GitHub provider's branch protection and
// ruleset resources, block by block. A branch given by a variable is not
// known, so such a rule names no branch.
func terraformRules(rel string, t *text) []branchRule {
	var out []branchRule
	for i := 0; i < len(t.lines); i++ {
		m := tfResource.FindStringSubmatch(t.lines[i])
		if m == nil {
			continue
		}
		ruleset := m[1] == "github_repository_ruleset"
		r := branchRule{file: rel, line: i + 1, active: !ruleset, direct: !ruleset, reviews: -1}
		if !ruleset {
			r.deletion = i + 1
		}
		depth := 0
		j := i
		for ; j < len(t.lines); j++ {
			l := quotedString.ReplaceAllString(t.lines[j], `""`)
			if j > i {
				line := t.lines[j]
				if sm := tfString.FindStringSubmatch(line); sm != nil {
					switch sm[1] {
					case "pattern", "branch":
						r.branches = append(r.branches, sm[2])
					case "enforcement":
						r.active = sm[2] == "active"
					case "target":
						if sm[2] != "branch" {
							r.active = false
						}
					}
				}
				if sm := tfList.FindStringSubmatch(line); sm != nil {
					var vs []string
					for _, q := range quotedString.FindAllStringSubmatch(sm[2], -1) {
						vs = append(vs, q[1])
					}
					if sm[1] == "include" {
						r.branches = append(r.branches, vs...)
					} else {
						r.exclude = append(r.exclude, vs...)
					}
				}
				if sm := tfBool.FindStringSubmatch(line); sm != nil {
					switch {
					case sm[1] == "allows_deletions" && sm[2] == "true":
						r.deletion = -(j + 1)
					case sm[1] == "deletion" && sm[2] == "true":
						r.deletion = j + 1
					case sm[1] == "update" && sm[2] == "true":
						r.direct = true
					}
				}
				if sm := tfBlock.FindStringSubmatch(line); sm != nil {
					switch sm[1] {
					case "required_status_checks":
						r.checks = j + 1
						r.direct = true
					case "pull_request":
						r.direct = true
					}
				}
				if sm := tfReviews.FindStringSubmatch(line); sm != nil {
					r.reviews, _ = strconv.Atoi(sm[1])
					r.revLine = j + 1
				}
			}
			depth += strings.Count(l, "{") - strings.Count(l, "}")
			if depth <= 0 {
				break
			}
		}
		out = append(out, r)
		i = j
	}
	return out
}

// mapPair returns the key and value nodes of key in a mapping node.
func mapPair(n *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i], n.Content[i+1]
		}
	}
	return nil, nil
}

// scalars are the values of a sequence of scalars.
func scalars(n *yaml.Node) []string {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []string
	for _, c := range n.Content {
		if c.Kind == yaml.ScalarNode {
			out = append(out, c.Value)
		}
	}
	return out
}

// scanDCO: the sign-off enforced on every commit, by the DCO app or a CI
// job; asked for only, the forge must say.
func (s *scanner) scanDCO() {
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
	if p, ok := s.rep.Proposals["dco"]; ok && p.Status == model.Met {
		if _, ok := s.rep.Proposals["osps_le_01_01"]; !ok {
			s.confirm("osps_le_01_01", model.Met, p.Justification, s.T("ui.detect.c.dco_enforced"), p.Evidence...)
		}
	}
}

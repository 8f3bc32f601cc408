package detect

import (
	"sort"
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"gopkg.in/yaml.v3"

	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
)

// workflow is a GitHub Actions (or Forgejo, Gitea) workflow: what triggers
// it, the permissions it grants, and the commands its steps run.
type workflow struct {
	rel   string
	on    map[string]bool
	perms *permissions // top level; nil when not set
	jobs  []job
	// inputs: the workflow takes inputs (workflow_dispatch, workflow_call).
	inputs bool
}

type job struct {
	name     string
	line     int
	perms    *permissions
	steps    []step
	selfHost bool
}

type step struct {
	uses, script string // script: run:, or actions/github-script's script:
	line         int
	ref          string // with: ref: of a checkout
}

type permissions struct {
	line   int
	all    string // "read-all", "write-all" or "none" ({}); "" when scopes are listed
	scopes map[string]string
}

// writes reports whether the permissions grant any write access.
func (p *permissions) writes() bool {
	if p.all == "write-all" {
		return true
	}
	for _, v := range p.scopes {
		if v == "write" {
			return true
		}
	}
	return false
}

// onChanges reports whether the workflow runs on changes proposed or
// pushed: before they are merged, or as they land.
func (w *workflow) onChanges() bool {
	return w.on["pull_request"] || w.on["pull_request_target"] || w.on["merge_group"] || w.on["push"]
}

// workflowFile reports whether rel is a GitHub-style workflow.
func workflowFile(rel string) bool {
	for _, d := range []string{".github/workflows/", ".forgejo/workflows/", ".gitea/workflows/"} {
		if strings.HasPrefix(rel, d) && !strings.Contains(rel[len(d):], "/") && (strings.HasSuffix(rel, ".yml") || strings.HasSuffix(rel, ".yaml")) {
			return true
		}
	}
	return false
}

// workflows parses the repository's GitHub-style workflows; a file that
// is not valid YAML is left out (and its criteria left undecided).
func (s *scanner) workflows() []*workflow {
	if s.memo.workflowsDone {
		return s.memo.workflows
	}
	s.memo.workflowsDone = true
	for _, f := range s.ciFiles() {
		if !workflowFile(f) {
			continue
		}
		t := s.read(f)
		if t == nil {
			continue
		}
		if w := parseWorkflow(f, string(t.yaml())); w != nil {
			s.memo.workflows = append(s.memo.workflows, w)
		}
	}
	return s.memo.workflows
}

// workflowOf is the parsed workflow at rel, nil when rel is not one.
func (s *scanner) workflowOf(rel string) *workflow {
	for _, w := range s.workflows() {
		if w.rel == rel {
			return w
		}
	}
	return nil
}

func parseWorkflow(rel, src string) *workflow {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	root := doc.Content[0]
	w := &workflow{rel: rel, on: map[string]bool{}}
	if on := mapGet(root, "on"); on != nil {
		switch on.Kind {
		case yaml.ScalarNode:
			w.on[on.Value] = true
		case yaml.SequenceNode:
			for _, n := range on.Content {
				w.on[n.Value] = true
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(on.Content); i += 2 {
				ev := on.Content[i].Value
				w.on[ev] = true
				if (ev == "workflow_dispatch" || ev == "workflow_call") && mapGet(on.Content[i+1], "inputs") != nil {
					w.inputs = true
				}
			}
		}
	}
	w.perms = parsePermissions(mapGet(root, "permissions"))
	if jobs := mapGet(root, "jobs"); jobs != nil && jobs.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(jobs.Content); i += 2 {
			jn, body := jobs.Content[i], jobs.Content[i+1]
			j := job{name: jn.Value, line: jn.Line, perms: parsePermissions(mapGet(body, "permissions"))}
			if ro := mapGet(body, "runs-on"); ro != nil && strings.Contains(nodeText(ro), "self-hosted") {
				j.selfHost = true
			}
			if steps := mapGet(body, "steps"); steps != nil && steps.Kind == yaml.SequenceNode {
				for _, st := range steps.Content {
					sp := step{line: st.Line}
					if u := mapGet(st, "uses"); u != nil {
						sp.uses = u.Value
					}
					if r := mapGet(st, "run"); r != nil {
						sp.script, sp.line = r.Value, r.Line
					}
					if with := mapGet(st, "with"); with != nil {
						if sc := mapGet(with, "script"); sc != nil && strings.Contains(sp.uses, "github-script") {
							sp.script, sp.line = sc.Value, sc.Line
						}
						if ref := mapGet(with, "ref"); ref != nil {
							sp.ref = ref.Value
						}
					}
					j.steps = append(j.steps, sp)
				}
			}
			w.jobs = append(w.jobs, j)
		}
	}
	return w
}

// mapGet returns the value of key in a mapping node, nil when absent.
func mapGet(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// nodeText is a node's scalars joined: enough to search a small value.
func nodeText(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return n.Value
	}
	var parts []string
	for _, c := range n.Content {
		parts = append(parts, nodeText(c))
	}
	return strings.Join(parts, " ")
}

func parsePermissions(n *yaml.Node) *permissions {
	if n == nil {
		return nil
	}
	p := &permissions{line: n.Line, scopes: map[string]string{}}
	switch n.Kind {
	case yaml.ScalarNode:
		p.all = n.Value
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			p.all = "none"
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			p.scopes[n.Content[i].Value] = n.Content[i+1].Value
		}
	}
	return p
}

var (
	// untrusted are the event fields anyone opening an issue or a pull
	// request controls; put into a script unquoted, they run as code.
	untrusted = lazyregexp.New(`\$\{\{[^}]*\b(github\.head_ref|github\.event\.(issue|pull_request|comment|review|review_comment|discussion|discussion_comment|head_commit|commits|pages|workflow_run)\b[^}]*\b(title|body|message|ref|label|name|email|page_name|default_branch|head_branch))\b[^}]*\}\}`)
	// collaboratorInput is a workflow's own inputs, given by collaborators.
	collaboratorInput = lazyregexp.New(`\$\{\{\s*(github\.event\.)?inputs\.[\w-]+\s*\}\}`)
	prHead            = lazyregexp.New(`github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|refs/pull/|github\.event\.workflow_run\.head_(sha|branch)`)
)

var coversWorkflows = []string{"osps_br_01_01", "osps_br_01_03", "osps_br_01_04", "osps_ac_04_01", "osps_ac_04_02"}

// scanWorkflows reads the workflows for what the OSPS Baseline asks of CI:
// untrusted input kept out of scripts, untrusted code kept from secrets,
// least privilege.
func (s *scanner) scanWorkflows() {
	ws := s.workflows()
	// Every CI file must be a workflow we parsed for "none found" to mean
	// anything.
	// (A composite action of the repository is a step, not a workflow.)
	others := 0
	for _, f := range s.ciFiles() {
		if !workflowFile(f) && !strings.HasPrefix(f, ".github/actions/") {
			others++
		}
	}
	complete := others == 0 && len(ws) > 0
	for _, f := range s.ciFiles() {
		if workflowFile(f) && s.workflowOf(f) == nil && s.read(f) != nil {
			complete = false
			for _, id := range coversWorkflows {
				s.note(id, s.T("ui.detect.n.workflow_unparsed", "File", at(f, 0)))
			}
		}
	}
	if len(ws) == 0 {
		return
	}
	var inject, input, risky []string
	var injectEv, inputEv, riskyEv string
	inputs, selfHosted := false, false
	for _, w := range ws {
		inputs = inputs || w.inputs
		prTarget := w.on["pull_request_target"] || w.on["workflow_run"]
		for _, j := range w.jobs {
			selfHosted = selfHosted || j.selfHost
			for _, st := range j.steps {
				if st.script != "" {
					if m := untrusted.FindString(st.script); m != "" {
						inject = append(inject, at(w.rel, st.line))
						if injectEv == "" {
							injectEv = safeID(m)
						}
					}
					if m := collaboratorInput.FindString(st.script); m != "" {
						input = append(input, at(w.rel, st.line))
						if inputEv == "" {
							inputEv = safeID(m)
						}
					}
				}
				if prTarget && strings.Contains(st.uses, "actions/checkout") && prHead.MatchString(st.ref) {
					risky = append(risky, at(w.rel, st.line))
					if riskyEv == "" {
						riskyEv = safeID(st.ref)
					}
				}
			}
		}
	}
	first := func(xs []string) string {
		sort.Strings(xs)
		return xs[0]
	}
	// Untrusted metadata (OSPS-BR-01.01).
	switch {
	case len(inject) > 0:
		s.add("osps_br_01_01", model.Unmet, fair, s.T("ui.detect.j.injection", "Expr", injectEv, "Where", s.whereAt(first(inject))), inject...)
	case complete:
		if u, ok := s.ciTool("zizmor"); ok {
			s.add("osps_br_01_01", model.Met, strong, s.T("ui.detect.j.injection_checked", "Tool", "zizmor", "Where", s.where(u.rel, u.line)), at(u.rel, u.line))
		} else {
			s.confirm("osps_br_01_01", model.Met, s.T("ui.detect.j.no_injection", "Count", len(ws)), s.T("ui.detect.c.injection"), at(ws[0].rel, 0))
		}
	}
	// Collaborators' input (OSPS-BR-01.04).
	switch {
	case len(input) > 0:
		s.add("osps_br_01_04", model.Unmet, fair, s.T("ui.detect.j.input_injection", "Expr", inputEv, "Where", s.whereAt(first(input))), input...)
	case complete:
		s.confirm("osps_br_01_04", model.Met, s.T("ui.detect.j.no_input_injection", "Count", len(ws)), s.T("ui.detect.c.injection"), at(ws[0].rel, 0))
	}
	// Untrusted code kept away from secrets (OSPS-BR-01.03).
	switch {
	case len(risky) > 0:
		s.add("osps_br_01_03", model.Unmet, fair, s.T("ui.detect.j.pr_target", "Ref", riskyEv, "Where", s.whereAt(first(risky))), risky...)
	case complete && selfHosted:
		s.confirm("osps_br_01_03", model.Met, s.T("ui.detect.j.pr_safe", "Count", len(ws)), s.T("ui.detect.c.self_hosted"), at(ws[0].rel, 0))
	case complete:
		s.add("osps_br_01_03", model.Met, fair, s.T("ui.detect.j.pr_safe", "Count", len(ws)), at(ws[0].rel, 0))
	}
	s.scanPermissions(ws)
}

// whereAt turns evidence "path:line" into a link.
func (s *scanner) whereAt(ev string) string {
	i := strings.LastIndexByte(ev, ':')
	if i < 0 {
		return s.where(ev, 0)
	}
	n := 0
	for _, r := range ev[i+1:] {
		if r < '0' || r > '9' {
			return s.where(ev, 0)
		}
		n = n*10 + int(r-'0')
	}
	return s.where(ev[:i], n)
}

// scanPermissions: what each workflow's token may do (OSPS-AC-04.01 and
// 04.02). The default for a workflow that says nothing is a setting of the
// forge, which only the forge shows.
func (s *scanner) scanPermissions(ws []*workflow) {
	var unset, writeAll, topWrite []string
	for _, w := range ws {
		if w.perms == nil {
			all := len(w.jobs) > 0
			for _, j := range w.jobs {
				if j.perms == nil {
					all = false
				}
			}
			if !all {
				unset = append(unset, w.rel)
			}
		}
		for _, p := range append([]*permissions{w.perms}, jobPerms(w)...) {
			if p != nil && p.all == "write-all" {
				writeAll = append(writeAll, at(w.rel, p.line))
			}
		}
		if w.perms != nil && w.perms.writes() && len(w.jobs) > 1 {
			topWrite = append(topWrite, at(w.rel, w.perms.line))
		}
	}
	sort.Strings(unset)
	switch {
	case len(writeAll) > 0:
		s.add("osps_ac_04_02", model.Unmet, fair, s.T("ui.detect.j.write_all", "Where", s.whereAt(writeAll[0])), writeAll...)
	case len(unset) > 0:
		s.note("osps_ac_04_02", s.T("ui.detect.n.permissions_unset", "Files", strings.Join(capList(unset), ", ")))
	case len(topWrite) > 0:
		s.confirm("osps_ac_04_02", model.Met, s.T("ui.detect.j.permissions_set", "Count", len(ws)), s.T("ui.detect.c.top_write", "Where", s.whereAt(topWrite[0])), topWrite...)
	default:
		s.add("osps_ac_04_02", model.Met, fair, s.T("ui.detect.j.permissions_set", "Count", len(ws)), at(ws[0].rel, 0))
	}
	if len(unset) == 0 {
		s.confirm("osps_ac_04_01", model.Met, s.T("ui.detect.j.permissions_set", "Count", len(ws)), s.T("ui.detect.c.default_permissions"), at(ws[0].rel, 0))
	} else {
		s.note("osps_ac_04_01", s.T("ui.detect.n.permissions_unset", "Files", strings.Join(capList(unset), ", ")))
	}
}

func jobPerms(w *workflow) []*permissions {
	var out []*permissions
	for _, j := range w.jobs {
		out = append(out, j.perms)
	}
	return out
}

// capList shortens a list for a sentence.
func capList(xs []string) []string {
	out := make([]string, 0, 6)
	for i, x := range xs {
		if i == 5 {
			return append(out, "…")
		}
		out = append(out, safetext.Line(x))
	}
	return out
}

// ciTool is the use of a named tool in CI, if any.
func (s *scanner) ciTool(name string) (use, bool) {
	for _, us := range s.uses() {
		for _, u := range us {
			if u.tool.name == name && u.ci {
				return u, true
			}
		}
	}
	return use{}, false
}

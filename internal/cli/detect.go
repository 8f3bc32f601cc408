package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/bestpractices/bestpractices/internal/detect"
	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
)

func runDetect(env *Env, args []string) int {
	fs := env.flagSet("detect")
	apply := fs.Bool("apply", false, "")
	format := fs.String("format", "text", "")
	if code, ok := env.parse(fs, args, "ui.detect.help"); !ok {
		return code
	}
	if !env.knownFormat(*format, "text", "json") {
		return ExitBadInput
	}
	f, ok := env.LoadAnswers()
	if !ok {
		return ExitBadInput
	}
	rep, err := env.Detect(f)
	if err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", safetext.Line(err.Error())))
		return ExitBadInput
	}
	ordered := orderProposals(env, rep.Proposals)
	given := model.Answers{} // as they were before --apply
	for id, a := range f.Answers {
		given[id] = a
	}
	var applied []model.Proposal
	if *apply {
		var code int
		if applied, code = applyProposals(env, f, ordered); code != ExitOK {
			return code
		}
	}
	if *format == "json" {
		writeDetectJSON(env.Stdout, rep, given, ordered, applied, *apply)
		return ExitOK
	}
	writeDetectText(env, rep, f.Path, given, ordered, applied, *apply)
	return ExitOK
}

// orderProposals lists proposals in the catalog's order.
func orderProposals(env *Env, ps model.Proposals) []model.Proposal {
	var out []model.Proposal
	for _, id := range env.Catalog.IDs() {
		if p, ok := ps[id]; ok {
			out = append(out, p)
		}
	}
	return out
}

// applyProposals fills the unanswered criteria and saves; the answers
// given are never touched (File.Accept refuses them).
func applyProposals(env *Env, f *model.File, ps []model.Proposal) ([]model.Proposal, int) {
	var applied []model.Proposal
	for _, p := range ps {
		if f.Accept(p) {
			applied = append(applied, p)
		}
	}
	if len(applied) == 0 {
		return nil, ExitOK
	}
	if err := f.Save(false); err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.DisplayPath(f.Path)+": "+safetext.Line(err.Error())))
		return nil, ExitBadInput
	}
	return applied, ExitOK
}

func confidenceWord(env *Env, c int) string {
	switch {
	case c >= 3:
		return env.Loc.T("ui.detect.confidence.strong")
	case c == 2:
		return env.Loc.T("ui.detect.confidence.fair")
	}
	return env.Loc.T("ui.detect.confidence.weak")
}

func writeDetectText(env *Env, rep *detect.Report, path string, given model.Answers, ps []model.Proposal, applied []model.Proposal, apply bool) {
	w, loc := env.Stdout, env.Loc
	fmt.Fprintln(w, loc.T("ui.detect.header", "Root", env.DisplayPath(rep.Root)))
	if rep.Site.Web != "" {
		fmt.Fprintln(w, loc.T("ui.detect.site", "Web", safetext.Line(rep.Site.Web), "Branch", safetext.Line(rep.Site.Branch)))
	}
	fmt.Fprintln(w)
	if len(ps) == 0 {
		fmt.Fprintln(w, loc.T("ui.detect.none"))
	}
	open := 0
	for _, p := range ps {
		note := ""
		if a := given[p.ID]; a.Status != model.Unknown {
			note = "  (" + loc.T("ui.detect.answered", "Status", a.Status.String()) + ")"
		} else {
			open++
		}
		fmt.Fprintf(w, "%-38s %-6s %s%s\n", p.ID, p.Status.String(), confidenceWord(env, p.Confidence), note)
		fmt.Fprintf(w, "    %s\n", safetext.Line(p.Justification))
		if len(p.Evidence) > 0 {
			fmt.Fprintf(w, "    %s\n", loc.T("ui.detect.evidence", "Evidence", safetext.Line(strings.Join(p.Evidence, ", "))))
		}
	}
	if len(rep.Unchecked) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, loc.T("ui.detect.unchecked"))
		for _, u := range rep.Unchecked {
			if u.Path == "" {
				fmt.Fprintf(w, "  %s\n", safetext.Line(u.Reason))
			} else {
				fmt.Fprintf(w, "  %s\n", loc.Label(safetext.Line(u.Path), safetext.Line(u.Reason)))
			}
		}
	}
	fmt.Fprintln(w)
	switch {
	case apply && len(applied) > 0:
		fmt.Fprintln(w, loc.T("ui.detect.applied", "Count", len(applied), "File", env.DisplayPath(path)))
		for _, p := range applied {
			fmt.Fprintf(w, "  %-38s %s\n", p.ID, p.Status.String())
		}
	case apply:
		fmt.Fprintln(w, loc.T("ui.detect.nothing_applied"))
	case open > 0:
		fmt.Fprintln(w, loc.T("ui.detect.apply_hint", "Count", open))
	}
}

type detectProposalJSON struct {
	ID            string   `json:"id"`
	Status        string   `json:"status"`
	Justification string   `json:"justification"`
	Source        string   `json:"source"`
	Evidence      []string `json:"evidence"`
	Confidence    int      `json:"confidence"`
	// Answered is the status already given, which the proposal never replaces.
	Answered string `json:"answered,omitempty"`
}

type detectJSON struct {
	Root      string               `json:"root"`
	WebURL    string               `json:"web_url"`
	Branch    string               `json:"branch"`
	Proposals []detectProposalJSON `json:"proposals"`
	Unchecked []detect.Unchecked   `json:"unchecked"`
	Applied   []string             `json:"applied,omitempty"`
}

func writeDetectJSON(w io.Writer, rep *detect.Report, given model.Answers, ps []model.Proposal, applied []model.Proposal, apply bool) {
	out := detectJSON{Root: rep.Root, WebURL: rep.Site.Web, Branch: rep.Site.Branch, Proposals: []detectProposalJSON{}, Unchecked: rep.Unchecked}
	if out.Unchecked == nil {
		out.Unchecked = []detect.Unchecked{}
	}
	for _, p := range ps {
		j := detectProposalJSON{ID: p.ID, Status: p.Status.String(), Justification: p.Justification, Source: p.Source, Evidence: p.Evidence, Confidence: p.Confidence}
		if j.Evidence == nil {
			j.Evidence = []string{}
		}
		if a := given[p.ID]; a.Status != model.Unknown {
			j.Answered = a.Status.String()
		}
		out.Proposals = append(out.Proposals, j)
	}
	if apply {
		out.Applied = []string{}
		for _, p := range applied {
			out.Applied = append(out.Applied, p.ID)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}

// warnStale prints a warning for each answer citing a file of the
// repository that no longer exists, and returns how many it printed.
func warnStale(env *Env, f *model.File) int {
	root := env.RepoRoot()
	stale := evidence.Stale(root, evidence.Locate(root), f.Answers)
	for _, s := range stale {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.detect.stale.warning", "ID", s.ID, "Cited", safetext.Line(s.Cited), "Path", safetext.Line(s.Path)))
	}
	return len(stale)
}

// staleExit is check's status for an achieved level: with --strict, cited
// files that have gone fail it.
func staleExit(env *Env, strict bool, stale int) int {
	if strict && stale > 0 {
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.detect.stale.strict", "Count", stale))
		return ExitNotMet
	}
	return ExitOK
}

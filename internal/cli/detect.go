package cli

import (
	"fmt"
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/detect"
	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	"github.com/bestpractices/bestpractices/model"
)

func runDetect(env *Env, args []string) int {
	fs := env.flagSet("detect")
	apply := fs.Bool("apply", false, "")
	explain := fs.Bool("explain", false, "")
	conf := &confidenceFlag{def: model.AcceptAllMin}
	fs.Var(conf, "min-confidence", "")
	format := fs.String("format", "text", "")
	if code, ok := env.parse(fs, args, "ui.detect.help"); !ok {
		return code
	}
	min, ok := conf.level(env)
	if !ok {
		return ExitBadInput
	}
	minConf := &min
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
	noted := 0
	if *apply {
		var code int
		if applied, noted, code = applyProposals(env, f, ordered, *minConf); code != ExitOK {
			return code
		}
	}
	out := detectOutput{rep: rep, path: f.Path, given: given, ps: ordered, applied: applied, noted: noted, apply: *apply, min: *minConf}
	if *format == "json" {
		writeDetectJSON(env, out)
		return ExitOK
	}
	writeDetectText(env, out)
	if *explain {
		writeExplain(env, rep, given)
	}
	return ExitOK
}

// detectOutput is what detect prints.
type detectOutput struct {
	rep     *detect.Report
	path    string
	given   model.Answers // as they were before --apply
	ps      []model.Proposal
	applied []model.Proposal
	noted   int // open criteria --apply left for holding the user's note
	apply   bool
	min     int // the least confidence --apply takes
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

// applyProposals fills the unanswered criteria with the proposals of at
// least min confidence and saves; the answers given, and the notes written
// on unanswered criteria, are never touched (model.ForBulk). It returns
// what it filled and how many criteria it left for their notes.
func applyProposals(env *Env, f *model.File, ps []model.Proposal, min int) ([]model.Proposal, int, int) {
	take, _, noted := model.ForBulk(ps, f.Answers, min)
	var applied []model.Proposal
	for _, p := range take {
		if f.Accept(p) {
			applied = append(applied, p)
		}
	}
	if len(applied) == 0 {
		return nil, noted, ExitOK
	}
	if err := f.Save(false); err != nil {
		return nil, noted, env.saveFailed(f, err)
	}
	return applied, noted, ExitOK
}

func confidenceWord(env *Env, c int) string { return env.Loc.T(model.ConfidenceKey(c)) }

// statusWidth is the cells of the widest answer proposed, as shown: the
// column after it starts at one place whatever the language's words.
func statusWidth(loc *i18n.Locale, ps []model.Proposal) int {
	w := 0
	for _, p := range ps {
		w = max(w, textwidth.Width(loc.Word(p.Status)))
	}
	return w
}

func writeDetectText(env *Env, o detectOutput) {
	w, loc := env.Stdout, env.Loc
	rep, given, ps := o.rep, o.given, o.ps
	fmt.Fprintln(w, loc.T("ui.detect.header", "Root", env.DisplayPath(rep.Root)))
	if rep.Site.Web != "" {
		fmt.Fprintln(w, loc.T("ui.detect.site", "Web", safetext.Line(rep.Site.Web), "Branch", safetext.Line(rep.Site.Branch)))
	}
	fmt.Fprintln(w)
	if len(ps) == 0 {
		fmt.Fprintln(w, loc.T("ui.detect.none"))
	}
	open, weaker, noted := 0, 0, 0
	statusW := statusWidth(loc, ps)
	for _, p := range ps {
		conf := confidenceWord(env, p.Confidence)
		switch a := given[p.ID]; {
		case !a.Open():
			conf = loc.Aside(conf, loc.T("ui.detect.answered", "Status", a.Status))
		case p.Confidence < o.min:
			weaker++
		case a.Note() != "":
			conf = loc.Aside(conf, loc.T("ui.detect.noted"))
			noted++
		default:
			open++
		}
		fmt.Fprintf(w, "%-38s %s %s\n", idText(p.ID), textwidth.Pad(loc.Word(p.Status), statusW), conf)
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
	case o.apply && len(o.applied) > 0:
		fmt.Fprintln(w, loc.T("ui.detect.applied", "Count", len(o.applied), "File", env.DisplayPath(o.path)))
		for _, p := range o.applied {
			fmt.Fprintf(w, "  %-38s %s\n", idText(p.ID), loc.Word(p.Status))
		}
	case o.apply && o.noted == 0:
		fmt.Fprintln(w, loc.T("ui.detect.nothing_applied"))
	case open > 0:
		fmt.Fprintln(w, loc.T("ui.detect.apply_hint", "Count", open))
	}
	if noted > 0 {
		fmt.Fprintln(w, loc.T("ui.cli.notes_kept", "Count", noted))
	}
	if weaker > 0 {
		fmt.Fprintln(w, loc.T("ui.detect.weaker_left", "Count", weaker, "Level", confidenceWord(env, o.min)))
	}
}

// writeExplain lists the unanswered criteria detect could not decide,
// grouped by why: what is left to answer by hand.
func writeExplain(env *Env, rep *detect.Report, given model.Answers) {
	w, loc := env.Stdout, env.Loc
	groups := map[string][]detect.Undecided{}
	answered := 0
	for _, u := range rep.Undecided {
		if !given[u.ID].Open() {
			answered++
			continue
		}
		groups[u.Why] = append(groups[u.Why], u)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, loc.T("ui.detect.explain.header"))
	for _, why := range []string{detect.WhyNotRead, detect.WhyNotFound, detect.WhyForge, detect.WhyPerson} {
		us := groups[why]
		if len(us) == 0 {
			continue
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, loc.T("ui.detect.explain."+why, "Count", len(us)))
		for _, u := range us {
			if u.Note == "" {
				fmt.Fprintf(w, "  %s\n", idText(u.ID))
				continue
			}
			fmt.Fprintf(w, "  %-38s %s\n", idText(u.ID), safetext.Line(u.Note))
		}
	}
	if answered > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, loc.T("ui.detect.explain.answered", "Count", answered))
	}
}

type detectProposalJSON struct {
	ID            string   `json:"id"`
	Status        string   `json:"status"`
	Justification string   `json:"justification"`
	Source        string   `json:"source"`
	Evidence      []string `json:"evidence"`
	Confidence    int      `json:"confidence"`
	// ConfidenceName is the scale's word: weak, fair or strong.
	ConfidenceName string `json:"confidence_name"`
	// InBulk: accepting all at once (--apply, the walk's P) takes it.
	InBulk bool `json:"in_bulk"`
	// Answered is the status already given, which the proposal never replaces.
	Answered string `json:"answered,omitempty"`
	// Noted: the criterion is unanswered but holds a note the user wrote,
	// which accepting all at once leaves as it is (in_bulk is false).
	Noted bool `json:"noted,omitempty"`
}

type detectUndecidedJSON struct {
	detect.Undecided
	Answered string `json:"answered,omitempty"`
}

type detectJSON struct {
	Root      string               `json:"root"`
	WebURL    string               `json:"web_url"`
	Branch    string               `json:"branch"`
	Proposals []detectProposalJSON `json:"proposals"`
	Unchecked []detect.Unchecked   `json:"unchecked"`
	// Undecided are the criteria without a proposal, and why.
	Undecided []detectUndecidedJSON `json:"undecided"`
	// MinConfidence is the least confidence --apply takes.
	MinConfidence int      `json:"min_confidence"`
	Applied       []string `json:"applied,omitempty"`
}

func writeDetectJSON(env *Env, o detectOutput) {
	rep := o.rep
	out := detectJSON{Root: rep.Root, WebURL: rep.Site.Web, Branch: rep.Site.Branch, Proposals: []detectProposalJSON{},
		Unchecked: rep.Unchecked, Undecided: []detectUndecidedJSON{}, MinConfidence: o.min}
	if out.Unchecked == nil {
		out.Unchecked = []detect.Unchecked{}
	}
	for _, p := range o.ps {
		j := detectProposalJSON{ID: p.ID, Status: p.Status.String(), Justification: p.Justification, Source: p.Source, Evidence: p.Evidence,
			Confidence: p.Confidence, ConfidenceName: model.ConfidenceName(p.Confidence), InBulk: p.Confidence >= o.min}
		if j.Evidence == nil {
			j.Evidence = []string{}
		}
		if a := o.given[p.ID]; !a.Open() {
			j.Answered = a.Status.String()
		} else if a.Note() != "" {
			j.Noted, j.InBulk = true, false
		}
		out.Proposals = append(out.Proposals, j)
	}
	for _, u := range rep.Undecided {
		j := detectUndecidedJSON{Undecided: u}
		if a := o.given[u.ID]; !a.Open() {
			j.Answered = a.Status.String()
		}
		out.Undecided = append(out.Undecided, j)
	}
	if o.apply {
		out.Applied = []string{}
		for _, p := range o.applied {
			out.Applied = append(out.Applied, p.ID)
		}
	}
	safetext.WriteJSON(env.Stdout, out, "  ")
}

// warnStale prints a warning for each answer citing a file of the
// repository that no longer exists, and returns how many it printed.
func warnStale(env *Env, f *model.File) int {
	root := env.RepoRoot()
	stale := evidence.Stale(root, evidence.Locate(root), f.Answers)
	for _, s := range stale {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.detect.stale.warning", "ID", idText(s.ID), "Cited", safetext.Line(s.Cited), "Path", safetext.Line(s.Path)))
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

package cli

import (
	"fmt"

	"github.com/bestpractices/bestpractices/internal/carry"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	"github.com/bestpractices/bestpractices/model"
)

// CarryJSON is one proposal of `carry --format json`.
type CarryJSON struct {
	ID            string `json:"id"`
	Level         string `json:"level"`
	Status        string `json:"status"`
	Confidence    int    `json:"confidence"`
	From          string `json:"from"`
	FromStatus    string `json:"from_status"`
	Source        string `json:"source"`
	Justification string `json:"justification"`
}

// CarryOutput is `carry --format json`: the proposals, or with --apply the
// criteria filled.
type CarryOutput struct {
	Applied   bool        `json:"applied"`
	Proposals []CarryJSON `json:"proposals"`
}

// runCarry lists the answers the other series suggests and, with --apply,
// fills the unanswered criteria with them.
func runCarry(env *Env, args []string) int {
	fs := env.flagSet("carry")
	apply := fs.Bool("apply", false, "")
	conf := &confidenceFlag{def: model.ConfidenceWeak}
	fs.Var(conf, "min-confidence", "")
	format := fs.String("format", "text", "")
	if code, ok := env.parse(fs, args, "ui.carry.help"); !ok {
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
	ps := carryList(env, f, carry.Propose(env.Catalog, f.Answers, env.Loc), *minConf)
	noted := 0
	if *apply && len(ps) > 0 {
		// A criterion holding the user's note is left as it is.
		var take, filled []model.Proposal
		take, _, noted = model.ForBulk(ps, f.Answers, *minConf)
		for _, p := range take {
			if f.Accept(p) {
				filled = append(filled, p)
			}
		}
		if len(filled) > 0 {
			if err := f.Save(false); err != nil {
				return env.saveFailed(f, err)
			}
		}
		ps = filled
	}
	if *format == "json" {
		out := CarryOutput{Applied: *apply, Proposals: []CarryJSON{}}
		for _, p := range ps {
			out.Proposals = append(out.Proposals, carryJSON(env, f, p))
		}
		safetext.WriteJSON(env.Stdout, out, "  ")
		return ExitOK
	}
	if noted > 0 {
		defer fmt.Fprintln(env.Stdout, env.Loc.T("ui.cli.notes_kept", "Count", noted))
	}
	switch {
	case len(ps) == 0:
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.carry.none"))
		return ExitOK
	case *apply:
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.carry.filled", "Count", len(ps), "File", env.DisplayPath(f.Path)))
	default:
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.carry.found", "Count", len(ps)))
	}
	// Columns measured in cells: « Non satisfait » and 「ベースライン2」 are
	// wider than the English words.
	levelW, statusW := 0, statusWidth(env.Loc, ps)
	for _, p := range ps {
		levelW = max(levelW, textwidth.Width(env.Loc.Level(carryLevel(env, p.ID))))
	}
	for _, p := range ps {
		fmt.Fprintf(env.Stdout, "  %-38s %s %s %s\n", idText(p.ID), textwidth.Pad(env.Loc.Level(carryLevel(env, p.ID)), levelW),
			textwidth.Pad(env.Loc.Word(p.Status), statusW), env.Loc.Aside(env.Loc.T("ui.carry.confidence", "Confidence", p.Confidence), safetext.Line(p.Source)))
	}
	if !*apply {
		fmt.Fprintln(env.Stdout)
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.carry.apply_hint"))
	}
	return ExitOK
}

// carryList keeps the proposals of at least min confidence that are still
// open, in the catalog's order (series, then level).
func carryList(env *Env, f *model.File, ps model.Proposals, min int) []model.Proposal {
	var out []model.Proposal
	for _, id := range env.Catalog.IDs() {
		if p, ok := ps[id]; ok && p.Confidence >= min && f.Answers[id].Open() {
			out = append(out, p)
		}
	}
	return out
}

func carryLevel(env *Env, id string) string {
	if es := env.Catalog.EntriesFor(id); len(es) > 0 {
		return es[0].Level
	}
	return ""
}

func carryJSON(env *Env, f *model.File, p model.Proposal) CarryJSON {
	c := CarryJSON{ID: p.ID, Level: carryLevel(env, p.ID), Status: p.Status.String(), Confidence: p.Confidence, Source: p.Source, Justification: p.Justification}
	if len(p.Evidence) > 0 {
		c.From = p.Evidence[0]
		c.FromStatus = f.Answers[c.From].Status.String()
	}
	return c
}

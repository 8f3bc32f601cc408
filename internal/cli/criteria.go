package cli

import (
	"fmt"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	"github.com/bestpractices/bestpractices/model"
)

// CriterionJSON is one entry of `criteria --format json`.
type CriterionJSON struct {
	ID                       string `json:"id"`
	Level                    string `json:"level"`
	Control                  string `json:"control,omitempty"`
	Major                    string `json:"major"`
	Minor                    string `json:"minor"`
	Category                 string `json:"category"`
	NAAllowed                bool   `json:"na_allowed"` // for the id, as an answer counts (model.NAAllowed)
	NAJustificationRequired  bool   `json:"na_justification_required"`
	MetJustificationRequired bool   `json:"met_justification_required"`
	MetURLRequired           bool   `json:"met_url_required"`
	MetSuppress              bool   `json:"met_suppress"`
	UnmetSuppress            bool   `json:"unmet_suppress"`
	Title                    string `json:"title"`
	URL                      string `json:"url"`
}

func runCriteria(env *Env, args []string) int {
	fs := env.flagSet("criteria")
	level := fs.String("level", "", "")
	format := fs.String("format", "text", "")
	if code, ok := env.parse(fs, args, "ui.cli.criteria.help"); !ok {
		return code
	}
	levels := env.Catalog.Levels
	if *level != "" {
		if !env.knownLevel(*level) {
			return ExitBadInput
		}
		l, _ := env.Catalog.Level(*level)
		levels = []*criteria.Level{l}
	}
	switch *format {
	case "json":
		out := []CriterionJSON{}
		for _, l := range levels {
			for _, e := range l.Entries {
				out = append(out, CriterionJSON{
					ID: e.ID, Level: l.Name, Control: e.Control, Major: e.Major, Minor: e.Minor, Category: string(e.Category),
					NAAllowed: model.NAAllowed(env.Catalog, e.ID), NAJustificationRequired: e.NAJustificationRequired,
					MetJustificationRequired: e.MetJustificationRequired, MetURLRequired: e.MetURLRequired,
					MetSuppress: e.MetSuppress, UnmetSuppress: e.UnmetSuppress,
					Title: env.Loc.CriterionTitle(l.Name, e.ID), URL: e.URL(),
				})
			}
		}
		safetext.WriteJSON(env.Stdout, out, "  ")
	case "text":
		catW, idW := 0, 0
		for _, l := range levels {
			for _, e := range l.Entries {
				catW = max(catW, textwidth.Width(env.Loc.T("ui.category."+string(e.Category))))
				idW = max(idW, textwidth.Width(e.ID))
			}
		}
		width := env.width()
		for _, l := range levels {
			fmt.Fprintln(env.Stdout, env.Loc.CountOf(env.Loc.Level(l.Name), len(l.Entries)))
			section := ""
			for _, e := range l.Entries {
				if s := e.Major + " / " + e.Minor; s != section {
					section = s
					for _, line := range Row("  ", env.Loc.Section(e.Major)+" / "+env.Loc.Section(e.Minor), width) {
						fmt.Fprintln(env.Stdout, line)
					}
				}
				flags := ""
				if e.MetURLRequired {
					flags += " [URL]"
				}
				if model.NAAllowed(env.Catalog, e.ID) { // one answer for every level of the id
					flags += " [" + env.Loc.T("ui.status.na") + "]"
				}
				lead := "    " + textwidth.Pad(env.Loc.T("ui.category."+string(e.Category)), catW) + " " + textwidth.Pad(e.ID, idW) + " "
				for _, line := range Row(lead, env.Loc.CriterionTitle(l.Name, e.ID)+flags, width) {
					fmt.Fprintln(env.Stdout, line)
				}
			}
			fmt.Fprintln(env.Stdout)
		}
	default:
		env.knownFormat(*format, "text", "json")
		return ExitBadInput
	}
	return ExitOK
}

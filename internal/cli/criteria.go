package cli

import (
	"encoding/json"
	"fmt"

	"github.com/bestpractices/bestpractices/criteria"
)

// CriterionJSON is one entry of `criteria --format json`.
type CriterionJSON struct {
	ID                       string `json:"id"`
	Level                    string `json:"level"`
	Control                  string `json:"control,omitempty"`
	Major                    string `json:"major"`
	Minor                    string `json:"minor"`
	Category                 string `json:"category"`
	NAAllowed                bool   `json:"na_allowed"`
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
					NAAllowed: e.NAAllowed, NAJustificationRequired: e.NAJustificationRequired,
					MetJustificationRequired: e.MetJustificationRequired, MetURLRequired: e.MetURLRequired,
					MetSuppress: e.MetSuppress, UnmetSuppress: e.UnmetSuppress,
					Title: env.Loc.Criterion(l.Name, e.ID).Title, URL: e.URL(),
				})
			}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.Encode(out)
	case "text":
		for _, l := range levels {
			fmt.Fprintf(env.Stdout, "%s (%d)\n", env.Loc.T("ui.level."+l.Name), len(l.Entries))
			section := ""
			for _, e := range l.Entries {
				if s := e.Major + " / " + e.Minor; s != section {
					section = s
					fmt.Fprintf(env.Stdout, "  %s / %s\n", env.Loc.Section(e.Major), env.Loc.Section(e.Minor))
				}
				flags := ""
				if e.MetURLRequired {
					flags += " [URL]"
				}
				if e.NAAllowed {
					flags += " [N/A]"
				}
				fmt.Fprintf(env.Stdout, "    %-9s %-38s %s%s\n", env.Loc.T("ui.category."+string(e.Category)), e.ID, env.Loc.Criterion(l.Name, e.ID).Title, flags)
			}
			fmt.Fprintln(env.Stdout)
		}
	default:
		env.knownFormat(*format, "text", "json")
		return ExitBadInput
	}
	return ExitOK
}

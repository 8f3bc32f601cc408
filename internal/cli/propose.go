package cli

import (
	"fmt"

	"github.com/bestpractices/bestpractices/internal/site"
)

// runPropose prints the badge site links that propose the answers. The
// links go to standard output, one per line; the advice to standard error.
func runPropose(env *Env, args []string) int {
	fs := env.flagSet("propose")
	level := fs.String("level", "", "")
	if code, ok := env.parse(fs, args, "ui.site.propose.help"); !ok {
		return code
	}
	if *level != "" && !env.knownLevel(*level) {
		return ExitBadInput
	}
	f, ok := env.LoadAnswers()
	if !ok {
		return ExitBadInput
	}
	p := f.Project
	if p.URL == "" {
		p.URL = env.DefaultProject(f.Path).URL
	}
	links, err := site.Proposals(env.Catalog, p, f.Answers, *level)
	if err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", siteError(env.Loc, err, env.DisplayPath(f.Path))))
		return ExitBadInput
	}
	switch {
	case len(links) == 0 && *level != "":
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.propose.nothing_level", "Level", env.Loc.T("ui.level."+*level)))
	case len(links) == 0:
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.propose.nothing"))
	case len(links) == 1:
		fmt.Fprintln(env.Stdout, links[0].URL)
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.propose.how"))
	default:
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.propose.split", "Limit", site.MaxURLLength))
		for i, l := range links {
			if i > 0 {
				fmt.Fprintln(env.Stdout)
			}
			fmt.Fprintln(env.Stdout, env.Loc.T("ui.site.propose.level_header", "Level", env.Loc.T("ui.level."+l.Level), "Count", l.Count))
			fmt.Fprintln(env.Stdout, l.URL)
		}
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.site.propose.how"))
	}
	return ExitOK
}

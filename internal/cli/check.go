package cli

import (
	"fmt"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/model"
)

// runCheck is for CI: exit 0 when the level is achieved, 1 when not.
func runCheck(env *Env, args []string) int {
	fs := env.flagSet("check")
	level := fs.String("level", "passing", "")
	inSync := fs.Bool("json-in-sync", false, "")
	strict := fs.Bool("strict", false, "")
	format := fs.String("format", "text", "")
	if code, ok := env.parse(fs, args, "ui.cli.check.help"); !ok {
		return code
	}
	if !env.knownLevel(*level) || !env.knownFormat(*format, "text", "sarif") {
		return ExitBadInput
	}
	f, ok := env.LoadAnswers()
	if !ok {
		return ExitBadInput
	}
	if !f.Exists {
		// A gate on a file that is not there is a mistake to fix (a
		// mistyped --file in CI), not a level missed.
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.lint.missing", "File", env.DisplayPath(f.Path)))
		return ExitBadInput
	}
	if *inSync {
		return checkJSONInSync(env, f) // in insync.go
	}
	if *format == "sarif" {
		return checkSARIF(env, f, *level, *strict) // in sarif.go
	}
	stale := warnStale(env, f) // in detect.go
	l, _ := f.Score().Level(*level)
	name := i18n.Level(*level)
	if l.Achieved() {
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.cli.check.achieved", "Level", name, "Total", l.Total))
		return staleExit(env, *strict, stale)
	}
	blockers := model.Blockers(l)
	fmt.Fprintln(env.Stdout, env.Loc.T("ui.cli.check.not_achieved", "Level", name, "Percentage", l.Percentage, "Count", len(blockers)))
	for _, b := range blockers {
		fmt.Fprintf(env.Stdout, "  %-38s %s\n", idText(b.Entry.ID), model.Reason(env.Loc, b))
	}
	return ExitNotMet
}

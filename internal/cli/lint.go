package cli

import "fmt"

// runLint checks that answers files load with no warning at all (unknown
// ids, answers the badge would refuse, citations of files that are gone):
// for pre-commit hooks and editors, whatever level the project is at. It
// exits 0 when every file is clean, 1 when one has warnings, 2 when one
// cannot be read.
func runLint(env *Env, args []string) int {
	fs := env.flagSet("lint")
	paths, code, ok := env.parseArgs(fs, args, "ui.lint.help")
	if !ok {
		return code
	}
	if len(paths) == 0 {
		paths = []string{""} // the default answers file
	}
	worst := ExitOK
	for _, p := range paths {
		if p != "" {
			env.File = p
		}
		f, ok := env.LoadAnswers() // prints each warning with its line
		if !ok {
			worst = ExitBadInput
			continue
		}
		name := env.DisplayPath(f.Path)
		if !f.Exists {
			fmt.Fprintln(env.Stderr, env.Loc.T("ui.lint.missing", "File", name))
			worst = ExitBadInput
			continue
		}
		warnings := len(f.Problems) + warnStale(env, f) // in detect.go
		if warnings == 0 {
			fmt.Fprintln(env.Stdout, env.Loc.T("ui.lint.clean", "File", name))
			continue
		}
		fmt.Fprintln(env.Stdout, env.Loc.T("ui.lint.warnings", "File", name, "Count", warnings))
		if worst == ExitOK {
			worst = ExitNotMet
		}
	}
	return worst
}

package cli

import (
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/sarif"
	"github.com/bestpractices/bestpractices/model"
)

// checkSARIF is check --format sarif: the same verdict and exit status as
// check, with the answers that do not count written as a SARIF log on
// standard output for code-scanning annotations.
func checkSARIF(env *Env, f *model.File, level string, strict bool) int {
	warnStale(env, f) // the warnings on stderr, as check prints them
	root := env.RepoRoot()
	stale := evidence.Stale(root, evidence.Locate(root), f.Answers)
	s := f.Score()
	bi, _ := debug.ReadBuildInfo()
	log := sarif.Build(f, s, sarif.Options{
		Loc:         env.Loc,
		Catalog:     env.Catalog,
		Level:       level,
		Path:        sarifPath(root, f.Path),
		ToolVersion: ReadVersion(Version, Commit, bi).Version,
		Stale:       stale,
		Strict:      strict,
	})
	if err := log.Write(env.Stdout); err != nil {
		fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", err.Error()))
		return ExitBadInput
	}
	l, _ := s.Level(level)
	if !l.Achieved() || (strict && len(stale) > 0) {
		return ExitNotMet
	}
	return ExitOK
}

// sarifPath is the answers file relative to the repository root, as code
// scanning wants it, or its absolute path when it lies outside.
func sarifPath(root, path string) string {
	rel, err := filepath.Rel(root, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		if abs, err := filepath.Abs(path); err == nil {
			return abs
		}
		return path
	}
	return filepath.ToSlash(rel)
}

package cli

import (
	"errors"
	"fmt"

	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
)

// saveFailed tells why the answers file was not written, in the user's
// language, and returns the exit status (2). Every command that writes the
// answers file goes through model's save, which proves the new text before
// it lands: a refusal here means the file on disk is as it was.
func (env *Env) saveFailed(f *model.File, err error) int {
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.error", "Message", env.saveErrorText(f, err)))
	return ExitBadInput
}

// saveErrorText is the reason a save of f failed: path, what, what to do.
func (env *Env) saveErrorText(f *model.File, err error) string {
	display := env.DisplayPath(f.Path)
	var fe *model.FileError
	switch {
	case errors.As(err, &fe):
		c := *fe
		c.Path = env.DisplayPath(c.Path)
		return c.In(env.Loc)
	case errors.Is(err, model.ErrChangedOnDisk):
		return (&model.FileError{Path: display, Message: model.M("changed_on_disk"), Fix: model.M("fix_changed_on_disk")}).In(env.Loc)
	}
	return (&model.FileError{Path: display, Message: model.M("write_failed", "Error", safetext.Line(err.Error()))}).In(env.Loc)
}

// idText shows a criterion id or key read from a file (the answers file, an
// imported JSON): escaped and quoted when it holds anything odd.
func idText(id string) string { return safetext.Key(id) }

package tui

import (
	"errors"
	"os"
	"time"

	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
)

// Messages of the saving and watching, named for what happened.
type (
	answerSavedMsg  struct{ p model.Pending }
	saveFailedMsg   struct{ err error }
	fileCheckDueMsg struct{}
	fileReloadedMsg struct{ f *model.File }
	reloadFailedMsg struct{ err error }
)

// saver writes the answers in the background, one save at a time, and
// watches the file for changes made elsewhere.
type saver struct {
	c        *common
	saving   bool // one save at a time; a change made meanwhile is saved when it lands
	err      error
	savedAt  time.Time
	quitting bool // quit once the save in flight lands
}

// save writes the file in a tea.Cmd.
func (s *saver) save(force bool) tea.Cmd {
	if s.saving || s.c.opts.ReadOnly != "" {
		return nil
	}
	s.saving = true
	job := s.c.file.NewSaveJob()
	return func() tea.Msg {
		p, err := job.Run(force)
		if err != nil {
			return saveFailedMsg{err}
		}
		return answerSavedMsg{p}
	}
}

// saved records a save that landed; it returns the next save when answers
// changed meanwhile.
func (s *saver) saved(p model.Pending) tea.Cmd {
	s.saving = false
	s.c.file.Saved(p)
	s.err = nil
	s.savedAt = s.c.opts.Now()
	if s.c.file.Dirty() {
		return s.save(false)
	}
	return nil
}

// watch schedules the next look at the file.
func (s *saver) watch() tea.Cmd {
	if s.c.opts.WatchInterval <= 0 {
		return nil
	}
	return tea.Tick(s.c.opts.WatchInterval, func(time.Time) tea.Msg { return fileCheckDueMsg{} })
}

// reload reads the file again, in a tea.Cmd.
func (s *saver) reload() tea.Cmd {
	path, cat := s.c.file.Path, s.c.cat
	return func() tea.Msg {
		f, err := model.Load(path, cat)
		if errors.Is(err, os.ErrNotExist) {
			return fileReloadedMsg{model.New(path, cat, model.Project{})}
		}
		if err != nil {
			return reloadFailedMsg{err}
		}
		return fileReloadedMsg{f}
	}
}

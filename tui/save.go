package tui

import (
	"crypto/sha256"
	"errors"
	"os"
	"time"

	"github.com/bestpractices/bestpractices/internal/regfile"
	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
)

// Messages of the saving and watching, named for what happened.
type (
	answerSavedMsg  struct{ p model.Pending }
	saveFailedMsg   struct{ err error }
	fileCheckDueMsg struct{}
	// fileReadMsg is what the file held when the watch looked at it.
	fileReadMsg struct {
		gen  int // the saver's generation the look was made in
		data []byte
		err  error // as regfile.ReadFile gave it (model.File.Holds)
	}
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
	wrote    bool // something was written in this session
	quitting bool // quit once the save in flight lands

	// conflict: the file on disk is not what we last read or wrote.
	// Saving waits until the user chooses (reload, or keep theirs); the
	// answers given meanwhile stay in memory.
	conflict bool
	// deferred is the content the user chose to decide about later: the
	// question comes back when the file changes again or when an answer
	// needs saving, never by itself.
	deferred    [32]byte
	hasDeferred bool
	lastSeen    [32]byte
	seenKnown   bool // lastSeen is what the file holds in this conflict
	forced      bool // the save in flight overwrites the file (keep mine)
	reloading   bool // the file is being read again (r)
	gen         int  // bumped whenever our idea of the file changes
}

// save writes the file in a tea.Cmd.
func (s *saver) save(force bool) tea.Cmd {
	if s.saving || s.c.opts.ReadOnly != "" || s.conflict && !force {
		return nil
	}
	s.saving, s.forced = true, force
	s.gen++
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
	s.saving, s.err, s.wrote = false, nil, true
	s.gen++
	s.c.file.Saved(p)
	s.savedAt = s.c.opts.Now()
	if s.forced {
		s.forced, s.conflict, s.hasDeferred = false, false, false
		s.c.message = s.c.loc.T("ui.tui.kept_mine")
	}
	if s.c.file.Dirty() {
		return s.save(false)
	}
	return nil
}

// failed records a save that did not land; conflict reports that the file
// changed on disk (the user must choose).
func (s *saver) failed(err error) (conflict bool) {
	s.saving, s.forced = false, false
	s.gen++
	if errors.Is(err, model.ErrChangedOnDisk) {
		s.conflict, s.hasDeferred, s.seenKnown = true, false, false
		return true
	}
	s.err = err
	return false
}

// watch schedules the next look at the file.
func (s *saver) watch() tea.Cmd {
	if s.c.opts.WatchInterval <= 0 {
		return nil
	}
	return tea.Tick(s.c.opts.WatchInterval, func(time.Time) tea.Msg { return fileCheckDueMsg{} })
}

// look reads the file in a tea.Cmd. Only a regular file is read: a FIFO
// or a device put in its place must not block the walk (regfile); it is a
// change the user must decide on.
func (s *saver) look() tea.Cmd {
	if s.saving {
		return nil
	}
	path, gen := s.c.file.Path, s.gen
	return func() tea.Msg {
		data, err := regfile.ReadFile(path, model.MaxFileSize)
		return fileReadMsg{gen: gen, data: data, err: err}
	}
}

// seen compares what the watch read with the file as we know it; ask
// reports that the user must be asked about it now.
func (s *saver) seen(msg fileReadMsg) (ask bool) {
	if msg.gen != s.gen || s.saving {
		return false // a save landed meanwhile: the look is out of date
	}
	if s.c.file.Holds(msg.data, msg.err) {
		s.conflict, s.hasDeferred = false, false // changed back: nothing to decide
		return false
	}
	s.lastSeen = sha256.Sum256(msg.data)
	s.conflict = true
	if s.hasDeferred && !s.seenKnown {
		s.deferred = s.lastSeen // the first look after esc: this is what was put off
	}
	s.seenKnown = true
	return !s.hasDeferred || s.lastSeen != s.deferred
}

// later puts the question off until the file changes again or an answer
// needs saving. What the file holds is taken from the next look, not the
// last: a file caught half-written (an editor that does not replace it
// atomically) must not bring the question back once it is whole.
func (s *saver) later() {
	s.hasDeferred, s.seenKnown = true, false
}

// needsDecision is called when an answer changes during a conflict: the
// question is asked again, since the answer cannot be saved without it.
func (s *saver) needsDecision() bool {
	if !s.conflict {
		return false
	}
	s.hasDeferred = false
	return true
}

// undecided reports that the file changed on disk and the user has
// neither chosen what to do nor put it off, with no choice in flight.
func (s *saver) undecided() bool {
	return s.conflict && !s.hasDeferred && !s.saving && !s.reloading
}

// reload reads the file again, in a tea.Cmd.
func (s *saver) reload() tea.Cmd {
	s.reloading = true
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

// reloaded takes the file read again.
func (s *saver) reloaded() {
	s.err, s.conflict, s.hasDeferred, s.reloading = nil, false, false, false
	s.gen++
}

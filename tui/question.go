package tui

import tea "github.com/charmbracelet/bubbletea"

// The top model's side of the questions (promptModel): when they are
// asked, when they take the keys, and what their answers do.

// askConflict asks about the file changed on disk, unless another
// question is up (the answer to it brings this one back: resumeConflict).
// While the user types in the form or the search, the question waits
// (asking).
func (m *Model) askConflict() {
	if !m.prompt.active() {
		m.prompt.ask(promptConflict)
	}
}

// resumeConflict asks again about the file changed on disk when that is
// still undecided and nothing else is asked: after another question, or
// when the form closes.
func (m *Model) resumeConflict() {
	if m.save.undecided() {
		m.askConflict()
	}
}

// asking reports whether the question in the status line takes the keys.
// The question about the file changed on disk waits while the form or the
// search is open: what is typed there is text, and r or k must not reload
// or overwrite the file. It shows again, with its keys, once they close.
// On a screen too small to show the form, the question has the keys.
func (m *Model) asking() bool {
	return m.prompt.active() && (!m.prompt.is(promptConflict) || m.c.tooSmall() || !m.form.isOpen() && !m.list.searching)
}

// decide acts on the answer to a prompt.
func (m *Model) decide(ch choice) tea.Cmd {
	switch ch {
	case chooseSaveAndQuit:
		if m.save.conflict {
			m.prompt.ask(promptConflict) // saving needs that answer first
			return nil
		}
		m.save.quitting = true
		if m.save.saving {
			return nil // the save in flight quits when it lands
		}
		if cmd := m.save.save(false); cmd != nil {
			return cmd
		}
		return tea.Quit
	case chooseQuitUnsaved:
		m.save.quitting = true
		return tea.Quit
	case chooseDropForm:
		m.form.close()
		return m.quit()
	case chooseReload:
		return m.save.reload()
	case chooseKeepMine:
		return m.save.save(true)
	case chooseLater:
		m.save.later()
	case chooseAcceptAll:
		return m.acceptAll()
	}
	return nil
}

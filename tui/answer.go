package tui

import (
	"errors"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
	tea "github.com/charmbracelet/bubbletea"
)

// The walk's changes to answers. Every change goes through apply: it
// records the step for undo, rescores, saves, and moves the cursor the
// same way whichever key or form made it.

// errorText is an error's text for the terminal: the answers file's
// errors (model.FileError) in the user's language, others as the system
// gave them; cleaned either way.
func errorText(loc *i18n.Locale, err error) string {
	var fe *model.FileError
	if errors.As(err, &fe) {
		return safetext.Line(fe.In(loc))
	}
	return safetext.Line(err.Error())
}

// fileErrorText is errorText for an error about the walk's own file at
// path: the header names the file, so a message about the whole of it
// (a save refused) does not name it again; one about a line keeps
// "path:line".
func fileErrorText(loc *i18n.Locale, err error, path string) string {
	var fe *model.FileError
	if errors.As(err, &fe) && fe.Path == path && fe.Line == 0 {
		return strings.TrimPrefix(safetext.Line(fe.In(loc)), safetext.Line(path)+": ")
	}
	return errorText(loc, err)
}

func (m *Model) blockedReadOnly() bool {
	c := m.c
	if c.opts.ReadOnly != "" {
		c.message = c.loc.T("ui.tui.read_only", "Reason", c.opts.ReadOnly)
		return true
	}
	return false
}

// answerable is the entry under the cursor when it can be answered here;
// otherwise the status line says why not.
func (m *Model) answerable() (model.EntryScore, bool) {
	c := m.c
	if id, ok := m.list.currentUnknown(); ok {
		c.message = c.loc.T("ui.tui.unknown.not_here", "ID", safetext.Line(id), "Key", c.keys.Clear.Help().Key)
		return model.EntryScore{}, false
	}
	es, ok := m.list.current()
	if !ok || m.blockedReadOnly() {
		return es, false
	}
	if es.Entry.Automatic() {
		c.message = c.loc.T("ui.result.automatic", "Level", i18n.Level(criteria.PrerequisiteOf(es.Entry.ID)))
		return es, false
	}
	return es, true
}

// setStatus answers the selected criterion with one key, keeping its
// justification. When that answer would not count for want of a URL or a
// justification, the form opens on the justification instead, as if the
// status had been chosen there: the same rules, the same place to fix it.
func (m *Model) setStatus(s model.Status) tea.Cmd {
	c := m.c
	if id, ok := m.list.currentUnknown(); ok && s == model.Unknown && !m.blockedReadOnly() {
		cmd := m.apply([]change{{id: id, before: c.file.Answers[id]}}) // remove the stray answer
		c.message = c.loc.T("ui.tui.unknown.removed", "ID", safetext.Line(id), "Key", c.keys.Undo.Help().Key)
		return cmd
	}
	es, ok := m.answerable()
	if !ok {
		return nil
	}
	a := c.file.Answers[es.Entry.ID]
	a.Status = s
	if s == model.Unknown {
		a = model.Answer{} // clearing removes the justification too (z brings it back)
	}
	// The justification's length is only a warning: the refusal is about
	// the status alone.
	if p := model.Check(c.cat, es.Entry.ID, model.Answer{Status: s}); p != nil && s == model.NA {
		c.message = safetext.Line(p.In(c.loc))
		return nil
	}
	switch model.Judge(es.Entry, a) {
	case model.ResultURLRequired, model.ResultJustificationRequired:
		c.message = m.reasonFor(es.Entry, a)
		return m.form.open(es.Entry, formStart{answer: a, atText: true})
	}
	return m.apply([]change{{id: es.Entry.ID, before: c.file.Answers[es.Entry.ID], after: a}})
}

// reasonFor says why a would not count for e.
func (m *Model) reasonFor(e *criteria.Entry, a model.Answer) string {
	return model.Reason(m.c.loc, model.EntryScore{Entry: e, Answer: a, Result: model.Judge(e, a)})
}

// apply makes a step's changes, keeps it for undo and saves. When the
// step answers the criterion under the cursor and the answer counts, the
// cursor moves on to the next criterion still needing an answer;
// otherwise it stays, so that the reason shows.
func (m *Model) apply(step []change) tea.Cmd {
	c := m.c
	var real []change
	for _, ch := range step {
		if ch.before.Status != ch.after.Status || ch.before.Justification != ch.after.Justification {
			real = append(real, ch)
		}
	}
	for _, ch := range real {
		c.file.Set(ch.id, model.Answer{Status: ch.after.Status, Justification: ch.after.Justification})
	}
	if len(real) > 0 {
		m.history.record(real)
		m.rescore()
	}
	if es, ok := m.list.current(); ok && len(step) == 1 && step[0].id == es.Entry.ID &&
		step[0].after.Status != model.Unknown && es.Result.Satisfied() {
		m.list.jumpOpen(1)
	}
	m.showCurrent()
	if len(real) == 0 {
		return nil
	}
	return m.saveChanges()
}

// saveChanges saves, or asks first when the file changed on disk.
func (m *Model) saveChanges() tea.Cmd {
	if m.save.needsDecision() {
		m.prompt.ask(promptConflict)
		return nil
	}
	return m.save.save(false)
}

func (m *Model) acceptProposal() tea.Cmd {
	c := m.c
	es, ok := m.answerable()
	if !ok {
		return nil
	}
	p, has := c.proposal(es)
	if !has {
		c.message = c.loc.T("ui.tui.no_proposal")
		return nil
	}
	a := p.Over(c.file.Answers[p.ID]) // keeps a note the user wrote there
	if pr := model.Check(c.cat, p.ID, a); pr != nil {
		c.message = safetext.Line(pr.In(c.loc))
		return nil
	}
	return m.apply([]change{{id: p.ID, before: c.file.Answers[p.ID], after: a}})
}

// acceptable are the open proposals that accepting all at once takes: those
// the badge would take as answers, sure enough to need no reading, for
// criteria holding no note of the user's (model.ForBulk; the others are
// accepted one at a time with p). weak counts the open ones left out for
// being weak, noted those left for their note.
func (m *Model) acceptable() (ps []model.Proposal, weak, noted int) {
	c := m.c
	take, weak, noted := model.ForBulk(c.proposals.Open(c.file.Answers), c.file.Answers, model.AcceptAllMin)
	for _, p := range take {
		if model.Check(c.cat, p.ID, model.Answer{Status: p.Status, Justification: p.Justification}) == nil {
			ps = append(ps, p)
		}
	}
	return ps, weak, noted
}

// askAcceptAll asks before accepting every open proposal, saying how many
// of them are Unmet.
func (m *Model) askAcceptAll() {
	c := m.c
	if m.blockedReadOnly() {
		return
	}
	switch ps, weak, noted := m.acceptable(); {
	case len(ps) > 0:
		m.prompt.askAcceptAll(ps, weak)
	case noted > 0:
		c.message = c.loc.T("ui.tui.only_noted", "Count", noted, "Key", c.keys.Accept.Help().Key)
	case weak > 0:
		c.message = c.loc.T("ui.tui.only_weak", "Count", weak, "Key", c.keys.Accept.Help().Key)
	default:
		c.message = c.loc.T("ui.tui.no_proposals")
	}
}

func (m *Model) acceptAll() tea.Cmd {
	c := m.c
	var step []change
	ps, _, noted := m.acceptable()
	for _, p := range ps {
		step = append(step, change{id: p.ID, before: c.file.Answers[p.ID], after: model.Answer{Status: p.Status, Justification: p.Justification}})
	}
	c.message = c.loc.T("ui.tui.accepted_all", "Count", len(step))
	if noted > 0 {
		c.message = c.loc.T("ui.tui.accepted_all_noted", "Accepted", len(step), "Count", noted, "Key", c.keys.Accept.Help().Key)
	}
	return m.apply(step)
}

// openForm edits the selected answer; an unanswered criterion with a
// proposal starts from the proposal.
func (m *Model) openForm() tea.Cmd {
	c := m.c
	es, ok := m.answerable()
	if !ok {
		return nil
	}
	start := formStart{answer: c.file.Answers[es.Entry.ID]}
	if p, has := c.proposal(es); has {
		start.answer = p.Over(start.answer) // the proposal, then the user's note
	}
	return m.form.open(es.Entry, start)
}

func (m *Model) submitForm() tea.Cmd {
	c := m.c
	id, a, changed := m.form.submitted()
	m.showCurrent()
	if id == "" {
		return nil
	}
	if !changed {
		c.message = c.loc.T("ui.tui.unchanged")
		return nil
	}
	c.message = "" // what the form was opened for (m wanting a URL) is done
	return m.apply([]change{{id: id, before: c.file.Answers[id], after: a}})
}

// undo takes back the last step (redo: puts back the last step taken
// back), saying what it did and showing the criterion.
func (m *Model) undo(redo bool) tea.Cmd {
	c := m.c
	if m.blockedReadOnly() {
		return nil
	}
	step, ok := m.history.undo()
	key := "ui.tui.undone"
	if redo {
		step, ok = m.history.redo()
		key = "ui.tui.redone"
	}
	if !ok {
		c.message = c.loc.T(key + "_nothing")
		return nil
	}
	for _, ch := range step {
		a := ch.before
		if redo {
			a = ch.after
		}
		c.file.Set(ch.id, model.Answer{Status: a.Status, Justification: a.Justification})
	}
	m.rescore()
	first := step[0]
	status := first.before.Status
	if redo {
		status = first.after.Status
	}
	if len(step) == 1 {
		c.message = c.loc.T(key, "ID", safetext.Line(first.id), "Status", c.loc.T(status.Key()))
	} else {
		c.message = c.loc.T(key+"_many", "Count", len(step))
	}
	m.list.selectID(first.id)
	m.showCurrent()
	return m.saveChanges()
}

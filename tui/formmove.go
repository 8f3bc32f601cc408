package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// Keys typed right after tab, shift+tab or enter in the form.
//
// huh moves the focus in a message of its own: the field's key returns a
// command whose message (huh.NextField or huh.PrevField) makes the group
// blur one field and focus the other. Keys that arrive before that
// message reached the field being left, which dropped them ("We are" after
// a fast tab became "are"). So while a move is in flight the walk holds
// the keys and pastes that arrive, and replays them, in order, once the
// move has landed.
//
// A move has landed when everything the key's command sends has been
// handled: huh's command is run in a tea.Sequence followed by a
// formMovedMsg of ours, which the runtime delivers only after the
// command's messages. That holds whatever the command holds (a refused
// move, a description refresh), where waiting for huh's own message
// would wait for ever when no move comes. When the step goes on to huh's
// group (enter on the last field submits; shift+tab on the first comes
// back to it), the command of that step is followed by a marker too. A
// completed form holds the keys until the walk closes it; they then go
// to the list, as typed.

// formMovedMsg marks a focus move's command as delivered. epoch tells
// markers of a form closed or flushed since apart.
type formMovedMsg struct{ epoch int }

// moving reports whether a move is in flight.
func (f *formModel) moving() bool { return f.form != nil && f.moves > 0 }

// hold keeps k for after the move. ctrl+c and esc do not wait for a move
// (the way out works even if one never lands): the caller flushes first.
// Once the form is done, every key waits for the walk to close it, which
// huh's own submit message is sure to bring.
func (f *formModel) hold(k tea.KeyMsg) bool {
	switch {
	case f.form == nil:
		return false
	case f.form.State != huh.StateNormal:
	case f.moves == 0 || k.String() == "ctrl+c" || key.Matches(k, f.c.keys.FormCancel):
		return false
	}
	f.held = append(f.held, k)
	return true
}

// movesFocus reports whether k is one of the focused field's keys that
// move the focus. It errs on the side of yes: a key that moves nothing
// only makes the next keys wait for its command.
func (f *formModel) movesFocus(k tea.KeyMsg) bool {
	if f.typing() {
		return key.Matches(k, f.keys.Text.Next, f.keys.Text.Prev, f.keys.Text.Submit)
	}
	return key.Matches(k, f.keys.Select.Next, f.keys.Select.Prev, f.keys.Select.Submit)
}

// isStep reports whether msg is huh's own message moving the focus; its
// values are comparable, so no reflection is needed.
func isStep(msg tea.Msg) bool {
	return msg == huh.NextField() || msg == huh.PrevField()
}

// track follows cmd with a marker; a nil command moves nothing.
func (f *formModel) track(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	f.moves++
	epoch := f.epoch
	return tea.Sequence(cmd, func() tea.Msg { return formMovedMsg{epoch} })
}

// landed counts a marker back and returns the keys to replay once no
// move is left in flight.
func (f *formModel) landed(msg formMovedMsg) []tea.KeyMsg {
	if msg.epoch != f.epoch || f.moves == 0 {
		return nil
	}
	f.moves--
	if f.moves > 0 || f.form == nil || f.form.State != huh.StateNormal {
		return nil
	}
	return f.flush()
}

// flush ends the move: the held keys are returned and the markers still
// out no longer count.
func (f *formModel) flush() []tea.KeyMsg {
	held := f.held
	f.held, f.moves = nil, 0
	f.epoch++
	return held
}

// takeReleased returns the keys held when the form closed.
func (f *formModel) takeReleased() []tea.KeyMsg {
	r := f.released
	f.released = nil
	return r
}

// replay routes held keys as if they arrived now; a key among them that
// starts another move holds the rest again.
func (m *Model) replay(held []tea.KeyMsg) tea.Cmd {
	if len(held) == 0 {
		return nil
	}
	cmds := make([]tea.Cmd, 0, len(held))
	for _, k := range held {
		cmds = append(cmds, m.keys(k))
	}
	return tea.Batch(cmds...)
}

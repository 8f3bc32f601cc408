package tui

import "github.com/bestpractices/bestpractices/model"

// change is one answer before and after a step.
type change struct {
	id            string
	before, after model.Answer
}

// history keeps the steps that changed answers (one key, one form, one
// "accept all"), so that z takes back the last and Z puts it back. It is
// dropped when the file is reloaded: its answers are not ours any more.
type history struct {
	done, undone [][]change
}

// maxHistory bounds the memory the steps take.
const maxHistory = 200

func (h *history) record(step []change) {
	if len(step) == 0 {
		return
	}
	h.done = append(h.done, step)
	if len(h.done) > maxHistory {
		h.done = h.done[len(h.done)-maxHistory:]
	}
	h.undone = nil
}

// undo returns the step to take back, if any.
func (h *history) undo() ([]change, bool) {
	if len(h.done) == 0 {
		return nil, false
	}
	step := h.done[len(h.done)-1]
	h.done = h.done[:len(h.done)-1]
	h.undone = append(h.undone, step)
	return step, true
}

// redo returns the step to put back, if any.
func (h *history) redo() ([]change, bool) {
	if len(h.undone) == 0 {
		return nil, false
	}
	step := h.undone[len(h.undone)-1]
	h.undone = h.undone[:len(h.undone)-1]
	h.done = append(h.done, step)
	return step, true
}

func (h *history) clear() { h.done, h.undone = nil, nil }

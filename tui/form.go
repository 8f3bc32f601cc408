package tui

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/formtext"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// draft is the answer being edited. It is allocated apart from the Model
// because huh keeps pointers into it while bubbletea copies models.
type draft struct {
	status        string
	justification string // as the form shows it (see formtext.Show)
}

type (
	formSubmittedMsg struct{}
	formCancelledMsg struct{}
)

// formStart is what the form opens with.
type formStart struct {
	answer model.Answer
	// atText opens on the justification: the status is chosen already
	// (m, u or n on a criterion whose answer needs words to count).
	atText bool
}

// formModel is the edit form of one criterion's answer. It owns every key
// while it is open; the top model saves what it submits. Another review
// screen (an import's conflicts, side by side) follows the same pattern:
// open, update, view, keys for the help line, and a message when done.
type formModel struct {
	c     *common
	form  *huh.Form // nil when closed
	draft *draft
	entry *criteria.Entry
	shown string // the justification as the form first showed it
	first string // the status the form first showed
	orig  model.Answer
	keys  *huh.KeyMap

	// A focus move in flight (formmove.go).
	moves    int          // markers not yet back
	epoch    int          // which markers count
	held     []tea.KeyMsg // keys that arrived during the move, in order
	released []tea.KeyMsg // held keys let go when the form closed
}

// formCharLimit bounds the text field far above anything an answers file
// can hold (1 MiB; the field counts a wide character as two): the site's
// 8,192 characters are a warning in the form, never a cut.
const formCharLimit = 2 * model.MaxFileSize

func (f *formModel) isOpen() bool { return f.form != nil }

// open starts a new form on e. A huh form cannot be reused once submitted,
// so every edit gets a new one.
func (f *formModel) open(e *criteria.Entry, start formStart) tea.Cmd {
	c := f.c
	f.entry, f.orig = e, c.file.Answers[e.ID]
	f.shown = formtext.Show(start.answer.Justification)
	f.draft = &draft{status: start.answer.Status.String(), justification: f.shown}
	if start.answer.Status == model.Unknown {
		f.draft.status = model.Met.String() // the usual answer; one key away from the others
	}
	f.first = f.draft.status
	f.released = append(f.released, f.flush()...)
	f.keys = formKeyMap(c.loc)
	f.form = newAnswerForm(c, e, f.draft, f.keys)
	cmd := f.form.Init()
	if start.atText {
		return tea.Batch(cmd, f.form.NextField())
	}
	return cmd
}

// close ends the form; keys held for a move go on to the walk.
func (f *formModel) close() {
	f.form = nil
	f.released = append(f.released, f.flush()...)
}

// typing reports whether keys go into the text field, as text.
func (f *formModel) typing() bool {
	if f.form == nil {
		return false
	}
	_, ok := f.form.GetFocusedField().(*huh.Text)
	return ok
}

// resize follows the screen size.
func (f *formModel) resize() {
	if f.form != nil {
		f.form = f.form.WithWidth(f.c.readingWidth())
	}
}

// update passes a message to the open form; esc cancels it.
func (f *formModel) update(msg tea.Msg) tea.Cmd {
	if f.form == nil {
		return nil
	}
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, f.c.keys.FormCancel) {
		f.close()
		return func() tea.Msg { return formCancelledMsg{} }
	}
	inserted := 0
	if k, ok := msg.(tea.KeyMsg); ok && f.typing() {
		if key.Matches(k, f.keys.Text.NewLine) {
			// A new line is inserted as typed text: the field's own key
			// refuses it past 99 lines.
			k = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'\n'}}
		}
		if k.Type == tea.KeyRunes && !k.Alt {
			k.Runes = formtext.Typed(k.Runes)
			inserted = len(k.Runes)
		}
		msg = k
	}
	before := f.length(inserted)
	k, isKey := msg.(tea.KeyMsg)
	moves := isKey && f.movesFocus(k)
	field := f.form.GetFocusedField()
	nf, cmd := f.form.Update(msg)
	if ff, ok := nf.(*huh.Form); ok {
		f.form = ff
	}
	if moves || isStep(msg) && f.form.GetFocusedField() == field && f.form.State == huh.StateNormal {
		// A move starts, or huh's step goes on to the group (submit,
		// back to the first field): the keys wait for it.
		cmd = f.track(cmd)
	}
	if lost := before + inserted - f.length(inserted); lost > 0 {
		// Only past the field's bounds, far above what a file holds;
		// never without a word.
		f.c.message = f.c.loc.T("ui.tui.form.left_out", "Count", lost)
	}
	return cmd
}

// length is the justification's length in characters, when a key
// inserting text needs it measured.
func (f *formModel) length(inserted int) int {
	if inserted == 0 {
		return 0
	}
	return utf8.RuneCountInString(f.draft.justification)
}

// submitted closes the form and returns the answer it holds; changed is
// false when the user changed nothing.
func (f *formModel) submitted() (id string, a model.Answer, changed bool) {
	e := f.entry
	f.close()
	s, err := model.ParseStatus(f.draft.status)
	if err != nil || e == nil {
		return "", model.Answer{}, false
	}
	a = model.Answer{Status: s, Justification: f.orig.Justification}
	if f.draft.justification != f.shown || f.shown != formtext.Show(f.orig.Justification) {
		a.Justification = strings.TrimSpace(formtext.Answer(f.draft.justification))
	}
	return e.ID, a, a.Status != f.orig.Status || a.Justification != f.orig.Justification
}

// edited reports whether the form holds something the user typed or chose.
func (f *formModel) edited() bool {
	return f.form != nil && (f.draft.justification != f.shown || f.draft.status != f.first)
}

// view is the form in h lines. On a short screen, while the text is
// edited, its end shows (the text field and its warning) rather than the
// status choice above it: cut at the bottom, the line being typed was
// hidden.
func (f *formModel) view(w, h int) []string {
	lines := strings.Split(strings.TrimRight(f.form.View(), "\n "), "\n")
	if len(lines) > h && f.typing() {
		lines = lines[len(lines)-h:]
	}
	return fitLines(lines, w, h)
}

// keyBinds are the focused field's keys, for the help line.
func (f *formModel) keyBinds() []key.Binding {
	if f.form == nil {
		return nil
	}
	return f.form.KeyBinds()
}

// newAnswerForm builds the edit form for e: a status choice (N/A only where
// the badge accepts it) and the justification, checked as the user types
// against what the badge will require.
func newAnswerForm(c *common, e *criteria.Entry, d *draft, keys *huh.KeyMap) *huh.Form {
	loc := c.loc
	opts := []huh.Option[string]{
		huh.NewOption(loc.T("ui.status.met"), model.Met.String()),
		huh.NewOption(loc.T("ui.status.unmet"), model.Unmet.String()),
	}
	if model.NAAllowed(c.cat, e.ID) {
		opts = append(opts, huh.NewOption(loc.T("ui.status.na"), model.NA.String()))
	}
	opts = append(opts, huh.NewOption(loc.T("ui.status.unknown"), model.Unknown.String()))
	status := huh.NewSelect[string]().
		Title(loc.T("ui.tui.form.status", "Title", safetext.Line(loc.CriterionTitle(e.Level, e.ID)))).
		Options(opts...).
		Value(&d.status)
	just := huh.NewText().
		Title(loc.T("ui.tui.form.justification")).
		DescriptionFunc(func() string { return requirementHint(c, e, d.status, d.justification) }, []any{&d.status, &d.justification}).
		Lines(5).
		CharLimit(formCharLimit).
		ExternalEditor(false).
		Value(&d.justification).
		Validate(func(j string) error { return validateAnswer(c, e, d.status, formtext.Answer(j)) })
	f := huh.NewForm(huh.NewGroup(status, just)).
		WithShowHelp(false). // the walk's help line shows the form's keys
		WithKeyMap(keys).
		WithWidth(c.readingWidth())
	f.SubmitCmd = func() tea.Msg { return formSubmittedMsg{} }
	f.CancelCmd = func() tea.Msg { return formCancelledMsg{} }
	return f
}

// formKeyMap is huh's own keys with their help in the user's language.
func formKeyMap(loc *i18n.Locale) *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	t := func(k string) string { return loc.T("ui.tui.form.keys." + k) }
	km.Quit.SetEnabled(false) // ctrl+c is the walk's: it asks before dropping the answer
	km.Select.Filter.SetEnabled(false)
	km.Select.Up.SetHelp(keyLabel(loc, "↑"), t("up"))
	km.Select.Down.SetHelp(keyLabel(loc, "↓"), t("down"))
	km.Select.Next.SetHelp(keyLabel(loc, "enter"), t("next"))
	km.Select.Prev.SetHelp(keyLabel(loc, "shift+tab"), t("back"))
	km.Select.Submit.SetHelp(keyLabel(loc, "enter"), t("submit"))
	km.Select.HalfPageUp.SetHelp(keyLabel(loc, "ctrl+u"), t("half_page_up"))
	km.Select.HalfPageDown.SetHelp(keyLabel(loc, "ctrl+d"), t("half_page_down"))
	km.Select.GotoTop.SetHelp(keyLabel(loc, "g/home"), t("top"))
	km.Select.GotoBottom.SetHelp(keyLabel(loc, "G/end"), t("bottom"))
	km.Text.Next.SetHelp(keyLabel(loc, "enter"), t("next"))
	km.Text.Prev.SetHelp(keyLabel(loc, "shift+tab"), t("back"))
	km.Text.Submit.SetHelp(keyLabel(loc, "enter"), t("submit"))
	km.Text.NewLine.SetHelp(keyLabel(loc, "alt+enter / ctrl+j"), t("new_line"))
	km.Text.Editor.SetHelp(keyLabel(loc, "ctrl+e"), t("editor"))
	return km
}

// requirementHint says what the chosen status needs to count, and warns
// when the justification is over the badge's limit.
func requirementHint(c *common, e *criteria.Entry, status, shown string) string {
	s, _ := model.ParseStatus(status)
	hint := hintFor(c.loc, e, s)
	if j := formtext.Answer(shown); model.TooLong(j) {
		hint += " " + c.loc.T("ui.tui.form.too_long", "Length", len([]rune(j)), "Max", model.MaxJustification)
	}
	return hint
}

// hintFor says what status s needs to count for e.
func hintFor(loc *i18n.Locale, e *criteria.Entry, s model.Status) string {
	switch {
	case s == model.Met && e.MetURLRequired:
		return loc.T("ui.tui.detail.met_url")
	case s == model.Met && e.MetJustificationRequired:
		return loc.T("ui.tui.detail.met_justification")
	case s == model.NA && e.NAJustificationRequired:
		return loc.T("ui.tui.detail.na_justification")
	case s == model.Unmet && e.Category == criteria.Should:
		return loc.T("ui.tui.detail.unmet_should")
	}
	return loc.T("ui.tui.form.optional")
}

// validateAnswer is the form's check of its draft.
func validateAnswer(c *common, e *criteria.Entry, status, j string) error {
	s, err := model.ParseStatus(status)
	if err != nil {
		return err
	}
	return checkAnswer(c.loc, c.cat, e, s, j)
}

// checkAnswer accepts what will count on the badge site, plus an honest
// Unmet for a MUST and leaving the criterion unanswered. A justification
// over the site's limit is only warned about, as when the file is loaded:
// refusing it would lose words the user wrote.
func checkAnswer(loc *i18n.Locale, cat *criteria.Catalog, e *criteria.Entry, s model.Status, j string) error {
	a := model.Answer{Status: s, Justification: strings.TrimSpace(j)}
	if p := model.Check(cat, e.ID, model.Answer{Status: s}); p != nil { // the length aside
		return errors.New(safetext.Line(p.In(loc)))
	}
	switch model.Judge(e, a) {
	case model.ResultURLRequired:
		return errors.New(loc.T("ui.result.url_required"))
	case model.ResultJustificationRequired:
		return errors.New(loc.T("ui.result.justification_required"))
	}
	return nil
}

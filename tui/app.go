// Package tui is the interactive walk: one bubbletea model that shows
// progress, the criteria list and the selected criterion, and saves every
// answer as it is given. Scoring, the file and the catalog live elsewhere;
// this package only shows them and turns keys into changes.
package tui

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// Smallest usable terminal; below it we say so instead of drawing.
const (
	minWidth  = 60
	minHeight = 15
)

// Options configure the walk.
type Options struct {
	File     *model.File
	Catalog  *criteria.Catalog
	Locale   *i18n.Locale
	ReadOnly string // why the file cannot be written; "" when it can
	// GlamourStyle is "dark", "light" or "notty" (no colour), decided once
	// before the program starts so no terminal query runs inside it.
	GlamourStyle string
	// WatchInterval is how often the file is checked for changes made
	// elsewhere; 0 turns the check off (tests).
	WatchInterval time.Duration
	// ScanProposals runs once, in the background (repository evidence).
	ScanProposals func() model.Proposals
	// Carry derives proposals from the answers given (the other
	// series). It runs after every change, so it must be fast; its first run
	// may load every locale (milliseconds each), so that one is made from
	// Init, off the UI goroutine, and the first frame does not wait for it.
	Carry func(*i18n.Locale, model.Answers) model.Proposals
	Now   func() time.Time
}

// Messages, named for what happened.
type (
	answerSavedMsg  struct{ p model.Pending }
	saveFailedMsg   struct{ err error }
	fileCheckMsg    struct{}
	detailsReadyMsg struct{}
	proposalsFound  struct{ ps model.Proposals }
	carryReadyMsg   struct{}
	fileReloadedMsg struct{ f *model.File }
	reloadFailedMsg struct{ err error }
)

// prompt is a question waiting in the status line.
type prompt int

const (
	noPrompt prompt = iota
	promptQuit
	promptConflict
	promptAcceptAll
)

// Model is the walk's state.
type Model struct {
	opts  Options
	file  *model.File
	cat   *criteria.Catalog
	loc   *i18n.Locale
	score *model.Score
	keys  keyMap
	help  help.Model
	st    styles
	rend  *renderer

	level   string
	cursors map[string]string // level -> id under the cursor
	rows    []row
	cursor  int // index in rows, always an entry row when there is one
	offset  int // first row shown

	filter    textinput.Model
	filtering bool
	mode      filterMode

	detail      viewport.Model // scroll state of the detail pane
	detailLines []string
	showDetail  bool // narrow layout: the detail replaces the list

	form      *huh.Form
	draft     *draft
	formEntry *criteria.Entry

	width, height int
	fullHelp      bool

	saving   bool // one save at a time; a change made meanwhile is saved when it lands
	saveErr  error
	savedAt  time.Time
	prompt   prompt
	message  string
	quitting bool

	scanned    model.Proposals
	proposals  model.Proposals
	carryReady bool // Carry has had its first, slow run
}

// New builds the walk's model.
func New(o Options) *Model {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.GlamourStyle == "" {
		o.GlamourStyle = "dark"
	}
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.CharLimit = 80
	m := &Model{
		opts: o, file: o.File, cat: o.Catalog, loc: o.Locale,
		help: help.New(), st: newStyles(), rend: newRenderer(o.GlamourStyle),
		cursors: map[string]string{}, filter: ti, detail: viewport.New(0, 0),
		draft: &draft{}, scanned: model.Proposals{},
	}
	m.keys = newKeyMap(m.loc)
	m.level = m.cat.Levels[0].Name
	m.rescore()
	return m
}

// Init starts the background work: rendering the level's details ahead,
// looking for proposals, watching the file.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.prerender()}
	if m.opts.ScanProposals != nil {
		scan := m.opts.ScanProposals
		cmds = append(cmds, func() tea.Msg { return proposalsFound{scan()} })
	}
	if m.opts.WatchInterval > 0 {
		cmds = append(cmds, m.watch())
	}
	if carry := m.opts.Carry; carry != nil {
		loc := m.loc
		cmds = append(cmds, func() tea.Msg {
			carry(loc, model.Answers{}) // loads what it needs, off the UI goroutine
			return carryReadyMsg{}
		})
	}
	return tea.Batch(cmds...)
}

func (m *Model) watch() tea.Cmd {
	if m.opts.WatchInterval <= 0 {
		return nil
	}
	return tea.Tick(m.opts.WatchInterval, func(time.Time) tea.Msg { return fileCheckMsg{} })
}

// rescore recomputes the figures and the list after any change.
func (m *Model) rescore() {
	m.score = m.file.Score()
	m.proposals = model.Proposals{}
	for _, p := range m.scanned {
		m.proposals.Add(p)
	}
	if m.opts.Carry != nil && m.carryReady {
		for _, p := range m.opts.Carry(m.loc, m.file.Answers) {
			m.proposals.Add(p)
		}
	}
	m.rebuild()
}

func (m *Model) levelScore() model.LevelScore {
	l, _ := m.score.Level(m.level)
	return l
}

// rebuild refreshes the rows, keeping the cursor on the same criterion.
func (m *Model) rebuild() {
	keepID := m.cursors[m.level]
	ls := m.levelScore()
	m.rows = buildRows(ls, func(e *criteria.Entry) string { return m.loc.Criterion(e.Level, e.ID).Title }, m.filter.Value(), m.mode, m.proposals)
	m.cursor = -1
	for i, r := range m.rows {
		if r.entry >= 0 && ls.Entries[r.entry].Entry.ID == keepID {
			m.cursor = i
			break
		}
	}
	if m.cursor < 0 {
		m.cursor = m.nearestEntry(0, 1)
	}
	m.remember()
	m.clampOffset()
	m.refreshDetail()
}

func (m *Model) remember() {
	if es, ok := m.current(); ok {
		m.cursors[m.level] = es.Entry.ID
	}
}

// nearestEntry finds an entry row from i going in direction dir.
func (m *Model) nearestEntry(i, dir int) int {
	for ; i >= 0 && i < len(m.rows); i += dir {
		if m.rows[i].entry >= 0 {
			return i
		}
	}
	return -1
}

// current is the entry under the cursor.
func (m *Model) current() (model.EntryScore, bool) {
	if m.cursor < 0 || m.cursor >= len(m.rows) || m.rows[m.cursor].entry < 0 {
		return model.EntryScore{}, false
	}
	return m.levelScore().Entries[m.rows[m.cursor].entry], true
}

// Update handles one message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.Width = msg.Width
		m.layoutChanged()
		cmds := []tea.Cmd{m.prerender()}
		if m.form != nil {
			m.form = m.form.WithWidth(m.detailWidth())
		}
		return m, tea.Batch(cmds...)
	case answerSavedMsg:
		m.saving = false
		m.file.Saved(msg.p)
		m.saveErr = nil
		m.savedAt = m.opts.Now()
		if m.file.Dirty() {
			return m, m.save(false)
		}
		if m.quitting {
			return m, tea.Quit
		}
		return m, nil
	case saveFailedMsg:
		m.saving = false
		if errors.Is(msg.err, model.ErrChangedOnDisk) {
			m.prompt = promptConflict
			return m, nil
		}
		m.saveErr = msg.err
		if m.quitting {
			m.quitting = false
			m.prompt = promptQuit
		}
		return m, nil
	case fileCheckMsg:
		if !m.saving && m.prompt == noPrompt && m.file.ChangedOnDisk() {
			m.prompt = promptConflict
		}
		return m, m.watch()
	case fileReloadedMsg:
		m.file = msg.f
		m.saveErr = nil
		m.message = m.loc.T("ui.tui.reloaded")
		m.rescore()
		return m, nil
	case reloadFailedMsg:
		m.message = m.loc.T("ui.tui.reload_failed", "Error", safetext.Line(msg.err.Error()))
		return m, nil
	case proposalsFound:
		m.scanned = msg.ps
		m.rescore()
		return m, nil
	case carryReadyMsg:
		m.carryReady = true
		m.rescore()
		return m, nil
	case detailsReadyMsg:
		m.refreshDetail()
		return m, nil
	case formSubmittedMsg:
		return m, m.submitForm()
	case formCancelledMsg:
		m.form = nil
		m.refreshDetail()
		return m, nil
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	if m.form != nil {
		return m, m.updateForm(msg)
	}
	return m, nil
}

func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	f, cmd := m.form.Update(msg)
	if ff, ok := f.(*huh.Form); ok {
		m.form = ff
	}
	return cmd
}

func (m *Model) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if msg.String() == "ctrl+c" {
		return m, m.quit()
	}
	if m.prompt != noPrompt {
		return m, m.answerPrompt(msg)
	}
	if m.form != nil {
		if msg.String() == "esc" {
			m.form = nil
			m.refreshDetail()
			return m, nil
		}
		return m, m.updateForm(msg)
	}
	if m.filtering {
		switch msg.String() {
		case "enter", "down", "up":
			m.filtering = false
			m.filter.Blur()
			return m, nil
		case "esc":
			m.filtering = false
			m.filter.Blur()
			m.filter.SetValue("")
			m.rebuild()
			return m, nil
		}
		var cmd tea.Cmd
		m.filter, cmd = m.filter.Update(msg)
		m.rebuild()
		return m, cmd
	}
	if m.fullHelp {
		m.fullHelp = false
		return m, nil
	}
	m.message = ""
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, m.quit()
	case key.Matches(msg, k.Suspend):
		return m, tea.Suspend
	case key.Matches(msg, k.Help):
		m.fullHelp = true
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.PageUp):
		m.move(-m.listHeight())
	case key.Matches(msg, k.PageDown):
		m.move(m.listHeight())
	case key.Matches(msg, k.Top):
		m.move(-len(m.rows))
	case key.Matches(msg, k.Bottom):
		m.move(len(m.rows))
	case key.Matches(msg, k.NextOpen):
		m.jumpOpen(1)
	case key.Matches(msg, k.PrevOpen):
		m.jumpOpen(-1)
	case key.Matches(msg, k.Met):
		return m, m.setStatus(model.Met)
	case key.Matches(msg, k.Unmet):
		return m, m.setStatus(model.Unmet)
	case key.Matches(msg, k.NA):
		return m, m.setStatus(model.NA)
	case key.Matches(msg, k.Clear):
		return m, m.setStatus(model.Unknown)
	case key.Matches(msg, k.Edit):
		return m, m.openForm()
	case key.Matches(msg, k.Accept):
		return m, m.acceptProposal()
	case key.Matches(msg, k.AcceptAll):
		if m.blockedReadOnly() {
			return m, nil
		}
		if n := len(m.proposals.Open(m.file.Answers)); n > 0 {
			m.prompt = promptAcceptAll
		} else {
			m.message = m.loc.T("ui.tui.no_proposals")
		}
	case key.Matches(msg, k.NextLevel):
		m.switchLevel(1)
		return m, m.prerender()
	case key.Matches(msg, k.PrevLevel):
		m.switchLevel(-1)
		return m, m.prerender()
	case key.Matches(msg, k.Series):
		m.switchSeries()
		return m, m.prerender()
	case key.Matches(msg, k.Filter):
		m.filtering = true
		return m, m.filter.Focus()
	case key.Matches(msg, k.FilterMode):
		m.mode = (m.mode + 1) % filterModes
		m.rebuild()
	case key.Matches(msg, k.ClearFilter):
		if m.showDetail {
			m.showDetail = false
		} else {
			m.filter.SetValue("")
			m.mode = showAll
			m.rebuild()
		}
	case key.Matches(msg, k.Detail):
		m.showDetail = !m.showDetail
		m.refreshDetail()
	case key.Matches(msg, k.DetailDown):
		m.detail.HalfPageDown()
	case key.Matches(msg, k.DetailUp):
		m.detail.HalfPageUp()
	case key.Matches(msg, k.Language):
		m.nextLanguage()
		return m, m.prerender()
	}
	return m, nil
}

func (m *Model) move(delta int) {
	if len(m.rows) == 0 {
		return
	}
	target := max(0, min(len(m.rows)-1, m.cursor+delta))
	dir := 1
	if delta < 0 {
		dir = -1
	}
	next := m.nearestEntry(target, dir)
	if next < 0 {
		next = m.nearestEntry(target, -dir)
	}
	if next < 0 {
		return
	}
	m.cursor = next
	m.remember()
	m.clampOffset()
	m.refreshDetail()
}

// jumpOpen moves to the next entry that still needs an answer, wrapping.
func (m *Model) jumpOpen(dir int) {
	ls := m.levelScore()
	n := len(m.rows)
	for step := 1; step <= n; step++ {
		i := ((m.cursor+dir*step)%n + n) % n
		if r := m.rows[i]; r.entry >= 0 && needsAnswer(ls.Entries[r.entry]) {
			m.cursor = i
			m.remember()
			m.clampOffset()
			m.refreshDetail()
			return
		}
	}
	m.message = m.loc.T("ui.tui.nothing_open", "Level", m.loc.T("ui.level."+m.level))
}

func (m *Model) blockedReadOnly() bool {
	if m.opts.ReadOnly != "" {
		m.message = m.loc.T("ui.tui.read_only", "Reason", m.opts.ReadOnly)
		return true
	}
	return false
}

// setStatus answers the selected criterion with one key, keeping its
// justification.
func (m *Model) setStatus(s model.Status) tea.Cmd {
	es, ok := m.current()
	if !ok || m.blockedReadOnly() {
		return nil
	}
	if es.Entry.Automatic() {
		m.message = m.loc.T("ui.result.automatic", "Level", m.loc.T("ui.level."+criteria.PrerequisiteOf(es.Entry.ID)))
		return nil
	}
	if s == model.NA && !m.allowsNA(es.Entry.ID) {
		m.message = m.loc.T("ui.tui.detail.na_not_allowed")
		return nil
	}
	a := m.file.Answers[es.Entry.ID]
	a.Status = s
	return m.change(es.Entry.ID, a)
}

// allowsNA: one answer serves every level of an id, so N/A must be allowed
// at each of them.
func (m *Model) allowsNA(id string) bool {
	for _, e := range m.cat.EntriesFor(id) {
		if !e.NAAllowed {
			return false
		}
	}
	return true
}

// change records an answer and saves it.
func (m *Model) change(id string, a model.Answer) tea.Cmd {
	m.file.Set(id, model.Answer{Status: a.Status, Justification: a.Justification})
	m.rescore()
	return m.save(false)
}

// save writes the file in the background, one save at a time.
func (m *Model) save(force bool) tea.Cmd {
	if m.saving {
		return nil
	}
	if m.opts.ReadOnly != "" {
		return nil
	}
	m.saving = true
	job := m.file.NewSaveJob()
	return func() tea.Msg {
		p, err := job.Run(force)
		if err != nil {
			return saveFailedMsg{err}
		}
		return answerSavedMsg{p}
	}
}

func (m *Model) quit() tea.Cmd {
	if m.file.Dirty() && m.opts.ReadOnly == "" {
		if m.saving && m.saveErr == nil {
			m.quitting = true // quit once the save in flight lands
			return nil
		}
		m.prompt = promptQuit
		return nil
	}
	m.quitting = true
	return tea.Quit
}

func (m *Model) answerPrompt(msg tea.KeyMsg) tea.Cmd {
	p := m.prompt
	k := msg.String()
	if k == "esc" {
		m.prompt = noPrompt
		return nil
	}
	switch p {
	case promptQuit:
		switch k {
		case "y", "s":
			m.prompt = noPrompt
			m.quitting = true
			if m.saving {
				return nil // the save in flight quits when it lands
			}
			return m.save(false)
		case "n", "q":
			m.prompt = noPrompt
			m.quitting = true
			return tea.Quit
		}
	case promptConflict:
		switch k {
		case "r":
			m.prompt = noPrompt
			path, cat := m.file.Path, m.cat
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
		case "k":
			m.prompt = noPrompt
			return m.save(true)
		}
	case promptAcceptAll:
		switch k {
		case "y":
			m.prompt = noPrompt
			n := 0
			for _, pr := range m.proposals.Open(m.file.Answers) {
				if m.file.Accept(pr) {
					n++
				}
			}
			m.message = m.loc.T("ui.tui.accepted_all", "Count", n)
			m.rescore()
			return m.save(false)
		case "n":
			m.prompt = noPrompt
		}
	}
	return nil
}

func (m *Model) acceptProposal() tea.Cmd {
	es, ok := m.current()
	if !ok || m.blockedReadOnly() {
		return nil
	}
	p, has := m.proposals[es.Entry.ID]
	if !has || m.file.Answers[es.Entry.ID].Status != model.Unknown {
		m.message = m.loc.T("ui.tui.no_proposal")
		return nil
	}
	m.file.Accept(p)
	m.rescore()
	return m.save(false)
}

func (m *Model) openForm() tea.Cmd {
	es, ok := m.current()
	if !ok || m.blockedReadOnly() {
		return nil
	}
	if es.Entry.Automatic() {
		m.message = m.loc.T("ui.result.automatic", "Level", m.loc.T("ui.level."+criteria.PrerequisiteOf(es.Entry.ID)))
		return nil
	}
	m.formEntry = es.Entry
	m.draft = &draft{}
	m.form = newAnswerForm(m.loc, es.Entry, m.file.Answers[es.Entry.ID], m.draft, m.detailWidth())
	return m.form.Init()
}

func (m *Model) submitForm() tea.Cmd {
	e := m.formEntry
	m.form = nil
	s, err := model.ParseStatus(m.draft.status)
	if err != nil || e == nil {
		return nil
	}
	cmd := m.change(e.ID, model.Answer{Status: s, Justification: strings.TrimSpace(m.draft.justification)})
	m.jumpOpen(1)
	return cmd
}

func (m *Model) switchLevel(dir int) {
	levels := m.cat.SeriesLevels(m.series())
	for i, l := range levels {
		if l.Name == m.level {
			m.level = levels[(i+dir+len(levels))%len(levels)].Name
			break
		}
	}
	m.rebuild()
}

func (m *Model) series() string {
	l, _ := m.cat.Level(m.level)
	return l.Series
}

func (m *Model) switchSeries() {
	for _, l := range m.cat.Levels {
		if l.Series != m.series() {
			m.level = l.Name
			break
		}
	}
	m.rebuild()
}

func (m *Model) nextLanguage() {
	tags := i18n.Available()
	cur := 0
	for i, t := range tags {
		if t == m.loc.File().Tag {
			cur = i
		}
	}
	if loc, err := i18n.New(tags[(cur+1)%len(tags)]); err == nil {
		m.loc = loc
		m.keys = newKeyMap(loc)
		m.message = m.loc.T("ui.tui.language", "Name", loc.Name())
		m.rebuild()
	}
}

// Layout.

func (m *Model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

// wide: list and detail side by side.
func (m *Model) wide() bool { return m.width >= 100 }

func (m *Model) compactHeader() bool { return m.height < 24 || m.width < 80 }

func (m *Model) headerHeight() int {
	if m.compactHeader() {
		return 3
	}
	return 2 + len(m.cat.SeriesLevels(m.series()))
}

func (m *Model) bodyHeight() int { return max(1, m.height-m.headerHeight()-2) }

func (m *Model) listWidth() int {
	if m.wide() {
		return min(70, m.width*45/100)
	}
	return m.width
}

func (m *Model) detailWidth() int {
	if m.wide() {
		return m.width - m.listWidth() - 3
	}
	return m.width - 2
}

// listHeight is the rows the list shows (one line is its heading).
func (m *Model) listHeight() int { return max(1, m.bodyHeight()-1) }

func (m *Model) layoutChanged() {
	m.detail.Width = m.detailWidth()
	m.detail.Height = m.bodyHeight()
	m.clampOffset()
	m.refreshDetail()
}

func (m *Model) clampOffset() {
	h := m.listHeight()
	if m.cursor < m.offset {
		m.offset = m.cursor
		// Show the section heading above the first entry when scrolling up.
		if m.offset > 0 && m.rows[m.offset-1].entry < 0 {
			m.offset--
		}
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	m.offset = max(0, min(m.offset, len(m.rows)-h))
	if m.offset < 0 {
		m.offset = 0
	}
}

// prerender renders the current level's fixed texts in the background so
// that moving the cursor finds them ready.
func (m *Model) prerender() tea.Cmd {
	if m.width == 0 {
		return nil
	}
	l, _ := m.cat.Level(m.level)
	loc, width, r := m.loc, m.detailWidth(), m.rend
	entries := append([]*criteria.Entry(nil), l.Entries...)
	return func() tea.Msg {
		for _, e := range entries {
			r.render(loc, e, width)
		}
		return detailsReadyMsg{}
	}
}

// refreshDetail fills the detail pane for the selected criterion.
func (m *Model) refreshDetail() {
	if m.width == 0 {
		return
	}
	es, ok := m.current()
	if !ok {
		m.setDetail(m.loc.T("ui.tui.empty_list"))
		return
	}
	w := m.detailWidth()
	static, ok := m.rend.cached(detailKey{es.Entry.Level, es.Entry.ID, m.loc.Tag.String(), w})
	if !ok {
		static = m.rend.render(m.loc, es.Entry, w)
	}
	m.setDetail(static + "\n\n" + m.answerView(es, w))
	m.detail.GotoTop()
}

func (m *Model) setDetail(s string) {
	m.detail.SetContent(s)
	m.detailLines = strings.Split(s, "\n")
}

// answerView shows the answer as given, and why it does not count yet.
func (m *Model) answerView(es model.EntryScore, width int) string {
	var b strings.Builder
	pad := "  "
	b.WriteString(pad + m.st.Title.Render(m.loc.T("ui.tui.detail.your_answer")) + "\n")
	status := m.loc.T(es.Answer.Status.Key())
	fmt.Fprintf(&b, "%s%s %s\n", pad, model.StatusMark(es), status)
	if j := strings.TrimSpace(safetext.Clean(es.Answer.Justification)); j != "" {
		wrapped := lipgloss.NewStyle().Width(max(10, width-6)).Render(j)
		for _, line := range strings.Split(wrapped, "\n") {
			b.WriteString(pad + "│ " + line + "\n")
		}
	}
	if !es.Result.Satisfied() && es.Result != model.ResultUnknown || es.Entry.Automatic() {
		fmt.Fprintf(&b, "%s%s %s\n", pad, m.st.Problem.Render("!"), model.Reason(m.loc, es))
	}
	if p, ok := m.proposals[es.Entry.ID]; ok && es.Answer.Status == model.Unknown {
		b.WriteString("\n" + pad + m.st.Title.Render(m.loc.T("ui.tui.detail.proposal", "Key", "p")) + "\n")
		fmt.Fprintf(&b, "%s+ %s · %s\n", pad, m.loc.T(p.Status.Key()), safetext.Line(p.Source))
		if p.Justification != "" {
			wrapped := lipgloss.NewStyle().Width(max(10, width-6)).Render(safetext.Clean(p.Justification))
			for _, line := range strings.Split(wrapped, "\n") {
				b.WriteString(pad + "│ " + line + "\n")
			}
		}
		for _, ev := range p.Evidence {
			b.WriteString(pad + "  · " + safetext.Line(ev) + "\n")
		}
	}
	return b.String()
}

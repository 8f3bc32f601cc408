package tui

import (
	"time"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	"github.com/bestpractices/bestpractices/model"
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
	// ScanProposals runs in the background (repository evidence), with its
	// texts in the language given: at start, and again when the user
	// switches language.
	ScanProposals func(*i18n.Locale) model.Proposals
	// Carry derives proposals from the answers given (the other
	// series). It runs after every change, so it must be fast; its first run
	// may load every locale (milliseconds each), so that one is made from
	// Init, off the UI goroutine, and the first frame does not wait for it.
	Carry func(*i18n.Locale, model.Answers) model.Proposals
	// StartLevel is the level shown first ("": the first level).
	StartLevel string
	// Languages is what the language key steps through (the built-in
	// languages, and a --locale-file draft).
	Languages i18n.Cycle
	// Hyperlinks: the terminal shows OSC 8 links (textwidth.Hyperlinks).
	Hyperlinks bool
	// OpenURL opens a link in the browser, Copy puts it on the clipboard;
	// o tries the one then the other, in a tea.Cmd. Nil: not available.
	OpenURL, Copy func(url string) error
	Now           func() time.Time
}

// common is what every part of the walk shares and reads: the file and
// its score, the catalog, the language, the keys and styles, the screen
// size and the level shown. Sub-models hold a pointer to it; only the top
// model changes the file, the level or the language.
type common struct {
	opts      Options
	file      *model.File
	cat       *criteria.Catalog
	loc       *i18n.Locale
	score     *model.Score
	proposals model.Proposals
	unknown   []string // answered ids the catalog does not have
	keys      keyMap
	st        styles
	// kwWidth is the list's keyword column, in cells: the widest keyword
	// of the language, within limits (setLocale measures it).
	kwWidth int

	width, height int
	bottomHeight  int    // the status and help lines (layoutBottom)
	level         string // the level shown
	message       string // feedback on the last key, in the status line
}

func newCommon(o Options) *common {
	c := &common{opts: o, file: o.File, cat: o.Catalog, st: newStyles(), proposals: model.Proposals{}}
	c.setLocale(o.Locale)
	c.level = c.cat.Levels[0].Name
	if _, ok := c.cat.Level(o.StartLevel); ok {
		c.level = o.StartLevel
	}
	c.score = c.file.Score()
	return c
}

// setLocale shows the walk in loc: the keys' help and the widths that
// depend on the language's words.
func (c *common) setLocale(loc *i18n.Locale) {
	c.loc = loc
	c.keys = newKeyMap(loc)
	c.kwWidth = minKeywordWidth
	for _, k := range []criteria.Category{criteria.Must, criteria.Should, criteria.Suggested} {
		c.kwWidth = max(c.kwWidth, textwidth.Width(loc.T("ui.category."+string(k))))
	}
	c.kwWidth = min(c.kwWidth, maxKeywordWidth)
}

// levelScore is the shown level's score.
func (c *common) levelScore() model.LevelScore {
	l, _ := c.score.Level(c.level)
	return l
}

// levelName is a level's name in the user's language.
func (c *common) levelName(level string) string { return c.loc.Level(level) }

// series is the series of the level shown.
func (c *common) series() string {
	l, _ := c.cat.Level(c.level)
	return l.Series
}

// otherSeries is the series not shown.
func (c *common) otherSeries() string {
	for _, l := range c.cat.Levels {
		if l.Series != c.series() {
			return l.Series
		}
	}
	return c.series()
}

// proposal is the open proposal for an unanswered criterion, if any.
func (c *common) proposal(es model.EntryScore) (model.Proposal, bool) {
	p, ok := c.proposals[es.Entry.ID]
	return p, ok && es.Answer.Open()
}

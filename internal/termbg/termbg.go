// Package termbg asks the terminal whether its background is dark, and
// only when a full-screen form or the walk is about to start.
//
// bubbletea v1 asks in an init function (tea_init.go: an OSC 11 query and
// a cursor position report), so every command of a binary that links it
// would pay a round trip to the terminal before main, leave the query in
// captured output, and wait 5 s on a pseudo-terminal that never answers (a
// pre-commit runner's, expect's, some CI's). This package's init runs
// first and settles the answer so that bubbletea's asks nothing: Go
// initialises, among the packages whose imports are ready, the first by
// import path, and this one needs only lipgloss, which bubbletea needs too
// (github.com/bestpractices sorts before github.com/charmbracelet). The
// end-to-end tests on a pseudo-terminal check that no command but the UI
// asks.
package termbg

import (
	"io"
	"os"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func init() {
	// Dark is also what termenv concludes from a terminal that cannot tell.
	lipgloss.SetHasDarkBackground(true)
}

// Ask queries the terminal behind out (when it is one) and makes lipgloss
// use the answer; it reports whether the background is dark. Call it once,
// before the program takes the terminal's input: the reply arrives there.
// TERM=screen*, tmux* and dumb are not asked (termenv knows they cannot
// relay the reply); nor is a writer that is not a terminal.
func Ask(out io.Writer) bool {
	dark := true
	if f, ok := out.(*os.File); ok {
		dark = termenv.NewOutput(f).HasDarkBackground()
	}
	lipgloss.SetHasDarkBackground(dark)
	return dark
}

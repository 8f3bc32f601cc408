package textwidth

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Hyperlinks reports whether to write OSC 8 hyperlinks (a label that
// opens a URL when clicked): the URL itself is then not shown, so only
// where the terminal is known to show them.
//
// NO_HYPERLINKS turns them off; FORCE_HYPERLINKS turns them on ("0": off),
// the user's word for a terminal this list does not know, and for tmux and
// screen, which sit between us and a terminal we cannot see. Without it,
// a multiplexer means no hyperlinks: tmux 3.4 and later passes them on only
// to a terminal it knows shows them, and drops them otherwise, leaving the
// label without its URL. tmux before 3.4 always drops them, so even forced
// they would lose the URL there: never. Whatever a terminal does not know
// it ignores (an OSC sequence is never printed), so forcing is safe.
func Hyperlinks(getenv func(string) string) bool {
	if getenv("NO_HYPERLINKS") != "" {
		return false
	}
	if getenv("TMUX") != "" && !tmuxPassesHyperlinks(getenv) {
		return false
	}
	if f := getenv("FORCE_HYPERLINKS"); f != "" {
		return f != "0"
	}
	if getenv("TMUX") != "" || getenv("STY") != "" {
		return false
	}
	switch getenv("TERM_PROGRAM") {
	case "iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "Tabby", "rio":
		return true
	}
	switch term := getenv("TERM"); {
	case term == "xterm-kitty", term == "foot", strings.HasPrefix(term, "foot-"), term == "xterm-ghostty", term == "alacritty":
		return true
	case term == "dumb" || term == "linux":
		return false
	}
	if getenv("WT_SESSION") != "" || getenv("KONSOLE_VERSION") != "" || getenv("DOMTERM") != "" {
		return true
	}
	if v, err := strconv.Atoi(getenv("VTE_VERSION")); err == nil && v >= 5000 {
		return true // GNOME Terminal, Tilix and the other VTE terminals since 0.50
	}
	return false
}

// tmuxPassesHyperlinks reports whether the tmux we run in is 3.4 or later,
// the first to pass OSC 8 on. tmux says its version in
// TERM_PROGRAM_VERSION ("3.4", "3.3a", "next-3.5"); one that does not say
// is older than that.
func tmuxPassesHyperlinks(getenv func(string) string) bool {
	if getenv("TERM_PROGRAM") != "tmux" {
		return false
	}
	v := strings.TrimPrefix(getenv("TERM_PROGRAM_VERSION"), "next-")
	major, rest, _ := strings.Cut(v, ".")
	minor := strings.TrimRightFunc(rest, func(r rune) bool { return r < '0' || r > '9' })
	ma, err1 := strconv.Atoi(major)
	mi, err2 := strconv.Atoi(minor)
	return err1 == nil && err2 == nil && (ma > 3 || ma == 3 && mi >= 4)
}

// Link shows a link within width cells. With hyperlinks, it is the label
// as an OSC 8 link to url, on one line (the label cut to fit). Without, it
// is the label's lines and then the URL alone on a line of its own, never
// broken even when wider than width, so that it can be selected and
// copied whole. label may be empty: then the URL is the label.
//
// Only printable text goes into the sequence: a URL from a file cannot
// end it early or smuggle another one in.
func Link(label, url string, width int, hyperlinks bool) []string {
	url = cleanURL(url)
	label = strings.TrimSpace(label)
	if hyperlinks && url != "" {
		if label == "" {
			label = url
		}
		return []string{ansi.SetHyperlink(url) + Truncate(label, width) + ansi.ResetHyperlink()}
	}
	var out []string
	if label != "" && label != url {
		out = Wrap(label, width)
	}
	if url != "" {
		out = append(out, url)
	}
	return out
}

// cleanURL keeps the printable, non-space characters of a URL.
func cleanURL(u string) string {
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			return -1
		}
		return r
	}, u)
}

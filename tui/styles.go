package tui

import "github.com/charmbracelet/lipgloss"

// styles holds every look of the walk in one place. With NO_COLOR lipgloss
// drops colour and bold alike, so nothing here is the only sign of a state:
// marks and symbols carry the meaning.
type styles struct {
	Title, Dim, Section, Selected, Keyword, Problem, Good, Warn, Banner, Help lipgloss.Style
	BarFull, BarEmpty                                                         lipgloss.Style
}

func newStyles() styles {
	return styles{
		Title:    lipgloss.NewStyle().Bold(true),
		Dim:      lipgloss.NewStyle().Faint(true),
		Section:  lipgloss.NewStyle().Bold(true).Foreground(lipgloss.AdaptiveColor{Light: "25", Dark: "75"}),
		Selected: lipgloss.NewStyle().Reverse(true),
		Keyword:  lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "240", Dark: "248"}),
		Problem:  lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "160", Dark: "203"}),
		Good:     lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "28", Dark: "78"}),
		Warn:     lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "130", Dark: "214"}),
		Banner:   lipgloss.NewStyle().Bold(true).Foreground(lipgloss.AdaptiveColor{Light: "130", Dark: "214"}),
		Help:     lipgloss.NewStyle().Faint(true),
		BarFull:  lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "28", Dark: "78"}),
		BarEmpty: lipgloss.NewStyle().Faint(true),
	}
}

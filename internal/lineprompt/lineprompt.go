// Package lineprompt asks questions on plain lines, in the user's
// language: the --accessible mode's prompts (screen readers, dumb
// terminals), in place of huh's accessible prompts, whose own words
// ("Enter a number between 1 and 4") are English only.
package lineprompt

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
)

// Prompter reads answers a line at a time from in and writes to out.
type Prompter struct {
	in  *bufio.Reader
	out io.Writer
	loc *i18n.Locale
}

// New returns a prompter in the language of loc.
func New(in io.Reader, out io.Writer, loc *i18n.Locale) *Prompter {
	return &Prompter{in: bufio.NewReader(in), out: out, loc: loc}
}

// ErrEnd is returned when the input ends: nothing half-given counts.
var ErrEnd = io.EOF

// Choose asks for one of options by its number and returns its index. An
// answer that is not one of the numbers asks again, saying which are; the
// end of the input is ErrEnd.
func (p *Prompter) Choose(title string, options []string) (int, error) {
	fmt.Fprintln(p.out, safetext.Line(title))
	for i, o := range options {
		fmt.Fprintf(p.out, "  %d. %s\n", i+1, safetext.Line(o))
	}
	for {
		fmt.Fprint(p.out, p.loc.T("ui.prompt.choose", "Count", len(options))+" ")
		line, err := p.line()
		if err != nil {
			return 0, err
		}
		v := strings.TrimSpace(line)
		n, convErr := strconv.Atoi(v)
		if convErr == nil && n >= 1 && n <= len(options) {
			return n - 1, nil
		}
		if v == "" {
			continue // Enter alone: the question again (" is not one of the choices" said nothing)
		}
		// Escaped, not cleaned: a pasted escape sequence is shown as what it is.
		fmt.Fprintln(p.out, p.loc.T("ui.prompt.not_a_choice", "Value", safetext.Escape(v), "Count", len(options)))
	}
}

// Ask asks for one line of text; check, when given, says what is wrong
// with an answer (in the user's language), and the question is asked
// again. An empty answer is an answer: check decides whether it will do.
func (p *Prompter) Ask(title string, check func(string) error) (string, error) {
	for {
		fmt.Fprint(p.out, safetext.Line(title)+" ")
		line, err := p.line()
		if err != nil {
			return "", err
		}
		line = strings.TrimSpace(line)
		if check == nil {
			return line, nil
		}
		if err := check(line); err != nil {
			fmt.Fprintln(p.out, safetext.Line(err.Error()))
			continue
		}
		return line, nil
	}
}

// line reads one line; a last line without a newline still counts.
func (p *Prompter) line() (string, error) {
	s, err := p.in.ReadString('\n')
	if errors.Is(err, io.EOF) && s != "" {
		return strings.TrimRight(s, "\r"), nil
	}
	if err != nil {
		return "", ErrEnd
	}
	return strings.TrimRight(s, "\r\n"), nil
}

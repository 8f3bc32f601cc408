package tui

import (
	"errors"
	"io"
	"strings"

	"github.com/bestpractices/bestpractices/internal/environ"
	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/secpolicy"
	"github.com/bestpractices/bestpractices/internal/termbg"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// SecurityPolicy asks security-policy's questions (cli.UI.SecurityPolicy),
// the flags' values filled in. Each step is a form of its own: huh's
// accessible mode asks hidden fields too.
func SecurityPolicy(env *environ.Env, a *secpolicy.Answers, site evidence.Site) error {
	loc := env.Loc
	run := formRunner(env)
	var opts []huh.Option[string]
	if u := site.PrivateReportURL(); u != "" {
		opts = append(opts, huh.NewOption(loc.T("ui.detect.security.ask.channel_forge", "URL", u), secpolicy.ChannelForge))
	}
	opts = append(opts,
		huh.NewOption(loc.T("ui.detect.security.ask.channel_email"), secpolicy.ChannelEmail),
		huh.NewOption(loc.T("ui.detect.security.ask.channel_link"), secpolicy.ChannelLink))
	if a.Channel == "" {
		a.Channel = opts[0].Value
	}
	if err := run(huh.NewSelect[string]().Title(loc.T("ui.detect.security.ask.channel")).Options(opts...).Value(&a.Channel)); err != nil {
		return err
	}
	switch a.Channel {
	case secpolicy.ChannelEmail:
		if err := run(huh.NewInput().Title(loc.T("ui.detect.security.ask.email")).Value(&a.Email).
			Validate(func(s string) error { return asError(secpolicy.CheckEmail(loc, s)) })); err != nil {
			return err
		}
	case secpolicy.ChannelLink:
		if err := run(huh.NewInput().Title(loc.T("ui.detect.security.ask.link")).Value(&a.Link).
			Validate(func(s string) error { return asError(secpolicy.CheckHTTPS(loc, "--link", s)) })); err != nil {
			return err
		}
	}
	// In accessible mode an empty line keeps the value shown.
	days := func(flag string, max int) func(string) error {
		return func(s string) error {
			if env.Accessible && strings.TrimSpace(s) == "" {
				return nil
			}
			return asError(secpolicy.CheckDays(loc, flag, s, max))
		}
	}
	return run(
		huh.NewInput().Title(loc.T("ui.detect.security.ask.key")).Value(&a.Key).
			Validate(func(s string) error {
				if s == "" {
					return nil
				}
				return asError(secpolicy.CheckHTTPS(loc, "--key", s))
			}),
		huh.NewInput().Title(loc.T("ui.detect.security.ask.versions")).Value(&a.Versions),
		huh.NewInput().Title(loc.T("ui.detect.security.ask.ack_days")).Value(&a.AckDays).Validate(days("--ack-days", secpolicy.MaxAckDays)),
		huh.NewInput().Title(loc.T("ui.detect.security.ask.embargo_days")).Value(&a.EmbargoDays).Validate(days("--embargo-days", secpolicy.MaxEmbargoDays)),
		huh.NewInput().Title(loc.T("ui.detect.security.ask.advisories")).Value(&a.Advisories),
		huh.NewConfirm().Title(loc.T("ui.detect.security.ask.credit")).
			Affirmative(loc.T("ui.secpolicy.yes")).Negative(loc.T("ui.secpolicy.no")).Value(&a.Credit),
	)
}

// Confirm asks a yes-or-no question, def offered (cli.UI.Confirm).
func Confirm(env *environ.Env, question string, def bool) (bool, error) {
	yes := def
	err := formRunner(env)(huh.NewConfirm().Title(question).
		Affirmative(env.Loc.T("ui.secpolicy.yes")).Negative(env.Loc.T("ui.secpolicy.no")).Value(&yes))
	return yes, err
}

// formRunner returns a function running one form of fields on env's
// streams: full-screen on a terminal, line by line with --accessible. A
// form given up returns secpolicy.ErrCancelled.
func formRunner(env *environ.Env) func(fields ...huh.Field) error {
	var in io.Reader = env.Stdin
	if env.Accessible {
		in = oneLine{env.Stdin}
	} else if !env.NoColor && env.Getenv("NO_COLOR") == "" {
		termbg.Ask(env.Stdout) // the forms' colours follow the background
	}
	return func(fields ...huh.Field) error {
		// WithProgramOptions replaces huh's own options: focus reports kept.
		form := huh.NewForm(huh.NewGroup(fields...)).
			WithProgramOptions(tea.WithReportFocus(), tea.WithFilter(textRunes)).
			WithInput(in).WithOutput(env.Stdout)
		if env.Accessible {
			form = form.WithAccessible(true)
		}
		err := form.Run()
		if errors.Is(err, huh.ErrUserAborted) {
			return secpolicy.ErrCancelled
		}
		return err
	}
}

// textRunes makes runes read together text in a text field: as one
// message their name can be a key's ("end", "right" typed over a slow
// link), which the field would take for that key and lose the word.
func textRunes(m tea.Model, msg tea.Msg) tea.Msg {
	k, ok := msg.(tea.KeyMsg)
	if !ok || k.Type != tea.KeyRunes || len(k.Runes) < 2 || k.Paste || k.Alt {
		return msg
	}
	if f, ok := m.(*huh.Form); ok {
		switch f.GetFocusedField().(type) {
		case *huh.Input, *huh.Text:
			k.Paste = true
			return k
		}
	}
	return msg
}

// oneLine hands huh's accessible prompts at most one line per read, taken
// a byte at a time from r: each prompt reads through a buffered scanner of
// its own, which would otherwise swallow the next answers, and nothing is
// buffered here either, so the next form (or question) reads on from
// where this one stopped.
type oneLine struct{ r io.Reader }

func (l oneLine) Read(p []byte) (int, error) {
	n := 0
	var b [1]byte
	for n < len(p) {
		m, err := l.r.Read(b[:])
		if m == 1 {
			p[n] = b[0]
			n++
			if b[0] == '\n' {
				break
			}
		}
		if err != nil {
			if n == 0 {
				return 0, err
			}
			break
		}
	}
	return n, nil
}

func asError(msg string) error {
	if msg == "" {
		return nil
	}
	return errors.New(msg)
}

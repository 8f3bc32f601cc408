package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/detect"
	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
	"github.com/charmbracelet/huh"
)

func init() {
	register(&Command{Name: "security-policy", Summary: "ui.detect.security.summary", Run: runSecurityPolicy})
}

// Private reporting channels.
const (
	channelForge = "forge"
	channelEmail = "email"
	channelLink  = "link"
)

// policyAnswers are the choices a SECURITY.md is written from.
type policyAnswers struct {
	Channel, Email, Link, Key string
	Versions, Advisories      string
	AckDays, EmbargoDays      string // text, as typed in the form
	Credit                    bool
}

// policyFields are the security criteria a new policy supports.
var policyFields = []string{"vulnerability_report_process", "vulnerability_report_private", "vulnerability_report_response"}

func runSecurityPolicy(env *Env, args []string) int {
	fs := env.flagSet("security-policy")
	a := policyAnswers{}
	fs.StringVar(&a.Channel, "channel", "", "")
	fs.StringVar(&a.Email, "email", "", "")
	fs.StringVar(&a.Link, "link", "", "")
	fs.StringVar(&a.Key, "key", "", "")
	fs.StringVar(&a.Versions, "versions", "", "")
	fs.StringVar(&a.Advisories, "advisories", "", "")
	ack := fs.Int("ack-days", 3, "")
	embargo := fs.Int("embargo-days", 90, "")
	fs.BoolVar(&a.Credit, "credit", true, "")
	force := fs.Bool("force", false, "")
	apply := fs.Bool("apply", false, "")
	if code, ok := env.parse(fs, args, "ui.detect.security.help"); !ok {
		return code
	}
	loc := env.Loc
	a.AckDays, a.EmbargoDays = strconv.Itoa(*ack), strconv.Itoa(*embargo)
	f, ok := env.LoadAnswers()
	if !ok {
		return ExitBadInput
	}
	root := env.RepoRoot()
	site := evidence.Locate(root)
	if a.Channel == "" {
		switch {
		case a.Email != "":
			a.Channel = channelEmail
		case a.Link != "":
			a.Channel = channelLink
		}
	}
	if a.Versions == "" {
		a.Versions = loc.T("ui.detect.security.default_versions")
	}
	if a.Advisories == "" {
		a.Advisories = site.AdvisoriesURL()
	}

	target, existing := policyTarget(root)
	if existing != "" && !*force {
		fmt.Fprintln(env.Stderr, loc.T("ui.detect.security.exists", "File", env.DisplayPath(filepath.Join(root, existing))))
		return ExitBadInput
	}

	interactive := env.IsTerminal || env.Accessible
	if interactive {
		if err := askPolicy(env, &a, site); err != nil {
			if errors.Is(err, huh.ErrUserAborted) {
				return ExitBadInput
			}
			fmt.Fprintln(env.Stderr, loc.T("ui.cli.error", "Message", safetext.Line(err.Error())))
			return ExitBadInput
		}
	} else if a.Channel == "" {
		fmt.Fprintln(env.Stderr, loc.T("ui.detect.security.need_channel"))
		return ExitBadInput
	}
	if msg := validatePolicy(loc, a, site); msg != "" {
		fmt.Fprintln(env.Stderr, msg)
		return ExitBadInput
	}

	path := filepath.Join(root, target)
	if err := model.WriteAtomic(path, []byte(policyText(loc, a, site, projectName(f), root)), 0o644); err != nil {
		fmt.Fprintln(env.Stderr, loc.T("ui.cli.error", "Message", safetext.Line(err.Error())))
		return ExitBadInput
	}
	fmt.Fprintln(env.Stdout, loc.T("ui.detect.security.written", "File", env.DisplayPath(path)))
	if existing != "" && existing != target {
		fmt.Fprintln(env.Stdout, loc.T("ui.detect.security.old_remains", "File", env.DisplayPath(filepath.Join(root, existing))))
	}

	rep, err := detect.SecurityProposals(root, env.Catalog, detect.Options{Loc: loc, NoGitCommand: true})
	if err != nil {
		fmt.Fprintln(env.Stderr, loc.T("ui.cli.error", "Message", safetext.Line(err.Error())))
		return ExitBadInput
	}
	var ps []model.Proposal
	for _, id := range policyFields {
		if p, ok := rep.Proposals[id]; ok {
			ps = append(ps, p)
		}
	}
	fmt.Fprintln(env.Stdout)
	fmt.Fprintln(env.Stdout, loc.T("ui.detect.security.proposals"))
	open := 0
	for _, p := range ps {
		note := ""
		if a := f.Answers[p.ID]; a.Status != model.Unknown {
			note = "  (" + loc.T("ui.detect.answered", "Status", a.Status.String()) + ")"
		} else if p.InBulk() {
			open++
		}
		fmt.Fprintf(env.Stdout, "  %-32s %s%s\n    %s\n", p.ID, p.Status.String(), note, safetext.Line(p.Justification))
	}
	if !*apply && open > 0 {
		fmt.Fprintln(env.Stdout, loc.T("ui.detect.apply_hint", "Count", open))
	}
	if *apply {
		applied, code := applyProposals(env, f, ps, model.AcceptAllMin)
		if code != ExitOK {
			return code
		}
		if len(applied) == 0 {
			fmt.Fprintln(env.Stdout, loc.T("ui.detect.nothing_applied"))
		} else {
			fmt.Fprintln(env.Stdout, loc.T("ui.detect.applied", "Count", len(applied), "File", env.DisplayPath(f.Path)))
			for _, p := range applied {
				fmt.Fprintf(env.Stdout, "  %-32s %s\n", p.ID, p.Status.String())
			}
		}
	}
	return ExitOK
}

// policyTarget is where the policy is written, and the policy already
// there, if any. A Markdown policy is replaced where it is (forges read
// only one); otherwise the new one goes to the root.
func policyTarget(root string) (target, existing string) {
	existing = detect.SecurityPolicyFile(root)
	if existing != "" && strings.EqualFold(filepath.Ext(existing), ".md") {
		return existing, existing
	}
	return "SECURITY.md", existing
}

// lineByLine hands huh's accessible prompts one line per read: each prompt
// reads through a buffered scanner of its own, which would otherwise
// swallow the next answers.
type lineByLine struct{ r *bufio.Reader }

func (l lineByLine) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		b, err := l.r.ReadByte()
		if err != nil {
			if n == 0 {
				return 0, err
			}
			break
		}
		p[n] = b
		n++
		if b == '\n' {
			break
		}
	}
	return n, nil
}

// askPolicy asks the questions, the flags' values filled in. Each step is
// a form of its own: huh's accessible mode asks hidden fields too.
func askPolicy(env *Env, a *policyAnswers, site evidence.Site) error {
	loc := env.Loc
	var in io.Reader = env.Stdin
	if env.Accessible {
		in = lineByLine{bufio.NewReader(env.Stdin)}
	}
	run := func(fields ...huh.Field) error {
		form := huh.NewForm(huh.NewGroup(fields...)).WithInput(in).WithOutput(env.Stdout)
		if env.Accessible {
			form = form.WithAccessible(true)
		}
		return form.Run()
	}
	var opts []huh.Option[string]
	if u := site.PrivateReportURL(); u != "" {
		opts = append(opts, huh.NewOption(loc.T("ui.detect.security.ask.channel_forge", "URL", u), channelForge))
	}
	opts = append(opts,
		huh.NewOption(loc.T("ui.detect.security.ask.channel_email"), channelEmail),
		huh.NewOption(loc.T("ui.detect.security.ask.channel_link"), channelLink))
	if a.Channel == "" {
		a.Channel = opts[0].Value
	}
	if err := run(huh.NewSelect[string]().Title(loc.T("ui.detect.security.ask.channel")).Options(opts...).Value(&a.Channel)); err != nil {
		return err
	}
	switch a.Channel {
	case channelEmail:
		if err := run(huh.NewInput().Title(loc.T("ui.detect.security.ask.email")).Value(&a.Email).
			Validate(func(s string) error { return asError(checkEmail(loc, s)) })); err != nil {
			return err
		}
	case channelLink:
		if err := run(huh.NewInput().Title(loc.T("ui.detect.security.ask.link")).Value(&a.Link).
			Validate(func(s string) error { return asError(checkHTTPS(loc, "--link", s)) })); err != nil {
			return err
		}
	}
	// In accessible mode an empty line keeps the value shown.
	days := func(flag string, max int) func(string) error {
		return func(s string) error {
			if env.Accessible && strings.TrimSpace(s) == "" {
				return nil
			}
			return asError(checkDays(loc, flag, s, max))
		}
	}
	return run(
		huh.NewInput().Title(loc.T("ui.detect.security.ask.key")).Value(&a.Key).
			Validate(func(s string) error {
				if s == "" {
					return nil
				}
				return asError(checkHTTPS(loc, "--key", s))
			}),
		huh.NewInput().Title(loc.T("ui.detect.security.ask.versions")).Value(&a.Versions),
		huh.NewInput().Title(loc.T("ui.detect.security.ask.ack_days")).Value(&a.AckDays).Validate(days("--ack-days", 14)),
		huh.NewInput().Title(loc.T("ui.detect.security.ask.embargo_days")).Value(&a.EmbargoDays).Validate(days("--embargo-days", 365)),
		huh.NewInput().Title(loc.T("ui.detect.security.ask.advisories")).Value(&a.Advisories),
		huh.NewConfirm().Title(loc.T("ui.detect.security.ask.credit")).Value(&a.Credit),
	)
}

func asError(msg string) error {
	if msg == "" {
		return nil
	}
	return errors.New(msg)
}

func checkEmail(loc *i18n.Locale, s string) string {
	if addr, err := mail.ParseAddress(s); err != nil || addr.Address != strings.TrimSpace(s) || !strings.Contains(s[strings.LastIndex(s, "@"):], ".") {
		return loc.T("ui.detect.security.bad_email", "Value", safetext.Line(s))
	}
	return ""
}

func checkHTTPS(loc *i18n.Locale, flag, s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Scheme != "https" || u.Host == "" || strings.ContainsAny(s, " \t\n") {
		return loc.T("ui.detect.security.bad_url", "Flag", flag, "Value", safetext.Line(s))
	}
	return ""
}

func checkDays(loc *i18n.Locale, flag, s string, max int) string {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > max {
		return loc.T("ui.detect.security.bad_days", "Flag", flag, "Value", safetext.Line(s), "Max", max)
	}
	return ""
}

// validatePolicy returns what is wrong with the answers, "" when nothing.
func validatePolicy(loc *i18n.Locale, a policyAnswers, site evidence.Site) string {
	switch a.Channel {
	case channelForge:
		if site.PrivateReportURL() == "" {
			return loc.T("ui.detect.security.no_forge_channel")
		}
	case channelEmail:
		if a.Email == "" {
			return loc.T("ui.detect.security.need_email")
		}
		if msg := checkEmail(loc, a.Email); msg != "" {
			return msg
		}
	case channelLink:
		if a.Link == "" {
			return loc.T("ui.detect.security.need_link")
		}
		if msg := checkHTTPS(loc, "--link", a.Link); msg != "" {
			return msg
		}
	default:
		return loc.T("ui.detect.security.bad_channel", "Value", safetext.Line(a.Channel))
	}
	if a.Key != "" {
		if msg := checkHTTPS(loc, "--key", a.Key); msg != "" {
			return msg
		}
	}
	if msg := checkDays(loc, "--ack-days", a.AckDays, 14); msg != "" {
		return msg
	}
	if msg := checkDays(loc, "--embargo-days", a.EmbargoDays, 365); msg != "" {
		return msg
	}
	if strings.ContainsAny(a.Versions+a.Advisories, "\n\r") {
		return loc.T("ui.detect.security.one_line")
	}
	return ""
}

// policyText writes SECURITY.md from the answers: scope, private
// reporting, what to include, response times, coordinated disclosure,
// advisories and CVEs, credit.
func policyText(loc *i18n.Locale, a policyAnswers, site evidence.Site, project, root string) string {
	if project == "?" {
		project = filepath.Base(root)
	}
	ack, _ := strconv.Atoi(strings.TrimSpace(a.AckDays))
	embargo, _ := strconv.Atoi(strings.TrimSpace(a.EmbargoDays))
	var how string
	switch a.Channel {
	case channelForge:
		key := "ui.detect.security.doc.report_github"
		if site.Forge == evidence.GitLab {
			key = "ui.detect.security.doc.report_gitlab"
		}
		how = loc.T(key, "URL", site.PrivateReportURL())
	case channelEmail:
		how = loc.T("ui.detect.security.doc.report_email", "Email", strings.TrimSpace(a.Email))
	default:
		how = loc.T("ui.detect.security.doc.report_link", "URL", strings.TrimSpace(a.Link))
	}
	if a.Key != "" {
		how += " " + loc.T("ui.detect.security.doc.report_key", "URL", strings.TrimSpace(a.Key))
	}
	advisories := loc.T("ui.detect.security.doc.advisories_notes")
	if w := strings.TrimSpace(a.Advisories); w != "" {
		advisories = loc.T("ui.detect.security.doc.advisories_at", "Where", w)
	}
	credit := loc.T("ui.detect.security.doc.credit_yes")
	if !a.Credit {
		credit = loc.T("ui.detect.security.doc.credit_no")
	}
	return loc.T("ui.detect.security.doc.body",
		"Project", project,
		"Versions", strings.TrimSpace(a.Versions),
		"How", how,
		"AckDays", loc.T("ui.detect.security.doc.days", "Count", ack),
		"EmbargoDays", loc.T("ui.detect.security.doc.days", "Count", embargo),
		"Advisories", advisories,
		"Credit", credit,
	) + "\n"
}

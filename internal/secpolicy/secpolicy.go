// Package secpolicy is what `bestpractices security-policy` writes: the
// choices a SECURITY.md is made from, their checks, and the text. The
// command (internal/cli) takes the choices from flags; the form that asks
// for them is in package tui.
package secpolicy

import (
	"errors"
	"net/mail"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/safetext"
)

// Private reporting channels, as --channel spells them.
const (
	ChannelForge = "forge"
	ChannelEmail = "email"
	ChannelLink  = "link"
)

// Limits of the promised response times, in days.
const (
	MaxAckDays     = 14
	MaxEmbargoDays = 365
)

// ErrCancelled is returned by a form the user gave up (esc, ctrl+c).
var ErrCancelled = errors.New("cancelled")

// Answers are the choices a SECURITY.md is written from.
type Answers struct {
	Channel, Email, Link, Key string
	Versions, Advisories      string
	AckDays, EmbargoDays      string // text, as typed in the form
	Credit                    bool
}

// CheckEmail returns what is wrong with s as a reporting address, "" when
// nothing.
func CheckEmail(loc *i18n.Locale, s string) string {
	if addr, err := mail.ParseAddress(s); err != nil || addr.Address != strings.TrimSpace(s) || !strings.Contains(s[strings.LastIndex(s, "@"):], ".") {
		return loc.T("ui.detect.security.bad_email", "Value", safetext.Line(s))
	}
	return ""
}

// CheckHTTPS returns what is wrong with s as the https address given with
// flag, "" when nothing.
func CheckHTTPS(loc *i18n.Locale, flag, s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Scheme != "https" || u.Host == "" || strings.ContainsAny(s, " \t\n") {
		return loc.T("ui.detect.security.bad_url", "Flag", flag, "Value", safetext.Line(s))
	}
	return ""
}

// CheckDays returns what is wrong with s as a number of days from 1 to
// max given with flag, "" when nothing.
func CheckDays(loc *i18n.Locale, flag, s string, max int) string {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > max {
		return loc.T("ui.detect.security.bad_days", "Flag", flag, "Value", safetext.Line(s), "Max", max)
	}
	return ""
}

// Validate returns what is wrong with the answers, "" when nothing.
func Validate(loc *i18n.Locale, a Answers, site evidence.Site) string {
	switch a.Channel {
	case ChannelForge:
		if site.PrivateReportURL() == "" {
			return loc.T("ui.detect.security.no_forge_channel")
		}
	case ChannelEmail:
		if a.Email == "" {
			return loc.T("ui.detect.security.need_email")
		}
		if msg := CheckEmail(loc, a.Email); msg != "" {
			return msg
		}
	case ChannelLink:
		if a.Link == "" {
			return loc.T("ui.detect.security.need_link")
		}
		if msg := CheckHTTPS(loc, "--link", a.Link); msg != "" {
			return msg
		}
	default:
		return loc.T("ui.detect.security.bad_channel", "Value", safetext.Line(a.Channel))
	}
	if a.Key != "" {
		if msg := CheckHTTPS(loc, "--key", a.Key); msg != "" {
			return msg
		}
	}
	if msg := CheckDays(loc, "--ack-days", a.AckDays, MaxAckDays); msg != "" {
		return msg
	}
	if msg := CheckDays(loc, "--embargo-days", a.EmbargoDays, MaxEmbargoDays); msg != "" {
		return msg
	}
	if strings.ContainsAny(a.Versions+a.Advisories, "\n\r") {
		return loc.T("ui.detect.security.one_line")
	}
	return ""
}

// Text writes SECURITY.md from the answers: scope, private reporting, what
// to include, response times, coordinated disclosure, advisories and CVEs,
// credit. project names the project ("?" for none: root's name is used).
func Text(loc *i18n.Locale, a Answers, site evidence.Site, project, root string) string {
	if project == "?" {
		project = filepath.Base(root)
	}
	ack, _ := strconv.Atoi(strings.TrimSpace(a.AckDays))
	embargo, _ := strconv.Atoi(strings.TrimSpace(a.EmbargoDays))
	var how string
	switch a.Channel {
	case ChannelForge:
		key := "ui.detect.security.doc.report_github"
		if site.Forge == evidence.GitLab {
			key = "ui.detect.security.doc.report_gitlab"
		}
		how = loc.T(key, "URL", site.PrivateReportURL())
	case ChannelEmail:
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

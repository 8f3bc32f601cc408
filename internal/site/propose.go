package site

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

// Host is the badge site.
const Host = "https://www.bestpractices.dev"

// MaxURLLength is the longest link we hand out: browsers and servers
// commonly refuse much beyond 8,000 characters.
const MaxURLLength = 8000

// SiteLocale is the site's language code for the languages the user
// asked for (i18n.Locale.Asked): the first the site serves, else English.
// The one rule is criteria.SiteLanguage.
func SiteLocale(asked ...string) string { return criteria.SiteLanguage(asked...) }

// Link is one proposal link.
type Link struct {
	Level string   // the section it opens
	IDs   []string // criteria it proposes, in order
	URL   string
	Part  int // 1-based among the level's links
	Parts int // how many links the level takes
}

// LinkOptions say what to propose and how.
type LinkOptions struct {
	// Level proposes one level's criteria; "" every level's. A criterion
	// of two levels (report_tracker) is in both: each form takes only its
	// own fields.
	Level string
	// Locale is the site's language code (SiteLocale); "" for English.
	Locale string
	// Only limits the links to these criteria; nil proposes every answer.
	Only []string
	// Override asks the site to replace the answers it has with these
	// (overrides=), status and justification alike, an empty justification
	// included: for criteria known to differ.
	Override bool
}

// Proposed is the links for a project's answers, and the answers no link
// can carry.
type Proposed struct {
	Links []Link
	// TooLong lists the criteria whose answer alone makes a link longer
	// than MaxURLLength (a justification near the site's limit, in a script
	// that takes several bytes a character): they are in no link.
	TooLong []string
}

// Proposals returns the edit links that propose a project's answers on the
// site, one or more per level (the site takes a section's fields only in
// that section's form), each within MaxURLLength. The entry is opened by
// its number when the project has one, else found by p.URL. "?" is never
// sent: in a link it would clear the site's answer.
func Proposals(cat *criteria.Catalog, p model.Project, answers model.Answers, opts LinkOptions) (*Proposed, error) {
	if p.BadgeID <= 0 && strings.TrimSpace(p.URL) == "" {
		return nil, &Error{Code: CodeNoURL}
	}
	var only map[string]bool
	if opts.Only != nil {
		only = setOf(opts.Only...)
	}
	out := &Proposed{}
	for _, l := range cat.Levels {
		if opts.Level != "" && l.Name != opts.Level {
			continue
		}
		var ids []string
		for _, e := range l.Entries {
			a, ok := answers[e.ID]
			if e.Automatic() || !ok || a.Status == model.Unknown || (only != nil && !only[e.ID]) {
				continue
			}
			ids = append(ids, e.ID)
		}
		links, tooLong := levelLinks(p, answers, ids, l.Name, opts)
		out.Links = append(out.Links, links...)
		for _, id := range tooLong {
			if !containsStr(out.TooLong, id) {
				out.TooLong = append(out.TooLong, id)
			}
		}
	}
	return out, nil
}

// levelLinks packs a level's criteria into as few links as fit.
func levelLinks(p model.Project, answers model.Answers, ids []string, level string, opts LinkOptions) ([]Link, []string) {
	base := linkBase(p, level, opts.Locale)
	var links []Link
	var tooLong []string
	var cur *linkBuilder
	for _, id := range ids {
		frag, forced := fields(id, answers[id], opts.Override)
		if cur != nil && cur.fits(frag, forced) {
			cur.add(id, frag, forced)
			continue
		}
		next := newLinkBuilder(base)
		if !next.fits(frag, forced) {
			tooLong = append(tooLong, id)
			continue
		}
		if cur != nil {
			links = append(links, cur.link(level))
		}
		cur = next
		cur.add(id, frag, forced)
	}
	if cur != nil {
		links = append(links, cur.link(level))
	}
	for i := range links {
		links[i].Part, links[i].Parts = i+1, len(links)
	}
	return links, tooLong
}

// EntryJSONURL is where the site serves a project's entry as JSON, the
// file import, diff and propose --overrides read; NUMBER stands for an
// entry not known.
func EntryJSONURL(badgeID int) string {
	n := "NUMBER"
	if badgeID > 0 {
		n = strconv.Itoa(badgeID)
	}
	return Host + "/projects/" + n + ".json"
}

// linkBase is the start of a level's links: the entry's edit form by
// number, else the site's lookup by URL, and the project's name.
func linkBase(p model.Project, level, locale string) string {
	if locale == "" {
		locale = "en"
	}
	var b strings.Builder
	b.WriteString(Host + "/" + locale + "/projects")
	if p.BadgeID > 0 {
		b.WriteString("/" + strconv.Itoa(p.BadgeID) + "/" + url.PathEscape(level) + "/edit?")
	} else {
		b.WriteString("?as=edit&url=" + url.QueryEscape(strings.TrimSpace(p.URL)) + "&section=" + url.QueryEscape(level) + "&")
	}
	if name := strings.TrimSpace(p.Name); name != "" {
		b.WriteString("name=" + url.QueryEscape(name) + "&")
	}
	return b.String()
}

// fields are a criterion's query parameters, and the field names to force.
func fields(id string, a model.Answer, override bool) (string, []string) {
	key := FieldName(id)
	frag := key + "_status=" + url.QueryEscape(a.Status.String())
	j := strings.TrimSpace(a.Justification)
	if j != "" || override {
		frag += "&" + key + "_justification=" + url.QueryEscape(j)
	}
	if !override {
		return frag, nil
	}
	return frag, []string{key + "_status", key + "_justification"}
}

type linkBuilder struct {
	params strings.Builder
	forced []string
	ids    []string
	base   string
}

func newLinkBuilder(base string) *linkBuilder { return &linkBuilder{base: base} }

// overridesLen is the length of "&overrides=" and the fields, comma
// (%2C) separated.
func overridesLen(forced []string) int {
	if len(forced) == 0 {
		return 0
	}
	n := len("&overrides=") + 3*(len(forced)-1)
	for _, f := range forced {
		n += len(url.QueryEscape(f))
	}
	return n
}

func (l *linkBuilder) fits(frag string, forced []string) bool {
	n := len(l.base) + l.params.Len() + len(frag)
	if l.params.Len() > 0 {
		n++ // the "&" before frag
	}
	return n+overridesLen(append(append([]string(nil), l.forced...), forced...)) <= MaxURLLength
}

func (l *linkBuilder) add(id, frag string, forced []string) {
	if l.params.Len() > 0 {
		l.params.WriteByte('&')
	}
	l.params.WriteString(frag)
	l.forced = append(l.forced, forced...)
	l.ids = append(l.ids, id)
}

func (l *linkBuilder) link(level string) Link {
	u := l.base + l.params.String()
	if len(l.forced) > 0 {
		esc := make([]string, len(l.forced))
		for i, f := range l.forced {
			esc[i] = url.QueryEscape(f)
		}
		u += "&overrides=" + strings.Join(esc, "%2C")
	}
	return Link{Level: level, IDs: l.ids, URL: u}
}

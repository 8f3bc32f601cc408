package site

import (
	"net/url"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

// ProposalBase is the site's page that finds a project by its URL and opens
// its edit form with the proposed values highlighted for review.
const ProposalBase = "https://www.bestpractices.dev/en/projects"

// MaxURLLength is the longest link we hand out: browsers and servers
// commonly refuse much beyond 8,000 characters.
const MaxURLLength = 8000

// Link is one proposal link.
type Link struct {
	Level string // the section it opens; "" lets the user choose
	Count int    // criteria it proposes
	URL   string
}

// Proposals returns the edit links that propose a project's answers on the
// site, found by its repository URL p.URL. With a level, one link for that
// level's criteria. Without, one link for every answer when it fits, else
// one per level. A link that is still too long is an error: the answers
// are better given to the site as .bestpractices.json. No answers, no
// links.
func Proposals(cat *criteria.Catalog, p model.Project, answers model.Answers, level string) ([]Link, error) {
	if strings.TrimSpace(p.URL) == "" {
		return nil, &Error{Code: CodeNoURL}
	}
	if level != "" {
		l, ok := cat.Level(level)
		if !ok {
			return nil, nil
		}
		return one(p, answers, levelIDs(l, answers), level)
	}
	all := exported(cat, answers)
	if len(all) == 0 {
		return nil, nil
	}
	if u := proposalURL(p, answers, all, ""); len(u) <= MaxURLLength {
		return []Link{{Count: len(all), URL: u}}, nil
	}
	var out []Link
	for _, l := range cat.Levels {
		links, err := one(p, answers, levelIDs(l, answers), l.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, links...)
	}
	return out, nil
}

func one(p model.Project, answers model.Answers, ids []string, level string) ([]Link, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	u := proposalURL(p, answers, ids, level)
	if len(u) > MaxURLLength {
		return nil, &Error{Code: CodeURLTooLong, Level: level, Size: len(u), Limit: MaxURLLength}
	}
	return []Link{{Level: level, Count: len(ids), URL: u}}, nil
}

// levelIDs lists a level's answered criteria in order.
func levelIDs(l *criteria.Level, answers model.Answers) []string {
	var ids []string
	for _, e := range l.Entries {
		if !e.Automatic() && answers[e.ID].Status != model.Unknown {
			ids = append(ids, e.ID)
		}
	}
	return ids
}

// proposalURL builds the link. "?" is never sent: in a link it would clear
// the site's answer, and an unanswered criterion has nothing to propose.
func proposalURL(p model.Project, answers model.Answers, ids []string, section string) string {
	var b strings.Builder
	b.WriteString(ProposalBase)
	b.WriteString("?as=edit&url=")
	b.WriteString(url.QueryEscape(strings.TrimSpace(p.URL)))
	if section != "" {
		b.WriteString("&section=" + url.QueryEscape(section))
	}
	if name := strings.TrimSpace(p.Name); name != "" {
		b.WriteString("&name=" + url.QueryEscape(name))
	}
	for _, id := range ids {
		a := answers[id]
		key := FieldName(id)
		b.WriteString("&" + key + "_status=" + url.QueryEscape(a.Status.String()))
		if j := strings.TrimSpace(a.Justification); j != "" {
			b.WriteString("&" + key + "_justification=" + url.QueryEscape(j))
		}
	}
	return b.String()
}

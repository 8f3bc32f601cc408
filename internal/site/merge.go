package site

import (
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

// Change is one criterion's answer here (Old) and in the file read (New).
type Change struct {
	ID       string
	Old, New model.Answer
}

// FieldChange is one project field (name, url, badge_id) here and in the
// file read.
type FieldChange struct {
	Field    string
	Old, New string
}

// Merge is what importing a file does to the answers: the criteria it
// fills, the ones that already said the same, and the ones that differ.
type Merge struct {
	Overwrite bool
	Added     []Change
	Same      []Change
	// Conflicts differ from the answers here; they are replaced only with
	// Overwrite.
	Conflicts []Change
	// Project is the project block after the merge, with the fields added
	// and the ones that differ (replaced only with Overwrite).
	Project         model.Project
	ProjectAdded    []FieldChange
	ProjectConflict []FieldChange

	before model.Project
}

// MergeAnswers merges an imported file into the answers and project held:
// an unanswered criterion is filled, an answer given is never replaced
// unless overwrite is set, and the same holds for the project's fields.
func MergeAnswers(cat *criteria.Catalog, have model.Answers, project model.Project, in *Imported, overwrite bool) *Merge {
	m := &Merge{Overwrite: overwrite, Project: project, before: project}
	for _, id := range cat.IDs() {
		n, ok := in.Answers[id]
		if !ok {
			continue
		}
		o := have[id]
		oj, nj := strings.TrimSpace(o.Justification), n.Justification
		c := Change{ID: id, Old: model.Answer{Status: o.Status, Justification: o.Justification}, New: n}
		switch {
		case o.Status == model.Unknown && (oj == "" || nj == "" || oj == nj):
			// Unanswered: fill it, keeping a draft justification when the
			// file has none.
			if nj == "" {
				c.New.Justification = o.Justification
			}
			m.Added = append(m.Added, c)
		case o.Status == n.Status && (nj == "" || oj == nj):
			m.Same = append(m.Same, c)
		default:
			m.Conflicts = append(m.Conflicts, c)
		}
	}
	field := func(name, old, new string, same bool, set func()) {
		switch {
		case new == "" || same:
		case old == "":
			m.ProjectAdded = append(m.ProjectAdded, FieldChange{name, old, new})
			set()
		default:
			m.ProjectConflict = append(m.ProjectConflict, FieldChange{name, old, new})
			if overwrite {
				set()
			}
		}
	}
	p := in.Project
	field("name", project.Name, p.Name, project.Name == p.Name, func() { m.Project.Name = p.Name })
	field("url", project.URL, p.URL, sameURL(project.URL, p.URL), func() { m.Project.URL = p.URL })
	field("badge_id", idText(project.BadgeID), idText(p.BadgeID), project.BadgeID == p.BadgeID, func() { m.Project.BadgeID = p.BadgeID })
	return m
}

// Apply lists the answers to write: the added ones, and the conflicting
// ones when overwriting.
func (m *Merge) Apply() []Change {
	out := append([]Change(nil), m.Added...)
	if m.Overwrite {
		out = append(out, m.Conflicts...)
	}
	return out
}

// Changed reports whether the merge changes anything.
func (m *Merge) Changed() bool {
	return len(m.Apply()) > 0 || m.Project != m.before
}

func idText(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// sameURL ignores what does not change where a URL leads: the case of the
// scheme and host, a trailing slash, a final .git.
func sameURL(a, b string) bool {
	norm := func(s string) string {
		s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "/"), ".git")
		if i := strings.Index(s, "://"); i >= 0 {
			rest := s[i+3:]
			host, path, _ := strings.Cut(rest, "/")
			s = strings.ToLower(s[:i+3]+host) + "/" + path
		}
		return strings.TrimSuffix(s, "/")
	}
	return norm(a) == norm(b)
}

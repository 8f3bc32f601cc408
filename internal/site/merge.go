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

// Side is one of the two answers of a conflict.
type Side int

const (
	Ours   Side = iota // the answers file's
	Theirs             // the imported file's
)

// ParseSide reads "ours" or "theirs".
func ParseSide(s string) (Side, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ours":
		return Ours, true
	case "theirs":
		return Theirs, true
	}
	return Ours, false
}

func (s Side) String() string {
	if s == Theirs {
		return "theirs"
	}
	return "ours"
}

// Why says what decided a conflict.
type Why int

const (
	ByDefault Why = iota // nothing asked: ours is kept
	ByPrefer             // MergeOptions.Prefer
	ByTake               // named in MergeOptions.Take, or chosen in a review
	ByMachine            // one side is still detect's or carry's text, the other a person's answer
)

// Conflict is a criterion answered differently here and in the file, and
// the side that is kept.
type Conflict struct {
	Change
	// OursMachine, TheirsMachine: that side's justification is still the
	// text detect or carry wrote.
	OursMachine, TheirsMachine bool
	Take                       Side
	Why                        Why
}

// Answer is the answer the conflict keeps.
func (c *Conflict) Answer() model.Answer {
	if c.Take == Theirs {
		return c.New
	}
	return c.Old
}

// MergeOptions say how conflicts are settled.
type MergeOptions struct {
	// Prefer settles the conflicts nothing else settles (default Ours).
	Prefer Side
	// Take names criteria whose imported answer is taken, whatever else
	// applies.
	Take []string
	// Machine recognises detect's and carry's justifications: such an
	// answer yields to one a person gave. Nil: no answer is a machine's.
	Machine *MachineText
}

// Merge is what importing a file does to the answers: the criteria it
// fills, the ones that already said the same, and the ones that differ.
type Merge struct {
	Added []Change
	Same  []Change
	// Conflicts differ from the answers here, in catalog order; each says
	// which side is kept (Choose changes it).
	Conflicts []*Conflict
	// Project is the project block after the merge, with the fields added
	// and the ones that differ (replaced when Theirs is preferred).
	Project         model.Project
	ProjectAdded    []FieldChange
	ProjectConflict []FieldChange
	// UnknownTake lists the ids of MergeOptions.Take that are no conflict.
	UnknownTake []string
	// Foreign is the file's repository URL when it is another project's:
	// the site suggests starting from another project's entry, and that
	// project's name and number are not ours. Its answers still merge.
	Foreign string

	prefer Side
	before model.Project
	theirs model.Project
}

// MergeAnswers merges an imported file into the answers and project held:
// an unanswered criterion is filled; where both have an answer and they
// differ, the conflict is settled by opts (ours unless told otherwise, a
// person's answer over a machine's guess). Project fields are filled where
// empty, replaced only when Theirs is preferred.
func MergeAnswers(cat *criteria.Catalog, have model.Answers, project model.Project, in *Imported, opts MergeOptions) *Merge {
	m := &Merge{Project: project, before: project, theirs: in.Project, prefer: opts.Prefer}
	take := map[string]bool{}
	for _, id := range opts.Take {
		take[id] = true
	}
	for _, id := range cat.IDs() {
		n, ok := in.Answers[id]
		if !ok {
			continue
		}
		o := have[id]
		oj, nj := strings.TrimSpace(o.Justification), n.Justification
		c := Change{ID: id, Old: model.Answer{Status: o.Status, Justification: o.Justification}, New: n}
		if n.Status == model.Unknown && o.Status != model.Unknown {
			// A note without a status ("?" or none): the site takes it as
			// a justification alone, never as "clear my answer", so the
			// file's side keeps our status (--prefer theirs cleared a Met).
			c.New.Status = o.Status
		}
		switch {
		case o.Status == model.Unknown && (oj == "" || nj == "" || oj == nj):
			// Unanswered: fill it, keeping a draft justification when the
			// file has none.
			if nj == "" {
				c.New.Justification = o.Justification
			}
			if c.New == c.Old {
				m.Same = append(m.Same, c)
			} else {
				m.Added = append(m.Added, c)
			}
		case o.Status == c.New.Status && (nj == "" || oj == nj):
			m.Same = append(m.Same, c)
		default:
			k := &Conflict{Change: c, OursMachine: opts.Machine.Match(oj), TheirsMachine: opts.Machine.Match(nj)}
			m.settle(k, take[id])
			m.Conflicts = append(m.Conflicts, k)
		}
	}
	for _, id := range opts.Take {
		if m.conflict(id) == nil {
			m.UnknownTake = append(m.UnknownTake, id)
		}
	}
	field := func(name, old, new string, same bool) {
		switch {
		case new == "" || same:
		case old == "":
			m.ProjectAdded = append(m.ProjectAdded, FieldChange{name, old, new})
		default:
			m.ProjectConflict = append(m.ProjectConflict, FieldChange{name, old, new})
		}
	}
	p := in.Project
	if SameProject(project, p) {
		field("name", project.Name, p.Name, project.Name == p.Name)
		field("url", project.URL, p.URL, sameURL(project.URL, p.URL))
		field("badge_id", idText(project.BadgeID), idText(p.BadgeID), project.BadgeID == p.BadgeID)
	} else {
		m.Foreign = p.URL
	}
	m.settleProject()
	return m
}

// SameProject reports whether a file read may be about the project held:
// unless both name a repository and the two differ.
func SameProject(ours, theirs model.Project) bool {
	return ours.URL == "" || theirs.URL == "" || sameURL(ours.URL, theirs.URL)
}

// settle decides a conflict: a name in Take, then a person's answer over a
// machine's, then Prefer.
func (m *Merge) settle(k *Conflict, taken bool) {
	switch {
	case taken:
		k.Take, k.Why = Theirs, ByTake
	case k.OursMachine && !k.TheirsMachine && k.New.Status != model.Unknown:
		k.Take, k.Why = Theirs, ByMachine
	case k.TheirsMachine && !k.OursMachine && k.Old.Status != model.Unknown:
		k.Take, k.Why = Ours, ByMachine
	case m.prefer == Theirs:
		k.Take, k.Why = Theirs, ByPrefer
	default:
		k.Take, k.Why = Ours, ByDefault
	}
}

func (m *Merge) conflict(id string) *Conflict {
	for _, c := range m.Conflicts {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// Choose sets the side kept for one conflict (a person's choice in a
// review); it reports false when id is no conflict.
func (m *Merge) Choose(id string, side Side) bool {
	c := m.conflict(id)
	if c == nil {
		return false
	}
	c.Take, c.Why = side, ByTake
	return true
}

// ChooseAll sets the side kept for every conflict, and for the project's
// differing fields.
func (m *Merge) ChooseAll(side Side) {
	for _, c := range m.Conflicts {
		c.Take, c.Why = side, ByTake
	}
	m.prefer = side
	m.settleProject()
}

// settleProject applies the project fields: those added, and the differing
// ones when Theirs is preferred.
func (m *Merge) settleProject() {
	p := m.before
	for _, c := range m.ProjectAdded {
		m.setField(&p, c.Field)
	}
	if m.prefer == Theirs {
		for _, c := range m.ProjectConflict {
			m.setField(&p, c.Field)
		}
	}
	m.Project = p
}

func (m *Merge) setField(p *model.Project, field string) {
	switch field {
	case "name":
		p.Name = m.theirs.Name
	case "url":
		p.URL = m.theirs.URL
	case "badge_id":
		p.BadgeID = m.theirs.BadgeID
	}
}

// ProjectReplaced reports whether the differing project fields are taken
// from the file.
func (m *Merge) ProjectReplaced() bool { return m.prefer == Theirs }

// Apply lists the answers to write: the added ones, and the conflicts
// settled for the file's answer.
func (m *Merge) Apply() []Change {
	out := append([]Change(nil), m.Added...)
	for _, c := range m.Conflicts {
		if c.Take == Theirs {
			out = append(out, c.Change)
		}
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

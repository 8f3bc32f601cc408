package site

import (
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

func ids(cs []Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func TestMerge(t *testing.T) {
	have := model.Answers{
		"interact":         {Status: model.Met, Justification: "Issues and discussions.\n"}, // same, but for the final newline
		"description_good": {Status: model.Met, Justification: "Ours."},                     // the file has no justification: same
		"test":             {Status: model.Met, Justification: "go test"},                   // differs: conflict
		"english":          {Status: model.Met, Justification: "In English."},               // same status, other words: conflict
		"contribution":     {Status: model.Unknown, Justification: "draft"},                 // a draft, file has none: filled, draft kept
		"discussion":       {Status: model.Unknown, Justification: "draft"},                 // a draft, file says otherwise: conflict
	}
	in := &Imported{
		Project: model.Project{Name: "Site name", URL: "https://GitHub.com/o/p.git", BadgeID: 77},
		Answers: model.Answers{
			"interact":         {Status: model.Met, Justification: "Issues and discussions."},
			"description_good": {Status: model.Met},
			"test":             {Status: model.Unmet, Justification: "No tests."},
			"english":          {Status: model.Met, Justification: "Yes."},
			"contribution":     {Status: model.Met},
			"discussion":       {Status: model.Met, Justification: "Forum."},
			"floss_license":    {Status: model.Met, Justification: "MIT"},
		},
	}
	project := model.Project{Name: "ours", URL: "https://github.com/o/p/"}
	m := MergeAnswers(cat, have, project, in, false)
	check := func(what string, got []string, want ...string) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("%s: %v, want %v", what, got, want)
			return
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: %v, want %v (catalog order)", what, got, want)
				return
			}
		}
	}
	check("added", ids(m.Added), "contribution", "floss_license")
	check("same", ids(m.Same), "description_good", "interact")
	check("conflicts", ids(m.Conflicts), "discussion", "english", "test")
	check("applied", ids(m.Apply()), "contribution", "floss_license")
	if m.Added[0].New != (model.Answer{Status: model.Met, Justification: "draft"}) {
		t.Errorf("draft justification lost: %+v", m.Added[0])
	}
	// The URL is the same place; the name differs; the number is new.
	if m.Project != (model.Project{Name: "ours", URL: "https://github.com/o/p/", BadgeID: 77}) {
		t.Errorf("project %+v", m.Project)
	}
	if len(m.ProjectAdded) != 1 || m.ProjectAdded[0].Field != "badge_id" || len(m.ProjectConflict) != 1 || m.ProjectConflict[0].Field != "name" {
		t.Errorf("project changes %+v / %+v", m.ProjectAdded, m.ProjectConflict)
	}
	if !m.Changed() {
		t.Error("Changed() is false")
	}

	m = MergeAnswers(cat, have, project, in, true)
	check("applied with overwrite", ids(m.Apply()), "contribution", "floss_license", "discussion", "english", "test")
	if m.Project.Name != "Site name" {
		t.Errorf("overwrite keeps the name %q", m.Project.Name)
	}

	// Importing what we hold changes nothing.
	same := &Imported{Project: project, Answers: model.Answers{"test": have["test"]}}
	if m := MergeAnswers(cat, have, project, same, true); m.Changed() || len(m.Same) != 1 {
		t.Errorf("no-op merge: %+v", m)
	}
}

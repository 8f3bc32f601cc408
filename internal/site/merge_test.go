package site

import (
	"reflect"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/model"
)

func ids(cs []Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func conflictIDs(cs []*Conflict) []string {
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
		"maintained":       {Status: model.Met, Justification: "Weekly commits."},           // the file has a note only: conflict
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
			"report_tracker":   {Justification: "To check with Ana."}, // a note: fills an empty criterion
			"maintained":       {Justification: "Pending."},
		},
	}
	project := model.Project{Name: "ours", URL: "https://github.com/o/p/"}
	m := MergeAnswers(cat, have, project, in, MergeOptions{})
	check := func(what string, got []string, want ...string) {
		t.Helper()
		if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("%s: %v, want %v (catalog order)", what, got, want)
		}
	}
	check("added", ids(m.Added), "contribution", "floss_license", "report_tracker")
	check("same", ids(m.Same), "description_good", "interact")
	check("conflicts", conflictIDs(m.Conflicts), "discussion", "english", "maintained", "test")
	check("applied", ids(m.Apply()), "contribution", "floss_license", "report_tracker")
	for _, c := range m.Conflicts {
		if c.Take != Ours || c.Why != ByDefault || c.Answer() != c.Old {
			t.Errorf("%s: %+v", c.ID, c)
		}
	}
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

	m = MergeAnswers(cat, have, project, in, MergeOptions{Prefer: Theirs})
	check("applied, theirs preferred", ids(m.Apply()), "contribution", "floss_license", "report_tracker", "discussion", "english", "maintained", "test")
	if m.Project.Name != "Site name" || !m.ProjectReplaced() {
		t.Errorf("theirs preferred keeps the name %q", m.Project.Name)
	}
	// A note without a status gives its words, never "no answer": the
	// Met stays (taking the file's side cleared it).
	for _, c := range m.Apply() {
		if c.ID == "maintained" && c.New != (model.Answer{Status: model.Met, Justification: "Pending."}) {
			t.Errorf("maintained, theirs preferred: %+v", c.New)
		}
	}

	// --take names the criteria to take; the others stay ours.
	m = MergeAnswers(cat, have, project, in, MergeOptions{Take: []string{"test", "nope", "interact"}})
	check("applied, test taken", ids(m.Apply()), "contribution", "floss_license", "report_tracker", "test")
	check("taken, but no conflict", m.UnknownTake, "nope", "interact")
	if c := m.Conflicts[3]; c.ID != "test" || c.Why != ByTake || c.Answer() != in.Answers["test"] {
		t.Errorf("test: %+v", c)
	}

	// A review chooses one by one, or all at once.
	m = MergeAnswers(cat, have, project, in, MergeOptions{})
	if !m.Choose("english", Theirs) || m.Choose("floss_license", Theirs) {
		t.Error("Choose: a conflict must be chosen, anything else refused")
	}
	check("english chosen", ids(m.Apply()), "contribution", "floss_license", "report_tracker", "english")
	m.ChooseAll(Theirs)
	if len(m.Apply()) != 7 || m.Project.Name != "Site name" {
		t.Errorf("all theirs: %v %+v", ids(m.Apply()), m.Project)
	}
	m.ChooseAll(Ours)
	if len(m.Apply()) != 3 || m.Project.Name != "ours" {
		t.Errorf("all ours: %v %+v", ids(m.Apply()), m.Project)
	}

	// Importing what we hold changes nothing.
	same := &Imported{Project: project, Answers: model.Answers{"test": have["test"]}}
	if m := MergeAnswers(cat, have, project, same, MergeOptions{Prefer: Theirs}); m.Changed() || len(m.Same) != 1 {
		t.Errorf("no-op merge: %+v", m)
	}
}

// An answer whose justification is still what detect or carry wrote yields
// to one a person wrote, whichever side holds it; two people's answers,
// or two machines', are settled by --prefer.
func TestMergeMachineYieldsToPerson(t *testing.T) {
	loc := i18n.English()
	detected := loc.T("ui.detect.j.floss_license", "License", "MIT", "Where", "https://github.com/o/p/blob/main/LICENSE")
	detectedNoURL := loc.T("ui.detect.j.contribution", "Where", "CONTRIBUTING.md") + " " + loc.T("ui.detect.url_needed")
	carried := loc.T("ui.carry.note", "ID", "osps_le_02_01", "Status", loc.T("ui.status.met")) + " Apache-2.0."
	fr, _ := i18n.New("fr")
	detectedFr := fr.T("ui.detect.j.test_invocation", "Command", "go test ./...", "Where", "Makefile:3")

	have := model.Answers{
		"floss_license":   {Status: model.Met, Justification: detected},
		"contribution":    {Status: model.Met, Justification: detectedNoURL},
		"osps_le_02_01":   {Status: model.Met, Justification: carried},
		"test_invocation": {Status: model.Met, Justification: detectedFr},
		"interact":        {Status: model.Met, Justification: "We answer on the forum within a day."},
		"english":         {Status: model.Met, Justification: "All in English."},
		"build":           {Status: model.Met, Justification: loc.T("ui.detect.j.build", "Tool", "make", "Where", "Makefile")},
	}
	in := &Imported{Answers: model.Answers{
		"floss_license":   {Status: model.Met, Justification: "MIT, with the SPDX header in every file."},
		"contribution":    {Status: model.Unmet, Justification: "The guide is out of date; rewriting it."},
		"osps_le_02_01":   {Status: model.Met, Justification: "Apache-2.0 for code and docs."},
		"test_invocation": {Status: model.Met, Justification: "make check"},
		"interact":        {Status: model.Met, Justification: loc.T("ui.detect.j.interact", "Obtain", "a", "Feedback", "b", "Contribute", "c")},
		"english":         {Status: model.Unmet, Justification: "Mostly in Portuguese."},
		"build":           {Status: model.Met, Justification: loc.T("ui.detect.j.build", "Tool", "cmake", "Where", "CMakeLists.txt")},
	}}
	m := MergeAnswers(cat, have, model.Project{}, in, MergeOptions{Machine: NewMachineText()})
	want := map[string]struct {
		take Side
		why  Why
	}{
		"floss_license":   {Theirs, ByMachine},
		"contribution":    {Theirs, ByMachine},
		"osps_le_02_01":   {Theirs, ByMachine},
		"test_invocation": {Theirs, ByMachine},
		"interact":        {Ours, ByMachine},
		"english":         {Ours, ByDefault},
		"build":           {Ours, ByDefault},
	}
	if len(m.Conflicts) != len(want) {
		t.Fatalf("conflicts %v", conflictIDs(m.Conflicts))
	}
	for _, c := range m.Conflicts {
		if w := want[c.ID]; c.Take != w.take || c.Why != w.why {
			t.Errorf("%s: take %s by %d, want %s by %d", c.ID, c.Take, c.Why, w.take, w.why)
		}
	}
	// --prefer theirs does not let a machine's guess replace a person's answer.
	m = MergeAnswers(cat, have, model.Project{}, in, MergeOptions{Machine: NewMachineText(), Prefer: Theirs})
	for _, c := range m.Conflicts {
		if c.ID == "interact" && c.Take != Ours {
			t.Error("--prefer theirs took detect's text over a person's answer")
		}
		if c.ID == "english" && c.Take != Theirs {
			t.Error("--prefer theirs kept ours")
		}
	}
}

func TestMachineText(t *testing.T) {
	m := NewMachineText()
	loc := i18n.English()
	ja, _ := i18n.New("ja")
	for _, j := range []string{
		loc.T("ui.detect.j.test", "Count", 1, "Where", "x_test.go"),
		loc.T("ui.detect.j.test", "Count", 12, "Where", "https://github.com/o/p/blob/main/a_test.go#L1"),
		loc.T("ui.detect.j.repo_distributed"),
		"  " + loc.T("ui.detect.j.maintained", "Date", "2026-01-02", "Where", "git") + "\n",
		ja.T("ui.detect.j.release_notes", "Where", "CHANGELOG.md"),
	} {
		if !m.Match(j) {
			t.Errorf("not recognised: %q", j)
		}
	}
	for _, j := range []string{
		"", "MIT", "The README says what the software does, and the site has a tour.",
		loc.T("ui.detect.j.repo_distributed") + " We mirror it on Codeberg too.",
	} {
		if m.Match(j) {
			t.Errorf("a person's words taken for a machine's: %q", j)
		}
	}
	var none *MachineText
	if none.Match(loc.T("ui.detect.j.repo_distributed")) {
		t.Error("a nil matcher matched")
	}
}

// Another project's entry: its answers merge, its name and number do not.
func TestMergeAnotherProject(t *testing.T) {
	in := &Imported{Project: model.Project{Name: "Theirs", URL: "https://github.com/o/theirs", BadgeID: 9},
		Answers: model.Answers{"test": {Status: model.Met}}}
	ours := model.Project{URL: "https://github.com/o/mine"}
	m := MergeAnswers(cat, nil, ours, in, MergeOptions{Prefer: Theirs})
	if m.Foreign != "https://github.com/o/theirs" || m.Project != ours || len(m.Added) != 1 {
		t.Errorf("%+v", m)
	}
	if !SameProject(model.Project{}, in.Project) || !SameProject(ours, model.Project{BadgeID: 3}) {
		t.Error("a side without a URL is no other project")
	}
}

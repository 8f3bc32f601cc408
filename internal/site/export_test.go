package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

var cat = criteria.Default()

// keysInOrder returns the keys of a JSON object as they appear.
func keysInOrder(t *testing.T, data []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %v %v", tok, err)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func TestExportFormat(t *testing.T) {
	answers := model.Answers{
		"osps_ac_01_01":   {Status: model.Met, Justification: "MFA is required by the org: https://github.com/org"},
		"floss_license":   {Status: model.Met, Justification: "  Apache-2.0 <LICENSE> & more\n"},
		"interact":        {Status: model.Unmet, Justification: "none"},
		"test":            {Status: model.NA},
		"contribution":    {Status: model.Unknown, Justification: "draft"},
		"achieve_passing": {Status: model.Met, Justification: "set by the site"},
		"not_a_criterion": {Status: model.Met},
	}
	data, err := Export(cat, model.Project{Name: "demo", URL: "https://x.org", BadgeID: 3}, answers)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "name": "demo",
  "interact_status": "Unmet",
  "interact_justification": "none",
  "contribution_status": "?",
  "contribution_justification": "draft",
  "floss_license_status": "Met",
  "floss_license_justification": "Apache-2.0 <LICENSE> & more",
  "test_status": "N/A",
  "osps_ac_01_01_status": "Met",
  "osps_ac_01_01_justification": "MFA is required by the org: https://github.com/org"
}
`
	if string(data) != want {
		t.Errorf("got:\n%s\nwant:\n%s", data, want)
	}
	// Same input, same bytes, however the map is built.
	for i := 0; i < 20; i++ {
		copyAnswers := model.Answers{}
		for k, v := range answers {
			copyAnswers[k] = v
		}
		again, _ := Export(cat, model.Project{Name: "demo"}, copyAnswers)
		if !bytes.Equal(again, data) {
			t.Fatal("export is not deterministic")
		}
	}
	empty, err := Export(cat, model.Project{}, nil)
	if err != nil || string(empty) != "{\n}\n" {
		t.Errorf("no answers: %q %v", empty, err)
	}
}

// Every answered criterion appears in catalog order: metal ids, then baseline.
func TestExportCatalogOrder(t *testing.T) {
	answers := model.Answers{}
	for _, id := range cat.IDs() {
		answers[id] = model.Answer{Status: model.Met, Justification: "see https://example.org/" + id}
	}
	data, err := Export(cat, model.Project{}, answers)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, id := range cat.IDs() {
		if criteria.PrerequisiteOf(id) == "" {
			want = append(want, id+"_status", id+"_justification")
		}
	}
	got := keysInOrder(t, data)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("keys:\n%v\nwant:\n%v", got, want)
	}
	if i, j := strings.Index(string(data), "osps_"), strings.LastIndex(string(data), "floss_license"); i < j {
		t.Error("a baseline id comes before a metal one")
	}
}

func TestExportLimits(t *testing.T) {
	at := strings.Repeat("é", MaxJustification) // characters, not bytes
	if _, err := Export(cat, model.Project{}, model.Answers{"test": {Status: model.Met, Justification: at}}); err != nil {
		t.Errorf("a justification of exactly %d characters: %v", MaxJustification, err)
	}
	_, err := Export(cat, model.Project{}, model.Answers{
		"test":          {Status: model.Met, Justification: at + "x"},
		"interact":      {Status: model.Met, Justification: "short"},
		"floss_license": {Status: model.Met, Justification: at + "xyz"},
	})
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeJustificationTooLong {
		t.Fatalf("over the limit: %v", err)
	}
	if len(e.Longest) != 2 || e.Longest[0] != (Length{"floss_license", MaxJustification + 3}) || e.Longest[1] != (Length{"test", MaxJustification + 1}) {
		t.Errorf("named %+v", e.Longest)
	}

	// Many answers under the per-answer limit, over the file limit.
	big := model.Answers{}
	for i, id := range cat.IDs()[:60] {
		big[id] = model.Answer{Status: model.Met, Justification: strings.Repeat("a", 1000+i)}
	}
	_, err = Export(cat, model.Project{}, big)
	if !errors.As(err, &e) || e.Code != CodeExportTooLarge || e.Size <= MaxExportSize || e.Limit != 50_000 {
		t.Fatalf("too large: %v", err)
	}
	// The five longest, longest first.
	ids := cat.IDs()
	if len(e.Longest) != 5 || e.Longest[0].ID != ids[59] || e.Longest[4].ID != ids[55] {
		t.Errorf("longest %+v", e.Longest)
	}
}

// What export writes, import reads back as the same answers.
func TestRoundTrip(t *testing.T) {
	answers := model.Answers{
		"description_good": {Status: model.Met, Justification: "README: https://github.com/o/p#readme \"quoted\" \\ back\tslash"},
		"interact":         {Status: model.Unmet, Justification: "日本語 and emoji 🎉\nsecond line"},
		"test":             {Status: model.NA, Justification: "nothing to test"},
		"report_tracker":   {Status: model.Met, Justification: "https://github.com/o/p/issues"},
		"osps_vm_02_01":    {Status: model.Met, Justification: "SECURITY.md"},
		"osps_do_01_01":    {Status: model.Unmet},
	}
	data, err := Export(cat, model.Project{Name: "p <&> q"}, answers)
	if err != nil {
		t.Fatal(err)
	}
	in, err := Parse(FileName, data, cat)
	if err != nil {
		t.Fatal(err)
	}
	if in.Kind != KindFile || in.Project.Name != "p <&> q" || in.Project.BadgeID != 0 {
		t.Errorf("project %+v kind %s", in.Project, in.Kind)
	}
	if len(in.Answers) != len(answers) {
		t.Errorf("%d answers back, want %d", len(in.Answers), len(answers))
	}
	for id, a := range answers {
		if in.Answers[id] != a {
			t.Errorf("%s: %+v, want %+v", id, in.Answers[id], a)
		}
	}
	// And exporting what was read gives the same bytes.
	again, _ := Export(cat, in.Project, in.Answers)
	if !bytes.Equal(again, data) {
		t.Errorf("second export differs:\n%s\n%s", again, data)
	}
}

package sarif

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/model"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schema compiles the official SARIF 2.1.0 schema (testdata, OASIS errata
// 01), with formats (uri, uri-reference) asserted.
func schema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	fh, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	doc, err := jsonschema.UnmarshalJSON(fh)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(Schema, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(Schema)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validate(t *testing.T, sch *jsonschema.Schema, out []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return sch.Validate(inst)
}

// A file shaped like real answers files: comments, block scalars, an id
// typed wrong, the kinds of answers that do not count.
const answers = `# Answers to the OpenSSF Best Practices badge criteria.
version: 1
project:
  name: demo
  url: https://github.com/demo/demo
answers:
  description_good:
    status: Met
    justification: The README says what it does, https://github.com/demo/demo#readme
  contribution:
    status: Met
    justification: >-
      We take pull requests.
  floss_license:
    status: N/A
    justification: It is not software.
  license_location:
    status: Unmet
  floss_licence:
    status: Met
    justification: typo in the id
  documentation_basics:
    status: Met
    justification: See docs/guide.md for the basics.
`

func build(t *testing.T, o Options) (*Log, []byte) {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, model.DefaultName)
	if err := os.WriteFile(p, []byte(answers), 0o644); err != nil {
		t.Fatal(err)
	}
	cat := criteria.Default()
	f, err := model.Load(p, cat)
	if err != nil {
		t.Fatal(err)
	}
	if o.Loc == nil {
		o.Loc = i18n.English()
	}
	o.Catalog = cat
	if o.Path == "" {
		o.Path = model.DefaultName
	}
	o.Stale = evidence.Stale(dir, evidence.Locate(dir), f.Answers)
	log := Build(f, f.Score(), o)
	var buf bytes.Buffer
	if err := log.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return log, buf.Bytes()
}

type where struct {
	rule, level string
	line        int
}

func TestResultsAtTheAnswersLines(t *testing.T) {
	log, out := build(t, Options{Level: "passing", ToolVersion: "v1.2.3"})
	if err := validate(t, schema(t), out); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v\n%s", err, out)
	}
	run := log.Runs[0]
	var got []where
	for _, r := range run.Results {
		w := where{rule: r.RuleID, level: r.Level}
		if reg := r.Locations[0].Physical.Region; reg != nil {
			w.line = reg.StartLine
		}
		got = append(got, w)
		if rule := run.Tool.Driver.Rules[r.RuleIndex]; rule.ID != r.RuleID {
			t.Errorf("result %s points at rule %s", r.RuleID, rule.ID)
		}
		if a := r.Locations[0].Physical.Artifact; a.URI != ".bestpractices.yaml" || a.URIBaseID != "%SRCROOT%" {
			t.Errorf("artifact %+v", a)
		}
	}
	want := []where{
		{"contribution", "error", 12},           // Met without the URL it needs: at the justification
		{"floss_license", "error", 15},          // N/A where it is not allowed: at the status
		{"license_location", "error", 18},       // a MUST unmet
		{"floss_licence", "warning", 19},        // no such criterion
		{"documentation_basics", "warning", 24}, // cites docs/guide.md, which is not there
	}
	if len(got) != len(want) {
		t.Fatalf("got %d results %+v, want %+v", len(got), got, want)
	}
	for i := range want {
		w := want[i]
		if w.rule == "floss_licence" {
			w.rule = UnknownRule
		}
		if got[i] != w {
			t.Errorf("result %d: got %+v, want %+v", i, got[i], w)
		}
	}
	// The help is what the criterion needs, in our words from the catalog.
	for _, rule := range run.Tool.Driver.Rules {
		if rule.ID == "contribution" {
			req := i18n.English().Criterion("passing", "contribution").Requirement
			if rule.Help == nil || !strings.HasPrefix(rule.Help.Text, req) || !strings.Contains(rule.HelpURI, "#0.contribution") {
				t.Errorf("contribution's rule: %+v", rule)
			}
		}
	}
	if run.Language != "en" || run.Tool.Driver.Version != "v1.2.3" {
		t.Errorf("language %q, version %q", run.Language, run.Tool.Driver.Version)
	}
}

func TestStrictMakesStaleEvidenceAnError(t *testing.T) {
	log, _ := build(t, Options{Level: "passing", Strict: true})
	for _, r := range log.Runs[0].Results {
		if r.RuleID == "documentation_basics" && r.Level != "error" {
			t.Errorf("stale evidence with --strict: %s", r.Level)
		}
	}
}

func TestOtherLanguagesAndPathsStayValid(t *testing.T) {
	sch := schema(t)
	for _, tag := range []string{"fr", "ja"} {
		loc, err := i18n.New(tag)
		if err != nil {
			t.Fatal(err)
		}
		log, out := build(t, Options{Level: "silver", Loc: loc, Path: "docs/our answers #1.yaml"})
		if err := validate(t, sch, out); err != nil {
			t.Errorf("%s: not valid SARIF: %v", tag, err)
		}
		if uri := log.Runs[0].Results[0].Locations[0].Physical.Artifact.URI; uri != "docs/our%20answers%20%231.yaml" {
			t.Errorf("uri %q", uri)
		}
		if log.Runs[0].Language != tag {
			t.Errorf("language %q", log.Runs[0].Language)
		}
	}
	abs, err := filepath.Abs(filepath.Join(t.TempDir(), "answers.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	log, out := build(t, Options{Level: "passing", Path: abs})
	if err := validate(t, sch, out); err != nil {
		t.Errorf("absolute path: %v", err)
	}
	if a := log.Runs[0].Results[0].Locations[0].Physical.Artifact; !strings.HasPrefix(a.URI, "file:///") || a.URIBaseID != "" {
		t.Errorf("outside the repository: %+v", a)
	}
}

// The validator must refuse what SARIF refuses, or the tests above prove
// nothing.
func TestSchemaRefusesBrokenLogs(t *testing.T) {
	sch := schema(t)
	_, out := build(t, Options{Level: "passing"})
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	breakIt := []func(map[string]any){
		func(d map[string]any) { d["version"] = "2.0.0" },
		func(d map[string]any) {
			r := d["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
			r["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)["region"] = map[string]any{"startLine": 0}
		},
		func(d map[string]any) {
			delete(d["runs"].([]any)[0].(map[string]any)["tool"].(map[string]any)["driver"].(map[string]any), "name")
		},
		func(d map[string]any) { d["runs"].([]any)[0].(map[string]any)["language"] = "zh-Hant-TW" },
	}
	for i, f := range breakIt {
		var d map[string]any
		json.Unmarshal(out, &d)
		f(d)
		b, _ := json.Marshal(d)
		if err := validate(t, sch, b); err == nil {
			t.Errorf("broken log %d passed the schema", i)
		}
	}
}

func TestNothingToReport(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, model.DefaultName)
	cat := criteria.Default()
	f := model.New(p, cat, model.Project{Name: "x"})
	log := Build(f, f.Score(), Options{Loc: i18n.English(), Catalog: cat, Level: "passing", Path: model.DefaultName})
	var buf bytes.Buffer
	log.Write(&buf)
	if err := validate(t, schema(t), buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"results": []`) {
		t.Errorf("an empty run still lists its results (none):\n%s", buf.String())
	}
}

// Warnings about a line of the file rather than an answer (keys in the
// wrong case, a line break editors do not show) are each a result at their
// line, under a rule of their own: only the first one was reported, and
// under "Not a criterion id".
func TestFileWarningsEachReported(t *testing.T) {
	const content = "version: 1\nproject:\n  Name: x\nanswers:\n  interact:\n    Status: Met\n  # reviewed\r  floss_license: {status: Met, justification: MIT}\n"
	dir := t.TempDir()
	p := filepath.Join(dir, model.DefaultName)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	cat := criteria.Default()
	f, err := model.Load(p, cat)
	if err != nil {
		t.Fatal(err)
	}
	log := Build(f, f.Score(), Options{Level: "passing", Loc: i18n.English(), Catalog: cat, Path: model.DefaultName})
	var buf bytes.Buffer
	if err := log.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := validate(t, schema(t), buf.Bytes()); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v\n%s", err, buf.Bytes())
	}
	run := log.Runs[0]
	var lines []int
	for _, r := range run.Results {
		if r.RuleID != FileRule {
			continue
		}
		lines = append(lines, r.Locations[0].Physical.Region.StartLine)
		if rule := run.Tool.Driver.Rules[r.RuleIndex]; rule.ID != FileRule || !strings.Contains(rule.ShortDescription.Text, "answers file") {
			t.Errorf("result under rule %+v", rule)
		}
	}
	if want := []int{3, 6, 7}; len(lines) != len(want) || lines[0] != want[0] || lines[1] != want[1] || lines[2] != want[2] {
		t.Errorf("file warnings at lines %v, want %v", lines, want)
	}
}

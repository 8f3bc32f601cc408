package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/model"
)

// FuzzParse feeds the site import parser anything: it never panics, it
// refuses only what is no JSON object (with one of its refusal codes), it
// takes only criteria the badge has, and what it takes survives export
// and import again, onto a fresh file or onto the input itself.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := Parse("in.json", data, cat)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("an error that is no *Error: %v", err)
			}
			switch e.Code {
			case CodeTooLarge, CodeNotUTF8, CodeSyntax, CodeNotObject:
			default:
				t.Fatalf("refused with %s, which should only skip a value", e.Code)
			}
			// Whatever export -o finds there, it does not overwrite it unasked.
			if _, _, err := ExportOnto(cat, model.Project{}, model.Answers{"test": {Status: model.Met}}, data); err == nil && e.Code != CodeTooLarge {
				t.Fatal("export would write over a file import refuses")
			}
			return
		}
		checkImported(t, in)
		for _, s := range in.Skipped {
			if s.Line < 1 || s.Path != "in.json" {
				t.Fatalf("a skipped value without its place: %+v", s)
			}
		}
		// Export, then import: the same answers and name.
		out, err := Export(cat, in.Project, in.Answers)
		if err != nil {
			if !isCode(err, CodeJustificationTooLong) && !isCode(err, CodeExportTooLarge) {
				t.Fatalf("export: %v", err)
			}
			return
		}
		back, err := Parse(FileName, out, cat)
		if err != nil {
			t.Fatalf("export wrote what import refuses: %v\n%s", err, out)
		}
		if d := Compare(cat, in.Answers, back.Answers); len(d) > 0 {
			t.Fatalf("round trip lost %+v", d[0])
		}
		if back.Project.Name != in.Project.Name || len(back.Skipped)+len(back.Unknown)+len(back.Renamed)+len(back.Spelled) > 0 {
			t.Fatalf("round trip: name %q then %q; %v %v %v", in.Project.Name, back.Project.Name, back.Skipped, back.Unknown, back.Renamed)
		}
		// Export onto the input: proven inside, so an error is a refusal.
		if onto, _, err := ExportOnto(cat, in.Project, in.Answers, data); err == nil {
			again, err := Parse(FileName, onto, cat)
			if err != nil {
				t.Fatalf("export onto the file wrote what import refuses: %v", err)
			}
			if d := Compare(cat, in.Answers, SiteReads(again)); len(d) > 0 {
				t.Fatalf("export onto the file lost %+v", d[0])
			}
			// Onto its own output, it changes nothing.
			if twice, re, err := ExportOnto(cat, in.Project, in.Answers, onto); err != nil || string(twice) != string(onto) || len(re) > 0 {
				t.Fatalf("export onto its own output: %v %v\n%s\nthen\n%s", err, re, onto, twice)
			}
		} else if !isCode(err, CodeExportTooLarge) && !isCode(err, CodeJustificationTooLong) {
			t.Fatalf("export onto a file import reads: %v", err)
		}
	})
}

func checkImported(t *testing.T, in *Imported) {
	t.Helper()
	for id, a := range in.Answers {
		if !cat.Known(id) || criteria.PrerequisiteOf(id) != "" {
			t.Fatalf("took %q, which is no criterion one answers", id)
		}
		if a.Status == model.Unknown && a.Justification == "" {
			t.Fatalf("%s: an empty answer taken", id)
		}
		if a.Justification != strings.TrimSpace(a.Justification) || !utf8.ValidString(a.Justification) {
			t.Fatalf("%s: justification not as the site stores it: %q", id, a.Justification)
		}
	}
	if in.Project.BadgeID < 0 || in.Project.Name != strings.TrimSpace(in.Project.Name) {
		t.Fatalf("project %+v", in.Project)
	}
}

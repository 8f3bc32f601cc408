package model

import (
	"errors"
	"strings"
	"testing"
	"unicode"
)

// The answers file's fuzz targets. Their seed corpora (testdata/fuzz/) hold
// the cases of issue 10 and other hostile files; CI runs each for a while
// (.ci/fuzz-targets).

// FuzzAnswersRoundTrip: whatever file loads, setting answers and saving
// either writes text that reads back as intended (every answer, the
// project, every comment), or writes nothing and says why. Never a panic,
// never a wrong file.
func FuzzAnswersRoundTrip(f *testing.F) {
	f.Add([]byte(sample), "We test it.\nSee CONTRIBUTING.md.", uint8(0))
	f.Add([]byte("version: 1\ranswers:\r  test:\r    status: Met\r"), "line\u2028break", uint8(3))
	f.Add([]byte("{version: 1, answers: {test: {status: Met}}} # c\n"), "a, b: {c}", uint8(5))
	f.Fuzz(func(t *testing.T, data []byte, justification string, sel uint8) {
		file, err := Parse("f.yaml", data, cat)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("load error is not a FileError: %v", err)
			}
			return
		}
		intended := roundTripChanges(file, justification, sel)
		p, err := file.Encode()
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.Message.Key == "" {
				t.Fatalf("refusal without a message: %v", err)
			}
			return // refused: nothing written, the user is told
		}
		checkRoundTrip(t, data, p.Data, intended, file.Project)
		// Saving the same answers again changes nothing (no growth).
		file.Saved(p)
		for id, a := range intended {
			file.Set(id, a)
		}
		again, err := file.Encode()
		if err != nil {
			t.Fatalf("second save refused: %v\n%q", err, p.Data)
		}
		if string(again.Data) != string(p.Data) {
			t.Fatalf("saving the same answers changed the file:\n%q\n%q", p.Data, again.Data)
		}
	})
}

// roundTripChanges sets answers chosen by sel: a new one, one the file has,
// one cleared, one with the fuzzed justification. It returns what every
// answer must read back as.
func roundTripChanges(file *File, justification string, sel uint8) Answers {
	var have []string
	for id := range file.Answers {
		have = append(have, id)
	}
	sortStrings(have)
	statuses := []Status{Met, Unmet, NA, Unknown}
	set := func(id string, a Answer) { file.Set(id, a) }
	set("floss_license", Answer{Status: statuses[sel%4], Justification: justification})
	if len(have) > 0 {
		id := have[int(sel/4)%len(have)]
		switch sel % 3 {
		case 0:
			set(id, Answer{})
		case 1:
			set(id, Answer{Status: Unmet, Justification: justification + "\n"})
		default:
			set(id, Answer{Status: file.Answers[id].Status, Justification: strings.ToUpper(justification)})
		}
	}
	if sel&0x80 != 0 {
		file.SetProject(Project{Name: justification, BadgeID: int(sel)})
	}
	out := Answers{}
	for id, a := range file.Answers {
		out[id] = Answer{Status: a.Status, Justification: a.Justification}
	}
	return out
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// checkRoundTrip checks new text independently of the proof: it loads, its
// answers and project are as intended, and the comments the YAML parser
// sees in the old text are all in the new one.
func checkRoundTrip(t *testing.T, old, data []byte, intended Answers, project Project) {
	t.Helper()
	g, err := Parse("f.yaml", data, cat)
	if err != nil {
		t.Fatalf("saved text does not load: %v\nold: %q\nnew: %q", err, old, data)
	}
	for id, want := range intended {
		if got := g.Answers[id]; got.Status != want.Status || got.Justification != want.Justification {
			t.Fatalf("%q reads back as %+v, want %+v\nold: %q\nnew: %q", id, got, want, old, data)
		}
	}
	for id, got := range g.Answers {
		if _, ok := intended[id]; !ok && !cleared(got) {
			t.Fatalf("%q appeared\nold: %q\nnew: %q", id, old, data)
		}
	}
	if g.Project != project {
		t.Fatalf("project %+v, want %+v\nnew: %q", g.Project, project, data)
	}
	o, _ := Parse("f.yaml", old, cat)
	count := map[string]int{}
	for _, c := range treeComments(g.base.doc) {
		count[c]++
	}
	if cs, ok := g.base.spans().comments(); ok {
		for _, c := range cs {
			count[c.text]++
		}
	}
	for _, c := range treeComments(o.base.doc) {
		if count[c] == 0 {
			t.Fatalf("comment %q lost\nold: %q\nnew: %q", c, old, data)
		}
		count[c]--
	}
	if len(data) == 0 && len(intended) > 0 {
		t.Fatalf("empty file written")
	}
}

// FuzzLoad: loading never panics, and where the file could be measured,
// every comment the YAML parser found is one we found too (the proof
// relies on our reading of the comments).
func FuzzLoad(f *testing.F) {
	f.Add([]byte(sample))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse("f.yaml", data, cat)
		if err != nil {
			return
		}
		st := file.base
		cs, ok := st.spans().comments()
		if !ok {
			return
		}
		have := map[string]int{}
		for _, c := range cs {
			// YAML drops a comment's trailing Unicode spaces (U+2009...)
			// from its text; the bytes stay in the file either way.
			have[strings.TrimRightFunc(c.text, unicode.IsSpace)]++
			if c.off < 0 || c.off >= len(data) || data[c.off] != '#' {
				t.Fatalf("comment at %d does not start with #: %q", c.off, data)
			}
		}
		for _, c := range treeComments(st.doc) {
			c = strings.TrimRightFunc(c, unicode.IsSpace)
			if have[c] == 0 {
				t.Fatalf("the parser sees comment %q, we do not: %q (we see %q)", c, data, cs)
			}
			have[c]--
		}
	})
}

package model

import "testing"

// Regression tests for what fuzzing found (FuzzAnswersRoundTrip and a
// variant that failed on every refusal); each input is the one found.

// Setting answers to what the file already says changes not a byte: an
// entry holding only comments, an empty | block, an explicit "?".
func TestSameAnswersChangeNothing(t *testing.T) {
	for _, content := range []string{
		"version: 1\nanswers:\n  floss_license:\n    status: Met\n  test:\n    # why we say so\n    # since 2023\n\n    # at the end of the entry\n  interact:\n    status: Met\n",
		"version: 1\nanswers:\n  floss_license:\n    status: N/A\n  test:\n    status: Met\n    justification: |-\n\n  interact:\n    status: Met\n",
		"version: 1\nanswers:\n  floss_license:\n    status: \"?\"\n  test:\n    # between\n",
		"version: 1\nanswers: {test: {status: '?', justification: ''}, interact: {}}\n",
	} {
		f, err := Parse("f.yaml", []byte(content), cat)
		if err != nil {
			t.Fatal(err)
		}
		for id, a := range f.Answers {
			f.Set(id, a)
		}
		for _, id := range []string{"test", "interact"} {
			f.Set(id, f.Answers[id])
		}
		p, err := f.Encode()
		if err != nil {
			t.Fatalf("%q: %v", content, err)
		}
		if string(p.Data) != content {
			t.Errorf("changed:\n%q\n%q", content, p.Data)
		}
	}
}

// A file ending without a line break, a field added to its last entry and
// a new entry after it: the field stays in its entry.
func TestInsertsAtTheEndOfAFileWithoutLineBreak(t *testing.T) {
	f, err := Parse("f.yaml", []byte("answers: #00000000\n 0:\n  status:"), cat)
	if err != nil {
		t.Fatal(err)
	}
	f.Set("0", Answer{Justification: "\n0"})
	f.Set("floss_license", Answer{Status: Unmet, Justification: "\n0"})
	p, err := f.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if want := "answers: #00000000\n 0:\n  status:\n  justification: \"\\n0\"\n floss_license:\n  status: Unmet\n  justification: \"\\n0\"\n"; string(p.Data) != want || p.Reencoded {
		t.Errorf("got  %q\nwant %q", p.Data, want)
	}
}

// Text that is not UTF-8 cannot be in the file: Set keeps what the file
// will say (U+FFFD), and the save goes through.
func TestInvalidUTF8Justification(t *testing.T) {
	f, err := Parse("f.yaml", []byte("answers:\n 0: \n  justification: '\u202800000'"), cat)
	if err != nil {
		t.Fatal(err)
	}
	f.Set("floss_license", Answer{Status: Met, Justification: "caf\xe9"})
	if j := f.Answers["floss_license"].Justification; j != "caf\uFFFD" {
		t.Errorf("in memory %q", j)
	}
	p, err := f.Encode()
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse("f.yaml", p.Data, cat)
	if err != nil || g.Answers["floss_license"].Justification != "caf\uFFFD" {
		t.Errorf("got %q: %v", p.Data, err)
	}
}

// A removal and a new entry at the same place: both are made in place
// (the file is not re-encoded).
func TestRemovalAndInsertAtOnePlace(t *testing.T) {
	f, err := Parse("f.yaml", []byte("version: 1\nanswers:\n  floss_license:\n    status: Met\n  test:\n    status: Met\n"), cat)
	if err != nil {
		t.Fatal(err)
	}
	f.Set("interact", Answer{Status: Met})
	f.Set("floss_license", Answer{})
	p, err := f.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if want := "version: 1\nanswers:\n  interact:\n    status: Met\n  test:\n    status: Met\n"; string(p.Data) != want || p.Reencoded {
		t.Errorf("got %q (re-encoded %v)", p.Data, p.Reencoded)
	}
}

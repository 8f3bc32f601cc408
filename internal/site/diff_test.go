package site

import (
	"fmt"
	"testing"
)

func TestDiff(t *testing.T) {
	want := []byte(`{"name": "p", "test_status": "Met", "test_justification": "go test", "interact_status": "Met"}`)
	got := []byte(`{"name": "p", "test_status": "Unmet", "interact_status": "Met", "english_status": "Met", "n": 3}`)
	d, err := Diff(want, got)
	if err != nil {
		t.Fatal(err)
	}
	wantDiff := "[{test_status Met Unmet true true} {test_justification go test  true false} {english_status  Met false true} {n  3 false true}]"
	if fmt.Sprint(d) != wantDiff {
		t.Errorf("diff %v", d)
	}
	// Same fields, other layout: no differences.
	if d, err := Diff(want, []byte("{\"interact_status\":\"Met\",\"name\":\"p\",\n\"test_justification\":\"go test\",\"test_status\":\"Met\"}")); err != nil || len(d) != 0 {
		t.Errorf("layout only: %v %v", d, err)
	}
	for _, bad := range []string{"[]", "{", `{"a": 1} x`, ""} {
		if _, err := Diff(want, []byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

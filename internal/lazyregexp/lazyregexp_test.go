package lazyregexp

import (
	"sync"
	"testing"
)

func TestCompiledOnFirstUseOnly(t *testing.T) {
	r := New(`^v(\d+)$`)
	if r.rx != nil {
		t.Fatal("compiled before first use")
	}
	if !r.MatchString("v12") || r.MatchString("x12") {
		t.Error("does not match as the pattern says")
	}
	first := r.Regexp()
	if got := r.FindStringSubmatch("v7"); len(got) != 2 || got[1] != "7" {
		t.Errorf("FindStringSubmatch = %q", got)
	}
	if r.Regexp() != first {
		t.Error("compiled twice")
	}
}

func TestConcurrentFirstUse(t *testing.T) {
	r := New(`a+`)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if r.FindString("baaab") != "aaa" {
				t.Error("wrong match")
			}
		}()
	}
	wg.Wait()
}

func TestBadPatternPanicsOnUse(t *testing.T) {
	r := New(`(`) // no panic here: nothing is compiled yet
	defer func() {
		if recover() == nil {
			t.Error("an invalid pattern did not panic on use")
		}
	}()
	r.MatchString("x")
}

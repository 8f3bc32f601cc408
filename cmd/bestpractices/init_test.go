package main

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Budgets for the work our packages do before main, as the runtime counts
// it (GODEBUG=inittrace=1): a few small lookup tables fit; a compiled
// pattern (50 to 100 allocations), a parsed catalog (21,000) or a locale
// file do not. Allocations, not time: the count does not depend on the
// machine. Build such things on first use (sync.OnceValue, lazyregexp).
const (
	initAllocsPerPackage = 64
	initBytesPerPackage  = 16 << 10
	initAllocsInAll      = 256 // ten packages with a few small tables each
)

var initLine = regexp.MustCompile(`^init (\S+) @\S+ ms, \S+ ms clock, (\d+) bytes, (\d+) allocs$`)

func TestOurPackagesDoNoWorkBeforeMain(t *testing.T) {
	bin := buildBinary(t)
	cmd := exec.Command(bin, "--version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	seen, total := 0, 0
	for _, line := range strings.Split(string(out), "\n") {
		m := initLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		seen++
		if !strings.HasPrefix(m[1], "github.com/bestpractices/bestpractices/") && m[1] != "main" {
			continue
		}
		bytes, _ := strconv.Atoi(m[2])
		allocs, _ := strconv.Atoi(m[3])
		total += allocs
		t.Logf("%s: %d bytes, %d allocations", m[1], bytes, allocs)
		if allocs > initAllocsPerPackage || bytes > initBytesPerPackage {
			t.Errorf("%s allocates %d times (%d bytes) before main, over the budget of %d (%d bytes): build what it needs on first use", m[1], allocs, bytes, initAllocsPerPackage, initBytesPerPackage)
		}
	}
	if seen == 0 {
		t.Fatalf("no inittrace lines: did GODEBUG=inittrace=1 change its format?\n%s", out)
	}
	if total > initAllocsInAll {
		t.Errorf("our packages allocate %d times before main, over the budget of %d", total, initAllocsInAll)
	}
}

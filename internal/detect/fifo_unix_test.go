//go:build unix

package detect

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/internal/fifotest"
	"github.com/bestpractices/bestpractices/model"
)

// A named pipe where a README should be must not block the scan.
func TestNotRegularFile(t *testing.T) {
	dir := fixture(t, map[string]string{"LICENSE": mitText})
	fifotest.Make(t, filepath.Join(dir, "README.md"))
	var rep *Report
	fifotest.Within(t, func() { rep = scan(t, dir) })
	if !uncheckedHas(rep, "README.md", "not a regular file") {
		t.Errorf("named pipe not reported: %v", rep.Unchecked)
	}
	want(t, rep, "floss_license", model.Met, "MIT")
}

// A named pipe where CONTRIBUTING.md should be is not read, so it proposes
// nothing, and --explain says why the criterion is left.
func TestFIFOContributingGivesNoProposal(t *testing.T) {
	dir := fixture(t, map[string]string{"README.md": "# W\n"})
	fifotest.Make(t, filepath.Join(dir, "CONTRIBUTING.md"))
	var rep *Report
	fifotest.Within(t, func() { rep = scan(t, dir) })
	if !uncheckedHas(rep, "CONTRIBUTING.md", "not a regular file") {
		t.Errorf("named pipe not reported: %v", rep.Unchecked)
	}
	none(t, rep, "contribution")
	none(t, rep, "contribution_requirements")
	if u := undecidedOf(rep, "contribution"); u.Why != WhyNotRead {
		t.Errorf("contribution: %+v, want not_read", u)
	}
}

// The git command opens its files blocking: with a named pipe among the
// files it reads for one log entry (config, HEAD, packed-refs, the ref),
// the scan waited ten seconds for it (detect on a repository whose
// .git/config is a pipe). It is not run then; the scan says the commit
// date is unknown. A stand-in git records whether it was run.
func TestGitCommandNotRunOnPipes(t *testing.T) {
	for _, pipe := range []string{".git/config", ".git/HEAD", ".git/packed-refs", ".git/refs/heads/main", ".git/objects/pack/pack-1.idx"} {
		t.Run(pipe, func(t *testing.T) {
			bin := t.TempDir()
			ran := filepath.Join(bin, "ran")
			script := "#!/bin/sh\necho ran > '" + ran + "'\nexit 1\n"
			if err := os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755); err != nil {
				t.Fatal(err)
			}
			t.Setenv("PATH", bin)
			dir := fixture(t, map[string]string{"README.md": "# W\n"})
			fakeGit(t, dir, "https://github.com/o/r")
			p := filepath.Join(dir, filepath.FromSlash(pipe))
			os.Remove(p)
			fifotest.Make(t, p)
			var err error
			fifotest.Within(t, func() { _, err = Scan(dir, criteria.Default(), Options{Now: now}) })
			if err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(ran); err == nil {
				t.Errorf("git was run with a named pipe at %s", pipe)
			}
		})
	}
	// With regular files, the git command is asked (the stand-in fails,
	// and the scan goes on without a date).
	bin := t.TempDir()
	ran := filepath.Join(bin, "ran")
	os.WriteFile(filepath.Join(bin, "git"), []byte("#!/bin/sh\necho ran > '"+ran+"'\nexit 1\n"), 0o755)
	t.Setenv("PATH", bin)
	dir := fixture(t, map[string]string{"README.md": "# W\n"})
	fakeGit(t, dir, "https://github.com/o/r")
	if _, err := Scan(dir, criteria.Default(), Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(ran); err != nil {
		t.Error("git was not run on an ordinary repository")
	}
}

// The Baseline controls that the same documents answer are left for the
// same reason as their badge counterparts: a FIFO CONTRIBUTING.md and a
// binary SECURITY.md were not read, not found missing.
func TestBaselineCounterpartsNotRead(t *testing.T) {
	dir := fixture(t, map[string]string{
		"README.md":   "# widget\n\nwidget parses widgets into records.\n",
		"LICENSE":     mitText,
		"SECURITY.md": "# Security\x00\x01\x02 policy exported as a binary document",
	})
	fifotest.Make(t, filepath.Join(dir, "CONTRIBUTING.md"))
	var rep *Report
	fifotest.Within(t, func() { rep = scan(t, dir) })
	pairs := map[string]string{"osps_gv_03_01": "contribution", "osps_vm_02_01": "vulnerability_report_private", "osps_vm_03_01": "vulnerability_report_private"}
	for baseline, metal := range pairs {
		none(t, rep, baseline)
		b, m := undecidedOf(rep, baseline), undecidedOf(rep, metal)
		if b.Why != WhyNotRead || m.Why != WhyNotRead || b.Note != m.Note {
			t.Errorf("%s %+v and %s %+v: both must be not_read, for the same file", baseline, b, metal, m)
		}
	}
}

// Package action tests the GitHub Action's step, action/check.sh, as a
// runner would run it: inputs in the environment, a release to download
// (file:// URLs stand in for the release server), the job summary and the
// step's outputs in files.
package action

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
)

// TestMain removes the binary the tests shared, if one was built.
func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// shared is bestpractices for this machine, built once for all the tests.
var shared struct {
	once      sync.Once
	dir, path string
	err       error
}

// release makes release v9.9.9 of bestpractices for this machine, with its
// SHA256SUMS, in a directory of the test's own (a test may tamper with it).
func release(t *testing.T) (url, asset string) {
	t.Helper()
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("skipping: curl is not installed")
	}
	shared.once.Do(func() {
		if shared.dir, shared.err = os.MkdirTemp("", "bestpractices-action-"); shared.err != nil {
			return
		}
		shared.path = filepath.Join(shared.dir, "bestpractices")
		if out, err := exec.Command("go", "build", "-o", shared.path, "../cmd/bestpractices").CombinedOutput(); err != nil {
			shared.err = fmt.Errorf("%v\n%s", err, out)
		}
	})
	if shared.err != nil {
		t.Fatalf("build: %v", shared.err)
	}
	dir := t.TempDir()
	asset = "bestpractices_v9.9.9_" + runtime.GOOS + "_" + runtime.GOARCH
	if runtime.GOOS == "windows" {
		asset += ".exe"
	}
	rel := filepath.Join(dir, "v9.9.9")
	os.MkdirAll(rel, 0o755)
	data, err := os.ReadFile(shared.path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(rel, asset), data, 0o755); err != nil {
		t.Fatal(err)
	}
	writeSums(t, rel)
	return "file://" + dir, asset
}

func writeSums(t *testing.T, rel string) {
	t.Helper()
	entries, _ := os.ReadDir(rel)
	var b strings.Builder
	for _, e := range entries {
		if e.Name() == "SHA256SUMS" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(rel, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		b.WriteString(hex.EncodeToString(sum[:]) + "  " + e.Name() + "\n")
	}
	os.WriteFile(filepath.Join(rel, "SHA256SUMS"), []byte(b.String()), 0o644)
}

// repo is a repository whose answers reach passing, not silver.
func repo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, ".git"), 0o755)
	var b strings.Builder
	b.WriteString("version: 1\nproject:\n  name: demo\nanswers:\n")
	l, _ := criteria.Default().Level("passing")
	for _, e := range l.Entries {
		b.WriteString("  " + e.ID + ":\n    status: Met\n    justification: See https://example.org/" + e.ID + "\n")
	}
	os.WriteFile(filepath.Join(dir, ".bestpractices.yaml"), []byte(b.String()), 0o644)
	return dir
}

type step struct {
	code            int
	log             string
	summary, output string
}

// runStep runs action/check.sh in dir with the inputs, as the runner does.
func runStep(t *testing.T, dir string, inputs map[string]string) step {
	t.Helper()
	script, _ := filepath.Abs("check.sh")
	actionPath, _ := filepath.Abs("..")
	runner := t.TempDir()
	summary, output := filepath.Join(runner, "summary.md"), filepath.Join(runner, "output")
	cmd := exec.Command("bash", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GITHUB_STEP_SUMMARY="+summary, "GITHUB_OUTPUT="+output, "GITHUB_ACTION_PATH="+actionPath,
		"RUNNER_OS="+map[string]string{"linux": "Linux", "darwin": "macOS", "windows": "Windows"}[runtime.GOOS],
		"RUNNER_ARCH="+map[string]string{"amd64": "X64", "arm64": "ARM64"}[runtime.GOARCH], "ACTION_REF=")
	for k, v := range inputs {
		cmd.Env = append(cmd.Env, "INPUT_"+strings.ToUpper(strings.ReplaceAll(k, "-", "_"))+"="+v)
	}
	out, err := cmd.CombinedOutput()
	s := step{log: string(out)}
	if ee, ok := err.(*exec.ExitError); ok {
		s.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	sb, _ := os.ReadFile(summary)
	ob, _ := os.ReadFile(output)
	s.summary, s.output = string(sb), string(ob)
	return s
}

func TestActionChecksTheLevelAndWritesTheSummary(t *testing.T) {
	url, _ := release(t)
	dir := repo(t)
	inputs := func(kv ...string) map[string]string {
		m := map[string]string{"version": "v9.9.9", "release-url": url}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}

	s := runStep(t, dir, inputs())
	if s.code != 0 || !strings.Contains(s.log, "passing achieved") || s.output != "exit-code=0\n" {
		t.Errorf("passing: %d %q\n%s", s.code, s.output, s.log)
	}
	if !strings.Contains(s.summary, "# Best Practices badge: demo") || !strings.Contains(s.summary, "| **passing** ✓ | 100% |") {
		t.Errorf("the summary is not the Markdown report:\n%s", s.summary)
	}

	s = runStep(t, dir, inputs("level", "silver", "lang", "fr"))
	if s.code != 1 || s.output != "exit-code=1\n" || !strings.Contains(s.summary, "    Niveau argent non atteint") {
		t.Errorf("silver: %d %q\n%s\n%s", s.code, s.output, s.log, s.summary)
	}

	s = runStep(t, dir, inputs("json-in-sync", "true"))
	if s.code != 1 || !strings.Contains(s.log, ".bestpractices.json") {
		t.Errorf("json-in-sync without the file: %d\n%s", s.code, s.log)
	}

	sarif := filepath.Join(t.TempDir(), "bp.sarif")
	s = runStep(t, dir, inputs("level", "silver", "sarif", sarif))
	var log struct {
		Version string `json:"version"`
	}
	data, _ := os.ReadFile(sarif)
	if s.code != 1 || json.Unmarshal(data, &log) != nil || log.Version != "2.1.0" {
		t.Errorf("sarif: %d %q\n%s", s.code, data, s.log)
	}

	for _, bad := range []map[string]string{
		inputs("level", "platinum"),
		inputs("strict", "yes"),
		inputs("install", "docker"),
		inputs("version", "latest; rm -rf /"),
		inputs("file", ".git", "summary", "false"), // a directory: cannot be read
	} {
		s = runStep(t, dir, bad)
		if s.code != 2 || s.output != "exit-code=2\n" {
			t.Errorf("%v: %d %q\n%s", bad, s.code, s.output, s.log)
		}
	}
}

// A download that does not match SHA256SUMS is never run.
func TestActionRefusesATamperedRelease(t *testing.T) {
	url, asset := release(t)
	p := filepath.Join(strings.TrimPrefix(url, "file://"), "v9.9.9", asset)
	os.WriteFile(p, []byte("#!/bin/sh\necho pwned > pwned\n"), 0o755)
	dir := repo(t)
	s := runStep(t, dir, map[string]string{"version": "v9.9.9", "release-url": url})
	if s.code != 2 || !strings.Contains(s.log, "SHA-256") {
		t.Errorf("tampered: %d\n%s", s.code, s.log)
	}
	if _, err := os.Stat(filepath.Join(dir, "pwned")); err == nil {
		t.Error("the tampered download ran")
	}
	s = runStep(t, dir, map[string]string{"version": "v9.9.8", "release-url": url})
	if s.code != 2 || !strings.Contains(s.log, "could not download") {
		t.Errorf("no such release: %d\n%s", s.code, s.log)
	}
}

// Built from the action's own source (no release yet), or taken from PATH.
func TestActionOtherInstalls(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the build from source in -short mode")
	}
	dir := repo(t)
	if s := runStep(t, dir, map[string]string{}); s.code != 0 || !strings.Contains(s.log, "passing achieved") {
		t.Errorf("source: %d\n%s", s.code, s.log)
	}
	url, asset := release(t)
	bin := filepath.Join(t.TempDir(), "bestpractices")
	data, _ := os.ReadFile(filepath.Join(strings.TrimPrefix(url, "file://"), "v9.9.9", asset))
	os.WriteFile(bin, data, 0o755)
	t.Setenv("PATH", filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
	if s := runStep(t, dir, map[string]string{"install": "path"}); s.code != 0 {
		t.Errorf("path: %d\n%s", s.code, s.log)
	}
}

// Mistakes in the workflow's inputs are told as such (exit 2), not as a
// level missed: a mistyped answers file, a SARIF path in a directory that
// does not exist.
func TestActionInputMistakes(t *testing.T) {
	url, _ := release(t)
	dir := repo(t)
	s := runStep(t, dir, map[string]string{"version": "v9.9.9", "release-url": url, "file": "typo.yaml"})
	if s.code != 2 || !strings.Contains(s.log, "typo.yaml does not exist") || !strings.Contains(s.output, "exit-code=2") {
		t.Errorf("a mistyped file: %d\n%s", s.code, s.log)
	}
	s = runStep(t, dir, map[string]string{"version": "v9.9.9", "release-url": url, "sarif": filepath.Join(dir, "no", "such", "x.sarif")})
	if s.code != 2 || !strings.Contains(s.log, "could not write the SARIF log") {
		t.Errorf("SARIF into a missing directory: %d\n%s", s.code, s.log)
	}
	sarif := filepath.Join(dir, "x.sarif")
	s = runStep(t, dir, map[string]string{"version": "v9.9.9", "release-url": url, "sarif": sarif})
	if data, err := os.ReadFile(sarif); s.code != 0 || err != nil || !json.Valid(data) {
		t.Errorf("SARIF: %d %v\n%s", s.code, err, s.log)
	}
}

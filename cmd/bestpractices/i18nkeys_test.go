package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
)

// Every text key the code names in full exists in English: a key that is
// missing shows its name to users instead of words.
func TestEveryKeyTheCodeUsesExists(t *testing.T) {
	en, err := i18n.Embedded("en")
	if err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`"(ui\.[A-Za-z0-9_.\-]*[A-Za-z0-9_])"`)
	checked := 0
	filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && d.Name() != "..") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for n, line := range strings.Split(string(src), "\n") {
			if i := strings.Index(line, "//"); i >= 0 {
				line = line[:i] // a comment may name a group of keys
			}
			for _, m := range key.FindAllStringSubmatchIndex(line, -1) {
				if rest := strings.TrimSpace(line[m[1]:]); strings.HasPrefix(rest, "+") {
					continue // the start of a key built at run time
				}
				k := line[m[2]:m[3]]
				checked++
				if _, ok := en.Messages[k]; !ok {
					t.Errorf("%s:%d: key %s is not in i18n/en.yaml", p, n+1, k)
				}
			}
		}
		return nil
	})
	if checked < 100 {
		t.Fatalf("only %d keys found: the scan is broken", checked)
	}
}

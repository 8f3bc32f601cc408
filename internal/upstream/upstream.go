// Package upstream reads the badge application's own data files, kept
// beside the repository (../shared/upstream) in CI and the team's
// workspaces, for the tests that check our catalog against them. A fresh
// clone has no such directory: the tests then skip, saying why.
package upstream

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"gopkg.in/yaml.v3"
)

// Dir is the reference data directory, found from this file's place in the
// module so that any package's tests reach it.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "upstream")
}

// Read parses the YAML file at rel (e.g. "criteria/criteria.yml") and
// returns its top node, skipping the test when the data is absent.
func Read(t testing.TB, rel string) *yaml.Node {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(Dir(), rel))
	if os.IsNotExist(err) {
		t.Skipf("skipping: %s not found (the badge's reference data sits in ../shared only in CI and the team's workspaces)", rel)
	}
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Content[0]
}

// Pairs walks a mapping or an !!omap (a sequence of one-key mappings) alike.
func Pairs(n *yaml.Node) [][2]*yaml.Node {
	var out [][2]*yaml.Node
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			out = append(out, [2]*yaml.Node{n.Content[i], n.Content[i+1]})
		}
	case yaml.SequenceNode:
		for _, item := range n.Content {
			out = append(out, Pairs(item)...)
		}
	}
	return out
}

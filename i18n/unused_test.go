package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
)

// codeStrings are the string literals of the module's Go code (tests
// left out: a key only a test names is not shown to anyone).
func codeStrings(t *testing.T) map[string]bool {
	t.Helper()
	lits := map[string]bool{}
	err := filepath.WalkDir("..", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if b, ok := n.(*ast.BasicLit); ok && b.Kind == token.STRING {
				// Pieces of keys are at least 3 bytes: "." or "e" would join into anything.
				if s, err := strconv.Unquote(b.Value); err == nil && len(s) >= 3 {
					lits[s] = true
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return lits
}

// named reports whether the code can name key: key is string literals
// joined end to end ("ui.file." + "too_large", "ui.tui.undone" +
// "_nothing"), with at most one piece computed at run time between them
// (a name without a dot: "ui.level." + level, "ui.site.import.decision." +
// side + "_review").
func named(key string, lits map[string]bool) bool {
	n := len(key)
	// from[i]: key[:i] is literals joined; to[j]: key[j:] is.
	from, to := make([]bool, n+1), make([]bool, n+1)
	from[0], to[n] = true, true
	for i := 0; i < n; i++ {
		if from[i] {
			for j := i + 1; j <= n; j++ {
				if lits[key[i:j]] {
					from[j] = true
				}
			}
		}
	}
	for j := n; j > 0; j-- {
		if to[j] {
			for i := j - 1; i >= 0; i-- {
				if lits[key[i:j]] {
					to[i] = true
				}
			}
		}
	}
	for i := 0; i <= n; i++ {
		if !from[i] {
			continue
		}
		for j := i; j <= n && (j == i || key[j-1] != '.'); j++ {
			if to[j] && (i > 0 || j < n) && !strings.Contains(key[i:j], ".") {
				return true
			}
		}
	}
	return false
}

// Every text of en.yaml is shown: a key nothing names is dead weight for
// every translator. Criteria and sections are named from the catalog, the
// rest from code (the reverse of TestEveryUsedKeyExists).
func TestEveryKeyIsUsed(t *testing.T) {
	lits := codeStrings(t)
	en, err := Embedded("en")
	if err != nil {
		t.Fatal(err)
	}
	inCatalog := map[string]bool{}
	for _, l := range criteria.Default().Levels {
		for _, e := range l.Entries {
			inCatalog["criteria."+l.Name+"."+e.ID] = true
			inCatalog["sections."+e.Major], inCatalog["sections."+e.Minor] = true, true
		}
	}
	var dead []string
	for k := range en.Messages {
		switch {
		case strings.HasPrefix(k, "meta."):
		case strings.HasPrefix(k, "criteria."):
			if p := strings.Split(k, "."); len(p) != 4 || !inCatalog[strings.Join(p[:3], ".")] {
				dead = append(dead, k)
			}
		case strings.HasPrefix(k, "sections."):
			if !inCatalog[k] {
				dead = append(dead, k)
			}
		case !named(k, lits):
			dead = append(dead, k)
		}
	}
	sort.Strings(dead)
	for _, k := range dead {
		t.Errorf("en.yaml has %s, which no code names: remove it from en, fr and ja (with its _source entries), or show it", k)
	}
}

// The rule itself: literals joined, one computed name at most.
func TestNamed(t *testing.T) {
	lits := map[string]bool{"ui.file.": true, "too_large": true, "ui.tui.undone": true, "_nothing": true, "ui.level.": true,
		"ui.site.import.decision.": true, "_review": true, "ui.": true, "site": true, "import": true}
	for key, want := range map[string]bool{
		"ui.file.too_large":                    true,
		"ui.tui.undone_nothing":                true,
		"ui.tui.undone":                        true,
		"ui.level.silver":                      true,
		"ui.site.import.decision.ours_review":  true,
		"ui.site.import.not_saved":             false, // "ui." + a name with dots
		"ui.file.proof.empty":                  false,
		"ui.site.import.decision.ours_machine": true, // a name computed whole
	} {
		if got := named(key, lits); got != want {
			t.Errorf("%s: %v, want %v", key, got, want)
		}
	}
}

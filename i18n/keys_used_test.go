package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
)

// keyLike is a literal that names a key whole: "ui." and words, ending
// in a letter, digit or underscore (a pattern such as "ui.level.*" does
// not).
var keyLike = regexp.MustCompile(`^ui\.[A-Za-z0-9_.\-]*[A-Za-z0-9_]$`)

// codeText is what the module's Go code (tests left out: a key only a test
// names is shown to no one) says about keys: every string literal of 3
// bytes or more, the pieces keys are built from ("." or "e" would join
// into anything); and the literals that name a key whole, where each
// stands (file:line), leaving out those a + extends ("ui.level." + name).
type codeText struct {
	lits  map[string]bool
	whole map[string]string // key -> where
}

func readCode(t *testing.T) codeText {
	t.Helper()
	ct := codeText{lits: map[string]bool{}, whole: map[string]string{}}
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
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		extended := map[ast.Expr]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if n.Op == token.ADD {
					extended[n.X] = true
				}
			case *ast.BasicLit:
				s, err := strconv.Unquote(n.Value)
				if n.Kind != token.STRING || err != nil || len(s) < 3 {
					break
				}
				ct.lits[s] = true
				if keyLike.MatchString(s) && !extended[n] {
					ct.whole[s] = fset.Position(n.Pos()).String()
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ct.whole) < 300 {
		t.Fatalf("only %d keys named in the code: is the scan still right?", len(ct.whole))
	}
	return ct
}

// Every key the code names whole is in en.yaml: a missing key shows its
// name to users instead of words. (Keys built from a name are checked in
// TestKeyFamilies.)
func TestEveryKeyTheCodeNamesExists(t *testing.T) {
	en, err := Embedded("en")
	if err != nil {
		t.Fatal(err)
	}
	for k, where := range readCode(t).whole {
		if _, ok := en.Messages[k]; !ok {
			t.Errorf("%s: key %s is not in i18n/en.yaml", where, k)
		}
	}
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
// rest from code (the reverse of TestEveryKeyTheCodeNamesExists).
func TestEveryKeyIsUsed(t *testing.T) {
	lits := readCode(t).lits
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

package layout

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Work at start-up is paid by every command, --version included, whether
// or not it uses what was built. Our packages build on first use instead
// (sync.OnceValue, lazyregexp): these tests keep it so. The binary's own
// GODEBUG=inittrace=1 figures are checked in cmd/bestpractices.

// initAllowed are the packages that may have an init function, and why.
var initAllowed = map[string]string{
	"internal/termbg": "keeps bubbletea's init from querying the terminal",
}

// costly are the package functions that do real work when a package
// variable is initialised with them: parsing, compiling, reading files.
var costly = map[string]map[string]bool{
	"regexp":           {"MustCompile": true, "Compile": true, "MustCompilePOSIX": true, "CompilePOSIX": true},
	"text/template":    {"Must": true, "New": true, "ParseFS": true, "ParseFiles": true, "ParseGlob": true},
	"html/template":    {"Must": true, "New": true, "ParseFS": true, "ParseFiles": true, "ParseGlob": true},
	"gopkg.in/yaml.v3": nil, // any call
	"encoding/json":    nil,
	"os":               nil,
	"os/exec":          nil,
	"embed":            nil,
}

type goFile struct {
	pkg  string // the package's path in the module
	path string
	file *ast.File
	fset *token.FileSet
}

// sources parses every non-test Go file of the module.
func sources(t *testing.T) []goFile {
	t.Helper()
	base := root(t)
	var out []goFile
	fset := token.NewFileSet()
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); p != base && (name == "testdata" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(base, filepath.Dir(p))
		out = append(out, goFile{pkg: filepath.ToSlash(rel), path: p, file: f, fset: fset})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 20 {
		t.Fatalf("found only %d Go files under %s", len(out), base)
	}
	return out
}

// imports maps the file's import names to their paths.
func imports(f *ast.File) map[string]string {
	m := map[string]string{}
	for _, is := range f.Imports {
		p, _ := strconv.Unquote(is.Path.Value)
		name := p[strings.LastIndex(p, "/")+1:]
		if p == "gopkg.in/yaml.v3" {
			name = "yaml"
		}
		if is.Name != nil {
			name = is.Name.Name
		}
		m[name] = p
	}
	return m
}

func TestNoWorkAtInit(t *testing.T) {
	for _, g := range sources(t) {
		imp := imports(g.file)
		for _, decl := range g.file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name == "init" {
					if _, ok := initAllowed[g.pkg]; !ok {
						t.Errorf("%s: an init function runs before main for every command; build on first use (sync.OnceValue) instead", g.fset.Position(d.Pos()))
					}
				}
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				ast.Inspect(d, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.FuncLit:
						return false // runs when called, not at init
					case *ast.CallExpr:
						sel, ok := n.Fun.(*ast.SelectorExpr)
						if !ok {
							return true
						}
						x, ok := sel.X.(*ast.Ident)
						if !ok {
							return true
						}
						funcs, ok := costly[imp[x.Name]]
						if ok && (funcs == nil || funcs[sel.Sel.Name]) {
							t.Errorf("%s: %s.%s in a package variable runs before main for every command; build it on first use (lazyregexp.New for patterns, sync.OnceValue otherwise)", g.fset.Position(n.Pos()), x.Name, sel.Sel.Name)
						}
					}
					return true
				})
			}
		}
	}
}

// A pattern compiled on first use is checked here instead: each
// lazyregexp.New given a constant compiles.
func TestLazyPatternsCompile(t *testing.T) {
	n := 0
	for _, g := range sources(t) {
		imp := imports(g.file)
		ast.Inspect(g.file, func(node ast.Node) bool {
			call, ok := node.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "New" {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); !ok || imp[x.Name] != module+"internal/lazyregexp" {
				return true
			}
			src, ok := constString(call.Args[0])
			if !ok {
				return true
			}
			n++
			if _, err := regexp.Compile(src); err != nil {
				t.Errorf("%s: %v", g.fset.Position(call.Pos()), err)
			}
			return true
		})
	}
	if n < 10 {
		t.Errorf("found only %d patterns: is lazyregexp.New still how they are written?", n)
	}
}

// constString evaluates a string literal or a sum of them.
func constString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		l, ok1 := constString(e.X)
		r, ok2 := constString(e.Y)
		return l + r, ok1 && ok2
	case *ast.ParenExpr:
		return constString(e.X)
	}
	return "", false
}

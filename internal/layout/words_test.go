package layout

import (
	"go/ast"
	"go/token"
	"strconv"
	"testing"
)

// notBadgeLevel are the messages whose "Level" value is no badge level: a
// proposal's confidence, and a level name the user typed that does not
// exist (shown as typed).
var notBadgeLevel = map[string]bool{
	"ui.detect.weaker_left":    true,
	"ui.tui.detail.confidence": true,
	"ui.cli.unknown_level":     true,
}

// A message that names a level is given the level as an i18n.Level (or
// i18n.BadgeLevel), which the locale shows by its name ("argent",
// 「シルバー」): never a raw id ("au niveau silver") and never a name looked
// up at the call, which one forgotten lookup turns back into the id.
func TestLevelValuesAreWords(t *testing.T) {
	for _, g := range sources(t) {
		for _, decl := range g.file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			words := levelVars(fn)
			check := func(key string, list []ast.Expr) {
				if notBadgeLevel[key] {
					return
				}
				for i := 0; i+1 < len(list); i++ {
					if lit, ok := list[i].(*ast.BasicLit); !ok || lit.Kind != token.STRING || lit.Value != `"Level"` {
						continue
					}
					v := list[i+1]
					if isLevelWord(v) {
						continue
					}
					if id, ok := v.(*ast.Ident); ok && words[id.Name] {
						continue
					}
					t.Errorf("%s: the value of \"Level\" (message %q) is no i18n.Level: the user would see the level's id, or a lookup made here", g.fset.Position(v.Pos()), key)
				}
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					key := ""
					if len(n.Args) > 0 {
						if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							key, _ = strconv.Unquote(lit.Value)
						}
					}
					check(key, n.Args)
				case *ast.CompositeLit:
					check("", n.Elts)
				}
				return true
			})
		}
	}
}

// isLevelWord reports whether e is i18n.Level(...) or i18n.BadgeLevel(...).
func isLevelWord(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	return ok && x.Name == "i18n" && (sel.Sel.Name == "Level" || sel.Sel.Name == "BadgeLevel")
}

// levelVars are the local names of fn only ever assigned an i18n.Level.
func levelVars(fn *ast.FuncDecl) map[string]bool {
	out := map[string]bool{}
	bad := map[string]bool{}
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok {
				if isLevelWord(as.Rhs[i]) {
					out[id.Name] = true
				} else {
					bad[id.Name] = true
				}
			}
		}
		return true
	})
	for k := range bad {
		delete(out, k)
	}
	return out
}

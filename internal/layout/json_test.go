package layout

import (
	"go/ast"
	"path/filepath"
	"testing"
)

// jsonWriters are the encoding/json functions that write JSON text.
var jsonWriters = map[string]bool{"Marshal": true, "MarshalIndent": true, "NewEncoder": true}

// jsonWriterAllowed are the files that may write JSON themselves: the one
// helper, and the walk's preferences file, which is never printed.
var jsonWriterAllowed = map[string]bool{
	"internal/safetext/json.go": true,
	"tui/prefs.go":              true,
}

// Every JSON we print or write goes through safetext.JSON, which escapes
// the characters that drive a terminal (a C1 CSI, a bidi override) that
// encoding/json leaves raw: one more encoder would print them again.
func TestJSONIsWrittenByOneHelper(t *testing.T) {
	for _, g := range sources(t) {
		rel := filepath.ToSlash(filepath.Join(g.pkg, filepath.Base(g.path)))
		if jsonWriterAllowed[rel] {
			continue
		}
		name := ""
		for n, p := range imports(g.file) {
			if p == "encoding/json" {
				name = n
			}
		}
		if name == "" {
			continue
		}
		ast.Inspect(g.file, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == name && jsonWriters[sel.Sel.Name] {
				t.Errorf("%s: json.%s writes JSON without escaping terminal controls; use safetext.JSON or safetext.WriteJSON", g.fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}

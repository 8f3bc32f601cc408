package i18n

import (
	"fmt"
	"strconv"
	"strings"
	"text/template/parse"
)

// A text's only template power is {{.Name}}: a value the program fills in.
// Texts come from files anyone can send in a pull request, so they are not
// executed as Go templates (which can loop, call printf with an escape
// character, or print the program's data); they are parsed, checked to
// hold nothing but field references, and filled in by Fill.

// Template is a text ready to be filled in: literal parts and the names of
// the values between them.
type Template struct {
	parts []part
}

type part struct {
	text  string // literal text, when field is ""
	field string
}

// Fields lists the names of the values the text uses, once each, in order.
func (t *Template) Fields() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range t.parts {
		if p.field != "" && !seen[p.field] {
			seen[p.field] = true
			out = append(out, p.field)
		}
	}
	return out
}

// Fill puts the values in. A value the caller did not give is left empty:
// never "<no value>", never the placeholder itself.
func (t *Template) Fill(values map[string]any) string {
	var args []any
	for k, v := range values {
		args = append(args, k, v)
	}
	return t.fill(args)
}

// fill is Fill from name/value pairs, as T receives them.
func (t *Template) fill(args []any) string {
	if len(t.parts) == 1 && t.parts[0].field == "" {
		return t.parts[0].text
	}
	var b strings.Builder
	for _, p := range t.parts {
		if p.field == "" {
			b.WriteString(p.text)
			continue
		}
		switch v := arg(args, p.field).(type) {
		case nil:
		case string:
			b.WriteString(v)
		case int:
			b.WriteString(strconv.Itoa(v))
		default:
			fmt.Fprint(&b, v)
		}
	}
	return b.String()
}

// TemplateError says what in a text is more than a {{.Name}} reference.
type TemplateError struct {
	// Kind is "syntax" (the braces do not parse) or "action" (something
	// other than a field reference: a function, a pipeline, range, if, a
	// variable, a nested field, a constant).
	Kind string
	// What is the offending part as written, or the parser's message for
	// a syntax error.
	What string
}

func (e *TemplateError) Error() string {
	if e.Kind == "syntax" {
		return "template syntax: " + e.What
	}
	return "only {{.Name}} may appear between braces, not " + e.What
}

// ParseTemplate reads a text, refusing anything but literal text and
// {{.Name}} references (spaces inside the braces allowed). A comment
// ({{/* */}}) and a trim marker ({{- -}}) are refused too: a comment is no
// value, and a trim eats the spaces around the value ("Stufe:in progress").
func ParseTemplate(s string) (*Template, error) {
	if !strings.Contains(s, "{{") {
		return &Template{parts: []part{{text: s}}}, nil
	}
	tree := parse.New("text")
	tree.Mode = parse.SkipFuncCheck | parse.ParseComments // a function is reported as such below; a comment is kept to be refused
	set := map[string]*parse.Tree{}
	if _, err := tree.Parse(s, "", "", set); err != nil {
		msg := err.Error()
		if i := strings.Index(msg, ": "); strings.HasPrefix(msg, "template: ") && i >= 0 {
			msg = msg[i+2:] // "template: text:1: ..." -> "1: ..." stays readable
		}
		return nil, &TemplateError{Kind: "syntax", What: strings.TrimPrefix(msg, "text:")}
	}
	for name := range set {
		if name != "text" {
			return nil, &TemplateError{Kind: "action", What: "{{define}}"}
		}
	}
	t := &Template{}
	if tree.Root == nil {
		return t, nil
	}
	for _, n := range tree.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			t.parts = append(t.parts, part{text: string(n.Text)})
		case *parse.ActionNode:
			name, ok := fieldOnly(n.Pipe)
			if !ok {
				return nil, &TemplateError{Kind: "action", What: clip(n.String())}
			}
			t.parts = append(t.parts, part{field: name})
		default: // a comment, if, range, with, template...
			return nil, &TemplateError{Kind: "action", What: clip(n.String())}
		}
	}
	if a := trimmed(s); a != "" {
		return nil, &TemplateError{Kind: "action", What: clip(a)}
	}
	return t, nil
}

// trimmed finds an action written with a trim marker ({{- .Name}} or
// {{.Name -}}), which the parse tree does not record. Every "{{" of a text
// that parsed as fields alone opens a field, closed by the next "}}".
func trimmed(s string) string {
	for rest := s; ; {
		i := strings.Index(rest, "{{")
		if i < 0 {
			return ""
		}
		j := strings.Index(rest[i:], "}}")
		if j < 0 {
			return ""
		}
		action := rest[i : i+j+2]
		if strings.HasPrefix(action, "{{-") || strings.HasSuffix(action, "-}}") {
			return action
		}
		rest = rest[i+j+2:]
	}
}

// fieldOnly reports whether a pipeline is one plain field reference, .Name.
func fieldOnly(p *parse.PipeNode) (string, bool) {
	if p == nil || p.IsAssign || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(f.Ident) != 1 {
		return "", false
	}
	return f.Ident[0], true
}

// clip keeps the offending action short enough to quote in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

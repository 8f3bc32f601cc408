package secinsights

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/model"
	"gopkg.in/yaml.v3"
)

// The structure of schema 2.2.0 (the specification's schema.cue), for a
// check that needs no CUE tool: required fields, closed objects (a field
// the schema does not name is an error, as in CUE), types, enumerations
// and patterns. CI also runs the CUE tool on what we write.

type kind int

const (
	kText kind = iota
	kBool
	kURL
	kEmail
	kDate
	kVersion
	kEnum
	kObject
	kList
)

type typ struct {
	kind     kind
	fields   []field // kObject
	elem     *typ    // kList
	nonEmpty bool    // kList: at least one entry
	enum     []string
}

type field struct {
	name string
	req  bool
	t    *typ
}

func obj(fs ...field) *typ            { return &typ{kind: kObject, fields: fs} }
func list(t *typ, nonEmpty bool) *typ { return &typ{kind: kList, elem: t, nonEmpty: nonEmpty} }
func req(name string, t *typ) field   { return field{name, true, t} }
func opt(name string, t *typ) field   { return field{name, false, t} }

// Statuses is the enumeration of repository.status (repostatus.org).
var Statuses = []string{"active", "abandoned", "concept", "inactive", "moved", "suspended", "unsupported", "WIP"}

var toolTypes = []string{"fuzzing", "container", "secret", "SCA", "SAST", "other"}

// schemaRoot is the structure of schema 2.2.0, built on first use: nothing
// of ours runs before main.
var schemaRoot = sync.OnceValue(func() *typ {
	tText := &typ{kind: kText}
	tBool := &typ{kind: kBool}
	tURL := &typ{kind: kURL}
	tEmail := &typ{kind: kEmail}
	tDate := &typ{kind: kDate}
	tVersion := &typ{kind: kVersion}

	tContact := obj(req("name", tText), req("primary", tBool), opt("affiliation", tText), opt("email", tEmail), opt("social", tText))
	tAssess := obj(req("comment", tText), opt("name", tText), opt("evidence", tURL), opt("date", tDate))
	tAttest := obj(req("name", tText), req("location", tURL), req("predicate-uri", tText), opt("comment", tText))
	tLink := obj(req("uri", tText), req("comment", tText))
	tLicense := obj(req("url", tURL), req("expression", tText))

	tHeader := obj(req("last-reviewed", tDate), req("last-updated", tDate), req("schema-version", tVersion), req("url", tURL),
		opt("comment", tText), opt("project-si-source", tURL))
	tProject := obj(req("name", tText), opt("homepage", tURL), opt("roadmap", tURL), opt("funding", tURL), opt("steward", tLink),
		req("administrators", list(tContact, true)),
		req("repositories", list(obj(req("name", tText), req("comment", tText), req("url", tURL)), true)),
		req("vulnerability-reporting", obj(req("reports-accepted", tBool), req("bug-bounty-available", tBool),
			opt("bug-bounty-program", tURL), opt("contact", tContact), opt("comment", tText), opt("policy", tURL),
			opt("pgp-key", tText), opt("in-scope", list(tText, false)), opt("out-of-scope", list(tText, false)))),
		opt("documentation", obj(opt("design", tURL), opt("detailed-guide", tURL), opt("code-of-conduct", tURL),
			opt("quickstart-guide", tURL), opt("release-process", tURL), opt("support-policy", tURL), opt("signature-verification", tURL))))
	tTool := obj(req("name", tText), req("type", &typ{kind: kEnum, enum: toolTypes}), opt("version", tText), opt("comment", tText),
		req("rulesets", list(tText, false)),
		req("integration", obj(req("adhoc", tBool), req("ci", tBool), req("release", tBool))),
		req("results", obj(opt("adhoc", tAttest), opt("ci", tAttest), opt("release", tAttest))))
	tRepository := obj(req("status", &typ{kind: kEnum, enum: Statuses}), req("url", tURL),
		req("accepts-change-request", tBool), req("accepts-automated-change-request", tBool),
		opt("bug-fixes-only", tBool), opt("no-third-party-packages", tBool),
		req("core-team", list(tContact, true)), req("license", tLicense),
		req("security", obj(
			req("assessments", obj(req("self", tAssess), opt("third-party", list(tAssess, false)))),
			opt("champions", list(tContact, false)), opt("tools", list(tTool, false)))),
		opt("documentation", obj(opt("contributing-guide", tURL), opt("dependency-management-policy", tURL), opt("governance", tURL),
			opt("review-policy", tURL), opt("security-policy", tURL))),
		opt("release", obj(req("automated-pipeline", tBool), req("distribution-points", list(tLink, true)), opt("changelog", tURL),
			opt("license", tLicense), opt("attestations", list(tAttest, false)))))
	return obj(req("header", tHeader), opt("project", tProject), opt("repository", tRepository))
})

// The schema's patterns, as written in schema.cue.
var (
	urlPattern     = lazyregexp.New(`^https?://[^\s]+$`)
	emailPattern   = lazyregexp.New(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$`)
	versionPattern = lazyregexp.New(`^[1-9]+\.[0-9]+\.[0-9]+$`)
)

// IsURL, IsEmail: the schema's tests, for values we are about to write.
func IsURL(s string) bool   { return urlPattern.MatchString(s) }
func IsEmail(s string) bool { return emailPattern.MatchString(s) }

// Problem is one way a file does not follow the schema.
type Problem struct {
	Path    string // dotted, with [i] for list entries
	Line    int
	Missing bool // a required field is absent
	Msg     model.Msg
}

// Validate checks a parsed file against the structure of schema 2.2.0.
// An empty file lacks the header.
func Validate(d *Doc) []Problem {
	var ps []Problem
	if d == nil || d.Root == nil {
		return []Problem{{Path: "header", Line: 1, Missing: true, Msg: msg("schema.missing", "Field", "header")}}
	}
	check(d.Root, schemaRoot(), "", &ps)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
	return ps
}

func join(base, name string) string {
	if base == "" {
		return name
	}
	return base + "." + name
}

// isText is CUE's string as it reads YAML: YAML 1.2 has no timestamps, so
// an unquoted date is text.
func isText(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && (n.Tag == "!!str" || n.Tag == "!!timestamp")
}

func check(n *yaml.Node, t *typ, path string, ps *[]Problem) {
	bad := func(key string, args ...any) {
		*ps = append(*ps, Problem{Path: path, Line: n.Line, Msg: msg(key, append([]any{"Field", path}, args...)...)})
	}
	switch t.kind {
	case kText:
		if !isText(n) {
			bad("schema.text")
		}
	case kBool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			bad("schema.bool")
		}
	case kURL:
		if !isText(n) || !urlPattern.MatchString(n.Value) {
			bad("schema.url")
		}
	case kEmail:
		if !isText(n) || !emailPattern.MatchString(n.Value) {
			bad("schema.email")
		}
	case kDate:
		if !isText(n) || !validDate(n.Value) {
			bad("schema.date")
		}
	case kVersion:
		if !isText(n) || !versionPattern.MatchString(n.Value) {
			bad("schema.version")
		}
	case kEnum:
		ok := false
		for _, e := range t.enum {
			ok = ok || isText(n) && n.Value == e
		}
		if !ok {
			bad("schema.enum", "Values", strings.Join(t.enum, ", "))
		}
	case kList:
		if n.Kind != yaml.SequenceNode {
			bad("schema.list")
			return
		}
		if t.nonEmpty && len(n.Content) == 0 {
			bad("schema.empty_list")
		}
		for i, c := range n.Content {
			check(c, t.elem, path+"["+strconv.Itoa(i)+"]", ps)
		}
	case kObject:
		if n.Kind != yaml.MappingNode {
			bad("schema.mapping")
			return
		}
		have := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			have[k.Value] = true
			f := t.field(k.Value)
			if f == nil {
				*ps = append(*ps, Problem{Path: join(path, k.Value), Line: k.Line, Msg: msg("schema.unknown", "Field", join(path, k.Value))})
				continue
			}
			check(v, f.t, join(path, k.Value), ps)
		}
		for _, f := range t.fields {
			if f.req && !have[f.name] {
				*ps = append(*ps, Problem{Path: join(path, f.name), Line: n.Line, Missing: true, Msg: msg("schema.missing", "Field", join(path, f.name))})
			}
		}
	}
}

func (t *typ) field(name string) *field {
	for i := range t.fields {
		if t.fields[i].name == name {
			return &t.fields[i]
		}
	}
	return nil
}

// validDate is CUE's time.Format("2006-01-02"): a real calendar date.
func validDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

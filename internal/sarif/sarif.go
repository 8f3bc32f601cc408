// Package sarif writes the answers that do not count as a SARIF 2.1.0 log,
// the format code-scanning services (GitHub code scanning among them) read
// to annotate the lines of a pull request: one result per answer, at its
// line in the answers file, with the criterion id as the rule id and what
// the criterion needs as the rule's help.
package sarif

import (
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bestpractices/bestpractices/criteria"
	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/evidence"
	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
)

// Schema is the SARIF version written and the schema that defines it.
const (
	Version = "2.1.0"
	Schema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

// UnknownRule is the rule of an answer whose id is no criterion: there is
// no criterion to name, and criterion ids never hold a hyphen.
const UnknownRule = "unknown-criterion"

// FileRule is the rule of a warning about a line of the answers file that
// concerns no criterion (a key in the wrong case, a hidden line break).
const FileRule = "answers-file"

// Log is a SARIF log with the parts we write.
type Log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []Run  `json:"runs"`
}

// Run is one run of the tool.
type Run struct {
	Tool     Tool     `json:"tool"`
	Language string   `json:"language,omitempty"`
	Results  []Result `json:"results"`
}

// Tool names bestpractices and its rules.
type Tool struct {
	Driver Driver `json:"driver"`
}

// Driver is the tool component that ran.
type Driver struct {
	Name           string `json:"name"`
	Version        string `json:"version,omitempty"`
	InformationURI string `json:"informationUri"`
	Rules          []Rule `json:"rules"`
}

// Rule is a criterion: what it is called and what it needs.
type Rule struct {
	ID               string         `json:"id"`
	ShortDescription Text           `json:"shortDescription"`
	FullDescription  *Text          `json:"fullDescription,omitempty"`
	Help             *Text          `json:"help,omitempty"`
	HelpURI          string         `json:"helpUri,omitempty"`
	Default          *Configuration `json:"defaultConfiguration,omitempty"`
	Properties       *Properties    `json:"properties,omitempty"`
}

// Text is a message in plain text and, where we have it, Markdown.
type Text struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

// Configuration is a rule's default level.
type Configuration struct {
	Level string `json:"level"`
}

// Properties tags a rule with its level, series and keyword.
type Properties struct {
	Tags []string `json:"tags"`
}

// Result is one answer that does not count.
type Result struct {
	RuleID    string     `json:"ruleId"`
	RuleIndex int        `json:"ruleIndex"`
	Level     string     `json:"level"`
	Message   Text       `json:"message"`
	Locations []Location `json:"locations"`
}

// Location is a line of the answers file.
type Location struct {
	Physical Physical `json:"physicalLocation"`
}

// Physical is the file and, when known, the line.
type Physical struct {
	Artifact Artifact `json:"artifactLocation"`
	Region   *Region  `json:"region,omitempty"`
}

// Artifact is the answers file, relative to the repository root.
type Artifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// Region is the line.
type Region struct {
	StartLine int `json:"startLine"`
}

// Options says what was checked and how to word it.
type Options struct {
	Loc     *i18n.Locale
	Catalog *criteria.Catalog
	// Level is the level checked: its entries that do not count are errors.
	Level string
	// Path is the answers file relative to the repository root, with
	// slashes; an absolute path when the file is outside it.
	Path string
	// ToolVersion is the version of bestpractices.
	ToolVersion string
	// Stale lists the answers that cite files that are gone; Strict makes
	// them errors, as check --strict does.
	Stale  []evidence.StaleRef
	Strict bool
}

// languageTag is what SARIF accepts as a run's language.
var languageTag = lazyregexp.New(`^[a-zA-Z]{2}(-[a-zA-Z]{2})?$`)

// Build makes the log of the answers in f that do not count: those of the
// checked level (errors), the file's other warnings (unknown ids, answers
// the badge would refuse) and, as warnings, justifications citing files
// that are gone.
func Build(f *model.File, s *model.Score, o Options) *Log {
	b := builder{o: o, lines: f.Lines(), ruleIndex: map[string]int{}}
	b.driver = Driver{Name: "bestpractices", Version: o.ToolVersion, InformationURI: "https://github.com/bestpractices/bestpractices", Rules: []Rule{}}
	reported := map[string]bool{}
	if l, ok := s.Level(o.Level); ok {
		for _, e := range l.Entries {
			if e.Result.Satisfied() || e.Answer.Status == model.Unknown || e.Entry.Automatic() {
				continue // unanswered criteria are no line of the file
			}
			reported[e.Entry.ID] = true
			b.add(e.Entry, e.Entry.ID, "error", o.Loc.T("ui.cli.status.blocker", "Title", title(o.Loc, e.Entry), "Reason", model.Reason(o.Loc, e)), b.lineFor(e))
		}
	}
	problems := append([]model.Problem(nil), f.Problems...)
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
	for _, p := range problems {
		if p.ID == "" { // about the file, not an answer: each one its own
			b.addFile(p.Message.In(o.Loc), p.Line)
			continue
		}
		if reported[p.ID] {
			continue
		}
		reported[p.ID] = true
		var entry *criteria.Entry
		if es := o.Catalog.EntriesFor(p.ID); len(es) > 0 {
			entry = es[0]
		}
		b.add(entry, p.ID, "warning", p.Message.In(o.Loc), p.Line)
	}
	stale := append([]evidence.StaleRef(nil), o.Stale...)
	sort.SliceStable(stale, func(i, j int) bool {
		return b.lines[stale[i].ID].Justification < b.lines[stale[j].ID].Justification
	})
	level := "warning"
	if o.Strict {
		level = "error"
	}
	for _, st := range stale {
		var entry *criteria.Entry
		if es := o.Catalog.EntriesFor(st.ID); len(es) > 0 {
			entry = es[0]
		}
		l := b.lines[st.ID]
		line := l.Justification
		if line == 0 {
			line = l.ID
		}
		b.add(entry, st.ID, level, o.Loc.T("ui.sarif.stale", "Cited", st.Cited, "Path", st.Path), line)
	}
	run := Run{Tool: Tool{Driver: b.driver}, Results: b.results}
	if run.Results == nil {
		run.Results = []Result{}
	}
	if tag := o.Loc.File().Tag; languageTag.MatchString(tag) {
		run.Language = tag
	}
	return &Log{Schema: Schema, Version: Version, Runs: []Run{run}}
}

// Write writes the log as indented JSON.
func (l *Log) Write(w io.Writer) error {
	return safetext.WriteJSON(w, l, "  ")
}

type builder struct {
	o         Options
	lines     map[string]model.AnswerLines
	driver    Driver
	ruleIndex map[string]int
	results   []Result
}

// lineFor is the line to fix: the justification when it is what is
// missing, else the status, else the id.
func (b *builder) lineFor(e model.EntryScore) int {
	l := b.lines[e.Entry.ID]
	switch e.Result {
	case model.ResultURLRequired, model.ResultJustificationRequired:
		if l.Justification > 0 {
			return l.Justification
		}
	}
	if l.Status > 0 {
		return l.Status
	}
	return l.ID
}

func (b *builder) add(entry *criteria.Entry, id, level, message string, line int) {
	ruleID := id
	if entry == nil {
		ruleID = UnknownRule
	}
	idx, ok := b.ruleIndex[ruleID]
	if !ok {
		idx = len(b.driver.Rules)
		b.ruleIndex[ruleID] = idx
		b.driver.Rules = append(b.driver.Rules, b.rule(entry))
	}
	loc := Location{Physical: Physical{Artifact: artifact(b.o.Path)}}
	if line > 0 {
		loc.Physical.Region = &Region{StartLine: line}
	}
	b.results = append(b.results, Result{RuleID: ruleID, RuleIndex: idx, Level: level, Message: Text{Text: message}, Locations: []Location{loc}})
}

// addFile reports a warning about a line of the file under FileRule.
func (b *builder) addFile(message string, line int) {
	idx, ok := b.ruleIndex[FileRule]
	if !ok {
		idx = len(b.driver.Rules)
		b.ruleIndex[FileRule] = idx
		help := b.o.Loc.T("ui.sarif.file_help")
		b.driver.Rules = append(b.driver.Rules, Rule{ID: FileRule, ShortDescription: Text{Text: b.o.Loc.T("ui.sarif.file_title")}, Help: &Text{Text: help, Markdown: help}, Default: &Configuration{Level: "warning"}})
	}
	loc := Location{Physical: Physical{Artifact: artifact(b.o.Path)}}
	if line > 0 {
		loc.Physical.Region = &Region{StartLine: line}
	}
	b.results = append(b.results, Result{RuleID: FileRule, RuleIndex: idx, Level: "warning", Message: Text{Text: message}, Locations: []Location{loc}})
}

// rule describes a criterion in our own words: its title, its requirement,
// and as help the requirement with our guidance.
func (b *builder) rule(e *criteria.Entry) Rule {
	loc := b.o.Loc
	if e == nil {
		help := loc.T("ui.sarif.unknown_help")
		return Rule{ID: UnknownRule, ShortDescription: Text{Text: loc.T("ui.sarif.unknown_title")}, Help: &Text{Text: help, Markdown: help}, Default: &Configuration{Level: "warning"}}
	}
	t := loc.Criterion(e.Level, e.ID)
	help := t.Requirement
	if t.Guidance != "" {
		help += "\n\n" + t.Guidance
	}
	level := "warning"
	if e.Category == criteria.Must {
		level = "error"
	}
	tags := []string{e.Level, e.Series, strings.ToLower(string(e.Category))}
	if e.Control != "" {
		tags = append(tags, e.Control)
	}
	return Rule{
		ID:               e.ID,
		ShortDescription: Text{Text: t.Title},
		FullDescription:  &Text{Text: t.Requirement, Markdown: t.Requirement},
		Help:             &Text{Text: help, Markdown: help},
		HelpURI:          e.URL(),
		Default:          &Configuration{Level: level},
		Properties:       &Properties{Tags: tags},
	}
}

func title(loc *i18n.Locale, e *criteria.Entry) string { return loc.Criterion(e.Level, e.ID).Title }

// artifact is the answers file as a URI reference: relative to the
// repository root (%SRCROOT%, which code scanning resolves), or a file URI.
func artifact(path string) Artifact {
	if filepath.IsAbs(path) {
		p := filepath.ToSlash(path)
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/x on Windows is file:///C:/x
		}
		return Artifact{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	return Artifact{URI: (&url.URL{Path: path}).String(), URIBaseID: "%SRCROOT%"}
}

package i18ntool

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"golang.org/x/text/language"
)

// Weblate's and Crowdin's YAML formats cannot carry our files as they are
// (plain YAML has no plural forms; Ruby YAML wants the language as the
// root key), so translators who use Poedit, Weblate or Crowdin go through
// gettext PO: one entry per key (msgctxt), plural forms as msgstr[n], the
// translators' note as #., and for a stale translation the fuzzy flag with
// the English it was made from as #| msgid.

// The PO reader is our own. The Go PO libraries the module proxy serves
// (leonelquinteros/gotext v1.7.2, chai2010/gettext-go v1.0.3,
// vorlif/spreak v1.0.0) were compared with GNU msgfmt on 478 PO files
// (real catalogs and translators' slips, 2026-11-30). Each takes quadratic
// time over continuation lines (100,000 lines: about 8 s; ours 8 ms); none
// turns a Latin-1 file into UTF-8 (two turn its letters into U+FFFD) or
// names the line of every refusal; gotext reports no error at all;
// chai2010 drops msgstr[0] of plural entries (76 of 140 Django catalogs)
// and exhausts memory on msgstr[300000000]; spreak joins two entries with
// no blank line between them, keeps \x41 as it is, and does not return on
// a string ending in a backslash. TestParsePOAgreesWithMsgfmt holds ours
// to msgfmt's reading.

// pluralRule is a gettext Plural-Forms formula, and the CLDR category of
// each of its indexes.
type pluralRule struct {
	header string
	forms  []string
	index  func(n int) int
}

// pluralRules are the gettext formulas we know; PORule picks the one that
// gives the same form as CLDR for every count.
var pluralRules = []pluralRule{
	{"nplurals=1; plural=0;", []string{"other"}, func(int) int { return 0 }},
	{"nplurals=2; plural=(n != 1);", []string{"one", "other"}, func(n int) int { return b2i(n != 1) }},
	{"nplurals=2; plural=(n > 1);", []string{"one", "other"}, func(n int) int { return b2i(n > 1) }},
	{"nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);", []string{"one", "few", "many"}, func(n int) int {
		switch {
		case n%10 == 1 && n%100 != 11:
			return 0
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			return 1
		}
		return 2
	}},
	{"nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);", []string{"one", "few", "many"}, func(n int) int {
		switch {
		case n == 1:
			return 0
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			return 1
		}
		return 2
	}},
	{"nplurals=3; plural=(n==1 ? 0 : (n>=2 && n<=4) ? 1 : 2);", []string{"one", "few", "other"}, func(n int) int {
		switch {
		case n == 1:
			return 0
		case n >= 2 && n <= 4:
			return 1
		}
		return 2
	}},
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// PORule is the gettext plural formula that agrees with CLDR for the
// language t on every count from 0 to 1000, or an error.
func PORule(t language.Tag) (pluralRule, error) {
	for _, r := range pluralRules {
		ok := true
		for n := 0; n <= 1000 && ok; n++ {
			ok = r.forms[r.index(n)] == i18n.PluralForm(t, n)
		}
		if ok {
			return r, nil
		}
	}
	return pluralRule{}, &POError{Kind: "no_formula", Args: []any{"Tag", t.String()}}
}

// ExportPO writes a locale file as a gettext PO file.
func ExportPO(name string, src []byte) ([]byte, error) {
	up, err := Update(name, src, "")
	if err != nil {
		return nil, err
	}
	f, err := i18n.Parse(name, up.Data)
	if err != nil {
		return nil, err
	}
	t, err := language.Parse(f.Tag)
	if err != nil {
		return nil, &POError{File: name, Kind: "bad_tag", Args: []any{"Tag", f.Tag}}
	}
	rule, err := PORule(t)
	if err != nil {
		err.(*POError).File = name
		return nil, err
	}
	stale := map[string]StaleText{}
	for _, s := range up.Stale {
		stale[s.Key] = s
	}
	en, _ := i18n.Embedded("en")
	var b bytes.Buffer
	b.WriteString("# " + f.Name + " translation of bestpractices (from " + name + ").\n")
	b.WriteString("# Import it back with: bestpractices i18n import-po FILE.po " + name + "\n")
	b.WriteString("msgid \"\"\nmsgstr \"\"\n")
	for _, h := range []string{
		"Project-Id-Version: bestpractices",
		"PO-Revision-Date: ",
		"Last-Translator: ",
		"Language-Team: " + f.Name,
		"Language: " + strings.ReplaceAll(t.String(), "-", "_"),
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=UTF-8",
		"Content-Transfer-Encoding: 8bit",
		"Plural-Forms: " + rule.header,
		"X-Generator: bestpractices i18n export-po",
	} {
		b.WriteString(poQuote(h+"\n") + "\n")
	}
	for _, k := range EnglishKeys() {
		em := en.Messages[k]
		m := f.Messages[k]
		b.WriteString("\n")
		if note := noteComment(k); note != "" {
			b.WriteString(note + "\n")
		}
		s, isStale := stale[k]
		if isStale {
			b.WriteString("#, fuzzy\n")
			if s.Before != "" && em.Forms == nil {
				b.WriteString(poField("#| msgid", s.Before))
			}
		}
		b.WriteString(poField("msgctxt", k))
		if em.Forms == nil {
			b.WriteString(poField("msgid", em.Text))
			b.WriteString(poField("msgstr", m.Text))
			continue
		}
		one := em.Forms["one"]
		if one == "" {
			one = em.Forms["other"]
		}
		b.WriteString(poField("msgid", one))
		b.WriteString(poField("msgid_plural", em.Forms["other"]))
		for i, form := range rule.forms {
			text := ""
			if m.Forms != nil {
				text = m.Forms[form]
				if text == "" && m.Forms["other"] != "" && translatedAny(m) {
					text = m.Forms["other"]
				}
			} else if m.Text != "" {
				text = m.Text
			}
			b.WriteString(poField("msgstr["+strconv.Itoa(i)+"]", text))
		}
	}
	return b.Bytes(), nil
}

func translatedAny(m i18n.Message) bool {
	for _, s := range m.Forms {
		if s != "" {
			return true
		}
	}
	return false
}

// poField writes a keyword and its string, split at line breaks as PO
// editors write them.
func poField(kw, s string) string {
	prefix := ""
	if strings.HasPrefix(kw, "#| ") {
		prefix = "#| "
	}
	if !strings.Contains(strings.TrimSuffix(s, "\n"), "\n") {
		return kw + " " + poQuote(s) + "\n"
	}
	var b strings.Builder
	b.WriteString(kw + " \"\"\n")
	for _, part := range strings.SplitAfter(s, "\n") {
		if part != "" {
			b.WriteString(prefix + poQuote(part) + "\n")
		}
	}
	return b.String()
}

// poQuote writes s as a PO string: C escapes for the quote, the backslash
// and control characters.
func poQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\%03o`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// POEntry is one entry of a PO file.
type POEntry struct {
	Context, ID, IDPlural string
	Str                   []string // msgstr, or msgstr[n] by n
	HasContext            bool     // a msgctxt line, even msgctxt ""
	Fuzzy, Obsolete       bool
	Line                  int
}

// POError is a PO file that does not read: its words are en.yaml's
// ui.i18ncmd.po.error.<Kind>, with File, Line and Args filled in.
type POError struct {
	File string
	Line int
	Kind string
	Args []any
}

// poErrorKinds lists every Kind, so that a test can see each has its text.
var poErrorKinds = []string{"quote", "no_keyword", "keyword", "unknown_keyword", "plural_index", "inner_quote", "lone_backslash", "escape", "utf8", "charset", "not_in_charset", "duplicate", "header_twice", "incomplete", "nul", "repeated", "escape_bytes", "obsolete_mixed", "plural_order", "unexpected", "plural_count", "utf16", "comment_inside", "hex_escape", "language", "no_formula", "bad_tag", "unwritable"}

// Message is the error in loc's language; what comes from the file is
// escaped for the terminal.
func (e *POError) Message(loc *i18n.Locale) string {
	args := []any{"File", safetext.Line(e.File), "Line", e.Line}
	for i := 0; i+1 < len(e.Args); i += 2 {
		v := e.Args[i+1]
		if s, ok := v.(string); ok {
			v = safetext.Key(s)
		}
		args = append(args, e.Args[i], v)
	}
	return loc.T("ui.i18ncmd.po.error."+e.Kind, args...)
}

func (e *POError) Error() string { return e.Message(i18n.English()) }

// Imported is what ImportPO did.
type Imported struct {
	Data              []byte
	Changed, Stamped  []string
	Fuzzy, Unknown    []string
	Older             []string // texts whose msgid is not the current English
	Untouched, Plural int
	NoContext         int    // translated entries with no msgctxt, which name no key
	Charset           string // the PO file's, when it is not UTF-8
	// Refused are entries whose text no way of writing YAML carries (none
	// is known: the proof stands guard): each left out, with its line;
	// the others are imported.
	Refused []*POError
}

// ImportPO takes the translations of a PO file into the locale file name
// (src; empty for a new file of language tag): each changed text is
// replaced, an entry not marked fuzzy whose msgid is the current English
// records it as the source, a fuzzy one keeps the source it had (the text
// shows as stale until revised). Empty entries change nothing. The result
// goes through the same proof as i18n update.
func ImportPO(name string, src []byte, poName string, po []byte, tag language.Tag, sourceHeader string) (*Imported, error) {
	entries, charset, err := parsePO(poName, po)
	if err != nil {
		return nil, err
	}
	// A key is one entry: two (with different msgids, which PO allows)
	// would leave the translation to chance.
	firstOf := map[string]int{}
	for _, e := range entries {
		if e.Obsolete || e.Context == "" {
			continue
		}
		if l, seen := firstOf[e.Context]; seen {
			return nil, &POError{File: poName, Line: e.Line, Kind: "duplicate", Args: []any{"Key", e.Context, "First", l}}
		}
		firstOf[e.Context] = e.Line
	}
	if len(src) == 0 {
		src = Starter(tag, "")
	}
	old, err := i18n.Parse(name, src)
	if err != nil {
		return nil, err
	}
	if old.Tag != "" {
		if t, err := language.Parse(old.Tag); err == nil {
			tag = t
		}
	}
	rule, err := PORule(tag)
	if err != nil {
		err.(*POError).File = name
		return nil, err
	}
	if fields, line := poHeader(po); fields["language"] != "" && tag != language.Und {
		// A PO file of another language would make the whole file that
		// language, every text recorded as current.
		code := strings.NewReplacer("_", "-").Replace(strings.FieldsFunc(fields["language"], func(r rune) bool { return r == '.' || r == '@' })[0])
		if pt, err := language.Parse(code); err == nil {
			pb, _ := pt.Base()
			fb, _ := tag.Base()
			if pb != fb {
				return nil, &POError{File: poName, Line: line, Kind: "language", Args: []any{"PO", fields["language"], "Target", name, "Tag", tag.String()}}
			}
		}
	}
	en, _ := i18n.Embedded("en")
	want := &i18n.File{Tag: old.Tag, Name: old.Name, Path: old.Path, Messages: map[string]i18n.Message{}, Sources: map[string]string{}}
	for k, m := range old.Messages {
		want.Messages[k] = m
	}
	for k, h := range old.Sources {
		want.Sources[k] = h
	}
	res := &Imported{Charset: charset}
	noStamp := map[string]string{}
	lineOf := map[string]int{}
	plural := map[string]bool{}
	for _, e := range entries {
		if e.Obsolete {
			continue
		}
		if e.Context == "" {
			if strings.Join(e.Str, "") != "" {
				res.NoContext++
			}
			continue
		}
		if len(e.Str) > len(rule.forms) && e.IDPlural != "" {
			// A form the language does not have would be dropped.
			return nil, &POError{File: poName, Line: e.Line, Kind: "plural_count", Args: []any{"Key", e.Context, "Forms", len(rule.forms), "Last", len(rule.forms) - 1, "Header", rule.header}}
		}
		em, ok := en.Messages[e.Context]
		if !ok {
			res.Unknown = append(res.Unknown, e.Context)
			continue
		}
		var m i18n.Message
		cur := want.Messages[e.Context]
		if len(rule.forms) == 1 && len(e.Str) == 1 && cur.Forms == nil && (cur.Text != "" || em.Forms != nil && !translatedAny(cur)) {
			// One form only (Japanese): a plain text, as the file has it.
			m.Text = e.Str[0]
		} else if e.IDPlural != "" || len(e.Str) > 1 {
			m.Forms = map[string]string{}
			for i, form := range rule.forms {
				if i < len(e.Str) {
					m.Forms[form] = e.Str[i]
				}
			}
			if _, has := m.Forms["other"]; !has {
				m.Forms["other"] = m.Forms[rule.forms[len(rule.forms)-1]] // CLDR's other is for fractions
			}
			res.Plural++
			plural[e.Context] = true
		} else if len(e.Str) == 1 {
			m.Text = e.Str[0]
		}
		if m.Plain() == "" && !translatedAny(m) {
			res.Untouched++
			continue
		}
		lineOf[e.Context] = e.Line
		if cur.Text != m.Text || !equalForms(cur.Forms, m.Forms) {
			want.Messages[e.Context] = m
			res.Changed = append(res.Changed, e.Context)
		}
		current := e.ID == englishOne(em) && (em.Forms == nil || e.IDPlural == em.Forms["other"])
		switch {
		case e.Fuzzy:
			res.Fuzzy = append(res.Fuzzy, e.Context)
			noStamp[e.Context] = ""
		case current:
			if want.Sources[e.Context] != SourceHash(e.Context) {
				res.Stamped = append(res.Stamped, e.Context)
			}
			want.Sources[e.Context] = SourceHash(e.Context)
		case cur.Text == m.Text && equalForms(cur.Forms, m.Forms) && want.Sources[e.Context] == SourceHash(e.Context):
			// The file has this text already, made from the current English.
		case em.Forms == nil:
			// Made from an older English (Weblate and Crowdin keep the msgid
			// a text was translated from): that English is recorded, and the
			// text stays stale until revised and stamped.
			res.Older = append(res.Older, e.Context)
			want.Sources[e.Context] = Hash(e.ID)
			noStamp[e.Context] = e.ID
		default:
			res.Older = append(res.Older, e.Context)
			want.Sources[e.Context] = Hash("\x00" + e.ID + "\x00" + e.IDPlural) // no English's: stale, its English unknown
			noStamp[e.Context] = ""
		}
	}
	var doc yamlDoc
	if err := doc.parse(src); err != nil {
		return nil, err
	}
	if err := refuseDuplicates(name, doc.node); err != nil {
		return nil, err
	}
	for {
		out, err := layoutImport(want, old, doc.node, sourceHeader, tag, noStamp)
		var pe *ProofError
		if errors.As(err, &pe) && pe.Key != "" && lineOf[pe.Key] > 0 {
			// That entry alone is left out; the file keeps what it had.
			k := pe.Key
			res.Refused = append(res.Refused, &POError{File: poName, Line: lineOf[k], Kind: "unwritable", Args: []any{"Key", k}})
			delete(lineOf, k)
			if m, ok := old.Messages[k]; ok {
				want.Messages[k] = m
			} else {
				delete(want.Messages, k)
			}
			if h, ok := old.Sources[k]; ok {
				want.Sources[k] = h
			} else {
				delete(want.Sources, k)
			}
			delete(noStamp, k)
			res.Changed, res.Stamped, res.Fuzzy = without(res.Changed, k), without(res.Stamped, k), without(res.Fuzzy, k)
			if plural[k] {
				res.Plural--
			}
			continue
		}
		if err != nil {
			return nil, err
		}
		res.Data = sameConventions(src, out.Data)
		return res, nil
	}
}

func without(keys []string, k string) []string {
	return slices.DeleteFunc(keys, func(s string) bool { return s == k })
}

func englishOne(m i18n.Message) string {
	if m.Forms == nil {
		return m.Text
	}
	if m.Forms["one"] != "" {
		return m.Forms["one"]
	}
	return m.Forms["other"]
}

func equalForms(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

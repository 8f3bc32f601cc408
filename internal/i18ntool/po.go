package i18ntool

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"golang.org/x/text/encoding/ianaindex"
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
	return pluralRule{}, fmt.Errorf("no gettext plural formula is known for %s; translate the YAML file itself", t)
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
		return nil, fmt.Errorf("%s: meta.tag %q is not a language tag", name, f.Tag)
	}
	rule, err := PORule(t)
	if err != nil {
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
var poErrorKinds = []string{"quote", "no_keyword", "keyword", "unknown_keyword", "plural_index", "inner_quote", "lone_backslash", "escape", "utf8", "charset", "not_in_charset", "duplicate", "header_twice", "incomplete", "nul", "repeated"}

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

// ParsePO reads a PO file: entries with their line, or an error naming the
// line that does not read. It reads what GNU msgfmt reads (a test compares
// the two on every PO file the machine has), and refuses what msgfmt
// refuses, with two exceptions made for translators: a byte order mark (a
// Windows editor's) is skipped, and a file in another charset than UTF-8
// is read in the charset its header names.
func ParsePO(name string, src []byte) ([]POEntry, error) {
	es, _, err := parsePO(name, src)
	return es, err
}

// parsePO is ParsePO, with the charset the file was read in ("" for UTF-8).
func parsePO(name string, src []byte) ([]POEntry, string, error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	charset := ""
	if !utf8.Valid(src) {
		cs := poCharset(src)
		if cs == "" || isUTF8Name(cs) {
			bad := src[:invalidAt(src)]
			return nil, "", &POError{File: name, Line: lineOf(bad), Kind: "utf8"}
		}
		text, err := decodeCharset(name, cs, src)
		if err != nil {
			return nil, "", err
		}
		src, charset = text, cs
	}
	es, err := readPO(name, string(src))
	return es, charset, err
}

// isUTF8Name: the header names UTF-8 (any spelling).
func isUTF8Name(cs string) bool {
	return strings.EqualFold(strings.ReplaceAll(cs, "-", ""), "utf8")
}

// lineOf is the line, as editors count them, that the end of b is on.
func lineOf(b []byte) int {
	return len(poLines(string(b)))
}

// decodeCharset reads src, in the charset cs its header names, as UTF-8,
// as msgfmt does; a byte the charset does not have is refused at its line
// rather than taken as U+FFFD.
func decodeCharset(name, cs string, src []byte) ([]byte, error) {
	enc, err := ianaindex.MIME.Encoding(cs)
	if err != nil || enc == nil {
		enc, err = ianaindex.IANA.Encoding(cs)
	}
	if err != nil || enc == nil {
		return nil, &POError{File: name, Kind: "charset", Args: []any{"Charset", cs}}
	}
	text, err := enc.NewDecoder().Bytes(src)
	if err != nil {
		return nil, &POError{File: name, Kind: "charset", Args: []any{"Charset", cs}}
	}
	if i := bytes.IndexRune(text, utf8.RuneError); i >= 0 {
		return nil, &POError{File: name, Line: lineOf(text[:i]), Kind: "not_in_charset", Args: []any{"Charset", cs}}
	}
	return text, nil
}

// poLines splits a PO file into its lines as editors count them: after
// LF, CRLF or a lone CR (msgfmt takes a CR as a space, so a file of an old
// Mac editor reads the same either way).
func poLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// readPO reads the entries of a PO file given as UTF-8 text.
func readPO(name, src string) ([]POEntry, error) {
	var out []POEntry
	var cur *POEntry
	hasID := false // cur has its msgid line (the header's is msgid "")
	// field is where the string being read goes; its text is gathered in
	// text and stored when the string ends, since adding each continuation
	// line to *field copied the whole string again (a 4 MB file took minutes).
	var field *string
	var text strings.Builder
	pending := 0 // line of a keyword whose string is still to come
	end := func() {
		if field != nil {
			*field = text.String()
		}
		field = nil
		text.Reset()
	}
	first := map[string]int{} // msgctxt and msgid -> line of its entry, as msgfmt tells entries apart
	var fail error
	flush := func() {
		end()
		if cur == nil || fail != nil {
			cur, hasID = nil, false
			return
		}
		if !cur.Obsolete {
			switch {
			case cur.ID == "" && cur.Context == "" && !hasID && cur.Str == nil:
				// comments only
			case !hasID || cur.Str == nil:
				fail = &POError{File: name, Line: cur.Line, Kind: "incomplete"}
			default:
				k := cur.Context + "\x04" + cur.ID
				if l, seen := first[k]; seen {
					if cur.ID == "" && cur.Context == "" {
						fail = &POError{File: name, Line: cur.Line, Kind: "header_twice", Args: []any{"First", l}}
					} else {
						key := cur.Context
						if key == "" {
							key = cur.ID
						}
						fail = &POError{File: name, Line: cur.Line, Kind: "duplicate", Args: []any{"Key", key, "First", l}}
					}
				}
				first[k] = cur.Line
			}
		}
		if fail == nil && (cur.ID != "" || cur.Context != "") {
			out = append(out, *cur)
		}
		cur, hasID = nil, false
	}
	var seen uint // the keywords cur has had: msgctxt, msgid_plural, msgstr, msgstr[n]
	start := func(n int) {
		if cur == nil {
			cur = &POEntry{Line: n}
			seen = 0
		}
	}
	for i, raw := range poLines(src) {
		n := i + 1
		line := strings.TrimSpace(raw)
		if pending != 0 && !strings.HasPrefix(line, `"`) {
			return nil, &POError{File: name, Line: pending, Kind: "keyword"}
		}
		if strings.HasPrefix(line, "#") && cur != nil && hasID && cur.Str != nil {
			// A comment after a whole entry is the next one's, even with
			// no blank line between.
			flush()
			if fail != nil {
				return nil, fail
			}
		}
		switch {
		case line == "":
			flush()
			if fail != nil {
				return nil, fail
			}
			continue
		case strings.HasPrefix(line, "#~"):
			start(n)
			cur.Obsolete = true
			continue
		case strings.HasPrefix(line, "#,"):
			start(n)
			cur.Fuzzy = cur.Fuzzy || strings.Contains(line, "fuzzy")
			continue
		case strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, `"`):
			if field == nil {
				return nil, &POError{File: name, Line: n, Kind: "no_keyword"}
			}
			s, err := poStrings(line)
			if err != nil {
				return nil, err.at(name, n)
			}
			text.WriteString(s)
			pending = 0
			continue
		}
		// A keyword, then its string on the same line (with or without a
		// space between) or on the lines that follow.
		cut := strings.IndexAny(line, " \t\"")
		if cut < 0 {
			cut = len(line)
		}
		kw, rest := line[:cut], strings.TrimSpace(line[cut:])
		s := ""
		switch {
		case rest == "":
			pending = n
		case rest[0] != '"':
			return nil, &POError{File: name, Line: n, Kind: "keyword"}
		default:
			var err *stringError
			if s, err = poStrings(rest); err != nil {
				return nil, err.at(name, n)
			}
		}
		end()
		if kw == "msgctxt" || kw == "msgid" && (cur == nil || hasID || cur.Str != nil) {
			if cur != nil && (hasID || cur.Str != nil || cur.Obsolete) {
				flush()
				if fail != nil {
					return nil, fail
				}
			}
		}
		start(n)
		bit := uint(0)
		switch {
		case kw == "msgctxt":
			bit = 1
		case kw == "msgid_plural":
			bit = 2
		case kw == "msgstr":
			bit = 4
		case strings.HasPrefix(kw, "msgstr["):
			if i, err := strconv.Atoi(kw[len("msgstr[") : len(kw)-1]); err == nil && i >= 0 && i <= 5 {
				bit = 8 << i
			}
		}
		if seen&bit != 0 {
			return nil, &POError{File: name, Line: n, Kind: "repeated", Args: []any{"Keyword", kw}}
		}
		seen |= bit
		switch {
		case kw == "msgctxt":
			cur.Context = s
			field = &cur.Context
		case kw == "msgid":
			cur.ID = s
			hasID = true
			field = &cur.ID
		case kw == "msgid_plural":
			cur.IDPlural = s
			field = &cur.IDPlural
		case kw == "msgstr":
			cur.Str = []string{s}
			field = &cur.Str[0]
		case strings.HasPrefix(kw, "msgstr[") && strings.HasSuffix(kw, "]"):
			idx, err := strconv.Atoi(kw[len("msgstr[") : len(kw)-1])
			if err != nil || idx < 0 || idx > 5 {
				return nil, &POError{File: name, Line: n, Kind: "plural_index", Args: []any{"Keyword", kw}}
			}
			for len(cur.Str) <= idx {
				cur.Str = append(cur.Str, "")
			}
			cur.Str[idx] = s
			field = &cur.Str[idx]
		default:
			return nil, &POError{File: name, Line: n, Kind: "unknown_keyword", Args: []any{"Keyword", kw}}
		}
		text.WriteString(s)
	}
	if pending != 0 {
		return nil, &POError{File: name, Line: pending, Kind: "keyword"}
	}
	flush()
	if fail != nil {
		return nil, fail
	}
	return out, nil
}

// poCharset is the charset the PO file's header names, "" if none.
func poCharset(src []byte) string {
	i := bytes.Index(src, []byte("charset="))
	if i < 0 {
		return ""
	}
	rest := src[i+len("charset="):]
	end := bytes.IndexAny(rest, "\\\"\n; ")
	if end < 0 {
		end = len(rest)
	}
	return strings.ToValidUTF8(string(rest[:end]), "?")
}

// invalidAt is the offset of the first byte of src that is not UTF-8.
func invalidAt(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(src)
}

// stringError is what is wrong in a PO string; at gives it its place.
type stringError struct {
	kind string
	args []any
}

func (e *stringError) at(file string, line int) error {
	return &POError{File: file, Line: line, Kind: e.kind, Args: e.args}
}

// poStrings reads the strings of a line, which msgfmt joins ("a" "b" is
// "ab"), up to the end of the line or a # comment after them.
func poStrings(s string) (string, *stringError) {
	var b strings.Builder
	for {
		str, rest, err := poString(s)
		if err != nil {
			return "", err
		}
		b.WriteString(str)
		rest = strings.TrimLeft(rest, " \t")
		switch {
		case rest == "" || rest[0] == '#':
			return b.String(), nil
		case rest[0] == '"':
			s = rest
		default:
			// "He said "yes"": the quote meant as text ended the string.
			return "", &stringError{kind: "inner_quote"}
		}
	}
}

// poString reads the PO string literal s starts with, with the escapes
// msgfmt reads (C's: \n \t \r \a \b \f \v, octal \NNN and hexadecimal
// \xHH), and returns what follows it on the line.
func poString(s string) (string, string, *stringError) {
	if len(s) < 2 || s[0] != '"' {
		return "", "", &stringError{kind: "quote"}
	}
	var b strings.Builder
	quoteEscaped := false // the last thing read was \"
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c == '"' {
			return b.String(), s[i+1:], nil
		}
		if c == 0 {
			return "", "", &stringError{kind: "nul"}
		}
		quoteEscaped = false
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(s) {
			return "", "", &stringError{kind: "lone_backslash"}
		}
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '"', '\\':
			b.WriteByte(s[i])
			quoteEscaped = s[i] == '"'
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseUint(s[i:j], 8, 8)
			if v == 0 {
				return "", "", &stringError{kind: "nul"}
			}
			b.WriteByte(byte(v))
			i = j - 1
		case 'x':
			j := i + 1
			for j < len(s) && j < i+3 && isHex(s[j]) {
				j++
			}
			if j == i+1 {
				return "", "", &stringError{kind: "escape", args: []any{"Escape", `\x`}}
			}
			v, _ := strconv.ParseUint(s[i+1:j], 16, 8)
			if v == 0 {
				return "", "", &stringError{kind: "nul"}
			}
			b.WriteByte(byte(v))
			i = j - 1
		default:
			r, _ := utf8.DecodeRuneInString(s[i:])
			return "", "", &stringError{kind: "escape", args: []any{"Escape", `\` + string(r)}}
		}
	}
	if quoteEscaped {
		// "abc\": the backslash meant as text escaped the closing quote.
		return "", "", &stringError{kind: "lone_backslash"}
	}
	return "", "", &stringError{kind: "quote"}
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// Imported is what ImportPO did.
type Imported struct {
	Data              []byte
	Changed, Stamped  []string
	Fuzzy, Unknown    []string
	Untouched, Plural int
	Charset           string // the PO file's, when it is not UTF-8
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
		return nil, err
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
	noStamp := map[string]bool{}
	for _, e := range entries {
		if e.Obsolete || e.Context == "" {
			continue
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
		} else if len(e.Str) == 1 {
			m.Text = e.Str[0]
		}
		if m.Plain() == "" && !translatedAny(m) {
			res.Untouched++
			continue
		}
		if cur.Text != m.Text || !equalForms(cur.Forms, m.Forms) {
			want.Messages[e.Context] = m
			res.Changed = append(res.Changed, e.Context)
		}
		current := e.ID == englishOne(em) && (em.Forms == nil || e.IDPlural == em.Forms["other"])
		switch {
		case e.Fuzzy:
			res.Fuzzy = append(res.Fuzzy, e.Context)
			noStamp[e.Context] = true
		case current:
			if want.Sources[e.Context] != SourceHash(e.Context) {
				res.Stamped = append(res.Stamped, e.Context)
			}
			want.Sources[e.Context] = SourceHash(e.Context)
		default:
			noStamp[e.Context] = true
		}
	}
	var doc yamlDoc
	if err := doc.parse(src); err != nil {
		return nil, err
	}
	if err := refuseDuplicates(name, doc.node); err != nil {
		return nil, err
	}
	out, err := layoutImport(want, old, doc.node, sourceHeader, tag, noStamp)
	if err != nil {
		return nil, err
	}
	res.Data = sameConventions(src, out.Data)
	return res, nil
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

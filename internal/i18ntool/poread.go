package i18ntool

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
)

// ParsePO reads a PO file: entries with their line, or an error naming the
// line that does not read. It reads what GNU msgfmt reads, token by token
// as msgfmt does (TestParsePOAgreesWithMsgfmt compares the two), and
// refuses what msgfmt refuses; the departures, made for translators, are
// listed in that test: a byte order mark is skipped, a NUL is refused
// rather than cutting the text, and a charset it does not know is refused.
func ParsePO(name string, src []byte) ([]POEntry, error) {
	es, _, err := parsePO(name, src)
	return es, err
}

// parsePO is ParsePO, with the charset the file was read in when its
// header names one other than UTF-8 ("" otherwise).
func parsePO(name string, src []byte) ([]POEntry, string, error) {
	if bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff}) {
		return nil, "", &POError{File: name, Line: 1, Kind: "utf16"}
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	cs, csLine := headerCharset(src)
	if u := strings.ToUpper(cs); strings.HasPrefix(u, "UTF-16") || strings.HasPrefix(u, "UTF-32") || u == "UCS-2" || u == "UCS-4" {
		return nil, "", &POError{File: name, Line: csLine, Kind: "utf16"}
	}
	var enc encoding.Encoding
	if cs != "" && !isUTF8Name(cs) && !isASCIIName(cs) {
		enc = charsetEncoding(cs)
		switch {
		case enc != nil:
			text, err := enc.NewDecoder().Bytes(src)
			if err != nil {
				return nil, "", &POError{File: name, Line: csLine, Kind: "charset", Args: []any{"Charset", cs}}
			}
			// (bytes.IndexRune finds U+FFFD and invalid bytes alike.)
			if i := bytes.IndexRune(text, utf8.RuneError); i >= 0 && !bytes.Contains(src, []byte("\uFFFD")) {
				return nil, "", &POError{File: name, Line: bytes.Count(text[:i], []byte("\n")) + 1, Kind: "not_in_charset", Args: []any{"Charset", cs}}
			}
			src = text
		case !isASCII(src):
			return nil, "", &POError{File: name, Line: csLine, Kind: "charset", Args: []any{"Charset", cs}}
		default:
			cs = "" // a placeholder such as CHARSET in a file that is all ASCII
		}
	} else {
		cs = ""
	}
	// Not UTF-8 where it matters is refused string by string, at its line;
	// a comment may hold anything (old catalogs have Latin-1 names in them),
	// as msgfmt lets it.
	text, joins := joinLines(string(src))
	p := &poParser{lex: poLexer{name: name, src: text, joins: joins, line: 1, enc: enc, charset: cs}}
	es, err := p.entries(false)
	return es, cs, err
}

// headerCharset is the charset the header entry's Content-Type names, and
// the header's line: "" when the file has no header or it does not read.
// It is read before the file is decoded, as msgfmt reads it: the header
// is ASCII in every charset a PO file may be in.
func headerCharset(src []byte) (string, int) {
	fields, line := poHeader(src)
	if _, cs, ok := strings.Cut(fields["content-type"], "charset="); ok {
		cs, _, _ = strings.Cut(strings.TrimSpace(cs), ";")
		cs = strings.Trim(strings.TrimSpace(cs), `"'`)
		return strings.ToValidUTF8(cs, "?"), line
	}
	return "", 0
}

// poHeader is the fields of a PO file's header entry, by lowercase name
// (content-type, language...), and its line; none when the first entry is not a header.
func poHeader(src []byte) (map[string]string, int) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	text, joins := joinLines(string(src))
	p := &poParser{lex: poLexer{src: text, joins: joins, line: 1, raw: true}}
	es, err := p.entries(true)
	if err != nil || len(es) == 0 || es[0].ID != "" || es[0].HasContext || len(es[0].Str) == 0 {
		return nil, 0
	}
	fields := map[string]string{}
	for _, l := range strings.Split(es[0].Str[0], "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			fields[strings.ToLower(strings.TrimSpace(k))] = strings.ToValidUTF8(strings.TrimSpace(v), "?")
		}
	}
	return fields, es[0].Line
}

func isUTF8Name(cs string) bool {
	return strings.EqualFold(strings.ReplaceAll(cs, "-", ""), "utf8")
}

func isASCIIName(cs string) bool {
	return strings.EqualFold(cs, "ASCII") || strings.EqualFold(cs, "US-ASCII") || strings.EqualFold(cs, "ANSI_X3.4-1968")
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// charsetAliases are names gettext knows for charsets x/text has under
// another name.
var charsetAliases = map[string]string{"CP932": "Shift_JIS", "CP949": "EUC-KR", "CP950": "Big5", "CP874": "windows-874", "EUC-CN": "GBK"}

// charsetEncoding is the charset named cs, nil when unknown: its IANA
// name, then the names browsers know (cp1250, gb2312, tis-620...).
func charsetEncoding(cs string) encoding.Encoding {
	if a, ok := charsetAliases[strings.ToUpper(cs)]; ok {
		cs = a
	}
	for _, index := range []*ianaindex.Index{ianaindex.MIME, ianaindex.IANA} {
		if e, err := index.Encoding(cs); err == nil && e != nil {
			return e
		}
	}
	if e, err := htmlindex.Get(cs); err == nil && e != nil {
		return e
	}
	return nil
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// A poToken is a keyword, a string, or a fuzzy flag, with its line and
// whether it was on an obsolete (#~) line.
type poToken struct {
	kind  byte   // 'k' keyword, 's' string, 'f' fuzzy flag, '#' other comment, 0 the end
	kw    string // the keyword as written: msgid, msgstr[1]...
	base  string // msgctxt, msgid, msgid_plural, msgstr, msgstr[]
	index int    // n of msgstr[n]
	text  string
	line  int
	obs   bool
}

// poLexer cuts a PO file into tokens as msgfmt's lexer does: white space
// (LF, CR, tab, space, form feed) between tokens is free, a # outside a
// string begins a comment to the end of the line, and #~ marks a line's
// tokens as obsolete.
type poLexer struct {
	name, src string
	pos, line int
	obsLine   bool              // the line being read began with #~
	afterStr  bool              // a string ended on this line, with nothing after it yet
	raw       bool              // reading the header before decoding: escapes kept as bytes, nothing refused for them
	enc       encoding.Encoding // the file's charset when not UTF-8: escaped bytes are in it
	charset   string
	text      strings.Builder
	run       []byte // escaped bytes not yet added to text
	joins     []int  // where a backslash and line break were taken out (see joinLines)
}

// lineAt is the line of src[p] in the file as it was, before joinLines.
func (l *poLexer) lineAt(p int) int {
	return l.line + sort.SearchInts(l.joins, p+1)
}

// joinLines takes out every backslash that ends a line, with the line
// break, as msgfmt does before it reads tokens (in a comment too: a #:
// reference ending in C:\dir\ hides the next line); joins lists where, in
// the text returned, so that lines are still counted as in the file.
func joinLines(src string) (string, []int) {
	if !strings.Contains(src, "\\\n") {
		return src, nil
	}
	var b strings.Builder
	var joins []int
	for {
		i := strings.Index(src, "\\\n")
		if i < 0 {
			b.WriteString(src)
			return b.String(), joins
		}
		b.WriteString(src[:i])
		joins = append(joins, b.Len())
		src = src[i+2:]
	}
}

func (l *poLexer) fail(kind string, line int, args ...any) *POError {
	return &POError{File: l.name, Line: line, Kind: kind, Args: args}
}

func (l *poLexer) next() (poToken, error) {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '\n':
			l.line++
			l.pos++
			l.obsLine, l.afterStr = false, false
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			l.pos++
		case c == '#':
			if tok, ok := l.comment(); ok {
				return tok, nil
			}
		case c == '"':
			return l.string()
		case c >= 'a' && c <= 'z' || c == '_':
			return l.keyword()
		default:
			if l.afterStr {
				// "He said "yes!"": the quote meant as text ended the string.
				return poToken{}, l.fail("inner_quote", l.lineAt(l.pos))
			}
			end := l.pos
			for end < len(l.src) && !strings.ContainsRune(" \t\r\n\f\v\"", rune(l.src[end])) {
				end++
			}
			return poToken{}, l.fail("unknown_keyword", l.lineAt(l.pos), "Keyword", l.src[l.pos:min(end, l.pos+40)])
		}
	}
	return poToken{line: l.lineAt(l.pos)}, nil
}

// comment reads a comment: a token, since msgfmt takes comments only
// before an entry ('f' for a #, line naming the fuzzy flag). #~ marks the
// rest of its line obsolete (#~| is a previous msgid, a comment).
func (l *poLexer) comment() (poToken, bool) {
	l.afterStr = false
	line := l.lineAt(l.pos)
	rest := l.src[l.pos:]
	end := strings.IndexByte(rest, '\n')
	if end < 0 {
		end = len(rest)
	}
	body := rest[:end]
	switch {
	case strings.HasPrefix(body, "#~") && !strings.HasPrefix(body, "#~|"):
		l.pos += 2
		l.obsLine = true
		return poToken{}, false
	case strings.HasPrefix(body, "#,"):
		l.pos += end
		for _, f := range strings.FieldsFunc(body[2:], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\r' }) {
			if f == "fuzzy" {
				return poToken{kind: 'f', line: line, obs: l.obsLine}, true
			}
		}
		return poToken{kind: '#', line: line, obs: l.obsLine}, true
	}
	l.pos += end
	return poToken{kind: '#', line: line, obs: l.obsLine}, true
}

func (l *poLexer) keyword() (poToken, error) {
	start, line := l.pos, l.lineAt(l.pos)
	after := l.afterStr
	l.afterStr = false
	for l.pos < len(l.src) && (l.src[l.pos] >= 'a' && l.src[l.pos] <= 'z' || l.src[l.pos] == '_') {
		l.pos++
	}
	word := l.src[start:l.pos]
	tok := poToken{kind: 'k', kw: word, base: word, line: line, obs: l.obsLine}
	switch word {
	case "msgctxt", "msgid", "msgid_plural":
		return tok, nil
	case "msgstr":
	default:
		if after {
			// "He said "yes"": the quote meant as text ended the string.
			return poToken{}, l.fail("inner_quote", line)
		}
		return poToken{}, l.fail("unknown_keyword", line, "Keyword", word)
	}
	// msgstr[n], with spaces or tabs allowed around n as msgfmt allows them.
	i := l.pos
	for i < len(l.src) && (l.src[i] == ' ' || l.src[i] == '\t') {
		i++
	}
	if i >= len(l.src) || l.src[i] != '[' {
		return tok, nil
	}
	end := strings.IndexAny(l.src[i:], "]\n")
	if end < 0 || l.src[i+end] != ']' {
		return poToken{}, l.fail("plural_index", line, "Keyword", l.src[start:min(i+1, len(l.src))])
	}
	inner := strings.Trim(l.src[i+1:i+end], " \t")
	kw := "msgstr[" + inner + "]"
	n := 0
	for _, d := range []byte(inner) {
		if d < '0' || d > '9' || n > 5 {
			return poToken{}, l.fail("plural_index", line, "Keyword", kw)
		}
		n = n*10 + int(d-'0')
	}
	if inner == "" || n > 5 {
		return poToken{}, l.fail("plural_index", line, "Keyword", kw)
	}
	l.pos = i + end + 1
	tok.kw, tok.base, tok.index = kw, "msgstr[]", n
	return tok, nil
}

// string reads a string literal with the escapes msgfmt reads (C's: \n
// \t \r \a \b \f \v \" \\, octal \NNN, hexadecimal \xH..., and a backslash
// before a line break, which joins the lines).
func (l *poLexer) string() (poToken, error) {
	line := l.lineAt(l.pos)
	l.text.Reset()
	l.run = l.run[:0]
	quoteEscaped := false // the last thing read was \"
	for i := l.pos + 1; i < len(l.src); i++ {
		c := l.src[i]
		switch {
		case c == '"':
			if err := l.flushRun(line); err != nil {
				return poToken{}, err
			}
			l.pos = i + 1
			l.afterStr = true
			text := l.text.String()
			if !l.raw && !utf8.ValidString(text) {
				return poToken{}, l.fail("utf8", line)
			}
			return poToken{kind: 's', text: text, line: line, obs: l.obsLine}, nil
		case c == '\n':
			if quoteEscaped {
				// "abc\": the backslash meant as text escaped the closing quote.
				return poToken{}, l.fail("lone_backslash", line)
			}
			return poToken{}, l.fail("quote", line)
		case c == 0:
			return poToken{}, l.fail("nul", line)
		case c != '\\':
			if err := l.flushRun(line); err != nil {
				return poToken{}, err
			}
			l.text.WriteByte(c)
			quoteEscaped = false
			continue
		}
		i++
		if i >= len(l.src) {
			return poToken{}, l.fail("lone_backslash", line)
		}
		quoteEscaped = false
		var b byte
		switch e := l.src[i]; e {
		case 'n':
			b = '\n'
		case 't':
			b = '\t'
		case 'r':
			b = '\r'
		case 'a':
			b = '\a'
		case 'b':
			b = '\b'
		case 'f':
			b = '\f'
		case 'v':
			b = '\v'
		case '"', '\\':
			b = e
			quoteEscaped = e == '"'
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v, j := 0, i
			for j < len(l.src) && j < i+3 && l.src[j] >= '0' && l.src[j] <= '7' {
				v = v*8 + int(l.src[j]-'0')
				j++
			}
			i = j - 1
			if v == 0 || v > 0xff {
				return poToken{}, l.fail("nul", line) // msgfmt cuts the text there
			}
			b = byte(v)
		case 'x':
			v, j := 0, i+1
			for j < len(l.src) && isHex(l.src[j]) {
				if v <= 0xff {
					v = v*16 + hexVal(l.src[j])
				}
				j++
			}
			if j == i+1 {
				return poToken{}, l.fail("escape", line, "Escape", `\x`)
			}
			if v > 0xff {
				// \x41a is not "Aa": \x takes every hexadecimal digit after it.
				return poToken{}, l.fail("hex_escape", line, "Escape", l.src[i-1:min(j, i+8)])
			}
			if v == 0 {
				return poToken{}, l.fail("nul", line)
			}
			i = j - 1
			b = byte(v)
		default:
			r, _ := utf8.DecodeRuneInString(l.src[i:])
			return poToken{}, l.fail("escape", line, "Escape", `\`+string(r))
		}
		l.run = append(l.run, b)
	}
	if quoteEscaped {
		return poToken{}, l.fail("lone_backslash", line)
	}
	return poToken{}, l.fail("quote", line)
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	}
	return int(c-'A') + 10
}

// flushRun adds the escaped bytes read so far to the text: bytes of the
// file's charset, as msgfmt takes them (\xe9 is é in a Latin-1 file),
// refused when they are not text in it.
func (l *poLexer) flushRun(line int) error {
	if len(l.run) == 0 {
		return nil
	}
	run := l.run
	l.run = l.run[:0]
	switch {
	case l.raw:
		l.text.Write(run)
	case l.enc != nil:
		text, err := l.enc.NewDecoder().Bytes(run)
		if err != nil || bytes.ContainsRune(text, utf8.RuneError) {
			return l.fail("escape_bytes", line, "Charset", l.charset)
		}
		l.text.Write(text)
	case !utf8.Valid(run):
		return l.fail("escape_bytes", line, "Charset", "UTF-8")
	default:
		l.text.Write(run)
	}
	return nil
}

// poParser reads entries from tokens, as msgfmt's grammar has them: flags,
// then msgctxt (optional), msgid, and either msgstr or msgid_plural and
// msgstr[0], msgstr[1]... in turn; an entry's tokens are all obsolete or
// none is.
type poParser struct {
	lex    poLexer
	peeked *poToken
}

// continues says whether the first token after the comments at the lexer
// is part of an entry already begun (a string, msgstr, msgid_plural):
// msgfmt takes comments only before an entry.
func (p *poParser) continues() bool {
	probe := poLexer{src: p.lex.src, pos: p.lex.pos, line: p.lex.line, joins: p.lex.joins, raw: true}
	for {
		t, err := probe.next()
		if err != nil {
			return false
		}
		switch {
		case t.kind == '#' || t.kind == 'f':
			continue
		case t.kind == 's':
			return true
		case t.kind == 'k':
			return t.base != "msgctxt" && t.base != "msgid"
		}
		return false
	}
}

// need is the next token where the entry must go on with a keyword: a
// comment there is inside the entry.
func (p *poParser) need() (poToken, error) {
	t, err := p.peek()
	if err == nil && (t.kind == '#' || t.kind == 'f') {
		return t, p.lex.fail("comment_inside", t.line)
	}
	return t, err
}

func (p *poParser) peek() (poToken, error) {
	if p.peeked == nil {
		t, err := p.lex.next()
		if err != nil {
			return t, err
		}
		p.peeked = &t
	}
	return *p.peeked, nil
}

func (p *poParser) take() (poToken, error) {
	t, err := p.peek()
	p.peeked = nil
	return t, err
}

// texts reads the strings after keyword k, joined ("a" "b" is "ab").
func (p *poParser) texts(k poToken) (string, error) {
	var b strings.Builder
	n := 0
	for {
		t, err := p.peek()
		if err != nil {
			return "", err
		}
		if t.kind != 's' {
			break
		}
		if t.obs != k.obs {
			return "", p.lex.fail("obsolete_mixed", t.line)
		}
		p.take()
		b.WriteString(t.text)
		n++
	}
	if n == 0 {
		return "", p.lex.fail("keyword", k.line)
	}
	return b.String(), nil
}

// entries reads every entry; first stops after the first.
func (p *poParser) entries(first bool) ([]POEntry, error) {
	var out []POEntry
	seen := map[string]int{} // msgctxt and msgid -> line, as msgfmt tells entries apart
	fuzzy, flagLine := false, 0
	afterEntry := false
	for {
		t, err := p.peek()
		if err != nil {
			return nil, err
		}
		switch {
		case t.kind == 0:
			return out, nil
		case t.kind == 'f' || t.kind == '#':
			p.take()
			if afterEntry {
				afterEntry = false // one look past the comments that follow an entry
				if p.continues() {
					return nil, p.lex.fail("comment_inside", t.line)
				}
			}
			fuzzy = fuzzy || t.kind == 'f'
			if flagLine == 0 {
				flagLine = t.line
			}
			continue
		case t.kind == 's':
			return nil, p.lex.fail("no_keyword", t.line)
		case t.base != "msgctxt" && t.base != "msgid":
			return nil, p.lex.fail("incomplete", t.line)
		}
		e := POEntry{Line: t.line, Fuzzy: fuzzy, Obsolete: t.obs}
		if flagLine != 0 {
			e.Line = flagLine
		}
		fuzzy, flagLine = false, 0
		if err := p.entry(&e); err != nil {
			return nil, err
		}
		afterEntry = true
		{
			k := "\x00" + e.ID
			if e.HasContext {
				k = e.Context + "\x04" + e.ID
			}
			if l, dup := seen[k]; dup {
				if k == "\x00" {
					return nil, p.lex.fail("header_twice", e.Line, "First", l)
				}
				key := e.Context
				if !e.HasContext || key == "" {
					key = e.ID
				}
				return nil, p.lex.fail("duplicate", e.Line, "Key", key, "First", l)
			}
			seen[k] = e.Line
		}
		if e.ID != "" || e.HasContext || first {
			out = append(out, e)
		}
		if first {
			return out, nil
		}
	}
}

// entry reads one entry, from its msgctxt or msgid.
func (p *poParser) entry(e *POEntry) error {
	want := func(t poToken) error {
		if t.obs != e.Obsolete {
			return p.lex.fail("obsolete_mixed", t.line)
		}
		return nil
	}
	t, _ := p.take()
	if t.base == "msgctxt" {
		s, err := p.texts(t)
		if err != nil {
			return err
		}
		e.Context, e.HasContext = s, true
		if t, err = p.need(); err != nil {
			return err
		}
		p.take()
		switch {
		case t.base == "msgctxt":
			return p.lex.fail("repeated", t.line, "Keyword", t.kw)
		case t.base != "msgid":
			return p.lex.fail("incomplete", e.Line)
		}
		if err := want(t); err != nil {
			return err
		}
	}
	s, err := p.texts(t)
	if err != nil {
		return err
	}
	e.ID = s
	t, err = p.need()
	if err != nil {
		return err
	}
	if t.kind != 'k' || t.base == "msgctxt" || t.base == "msgid" {
		return p.lex.fail("incomplete", e.Line)
	}
	if err := want(t); err != nil {
		return err
	}
	p.take()
	switch t.base {
	case "msgstr":
		if s, err = p.texts(t); err != nil {
			return err
		}
		e.Str = []string{s}
	case "msgid_plural":
		if e.IDPlural, err = p.texts(t); err != nil {
			return err
		}
		for {
			t, err := p.peek()
			if len(e.Str) == 0 {
				t, err = p.need()
			}
			if err != nil {
				return err
			}
			if t.base != "msgstr[]" {
				if len(e.Str) == 0 {
					return p.lex.fail("incomplete", e.Line)
				}
				break
			}
			if err := want(t); err != nil {
				return err
			}
			p.take()
			switch {
			case t.index < len(e.Str):
				return p.lex.fail("repeated", t.line, "Keyword", t.kw)
			case t.index > len(e.Str):
				return p.lex.fail("plural_order", t.line, "Keyword", t.kw)
			}
			if s, err = p.texts(t); err != nil {
				return err
			}
			e.Str = append(e.Str, s)
		}
	default:
		return p.lex.fail("unexpected", t.line, "Keyword", t.kw)
	}
	// What may not follow a whole entry: another msgstr or msgid_plural.
	if t, err := p.peek(); err != nil {
		return err
	} else if t.kind == 'k' && t.base != "msgctxt" && t.base != "msgid" {
		if t.kw == "msgstr" && e.IDPlural == "" {
			return p.lex.fail("repeated", t.line, "Keyword", t.kw)
		}
		return p.lex.fail("unexpected", t.line, "Keyword", t.kw)
	}
	return nil
}

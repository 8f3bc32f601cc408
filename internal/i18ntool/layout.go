package i18ntool

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"path"
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/textwidth"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// The comments i18n new and i18n update write, one mark each, so that
// update can tell them from the translator's own (which it keeps):
//
//	#. a note for translators: where the text appears, its width
//	#= the English text, as it is now
//	#| the English text the translation was made from, when it changed
//	#~ a translation of a key English no longer has, kept for reference
const (
	markNote     = "#."
	markEnglish  = "#="
	markPrevious = "#|"
	markObsolete = "#~"
)

// besideWidth is how long a line may grow with the English text as a
// comment beside the key; longer texts go above it.
const besideWidth = 100

// Starter writes a locale file for a new language: every English key in
// en.yaml's layout, each empty (null, so English shows until it is
// translated) with the English text and the translators' note as
// comments, plural forms as the language needs them. header is put at
// the top as comments. No _source: a hash is recorded once a text is
// translated (i18n update or i18n stamp).
func Starter(t language.Tag, header string) []byte {
	f := &i18n.File{Tag: t.String(), Messages: map[string]i18n.Message{}, Sources: map[string]string{}}
	out, err := layout(f, f, nil, header, "", t, nil)
	if err != nil {
		panic(err) // English itself does not lay out: the tests catch it
	}
	return out.Data
}

// Updated is the result of Update: the new bytes and what changed.
type Updated struct {
	Data []byte
	// Added are English keys the file did not have (empty, English shown).
	Added []string
	// Renamed maps a new key to the old key whose translation moved to it
	// (its English text is unchanged).
	Renamed map[string]string
	// Obsolete are translated keys English no longer has: kept in the file
	// as #~ comments, out of the way.
	Obsolete []string
	// Stale are translations whose English text changed, with the text
	// they were made from when the file shows it ("" when not).
	Stale []StaleText
	// Stamped are translations whose English source is now recorded: the
	// English shown beside them is the current one.
	Stamped []string
}

// StaleText is a translation whose English changed.
type StaleText struct {
	Key, Before, Now string
}

// Update brings a locale file up to date with English: new keys added in
// place (empty, English beside), keys English dropped moved to #~
// comments (or to their new name when only the key changed), the English
// comments refreshed, stale translations shown with the old and the new
// English, and the translator's own comments and values kept. The result
// is parsed again and compared with what was intended: every translation
// the same, every recorded hash as planned; otherwise an error, and
// nothing to write.
// sourceHeader heads the _source block.
func Update(name string, src []byte, sourceHeader string) (*Updated, error) {
	old, err := i18n.Parse(name, src)
	if err != nil {
		return nil, err
	}
	if old.Tag == "" {
		old.Tag = strings.TrimSuffix(path.Base(name), path.Ext(name))
	}
	var doc yaml.Node
	yaml.Unmarshal(src, &doc) // Parse succeeded: so does this
	if err := refuseDuplicates(name, &doc); err != nil {
		return nil, err
	}
	t, err := language.Parse(old.Tag)
	if err != nil || old.Tag == "" {
		t = language.Und
	}
	up, err := layout(old, old, &doc, "", sourceHeader, t, nil)
	if err == nil {
		up.Data = sameConventions(src, up.Data)
	}
	return up, err
}

// sameConventions gives out, written with LF line breaks, the byte order
// mark and the CR LF line breaks of src where src has them: a translator's
// file saved on Windows stays as it was saved, and its diff shows only
// what changed, not every line.
func sameConventions(src, out []byte) []byte {
	out = sameCommentSpacing(src, out)
	bom := []byte("\ufeff")
	body := bytes.TrimPrefix(src, bom)
	if i := bytes.IndexByte(body, '\n'); i > 0 && body[i-1] == '\r' {
		out = bytes.ReplaceAll(bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
	}
	if bytes.HasPrefix(src, bom) && !bytes.HasPrefix(out, bom) {
		out = append(append([]byte{}, bom...), out...)
	}
	return out
}

// sameCommentSpacing gives each comment beside a key or a value in out
// (written with one space before it) the blanks the translator put before
// it in src, where the same key has the same comment: a line that did not
// change comes back byte for byte, and a changed text keeps its comment
// where it was. out is returned as it is when nothing is to be done, or
// when the result would not read back as out does (the spacing is not
// worth a refusal).
func sameCommentSpacing(src, out []byte) []byte {
	gaps := map[string]string{}
	odd := false // a gap other than the one space the encoder writes
	var srcDoc yaml.Node
	if !bytes.Contains(src, []byte("#")) || yaml.Unmarshal(src, &srcDoc) != nil {
		return out
	}
	srcLines := strings.Split(string(src), "\n")
	besideComments(&srcDoc, func(at string, n *yaml.Node) {
		line := strings.TrimSuffix(srcLines[n.Line-1], "\r")
		before, ok := strings.CutSuffix(line, n.LineComment)
		text := strings.TrimRight(before, " \t")
		if !ok || text == "" || len(text) == len(before) {
			return
		}
		gap := before[len(text):]
		gaps[at+"\x00"+n.LineComment] = gap
		odd = odd || gap != " "
	})
	if !odd {
		return out
	}
	var outDoc yaml.Node
	if yaml.Unmarshal(out, &outDoc) != nil {
		return out
	}
	lines := strings.Split(string(out), "\n")
	besideComments(&outDoc, func(at string, n *yaml.Node) {
		gap, ok := gaps[at+"\x00"+n.LineComment]
		line := lines[n.Line-1]
		before, found := strings.CutSuffix(line, n.LineComment)
		if text := strings.TrimRight(before, " \t"); ok && found && text != "" && len(text) < len(before) {
			lines[n.Line-1] = text + gap + n.LineComment
		}
	})
	spaced := []byte(strings.Join(lines, "\n"))
	a, errA := i18n.Parse("", out)
	b, errB := i18n.Parse("", spaced)
	if errA != nil || errB != nil || !sameTexts(a, b) || !maps.Equal(a.Sources, b.Sources) {
		return out
	}
	return spaced
}

// besideComments calls visit for each key and value of doc that has a
// comment beside it (on one line), with the key's path: "ui.status.met",
// "ui.tui.problems.one".
func besideComments(doc *yaml.Node, visit func(at string, n *yaml.Node)) {
	var walk func(prefix string, n *yaml.Node)
	walk = func(prefix string, n *yaml.Node) {
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			at := prefix + "." + k.Value
			for _, c := range []*yaml.Node{k, v} {
				if c.LineComment != "" && c.Line > 0 && !strings.Contains(c.LineComment, "\n") {
					visit(at, c)
				}
			}
			walk(at, v)
		}
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		walk("", doc.Content[0])
	}
}

// entry is what the old file has for one key.
type entry struct {
	key, value *yaml.Node
	own        string // the translator's own comments above the key
	ownBeside  string // and beside it
	english    string // the English text of its #= comment
	hasEnglish bool
	previous   string // the English of its #| comment: stale when written
	hasNote    bool   // a #. note stands above it: it is refreshed, not dropped
}

// layoutImport is layout for i18n import-po: f holds the texts wanted,
// old and doc the file as it is.
func layoutImport(f, old *i18n.File, doc *yaml.Node, sourceHeader string, tag language.Tag, noStamp map[string]string) (*Updated, error) {
	return layout(f, old, doc, "", sourceHeader, tag, noStamp)
}

// MarkedStale lists the translations of src that carry a #| comment (the
// English they were made from, written by i18n update) and no _source
// entry: a file updated by an older bestpractices, or edited by hand.
// They are stale, not merely unrecorded: i18n status says so, and i18n
// stamp records them only when named.
func MarkedStale(f *i18n.File, src []byte) map[string]bool {
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	old := map[string]*entry{}
	var order []string
	collect(doc.Content[0], "", f, old, &order)
	out := map[string]bool{}
	for _, k := range order {
		if _, recorded := f.Sources[k]; !recorded && old[k].previous != "" && f.Translated(k) {
			out[k] = true
		}
	}
	return out
}

// yamlDoc is a file's YAML tree.
type yamlDoc struct{ node *yaml.Node }

func (d *yamlDoc) parse(src []byte) error {
	d.node = &yaml.Node{}
	return yaml.Unmarshal(src, d.node)
}

// layout writes f (the texts wanted) in English's layout. doc is the
// file's YAML tree as it is (nil for a new file) and old its texts: values
// that did not change are carried over as they are written, with the
// comments. noStamp names texts whose source must not be recorded as the
// current English; its value, when not "", is the older English the text
// was made from (an imported PO entry's msgid), shown as #|.
func layout(f, oldFile *i18n.File, doc *yaml.Node, header, sourceHeader string, tag language.Tag, noStamp map[string]string) (*Updated, error) {
	// A text that reads back alone may not in its place (a block that
	// keeps its final blank lines, at the end of the file): the proof
	// names it, and it is written again in double quotes, which carry
	// any text the same wherever they stand.
	quoted := map[string]bool{}
	for {
		up, err := layoutOnce(f, oldFile, doc, header, sourceHeader, tag, noStamp, quoted)
		var pe *ProofError
		if !errors.As(err, &pe) || pe.Kind != "text" || quoted[pe.Key] {
			return up, err
		}
		quoted[pe.Key] = true
	}
}

func layoutOnce(f, oldFile *i18n.File, doc *yaml.Node, header, sourceHeader string, tag language.Tag, noStamp map[string]string, quoted map[string]bool) (*Updated, error) {
	en, _ := i18n.Embedded("en")
	root, order := englishTree()
	up := &Updated{Renamed: map[string]string{}}
	old := map[string]*entry{}
	var oldOrder []string
	var topComment, metaName string
	var oldMeta, oldSource [2]*yaml.Node // the file's meta and _source: key, value
	if doc != nil && len(doc.Content) > 0 {
		topComment = doc.HeadComment
		r := doc.Content[0]
		if topComment == "" && len(r.Content) > 0 {
			// yaml.v3 puts a comment right above the first key on that key
			first := r.Content[0]
			topComment, first.HeadComment = first.HeadComment, ""
			defer func() { first.HeadComment = topComment }() // doc stays as it was, for another try
		}
		collect(r, "", f, old, &oldOrder)
		for i := 0; i+1 < len(r.Content); i += 2 {
			switch r.Content[i].Value {
			case "meta":
				oldMeta = [2]*yaml.Node{r.Content[i], r.Content[i+1]}
			case "_source":
				oldSource = [2]*yaml.Node{r.Content[i], r.Content[i+1]}
			}
		}
	}
	metaName = f.Name
	if header != "" && topComment == "" {
		var b strings.Builder
		for i, l := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
			if i > 0 {
				b.WriteString("\n")
			}
			b.WriteString(strings.TrimRight("# "+l, " "))
		}
		topComment = b.String()
	}

	// Renames: a translated key English no longer has, whose English text
	// is exactly that of a new key, moves there. Its English is the one
	// _source records, else the one its #= comment shows (a file never
	// stamped).
	byHash := map[string][]string{}
	for _, k := range oldOrder {
		if _, inEnglish := en.Messages[k]; !inEnglish && f.Translated(k) {
			if h, ok := f.Sources[k]; ok {
				byHash[h] = append(byHash[h], k)
			} else if e := old[k]; e != nil && e.hasEnglish {
				h := hashOf(f.Messages[k], e.english)
				byHash[h] = append(byHash[h], k)
			}
		}
	}
	moved := map[string]bool{}
	source := map[string]string{} // key in the new file -> key in the old one
	for _, k := range order {
		if f.Translated(k) {
			source[k] = k // here already, or new from a PO file
			continue
		}
		if _, ok := old[k]; ok {
			source[k] = k // empty here: a rename may fill it below
		}
		if cands := byHash[SourceHash(k)]; len(cands) == 1 && !moved[cands[0]] {
			source[k], moved[cands[0]] = cands[0], true
			up.Renamed[k] = cands[0]
			if h, ok := f.Sources[cands[0]]; ok {
				f.Sources[k] = h
			}
		}
	}

	sources := map[string]string{}
	want := map[string]i18n.Message{}
	unwritable := "" // the first text no YAML style carries
	var emit func(prefix string, n *yaml.Node) *yaml.Node
	emit = func(prefix string, n *yaml.Node) *yaml.Node {
		out := &yaml.Node{Kind: yaml.MappingNode}
		// A note shared by neighbours is written once, above the first
		// of them that shows it.
		runNote, runShown := "", false
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, n.Content[i+1]
			if prefix == "" && (k == "meta" || k == "_source") {
				continue
			}
			full := k
			if prefix != "" {
				full = prefix + "." + k
			}
			m, leaf := en.Messages[full]
			if !leaf {
				if v.Kind == yaml.MappingNode {
					e := old[full]
					var heads []string
					var oldKey *yaml.Node
					if e != nil {
						oldKey = e.key
						if e.own != "" {
							heads = append(heads, e.own) // a translator's comment on a group
						}
					}
					kn := keyNode(oldKey, k)
					if note := i18n.GroupNote(full); note != "" && (e == nil || e.hasNote) {
						heads = append(heads, commentLines(markNote, wrapComment(note)))
					}
					kn.HeadComment = strings.Join(heads, "\n")
					if e != nil {
						kn.LineComment, kn.FootComment = e.ownBeside, ownOnly(e.key.FootComment)
					}
					out.Content = append(out.Content, kn, emit(full, v))
					runNote, runShown = "", false
				}
				continue
			}
			note := noteComment(full)
			if note != runNote {
				runNote, runShown = note, false
			}
			// Presence, not the key, says whether the old file has a text
			// for this one: a file may hold the key "" (`"": x` or an
			// anchored empty key), which must not fill every new key.
			oldKey, carried := source[full]
			var e *entry
			if carried {
				e = old[oldKey]
			}
			madeFrom, held := noStamp[full]
			kn, vn, shown := leafNodes(full, k, note, runShown, m, e, f, oldFile, oldKey, carried, tag, up, sources, want, held, madeFrom)
			if quoted[full] {
				quoteAll(vn)
			}
			if !writable(vn, strings.Count(full, ".")+1) && unwritable == "" {
				unwritable = full
			}
			runShown = runShown || shown
			out.Content = append(out.Content, kn, vn)
			if !carried {
				up.Added = append(up.Added, full)
			}
		}
		return out
	}
	body := emit("", root)
	if unwritable != "" {
		return nil, &ProofError{File: f.Path, Key: unwritable, Kind: "unwritable"}
	}

	top := &yaml.Node{Kind: yaml.MappingNode}
	metaKey := keyNode(oldMeta[0], "meta")
	metaKey.HeadComment = topComment
	tagText := tag.String()
	if tag == language.Und {
		tagText = f.Tag
	}
	meta := &yaml.Node{Kind: yaml.MappingNode, Content: append(
		metaEntry(oldMeta[1], "tag", tagText, ""),
		metaEntry(oldMeta[1], "name", metaName, noteComment("meta.name"))...)}
	top.Content = append(top.Content, metaKey, meta)
	top.Content = append(top.Content, body.Content...)

	// Keys English no longer has, translated: kept as comments.
	var obsolete []string
	if doc != nil {
		obsolete = keptObsolete(doc)
	}
	for _, k := range oldOrder {
		if _, inEnglish := en.Messages[k]; inEnglish || moved[k] || !f.Translated(k) {
			continue
		}
		up.Obsolete = append(up.Obsolete, k)
		obsolete = append(obsolete, obsoleteLines(k, f.Messages[k])...)
	}
	if len(sources) > 0 {
		top.Content = append(top.Content, sourceBlock(oldSource, sources, order, sourceHeader)...)
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(top); err != nil {
		return nil, &ProofError{File: f.Path, Kind: "parse"}
	}
	enc.Close()
	if len(obsolete) > 0 {
		b.WriteString("\n# Keys English no longer has: their translations, kept for reference by i18n update.\n")
		b.WriteString("# Move one under its new key if it still fits, then delete these lines.\n")
		for _, l := range obsolete {
			b.WriteString(l + "\n")
		}
	}
	up.Data = b.Bytes()

	// The proof: the new bytes hold every translation as it was, and the
	// hashes planned, or nothing is written.
	// The parser's message is left out: its line is one of bytes that are
	// never written.
	after, err := i18n.Parse(f.Path, up.Data)
	if err != nil {
		return nil, &ProofError{File: f.Path, Kind: "parse"}
	}
	for _, k := range order {
		got, w := norm(after.Messages[k]), norm(want[k])
		if got.Text != w.Text || !maps.Equal(got.Forms, w.Forms) {
			return nil, &ProofError{File: f.Path, Key: k, Kind: "text"}
		}
	}
	if !maps.Equal(after.Sources, sources) || after.Name != f.Name {
		return nil, &ProofError{File: f.Path, Kind: "record"}
	}
	return up, nil
}

// valueNode writes a text: a line, quoted when it must be; several lines
// as a literal block; plural forms as a mapping.
func valueNode(m i18n.Message) *yaml.Node {
	if m.Forms == nil {
		if blockFriendly(m.Text) {
			return &yaml.Node{Kind: yaml.ScalarNode, Value: m.Text, Style: yaml.LiteralStyle}
		}
		if strings.Contains(m.Text, "\n") {
			return &yaml.Node{Kind: yaml.ScalarNode, Value: m.Text, Style: yaml.DoubleQuotedStyle}
		}
		return styled(m.Text)
	}
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, form := range i18n.FormNames(m.Forms) {
		n.Content = append(n.Content, keyNode(nil, form), valueNode(i18n.Message{Text: m.Forms[form]}))
	}
	return n
}

// norm makes an empty text and empty plural forms the same: nothing.
func norm(m i18n.Message) i18n.Message {
	empty := m.Text == ""
	for _, s := range m.Forms {
		empty = empty && s == ""
	}
	if empty {
		return i18n.Message{}
	}
	return i18n.Message{Text: m.Text, Forms: m.Forms}
}

// leafNodes builds the key and value of one text, carrying over e (the
// old file's entry for the key, possibly under another name: oldKey).
// carried says whether there is such an old key at all. note is the
// translators' note of the key; noteShown says a neighbour above already
// shows it. shown says whether this one shows it: a note is written for a
// new key, refreshed where the file has one, and added where the English
// is shown (a text to translate or revise); a translated text the file
// gives no note keeps none.
func leafNodes(full, k, note string, noteShown bool, m i18n.Message, e *entry, f, oldFile *i18n.File, oldKey string, carried bool, tag language.Tag, up *Updated, sources map[string]string, want map[string]i18n.Message, noStamp bool, madeFrom string) (kn, vn *yaml.Node, shown bool) {
	var oldKeyNode, oldValue *yaml.Node
	if e != nil {
		oldValue = e.value
		if e.key.Value == k {
			oldKeyNode = e.key // renamed: the new name is written as new
		}
	}
	kn = keyNode(oldKeyNode, k)
	english := englishPlain(m)
	translated := carried && f.Translated(oldKey)
	om, ok := f.Messages[oldKey]
	was, had := oldFile.Messages[oldKey]
	ok, had = ok && carried, had && carried
	switch {
	case ok && had && e != nil && !isNull(e.value) && was.Text == om.Text && equalForms(was.Forms, om.Forms):
		vn = strip(e.value) // as the translator wrote it
		want[full] = i18n.Message{Text: om.Text, Forms: om.Forms}
	case ok && (om.Text != "" || translatedAny(om)):
		vn = restyled(oldValue, om)
		want[full] = i18n.Message{Text: om.Text, Forms: om.Forms}
	case e != nil && isNull(e.value) && sameShape(e.value, m, tag):
		vn = strip(e.value) // empty, as the file writes it (key:, ~, null)
	default:
		// Nothing, or a group where English has a text (its texts are
		// listed as keys English does not have, below).
		vn = emptyValue(m, tag)
	}
	var marks []string // #| lines
	hash, stamped := f.Sources[oldKey]
	stamped = stamped && carried
	current := SourceHash(full)
	showEnglish := !translated || e != nil && e.hasEnglish
	switch {
	case translated && stamped:
		sources[full] = hash
		if hash != current {
			before := ""
			switch {
			case madeFrom != "" && hashOf(m, madeFrom) == hash:
				before = madeFrom // the msgid of the PO entry imported
			case e != nil && e.previous != "":
				before = e.previous // written by an earlier update
			case e != nil && e.hasEnglish && hashOf(m, e.english) == hash:
				before = e.english // the English shown is the one recorded
			}
			up.Stale = append(up.Stale, StaleText{Key: full, Before: before, Now: englishPlain(m)})
			if before != "" {
				marks = append(marks, commentLines(markPrevious, before))
			}
			showEnglish = true
		}
	case translated && e != nil && e.previous != "":
		// Marked stale by an earlier update and not stamped since: the
		// English it was made from is recorded, so that status calls it
		// stale and stamp does not take it for a new translation.
		sources[full] = hashOf(m, e.previous)
		up.Stale = append(up.Stale, StaleText{Key: full, Before: e.previous, Now: englishPlain(m)})
		marks = append(marks, commentLines(markPrevious, e.previous))
		showEnglish = true
	case translated && noStamp:
	case translated && e != nil && e.hasEnglish && e.english == english && hashOf(m, e.english) == current:
		sources[full] = current // translated from the English shown beside it: current
		up.Stamped = append(up.Stamped, full)
	case translated && e != nil && e.hasEnglish:
		// Made from the older English shown beside it: that is what is
		// recorded, and the translation shows as stale until stamped.
		sources[full] = hashOf(m, e.english)
		up.Stale = append(up.Stale, StaleText{Key: full, Before: e.english, Now: englishPlain(m)})
		marks = append(marks, commentLines(markPrevious, e.english))
		showEnglish = true
	}
	var heads []string
	if e != nil && e.own != "" {
		heads = append(heads, e.own)
	}
	if shown = note != "" && !noteShown && (e == nil || e.hasNote || showEnglish); shown {
		heads = append(heads, note)
	}
	heads = append(heads, marks...)
	if showEnglish {
		if m.Forms == nil && !strings.Contains(m.Text, "\n") && len(heads) == 0 && len(k)+len(m.Text) < besideWidth && vn.Kind == yaml.ScalarNode && !strings.Contains(vn.Value, "\n") {
			if isNull(vn) {
				kn.LineComment = markEnglish + " " + m.Text
			} else {
				vn.LineComment = markEnglish + " " + m.Text
			}
		} else {
			heads = append(heads, commentLines(markEnglish, english))
		}
	}
	if e != nil && e.ownBeside != "" {
		if vn.LineComment == "" && kn.LineComment == "" {
			vn.LineComment = e.ownBeside
		} else {
			heads = append(heads, e.ownBeside)
		}
	}
	kn.HeadComment = strings.Join(heads, "\n")
	if e != nil {
		kn.FootComment = ownOnly(e.key.FootComment)
	}
	return kn, vn, shown
}

// englishText is the English of a message as the #= comments show it and
// Hash reads it: the text, or each plural form as "form: text" lines.
func englishText(m i18n.Message) string {
	if m.Forms == nil {
		return m.Text
	}
	var b strings.Builder
	for _, f := range i18n.FormNames(m.Forms) {
		b.WriteString(f + ": " + m.Forms[f] + "\n")
	}
	return b.String()
}

// englishPlain is the English shown for a stale text in the report.
func englishPlain(m i18n.Message) string {
	return strings.TrimSuffix(englishText(m), "\n")
}

// commentLines writes text as comment lines, each with mark.
func commentLines(mark, text string) string {
	var out []string
	for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		out = append(out, strings.TrimRight(mark+" "+l, " "))
	}
	return strings.Join(out, "\n")
}

// noteComment is the translators' note of key, as a comment.
func noteComment(key string) string {
	info := i18n.Info(key)
	if info.Note == "" {
		return ""
	}
	s := info.Note
	if info.OneLine {
		s += "; one line"
	}
	if info.Width > 0 {
		s += fmt.Sprintf("; at most %d cells", info.Width)
	}
	return markNote + " " + s
}

// wrapComment breaks a long note into lines of about 100 characters.
func wrapComment(s string) string {
	return strings.Join(textwidth.Wrap(s, 96), "\n")
}

// keptObsolete finds the #~ lines an earlier update left, to keep them.
// yaml.v3 may give one comment to two nodes: each block is kept once.
func keptObsolete(doc *yaml.Node) []string {
	var out []string
	seen := map[string]bool{}
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			if !strings.Contains(c, markObsolete) {
				continue // most nodes: no comment to split
			}
			var block []string
			for _, l := range strings.Split(c, "\n") {
				if strings.HasPrefix(l, markObsolete) {
					block = append(block, l)
				}
			}
			if key := strings.Join(block, "\n"); len(block) > 0 && !seen[key] {
				seen[key] = true
				out = append(out, block...)
			}
		}
		for _, ch := range n.Content {
			visit(ch)
		}
	}
	visit(doc)
	return out
}

// obsoleteLines keeps a translation English no longer has as comments.
func obsoleteLines(key string, m i18n.Message) []string {
	var out []string
	add := func(prefix, s string) {
		for i, l := range strings.Split(s, "\n") {
			if i == 0 {
				out = append(out, strings.TrimRight(markObsolete+" "+prefix+l, " "))
			} else {
				out = append(out, strings.TrimRight(markObsolete+"     "+l, " "))
			}
		}
	}
	text := func(s string) string {
		if breaksComment(s) {
			return quotedLine(s)
		}
		return s
	}
	if m.Forms == nil {
		add(key+": ", text(m.Text))
		return out
	}
	out = append(out, markObsolete+" "+key+":")
	for _, f := range i18n.FormNames(m.Forms) {
		add("  "+f+": ", text(m.Forms[f]))
	}
	return out
}

// emptyValue is an untranslated text: null, or null plural forms of the
// language.
func emptyValue(m i18n.Message, tag language.Tag) *yaml.Node {
	if m.Forms == nil {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
	}
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, f := range PluralForms(tag) {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: f}, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"})
	}
	return n
}

func isNull(n *yaml.Node) bool {
	if n == nil {
		return true
	}
	if n.Kind == yaml.ScalarNode {
		return n.Tag == "!!null"
	}
	if n.Kind == yaml.MappingNode {
		for i := 1; i < len(n.Content); i += 2 {
			if !isNull(n.Content[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// strip copies a value node without our comments (they are written anew)
// and without its place in the old file. The comment beside the value
// itself is the caller's (collect reads it); those beside its plural
// forms stay.
func strip(n *yaml.Node) *yaml.Node {
	c := stripNested(n)
	c.LineComment = ""
	return c
}

func stripNested(n *yaml.Node) *yaml.Node {
	c := *n
	c.Line, c.Column = 0, 0
	c.HeadComment, c.FootComment = ownOnly(n.HeadComment), ownOnly(n.FootComment)
	if isOurs(c.LineComment) {
		c.LineComment = ""
	}
	if c.Kind == yaml.ScalarNode && c.Style == 0 && c.Tag == "!!str" && plainIsAmbiguous(c.Value) {
		c.Style = yaml.DoubleQuotedStyle
	}
	if len(n.Content) > 0 {
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, ch := range n.Content {
			c.Content[i] = stripNested(ch)
		}
	}
	return &c
}

// styled is a one-line text, quoted only when it must be: for yaml.v3,
// and for YAML 1.1 readers (yes, no, on, 1.0, 2024-01-01 are quoted).
func styled(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: s}
	if q := scalar(s); strings.HasPrefix(q, `"`) || strings.HasPrefix(q, `'`) || needsQuotes(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// restyled writes a changed text in the style its old value had (old: nil
// for a new one): a quoted text stays quoted the same way, a block stays
// a block while it has several lines, a plain one stays plain where that
// reads back as the text; plural forms keep their keys' and values' style.
func restyled(old *yaml.Node, m i18n.Message) *yaml.Node {
	if m.Forms != nil {
		n := &yaml.Node{Kind: yaml.MappingNode}
		var oldForms *yaml.Node
		if old != nil && old.Kind == yaml.MappingNode {
			oldForms = old
			n.Style = old.Style & yaml.FlowStyle
		}
		for _, form := range i18n.FormNames(m.Forms) {
			var ok, ov *yaml.Node
			if oldForms != nil {
				for i := 0; i+1 < len(oldForms.Content); i += 2 {
					if oldForms.Content[i].Value == form {
						ok, ov = oldForms.Content[i], oldForms.Content[i+1]
					}
				}
			}
			kn, vn := keyNode(ok, form), restyled(ov, i18n.Message{Text: m.Forms[form]})
			keepOwnComments(ok, ov, kn, vn)
			n.Content = append(n.Content, kn, vn)
		}
		return n
	}
	n := valueNode(m)
	if old == nil || old.Kind != yaml.ScalarNode || isNull(old) {
		return n
	}
	multi := strings.Contains(m.Text, "\n")
	switch style := old.Style &^ yaml.TaggedStyle; {
	case style == yaml.LiteralStyle || style == yaml.FoldedStyle:
		if multi && blockFriendly(m.Text) {
			n.Style = style
		}
	case style == yaml.DoubleQuotedStyle || style == yaml.SingleQuotedStyle:
		if !multi {
			n.Style = style
		}
	case style == 0 && !multi:
		// plain stays plain where it can; styled quotes where it must
	}
	return n
}

// keepOwnComments carries the translator's comments of a plural form
// (ok, ov: its key and value in the file, nil when new) over to its new
// key and value: above it, beside it, below it.
func keepOwnComments(ok, ov, kn, vn *yaml.Node) {
	if ok == nil {
		return
	}
	kn.HeadComment, kn.FootComment = ownOnly(ok.HeadComment), ownOnly(ok.FootComment)
	beside := ok.LineComment
	if ov != nil && ov.LineComment != "" {
		beside = ov.LineComment
	}
	if beside != "" && !isOurs(beside) {
		vn.LineComment = beside
	}
}

// sameShape reports whether an empty old value has the shape an empty
// value of m takes: a scalar for a text, the language's plural forms.
func sameShape(v *yaml.Node, m i18n.Message, tag language.Tag) bool {
	if m.Forms == nil {
		return v.Kind == yaml.ScalarNode
	}
	forms := PluralForms(tag)
	if v.Kind != yaml.MappingNode || len(v.Content) != 2*len(forms) {
		return false
	}
	for i, f := range forms {
		if v.Content[2*i].Value != f {
			return false
		}
	}
	return true
}

// hasNote reports whether a comment block holds a #. note.
func hasNote(c string) bool {
	for _, l := range strings.Split(c, "\n") {
		if strings.HasPrefix(l, markNote) {
			return true
		}
	}
	return false
}

// collect records, per flattened key, the old file's nodes and comments.
func collect(n *yaml.Node, prefix string, f *i18n.File, out map[string]*entry, order *[]string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if prefix == "" && (k.Value == "meta" || k.Value == "_source") {
			continue
		}
		full := k.Value
		if prefix != "" {
			full = prefix + "." + k.Value
		}
		e := &entry{key: k, value: v}
		own, eng := splitComments(k.HeadComment)
		e.own = own
		e.previous = previousText(k.HeadComment)
		e.hasNote = hasNote(k.HeadComment)
		beside := k.LineComment
		if beside == "" {
			beside = v.LineComment
		}
		if strings.HasPrefix(beside, markEnglish) {
			eng = append(eng, strings.TrimPrefix(strings.TrimPrefix(beside, markEnglish), " "))
		} else if beside != "" && !isOurs(beside) {
			e.ownBeside = beside
		}
		if len(eng) > 0 {
			e.hasEnglish = true
			e.english = strings.Join(eng, "\n")
		}
		_, isMsg := f.Messages[full]
		if isMsg || v.Kind == yaml.ScalarNode || v.Kind == yaml.MappingNode && isNull(v) && allForms(v) {
			out[full] = e
			*order = append(*order, full)
			continue
		}
		if v.Kind == yaml.MappingNode {
			out[full] = e // a group: only its own comments are carried
			collect(v, full, f, out, order)
		}
	}
}

// hashOf is the Hash of an English text as a comment shows it, read as
// the text of m's kind (plural forms are hashed with a final newline).
func hashOf(m i18n.Message, text string) string {
	if m.Forms != nil {
		return Hash(text + "\n")
	}
	return Hash(text)
}

func allForms(v *yaml.Node) bool {
	for i := 0; i < len(v.Content); i += 2 {
		if !i18n.IsPluralCategory(v.Content[i].Value) {
			return false
		}
	}
	return len(v.Content) > 0
}

// splitComments parts a comment block into the translator's own lines and
// the English text of our #= lines.
func splitComments(c string) (own string, english []string) {
	if c == "" {
		return "", nil
	}
	var mine []string
	for _, l := range strings.Split(c, "\n") {
		switch {
		case strings.HasPrefix(l, markEnglish):
			english = append(english, strings.TrimPrefix(strings.TrimPrefix(l, markEnglish), " "))
		case isOurs(l):
		default:
			mine = append(mine, l)
		}
	}
	return strings.TrimSpace(strings.Join(mine, "\n")), english
}

// previousText is the English of a comment block's #| lines.
func previousText(c string) string {
	var out []string
	for _, l := range strings.Split(c, "\n") {
		if strings.HasPrefix(l, markPrevious) {
			out = append(out, strings.TrimPrefix(strings.TrimPrefix(l, markPrevious), " "))
		}
	}
	return strings.Join(out, "\n")
}

func isOurs(l string) bool {
	for _, m := range []string{markNote, markEnglish, markPrevious, markObsolete} {
		if strings.HasPrefix(l, m) {
			return true
		}
	}
	return false
}

func ownOnly(c string) string {
	own, _ := splitComments(c)
	return own
}

// ProblemsError is a locale file that a writer refuses to rewrite, for the
// problems listed (with their lines, in en.yaml's words as i18n check says
// them): nothing was written.
type ProblemsError struct {
	File     string
	Problems []Problem
}

func (e *ProblemsError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s:%d: %s", e.File, p.Line, p.Message(i18n.English()))
	}
	return b.String()
}

// refuseDuplicates refuses a file with a key given twice: the parser keeps
// one of the two, and a rewrite would drop the other, the translator's
// text, without a word (i18n update on "passing: Bestanden" then "passing:
// Doppelt" kept Doppelt alone).
func refuseDuplicates(name string, doc *yaml.Node) error {
	c := &checker{}
	var walk func(prefix string, n *yaml.Node)
	walk = func(prefix string, n *yaml.Node) {
		if n.Kind == yaml.DocumentNode {
			for _, ch := range n.Content {
				walk(prefix, ch)
			}
			return
		}
		if n.Kind != yaml.MappingNode {
			return
		}
		c.pairs(prefix, n, func(key string, _, v *yaml.Node) { walk(key, v) })
	}
	walk("", doc)
	if len(c.out) == 0 {
		return nil
	}
	return &ProblemsError{File: name, Problems: c.sorted()}
}

// metaEntry writes one entry of meta (tag, name) as the file's meta has
// it: its key's and value's quoting and the translator's comments; the
// value is the one wanted. note, the translators' note, goes beside the
// value of a new file or where the file has it.
func metaEntry(oldMeta *yaml.Node, key, value, note string) []*yaml.Node {
	var ok, ov *yaml.Node
	if oldMeta != nil && oldMeta.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(oldMeta.Content); i += 2 {
			if oldMeta.Content[i].Value == key {
				ok, ov = oldMeta.Content[i], oldMeta.Content[i+1]
			}
		}
	}
	kn := keyNode(ok, key)
	var vn *yaml.Node
	if ov != nil && ov.Kind == yaml.ScalarNode && ov.Value == value && !isNull(ov) {
		vn = strip(ov)
	} else {
		vn = restyled(ov, i18n.Message{Text: value})
	}
	writable(vn, 2) // else the proof refuses the file
	if ok != nil {
		kn.HeadComment, kn.FootComment = ownOnly(ok.HeadComment), ownOnly(ok.FootComment)
	}
	beside := ""
	if ov != nil {
		beside = ov.LineComment
	}
	if ok != nil && beside == "" {
		beside = ok.LineComment
	}
	switch {
	case note != "" && (oldMeta == nil || strings.HasPrefix(beside, markNote)):
		vn.LineComment = note
		if beside != "" && !isOurs(beside) {
			kn.HeadComment = strings.TrimSpace(kn.HeadComment + "\n" + beside)
		}
	case beside != "" && !isOurs(beside):
		vn.LineComment = beside
	}
	return []*yaml.Node{kn, vn}
}

// sourceBlock writes the _source block: the hashes wanted, in the file's
// order and new ones after them in English order (as i18n stamp adds
// them), each entry that the file has written as it is there (its key's
// and its value's quoting, the translator's comments; a changed hash is
// quoted where a YAML reader would take it for a number, 12345678); a new
// entry quoted, as i18n stamp writes it. The block's own comment stays; a
// block new to the file gets header.
func sourceBlock(old [2]*yaml.Node, sources map[string]string, order []string, header string) []*yaml.Node {
	sk := keyNode(old[0], "_source")
	if old[0] != nil && strings.TrimSpace(old[0].HeadComment) != "" {
		sk.HeadComment = old[0].HeadComment
	} else if hdr := strings.TrimSpace(header); hdr != "" {
		sk.HeadComment = commentLines("#", hdr)
	}
	if old[0] != nil {
		sk.LineComment, sk.FootComment = old[0].LineComment, old[0].FootComment
	}
	entries := map[string][2]*yaml.Node{}
	sv := &yaml.Node{Kind: yaml.MappingNode}
	var keys []string // the file's order, then new entries in English order
	seen := map[string]bool{}
	if v := old[1]; v != nil && v.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(v.Content); i += 2 {
			k := v.Content[i].Value
			entries[k] = [2]*yaml.Node{v.Content[i], v.Content[i+1]}
			if _, wanted := sources[k]; wanted && !seen[k] {
				keys, seen[k] = append(keys, k), true
			}
		}
		sv.Style = v.Style & yaml.FlowStyle
	}
	for _, k := range order {
		if _, wanted := sources[k]; wanted && !seen[k] {
			keys, seen[k] = append(keys, k), true
		}
	}
	for _, k := range keys {
		h := sources[k]
		e, had := entries[k]
		kn := keyNode(e[0], k)
		style := yaml.DoubleQuotedStyle // a new entry, as i18n stamp writes it
		if had {
			kn.HeadComment, kn.FootComment = e[0].HeadComment, e[0].FootComment
			style = e[1].Style &^ yaml.TaggedStyle
		}
		vn := &yaml.Node{Kind: yaml.ScalarNode, Value: h, Style: style}
		if had && e[1].Value == h {
			vn = strip(e[1])
			vn.LineComment = e[1].LineComment
		} else if style != yaml.DoubleQuotedStyle && style != yaml.SingleQuotedStyle && needsQuotes(h) {
			vn.Style = yaml.DoubleQuotedStyle
		}
		if had && vn.LineComment == "" {
			vn.LineComment = e[0].LineComment
		}
		sv.Content = append(sv.Content, kn, vn)
	}
	return []*yaml.Node{sk, sv}
}

// ProofError is a rewrite that the proof refused: the new bytes did not
// read back as intended, and nothing was written. Kind is the words of
// en.yaml's ui.i18ncmd.proof.<Kind>: "parse" (the new file does not
// read), "text" (Key would not keep its text), "record" (the name or the
// recorded sources would change), "unwritable" (no way of writing Key's
// text reads back).
type ProofError struct {
	File, Key, Kind string
}

// proofErrorKinds lists every Kind, so that a test can see each has its
// text.
var proofErrorKinds = []string{"parse", "text", "record", "unwritable"}

// Message is the refusal in loc's language.
func (e *ProofError) Message(loc *i18n.Locale) string {
	return loc.T("ui.i18ncmd.proof."+e.Kind, "File", safetext.Line(e.File), "Key", safetext.Key(e.Key))
}

func (e *ProofError) Error() string { return e.Message(i18n.English()) }

// blockFriendly reports whether a text of several lines is written as a
// literal block: not when a line ends in a space or a tab, which the
// block keeps but no one sees (and editors remove); double quotes show
// them.
func blockFriendly(s string) bool {
	if !strings.Contains(s, "\n") {
		return false
	}
	for _, l := range strings.Split(s, "\n") {
		if strings.HasSuffix(l, " ") || strings.HasSuffix(l, "\t") {
			return false
		}
	}
	return true
}

// breaksComment reports whether s, written in a # comment, would not stay
// in it: a CR, NEL, U+2028 or U+2029 ends the comment for a YAML reader,
// and a control character makes the file unreadable.
func breaksComment(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return r < 0x20 && r != '\n' && r != '\t' || 0x7f <= r && r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff
	})
}

// quoteAll writes every text of v in double quotes.
func quoteAll(v *yaml.Node) {
	if v.Kind == yaml.ScalarNode && !isNull(v) {
		v.Style = yaml.DoubleQuotedStyle | v.Style&yaml.TaggedStyle
	}
	for i := 1; i < len(v.Content) && v.Kind == yaml.MappingNode; i += 2 {
		quoteAll(v.Content[i])
	}
}

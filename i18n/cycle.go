package i18n

// Cycle is the languages the walk's language key steps through: the
// built-in ones, English first, and a translator's file given with
// --locale-file (its draft is what they want to see).
type Cycle struct {
	draft *File
}

// NewCycle returns the cycle; draft is the --locale-file's file, or nil.
func NewCycle(draft *File) Cycle { return Cycle{draft: draft} }

// Next is the language after cur. A draft comes after the built-in
// language it translates (or last), so that L shows it beside the one it
// may replace.
func (c Cycle) Next(cur *Locale) *Locale {
	list := c.list()
	at := -1
	for i, l := range list {
		if cur != nil && l.file == cur.file {
			at = i
		}
	}
	if at < 0 && cur != nil {
		for i, l := range list {
			if l.file.Tag == cur.file.Tag {
				at = i
			}
		}
	}
	return list[(at+1)%len(list)]
}

// Locales lists the cycle's languages in order.
func (c Cycle) Locales() []*Locale { return c.list() }

func (c Cycle) list() []*Locale {
	var out []*Locale
	for _, tag := range Available() {
		if l, err := New(tag); err == nil {
			out = append(out, l)
		}
		if c.draft != nil && c.draft.Tag == tag {
			out = append(out, FromFile(c.draft))
		}
	}
	if c.draft != nil && !hasFile(out, c.draft) {
		out = append(out, FromFile(c.draft))
	}
	return out
}

func hasFile(ls []*Locale, f *File) bool {
	for _, l := range ls {
		if l.file == f {
			return true
		}
	}
	return false
}

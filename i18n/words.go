package i18n

import (
	"fmt"

	"github.com/bestpractices/bestpractices/internal/safetext"
)

// Some values of a message are words of the language, not data: a level
// ("au niveau argent", 「シルバーでは」), an answer («Satisfait»). The caller
// passes the id (Level("silver"), a model.Status) and T shows the word, so
// that no message can show the file's word by forgetting a lookup.

// Word is a value T shows as the text of its key in the locale. A value
// whose key no locale has (a level id the catalog does not know) shows as
// itself, cleaned.
type Word interface {
	WordKey() string
}

// Level is a level's id (passing, silver, baseline-1) as a message's value:
// shown as the level's name in the user's language.
type Level string

// WordKey is the key of the level's name.
func (v Level) WordKey() string { return "ui.level." + string(v) }

// BadgeLevel is the badge earned so far (in_progress, passing, ...), as
// status names it.
type BadgeLevel string

// WordKey is the key of the badge's name.
func (v BadgeLevel) WordKey() string { return "ui.badge_level." + string(v) }

// Level is the name of the level id in this language ("argent" for silver
// in French), the id itself when no locale names it.
func (l *Locale) Level(id string) string { return l.Word(Level(id)) }

// Word is w in this language.
func (l *Locale) Word(w Word) string {
	if k := w.WordKey(); l.Has(k) {
		return l.T(k)
	}
	return safetext.Line(fmt.Sprint(w))
}

// words returns args with each Word value replaced by its text; args
// itself when it holds none (callers may reuse their slice).
func (l *Locale) words(args []any) []any {
	out := args
	for i := 1; i < len(args); i += 2 {
		w, ok := args[i].(Word)
		if !ok {
			continue
		}
		if &out[0] == &args[0] {
			out = append([]any(nil), args...)
		}
		out[i] = l.Word(w)
	}
	return out
}

package model

import "github.com/bestpractices/bestpractices/i18n"

// Msg is something to tell the user: an i18n key and its values, so that
// each caller shows it in the user's language.
type Msg struct {
	Key  string
	Args []any
}

// M makes a message from a key under ui.file and name/value pairs.
func M(key string, args ...any) Msg { return Msg{Key: "ui.file." + key, Args: args} }

// IsZero reports whether there is no message.
func (m Msg) IsZero() bool { return m.Key == "" }

// In renders the message in loc's language.
func (m Msg) In(loc *i18n.Locale) string {
	if m.Key == "" {
		return ""
	}
	// A message may hold another (a reason): it is told in the same language.
	args, copied := m.Args, false
	for i, a := range args {
		if inner, ok := a.(Msg); ok {
			if !copied {
				args, copied = append([]any(nil), m.Args...), true
			}
			args[i] = inner.In(loc)
		}
	}
	return loc.T(m.Key, args...)
}

// String renders the message in English.
func (m Msg) String() string { return m.In(i18n.English()) }

func ptr(m Msg) *Msg { return &m }

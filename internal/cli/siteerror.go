package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/internal/site"
)

// siteError says an error of package badgesite in the user's language;
// file names the file when the error does not. Keys and values come from a
// file we did not write, so they are cleaned before they reach the terminal.
func siteError(loc *i18n.Locale, err error, file string) string {
	var e *site.Error
	if !errors.As(err, &e) {
		return safetext.Line(err.Error())
	}
	path := e.Path
	if path == "" {
		path = file
	}
	keys := make([]string, len(e.Keys))
	for i, k := range e.Keys {
		keys[i] = safetext.Line(k)
	}
	args := []any{
		"File", path, "Line", e.Line, "Key", idText(e.Key), "Other", idText(e.Other),
		"Value", safetext.Escape(e.Value), "Size", e.Size, "Limit", e.Limit, "Level", i18n.Level(e.Level),
		"Keys", strings.Join(keys, ", "), "Count", len(keys),
	}
	unit := ""
	switch e.Code {
	case site.CodeNotObject:
		args = append(args, "Kind", loc.T("ui.site.json_kind."+e.Value))
	case site.CodeFieldType:
		args = append(args, "Want", loc.T("ui.site.want."+e.Want))
	case site.CodeJustificationTooLong:
		args = append(args, "Count", len(e.Longest))
		unit = "ui.site.length_chars"
	case site.CodeExportTooLarge:
		unit = "ui.site.length_bytes"
	}
	var b strings.Builder
	b.WriteString(loc.T("ui.site.error."+string(e.Code), args...))
	for _, l := range e.Longest {
		fmt.Fprintf(&b, "\n  %-38s %s", idText(l.ID), loc.T(unit, "Count", l.Chars))
	}
	return b.String()
}

// clip cleans s for one line of output and cuts it to n characters.
func clip(s string, n int) string {
	r := []rune(safetext.Line(s))
	if len(r) > n {
		r = append(r[:n], '…')
	}
	return string(r)
}

package i18n

import (
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/criteria"
)

// A level given as a Level shows as the language names it, in every
// message; an id no locale names shows as given, cleaned.
func TestLevelValuesShowTheLevelsName(t *testing.T) {
	fr, _ := New("fr")
	ja, _ := New("ja")
	for _, c := range []struct {
		loc  *Locale
		key  string
		val  any
		want string
	}{
		{fr, "ui.cli.status.level_done", Level("silver"), "argent"},
		{fr, "ui.tui.nothing_open", Level("passing"), "basique"},
		{ja, "ui.tui.nothing_open", Level("gold"), "ゴールド"},
		{ja, "ui.cli.status.badge_level", BadgeLevel("in_progress"), "進行中"},
		{fr, "ui.cli.status.badge_level", BadgeLevel("silver"), "argent"},
	} {
		got := c.loc.T(c.key, "Level", c.val, "Count", 2, "Tiered", 150)
		id := c.val.(Word).WordKey()
		id = id[strings.LastIndex(id, ".")+1:]
		if !strings.Contains(got, c.want) || strings.Contains(got, id) {
			t.Errorf("%s %s: %q, want %q", c.loc.Tag, c.key, got, c.want)
		}
	}
	// Every level of the catalog has its name in each built-in language.
	for _, tag := range Available() {
		l, _ := New(tag)
		for _, lv := range criteria.Default().Levels {
			if got := l.Level(lv.Name); got == "" || strings.HasPrefix(got, "ui.") {
				t.Errorf("%s: level %s shows %q", tag, lv.Name, got)
			}
		}
	}
	if got := fr.Level("bronze\x1b[2J"); !strings.HasPrefix(got, "bronze") || strings.ContainsRune(got, 0x1b) {
		t.Errorf("unknown level: %q", got)
	}
	if got := fr.T("ui.tui.nothing_open", "Level", Level("bronze")); !strings.Contains(got, "bronze") || strings.Contains(got, "ui.level") {
		t.Errorf("unknown level in a message: %q", got)
	}
	// The caller's values are left as they were.
	args := []any{"Level", Level("silver")}
	fr.T("ui.tui.nothing_open", args...)
	if args[1] != Level("silver") {
		t.Errorf("T changed its caller's values: %v", args)
	}
}

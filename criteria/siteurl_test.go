package criteria

import "testing"

func TestURLInTheUsersLanguage(t *testing.T) {
	var e *Entry
	for _, x := range Default().EntriesFor("floss_license") {
		e = x
	}
	cases := map[string]string{
		"fr": "fr", "fr-CA": "fr", "ja": "ja", "de-AT": "de", "pt": "pt-BR", "pt-BR": "pt-BR", "pt-PT": "pt-BR",
		"zh": "zh-CN", "zh-Hans-CN": "zh-CN", "zh-TW": "en", "es-MX": "es", "ru": "ru", "sw": "sw",
		"it": "en", "": "en", "und": "en", "en-GB": "en",
	}
	for tag, want := range cases {
		if got := SiteLanguage(tag); got != want {
			t.Errorf("SiteLanguage(%q) = %q, want %q", tag, got, want)
		}
	}
	if got := e.URLIn("fr"); got != "https://www.bestpractices.dev/fr/criteria/0#0.floss_license" {
		t.Errorf("URLIn(fr) = %s", got)
	}
	if got := e.URLIn("de_DE.UTF-8", "en"); got != "https://www.bestpractices.dev/de/criteria/0#0.floss_license" {
		t.Errorf("URLIn(de_DE.UTF-8, en) = %s", got)
	}
	if got := SiteLanguage("zh-TW", "it", "ja"); got != "ja" {
		t.Errorf("SiteLanguage(zh-TW, it, ja) = %s", got)
	}
	if e.URL() != e.URLIn("en") {
		t.Error("URL is not the English page")
	}
}

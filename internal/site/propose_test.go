package site

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/model"
)

func isCode(err error, c Code) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == c
}

func TestProposalEscaping(t *testing.T) {
	tricky := "A & B = C + D; 100% sure? #1 / ü 日本 \"q\" <x>\nline two"
	answers := model.Answers{
		"floss_license":   {Status: model.Met, Justification: tricky},
		"test":            {Status: model.NA, Justification: "none"},
		"interact":        {Status: model.Unmet},
		"contribution":    {Status: model.Unknown, Justification: "draft"},
		"achieve_passing": {Status: model.Met},
		"require_2FA":     {Status: model.Met},
		"osps_ac_01_01":   {Status: model.Met, Justification: "MFA"},
	}
	p := model.Project{Name: "My project", URL: "https://github.com/o/p?x=1&y=2"}
	res, err := Proposals(cat, p, answers, LinkOptions{})
	if err != nil || len(res.Links) != 3 || len(res.TooLong) != 0 {
		t.Fatalf("%v %+v", err, res)
	}
	// One link per level with answers: the site takes a section's fields
	// only in that section's form.
	for i, level := range []string{"passing", "gold", "baseline-1"} {
		if res.Links[i].Level != level || res.Links[i].Part != 1 || res.Links[i].Parts != 1 {
			t.Errorf("link %d: %+v", i, res.Links[i])
		}
	}
	raw := res.Links[0].URL
	if !strings.HasPrefix(raw, "https://www.bestpractices.dev/en/projects?as=edit&url=https%3A%2F%2Fgithub.com%2Fo%2Fp%3Fx%3D1%26y%3D2&section=passing&") {
		t.Errorf("start: %s", raw)
	}
	for _, bad := range []string{" ", "\n", "#", "\"", "<", "日"} {
		if strings.Contains(raw, bad) {
			t.Errorf("unescaped %q in %s", bad, raw)
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	want := map[string]string{
		"as": "edit", "url": p.URL, "section": "passing", "name": "My project",
		"floss_license_status": "Met", "floss_license_justification": tricky,
		"test_status": "N/A", "test_justification": "none",
		"interact_status": "Unmet",
	}
	if len(q) != len(want) {
		t.Errorf("parameters %v", q)
	}
	for k, v := range want {
		if got := q.Get(k); got != v || len(q[k]) != 1 {
			t.Errorf("%s = %q, want %q", k, q[k], v)
		}
	}
	// In catalog order.
	if strings.Index(raw, "interact_status") > strings.Index(raw, "floss_license_status") {
		t.Errorf("order: %s", raw)
	}
	if !strings.Contains(res.Links[1].URL, "require_2FA_status=Met") || !strings.Contains(res.Links[2].URL, "osps_ac_01_01_justification=MFA") {
		t.Errorf("gold, baseline-1: %+v", res.Links[1:])
	}

	// One level: only its criteria.
	res, _ = Proposals(cat, p, answers, LinkOptions{Level: "baseline-1"})
	if len(res.Links) != 1 || res.Links[0].Level != "baseline-1" || strings.Contains(res.Links[0].URL, "floss_license") {
		t.Errorf("baseline-1: %+v", res.Links)
	}
	if res, err := Proposals(cat, p, answers, LinkOptions{Level: "silver"}); err != nil || len(res.Links) != 0 {
		t.Errorf("a level with nothing answered: %+v %v", res, err)
	}
	if _, err := Proposals(cat, model.Project{}, answers, LinkOptions{}); !isCode(err, CodeNoURL) {
		t.Errorf("no URL: %v", err)
	}
}

// With the project's number, the link opens its edit form directly, in
// the user's language where the site has it.
func TestProposalByNumberAndLanguage(t *testing.T) {
	answers := model.Answers{"test": {Status: model.Met, Justification: "go test ./..."}}
	p := model.Project{URL: "https://github.com/o/p", BadgeID: 1234}
	res, err := Proposals(cat, p, answers, LinkOptions{Locale: SiteLocale("fr")})
	if err != nil || len(res.Links) != 1 {
		t.Fatalf("%v %+v", err, res)
	}
	if want := "https://www.bestpractices.dev/fr/projects/1234/passing/edit?test_status=Met&test_justification=go+test+.%2F..."; res.Links[0].URL != want {
		t.Errorf("got  %s\nwant %s", res.Links[0].URL, want)
	}
	for tag, want := range map[string]string{
		"fr": "fr", "fr-CA": "fr", "de-AT": "de", "ja": "ja", "zh": "zh-CN", "zh-Hant-TW": "en", "pt": "pt-BR",
		"pt_PT": "pt-BR", "es-419": "es", "ru": "ru", "sw": "sw", "en-GB": "en", "nl": "en", "": "en", "und": "en",
	} {
		if got := SiteLocale(tag); got != want {
			t.Errorf("SiteLocale(%q) = %q, want %q", tag, got, want)
		}
	}
	if got := SiteLocale("zh-Hant-TW", "nl", "de-CH", "fr"); got != "de" {
		t.Errorf("the first the site serves: %q", got)
	}
}

// A full level makes one link far over the limit: it is split into as
// many links as needed, each within it, together proposing every answer
// once.
func TestProposalSplit(t *testing.T) {
	p := model.Project{URL: "https://github.com/o/p", Name: "p"}
	answers := model.Answers{}
	for _, id := range cat.IDs() {
		answers[id] = model.Answer{Status: model.Met, Justification: "See https://github.com/o/p/blob/main/docs/" + id + ".md: " + strings.Repeat("explained at length ", 8)}
	}
	res, err := Proposals(cat, p, answers, LinkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	perLevel := map[string][]string{}
	parts := map[string]int{}
	for _, l := range res.Links {
		if len(l.URL) > MaxURLLength {
			t.Errorf("%s part %d: %d characters", l.Level, l.Part, len(l.URL))
		}
		u, err := url.Parse(l.URL)
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		if q.Get("section") != l.Level || q.Get("name") != "p" {
			t.Errorf("%s: section %q name %q", l.Level, q.Get("section"), q.Get("name"))
		}
		for _, id := range l.IDs {
			if q.Get(FieldName(id)+"_justification") != strings.TrimSpace(answers[id].Justification) {
				t.Errorf("%s: justification not whole", id)
			}
		}
		perLevel[l.Level] = append(perLevel[l.Level], l.IDs...)
		parts[l.Level]++
		if l.Parts != parts[l.Level] && l.Part == l.Parts {
			t.Errorf("%s: part %d of %d", l.Level, l.Part, l.Parts)
		}
	}
	if parts["passing"] < 2 {
		t.Errorf("passing in %d link(s)", parts["passing"])
	}
	for _, l := range cat.Levels {
		var want []string
		for _, e := range l.Entries {
			if !e.Automatic() {
				want = append(want, e.ID)
			}
		}
		if strings.Join(perLevel[l.Name], " ") != strings.Join(want, " ") {
			t.Errorf("%s proposes %v\nwant %v", l.Name, perLevel[l.Name], want)
		}
	}

	// An answer too long for any link is named, and the others still go.
	l, _ := cat.Level("passing")
	long := l.Entries[0].ID
	answers[long] = model.Answer{Status: model.Met, Justification: strings.Repeat("日本", 2000)}
	res, err = Proposals(cat, p, answers, LinkOptions{Level: "passing"})
	if err != nil || len(res.TooLong) != 1 || res.TooLong[0] != long {
		t.Fatalf("too long: %v %v", err, res.TooLong)
	}
	for _, k := range res.Links {
		if strings.Contains(k.URL, long+"_status") {
			t.Errorf("%s is in a link", long)
		}
	}
}

// With overrides, each link forces exactly its own criteria's fields, and
// proposes an empty justification where ours has none (the site's, written
// for another answer, would mislead).
func TestProposalOverrides(t *testing.T) {
	p := model.Project{BadgeID: 42}
	answers := model.Answers{
		"test":          {Status: model.Met, Justification: "go test ./..."},
		"interact":      {Status: model.Unmet},
		"floss_license": {Status: model.Met, Justification: "MIT"},
		"osps_ac_01_01": {Status: model.Met, Justification: "MFA"},
	}
	res, err := Proposals(cat, p, answers, LinkOptions{Only: []string{"test", "interact", "osps_ac_01_01"}, Override: true})
	if err != nil || len(res.Links) != 2 {
		t.Fatalf("%v %+v", err, res)
	}
	u, _ := url.Parse(res.Links[0].URL)
	q := u.Query()
	if got := q.Get("overrides"); got != "interact_status,interact_justification,test_status,test_justification" {
		t.Errorf("overrides %q", got)
	}
	if v, ok := q["interact_justification"]; !ok || v[0] != "" {
		t.Errorf("interact_justification %v", v)
	}
	if q.Has("floss_license_status") {
		t.Error("a criterion that does not differ is proposed")
	}
	if !strings.Contains(res.Links[0].URL, "&overrides=interact_status%2Cinteract_justification%2C") {
		t.Errorf("commas: %s", res.Links[0].URL)
	}
	if !strings.HasPrefix(res.Links[1].URL, "https://www.bestpractices.dev/en/projects/42/baseline-1/edit?") {
		t.Errorf("baseline-1: %s", res.Links[1].URL)
	}

	// Split, each link forces what it proposes.
	many := model.Answers{}
	var all []string
	for _, id := range cat.IDs() {
		many[id] = model.Answer{Status: model.Unmet, Justification: strings.Repeat("not yet, see the plan ", 10)}
		all = append(all, id)
	}
	res, _ = Proposals(cat, p, many, LinkOptions{Only: all, Override: true})
	for _, l := range res.Links {
		u, _ := url.Parse(l.URL)
		forced := strings.Split(u.Query().Get("overrides"), ",")
		if len(l.URL) > MaxURLLength || len(forced) != 2*len(l.IDs) {
			t.Errorf("%s part %d: %d characters, %d forced for %d criteria", l.Level, l.Part, len(l.URL), len(forced), len(l.IDs))
		}
	}
}

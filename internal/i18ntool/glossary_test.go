package i18ntool

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
)

// reviewerSlips are the words a native speakers' review found in our
// French and Japanese texts. Each must stay in the glossary's avoid lists,
// so that i18n check catches it when a translator writes it again.
var reviewerSlips = map[string][]string{
	"fr": {"la nôtre", "La nôtre", "la leur", "répondez Met", "choisissez Met", "répondez N/A", "commitez", "Commitez", "committé",
		"un DOIT non satisfait", "un DOIT", "faille", "Faille", "suivant à répondre", "accepter proposition", "ne comptant pas",
		"les tags", "placeholder", "niveau de base", "badge de base"},
	"ja": {"Met と回答", "Unmet と回答", "N/A と回答", "メンテナーンス", "課題管理", "積極的に保守", "正当な理由", " (MUST)",
		" (SHOULD)", " (SUGGESTED)", "主ブランチ", "協力者", "ウォーク", "協調された開示"},
}

// slipFile is a locale file of lang with one text holding slip, on line 7.
func slipFile(lang, slip string) []byte {
	name := map[string]string{"fr": "Français", "ja": "日本語"}[lang]
	text := map[string]string{
		"fr": "Avant %s il reste à vérifier la licence du projet.",
		"ja": "プロジェクトのライセンスを%sで確認してください。",
	}[lang]
	return []byte("meta:\n  tag: " + lang + "\n  name: " + name + "\ncriteria:\n  passing:\n    floss_license:\n" +
		"      guidance: " + strconv.Quote(fmt.Sprintf(text, slip)) + "\n")
}

// Every slip the reviewers found, and every word the glossary says to
// avoid, is reported by i18n check as a warning on its line, naming the
// word and the glossary's word to use instead.
func TestGlossaryCatchesReviewersSlips(t *testing.T) {
	en := i18n.English()
	avoid := map[string]map[string]string{"fr": {}, "ja": {}} // word -> the term's word to use
	for _, term := range Glossary() {
		for lang := range avoid {
			for _, w := range term.Avoid[lang] {
				avoid[lang][w] = term.Words[lang]
			}
		}
	}
	for lang, slips := range reviewerSlips {
		for _, s := range slips {
			if _, ok := avoid[lang][s]; !ok {
				t.Errorf("%s: the glossary no longer lists %q to avoid", lang, s)
			}
		}
	}
	for lang, words := range avoid {
		for word, use := range words {
			name := "slips-" + lang + ".yaml"
			ps := Check(name, slipFile(lang, word))
			found := false
			for _, p := range ps {
				if p.Kind != "glossary" || p.Severity != Warning {
					continue
				}
				msg := p.Message(en)
				if p.Line == 7 && strings.Contains(msg, "“"+word+"”") {
					found = true
					if use != "" && !strings.Contains(msg, use) {
						t.Errorf("%s:%d: %q: the message does not say what to use (%q): %s", name, p.Line, word, use, msg)
					}
				}
			}
			if !found {
				t.Errorf("%s: %q not reported on line 7: %+v", name, word, findings(ps))
			}
		}
	}
}

// The shipped French and Japanese files hold none of the words to avoid,
// and French puts its no-break spaces where they belong: i18n check gives
// them no warning at all.
func TestShippedLocalesFollowTheGlossary(t *testing.T) {
	en := i18n.English()
	for _, tag := range []string{"fr", "ja"} {
		src, err := i18n.Source(tag)
		if err != nil {
			t.Fatal(err)
		}
		name := "i18n/" + tag + ".yaml"
		for _, p := range Check(name, src) {
			if p.Severity >= Warning {
				t.Errorf("%s:%d: %s: %s", name, p.Line, p.Severity, p.Message(en))
			}
		}
	}
}

// Japanese writes the full-width colon after Japanese text, as the
// label of every composed string does ("合格：4%"): a half-width one there
// is a warning on its line; file:line, URLs and key: value keep theirs.
func TestJapaneseColon(t *testing.T) {
	for text, warn := range map[string]bool{
		"任意: 根拠があると助けになります。":              true,
		"保存しました（{{.Count}} 件）:":           true,
		"任意：根拠があると助けになります。":               false,
		"{{.File}}:{{.Line}}: 読めません":      false,
		"https://example.org を参照":         false,
		"project: の下に url: を書いてください":      false,
		"{{.Field}}: {{.Value}} と書かれています": false,
	} {
		src := "meta:\n  tag: ja\n  name: 日本語\ncriteria:\n  passing:\n    floss_license:\n      guidance: " + strconv.Quote(text) + "\n"
		got := has(Check("ja.yaml", []byte(src)), want{7, "ja_colon", Warning})
		if got != warn {
			t.Errorf("%q: warning %v, want %v", text, got, warn)
		}
	}
}

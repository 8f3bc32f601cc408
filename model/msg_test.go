package model

import (
	"os"
	"regexp"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
)

// Every message the file checks can give has its English text, and a
// localized error still names the file and line.
func TestMessagesExist(t *testing.T) {
	src, err := os.ReadFile("file.go")
	if err != nil {
		t.Fatal(err)
	}
	keys := regexp.MustCompile(`\bM\("([a-z_.]+)"`).FindAllStringSubmatch(string(src), -1)
	if len(keys) < 20 {
		t.Fatalf("found only %d message keys: is the pattern still right?", len(keys))
	}
	en := i18n.English()
	for _, k := range keys {
		if !en.Has("ui.file." + k[1]) {
			t.Errorf("en.yaml lacks ui.file.%s", k[1])
		}
	}
	fe := &FileError{Path: "a.yaml", Line: 3, Message: M("unknown_status", "ID", "test", "Value", `"Done"`), Fix: M("fix_status")}
	fr, _ := i18n.New("fr")
	for _, loc := range []*i18n.Locale{en, fr} {
		if s := fe.In(loc); !regexp.MustCompile(`^a\.yaml:3: .*test.*"Done"`).MatchString(s) {
			t.Errorf("%s: %q", loc.Tag, s)
		}
	}
	if fe.Error() != `a.yaml:3: test has an unknown status "Done"; write Met, Unmet, N/A, or ? for unanswered` {
		t.Errorf("English: %q", fe.Error())
	}
}

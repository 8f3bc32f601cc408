package model

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
)

// Every message the file checks can give has its English text, and a
// localized error still names the file and line.
func TestMessagesExist(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	var src []byte
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			src = append(src, b...)
		}
	}
	keys := regexp.MustCompile(`\bM\("([a-z_.]+)"`).FindAllStringSubmatch(string(src), -1)
	if len(keys) < 20 {
		t.Fatalf("found only %d message keys: is the pattern still right?", len(keys))
	}
	fr, _ := i18n.New("fr")
	ja, _ := i18n.New("ja")
	en := i18n.English()
	for _, k := range keys {
		for _, loc := range []*i18n.Locale{en, fr, ja} {
			if !loc.Has("ui.file." + k[1]) {
				t.Errorf("%s lacks ui.file.%s", loc.Tag, k[1])
			}
		}
	}
	fe := &FileError{Path: "a.yaml", Line: 3, Message: M("unknown_status", "ID", "test", "Value", `"Done"`), Fix: M("fix_status")}
	for _, loc := range []*i18n.Locale{en, fr} {
		if s := fe.In(loc); !regexp.MustCompile(`^a\.yaml:3: .*test.*"Done"`).MatchString(s) {
			t.Errorf("%s: %q", loc.Tag, s)
		}
	}
	if fe.Error() != `a.yaml:3: test has an unknown status "Done"; write Met, Unmet, N/A, or ? for unanswered` {
		t.Errorf("English: %q", fe.Error())
	}
}

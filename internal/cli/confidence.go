package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bestpractices/bestpractices/internal/safetext"
	"github.com/bestpractices/bestpractices/model"
)

// confidenceFlag is --min-confidence as typed: a level's name (weak, fair,
// strong, or its word in the user's language) or its number. Set never
// fails, so that the flag package prints no raw error: level reads it once
// the user's language is known.
type confidenceFlag struct {
	text string
	set  bool
	def  int
}

func (c *confidenceFlag) String() string { return c.text }
func (c *confidenceFlag) Set(v string) error {
	c.text, c.set = v, true
	return nil
}

// level is the confidence given, or the default when none was; false
// after saying, in the user's language, which levels there are.
func (c *confidenceFlag) level(env *Env) (int, bool) {
	if !c.set {
		return c.def, true
	}
	v := strings.TrimSpace(c.text)
	for l := model.ConfidenceWeak; l <= model.ConfidenceStrong; l++ {
		if v == strconv.Itoa(l) || strings.EqualFold(v, model.ConfidenceName(l)) || strings.EqualFold(v, env.Loc.T(model.ConfidenceKey(l))) {
			return l, true
		}
	}
	fmt.Fprintln(env.Stderr, env.Loc.T("ui.cli.bad_confidence", "Value", safetext.Key(c.text),
		"Weak", env.Loc.T(model.ConfidenceKey(model.ConfidenceWeak)), "Fair", env.Loc.T(model.ConfidenceKey(model.ConfidenceFair)),
		"Strong", env.Loc.T(model.ConfidenceKey(model.ConfidenceStrong))))
	return 0, false
}

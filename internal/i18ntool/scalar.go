package i18ntool

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// scalar writes s as a YAML key or value, quoted only where needed.
func scalar(s string) string {
	out, err := yaml.Marshal(s)
	if q := strings.TrimSuffix(string(out), "\n"); err == nil && !strings.Contains(q, "\n") {
		return q
	}
	return strconv.Quote(s) // a long text the encoder would fold
}

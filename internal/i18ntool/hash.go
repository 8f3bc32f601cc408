package i18ntool

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/bestpractices/bestpractices/i18n"
)

// Hash is the short fingerprint of an English text kept beside its
// translation in _source.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:4])
}

// SourceHash is Hash of the English text of key; for plural forms, of all
// of them, so that a change to "one" alone marks translations stale too.
func SourceHash(key string) string {
	en, _ := i18n.Embedded("en")
	m := en.Messages[key]
	if m.Forms == nil {
		return Hash(m.Text)
	}
	var b strings.Builder
	for _, f := range i18n.FormNames(m.Forms) {
		b.WriteString(f + ": " + m.Forms[f] + "\n")
	}
	return Hash(b.String())
}

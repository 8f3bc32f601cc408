package safetext

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"unicode/utf8"
)

// JSON encodes v as every JSON document of ours is written, on standard
// output and in files: indented by indent ("" for one line), without a
// newline at the end, "&", "<" and ">" as they are (URLs are common in answers), and
// every character that can drive a terminal or reorder a line written as a
// \uXXXX escape: C1 controls (U+009B is a CSI), DEL and the bidirectional
// controls. encoding/json escapes the C0 controls, U+2028 and U+2029
// already. Parsed back, the values are the same; a consumer that prints
// them to a terminal decides what to do with them.
func JSON(v any, indent string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return escapeJSONControls(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), nil
}

// WriteJSON writes v to w as JSON(v, indent) does, followed by a newline.
func WriteJSON(w io.Writer, v any, indent string) error {
	b, err := JSON(v, indent)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// JSONString is s as a JSON string literal, escaped as JSON escapes.
func JSONString(s string) []byte {
	b, _ := JSON(s, "") // a string always encodes
	return b
}

// escapeJSONControls rewrites, in encoded JSON, the characters
// jsonEscaped names as \uXXXX. Outside strings encoded JSON is ASCII, so
// every such character is inside a string, where the escape means the
// same character.
func escapeJSONControls(b []byte) []byte {
	i := 0
	for i < len(b) && b[i] < utf8.RuneSelf && b[i] != 0x7f {
		i++
	}
	if i == len(b) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	out = append(out, b[:i]...)
	for i < len(b) {
		r, n := utf8.DecodeRune(b[i:])
		if jsonEscaped(r) {
			out = append(out, `\u`...)
			hex := strconv.FormatInt(int64(r), 16)
			for k := len(hex); k < 4; k++ {
				out = append(out, '0')
			}
			out = append(out, hex...)
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

// jsonEscaped: DEL, the C1 controls and the Unicode Bidi_Control
// characters.
func jsonEscaped(r rune) bool {
	return r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x061c || r == 0x200e || r == 0x200f || isBidiControl(r)
}

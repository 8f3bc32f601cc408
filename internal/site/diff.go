package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// Difference is one field where a committed .bestpractices.json and a
// fresh export disagree. Want is what export writes, Got what the file
// holds; a side that lacks the field is marked by its In flag.
type Difference struct {
	Key           string
	Want, Got     string
	InWant, InGot bool
}

// Diff compares a fresh export (want) with the file on disk (got), field by
// field in want's order, then the fields only the file has. It fails when
// got is not a flat JSON object; an empty result with unequal bytes means
// the same fields in another layout.
func Diff(want, got []byte) ([]Difference, error) {
	wk, wv, err := flatObject(want)
	if err != nil {
		return nil, err
	}
	gk, gv, err := flatObject(got)
	if err != nil {
		return nil, err
	}
	var out []Difference
	for _, k := range wk {
		g, ok := gv[k]
		switch {
		case !ok:
			out = append(out, Difference{Key: k, Want: wv[k], InWant: true})
		case g != wv[k]:
			out = append(out, Difference{Key: k, Want: wv[k], Got: g, InWant: true, InGot: true})
		}
	}
	for _, k := range gk {
		if _, ok := wv[k]; !ok {
			out = append(out, Difference{Key: k, Got: gv[k], InGot: true})
		}
	}
	return out, nil
}

// flatObject reads an object's keys in order and its values as text: a
// string as itself, anything else as compact JSON.
func flatObject(data []byte) ([]string, map[string]string, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, nil, errors.New("not a JSON object")
	}
	var keys []string
	vals := map[string]string{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		k, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, nil, err
		}
		var s string
		if json.Unmarshal(raw, &s) != nil {
			var b bytes.Buffer
			_ = json.Compact(&b, raw) // raw came from the decoder: valid
			s = b.String()
		}
		if _, seen := vals[k]; !seen {
			keys = append(keys, k)
		}
		vals[k] = s
	}
	if _, err := dec.Token(); err != nil {
		return nil, nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, nil, errors.New("more data after the object")
	}
	return keys, vals, nil
}

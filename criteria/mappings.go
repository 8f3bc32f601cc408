package criteria

import (
	_ "embed"
	"fmt"
	"sync"

	"gopkg.in/yaml.v3"
)

// Inference is what one status of an answered criterion suggests for the
// mapped criterion of the other series.
type Inference struct {
	// Confidence is 0 (suggests nothing), 1 (weak) to 3 (the same requirement).
	Confidence int
	// Status is the suggested status as the answers file spells it: Met,
	// Unmet or N/A. It differs from the answered status in a cross-status
	// mapping (a criterion that does not apply suggesting Unmet).
	Status string
}

// Mapping is one entry of the mappings: an answer to From suggests an
// answer to To, with one inference per status From may have.
type Mapping struct {
	From, To       string
	Met, Unmet, NA Inference
}

// For returns the inference for an answered status (Met, Unmet or N/A).
func (m Mapping) For(status string) Inference {
	switch status {
	case "Met":
		return m.Met
	case "Unmet":
		return m.Unmet
	case "N/A":
		return m.NA
	}
	return Inference{}
}

// Directions of the mappings, as named in mappings.yaml.
const (
	MetalToBaseline = "metal_to_baseline"
	BaselineToMetal = "baseline_to_metal"
)

//go:embed mappings.yaml
var mappingsYAML []byte

// mappings is parsed on first use, not at start-up (see std).
var mappings = sync.OnceValue(func() mappingsData { return mustLoadMappings(mappingsYAML) })

// Mappings returns every mapping between the series, metal to baseline
// first, each direction in the file's order. Callers must not modify it.
func Mappings() []Mapping { return mappings().all }

// MappingsFrom returns the mappings of one direction (MetalToBaseline or
// BaselineToMetal).
func MappingsFrom(direction string) []Mapping { return mappings().byDir[direction] }

type mappingsData struct {
	all   []Mapping
	byDir map[string][]Mapping
}

func mustLoadMappings(b []byte) mappingsData {
	d, err := loadMappings(b)
	if err != nil {
		panic("criteria: embedded mappings.yaml: " + err.Error())
	}
	return d
}

// rawMapping is one line of mappings.yaml; each status is a number or a
// [number, Status] pair.
type rawMapping struct {
	From  string    `yaml:"from"`
	To    string    `yaml:"to"`
	Met   yaml.Node `yaml:"met"`
	Unmet yaml.Node `yaml:"unmet"`
	NA    yaml.Node `yaml:"na"`
}

func loadMappings(b []byte) (mappingsData, error) {
	var doc map[string][]rawMapping
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return mappingsData{}, err
	}
	d := mappingsData{byDir: map[string][]Mapping{}}
	for _, dir := range []string{MetalToBaseline, BaselineToMetal} {
		for _, r := range doc[dir] {
			if r.From == "" || r.To == "" {
				return d, fmt.Errorf("%s: a mapping lacks from or to", dir)
			}
			m := Mapping{From: r.From, To: r.To}
			var err error
			for _, f := range []struct {
				n      *yaml.Node
				into   *Inference
				status string
			}{{&r.Met, &m.Met, "Met"}, {&r.Unmet, &m.Unmet, "Unmet"}, {&r.NA, &m.NA, "N/A"}} {
				if *f.into, err = inference(f.n, f.status); err != nil {
					return d, fmt.Errorf("%s -> %s: %v", r.From, r.To, err)
				}
			}
			d.all = append(d.all, m)
			d.byDir[dir] = append(d.byDir[dir], m)
		}
		delete(doc, dir)
	}
	for dir := range doc {
		return d, fmt.Errorf("unknown direction %q", dir)
	}
	return d, nil
}

// inference reads n (a confidence, or [confidence, Status]); a plain number
// suggests the answered status itself.
func inference(n *yaml.Node, same string) (Inference, error) {
	in := Inference{Status: same}
	var err error
	switch n.Kind {
	case yaml.ScalarNode:
		err = n.Decode(&in.Confidence)
	case yaml.SequenceNode:
		if len(n.Content) != 2 {
			return in, fmt.Errorf("line %d: write [confidence, Status]", n.Line)
		}
		if err = n.Content[0].Decode(&in.Confidence); err == nil {
			in.Status = n.Content[1].Value
		}
	default:
		return in, fmt.Errorf("line %d: met, unmet and na are each a confidence or [confidence, Status]", n.Line)
	}
	if err != nil {
		return in, fmt.Errorf("line %d: %v", n.Line, err)
	}
	if in.Confidence < 0 || in.Confidence > 3 {
		return in, fmt.Errorf("line %d: confidence %d is outside 0..3", n.Line, in.Confidence)
	}
	if in.Status != "Met" && in.Status != "Unmet" && in.Status != "N/A" {
		return in, fmt.Errorf("line %d: unknown status %q", n.Line, in.Status)
	}
	return in, nil
}

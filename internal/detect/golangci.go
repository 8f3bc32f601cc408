package detect

import (
	"path"
	"sort"
	"strings"

	"github.com/bestpractices/bestpractices/internal/lazyregexp"
	"gopkg.in/yaml.v3"
)

// golangci-lint runs the linters its configuration enables: what they are
// decides what it counts for. gosec looks for common vulnerabilities;
// the formatters and style linters check the coding style. Its standard
// set does neither.

var (
	// golangciVulns is golangci-lint running gosec.
	golangciVulns = tool{name: "golangci-lint", kind: kindSAST | kindVulns}
	// golangciStyle is golangci-lint running style linters or formatters.
	golangciStyle = tool{name: "golangci-lint", kind: kindFormat}
	// golangciStyleLinters check the coding style rather than find bugs.
	golangciStyleLinters = map[string]bool{"gofmt": true, "gofumpt": true, "goimports": true, "gci": true, "golines": true,
		"revive": true, "stylecheck": true, "golint": true, "whitespace": true, "wsl": true, "lll": true, "godot": true, "nlreturn": true}
	tomlSection = lazyregexp.New(`^\s*\[([\w.-]+)\]\s*$`)
	tomlList    = lazyregexp.New(`(?s)^\s*(enable|disable)\s*=\s*\[([^\]]*)\]`)
	tomlFlag    = lazyregexp.New(`^\s*(enable-all|disable-all)\s*=\s*(true|false)|^\s*default\s*=\s*"(\w+)"`)
	quoted      = lazyregexp.New(`"([\w-]+)"`)
)

// golangciConfig is what a configuration enables: linter -> its line.
type golangciConfig struct {
	rel     string
	enabled map[string]int
	all     int // the line enabling every linter, 0 when none does
}

// golangciLinters records golangci-lint's gosec and style linters as the
// tools they are, where golangci-lint was found (CI, a build file, or its
// configuration alone).
func (s *scanner) golangciLinters(found map[toolKind][]use, record func(use)) {
	var run use
	for _, u := range found[kindSAST] {
		if u.tool.name == "golangci-lint" {
			run = u
			break
		}
	}
	if run.tool == nil {
		return
	}
	cfg := s.golangciConfig()
	if cfg == nil {
		return
	}
	on := func(name string) int {
		if l, ok := cfg.enabled[name]; ok {
			return l
		}
		return 0
	}
	if l := on("gosec"); l > 0 {
		record(use{tool: &golangciVulns, rel: run.rel, line: run.line, ci: run.ci, via: "gosec", cfg: at(cfg.rel, l)})
	}
	var style []string
	first := 0
	for name, l := range cfg.enabled {
		if golangciStyleLinters[name] && l > 0 {
			style = append(style, name)
			if first == 0 || l < first {
				first = l
			}
		}
	}
	if len(style) > 0 {
		sort.Strings(style)
		if len(style) > 3 {
			style = append(style[:3], "…")
		}
		record(use{tool: &golangciStyle, rel: run.rel, line: run.line, ci: run.ci, via: strings.Join(style, ", "), cfg: at(cfg.rel, first)})
	}
}

// golangciConfig reads the configuration at the top of the repository
// (v1 or v2, YAML, JSON or TOML); nil when there is none or it cannot be
// read. Every linter is enabled when the configuration says so (v1
// enable-all, v2 default: all), less those it disables.
func (s *scanner) golangciConfig() *golangciConfig {
	for _, n := range []string{".golangci.yml", ".golangci.yaml", ".golangci.json", ".golangci.toml"} {
		if !s.exists(n) {
			continue
		}
		t := s.read(n)
		if t == nil {
			return nil
		}
		c := &golangciConfig{rel: n, enabled: map[string]int{}}
		disabled := map[string]bool{}
		if path.Ext(n) == ".toml" {
			c.fromTOML(t, disabled)
		} else if !c.fromYAML(t, disabled) {
			return nil
		}
		if c.all > 0 {
			for name := range golangciStyleLinters {
				if _, ok := c.enabled[name]; !ok {
					c.enabled[name] = c.all
				}
			}
			if _, ok := c.enabled["gosec"]; !ok {
				c.enabled["gosec"] = c.all
			}
		}
		for name := range disabled {
			delete(c.enabled, name)
		}
		return c
	}
	return nil
}

// fromYAML reads linters: (and v2's formatters:) of a YAML or JSON
// configuration; false when it is not a mapping.
func (c *golangciConfig) fromYAML(t *text, disabled map[string]bool) bool {
	var doc yaml.Node
	if err := yaml.Unmarshal(t.yaml(), &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return false
	}
	for _, section := range []string{"linters", "formatters"} {
		m := mapGet(doc.Content[0], section)
		if m == nil {
			continue
		}
		if e := mapGet(m, "enable"); e != nil && e.Kind == yaml.SequenceNode {
			for _, n := range e.Content {
				c.enabled[n.Value] = n.Line
			}
		}
		if d := mapGet(m, "disable"); d != nil && d.Kind == yaml.SequenceNode {
			for _, n := range d.Content {
				disabled[n.Value] = true
			}
		}
		if a := mapGet(m, "enable-all"); a != nil && a.Value == "true" {
			c.all = a.Line
		}
		if a := mapGet(m, "default"); a != nil && a.Value == "all" && section == "linters" {
			c.all = a.Line
		}
	}
	return true
}

// fromTOML reads the same from a TOML configuration, line by line: its
// [linters] and [formatters] tables, with one-line or multi-line lists.
func (c *golangciConfig) fromTOML(t *text, disabled map[string]bool) {
	section := ""
	for i := 0; i < len(t.lines); i++ {
		l := t.lines[i]
		if m := tomlSection.FindStringSubmatch(l); m != nil {
			section = m[1]
			continue
		}
		if section != "linters" && section != "formatters" {
			continue
		}
		if m := tomlFlag.FindStringSubmatch(l); m != nil {
			if (m[1] == "enable-all" && m[2] == "true") || m[3] == "all" {
				c.all = i + 1
			}
			continue
		}
		// A list may run over several lines: join them up to its ].
		joined, j := l, i
		for !strings.Contains(joined, "]") && j+1 < len(t.lines) && j-i < 100 {
			j++
			joined += "\n" + t.lines[j]
		}
		m := tomlList.FindStringSubmatch(joined)
		if m == nil {
			continue
		}
		for k, line := range strings.Split(m[2], "\n") {
			for _, q := range quoted.FindAllStringSubmatch(line, -1) {
				if m[1] == "enable" {
					c.enabled[q[1]] = i + 1 + k
				} else {
					disabled[q[1]] = true
				}
			}
		}
		i = j
	}
}

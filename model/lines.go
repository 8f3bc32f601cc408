package model

import "gopkg.in/yaml.v3"

// AnswerLines is where one answer is written in the answers file: the line
// of its id, of its status and of its justification (0 for a part that is
// not written).
type AnswerLines struct {
	ID, Status, Justification int
}

// Lines says where each answer is written in the file as last read or
// written, for tools that point at a line (code-scanning annotations). A
// file that does not exist yet has no lines.
func (f *File) Lines() map[string]AnswerLines {
	out := map[string]AnswerLines{}
	if f.base == nil || f.base.root == nil || f.base.root.Kind != yaml.MappingNode {
		return out
	}
	root := f.base.root // the text as last read or written, parsed; never changed
	line := func(l int) int { return l }
	if t := f.base.t; t != nil && !onlyLF(t.src) {
		line = t.editorLine // as editors and code review count lines
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "answers" || root.Content[i+1].Kind != yaml.MappingNode {
			continue
		}
		answers := root.Content[i+1]
		for j := 0; j+1 < len(answers.Content); j += 2 {
			k, v := answers.Content[j], answers.Content[j+1]
			l := AnswerLines{ID: line(k.Line)}
			if v.Kind == yaml.MappingNode {
				for n := 0; n+1 < len(v.Content); n += 2 {
					switch v.Content[n].Value {
					case "status":
						l.Status = line(v.Content[n].Line)
					case "justification":
						l.Justification = line(v.Content[n].Line)
					}
				}
			}
			out[k.Value] = l
		}
	}
	return out
}

package model

import (
	"os"
	"testing"
)

// SaveProject fills the project's fields in place, keeps every comment, and
// writes the changed answers in the same save.
func TestSaveProject(t *testing.T) {
	cases := []struct {
		name, in, want string
		p              Project
	}{
		{
			name: "add a field at the end of the block, change one in place keeping its comment",
			in:   "# top\nversion: 1\nproject:\n  name: old   # ours\n  url: https://x.org/a\n\n# answers below\nanswers:\n",
			p:    Project{Name: "New: name", BadgeID: 42},
			want: "# top\nversion: 1\nproject:\n  name: 'New: name'   # ours\n  url: https://x.org/a\n  badge_id: 42\n\n# answers below\nanswers:\n  floss_license:\n    status: Met\n",
		},
		{
			name: "no project block: a new one before answers and its comment",
			in:   "version: 1\n# the answers\nanswers:\n",
			p:    Project{BadgeID: 7, URL: "https://x.org/b"},
			want: "version: 1\nproject:\n  url: https://x.org/b\n  badge_id: 7\n# the answers\nanswers:\n  floss_license:\n    status: Met\n",
		},
		{
			name: "an empty project and an empty badge_id",
			in:   "version: 1\nproject:\nanswers:\n",
			p:    Project{Name: "n", BadgeID: 9},
			// "n" is quoted: YAML 1.1 readers would take it for false.
			want: "version: 1\nproject:\n  name: \"n\"\n  badge_id: 9\nanswers:\n  floss_license:\n    status: Met\n",
		},
		{
			name: "a flow-style block keeps its style",
			in:   "version: 1\nproject: {name: a}  # ours\nanswers:\n",
			p:    Project{BadgeID: 3},
			want: "version: 1\nproject: {name: a, badge_id: 3}  # ours\nanswers:\n  floss_license:\n    status: Met\n",
		},
		{
			name: "badge_id with no value keeps its comment",
			in:   "project:\n  name: a\n  badge_id: # fill in later\nanswers:\n",
			p:    Project{BadgeID: 5},
			want: "project:\n  name: a\n  badge_id: 5 # fill in later\nanswers:\n  floss_license:\n    status: Met\n",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, c.in)
			f, err := Load(p, cat)
			if err != nil {
				t.Fatal(err)
			}
			f.Set("floss_license", Answer{Status: Met})
			if err := f.SaveProject(c.p, false); err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(p)
			if string(got) != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
			g, err := Load(p, cat)
			if err != nil {
				t.Fatal(err)
			}
			if g.Project != f.Project {
				t.Errorf("reloaded project %+v, in memory %+v", g.Project, f.Project)
			}
		})
	}
}

func TestSaveProjectRefusesExternalChange(t *testing.T) {
	p := write(t, "version: 1\nanswers:\n")
	f, _ := Load(p, cat)
	os.WriteFile(p, []byte("version: 1\n# someone else\nanswers:\n"), 0o644)
	if err := f.SaveProject(Project{BadgeID: 1}, false); err != ErrChangedOnDisk {
		t.Fatalf("err %v", err)
	}
	got, _ := os.ReadFile(p)
	if string(got) != "version: 1\n# someone else\nanswers:\n" {
		t.Errorf("overwritten: %q", got)
	}
}

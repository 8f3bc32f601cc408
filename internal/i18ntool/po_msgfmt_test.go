package i18ntool

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/bestpractices/bestpractices/i18n"
)

// What ParsePO does where it departs from msgfmt on purpose, by fixture.
var poDeliberate = map[string]string{
	// Read, where msgfmt refuses: a check of msgfmt's that is not about
	// reading the file (i18n check judges the texts themselves).
	"escaped_quote_backslash.po": "read", // msgfmt: msgid and msgstr do not both end with \n
	// Refused, where msgfmt reads: msgfmt cuts the text at a NUL, and takes
	// a charset it does not know as bytes.
	"nul_byte.po":        "nul",
	"unknown_charset.po": "charset",
	"octal_400.po":       "nul",        // \400: msgfmt cuts the text there
	"hex_greedy.po":      "hex_escape", // \x41B: msgfmt reads a byte that is not 0x41B, and cuts the text
	"utf16_declared.po":  "utf16",      // charset=UTF-16 in an ASCII file: msgfmt reads the bytes, with a warning
}

// TestParsePOAgreesWithMsgfmt reads PO files with ParsePO and with GNU
// msgfmt (compiled, then the .mo read back) and wants the same
// translations, or both refusing: the fixtures in testdata/po (translators'
// slips, and files shaped as Poedit, Weblate and Crowdin write them, in
// UTF-8, Shift_JIS, EUC-JP and windows-1252), our own exports, and every
// Nth translation catalog the machine has (msgunfmt turns them back into
// PO: real translations of other projects, with contexts and plural forms
// in dozens of languages). A byte order mark is skipped before msgfmt sees
// the file, as ParsePO skips it; poDeliberate lists the other departures.
// msgfmt runs with --use-fuzzy, and --statistics tells the fuzzy entries,
// so that a flag lost or misplaced shows.
func TestParsePOAgreesWithMsgfmt(t *testing.T) {
	msgfmt, err := exec.LookPath("msgfmt")
	if err != nil {
		t.Skip("msgfmt (GNU gettext) is not installed: ParsePO is not compared with it here; CI installs it")
	}
	dir := t.TempDir()
	files, _ := filepath.Glob(filepath.Join("testdata", "po", "*.po"))
	for _, tag := range []string{"fr", "ja"} {
		src, _ := i18n.Source(tag)
		po, err := ExportPO(tag+".yaml", src)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "export-"+tag+".po")
		os.WriteFile(p, po, 0o644)
		files = append(files, p)
	}
	catalogs := machineCatalogs(t, dir, 120)
	files = append(files, catalogs...)
	t.Logf("%d PO files, %d of them from the machine's catalogs", len(files), len(catalogs))
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(file)
		got, perr := ParsePO(base, src)
		var pe *POError
		if perr != nil && !errors.As(perr, &pe) {
			t.Errorf("%s: an error that names no line: %v", base, perr)
			continue
		}
		if want, ok := poDeliberate[base]; ok {
			switch {
			case want == "read" && perr != nil:
				t.Errorf("%s: refused (%v); we read it", base, perr)
			case want != "read" && (pe == nil || pe.Kind != want):
				t.Errorf("%s: %v; want the %s refusal", base, perr, want)
			}
			continue
		}
		fed := filepath.Join(dir, "fed.po")
		os.WriteFile(fed, bytes.TrimPrefix(src, []byte("\ufeff")), 0o644)
		mo := filepath.Join(dir, "out.mo")
		os.Remove(mo) // msgfmt writes nothing for a file with no translation
		cmd := exec.Command(msgfmt, "--use-fuzzy", "--statistics", "-o", mo, fed)
		cmd.Env = append(os.Environ(), "LC_ALL=C", "LANGUAGE=") // statistics in English
		out, merr := cmd.CombinedOutput()
		switch {
		case merr != nil && perr != nil:
			continue // both refuse
		case merr != nil:
			t.Errorf("%s: msgfmt refuses it (%s) but ParsePO reads it", base, firstLine(out))
			continue
		case perr != nil:
			t.Errorf("%s: msgfmt reads it but ParsePO refuses it: %v", base, perr)
			continue
		}
		want := map[string]string{}
		if b, err := os.ReadFile(mo); err == nil {
			if want, err = readMO(b); err != nil {
				t.Fatalf("%s: %v", base, err)
			}
		}
		if d := poDiff(want, poTranslations(got)); d != "" {
			t.Errorf("%s: ParsePO reads other translations than msgfmt: %s", base, d)
		}
		if w, g := msgfmtFuzzy(out), poFuzzy(got); w != g {
			t.Errorf("%s: msgfmt counts %d fuzzy translations, ParsePO %d", base, w, g)
		}
	}
}

// machineCatalogs turns every Nth of the machine's .mo catalogs back into
// PO (at most max), "" when there are none or no msgunfmt.
func machineCatalogs(t *testing.T, dir string, max int) []string {
	msgunfmt, err := exec.LookPath("msgunfmt")
	if err != nil {
		t.Log("no msgunfmt: only the fixtures are compared")
		return nil
	}
	mos, _ := filepath.Glob("/usr/share/locale/*/LC_MESSAGES/*.mo")
	sort.Strings(mos)
	step := len(mos)/max + 1
	var out []string
	for i := 0; i < len(mos); i += step {
		name := strings.NewReplacer("/usr/share/locale/", "", "/LC_MESSAGES/", "-", "/", "-").Replace(mos[i])
		p := filepath.Join(dir, strings.TrimSuffix(name, ".mo")+".po")
		if exec.Command(msgunfmt, "-o", p, mos[i]).Run() != nil {
			continue
		}
		if _, err := os.Stat(p); err == nil { // an empty catalog gives no file
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		t.Log("no translation catalogs under /usr/share/locale: only the fixtures are compared")
	}
	return out
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	return s
}

// poTranslations is what a .mo file would hold of entries: the translated,
// non-obsolete ones, keyed by msgctxt EOT msgid, valued msgid_plural NUL
// the msgstrs joined by NUL.
func poTranslations(es []POEntry) map[string]string {
	out := map[string]string{}
	for _, e := range es {
		if e.Obsolete || e.ID == "" && !e.HasContext || strings.Join(e.Str, "") == "" {
			continue
		}
		k := e.ID
		if e.HasContext {
			k = e.Context + "\x04" + e.ID
		}
		out[k] = e.IDPlural + "\x00" + strings.Join(e.Str, "\x00")
	}
	return out
}

// readMO reads a GNU .mo catalog the same way, in UTF-8 whatever the
// charset its header names.
func readMO(b []byte) (map[string]string, error) {
	if len(b) < 28 {
		return nil, fmt.Errorf("a .mo file of %d bytes", len(b))
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if bo.Uint32(b) != 0x950412de {
		bo = binary.BigEndian
	}
	n := int(bo.Uint32(b[8:]))
	orig, trans := int(bo.Uint32(b[12:])), int(bo.Uint32(b[16:]))
	str := func(table, i int) (string, error) {
		at := table + 8*i
		if at+8 > len(b) {
			return "", fmt.Errorf("a .mo table past the end")
		}
		l, o := int(bo.Uint32(b[at:])), int(bo.Uint32(b[at+4:]))
		if o+l > len(b) {
			return "", fmt.Errorf("a .mo string past the end")
		}
		return string(b[o : o+l]), nil
	}
	out := map[string]string{}
	var decode func(string) string
	for i := 0; i < n; i++ {
		o, err := str(orig, i)
		if err != nil {
			return nil, err
		}
		t, err := str(trans, i)
		if err != nil {
			return nil, err
		}
		id, plural, _ := strings.Cut(o, "\x00")
		if id == "" {
			if cs := poCharset([]byte(t)); cs != "" && !isUTF8Name(cs) {
				if enc := charsetEncoding(cs); enc != nil {
					decode = func(s string) string { d, _ := enc.NewDecoder().String(s); return d }
				}
			}
			continue
		}
		out[id] = plural + "\x00" + t
	}
	if decode != nil {
		conv := map[string]string{}
		for k, v := range out {
			conv[decode(k)] = decode(v)
		}
		out = conv
	}
	return out, nil
}

// poDiff names the first differences between msgfmt's translations and
// ParsePO's; "" when they are the same. Strings with system-dependent
// parts (<PRIuMAX>) are left out: msgfmt stores them in a table of their
// own that readMO does not read.
func poDiff(want, got map[string]string) string {
	var d []string
	for k, v := range want {
		if !strings.Contains(k, "<PRI") && got[k] != v {
			d = append(d, fmt.Sprintf("%q: msgfmt %q, ParsePO %q", k, v, got[k]))
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok && !strings.Contains(k+v, "<PRI") {
			d = append(d, fmt.Sprintf("%q: only ParsePO, %q", k, v))
		}
	}
	sort.Strings(d)
	if len(d) > 3 {
		d = append(d[:3], fmt.Sprintf("and %d more", len(d)-3))
	}
	return strings.Join(d, "; ")
}

// msgfmtFuzzy is the number of fuzzy translations msgfmt --statistics
// counts ("3 translated messages, 1 fuzzy translation.").
func msgfmtFuzzy(out []byte) int {
	n := 0
	if m := regexp.MustCompile(`(\d+) fuzzy translation`).FindSubmatch(out); m != nil {
		n, _ = strconv.Atoi(string(m[1]))
	}
	return n
}

// poFuzzy counts the same in what ParsePO read.
func poFuzzy(es []POEntry) int {
	n := 0
	for _, e := range es {
		if e.Fuzzy && !e.Obsolete && e.ID != "" && strings.Join(e.Str, "") != "" {
			n++
		}
	}
	return n
}

// poCharset is the charset a header's text names, "" if none (a .mo
// file's header).
func poCharset(src []byte) string {
	i := bytes.Index(src, []byte("charset="))
	if i < 0 {
		return ""
	}
	rest := src[i+len("charset="):]
	end := bytes.IndexAny(rest, "\\\"\n; ")
	if end < 0 {
		end = len(rest)
	}
	return strings.ToValidUTF8(string(rest[:end]), "?")
}

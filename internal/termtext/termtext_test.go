package termtext

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile holds what a name or an id from elsewhere may carry to act on a
// terminal: OSC 52 (writes the clipboard), OSC 0 (the window title), OSC 8
// (a hidden link), CSI 2J (clears the screen), a C1 CSI, a bell, a bidi
// override.
var hostile = []string{
	"Ann\x1b]52;c;ZWNobyBwd25lZA==\x07",
	"\x1b]0;owned\x07Ann",
	"\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
	"\x1b[2JAnn",
	"Ann\u009b2J",
	"Ann\u202egpj.exe",
	"A\rB\bC\x7f",
}

func noControl(t *testing.T, what, s string, keep string) {
	t.Helper()
	for _, r := range s {
		if control(r) && !strings.ContainsRune(keep, r) {
			t.Fatalf("%s keeps %U: %q", what, r, s)
		}
	}
}

func TestControlCharactersAreShownNotActedOn(t *testing.T) {
	for _, h := range hostile {
		noControl(t, "Line", Line(h), "")
		noControl(t, "Text", Text(h+"\nnext"), "\n")
		if !strings.Contains(Line(h), "A") && !strings.Contains(Line(h), "click") {
			t.Errorf("the text itself is lost: %q", Line(h))
		}
	}
	if got := Line("Ann\x1b[2J"); got != "Ann␛[2J" {
		t.Errorf("ESC is shown as ␛: %q", got)
	}
	if got := Text("Zoë Ödön\tx\n"); got != "Zoë Ödön\tx\n" {
		t.Errorf("plain text changed: %q", got)
	}
}

// A frame keeps its own colours and styles, and nothing else.
func TestFrameKeepsOnlyStyles(t *testing.T) {
	styled := "\x1b[1;38;5;212mTitle\x1b[0m plain \x1b[2;3me.g.\x1b[0m\n"
	if Frame(styled) != styled {
		t.Fatalf("styles changed: %q", Frame(styled))
	}
	for _, h := range hostile {
		framed := Frame("\x1b[1m" + h + "\x1b[0m")
		noControl(t, "Frame", strings.NewReplacer("\x1b[1m", "", "\x1b[0m", "").Replace(framed), "")
	}
}

// The writer filters text written in pieces, a character cut between two
// writes included, and passes JSON by Raw.
func TestWriterFiltersTextInPieces(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	text := "Zoë \x1b]0;x\x07 ✓"
	b := []byte(text)
	for i := range b {
		if _, err := w.Write(b[i : i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := out.String(), Text(text); got != want || !utf8.ValidString(got) {
		t.Fatalf("byte by byte: %q, want %q", got, want)
	}
	if Raw(w) != &out || Raw(&out) != &out || NewWriter(w) != w {
		t.Fatal("Raw does not reach the writer underneath, or a filter was filtered again")
	}
}

func FuzzFrameLeavesNoCommand(f *testing.F) {
	for _, h := range hostile {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Frame(s)
		for i := 0; i < len(out); i++ {
			if out[i] == 0x1b && sgrLength(out[i:]) == 0 {
				t.Fatalf("an escape that is not SGR survives: %q → %q", s, out)
			}
		}
		noControl(t, "Frame", strings.Map(func(r rune) rune {
			if r == 0x1b {
				return 'E'
			}
			return r
		}, out), "\n\t")
	})
}

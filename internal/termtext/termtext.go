// Package termtext keeps text that came from elsewhere — Plaid's answers,
// drafts, files, webhooks — from acting on the terminal it is shown in.
// Such text is data: a control character in it (ESC starting an OSC 52
// clipboard write, a window title, a hidden link; a clear-screen; a bidi
// override that reorders what is shown) is replaced by a visible stand-in
// before it reaches a terminal. JSON printed for scripts stays exact: it
// is written past the filter (Raw).
package termtext

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// stand is what a control character is shown as: the Unicode control
// picture for C0 and DEL (␛ for ESC), an escape for the others.
func stand(r rune) string {
	switch {
	case r < 0x20:
		return string(rune(0x2400 + r))
	case r == 0x7f:
		return "␡"
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// control reports whether r acts on a terminal or on the order text is
// shown in: C0 and C1 controls, DEL, and the bidi embeddings, overrides
// and isolates.
func control(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// Text replaces the control characters of s, keeping line breaks and tabs.
func Text(s string) string { return clean(s, true) }

// Line replaces the control characters of s, line breaks and tabs too: a
// value shown on one line stays on it.
func Line(s string) string { return clean(s, false) }

func clean(s string, keepLines bool) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return control(r) || r == utf8.RuneError }) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case keepLines && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case control(r):
			b.WriteString(stand(r))
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				fmt.Fprintf(&b, `\x%02x`, s[i]) // a byte that is not UTF-8
			} else {
				b.WriteRune(r)
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Writer passes what is written through Text.
type Writer struct {
	w    io.Writer
	tail []byte // the start of a character the next write completes
}

// NewWriter filters w; a Writer is returned as it is.
func NewWriter(w io.Writer) io.Writer {
	if _, ok := w.(*Writer); ok {
		return w
	}
	return &Writer{w: w}
}

// Raw is the writer under a filtering one (w itself otherwise): where
// exact bytes are wanted, as JSON for scripts.
func Raw(w io.Writer) io.Writer {
	if f, ok := w.(*Writer); ok {
		return f.w
	}
	return w
}

// Write writes p with its control characters replaced. It reports all of
// p written once the filtered text is.
func (f *Writer) Write(p []byte) (int, error) {
	buf := append(f.tail, p...)
	f.tail = nil
	// Hold back a character cut in two: the next write ends it.
	if cut := incompleteTail(buf); cut > 0 {
		f.tail = append([]byte(nil), buf[len(buf)-cut:]...)
		buf = buf[:len(buf)-cut]
	}
	if _, err := io.WriteString(f.w, Text(string(buf))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// incompleteTail is how many bytes at the end of b begin a UTF-8
// character that is not complete yet.
func incompleteTail(b []byte) int {
	for n := 1; n <= 3 && n <= len(b); n++ {
		c := b[len(b)-n]
		if c < 0x80 {
			return 0
		}
		if c >= 0xc0 { // a leading byte: is its character whole?
			want := 2
			switch {
			case c >= 0xf0:
				want = 4
			case c >= 0xe0:
				want = 3
			}
			if n < want {
				return n
			}
			return 0
		}
	}
	return 0
}

// Frame is a screen's text as drawn, with every escape sequence but the
// colours and styles (SGR: ESC [ … m) and every other control character
// but line breaks and tabs shown as text: whatever data a screen lays out,
// it cannot reach the terminal as a command. The screens themselves
// draw nothing else.
func Frame(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return control(r) && r != '\n' && r != '\t' }) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			if n := sgrLength(s[i:]); n > 0 {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
			b.WriteString(stand(r))
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case control(r):
			b.WriteString(stand(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// sgrLength is the length of the SGR sequence s starts with, 0 if none.
func sgrLength(s string) int {
	if len(s) < 3 || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case (c >= '0' && c <= '9') || c == ';' || c == ':':
		default:
			return 0
		}
	}
	return 0
}

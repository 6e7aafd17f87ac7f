package widgets

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
)

// ErrInputEnded is returned by a plain prompt when its input ends (Ctrl-D,
// or the end of piped answers): the answers so far are kept.
var ErrInputEnded = errors.New("input ended")

// maxLine bounds one answer: a longer line is refused whole, never cut.
const maxLine = 64 << 10

// LineReader reads answers a line at a time for the plain prompts of
// accessible mode. huh's own prompts make a new bufio.Scanner for each
// question, which would swallow the answers after the first when they are
// piped in; a LineReader hands out at most one line per Read, so nothing
// is read ahead.
type LineReader struct {
	r   *bufio.Reader
	fd  uintptr
	tty bool
	eof bool
	// refusals hears why a line was not taken (too long).
	refusals io.Writer
}

// SayRefusalsTo sets where a line that is not taken is said to be refused.
func (l *LineReader) SayRefusalsTo(w io.Writer) *LineReader {
	l.refusals = w
	return l
}

// NewLineReader reads from r; when r is a terminal, masked answers are
// read without echo.
func NewLineReader(r io.Reader) *LineReader {
	l := &LineReader{r: bufio.NewReader(r)}
	if f, ok := r.(*os.File); ok && term.IsTerminal(f.Fd()) {
		l.fd, l.tty = f.Fd(), true
	}
	return l
}

// lineReaderOf returns r itself when it is a LineReader.
func lineReaderOf(r io.Reader) *LineReader {
	if l, ok := r.(*LineReader); ok {
		return l
	}
	return NewLineReader(r)
}

// ReadLine returns the next line without its line ending, or ErrInputEnded.
func (l *LineReader) ReadLine() (string, error) {
	if l.eof {
		return "", ErrInputEnded
	}
	var line []byte
	long := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		if !long {
			line = append(line, chunk...)
			long = len(strings.TrimRight(string(line), "\r\n")) > maxLine
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err != nil:
			l.eof = true
		}
		switch {
		case long:
			// Cut, it would be taken as a different answer: refused, and
			// the next line is read instead.
			if l.refusals != nil {
				fmt.Fprintf(l.refusals, "\nThat answer is longer than %d KiB, the most one answer may be: it was not taken. Type it again.\n", maxLine>>10)
			}
			if l.eof {
				return "", ErrInputEnded
			}
			line, long = nil, false
			continue
		case err == nil, len(line) > 0:
			return strings.TrimRight(string(line), "\r\n"), nil
		}
		return "", ErrInputEnded
	}
}

// ReadSecret reads a line without echoing it when the input is a terminal
// (and nothing is buffered ahead of it).
func (l *LineReader) ReadSecret(w io.Writer) (string, error) {
	if !l.tty || l.r.Buffered() > 0 {
		return l.ReadLine()
	}
	b, err := term.ReadPassword(l.fd)
	fmt.Fprintln(w)
	if err != nil {
		l.eof = true
		return "", ErrInputEnded
	}
	return string(b), nil
}

// Read hands out at most one line per call, for huh's prompts.
func (l *LineReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	// Peek(1) waits for input without asking for more than is there.
	if _, err := l.r.Peek(1); err != nil {
		l.eof = true
		return 0, err
	}
	peek, _ := l.r.Peek(l.r.Buffered())
	if i := bytes.IndexByte(peek, '\n'); i >= 0 && i+1 < len(p) {
		p = p[:i+1]
	}
	return l.r.Read(p)
}

// Ended reports whether the input has ended.
func (l *LineReader) Ended() bool { return l.eof }

// Plain prompts print plain text: no colour, no cursor moves, one question
// per line, so that screen readers and logs read them as they are.

// say prints a line.
func say(w io.Writer, format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }

// answer reads the next answer, trimmed; when the input ends, the
// prompt's line is ended first.
func answer(w io.Writer, in *LineReader) (string, error) {
	line, err := in.ReadLine()
	if err != nil {
		fmt.Fprintln(w)
		return "", err
	}
	return strings.TrimSpace(line), nil
}

package forms

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

// maxLine bounds one answer; the rest of a longer line is dropped.
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
	for {
		chunk, err := l.r.ReadSlice('\n')
		if len(line) < maxLine {
			line = append(line, chunk[:min(len(chunk), maxLine-len(line))]...)
		}
		switch {
		case err == nil:
			return strings.TrimRight(string(line), "\r\n"), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		}
		l.eof = true
		if len(line) > 0 {
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

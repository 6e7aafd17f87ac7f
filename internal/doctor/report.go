// Package doctor says what is ready and what is not before a user meets
// Plaid: the environment and credentials, this machine's clock, keys,
// files and store, the terminal — each line with its fix — and, with
// --conformance, how Plaid's answers drift from the spec and from the
// built-in emulator.
package doctor

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/plaid-onboard/plaid-onboard/internal/words"
)

// State is how a check came out.
type State string

// The states, worst last.
const (
	OK   State = "ok"
	Info State = "info" // nothing to judge: what is so
	Warn State = "warn" // works, but something will bite
	Fail State = "fail" // not ready
)

// Check is one line of the report.
type Check struct {
	Area   string `json:"area"` // "Plaid", "This machine", "Terminal"
	Name   string `json:"name"`
	State  State  `json:"state"`
	Detail string `json:"detail"`
	Fix    string `json:"fix,omitempty"`
}

// Report is everything doctor found.
type Report struct {
	Environment string       `json:"environment"`
	Checks      []Check      `json:"checks"`
	Conformance *Conformance `json:"conformance,omitempty"`
}

// Failed counts the checks that failed.
func (r Report) Failed() int {
	n := 0
	for _, c := range r.Checks {
		if c.State == Fail {
			n++
		}
	}
	return n
}

// marks are how a state is shown, one cell wide.
var marks = map[State]string{OK: "✓", Info: "·", Warn: "!", Fail: "✗"}

// Write prints the report for a person: checks grouped by area, each
// problem followed by its fix, then a verdict. Lines longer than width
// (when not 0) wrap under their own column.
func (r Report) Write(w io.Writer, width int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "plaid-onboard doctor · %s\n", r.Environment)
	names := 0
	for _, c := range r.Checks {
		names = max(names, len(c.Name))
	}
	area := ""
	for _, c := range r.Checks {
		if c.Area != area {
			area = c.Area
			fmt.Fprintf(&b, "\n%s\n", area)
		}
		indent := strings.Repeat(" ", 4+names+2)
		fmt.Fprintf(&b, "  %s %-*s  %s\n", marks[c.State], names, c.Name, hanging(c.Detail, width, indent))
		if c.Fix != "" && (c.State == Warn || c.State == Fail) {
			fmt.Fprintf(&b, "%sfix: %s\n", indent, hanging(c.Fix, width, indent+"     "))
		}
	}
	if r.Conformance != nil {
		r.Conformance.write(&b, width)
	}
	b.WriteString("\n")
	switch n := r.Failed(); {
	case n > 0:
		fmt.Fprintf(&b, "%d %s not ready: the fixes are above.\n", n, words.Plural(n, "thing is", "things are"))
	case r.Conformance != nil && len(r.Conformance.Drift) > 0:
		fmt.Fprintf(&b, "Ready, but %d %s from the spec or the emulator: attach this report (or --json) to a bug.\n",
			len(r.Conformance.Drift), words.Plural(len(r.Conformance.Drift), "answer drifts", "answers drift"))
	default:
		b.WriteString("Everything is ready.\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// hanging wraps text to the width left after indent, continuing each line
// under the first.
func hanging(text string, width int, indent string) string {
	room := width - len(indent)
	if width == 0 || room < 20 {
		return text
	}
	return strings.ReplaceAll(ansi.Wrap(text, room, ""), "\n", "\n"+indent)
}

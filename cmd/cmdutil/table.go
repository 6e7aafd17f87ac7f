package cmdutil

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// Table prints rows as cli/cli does: on a terminal, aligned columns under
// a header, fitted to its width by cutting one column (with "…"); piped,
// tab-separated values with no header and nothing cut, for scripts.
type Table struct {
	io      *app.IOStreams
	headers []string
	// flex is the column cut to fit the width.
	flex int
	rows [][]string
}

// NewTable starts a table; flex is the index of the column that gives way.
func NewTable(io *app.IOStreams, flex int, headers ...string) *Table {
	return &Table{io: io, headers: headers, flex: flex}
}

// Row adds a row, a cell per header.
func (t *Table) Row(cells ...string) { t.rows = append(t.rows, cells) }

// widest is the terminal width assumed when it cannot be read.
const widest = 100

// Print writes the table.
func (t *Table) Print() error {
	w := t.io.Out
	if !t.io.StdoutTTY {
		for _, r := range t.rows {
			if _, err := fmt.Fprintln(w, strings.Join(r, "\t")); err != nil {
				return err
			}
		}
		return nil
	}
	all := append([][]string{t.headers}, t.rows...)
	widths := make([]int, len(t.headers))
	for _, r := range all {
		for i, c := range r {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	width := t.io.Width
	if width <= 0 {
		width = widest
	}
	total := 2 * (len(widths) - 1)
	for _, cw := range widths {
		total += cw
	}
	if over := total - width; over > 0 {
		widths[t.flex] = max(8, widths[t.flex]-over)
	}
	for _, r := range all {
		var b strings.Builder
		for i, c := range r {
			if ansi.StringWidth(c) > widths[i] {
				c = ansi.Truncate(c, widths[i]-1, "") + "…"
			}
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		if _, err := fmt.Fprintln(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

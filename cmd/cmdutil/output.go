package cmdutil

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/internal/termtext"
)

// WriteJSON writes v as indented JSON: the data of a --json command,
// exact (past the filter that keeps other output from acting on the
// terminal: JSON escapes what would).
func WriteJSON(w io.Writer, v any) error {
	return writeIndented(termtext.Raw(w), v)
}

// ShowJSON writes v as indented JSON for a person to read (a draft's
// body), filtered like any other text shown.
func ShowJSON(w io.Writer, v any) error { return writeIndented(w, v) }

func writeIndented(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// Field is one "label: value" line of a readable result.
type Field struct{ Label, Value string }

// WriteFields writes fields as aligned "label  value" lines.
func WriteFields(w io.Writer, fields []Field) {
	width := 0
	for _, f := range fields {
		width = max(width, len(f.Label))
	}
	for _, f := range fields {
		if f.Label == "" {
			fmt.Fprintln(w, strings.Repeat(" ", width+2)+f.Value)
			continue
		}
		fmt.Fprintf(w, "%-*s  %s\n", width, f.Label, f.Value)
	}
}

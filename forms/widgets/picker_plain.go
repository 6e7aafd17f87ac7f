package widgets

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/validate"
)

// RunAccessible asks on a plain line: a code or a name, with the close
// matches read out when the answer fits several.
func (p *Picker) RunAccessible(w io.Writer, r io.Reader) error {
	in := lineReaderOf(r)
	p.reload()
	plainTitle(w, p.spec.Title, p.spec.Description)
	// A short list is read out and can be answered by number.
	short := len(p.options) <= 12
	if short {
		for i, o := range p.options {
			say(w, "  %d. %s", i+1, o.display())
		}
	}
	for {
		fmt.Fprintf(w, "%s (a name or code", p.spec.Title)
		if short {
			fmt.Fprint(w, ", or a number")
		}
		if cur, has := p.current(); has {
			fmt.Fprintf(w, "; Enter keeps %s", cur.display())
		}
		fmt.Fprint(w, "): ")
		line, err := answer(w, in)
		if err != nil {
			return err
		}
		switch {
		case line == "" && (p.acc.Get() != "" || !p.spec.Required):
			return nil
		case line == "":
			say(w, "%s is required: type a name or a code, or - to leave it empty for now.", p.spec.Title)
			continue
		case line == "-":
			p.acc.Set("")
			return nil
		}
		if n, err := strconv.Atoi(line); err == nil && short && n >= 1 && n <= len(p.options) {
			p.acc.Set(p.options[n-1].Value)
			say(w, "  Chosen: %s", p.options[n-1].display())
			return nil
		}
		p.input.SetValue(line)
		p.filter()
		p.input.SetValue("")
		exact := len(p.matches) > 0 && (strings.EqualFold(p.matches[0].Value, line) || strings.EqualFold(p.matches[0].Label, line))
		switch {
		case len(p.matches) == 1 || exact:
			p.acc.Set(p.matches[0].Value)
			say(w, "  Chosen: %s", p.matches[0].display())
			return nil
		case len(p.matches) > 1 && !p.spec.Free:
			say(w, "  %d match; type more of one of these:", len(p.matches))
			for _, o := range p.matches[:min(8, len(p.matches))] {
				say(w, "    %s", o.display())
			}
		case p.spec.Free:
			p.acc.Set(line)
			if res := p.Result(); res.State != validate.Valid {
				say(w, "  Problem with %s: %s. Kept; the review lists it.", p.spec.Title, strings.TrimSuffix(res.Message, "."))
			} else {
				say(w, "  Not one of those listed; kept as typed.")
			}
			return nil
		default:
			say(w, "  Nothing matches %q.", line)
		}
	}
}

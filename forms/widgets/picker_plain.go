package widgets

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/validate"
)

const (
	// plainShort is the longest list read out before the first answer.
	plainShort = 12
	// plainAll is the longest list ? reads out whole (the 37 ID types are
	// heard; the 249 countries are found by typing).
	plainAll = 60
)

// RunAccessible asks on a plain line: a name, a code or a number of the
// choices last read out. ? reads the choices; an answer that fits several
// reads them, numbered, to choose from; one that fits a single choice
// only inside its name asks before taking it. What is taken is read back.
func (p *Picker) RunAccessible(w io.Writer, r io.Reader) error {
	in := lineReaderOf(r)
	p.reload()
	plainTitle(w, p.spec.Title, p.spec.Description)
	// listed are the choices a number answers: those last read out.
	var listed []PickOption
	if len(p.options) <= plainShort {
		listed = p.options
		readOut(w, listed)
	}
	pending, hasPending := "", false
	for {
		line := pending
		if !hasPending {
			fmt.Fprintf(w, "%s (a name or code", p.spec.Title)
			if len(listed) > 0 {
				fmt.Fprint(w, ", a number")
			}
			fmt.Fprint(w, ", or ? to hear the choices")
			if cur, has := p.current(); has {
				fmt.Fprintf(w, "; Enter keeps %s", cur.display())
			}
			fmt.Fprint(w, "): ")
			var err error
			if line, err = answer(w, in); err != nil {
				return err
			}
		}
		hasPending = false
		switch {
		case line == "" && (p.acc.Get() != "" || !p.spec.Required):
			return nil
		case line == "":
			say(w, "%s is required: type a name or a code, ? to hear the choices, or - to leave it empty for now.", p.spec.Title)
			continue
		case line == "-":
			p.acc.Set("")
			say(w, "  Left empty.")
			return nil
		case line == "?":
			if len(p.options) > plainAll {
				say(w, "  %d choices: type the start of a name or a code to hear those that match.", len(p.options))
				continue
			}
			listed = p.options
			say(w, "  %d choices:", len(listed))
			readOut(w, listed)
			continue
		}
		if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(listed) {
			p.take(w, listed[n-1])
			return nil
		}
		p.input.SetValue(line)
		p.filter()
		p.input.SetValue("")
		exact := len(p.matches) > 0 && (strings.EqualFold(p.matches[0].Value, line) || strings.EqualFold(p.matches[0].Label, line) ||
			(p.matches[0].Alias != "" && strings.EqualFold(p.matches[0].Alias, line)))
		switch {
		case exact || (len(p.matches) == 1 && p.named):
			p.take(w, p.matches[0])
			return nil
		case len(p.matches) == 1:
			// "passport" is not "Australia passport": asked, not assumed.
			o := p.matches[0]
			if p.spec.Free {
				say(w, "  Only %s matches %q. Enter or y takes it; n keeps %q as typed; or type another answer.", o.display(), line, line)
			} else {
				say(w, "  Only %s matches %q. Enter or y takes it; or type another answer.", o.display(), line)
			}
			fmt.Fprintf(w, "%s: ", p.spec.Title)
			next, err := answer(w, in)
			if err != nil {
				return err
			}
			switch strings.ToLower(next) {
			case "", "y", "yes":
				p.take(w, o)
				return nil
			case "n", "no":
				if p.spec.Free {
					return p.keepTyped(w, line)
				}
				continue
			}
			pending, hasPending = next, true
		case len(p.matches) > 1:
			listed = p.matches[:min(plainShort, len(p.matches))]
			say(w, "  %d match %q; type a number, or more of the name:", len(p.matches), line)
			readOut(w, listed)
			if more := len(p.matches) - len(listed); more > 0 {
				say(w, "  … and %d more: type more of the name to narrow them.", more)
			}
			if p.spec.Free {
				say(w, "  (- then the value keeps a value of your own.)")
			}
		case p.spec.Free:
			return p.keepTyped(w, line)
		default:
			say(w, "  Nothing matches %q; ? reads the choices.", line)
		}
	}
}

// take chooses an option and reads it back.
func (p *Picker) take(w io.Writer, o PickOption) {
	p.acc.Set(o.Value)
	say(w, "  Chosen: %s", o.display())
}

// keepTyped keeps a free picker's typed value, checked.
func (p *Picker) keepTyped(w io.Writer, line string) error {
	p.acc.Set(line)
	if res := p.Result(); res.State != validate.Valid {
		say(w, "  Problem with %s: %s. Kept; the review lists it.", p.spec.Title, strings.TrimSuffix(res.Message, "."))
	} else {
		say(w, "  Not one of those listed; kept as typed: %s", line)
	}
	return nil
}

// readOut reads choices, numbered.
func readOut(w io.Writer, options []PickOption) {
	for i, o := range options {
		say(w, "  %d. %s", i+1, o.display())
	}
}

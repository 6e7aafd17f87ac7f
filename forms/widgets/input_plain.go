package widgets

import (
	"fmt"
	"io"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/validate"
)

// RunAccessible asks on a plain line. The answer is checked at once and
// the verdict read out; an answer that breaks a rule is kept (the review
// lists it) and asked again, where Enter keeps it, y takes the suggested
// fix and - empties the field.
func (i *Input) RunAccessible(w io.Writer, r io.Reader) error {
	in := lineReaderOf(r)
	title := i.spec.Title
	if !i.spec.Required {
		title += " (optional)"
	}
	plainTitle(w, title, i.spec.Description)
	for {
		cur := i.acc.Get()
		i.recheck()
		hint := i.plainHint(cur)
		fmt.Fprintf(w, "%s%s: ", i.spec.Title, hint)
		var (
			line string
			err  error
		)
		if i.spec.Masked {
			line, err = in.ReadSecret(w)
		} else {
			line, err = in.ReadLine()
		}
		if err != nil {
			fmt.Fprintln(w)
			return err
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "" && cur == "" && i.spec.EmptyFix != "":
			i.acc.Set(i.spec.EmptyFix)
		case line == "" && cur == "" && i.spec.Required:
			say(w, "%s is required: type it, or - to leave it empty for now.", i.spec.Title)
			continue
		case line == "":
			// Enter keeps the value as it is.
		case line == "-":
			i.acc.Set("")
		case (line == "y" || line == "yes") && i.result.Fix != "" && cur != "":
			i.acc.Set(i.result.Fix)
			// Read back: what is kept now, not what was typed.
			say(w, "  %s is now %s.", i.spec.Title, summarize(i.result.Fix, i.spec.Masked))
		default:
			i.acc.Set(line)
		}
		i.recheck()
		v := i.acc.Get()
		switch {
		case v == "" || i.result.State == validate.Valid:
			// Advice is read out, not asked about: the answer stands (a
			// script piping answers gets no extra question), and the review
			// lists the note again with its suggestion.
			if a := i.result.Advice(); a != "" {
				say(w, "  Note on %s: %s.", i.spec.Title, strings.TrimSuffix(a, "."))
				if i.result.Fix != "" {
					say(w, "  Suggested: %s (the review offers it again).", summarize(i.result.Fix, i.spec.Masked))
				}
			}
			if i.spec.Info != nil && v != "" {
				if info := i.spec.Info(v); info != "" {
					say(w, "  %s", info)
				}
			}
			return nil
		case line == "" && v == cur:
			// Kept on purpose: the review will list it.
			say(w, "  Kept as it is; the review lists the problem.")
			return nil
		}
		msg := i.result.Message
		if i.result.State == validate.Incomplete {
			msg = "not finished: " + msg
		}
		say(w, "  Problem with %s: %s.", i.spec.Title, strings.TrimSuffix(msg, "."))
		if i.result.Fix != "" {
			say(w, "  Suggested: %s — type y to use it.", summarize(i.result.Fix, i.spec.Masked))
		}
		say(w, "  Type it again, or press Enter to keep it as it is.")
	}
}

// plainHint says what Enter does at a plain prompt.
func (i *Input) plainHint(cur string) string {
	switch {
	case cur != "":
		return " [Enter keeps " + summarize(cur, i.spec.Masked) + "; - empties it]"
	case i.spec.EmptyFix != "":
		return " [Enter uses " + i.spec.EmptyFix + "]"
	case i.spec.Placeholder != "" && !strings.Contains(i.spec.Placeholder, " "):
		return " (" + example(i.spec.Placeholder) + ")"
	}
	return ""
}

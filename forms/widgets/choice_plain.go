package widgets

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"charm.land/huh/v2"
)

// RunAccessible reads the options out by number and asks for one: a number
// or a name; Enter keeps the current answer.
func (c *Choice[T]) RunAccessible(w io.Writer, r io.Reader) error {
	in := lineReaderOf(r)
	plainTitle(w, c.spec.Title, c.spec.Description)
	cur := slices.IndexFunc(c.opts, func(o huh.Option[T]) bool { return o.Value == c.acc.Get() })
	for i, o := range c.opts {
		mark := ""
		if i == cur {
			mark = " (current)"
		}
		say(w, "  %d. %s%s", i+1, o.Key, mark)
	}
	for {
		fmt.Fprintf(w, "%s: choose 1 to %d", c.spec.Title, len(c.opts))
		if cur >= 0 {
			fmt.Fprintf(w, " [Enter keeps %d]", cur+1)
		}
		fmt.Fprint(w, ": ")
		line, err := answer(w, in)
		if err != nil {
			return err
		}
		if line == "" && cur >= 0 {
			return nil
		}
		if i := pickOne(line, c.opts); i >= 0 {
			c.acc.Set(c.opts[i].Value)
			say(w, "  Chosen: %s", c.opts[i].Key)
			return nil
		}
		say(w, "  Type a number from 1 to %d, or the start of an option.", len(c.opts))
	}
}

// RunAccessible reads the options out with what is chosen, and takes
// numbers to switch options on or off until an empty line.
func (c *Choices[T]) RunAccessible(w io.Writer, r io.Reader) error {
	in := lineReaderOf(r)
	plainTitle(w, c.spec.Title, c.spec.Description)
	// The list is read out once (and again on "?"); after each change only
	// what is chosen.
	list := true
	for {
		chosen := c.acc.Get()
		var names []string
		for i, o := range c.opts {
			on := slices.Contains(chosen, o.Value)
			mark := "[ ]"
			if on {
				mark = "[x]"
				names = append(names, o.Key)
			}
			if list {
				say(w, "  %d. %s %s", i+1, mark, o.Key)
			}
		}
		list = false
		if len(names) == 0 {
			say(w, "Chosen: none")
		} else {
			say(w, "Chosen: %s", strings.Join(names, "; "))
		}
		fmt.Fprint(w, "Numbers to switch on or off (e.g. 1 3), ? lists them again, Enter when done: ")
		line, err := answer(w, in)
		if err != nil {
			return err
		}
		switch line {
		case "":
			return nil
		case "?":
			list = true
			continue
		}
		next := slices.Clone(chosen)
		bad := ""
		for _, f := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == ',' }) {
			i := pickOne(f, c.opts)
			if i < 0 {
				bad = f
				break
			}
			if j := slices.Index(next, c.opts[i].Value); j >= 0 {
				next = slices.Delete(next, j, j+1)
			} else {
				next = append(next, c.opts[i].Value)
			}
		}
		if bad != "" {
			say(w, "  %q is not a number from 1 to %d; nothing changed.", bad, len(c.opts))
			continue
		}
		// Keep the options' order, whatever order they were typed in.
		var ordered []T
		for _, o := range c.opts {
			if slices.Contains(next, o.Value) {
				ordered = append(ordered, o.Value)
			}
		}
		c.acc.Set(ordered)
	}
}

// pickOne finds an option by number (1-based) or by the start of its
// label, when only one label starts so; -1 when none or several do.
func pickOne[T comparable](s string, opts []huh.Option[T]) int {
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= len(opts) {
			return n - 1
		}
		return -1
	}
	if s == "" {
		return -1
	}
	found := -1
	for i, o := range opts {
		if strings.EqualFold(o.Key, s) || strings.EqualFold(fmt.Sprint(o.Value), s) {
			return i
		}
		if strings.HasPrefix(strings.ToLower(o.Key), strings.ToLower(s)) {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

func plainTitle(w io.Writer, title, description string) {
	say(w, "%s", title)
	if description != "" {
		say(w, "  %s", description)
	}
}

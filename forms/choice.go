package forms

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// ChoiceSpec describes a select or multi-select.
type ChoiceSpec struct {
	Key, Title, Description string
	// Height is how many options a multi-select shows at once.
	Height int
}

// Choice is huh's select with a plain prompt that reads better and never
// fails: huh's own accessible select cannot keep the current answer with
// Enter, and panics when its input ends.
type Choice[T comparable] struct {
	*huh.Select[T]
	spec ChoiceSpec
	opts []huh.Option[T]
	acc  huh.Accessor[T]
	nav  navKeys
}

// NewChoice builds a select bound through acc.
func NewChoice[T comparable](spec ChoiceSpec, opts []huh.Option[T], acc huh.Accessor[T]) *Choice[T] {
	sel := huh.NewSelect[T]().Key(spec.Key).Title(spec.Title).Description(spec.Description).Options(opts...).Accessor(acc)
	km := KeyMap().Select
	return &Choice[T]{Select: sel, spec: spec, opts: opts, acc: acc, nav: newNavKeys(km.Prev, km.Next, km.Submit)}
}

// Choices is huh's multi-select with a plain prompt (see Choice).
type Choices[T comparable] struct {
	*huh.MultiSelect[T]
	spec ChoiceSpec
	opts []huh.Option[T]
	acc  huh.Accessor[[]T]
	nav  navKeys
}

// NewChoices builds a multi-select bound through acc.
func NewChoices[T comparable](spec ChoiceSpec, opts []huh.Option[T], acc huh.Accessor[[]T]) *Choices[T] {
	ms := huh.NewMultiSelect[T]().Key(spec.Key).Title(spec.Title).Description(spec.Description).Options(opts...).Accessor(acc)
	if spec.Height > 0 {
		ms = ms.Height(spec.Height)
	}
	km := KeyMap().MultiSelect
	return &Choices[T]{MultiSelect: ms, spec: spec, opts: opts, acc: acc, nav: newNavKeys(km.Prev, km.Next, km.Submit)}
}

// RunAccessible reads the options out by number and asks for one: a number
// or a name; Enter keeps the current answer.
func (c *Choice[T]) RunAccessible(w io.Writer, r io.Reader) error {
	in := lineReaderOf(r)
	plainTitle(w, c.spec)
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
		line, err := in.ReadLine()
		if err != nil {
			fmt.Fprintln(w)
			return err
		}
		line = strings.TrimSpace(line)
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
	plainTitle(w, c.spec)
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
		line, err := in.ReadLine()
		if err != nil {
			fmt.Fprintln(w)
			return err
		}
		line = strings.TrimSpace(line)
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

func plainTitle(w io.Writer, spec ChoiceSpec) {
	say(w, "%s", spec.Title)
	if spec.Description != "" {
		say(w, "  %s", spec.Description)
	}
}

// The methods huh calls that return the field return the wrapper, so the
// form keeps talking to it.

// Update passes the message to huh's select; a key that moves to another
// field is reported to StepForm, which makes the move (see nav.go).
func (c *Choice[T]) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	d := c.nav.of(msg)
	m, cmd := c.Select.Update(msg)
	c.Select = m.(*huh.Select[T])
	if d != stay {
		c.nav.pending = d
		return c, nil
	}
	return c, cmd
}

func (c *Choice[T]) takeNav() int { return c.nav.takeNav() }

// WithTheme sets the theme.
func (c *Choice[T]) WithTheme(t huh.Theme) huh.Field { c.Select.WithTheme(t); return c }

// WithKeyMap sets the key map.
func (c *Choice[T]) WithKeyMap(k *huh.KeyMap) huh.Field {
	c.nav = newNavKeys(k.Select.Prev, k.Select.Next, k.Select.Submit)
	c.Select.WithKeyMap(k)
	return c
}

// WithWidth sets the width.
func (c *Choice[T]) WithWidth(w int) huh.Field { c.Select.WithWidth(w); return c }

// WithHeight sets the height.
func (c *Choice[T]) WithHeight(h int) huh.Field { c.Select.WithHeight(h); return c }

// WithPosition sets the position.
func (c *Choice[T]) WithPosition(p huh.FieldPosition) huh.Field {
	c.nav.position(p)
	c.Select.WithPosition(p)
	return c
}

// Update passes the message to huh's multi-select; a key that moves to
// another field is reported to StepForm (see nav.go).
func (c *Choices[T]) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	d := c.nav.of(msg)
	m, cmd := c.MultiSelect.Update(msg)
	c.MultiSelect = m.(*huh.MultiSelect[T])
	if d != stay {
		c.nav.pending = d
		return c, nil
	}
	return c, cmd
}

func (c *Choices[T]) takeNav() int { return c.nav.takeNav() }

// WithTheme sets the theme.
func (c *Choices[T]) WithTheme(t huh.Theme) huh.Field { c.MultiSelect.WithTheme(t); return c }

// WithKeyMap sets the key map.
func (c *Choices[T]) WithKeyMap(k *huh.KeyMap) huh.Field {
	c.nav = newNavKeys(k.MultiSelect.Prev, k.MultiSelect.Next, k.MultiSelect.Submit)
	c.MultiSelect.WithKeyMap(k)
	return c
}

// WithWidth sets the width.
func (c *Choices[T]) WithWidth(w int) huh.Field { c.MultiSelect.WithWidth(w); return c }

// WithHeight sets the height.
func (c *Choices[T]) WithHeight(h int) huh.Field { c.MultiSelect.WithHeight(h); return c }

// WithPosition sets the position.
func (c *Choices[T]) WithPosition(p huh.FieldPosition) huh.Field {
	c.nav.position(p)
	c.MultiSelect.WithPosition(p)
	return c
}

var (
	_ huh.Field = (*Choice[string])(nil)
	_ huh.Field = (*Choices[string])(nil)
)

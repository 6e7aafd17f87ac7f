package widgets

import (
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
	choiceBase[T]
	acc huh.Accessor[T]
}

// choiceBase is what Choice and Choices share: the spec, the options and
// the keys that move on.
type choiceBase[T comparable] struct {
	spec ChoiceSpec
	opts []huh.Option[T]
	nav  navKeys
}

func (b *choiceBase[T]) takeNav() int { return b.nav.takeNav() }

// relay passes msg to a huh field; a key that moves to another field is
// reported to StepForm, which makes the move (see nav.go), instead of
// huh's command asking for it later.
func relay[F huh.Model](nav *navKeys, field F, msg tea.Msg) (F, tea.Cmd) {
	d := nav.of(msg)
	m, cmd := field.Update(msg)
	field = m.(F)
	if d != stay {
		nav.pending = d
		return field, nil
	}
	return field, cmd
}

// NewChoice builds a select bound through acc.
func NewChoice[T comparable](spec ChoiceSpec, opts []huh.Option[T], acc huh.Accessor[T]) *Choice[T] {
	sel := huh.NewSelect[T]().Key(spec.Key).Title(spec.Title).Description(spec.Description).Options(opts...).Accessor(acc)
	km := KeyMap().Select
	return &Choice[T]{Select: sel, choiceBase: choiceBase[T]{spec: spec, opts: opts, nav: newNavKeys(km.Prev, km.Next, km.Submit)}, acc: acc}
}

// Choices is huh's multi-select with a plain prompt (see Choice).
type Choices[T comparable] struct {
	*huh.MultiSelect[T]
	choiceBase[T]
	acc huh.Accessor[[]T]
}

// NewChoices builds a multi-select bound through acc.
func NewChoices[T comparable](spec ChoiceSpec, opts []huh.Option[T], acc huh.Accessor[[]T]) *Choices[T] {
	ms := huh.NewMultiSelect[T]().Key(spec.Key).Title(spec.Title).Description(spec.Description).Options(opts...).Accessor(acc)
	if spec.Height > 0 {
		ms = ms.Height(spec.Height)
	}
	km := KeyMap().MultiSelect
	return &Choices[T]{MultiSelect: ms, choiceBase: choiceBase[T]{spec: spec, opts: opts, nav: newNavKeys(km.Prev, km.Next, km.Submit)}, acc: acc}
}

// The methods huh calls that return the field return the wrapper, so the
// form keeps talking to it. Choice and Choices each need their own (they
// wrap different huh types, which Go cannot embed as a type parameter);
// what they do is shared (choiceBase, relay).

// Update passes the message to huh's select (see relay).
func (c *Choice[T]) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	var cmd tea.Cmd
	c.Select, cmd = relay(&c.nav, c.Select, msg)
	return c, cmd
}

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

// Update passes the message to huh's multi-select (see relay).
func (c *Choices[T]) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	var cmd tea.Cmd
	c.MultiSelect, cmd = relay(&c.nav, c.MultiSelect, msg)
	return c, cmd
}

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

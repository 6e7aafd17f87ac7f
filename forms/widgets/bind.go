package widgets

import (
	"reflect"

	"charm.land/huh/v2"
)

// Changes counts real changes to a draft's answers. Every field writes
// through an accessor that bumps it only when the value actually changes,
// so the wizard knows when to autosave and re-check without comparing
// drafts.
type Changes struct{ n uint64 }

// Count is the number of changes so far.
func (c *Changes) Count() uint64 {
	if c == nil {
		return 0
	}
	return c.n
}

func (c *Changes) Bump() {
	if c != nil {
		c.n++
	}
}

// tracked is a huh.Accessor over a get/set pair that records changes.
type tracked[T any] struct {
	get     func() T
	set     func(T)
	changes *Changes
}

func (a *tracked[T]) Get() T { return a.get() }

func (a *tracked[T]) Set(v T) {
	if reflect.DeepEqual(a.get(), v) {
		return
	}
	a.set(v)
	a.changes.Bump()
}

// Bind is an accessor for a variable.
func Bind[T any](ptr *T, c *Changes) huh.Accessor[T] {
	return &tracked[T]{get: func() T { return *ptr }, set: func(v T) { *ptr = v }, changes: c}
}

// BindFunc is an accessor over a getter and a setter (a subset of a list,
// a map entry).
func BindFunc[T any](get func() T, set func(T), c *Changes) huh.Accessor[T] {
	return &tracked[T]{get: get, set: set, changes: c}
}

// Yes/no answers are three-valued: unanswered is not "no".
const (
	Unanswered = ""
	Yes        = "yes"
	No         = "no"
)

// BindTriState presents a *bool as Unanswered / Yes / No.
func BindTriState(ptr **bool, c *Changes) huh.Accessor[string] {
	return BindFunc(
		func() string {
			switch {
			case *ptr == nil:
				return Unanswered
			case **ptr:
				return Yes
			}
			return No
		},
		func(v string) {
			switch v {
			case Yes:
				b := true
				*ptr = &b
			case No:
				b := false
				*ptr = &b
			default:
				*ptr = nil
			}
		}, c)
}

// TriStateOptions are the choices for a yes/no question that may be left
// unanswered (and then is not sent).
func TriStateOptions() []huh.Option[string] {
	return []huh.Option[string]{
		huh.NewOption("Not answered (not sent)", Unanswered),
		huh.NewOption("Yes", Yes),
		huh.NewOption("No", No),
	}
}

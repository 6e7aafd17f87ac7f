package forms

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
)

// List is a step of items the user adds, edits and removes — huh has no
// repeatable field (#69), so the wizard shows the list and opens a small
// form per item.
type List struct {
	Noun string // "redirect URI"
	Path string // "redirect_uris"
	// Full, when set, says why no more items fit ("" while they do).
	Full func() string
	Hint string
	Len  func() int
	// Item is one line for the list, masked where it must be.
	Item   func(i int) string
	Add    func() int
	Remove func(i int)
	// Form builds the questions of item i.
	Form func(i int) *widgets.StepForm
}

// ItemPath is the JSON path of item i ("redirect_uris[2]").
func (l *List) ItemPath(i int) string { return fmt.Sprintf("%s[%d]", l.Path, i) }

// CanAdd reports whether another item fits.
func (l *List) CanAdd() bool { return l.Full == nil || l.Full() == "" }

// stringList is a list of strings the catalogue declares
// ("redirect_uris[]"), each item one checked input.
func (f *Flow) stringList(s *catalog.Step) *List {
	fd := f.field(s.List + "[]")
	ptr := f.ref(s.List).Addr().Interface().(*[]string)
	l := &List{
		Noun: s.Noun,
		Path: s.List,
		Hint: firstNonEmpty(s.Help, fd.Help),
		Len:  func() int { return len(*ptr) },
		Item: func(i int) string { return shownMasked(fd, (*ptr)[i]) },
		Add: func() int {
			*ptr = append(*ptr, "")
			f.Changes.Bump()
			return len(*ptr) - 1
		},
		Remove: func(i int) {
			*ptr = slices.Delete(*ptr, i, i+1)
			if len(*ptr) == 0 {
				*ptr = nil
			}
			f.Changes.Bump()
		},
		Form: func(i int) *widgets.StepForm {
			in := widgets.NewInput(f.inputSpec(fd, fmt.Sprintf("%s[%d]", s.List, i)), widgets.BindFunc(
				func() string { return (*ptr)[i] },
				func(v string) { (*ptr)[i] = v },
				f.Changes)).Accessible(f.opt.Accessible)
			return f.newForm([]huh.Field{in})
		},
	}
	l.Full = f.fullness(s, func() int { return len(*ptr) }, fd.Max)
	return l
}

// objectList is a list of objects ("user.depository_accounts"), each
// item a small form of the step's fields.
func (f *Flow) objectList(s *catalog.Step) *List {
	list := f.ref(s.List)
	var fields []*catalog.Field
	for _, fd := range f.Catalog.InStep(s.ID) {
		if strings.HasPrefix(fd.Path, s.List+"[].") {
			fields = append(fields, fd)
		}
	}
	item := func(i int) string {
		parts := make([]string, len(fields))
		for n, fd := range fields {
			p := fmt.Sprintf("%s[%d].%s", s.List, i, strings.TrimPrefix(fd.Path, s.List+"[]."))
			parts[n] = fd.ReviewLabel() + " " + orNone(shownMasked(fd, f.value(p)))
		}
		return strings.Join(parts, " · ")
	}
	l := &List{
		Noun: s.Noun, Path: s.List, Hint: s.Help, Item: item,
		Len: func() int { return list.Len() },
		Add: func() int {
			list.Set(reflect.Append(list, reflect.Zero(list.Type().Elem())))
			f.Changes.Bump()
			return list.Len() - 1
		},
		Remove: func(i int) {
			if list.Len() == 1 {
				list.SetZero()
			} else {
				list.Set(reflect.AppendSlice(list.Slice(0, i), list.Slice(i+1, list.Len())))
			}
			f.Changes.Bump()
		},
		Form: func(i int) *widgets.StepForm {
			qs := make([]huh.Field, len(fields))
			for n, fd := range fields {
				qs[n] = f.inputAt(fd, fmt.Sprintf("%s[%d].%s", s.List, i, strings.TrimPrefix(fd.Path, s.List+"[].")))
			}
			return f.newForm(qs)
		},
	}
	l.Full = f.fullness(s, list.Len, 0)
	return l
}

// fullness says why no more items fit: the step's own limit (one that
// spans lists), or the field's most.
func (f *Flow) fullness(s *catalog.Step, n func() int, most int) func() string {
	switch {
	case s.Full != nil:
		return func() string { return s.Full(f.req) }
	case most > 0:
		return func() string {
			if n() >= most {
				return fmt.Sprintf("at most %d %ss", most, s.Noun)
			}
			return ""
		}
	}
	return nil
}

// listReview sums up a list step: a list of strings on one line (a count
// first when they are personal), a list of objects a line per item.
func (f *Flow) listReview(s *catalog.Step) []Line {
	l := f.Steps[f.Index(s.ID)].List
	if l.Len() == 0 {
		return []Line{{Label: s.Title, Value: firstNonEmpty(s.Empty, "none")}}
	}
	if fd := f.Catalog.Field(s.List + "[]"); fd != nil {
		shown := make([]string, l.Len())
		for i := range shown {
			shown[i] = l.Item(i)
		}
		v := strings.Join(shown, ", ")
		if fd.Personal != catalog.NotPersonal {
			v = fmt.Sprintf("%d (%s)", l.Len(), v)
		}
		return []Line{{Label: fd.ReviewLabel(), Value: v}}
	}
	out := make([]Line, l.Len())
	for i := range out {
		out[i] = Line{Label: fmt.Sprintf("%s %d", s.ItemLabel, i+1), Value: l.Item(i)}
	}
	return out
}

// shownMasked is a value as a list shows it: masked when it is personal.
func shownMasked(fd *catalog.Field, v string) string {
	if fd.Personal != catalog.NotPersonal && v != "" {
		return fd.MaskValue(v)
	}
	return v
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

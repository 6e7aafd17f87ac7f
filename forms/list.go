package forms

import (
	"fmt"
	"slices"

	"charm.land/huh/v2"
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
	Form func(i int) *StepForm
}

// ItemPath is the JSON path of item i ("redirect_uris[2]").
func (l *List) ItemPath(i int) string { return fmt.Sprintf("%s[%d]", l.Path, i) }

// CanAdd reports whether another item fits.
func (l *List) CanAdd() bool { return l.Full == nil || l.Full() == "" }

// stringList makes a List over a []string, each item one checked input.
func (f *Flow) stringList(ptr *[]string, noun, path, title, placeholder string, spec func(i int) InputSpec) *List {
	return &List{
		Noun: noun,
		Path: path,
		Len:  func() int { return len(*ptr) },
		Item: func(i int) string { return (*ptr)[i] },
		Add: func() int {
			*ptr = append(*ptr, "")
			f.Changes.bump()
			return len(*ptr) - 1
		},
		Remove: func(i int) {
			*ptr = slices.Delete(*ptr, i, i+1)
			if len(*ptr) == 0 {
				*ptr = nil
			}
			f.Changes.bump()
		},
		Form: func(i int) *StepForm {
			s := spec(i)
			s.Key, s.Title, s.Placeholder = fmt.Sprintf("%s[%d]", path, i), title, placeholder
			in := NewInput(s, BindFunc(
				func() string { return (*ptr)[i] },
				func(v string) { (*ptr)[i] = v },
				f.Changes)).Accessible(f.opt.Accessible)
			return f.newForm([]huh.Field{in}, huh.NewGroup(in))
		},
	}
}

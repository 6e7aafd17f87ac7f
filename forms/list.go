package forms

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
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

// listStep is a step over a list of strings the catalogue declares
// ("redirect_uris[]"), each item one checked input.
func (f *Flow) listStep(id, title, noun, pattern string) *Step {
	fd := f.field(pattern)
	path := strings.TrimSuffix(pattern, "[]")
	ptr := f.ref(path).Addr().Interface().(*[]string)
	masked := func(v string) string {
		if fd.Personal != catalog.NotPersonal {
			return fd.MaskValue(v)
		}
		return v
	}
	l := &List{
		Noun: noun,
		Path: path,
		Hint: fd.Help,
		Len:  func() int { return len(*ptr) },
		Item: func(i int) string { return masked((*ptr)[i]) },
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
			in := NewInput(f.inputSpec(fd, fmt.Sprintf("%s[%d]", path, i)), BindFunc(
				func() string { return (*ptr)[i] },
				func(v string) { (*ptr)[i] = v },
				f.Changes)).Accessible(f.opt.Accessible)
			return f.newForm([]huh.Field{in})
		},
	}
	if fd.Max > 0 {
		l.Full = func() string {
			if len(*ptr) >= fd.Max {
				return fmt.Sprintf("at most %d %ss", fd.Max, noun)
			}
			return ""
		}
	}
	return &Step{
		ID: id, Title: title, List: l,
		Summary: func() []Line {
			if len(*ptr) == 0 {
				return []Line{{Label: fd.ReviewLabel(), Value: "none"}}
			}
			shown := make([]string, len(*ptr))
			for i := range *ptr {
				shown[i] = l.Item(i)
			}
			v := strings.Join(shown, ", ")
			if fd.Personal != catalog.NotPersonal {
				v = fmt.Sprintf("%d (%s)", len(*ptr), v)
			}
			return []Line{{Label: fd.ReviewLabel(), Value: v}}
		},
	}
}

package catalog

import (
	"slices"
	"strings"
)

// Step is one page of a wizard, declared once like a field: its id, its
// title, its place in the order, and how the review sums it up. The
// fields it asks are those whose Step is its id, in the catalogue's order;
// a field added to a step is asked, checked and reviewed with no other
// edit.
type Step struct {
	ID    string
	Title string
	// Help says what the step is for, when its fields do not (a list).
	Help string

	// List, when set, is the path of a list (a field pattern without its
	// "[]"): the step adds, edits and removes its items; Noun names one
	// item ("bank account") and ItemLabel labels each in the review
	// ("Account 1"). The items' fields are the step's fields.
	List      string
	Noun      string
	ItemLabel string
	// Full, when set, says why no more items can be added (a limit that
	// spans lists), or "".
	Full func(req any) string

	// Defaults are objects of the step that something else stands in for
	// when left out (a contact: the partner's own): each is asked whether
	// it is filled in, and its fields only then.
	Defaults []Default

	// Shown, when set, decides whether the step applies to a request (the
	// CRA questionnaire, only with a CRA product); nil means always.
	Shown func(req any) bool

	// How the review sums the step up, beyond one line per field in the
	// order asked:
	// Lead are the fields shown first, in this order; the others follow.
	Lead []string
	// Joined are fields shown on one line under one label.
	Joined []Join
	// Empty, when set, is the one line (under the step's title) of a step
	// none of whose fields is answered: "none".
	Empty string
}

// Join shows fields on one review line: Label, the answers joined by Sep
// (or, when Format is set, put in it in order: "%s %s <%s>").
type Join struct {
	Label  string
	Paths  []string
	Sep    string
	Format string
}

// Default is an object a default stands in for when it is left out.
type Default struct {
	Path  string // "technical_contact"
	Title string // "Technical contact"
	// Stands says what stands in for it ("the partner's default"); Keep
	// and Fill are the two answers to whether it is filled in.
	Stands, Keep, Fill string
}

// Steps lists the request's wizard steps, in order (none for a request
// no wizard asks).
func (c *Catalog) Steps() []*Step { return c.steps }

// Step is the step of an id, or nil.
func (c *Catalog) Step(id string) *Step {
	if i := slices.IndexFunc(c.steps, func(s *Step) bool { return s.ID == id }); i >= 0 {
		return c.steps[i]
	}
	return nil
}

// StepTitle is the title of a step id, or the id itself for one the
// catalogue does not declare.
func (c *Catalog) StepTitle(id string) string {
	if s := c.Step(id); s != nil {
		return s.Title
	}
	return id
}

// ReviewOrder is the step's fields as the review lists them: the lead
// fields first, in their order, then the others as they are asked.
func (c *Catalog) ReviewOrder(s *Step) []*Field {
	fields := c.InStep(s.ID)
	var out []*Field
	for _, p := range s.Lead {
		if f := c.Field(p); f != nil && f.Step == s.ID {
			out = append(out, f)
		}
	}
	for _, f := range fields {
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// OfKind is the first field of a kind (the logo), or nil.
func (c *Catalog) OfKind(k Kind) *Field {
	for _, f := range c.fields {
		if f.Kind == k {
			return f
		}
	}
	return nil
}

// JoinOf is the join a field is shown in, if any.
func (s *Step) JoinOf(path string) (Join, bool) {
	for _, j := range s.Joined {
		if slices.Contains(j.Paths, path) {
			return j, true
		}
	}
	return Join{}, false
}

// DefaultOf is the default object a path lies in, if any.
func (s *Step) DefaultOf(path string) (Default, bool) {
	for _, d := range s.Defaults {
		if strings.HasPrefix(path, d.Path+".") {
			return d, true
		}
	}
	return Default{}, false
}

// With is a copy of the catalogue with one field more, asked after the
// last field of its step: what adding a field to the catalogue does, for
// a test to show that nothing else needs an edit.
func (c *Catalog) With(f *Field) *Catalog {
	fields := slices.Clone(c.fields)
	at := len(fields)
	for i, g := range fields {
		if g.Step == f.Step {
			at = i + 1
		}
	}
	fields = slices.Insert(fields, at, f)
	cp := *c
	cp.fields, cp.byPath = fields, map[string]*Field{}
	cp.derive()
	return &cp
}

// Without is a copy of the catalogue without the field at path.
func (c *Catalog) Without(path string) *Catalog {
	cp := *c
	cp.fields = slices.DeleteFunc(slices.Clone(c.fields), func(f *Field) bool { return f.Path == path })
	cp.byPath = map[string]*Field{}
	cp.derive()
	return &cp
}

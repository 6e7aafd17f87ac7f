package forms

import (
	"fmt"
	"strings"

	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
)

// NewFlow builds the wizard of a draft's request from its catalogue
// (opt.Catalog, or the request's own): every step the catalogue declares,
// in its order, each asking the step's fields as their kinds say and
// summed up for the review as the step says. Nothing here names a field:
// a field added to the catalogue is asked and reviewed as it is.
func NewFlow(d *drafts.Draft, opt Options) *Flow {
	switch d.Kind {
	case drafts.PartnerCustomer:
		if d.Partner == nil {
			d.Partner = &client.PartnerCustomerCreateRequest{}
		}
	default:
		if d.Beacon == nil {
			d.Beacon = &client.BeaconUserCreateRequest{}
		}
	}
	if d.UI == nil {
		d.UI = map[string]string{}
	}
	c := opt.Catalog
	if c == nil {
		c = catalog.For(d.Request())
	}
	f := &Flow{Draft: d, Changes: &widgets.Changes{}, opt: opt, Catalog: c, req: d.Request(), suggested: map[string]string{}}
	for _, s := range c.Steps() {
		f.Steps = append(f.Steps, f.step(s))
	}
	return f
}

// step builds one step: a list of items, or a form of questions.
func (f *Flow) step(s *catalog.Step) *Step {
	st := &Step{ID: s.ID, Title: s.Title, Summary: func() []Line { return f.review(s) }}
	if s.Shown != nil {
		st.Visible = func() bool { return s.Shown(f.req) }
	}
	switch {
	case s.List != "" && f.Catalog.Field(s.List+"[]") != nil:
		st.List = f.stringList(s)
	case s.List != "":
		st.List = f.objectList(s)
	default:
		st.Form = func() *widgets.StepForm { return f.stepForm(s) }
	}
	return st
}

// stepForm asks the step's fields in the catalogue's order. Consecutive
// plain questions share a page; a question shown only sometimes (a
// contact's fields, a purpose's use cases) has a page of its own, which
// huh hides while it does not apply.
func (f *Flow) stepForm(s *catalog.Step) *widgets.StepForm {
	var (
		fields []huh.Field
		groups []*huh.Group
		page   []huh.Field
	)
	hidden := map[huh.Field]func() bool{}
	flush := func() {
		if len(page) > 0 {
			groups = append(groups, huh.NewGroup(page...))
			page = nil
		}
	}
	own := func(title string, hide func() bool, qs ...huh.Field) {
		flush()
		g := huh.NewGroup(qs...)
		if title != "" {
			g = g.Title(title)
		}
		if hide != nil {
			g = g.WithHideFunc(hide)
			for _, q := range qs {
				hidden[q] = hide
			}
		}
		groups = append(groups, g)
		fields = append(fields, qs...)
	}
	asked := map[string]bool{}
	for _, fd := range f.Catalog.InStep(s.ID) {
		if asked[fd.Path] {
			continue
		}
		if d, ok := s.DefaultOf(fd.Path); ok {
			// The object's mode, then its fields, shown once it is filled in.
			var inputs []huh.Field
			for _, in := range f.Catalog.InStep(s.ID) {
				if strings.HasPrefix(in.Path, d.Path+".") {
					inputs = append(inputs, f.question(in.Path))
					asked[in.Path] = true
				}
			}
			mode := f.defaultMode(d)
			path := d.Path
			own("", nil, mode)
			own(d.Title, func() bool { return f.Draft.UI[path] != ContactFill }, inputs...)
			continue
		}
		switch fd.Kind {
		case catalog.Products:
			own("", nil, f.products(fd, client.PartnerProducts, fd.Label, f.help(fd)+". x or space toggles.", 15))
			own("", nil, f.products(fd, OtherProducts(), "More products",
				"Less common: choose one only if your Plaid contact has agreed to it for this customer", 10))
		case catalog.UseCases:
			q, hide := f.useCases(fd)
			own("", hide, q)
		default:
			q := f.questionFor(fd)
			page = append(page, q)
			fields = append(fields, q)
		}
	}
	flush()
	sf := f.newForm(fields, groups...)
	sf.Hidden = hidden
	return sf
}

// questionFor asks one field as its declaration says: a yes that stamps a
// time, a value offered while empty, the logo's file, the purposes; else
// as its kind says (question).
func (f *Flow) questionFor(fd *catalog.Field) huh.Field {
	switch {
	case fd.Kind == catalog.YesNo && fd.Stamps != "":
		return f.stamping(fd)
	case fd.Suggest != nil:
		return f.inputWith(fd.Path, func(s *widgets.InputSpec) { s.EmptyFix = f.suggestion(fd) })
	case fd.Kind == catalog.Logo:
		return f.logo(fd)
	case fd.Kind == catalog.Purposes:
		return f.purposes(fd)
	}
	return f.question(fd.Path)
}

// suggestion is the value offered for an empty field, made once per
// wizard so it does not change as the step is left and entered again.
func (f *Flow) suggestion(fd *catalog.Field) string {
	if v, ok := f.suggested[fd.Path]; ok {
		return v
	}
	v := fd.Suggest()
	f.suggested[fd.Path] = v
	return v
}

// review sums a step up for the review screen, as the step declares.
func (f *Flow) review(s *catalog.Step) []Line {
	if s.List != "" {
		return f.listReview(s)
	}
	if s.Empty != "" && !f.anyAnswer(s) {
		return []Line{{Label: s.Title, Value: s.Empty}}
	}
	var out []Line
	done := map[string]bool{}
	for _, fd := range f.Catalog.ReviewOrder(s) {
		if done[fd.Path] {
			continue
		}
		if d, ok := s.DefaultOf(fd.Path); ok && f.objectEmpty(d.Path) {
			out = append(out, Line{Label: d.Title, Value: d.Stands})
			for _, in := range f.Catalog.InStep(s.ID) {
				if strings.HasPrefix(in.Path, d.Path+".") {
					done[in.Path] = true
				}
			}
			continue
		}
		if j, ok := s.JoinOf(fd.Path); ok {
			out = append(out, f.joined(j))
			for _, p := range j.Paths {
				done[p] = true
			}
			continue
		}
		if l, ok := f.kindLine(fd); ok {
			if l.Label != "" {
				out = append(out, l)
			}
			continue
		}
		out = append(out, f.line(fd.Path))
	}
	return out
}

// anyAnswer reports whether a field of the step holds an answer.
func (f *Flow) anyAnswer(s *catalog.Step) bool {
	for _, fd := range f.Catalog.InStep(s.ID) {
		if f.value(fd.Path) != "" {
			return true
		}
	}
	return false
}

// objectEmpty reports whether the object at path holds nothing.
func (f *Flow) objectEmpty(path string) bool {
	v, found := client.Resolve(f.req, path)
	return !found || v.IsZero()
}

// joined is the answers of a join on one line.
func (f *Flow) joined(j catalog.Join) Line {
	values := make([]any, len(j.Paths))
	var parts []string
	for i, p := range j.Paths {
		v := f.value(p)
		values[i] = v
		if v != "" {
			parts = append(parts, v)
		}
	}
	if j.Format != "" {
		return Line{Label: j.Label, Value: fmt.Sprintf(j.Format, values...)}
	}
	return Line{Label: j.Label, Value: orNone(strings.Join(parts, j.Sep))}
}

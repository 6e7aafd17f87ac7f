package forms

import (
	"fmt"
	"reflect"
	"slices"

	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// The questions are built from the catalogue: a field's kind decides the
// question, its label and help are the title and description, its rule is
// the check as it is typed.

// ref is the value at a path of the flow's request, addressable so a
// question can be bound to it. A path the catalogue declares always
// resolves (TestCatalogueFieldsResolve); anything else is a programming
// error.
func (f *Flow) ref(path string) reflect.Value {
	v, found := client.Resolve(f.req, path)
	if !found || !v.CanAddr() {
		panic(fmt.Sprintf("forms: %s is not a field of %T", path, f.req))
	}
	return v
}

// text binds the string at path (a string, or a named string type such as
// an enum's) to a question.
func (f *Flow) text(path string) huh.Accessor[string] {
	v := f.ref(path)
	return widgets.BindFunc(v.String, v.SetString, f.Changes)
}

// field is the catalogue's declaration of path.
func (f *Flow) field(path string) *catalog.Field {
	fd := f.Catalog.Field(path)
	if fd == nil {
		panic("forms: the catalogue declares no " + path)
	}
	return fd
}

// check is a field's rule, bound to the live answers: a phone follows the
// country as it is now.
func (f *Flow) check(fd *catalog.Field) validate.Check {
	if fd.Rule == nil {
		return nil
	}
	return func(v string) validate.Result { return fd.Rule(v, catalog.NewScope(f.req, f.Env())) }
}

// inputSpec is a text question for the field at path (a concrete path for
// a list's item).
func (f *Flow) inputSpec(fd *catalog.Field, path string) widgets.InputSpec {
	return widgets.InputSpec{Key: path, Title: fd.Label, Description: f.help(fd), Placeholder: fd.Placeholder,
		Required: fd.Asked(), CharLimit: fd.CharLimit, Masked: fd.Kind == catalog.Secret, Check: f.check(fd)}
}

// input asks for the text at path.
func (f *Flow) input(path string) *widgets.Input {
	return f.inputWith(path, func(*widgets.InputSpec) {})
}

// inputWith asks for the text at path, with the spec adjusted (a
// generated value on offer).
func (f *Flow) inputWith(path string, adjust func(*widgets.InputSpec)) *widgets.Input {
	spec := f.inputSpec(f.field(path), path)
	adjust(&spec)
	return widgets.NewInput(spec, f.text(path)).Accessible(f.opt.Accessible)
}

// question asks for the field at path the way its kind says.
func (f *Flow) question(path string) huh.Field {
	fd := f.field(path)
	switch fd.Kind {
	case catalog.Text, catalog.Secret:
		return f.input(path)
	case catalog.YesNo:
		ptr := f.ref(path).Addr().Interface().(**bool)
		return widgets.NewChoice(widgets.ChoiceSpec{Key: path, Title: fd.Label, Description: f.help(fd)}, widgets.TriStateOptions(), widgets.BindTriState(ptr, f.Changes))
	case catalog.Country, catalog.Region, catalog.IDType, catalog.Program:
		spec := widgets.PickerSpec{Key: path, Title: fd.Label, Description: f.help(fd), Required: fd.Asked(),
			Free: fd.Kind == catalog.Program, Options: f.options(fd), Check: f.check(fd)}
		if fd.Kind == catalog.IDType {
			spec.Describe = func() string { return idTypeHint(f.value(fd.Context)) }
		}
		return widgets.NewPicker(spec, f.text(path))
	}
	panic(fmt.Sprintf("forms: %s is asked by its step's own question (kind %d)", path, fd.Kind))
}

// options lists a picker's choices; they may follow another answer (the
// regions of the country chosen).
func (f *Flow) options(fd *catalog.Field) func() []widgets.PickOption {
	switch fd.Kind {
	case catalog.Country:
		return widgets.CountryOptions
	case catalog.Region:
		return func() []widgets.PickOption { return widgets.RegionOptions(f.value(fd.Context)) }
	case catalog.IDType:
		return func() []widgets.PickOption { return idTypeOptions(f.value(fd.Context)) }
	}
	return func() []widgets.PickOption { return f.opt.Programs }
}

// idTypeOptions lists the ID types issued by the address's country (all of
// them when there is no country), after "(none)".
func idTypeOptions(country string) []widgets.PickOption {
	types := validate.IDTypesFor(country)
	if len(types) == 0 {
		types = validate.IDTypes()
	}
	out := []widgets.PickOption{{Value: "", Label: "(none)"}}
	for _, t := range types {
		out = append(out, widgets.PickOption{Value: t.Type, Label: t.Label})
	}
	return out
}

// idTypeHint says which ID types are listed, and why: those of the
// address's country, or all of them when it has none (or none is known).
func idTypeHint(country string) string {
	switch {
	case country == "":
		return "Every type is listed: the address has no country yet"
	case len(validate.IDTypesFor(country)) == 0:
		return "Plaid lists no ID type issued in " + countryLabel(country) + ": every type is listed, or choose (none)"
	}
	return "The types issued in " + countryLabel(country) + ", the address's country"
}

// inputAt asks for the text at path, a concrete path of field fd (an
// item of a list).
func (f *Flow) inputAt(fd *catalog.Field, path string) *widgets.Input {
	return widgets.NewInput(f.inputSpec(fd, path), f.text(path)).Accessible(f.opt.Accessible)
}

// value is the text at path ("" when there is none).
func (f *Flow) value(path string) string {
	if path == "" {
		return ""
	}
	return catalog.NewScope(f.req, f.Env()).Value(path)
}

// line is the answer at path as the review shows it.
func (f *Flow) line(path string) Line {
	fd := f.field(path)
	l := Line{Label: fd.ReviewLabel(), Field: fd}
	switch fd.Kind {
	case catalog.YesNo:
		l.Value = yesNo(*f.ref(path).Addr().Interface().(**bool))
	case catalog.Country:
		l.Value = countryLabel(f.value(path))
	case catalog.IDType:
		l.Value = orNone(f.value(path))
		if t, found := validate.LookupIDType(f.value(path)); found {
			l.Value = t.Label
		}
	default:
		l.Value = orNone(f.value(path))
	}
	if fd.Personal == catalog.NotPersonal {
		l.Field = nil
	}
	return l
}

// help is what a question says under its title: the field's help, and
// whether its answer came from the template the draft started from.
func (f *Flow) help(fd *catalog.Field) string {
	if !slices.Contains(f.Draft.FromTemplate, fd.Path) {
		return fd.Help
	}
	if fd.Help == "" {
		return "From the template " + drafts.DefaultTemplate
	}
	return fd.Help + " · from the template " + drafts.DefaultTemplate
}

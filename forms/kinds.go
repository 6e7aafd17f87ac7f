package forms

import (
	"path/filepath"
	"slices"
	"strings"

	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// The questions of the kinds that are more than a line of text: which
// field they ask comes from the catalogue; how they are asked is here.

// Modes of an object a default stands in for: the default applies unless
// the object is filled in.
const (
	ContactDefault = "default"
	ContactFill    = "fill"
)

// defaultMode asks whether an object is filled in or left to its
// default. Leaving it to the default empties it in the body (so it is not
// sent) but keeps what was typed in the draft's UI state, and filling it
// in again restores that: nothing typed is lost.
func (f *Flow) defaultMode(d catalog.Default) huh.Field {
	return widgets.NewChoice(widgets.ChoiceSpec{Key: d.Path, Title: d.Title},
		[]huh.Option[string]{huh.NewOption(d.Keep, ContactDefault), huh.NewOption(d.Fill, ContactFill)}, f.modeOf(d))
}

// modeOf binds an object's mode: ContactDefault or ContactFill.
func (f *Flow) modeOf(d catalog.Default) huh.Accessor[string] {
	obj := f.ref(d.Path)
	var paths []string
	for _, fd := range f.Catalog.Fields() {
		if strings.HasPrefix(fd.Path, d.Path+".") {
			paths = append(paths, fd.Path)
		}
	}
	ui := f.Draft.UI
	if ui[d.Path] == "" {
		ui[d.Path] = ContactDefault
		if !obj.IsZero() {
			ui[d.Path] = ContactFill
		}
	}
	return widgets.BindFunc(
		func() string { return ui[d.Path] },
		func(mode string) {
			ui[d.Path] = mode
			switch mode {
			case ContactDefault:
				if !obj.IsZero() {
					for _, p := range paths {
						ui[p] = f.value(p)
					}
					obj.SetZero()
				}
			case ContactFill:
				if obj.IsZero() {
					for _, p := range paths {
						f.ref(p).SetString(ui[p])
					}
				}
			}
		}, f.Changes)
}

// stamping asks a yes/no that, answered yes with no time there yet, sets
// the time it stamps to now (an acceptance and when it was given).
func (f *Flow) stamping(fd *catalog.Field) huh.Field {
	ptr := f.ref(fd.Path).Addr().Interface().(**bool)
	stamp := f.ref(fd.Stamps)
	inner := widgets.BindTriState(ptr, f.Changes)
	return widgets.NewChoice(widgets.ChoiceSpec{Key: fd.Path, Title: fd.Label, Description: f.help(fd)}, widgets.TriStateOptions(),
		widgets.BindFunc(inner.Get, func(v string) {
			inner.Set(v)
			if v == widgets.Yes && stamp.String() == "" {
				stamp.SetString(f.now().UTC().Format(validate.TimestampLayout))
			}
		}, nil))
}

// productLabel adds a word of explanation to the products partners use
// most.
func productLabel(p client.Product) string {
	switch p {
	case "assets":
		return "Assets"
	case "auth":
		return "Auth (account and routing numbers)"
	case "balance":
		return "Balance"
	case "identity":
		return "Identity"
	case "income_verification":
		return "Income verification"
	case "investments":
		return "Investments"
	case "investments_auth":
		return "Investments Move"
	case "liabilities":
		return "Liabilities"
	case "transactions":
		return "Transactions"
	case "employment":
		return "Employment"
	case "cra_base_report":
		return "CRA base report (needs the CRA questionnaire)"
	case "cra_income_insights":
		return "CRA income insights (needs the CRA questionnaire)"
	case "cra_partner_insights":
		return "CRA partner insights (needs the CRA questionnaire)"
	}
	return string(p)
}

func productOptions(ps []client.Product) []huh.Option[client.Product] {
	out := make([]huh.Option[client.Product], len(ps))
	for i, p := range ps {
		out[i] = huh.NewOption(productLabel(p), p)
	}
	return out
}

// OtherProducts are the products beyond the 13 Plaid shows partners.
func OtherProducts() []client.Product {
	var out []client.Product
	for _, p := range client.AllProducts() {
		if !slices.Contains(client.PartnerProducts, p) {
			out = append(out, p)
		}
	}
	return out
}

// products asks which of subset to send in the products field, leaving
// the others as they are, in the spec's order.
func (f *Flow) products(fd *catalog.Field, subset []client.Product, title, description string, height int) huh.Field {
	key := strings.TrimSuffix(fd.Path, "[]")
	if !slices.Equal(subset, client.PartnerProducts) {
		key += ".more"
	}
	return widgets.NewChoices(widgets.ChoiceSpec{Key: key, Title: title, Description: description, Height: height}, productOptions(subset),
		f.productSubset(fd, subset))
}

// productSubset binds the products of subset chosen in the products field.
func (f *Flow) productSubset(fd *catalog.Field, subset []client.Product) huh.Accessor[[]client.Product] {
	list := f.ref(strings.TrimSuffix(fd.Path, "[]")).Addr().Interface().(*[]client.Product)
	return widgets.BindFunc(
		func() []client.Product {
			var out []client.Product
			for _, p := range *list {
				if slices.Contains(subset, p) {
					out = append(out, p)
				}
			}
			return out
		},
		func(chosen []client.Product) {
			var out []client.Product
			for _, p := range client.AllProducts() {
				if slices.Contains(chosen, p) || (!slices.Contains(subset, p) && slices.Contains(*list, p)) {
					out = append(out, p)
				}
			}
			*list = out
		}, f.Changes)
}

// purposeMap is the object of purposes a Purposes field names.
func (f *Flow) purposeMap(fd *catalog.Field) *map[client.CRAPurpose]client.CRAUseCases {
	return f.ref(fd.Path).Addr().Interface().(*map[client.CRAPurpose]client.CRAUseCases)
}

// purposes asks which permissible purposes apply: the keys of an object.
// The use cases of a purpose unticked are kept aside and come back when
// it is ticked again.
func (f *Flow) purposes(fd *catalog.Field) huh.Field {
	q := f.purposeMap(fd)
	if f.stash == nil {
		f.stash = map[client.CRAPurpose]client.CRAUseCases{}
	}
	opts := make([]huh.Option[client.CRAPurpose], len(client.CRAPurposes))
	for i, p := range client.CRAPurposes {
		opts[i] = huh.NewOption(catalog.PurposeLabel(string(p)), p)
	}
	return widgets.NewChoices(widgets.ChoiceSpec{Key: fd.Path, Title: fd.Label, Description: f.help(fd), Height: 10}, opts,
		widgets.BindFunc(
			func() []client.CRAPurpose {
				var out []client.CRAPurpose
				for _, p := range client.CRAPurposes {
					if _, on := (*q)[p]; on {
						out = append(out, p)
					}
				}
				return out
			},
			func(chosen []client.CRAPurpose) {
				next := map[client.CRAPurpose]client.CRAUseCases{}
				for _, p := range chosen {
					if uc, on := (*q)[p]; on {
						next[p] = uc
					} else {
						next[p] = f.stash[p]
					}
				}
				for p, uc := range *q {
					if _, kept := next[p]; !kept {
						f.stash[p] = uc
					}
				}
				*q = next
				if len(next) == 0 {
					*q = nil
				}
			}, f.Changes))
}

// purposeOf splits a UseCases field's path into the purposes field and
// the purpose: "…purposes.EMPLOYMENT.use_cases[]".
func (f *Flow) purposeOf(fd *catalog.Field) (*catalog.Field, client.CRAPurpose) {
	for _, p := range f.Catalog.InStep(fd.Step) {
		if p.Kind == catalog.Purposes && strings.HasPrefix(fd.Path, p.Path+".") {
			name, _, _ := strings.Cut(strings.TrimPrefix(fd.Path, p.Path+"."), ".")
			return p, client.CRAPurpose(name)
		}
	}
	panic("forms: " + fd.Path + " lies in no purposes field")
}

// useCases asks the use cases of one purpose, shown while it is ticked.
func (f *Flow) useCases(fd *catalog.Field) (huh.Field, func() bool) {
	pf, p := f.purposeOf(fd)
	q := f.purposeMap(pf)
	opts := make([]huh.Option[client.CRAUseCase], len(client.CRAUseCaseValues))
	for i, uc := range client.CRAUseCaseValues {
		opts[i] = huh.NewOption(catalog.PurposeLabel(string(uc)), uc)
	}
	field := widgets.NewChoices(widgets.ChoiceSpec{Key: strings.TrimSuffix(fd.Path, "[]"), Title: fd.Label, Height: 9}, opts,
		widgets.BindFunc(
			func() []client.CRAUseCase { return (*q)[p].UseCases },
			func(v []client.CRAUseCase) {
				if _, on := (*q)[p]; on {
					(*q)[p] = client.CRAUseCases{UseCases: v}
				}
			}, f.Changes))
	return field, func() bool { _, on := (*q)[p]; return !on }
}

// kindLine is the review line of a field of a kind that is more than
// text; handled reports whether the kind has one (an empty Label: no line
// now).
func (f *Flow) kindLine(fd *catalog.Field) (l Line, handled bool) {
	switch fd.Kind {
	case catalog.Products:
		v := f.ref(strings.TrimSuffix(fd.Path, "[]"))
		if v.Len() == 0 {
			return Line{Label: fd.ReviewLabel(), Value: orNone(fd.Empty)}, true
		}
		items := make([]string, v.Len())
		for i := range items {
			items[i] = v.Index(i).String()
		}
		return Line{Label: fd.ReviewLabel(), Value: strings.Join(items, ", ")}, true
	case catalog.Logo:
		return Line{Label: fd.ReviewLabel(), Value: f.logoLine(fd)}, true
	case catalog.Purposes:
		if len(*f.purposeMap(fd)) == 0 {
			return Line{Label: fd.Label, Value: "none chosen"}, true
		}
		return Line{}, true
	case catalog.UseCases:
		pf, p := f.purposeOf(fd)
		uc, on := (*f.purposeMap(pf))[p]
		if !on {
			return Line{}, true
		}
		return Line{Label: fd.ReviewLabel(), Value: orNone(strings.Join(client.Strings(uc.UseCases), ", "))}, true
	}
	return Line{}, false
}

// logoLine sums up the logo: the file it came from, its size.
func (f *Flow) logoLine(fd *catalog.Field) string {
	logo := f.value(fd.Path)
	if logo == "" {
		return "none (the partner's logo or a stock one is used)"
	}
	info, _ := validate.LogoBase64(logo)
	name := filepath.Base(f.Draft.UI[UILogoPath])
	if f.Draft.UI[UILogoPath] == "" {
		name = fd.Path
	}
	return logoSummary(info, name)
}

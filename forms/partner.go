package forms

import (
	"slices"
	"strings"

	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// NewPartnerFlow builds the partner end-customer wizard over a draft.
func NewPartnerFlow(d *drafts.Draft, opt Options) *Flow {
	if d.Partner == nil {
		d.Partner = &client.PartnerCustomerCreateRequest{}
	}
	if d.UI == nil {
		d.UI = map[string]string{}
	}
	r := d.Partner
	f := &Flow{Draft: d, Changes: &Changes{}, opt: opt, Catalog: catalog.PartnerCreate(), req: r}
	address := f.formStep(catalog.StepAddress, "Address", nil)
	address.Summary = f.summary(catalog.StepAddress, "address.street", "address.city", "address.region",
		"address.postal_code", "address.country_code")
	f.Steps = []*Step{
		f.formStep(catalog.StepCompany, "Company & application", nil),
		address,
		f.formStep(catalog.StepSupport, "Customer support", nil),
		f.partnerContacts(r),
		f.partnerProducts(r),
		f.partnerLogo(r),
		f.listStep(catalog.StepRedirects, "Redirect URIs", "redirect URI", "redirect_uris[]"),
		f.formStep(catalog.StepAddendum, "Bank addendum", func(path string) huh.Field {
			if path == "bank_addendum_acceptance.customer_accepted" {
				return f.acceptance(&r.BankAddendumAcceptance)
			}
			return nil
		}),
		f.formStep(catalog.StepAttestations, "Attestations", nil),
		f.partnerCRA(r),
	}
	return f
}

// Contact modes: the partner's own contact applies unless one is filled in.
const (
	ContactDefault = "default"
	ContactFill    = "fill"
)

func (f *Flow) partnerContacts(r *client.PartnerCustomerCreateRequest) *Step {
	contacts := []struct {
		path, title string
		c           *client.PartnerContact
	}{
		{"technical_contact", "Technical contact", &r.TechnicalContact},
		{"billing_contact", "Billing contact", &r.BillingContact},
	}
	return &Step{
		ID: catalog.StepContacts, Title: "Contacts",
		Form: func() *StepForm {
			var fields []huh.Field
			var groups []*huh.Group
			hidden := map[huh.Field]func() bool{}
			for _, ct := range contacts {
				mode := NewChoice(ChoiceSpec{Key: ct.path, Title: ct.title},
					[]huh.Option[string]{huh.NewOption("Use the partner's default contact", ContactDefault),
						huh.NewOption("Fill in a contact for this customer", ContactFill)},
					f.contactMode(ct.path, ct.c))
				inputs := f.questions(catalog.StepContacts, ct.path+".given_name", ct.path+".family_name", ct.path+".email")
				fields = append(append(fields, mode), inputs...)
				path := ct.path
				hide := func() bool { return f.Draft.UI[path] != ContactFill }
				for _, in := range inputs {
					hidden[in] = hide
				}
				groups = append(groups, huh.NewGroup(mode), huh.NewGroup(inputs...).Title(ct.title).WithHideFunc(hide))
			}
			sf := f.newForm(fields, groups...)
			sf.Hidden = hidden
			return sf
		},
		Summary: func() []Line {
			var out []Line
			for _, ct := range contacts {
				v := "the partner's default"
				if *ct.c != (client.PartnerContact{}) {
					v = strings.TrimSpace(ct.c.GivenName+" "+ct.c.FamilyName) + " <" + ct.c.Email + ">"
				}
				out = append(out, Line{Label: ct.title, Value: v})
			}
			return out
		},
	}
}

// contactMode switches a contact between the partner's default and one
// filled in. Switching to the default empties the contact in the body (so
// it is not sent) but keeps what was typed in the draft's UI state, and
// switching back restores it: nothing typed is lost.
func (f *Flow) contactMode(path string, c *client.PartnerContact) huh.Accessor[string] {
	ui := f.Draft.UI
	if ui[path] == "" {
		ui[path] = ContactDefault
		if *c != (client.PartnerContact{}) {
			ui[path] = ContactFill
		}
	}
	return BindFunc(
		func() string { return ui[path] },
		func(mode string) {
			ui[path] = mode
			switch mode {
			case ContactDefault:
				if *c != (client.PartnerContact{}) {
					ui[path+".given_name"], ui[path+".family_name"], ui[path+".email"] = c.GivenName, c.FamilyName, c.Email
					*c = client.PartnerContact{}
				}
			case ContactFill:
				if *c == (client.PartnerContact{}) {
					*c = client.PartnerContact{GivenName: ui[path+".given_name"], FamilyName: ui[path+".family_name"], Email: ui[path+".email"]}
				}
			}
		}, f.Changes)
}

// productLabels add a word of explanation to the products partners use most.
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

// productSubset binds a multi-select to the products of one list, leaving
// the others as they are, in the spec's order.
func (f *Flow) productSubset(r *client.PartnerCustomerCreateRequest, subset []client.Product) huh.Accessor[[]client.Product] {
	return BindFunc(
		func() []client.Product {
			var out []client.Product
			for _, p := range r.Products {
				if slices.Contains(subset, p) {
					out = append(out, p)
				}
			}
			return out
		},
		func(chosen []client.Product) {
			var out []client.Product
			for _, p := range client.AllProducts() {
				if slices.Contains(chosen, p) || (!slices.Contains(subset, p) && slices.Contains(r.Products, p)) {
					out = append(out, p)
				}
			}
			r.Products = out
		}, f.Changes)
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

func (f *Flow) partnerProducts(r *client.PartnerCustomerCreateRequest) *Step {
	fd := f.field("products[]")
	return &Step{
		ID: catalog.StepProducts, Title: "Products",
		Form: func() *StepForm {
			main := NewChoices(ChoiceSpec{Key: "products", Title: fd.Label, Height: 15,
				Description: fd.Help + ". x or space toggles."},
				productOptions(client.PartnerProducts), f.productSubset(r, client.PartnerProducts))
			more := NewChoices(ChoiceSpec{Key: "products.more", Title: "More products", Height: 10,
				Description: "Less common: choose one only if your Plaid contact has agreed to it for this customer"},
				productOptions(OtherProducts()), f.productSubset(r, OtherProducts()))
			fields := []huh.Field{main, more}
			return f.newForm(fields, huh.NewGroup(main), huh.NewGroup(more))
		},
		Summary: func() []Line {
			v := "the reseller's products"
			if len(r.Products) > 0 {
				v = strings.Join(client.Strings(r.Products), ", ")
			}
			return []Line{{Label: fd.ReviewLabel(), Value: v}}
		},
	}
}

// NeedsCRA reports whether a consumer report product is chosen.
func NeedsCRA(r *client.PartnerCustomerCreateRequest) bool {
	return slices.ContainsFunc(r.Products, func(p client.Product) bool { return p.IsCRA() })
}

// acceptance is the yes/no of the addendum; a yes with no time yet stamps
// the time as now.
func (f *Flow) acceptance(b *client.BankAddendumAcceptance) huh.Field {
	const path = "bank_addendum_acceptance.customer_accepted"
	fd := f.field(path)
	inner := BindTriState(&b.CustomerAccepted, f.Changes)
	return NewChoice(ChoiceSpec{Key: path, Title: fd.Label, Description: fd.Help}, TriStateOptions(),
		BindFunc(inner.Get, func(v string) {
			inner.Set(v)
			if v == Yes && b.CustomerAgreementTimestamp == "" {
				b.CustomerAgreementTimestamp = f.now().UTC().Format(validate.TimestampLayout)
			}
		}, nil))
}

func (f *Flow) partnerCRA(r *client.PartnerCustomerCreateRequest) *Step {
	q := &r.Questionnaires.CRA
	stash := map[client.CRAPurpose]client.CRAUseCases{} // use cases of purposes unticked, restored when ticked again
	purposesField := f.field("questionnaires.cra.purposes")
	return &Step{
		ID: catalog.StepCRA, Title: "CRA questionnaire",
		Visible: func() bool { return NeedsCRA(r) },
		Form: func() *StepForm {
			purposeOpts := make([]huh.Option[client.CRAPurpose], len(client.CRAPurposes))
			for i, p := range client.CRAPurposes {
				purposeOpts[i] = huh.NewOption(catalog.PurposeLabel(string(p)), p)
			}
			purposes := NewChoices(ChoiceSpec{Key: purposesField.Path, Title: purposesField.Label,
				Description: purposesField.Help, Height: 10}, purposeOpts,
				BindFunc(
					func() []client.CRAPurpose {
						var out []client.CRAPurpose
						for _, p := range client.CRAPurposes {
							if _, on := q.Purposes[p]; on {
								out = append(out, p)
							}
						}
						return out
					},
					func(chosen []client.CRAPurpose) {
						next := map[client.CRAPurpose]client.CRAUseCases{}
						for _, p := range chosen {
							if uc, on := q.Purposes[p]; on {
								next[p] = uc
							} else {
								next[p] = stash[p]
							}
						}
						for p, uc := range q.Purposes {
							if _, kept := next[p]; !kept {
								stash[p] = uc
							}
						}
						q.Purposes = next
						if len(next) == 0 {
							q.Purposes = nil
						}
					}, f.Changes))
			fields := append(f.questions(catalog.StepCRA, "questionnaires.cra.is_third_party_involved",
				"questionnaires.cra.is_technical_service_provider_involved"), purposes)
			groups := []*huh.Group{huh.NewGroup(fields...)}
			hidden := map[huh.Field]func() bool{}
			for _, p := range client.CRAPurposes {
				fd := f.field("questionnaires.cra.purposes." + string(p) + ".use_cases[]")
				ucOpts := make([]huh.Option[client.CRAUseCase], len(client.CRAUseCaseValues))
				for i, uc := range client.CRAUseCaseValues {
					ucOpts[i] = huh.NewOption(catalog.PurposeLabel(string(uc)), uc)
				}
				cases := NewChoices(ChoiceSpec{Key: strings.TrimSuffix(fd.Path, "[]"), Title: fd.Label, Height: 9}, ucOpts,
					BindFunc(
						func() []client.CRAUseCase { return q.Purposes[p].UseCases },
						func(v []client.CRAUseCase) {
							if _, on := q.Purposes[p]; on {
								q.Purposes[p] = client.CRAUseCases{UseCases: v}
							}
						}, f.Changes))
				fields = append(fields, cases)
				hide := func() bool { _, on := q.Purposes[p]; return !on }
				hidden[cases] = hide
				groups = append(groups, huh.NewGroup(cases).WithHideFunc(hide))
			}
			sf := f.newForm(fields, groups...)
			sf.Hidden = hidden
			return sf
		},
		Summary: func() []Line {
			lines := f.summary(catalog.StepCRA, "questionnaires.cra.is_third_party_involved",
				"questionnaires.cra.is_technical_service_provider_involved")()
			for _, p := range client.CRAPurposes {
				if uc, on := q.Purposes[p]; on {
					lines = append(lines, Line{Label: catalog.PurposeLabel(string(p)), Value: orNone(strings.Join(client.Strings(uc.UseCases), ", "))})
				}
			}
			if len(q.Purposes) == 0 {
				lines = append(lines, Line{Label: purposesField.Label, Value: "none chosen"})
			}
			return lines
		},
	}
}

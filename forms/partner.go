package forms

import (
	"slices"
	"strings"

	"charm.land/huh/v2"

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
	f := &Flow{Draft: d, Changes: &Changes{}, opt: opt, Endpoint: client.PathPartnerCustomerCreate}
	r := d.Partner
	f.check = func() validate.Problems { return CheckDraft(f.Draft, f.CheckOptions()) }
	f.Steps = []*Step{
		f.partnerCompany(r),
		f.partnerAddress(r),
		f.partnerSupport(r),
		f.partnerContacts(r),
		f.partnerProducts(r),
		f.partnerLogo(r),
		f.partnerRedirects(r),
		f.partnerAddendum(r),
		f.partnerAttestations(r),
		f.partnerCRA(r),
	}
	return f
}

func (f *Flow) partnerCompany(r *client.PartnerCustomerCreateRequest) *Step {
	return &Step{
		ID: "company", Title: "Company & application",
		Owns: []string{"company_name", "application_name", "legal_entity_name", "website"},
		Form: func() *StepForm {
			fields := []huh.Field{
				f.input(&r.CompanyName, InputSpec{Key: "company_name", Title: "Company name", Required: true,
					Description: "Shown in the Plaid Dashboard only", Check: validate.CompanyText}),
				f.input(&r.ApplicationName, InputSpec{Key: "application_name", Title: "Application name", Required: true,
					Description: "Shown to people in Link; must be unique across Plaid", Check: validate.CompanyText}),
				f.input(&r.LegalEntityName, InputSpec{Key: "legal_entity_name", Title: "Legal entity name",
					Description: "Shared with banks for OAuth registration", Check: validate.CompanyText}),
				f.input(&r.Website, InputSpec{Key: "website", Title: "Website", Required: true,
					Placeholder: "example.com", Check: validate.WebURL}),
			}
			return f.newForm(fields, huh.NewGroup(fields...))
		},
		Summary: func() []Line {
			return []Line{{"Company", orNone(r.CompanyName)}, {"Application", orNone(r.ApplicationName)},
				{"Legal entity", orNone(r.LegalEntityName)}, {"Website", orNone(r.Website)}}
		},
	}
}

func (f *Flow) partnerAddress(r *client.PartnerCustomerCreateRequest) *Step {
	a := &r.Address
	return &Step{
		ID: "address", Title: "Address", Owns: []string{"address"},
		Form: func() *StepForm {
			country := NewPicker(PickerSpec{Key: "address.country_code", Title: "Country", Required: true,
				Options: countryOptions}, Bind(&a.CountryCode, f.Changes))
			region := NewPicker(PickerSpec{Key: "address.region", Title: "Region (state, province…)",
				Options: func() []PickOption { return regionOptions(a.CountryCode) },
				Check:   func(s string) validate.Result { return validate.Region(a.CountryCode, s) }},
				Bind(&a.Region, f.Changes))
			fields := []huh.Field{
				country, region,
				f.input(&a.PostalCode, InputSpec{Key: "address.postal_code", Title: "Postal code", CharLimit: 16,
					Check: func(s string) validate.Result { return validate.PostalCode(a.CountryCode, s) }}),
				f.input(&a.Street, InputSpec{Key: "address.street", Title: "Street", Required: true, Check: validate.Street}),
				f.input(&a.City, InputSpec{Key: "address.city", Title: "City", Required: true, Check: validate.City}),
			}
			return f.newForm(fields, huh.NewGroup(fields...))
		},
		Summary: func() []Line {
			return []Line{{"Street", orNone(a.Street)}, {"City", orNone(a.City)}, {"Region", orNone(a.Region)},
				{"Postal code", orNone(a.PostalCode)}, {"Country", countryLabel(a.CountryCode)}}
		},
	}
}

func (f *Flow) partnerSupport(r *client.PartnerCustomerCreateRequest) *Step {
	s := &r.CustomerSupportInfo
	return &Step{
		ID: "support", Title: "Customer support", Owns: []string{"customer_support_info"},
		Form: func() *StepForm {
			fields := []huh.Field{
				f.input(&s.Email, InputSpec{Key: "customer_support_info.email", Title: "Support email", Required: true,
					Description: "Public: people see it in Plaid Portal", Check: validate.Email}),
				f.input(&s.PhoneNumber, InputSpec{Key: "customer_support_info.phone_number", Title: "Support phone",
					Placeholder: "+14155550100", CharLimit: 40,
					Check: func(v string) validate.Result { return validate.Phone(v, r.Address.CountryCode) }}),
				f.input(&s.ContactURL, InputSpec{Key: "customer_support_info.contact_url", Title: "Contact page URL",
					Placeholder: "example.com/contact", Check: validate.WebURL}),
				f.input(&s.LinkUpdateURL, InputSpec{Key: "customer_support_info.link_update_url", Title: "Link update URL",
					Description: "Where people update their bank connection", Check: validate.WebURL}),
			}
			return f.newForm(fields, huh.NewGroup(fields...))
		},
		Summary: func() []Line {
			return []Line{{"Email", orNone(s.Email)}, {"Phone", orNone(s.PhoneNumber)},
				{"Contact URL", orNone(s.ContactURL)}, {"Link update URL", orNone(s.LinkUpdateURL)}}
		},
	}
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
		ID: "contacts", Title: "Contacts", Owns: []string{"technical_contact", "billing_contact"},
		Form: func() *StepForm {
			var fields []huh.Field
			var groups []*huh.Group
			hidden := map[huh.Field]func() bool{}
			for _, ct := range contacts {
				mode := NewChoice(ChoiceSpec{Key: ct.path, Title: ct.title},
					[]huh.Option[string]{huh.NewOption("Use the partner's default contact", ContactDefault),
						huh.NewOption("Fill in a contact for this customer", ContactFill)},
					f.contactMode(ct.path, ct.c))
				c := ct.c
				inputs := []huh.Field{
					f.input(&c.GivenName, InputSpec{Key: ct.path + ".given_name", Title: "Given name", Required: true, Check: validate.Name}),
					f.input(&c.FamilyName, InputSpec{Key: ct.path + ".family_name", Title: "Family name", Required: true, Check: validate.Name}),
					f.input(&c.Email, InputSpec{Key: ct.path + ".email", Title: "Email", Required: true, Check: validate.Email}),
				}
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
				out = append(out, Line{ct.title, v})
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
var productLabels = map[client.Product]string{
	"assets": "Assets", "auth": "Auth (account and routing numbers)", "balance": "Balance",
	"identity": "Identity", "income_verification": "Income verification", "investments": "Investments",
	"investments_auth": "Investments Move", "liabilities": "Liabilities", "transactions": "Transactions",
	"employment": "Employment", "cra_base_report": "CRA base report (needs the CRA questionnaire)",
	"cra_income_insights":  "CRA income insights (needs the CRA questionnaire)",
	"cra_partner_insights": "CRA partner insights (needs the CRA questionnaire)",
}

func productOptions(ps []client.Product) []huh.Option[client.Product] {
	out := make([]huh.Option[client.Product], len(ps))
	for i, p := range ps {
		label := productLabels[p]
		if label == "" {
			label = string(p)
		}
		out[i] = huh.NewOption(label, p)
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
			for _, p := range client.Products {
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
	for _, p := range client.Products {
		if !slices.Contains(client.PartnerProducts, p) {
			out = append(out, p)
		}
	}
	return out
}

func (f *Flow) partnerProducts(r *client.PartnerCustomerCreateRequest) *Step {
	return &Step{
		ID: "products", Title: "Products", Owns: []string{"products"},
		Form: func() *StepForm {
			main := NewChoices(ChoiceSpec{Key: "products", Title: "Products", Height: 15,
				Description: "None chosen: your reseller account's products apply. x or space toggles."},
				productOptions(client.PartnerProducts), f.productSubset(r, client.PartnerProducts))
			more := NewChoices(ChoiceSpec{Key: "products.more", Title: "More products", Height: 10,
				Description: "Not shown to partners in Plaid's docs: whether they are accepted is unconfirmed"},
				productOptions(OtherProducts()), f.productSubset(r, OtherProducts()))
			fields := []huh.Field{main, more}
			return f.newForm(fields, huh.NewGroup(main), huh.NewGroup(more))
		},
		Summary: func() []Line {
			v := "the reseller's products"
			if len(r.Products) > 0 {
				v = strings.Join(client.Strings(r.Products), ", ")
			}
			return []Line{{"Products", v}}
		},
	}
}

// NeedsCRA reports whether a consumer report product is chosen.
func NeedsCRA(r *client.PartnerCustomerCreateRequest) bool {
	return slices.ContainsFunc(r.Products, func(p client.Product) bool { return p.IsCRA() })
}

func (f *Flow) partnerRedirects(r *client.PartnerCustomerCreateRequest) *Step {
	production := f.opt.Env == client.Production
	l := f.stringList(&r.RedirectURIs, "redirect URI", "redirect_uris", "Redirect URI", "https://example.com/oauth.html",
		func(int) InputSpec {
			return InputSpec{Required: true, CharLimit: 2048, Check: func(s string) validate.Result { return validate.RedirectURI(s, production) }}
		})
	l.Hint = "Where Link sends people back after OAuth. No query (?…); https in production; *.example.com stands for any subdomain."
	return &Step{
		ID: "redirects", Title: "Redirect URIs", Owns: []string{"redirect_uris"}, List: l,
		Summary: func() []Line {
			if len(r.RedirectURIs) == 0 {
				return []Line{{"Redirect URIs", "none"}}
			}
			return []Line{{"Redirect URIs", strings.Join(r.RedirectURIs, ", ")}}
		},
	}
}

func (f *Flow) partnerAddendum(r *client.PartnerCustomerCreateRequest) *Step {
	b := &r.BankAddendumAcceptance
	return &Step{
		ID: "addendum", Title: "Bank addendum", Owns: []string{"bank_addendum_acceptance"},
		Form: func() *StepForm {
			accepted := NewChoice(ChoiceSpec{Key: "bank_addendum_acceptance.customer_accepted",
				Title: "Has the customer accepted the bank addendum?", Description: "Needed for CRA products"},
				TriStateOptions(), f.acceptance(b))
			fields := []huh.Field{
				accepted,
				f.input(&b.CustomerIPAddress, InputSpec{Key: "bank_addendum_acceptance.customer_ip_address",
					Title: "Customer's IP address when accepting", Placeholder: "192.0.2.42", Check: validate.IPAddress}),
				f.input(&b.CustomerAgreementTimestamp, InputSpec{Key: "bank_addendum_acceptance.customer_agreement_timestamp",
					Title: "When they accepted (UTC)", Placeholder: f.now().UTC().Format(validate.TimestampLayout),
					Description: "YYYY-MM-DDTHH:mm:ssZ; set to now when you answer yes",
					Check:       func(s string) validate.Result { return validate.Timestamp(s, f.now()) }}),
			}
			return f.newForm(fields, huh.NewGroup(fields...))
		},
		Summary: func() []Line {
			return []Line{{"Accepted", yesNo(b.CustomerAccepted)}, {"IP address", orNone(b.CustomerIPAddress)},
				{"Accepted at", orNone(b.CustomerAgreementTimestamp)}}
		},
	}
}

// acceptance is the yes/no of the addendum; a yes with no time yet stamps
// the time as now.
func (f *Flow) acceptance(b *client.BankAddendumAcceptance) huh.Accessor[string] {
	inner := BindTriState(&b.CustomerAccepted, f.Changes)
	return BindFunc(inner.Get, func(v string) {
		inner.Set(v)
		if v == Yes && b.CustomerAgreementTimestamp == "" {
			b.CustomerAgreementTimestamp = f.now().UTC().Format(validate.TimestampLayout)
		}
	}, nil)
}

func (f *Flow) partnerAttestations(r *client.PartnerCustomerCreateRequest) *Step {
	return &Step{
		ID: "attestations", Title: "Attestations", Owns: []string{"is_diligence_attested", "create_link_customization"},
		Form: func() *StepForm {
			fields := []huh.Field{
				f.triState(&r.IsDiligenceAttested, "is_diligence_attested", "Has your team completed diligence on this customer?", ""),
				f.triState(&r.CreateLinkCustomization, "create_link_customization", "Copy your Link customization to this customer?",
					"Yes needs a logo (the Logo step)"),
			}
			return f.newForm(fields, huh.NewGroup(fields...))
		},
		Summary: func() []Line {
			return []Line{{"Diligence attested", yesNo(r.IsDiligenceAttested)}, {"Copy Link customization", yesNo(r.CreateLinkCustomization)}}
		},
	}
}

// PurposeLabel is how a permissible purpose reads.
func PurposeLabel(p client.CRAPurpose) string {
	s := strings.ToLower(strings.ReplaceAll(string(p), "_", " "))
	return strings.ToUpper(s[:1]) + s[1:]
}

func (f *Flow) partnerCRA(r *client.PartnerCustomerCreateRequest) *Step {
	q := &r.Questionnaires.CRA
	stash := map[client.CRAPurpose]client.CRAUseCases{} // use cases of purposes unticked, restored when ticked again
	return &Step{
		ID: "cra", Title: "CRA questionnaire", Owns: []string{"questionnaires"},
		Visible: func() bool { return NeedsCRA(r) },
		Form: func() *StepForm {
			purposeOpts := make([]huh.Option[client.CRAPurpose], len(client.CRAPurposes))
			for i, p := range client.CRAPurposes {
				purposeOpts[i] = huh.NewOption(PurposeLabel(p), p)
			}
			purposes := NewChoices(ChoiceSpec{Key: "questionnaires.cra.purposes", Title: "Permissible purposes",
				Description: "x or space toggles; use cases follow", Height: 10}, purposeOpts,
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
			fields := []huh.Field{
				f.triState(&q.IsThirdPartyInvolved, "questionnaires.cra.is_third_party_involved", "Is a third party involved?", ""),
				f.triState(&q.IsTechnicalServiceProviderInvolved, "questionnaires.cra.is_technical_service_provider_involved",
					"Is a technical service provider involved?", ""),
				purposes,
			}
			groups := []*huh.Group{huh.NewGroup(fields...)}
			hidden := map[huh.Field]func() bool{}
			for _, p := range client.CRAPurposes {
				p := p
				ucOpts := make([]huh.Option[client.CRAUseCase], len(client.CRAUseCaseValues))
				for i, uc := range client.CRAUseCaseValues {
					ucOpts[i] = huh.NewOption(PurposeLabel(client.CRAPurpose(uc)), uc)
				}
				cases := NewChoices(ChoiceSpec{Key: "questionnaires.cra.purposes." + string(p) + ".use_cases",
					Title: "Use cases: " + PurposeLabel(p), Height: 9}, ucOpts,
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
			lines := []Line{{"Third party involved", yesNo(q.IsThirdPartyInvolved)},
				{"Technical service provider", yesNo(q.IsTechnicalServiceProviderInvolved)}}
			for _, p := range client.CRAPurposes {
				if uc, on := q.Purposes[p]; on {
					lines = append(lines, Line{PurposeLabel(p), orNone(strings.Join(client.Strings(uc.UseCases), ", "))})
				}
			}
			if len(q.Purposes) == 0 {
				lines = append(lines, Line{"Permissible purposes", "none chosen"})
			}
			return lines
		},
	}
}

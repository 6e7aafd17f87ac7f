package catalog

import (
	"slices"
	"strings"
	"sync"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// Steps of the partner wizard, in the order it asks them.
const (
	StepCompany      = "company"
	StepAddress      = "address"
	StepSupport      = "support"
	StepContacts     = "contacts"
	StepProducts     = "products"
	StepLogo         = "logo"
	StepRedirects    = "redirects"
	StepAddendum     = "addendum"
	StepAttestations = "attestations"
	StepCRA          = "cra"
)

func productValues() []string    { return client.Strings(client.AllProducts()) }
func useCaseValues() []string    { return client.Strings(client.CRAUseCaseValues) }
func purposeValues() []string    { return client.Strings(client.CRAPurposes) }
func reportTypeValues() []string { return client.Strings(client.BeaconReportTypes) }

// PurposeLabel is how a permissible purpose or a use case reads:
// "EXTENSION_OF_CREDIT_OR_ACCOUNT_REVIEW" → "Extension of credit or account review".
func PurposeLabel(p string) string {
	s := strings.ToLower(strings.ReplaceAll(p, "_", " "))
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// contactFields are a contact's three fields; Plaid's schema requires none,
// and a contact left out entirely falls back to the partner's own.
func contactFields(path, who string) []*Field {
	return []*Field{
		{Path: path + ".given_name", PartnerWide: true, Label: "Given name", Short: who + ", given name", Step: StepContacts,
			Rule: Check(validate.Name), Need: "a given name is required for a contact", CharLimit: 120},
		{Path: path + ".family_name", PartnerWide: true, Label: "Family name", Short: who + ", family name", Step: StepContacts,
			Rule: Check(validate.Name), Need: "a family name is required for a contact", CharLimit: 120},
		{Path: path + ".email", PartnerWide: true, Label: "Email", Short: who + ", email", Step: StepContacts,
			Rule: Check(validate.Email), Need: "an email is required for a contact"},
	}
}

// partnerCreateFields are the fields of /beta/partner/customer/v1/create.
func partnerCreateFields() []*Field {
	fields := []*Field{
		{Path: "company_name", Names: true, Label: "Company name", Short: "Company", Help: "Shown in the Plaid Dashboard only",
			Step: StepCompany, Rule: Check(validate.CompanyText)},
		{Path: "application_name", Names: true, Label: "Application name", Short: "Application",
			Help: "Shown to people in Link; must be unique across Plaid", Step: StepCompany, Rule: Check(validate.CompanyText)},
		{Path: "legal_entity_name", Names: true, Label: "Legal entity name", Short: "Legal entity",
			Help: "Shared with banks for OAuth registration", Step: StepCompany, Rule: Check(validate.CompanyText)},
		{Path: "website", Names: true, Label: "Website", Placeholder: "https://example.com", Step: StepCompany, Rule: Check(validate.WebURL)},

		{Path: "address.country_code", Names: true, Label: "Country", Step: StepAddress, Kind: Country, Expected: true,
			Rule: Check(validate.CountryCode)},
		{Path: "address.region", Names: true, Label: "Region (state, province…)", Short: "Region", Step: StepAddress, Kind: Region,
			Context: "address.country_code", Rule: RegionOf("address.country_code")},
		{Path: "address.postal_code", Names: true, Label: "Postal code", Step: StepAddress, CharLimit: 16,
			Context: "address.country_code", Rule: PostalCodeIn("address.country_code")},
		{Path: "address.street", Names: true, Label: "Street", Step: StepAddress, Expected: true, Rule: Check(validate.Street)},
		{Path: "address.city", Names: true, Label: "City", Step: StepAddress, Expected: true, Rule: Check(validate.City)},

		{Path: "customer_support_info.email", Label: "Support email", Short: "Email",
			Help: "Public: people see it in Plaid Portal", Step: StepSupport, Rule: Check(validate.Email),
			// Plaid's prose: mandatory for partners created after 2024-11-26.
			Need: "a support email is required"},
		{Path: "customer_support_info.phone_number", Label: "Support phone", Short: "Phone", Placeholder: "+14155550100",
			Step: StepSupport, CharLimit: 40, Context: "address.country_code", Rule: SupportPhoneIn("address.country_code")},
		{Path: "customer_support_info.contact_url", Label: "Contact page URL", Short: "Contact URL",
			Placeholder: "https://example.com/contact", Step: StepSupport, Rule: Check(validate.WebURL)},
		{Path: "customer_support_info.link_update_url", Label: "Link update URL",
			Help: "Where people update their bank connection", Step: StepSupport, Rule: Check(validate.WebURL)},
	}
	fields = append(fields, contactFields("technical_contact", "Technical contact")...)
	fields = append(fields, contactFields("billing_contact", "Billing contact")...)
	fields = append(fields,
		&Field{Path: "products[]", PartnerWide: true, Label: "Products", Step: StepProducts, Kind: Products, Unique: true,
			Help: "None chosen: your reseller account's products apply", Empty: "the reseller's products",
			Values: productValues, Rule: OneOf(productValues, "a Plaid product")},
		&Field{Path: "logo", Names: true, Label: "Logo", Help: "A 1024×1024 PNG under 4 MB", Step: StepLogo, Kind: Logo, Rule: LogoPNG()},
		&Field{Path: "redirect_uris[]", PartnerWide: true, Label: "Redirect URI", Short: "Redirect URIs", Step: StepRedirects,
			Placeholder: "https://example.com/oauth.html", CharLimit: 2048, Unique: true, Expected: true, Rule: RedirectURI(), Max: 100,
			Help: "Where Link sends people back after OAuth. No query (?…); https in production; *.example.com stands for any subdomain."},
		&Field{Path: "bank_addendum_acceptance.customer_accepted", Names: true, Label: "Has the customer accepted the bank addendum?",
			Short: "Accepted", Help: "Needed for CRA products", Step: StepAddendum, Kind: YesNo, Need: "is required",
			Stamps: "bank_addendum_acceptance.customer_agreement_timestamp"},
		&Field{Path: "bank_addendum_acceptance.customer_ip_address", Names: true, Label: "Customer's IP address when accepting",
			Short: "IP address", Placeholder: "192.0.2.42", Step: StepAddendum, Rule: Check(validate.IPAddress)},
		&Field{Path: "bank_addendum_acceptance.customer_agreement_timestamp", Names: true, Label: "When they accepted (UTC)",
			Short: "Accepted at", Help: "YYYY-MM-DDTHH:mm:ssZ; set to now when you answer yes", Step: StepAddendum,
			Rule: Timestamp()},
		&Field{Path: "is_diligence_attested", Label: "Has your team completed diligence on this customer?",
			Short: "Diligence attested", Step: StepAttestations, Kind: YesNo},
		&Field{Path: "create_link_customization", PartnerWide: true, Label: "Copy your Link customization to this customer?",
			Short: "Copy Link customization", Help: "Yes needs a logo (the Logo step)", Step: StepAttestations, Kind: YesNo},
		&Field{Path: "questionnaires.cra.is_third_party_involved", PartnerWide: true, Label: "Is a third party involved?",
			Short: "Third party involved", Step: StepCRA, Kind: YesNo},
		&Field{Path: "questionnaires.cra.is_technical_service_provider_involved", PartnerWide: true,
			Label: "Is a technical service provider involved?", Short: "Technical service provider", Step: StepCRA, Kind: YesNo},
		&Field{Path: "questionnaires.cra.purposes", PartnerWide: true, Label: "Permissible purposes", Help: "x or space toggles; use cases follow",
			Step: StepCRA, Kind: Purposes, Values: purposeValues},
	)
	for _, p := range client.CRAPurposes {
		fields = append(fields, &Field{
			Path:  "questionnaires.cra.purposes." + string(p) + ".use_cases[]",
			Label: "Use cases: " + PurposeLabel(string(p)), Short: PurposeLabel(string(p)), Step: StepCRA, Kind: UseCases,
			Unique: true, Values: useCaseValues, Rule: OneOf(useCaseValues, "a CRA use case"),
			Need: "choose at least one use case for this purpose",
		})
	}
	return fields
}

// partnerSteps are the partner wizard's pages, in order.
func partnerSteps() []*Step {
	contact := func(path, title string) Join {
		return Join{Label: title, Paths: []string{path + ".given_name", path + ".family_name", path + ".email"}, Format: "%s %s <%s>"}
	}
	return []*Step{
		{ID: StepCompany, Title: "Company & application"},
		{ID: StepAddress, Title: "Address",
			Lead: []string{"address.street", "address.city", "address.region", "address.postal_code", "address.country_code"}},
		{ID: StepSupport, Title: "Customer support"},
		{ID: StepContacts, Title: "Contacts",
			Defaults: []Default{
				{Path: "technical_contact", Title: "Technical contact", Stands: "the partner's default",
					Keep: "Use the partner's default contact", Fill: "Fill in a contact for this customer"},
				{Path: "billing_contact", Title: "Billing contact", Stands: "the partner's default",
					Keep: "Use the partner's default contact", Fill: "Fill in a contact for this customer"},
			},
			Joined: []Join{contact("technical_contact", "Technical contact"), contact("billing_contact", "Billing contact")}},
		{ID: StepProducts, Title: "Products"},
		{ID: StepLogo, Title: "Logo"},
		{ID: StepRedirects, Title: "Redirect URIs", List: "redirect_uris", Noun: "redirect URI"},
		{ID: StepAddendum, Title: "Bank addendum"},
		{ID: StepAttestations, Title: "Attestations"},
		{ID: StepCRA, Title: "CRA questionnaire", Shown: func(req any) bool {
			r, ok := req.(*client.PartnerCustomerCreateRequest)
			return ok && NeedsCRA(r.Products)
		}},
	}
}

// NeedsCRA reports whether a consumer report product is among products:
// the CRA questionnaire and the bank addendum then apply.
func NeedsCRA(products []client.Product) bool {
	return slices.ContainsFunc(products, func(p client.Product) bool { return p.IsCRA() })
}

// partnerRules are the rules of a create or update that span fields.
func partnerRules(ch *checker) {
	if b := ch.value("create_link_customization"); b.IsValid() && !b.IsNil() && b.Elem().Bool() && ch.text("logo") == "" {
		ch.need("logo", "a logo is required when create_link_customization is on")
	}
	if accepted := ch.value("bank_addendum_acceptance.customer_accepted"); accepted.IsValid() && !accepted.IsNil() && accepted.Elem().Bool() {
		// An acceptance records who accepted and when; Plaid's schema marks
		// neither required, so this is our rule.
		if ch.text("bank_addendum_acceptance.customer_ip_address") == "" {
			ch.need("bank_addendum_acceptance.customer_ip_address", "the customer's IP address is needed with an acceptance")
		}
		if ch.text("bank_addendum_acceptance.customer_agreement_timestamp") == "" {
			ch.need("bank_addendum_acceptance.customer_agreement_timestamp", "the time of acceptance is needed with an acceptance")
		}
	}
	// A purpose the spec does not name is sent as it is: the spec leaves
	// the purposes open (additionalProperties), so Plaid may add some.
}

// partnerUpdateRules add to partnerRules that an update changes something.
func partnerUpdateRules(ch *checker) {
	partnerRules(ch)
	for _, p := range []string{"legal_entity_name", "redirect_uris", "bank_addendum_acceptance", "questionnaires"} {
		if ch.sent(p) {
			return
		}
	}
	if q := ch.value("questionnaires.cra"); q.IsValid() && !q.IsZero() {
		return
	}
	ch.need("end_customer_client_id", "an update needs at least one field to change")
}

func clientIDField() *Field {
	return &Field{Path: "end_customer_client_id", Label: "End customer's client id", Rule: Identifier("client id")}
}

// PartnerCreate is the catalogue of /beta/partner/customer/v1/create.
var PartnerCreate = sync.OnceValue(func() *Catalog {
	c := newCatalog[client.PartnerCustomerCreateRequest]("create a partner end customer",
		client.PathPartnerCustomerCreate, PartnerUpdate(), partnerRules, partnerCreateFields())
	c.steps = partnerSteps()
	return c
})

// PartnerUpdate is the catalogue of /beta/partner/customer/v1/update: the
// create fields the update accepts, with the same rules.
var PartnerUpdate = sync.OnceValue(func() *Catalog {
	fields := append([]*Field{clientIDField()}, derive[client.PartnerCustomerUpdateRequest](partnerCreateFields())...)
	return newCatalog[client.PartnerCustomerUpdateRequest]("update a partner end customer",
		client.PathPartnerCustomerUpdate, nil, partnerUpdateRules, fields)
})

// PartnerGet is the catalogue of /beta/partner/customer/v1/get.
var PartnerGet = sync.OnceValue(func() *Catalog {
	return newCatalog[client.PartnerCustomerGetRequest]("get a partner end customer",
		client.PathPartnerCustomerGet, nil, nil, []*Field{clientIDField()})
})

// PartnerEnable is the catalogue of /beta/partner/customer/v1/enable.
var PartnerEnable = sync.OnceValue(func() *Catalog {
	return newCatalog[client.PartnerCustomerEnableRequest]("enable a partner end customer",
		client.PathPartnerCustomerEnable, nil, nil, []*Field{
			clientIDField(),
			{Path: "products[]", Label: "Products to enable", Kind: Products, Unique: true,
				Values: productValues, Rule: OneOf(productValues, "a Plaid product")},
		})
})

// requirementNames name the requirements Plaid reports that are groups of
// fields (or a question), in the words the screens use.
var requirementNames = map[client.RequirementDue]string{
	client.RequirementIsDiligenceAttested:    "Diligence attestation",
	client.RequirementTechnicalContact:       "Technical contact",
	client.RequirementBillingContact:         "Billing contact",
	client.RequirementAddress:                "Company address",
	client.RequirementBankAddendumAcceptance: "Bank addendum acceptance",
	client.RequirementCRAQuestionnaire:       "CRA questionnaire",
}

// RequirementName is a requirement_due value in plain words ("Legal
// entity name" for legal_entity_name); one newer than this program keeps
// Plaid's name.
func RequirementName(req client.RequirementDue) string {
	if name, ok := requirementNames[req]; ok {
		return name
	}
	return PartnerCreate().FieldName(string(req))
}

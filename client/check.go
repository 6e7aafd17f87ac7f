package client

import (
	"fmt"
	"slices"
	"time"

	"github.com/plaid-onboard/plaid-onboard/validate"
)

// CheckOptions are the facts a request check depends on.
type CheckOptions struct {
	// Environment decides whether redirect URIs must be https.
	Environment Environment
	// Now is "today" for dates of birth and agreement timestamps.
	Now time.Time
}

func (o CheckOptions) now() time.Time {
	if o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

// checker gathers problems in field order.
type checker struct {
	ps  validate.Problems
	opt CheckOptions
}

func newChecker(req any, opt CheckOptions) *checker {
	c := &checker{opt: opt}
	for _, path := range MissingFields(req) {
		c.ps.Required(path)
	}
	return c
}

// text checks value with rule when it is set (emptiness is the business of
// the required-field walk).
func (c *checker) text(path, value string, rule validate.Check) {
	if value != "" {
		c.ps.Add(path, rule(value))
	}
}

// need records a field our own rules require although the spec does not.
func (c *checker) need(path, value, why string) {
	if value == "" {
		c.ps.Add(path, validate.Result{State: validate.Incomplete, Message: why})
	}
}

// items checks each element of a list with each, then for a repeat of an
// earlier element, so problems come in index order.
func (c *checker) items(path string, values []string, each func(itemPath, value string)) {
	for i, v := range values {
		p := fmt.Sprintf("%s[%d]", path, i)
		if each != nil {
			each(p, v)
		}
		if slices.Index(values, v) < i {
			c.ps.Addf(p, "%q is listed twice", v)
		}
	}
}

func (c *checker) redirectURIs(path string, uris []string) {
	production := c.opt.Environment == Production
	c.items(path, uris, func(p, u string) { c.ps.Add(p, validate.RedirectURI(u, production)) })
}

func (c *checker) bankAddendum(path string, b BankAddendumAcceptance) {
	if b == (BankAddendumAcceptance{}) {
		return
	}
	now := c.opt.now()
	if b.CustomerAccepted == nil {
		c.ps.Required(path + ".customer_accepted")
	}
	if b.CustomerAccepted != nil && *b.CustomerAccepted {
		// An acceptance records who accepted and when; Plaid's schema marks
		// neither required, so this is our rule.
		c.need(path+".customer_ip_address", b.CustomerIPAddress, "the customer's IP address is needed with an acceptance")
		c.need(path+".customer_agreement_timestamp", b.CustomerAgreementTimestamp, "the time of acceptance is needed with an acceptance")
	}
	c.text(path+".customer_ip_address", b.CustomerIPAddress, validate.IPAddress)
	c.text(path+".customer_agreement_timestamp", b.CustomerAgreementTimestamp,
		func(s string) validate.Result { return validate.Timestamp(s, now) })
}

func (c *checker) questionnaires(path string, q PartnerQuestionnaires) {
	base := path + ".cra.purposes"
	purposes := make([]CRAPurpose, 0, len(q.CRA.Purposes))
	for p := range q.CRA.Purposes {
		purposes = append(purposes, p)
	}
	slices.Sort(purposes)
	for _, p := range purposes {
		pp := base + "." + string(p)
		if !slices.Contains(CRAPurposes, p) {
			c.ps.Addf(pp, "%q is not a permissible purpose", p)
			continue
		}
		cases := q.CRA.Purposes[p].UseCases
		if len(cases) == 0 {
			c.ps.Add(pp+".use_cases", validate.Result{State: validate.Incomplete, Message: "choose at least one use case for this purpose"})
		}
		c.items(pp+".use_cases", Strings(cases), func(ip, uc string) {
			if !slices.Contains(CRAUseCaseValues, CRAUseCase(uc)) {
				c.ps.Addf(ip, "%q is not a CRA use case", uc)
			}
		})
	}
}

func (c *checker) products(path string, ps []Product) {
	c.items(path, Strings(ps), func(ip, p string) {
		if !KnownProduct(Product(p)) {
			c.ps.Addf(ip, "%q is not a Plaid product", p)
		}
	})
}

func (c *checker) identifier(path, value, what string) {
	c.text(path, value, func(s string) validate.Result { return validate.Identifier(s, what) })
}

// Check lists every problem of a partner end-customer create request, in
// field order. An empty list means it can be sent.
func (r *PartnerCustomerCreateRequest) Check(opt CheckOptions) validate.Problems {
	c := newChecker(r, opt)
	c.text("company_name", r.CompanyName, validate.CompanyText)
	c.text("application_name", r.ApplicationName, validate.CompanyText)
	c.text("legal_entity_name", r.LegalEntityName, validate.CompanyText)
	c.text("website", r.Website, validate.WebURL)

	a, cc := r.Address, r.Address.CountryCode
	c.text("address.street", a.Street, validate.Street)
	c.text("address.city", a.City, validate.City)
	c.text("address.country_code", cc, validate.CountryCode)
	c.text("address.region", a.Region, func(s string) validate.Result { return validate.Region(cc, s) })
	c.text("address.postal_code", a.PostalCode, func(s string) validate.Result { return validate.PostalCode(cc, s) })

	s := r.CustomerSupportInfo
	if s != (CustomerSupportInfo{}) {
		// Plaid's prose: mandatory for partners created after 2024-11-26.
		c.need("customer_support_info.email", s.Email, "a support email is required")
	}
	c.text("customer_support_info.email", s.Email, validate.Email)
	c.text("customer_support_info.phone_number", s.PhoneNumber, func(v string) validate.Result { return validate.Phone(v, cc) })
	c.text("customer_support_info.contact_url", s.ContactURL, validate.WebURL)
	c.text("customer_support_info.link_update_url", s.LinkUpdateURL, validate.WebURL)

	for _, ct := range []struct {
		path string
		v    PartnerContact
	}{{"technical_contact", r.TechnicalContact}, {"billing_contact", r.BillingContact}} {
		if ct.v == (PartnerContact{}) {
			continue // the partner's own contact applies
		}
		c.need(ct.path+".given_name", ct.v.GivenName, "a given name is required for a contact")
		c.need(ct.path+".family_name", ct.v.FamilyName, "a family name is required for a contact")
		c.need(ct.path+".email", ct.v.Email, "an email is required for a contact")
		c.text(ct.path+".given_name", ct.v.GivenName, validate.Name)
		c.text(ct.path+".family_name", ct.v.FamilyName, validate.Name)
		c.text(ct.path+".email", ct.v.Email, validate.Email)
	}

	c.products("products", r.Products)
	if r.CreateLinkCustomization != nil && *r.CreateLinkCustomization {
		c.need("logo", r.Logo, "a logo is required when create_link_customization is on")
	}
	if r.Logo != "" {
		_, res := validate.LogoBase64(r.Logo)
		c.ps.Add("logo", res)
	}
	c.redirectURIs("redirect_uris", r.RedirectURIs)
	c.bankAddendum("bank_addendum_acceptance", r.BankAddendumAcceptance)
	c.questionnaires("questionnaires", r.Questionnaires)
	return c.ps
}

// Check lists every problem of a partner end-customer update request.
func (r *PartnerCustomerUpdateRequest) Check(opt CheckOptions) validate.Problems {
	c := newChecker(r, opt)
	c.identifier("end_customer_client_id", r.EndCustomerClientID, "client id")
	c.text("legal_entity_name", r.LegalEntityName, validate.CompanyText)
	c.redirectURIs("redirect_uris", r.RedirectURIs)
	c.bankAddendum("bank_addendum_acceptance", r.BankAddendumAcceptance)
	c.questionnaires("questionnaires", r.Questionnaires)
	if r.LegalEntityName == "" && len(r.RedirectURIs) == 0 &&
		r.BankAddendumAcceptance == (BankAddendumAcceptance{}) && len(r.Questionnaires.CRA.Purposes) == 0 &&
		r.Questionnaires.CRA.IsThirdPartyInvolved == nil && r.Questionnaires.CRA.IsTechnicalServiceProviderInvolved == nil {
		c.ps.Add("end_customer_client_id", validate.Result{State: validate.Incomplete, Message: "an update needs at least one field to change"})
	}
	return c.ps
}

// Check lists every problem of a partner end-customer get request.
func (r *PartnerCustomerGetRequest) Check(opt CheckOptions) validate.Problems {
	c := newChecker(r, opt)
	c.identifier("end_customer_client_id", r.EndCustomerClientID, "client id")
	return c.ps
}

// Check lists every problem of a partner end-customer enable request.
func (r *PartnerCustomerEnableRequest) Check(opt CheckOptions) validate.Problems {
	c := newChecker(r, opt)
	c.identifier("end_customer_client_id", r.EndCustomerClientID, "client id")
	c.products("products", r.Products)
	return c.ps
}

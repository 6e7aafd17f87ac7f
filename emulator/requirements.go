package emulator

import (
	"slices"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// The emulator's model of what Plaid still needs from an end customer
// (Plaid documents the requirement names, not the rules; these are ours,
// listed in the README):
//
//   - every product: legal_entity_name; is_diligence_attested = true (or
//     the bank addendum accepted, which /update can send); a
//     technical and a billing contact, unless the partner has defaults on
//     file; an address with street, city and country (and for the US,
//     region and postal code);
//   - cra_* products also: bank_addendum_acceptance with customer_accepted
//     = true, and questionnaires.cra with both yes/no answers and at least
//     one permissible purpose, each with a use case.

func (e *Emulator) generalDue(c *customer) []client.RequirementDue {
	r := c.Request
	var due []client.RequirementDue
	if r.LegalEntityName == "" {
		due = append(due, client.RequirementLegalEntityName)
	}
	// /update cannot carry is_diligence_attested; in the spec's own
	// sequence (its create, then its update with the customer's bank
	// addendum acceptance) the requirement is gone, so an accepted
	// addendum stands for the attestation.
	attested := r.IsDiligenceAttested != nil && *r.IsDiligenceAttested
	if !attested && !c.addendumAccepted() {
		due = append(due, client.RequirementIsDiligenceAttested)
	}
	if r.TechnicalContact == (client.PartnerContact{}) && !e.partner.HasTechnicalContact {
		due = append(due, client.RequirementTechnicalContact)
	}
	if r.BillingContact == (client.PartnerContact{}) && !e.partner.HasBillingContact {
		due = append(due, client.RequirementBillingContact)
	}
	a := r.Address
	if a.Street == "" || a.City == "" || a.CountryCode == "" || (a.CountryCode == "US" && (a.Region == "" || a.PostalCode == "")) {
		due = append(due, client.RequirementAddress)
	}
	return due
}

func craDue(c *customer) []client.RequirementDue {
	r := c.Request
	var due []client.RequirementDue
	if !c.addendumAccepted() {
		due = append(due, client.RequirementBankAddendumAcceptance)
	}
	q := r.Questionnaires.CRA
	complete := q.IsThirdPartyInvolved != nil && q.IsTechnicalServiceProviderInvolved != nil && len(q.Purposes) > 0
	for _, uc := range q.Purposes {
		complete = complete && len(uc.UseCases) > 0
	}
	if !complete {
		due = append(due, client.RequirementCRAQuestionnaire)
	}
	return due
}

// products are the customer's products: those asked for, else the
// partner's defaults.
func (e *Emulator) products(c *customer) []client.Product {
	if len(c.Request.Products) > 0 {
		return c.Request.Products
	}
	return e.partner.DefaultProducts
}

// standing computes a customer's status, per-product statuses and the
// requirements still due, in the spec's order.
func (e *Emulator) standing(c *customer) (client.PartnerEndCustomerStatus, map[string]string, []client.RequirementDue) {
	general, cra := e.generalDue(c), craDue(c)
	dueSet := map[client.RequirementDue]bool{}
	statuses := map[string]string{}
	anyEnabled, anyDue := false, false
	for _, p := range e.products(c) {
		due := general
		if p.IsCRA() {
			due = append(slices.Clone(general), cra...)
		}
		for _, d := range due {
			dueSet[d] = true
		}
		switch {
		case slices.Contains(c.Enabled, p):
			statuses[string(p)] = string(client.StatusActive)
			anyEnabled = true
		case len(due) > 0:
			statuses[string(p)] = string(client.StatusMoreInformationNeeded)
			anyDue = true
		default:
			statuses[string(p)] = string(client.StatusPendingEnablement)
		}
	}
	due := []client.RequirementDue{}
	for _, d := range client.RequirementsDue {
		if dueSet[d] {
			due = append(due, d)
		}
	}
	status := client.StatusPendingEnablement
	switch {
	case anyEnabled:
		status = client.StatusActive
	case anyDue:
		status = client.StatusMoreInformationNeeded
	}
	return status, statuses, due
}

func (e *Emulator) view(c *customer) client.PartnerEndCustomer {
	status, statuses, due := e.standing(c)
	return client.PartnerEndCustomer{
		ClientID: c.ClientID, CompanyName: c.Request.CompanyName,
		Status: status, ProductStatuses: statuses, RequirementsDue: due,
	}
}

// addendumAccepted is whether the bank addendum is settled: accepted (the
// beta paths), or completed as the public create says.
func (c *customer) addendumAccepted() bool {
	if b := c.Request.BankAddendumAcceptance.CustomerAccepted; b != nil && *b {
		return true
	}
	return c.Public != nil && c.Public.IsBankAddendumCompleted != nil && *c.Public.IsBankAddendumCompleted
}

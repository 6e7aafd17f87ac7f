package emulator

import (
	"context"
	"fmt"
	"net/http"
	"slices"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// Plaid's public partner API, served from the same store and rules as the
// beta paths: a customer created by one is read, enabled or removed by
// the other. What differs is the shape (the spec's) and what the public
// API can say: no requirements, so a customer with any is UNDER_REVIEW
// there ("Plaid reviews it"), and enable takes every product at once.

// publicFields are what only the public create sends, kept with the
// customer.
type publicFields struct {
	IsBankAddendumCompleted *bool                         `json:"is_bank_addendum_completed,omitempty"`
	AssetsUnderManagement   *client.AssetsUnderManagement `json:"assets_under_management,omitempty"`
	RegistrationNumber      string                        `json:"registration_number,omitempty"`
}

func (e *Emulator) publicCreate(ctx context.Context, req *client.PublicCustomerCreateRequest) (any, *apiError) {
	if apiErr := logoError(req.CreateLinkCustomization, req.Logo); apiErr != nil {
		return nil, apiErr
	}
	ps := slices.DeleteFunc(catalog.CheckRequest(req, e.checkEnv()), func(p validate.Problem) bool { return p.Path == "logo" })
	if len(ps) > 0 {
		return nil, fieldError(ps)
	}
	// The public API refuses what the beta one lists as due.
	if (req.TechnicalContact == client.PartnerContact{} && !e.partner.HasTechnicalContact) ||
		(req.BillingContact == client.PartnerContact{} && !e.partner.HasBillingContact) {
		return nil, partnerError(http.StatusBadRequest, "CONTACT_REQUIRED",
			"a technical and a billing contact are required: send them, or set the partner's defaults in the Dashboard")
	}
	beta := client.PartnerCustomerCreateRequest{
		CompanyName: req.CompanyName, IsDiligenceAttested: req.IsDiligenceAttested, Products: req.Products,
		CreateLinkCustomization: req.CreateLinkCustomization, Logo: req.Logo, LegalEntityName: req.LegalEntityName,
		Website: req.Website, ApplicationName: req.ApplicationName, TechnicalContact: req.TechnicalContact,
		BillingContact: req.BillingContact, CustomerSupportInfo: req.CustomerSupportInfo, Address: req.Address,
		RedirectURIs: req.RedirectURIs,
	}
	extra := &publicFields{IsBankAddendumCompleted: req.IsBankAddendumCompleted,
		AssetsUnderManagement: req.AssetsUnderManagement, RegistrationNumber: req.RegistrationNumber}
	return e.change(ctx, func(tx *txn) (any, *apiError) {
		c, apiErr := e.createCustomer(tx, &beta, extra)
		if apiErr != nil {
			return nil, apiErr
		}
		return &client.PublicCustomerCreateResponse{
			EndCustomer: client.PublicEndCustomerWithSecrets{PublicEndCustomer: e.publicView(c), Secrets: c.Secrets},
		}, nil
	})
}

func (e *Emulator) publicGet(ctx context.Context, req *client.PublicCustomerGetRequest) (any, *apiError) {
	return e.look(ctx, func(tx *txn) (any, *apiError) {
		c, apiErr := e.customer(tx, req.EndCustomerClientID)
		if apiErr != nil {
			return nil, apiErr
		}
		return &client.PublicCustomerGetResponse{EndCustomer: e.publicView(c)}, nil
	})
}

// publicEnable enables every product in full Production.
func (e *Emulator) publicEnable(ctx context.Context, req *client.PublicCustomerEnableRequest) (any, *apiError) {
	return e.change(ctx, func(tx *txn) (any, *apiError) {
		c, apiErr := e.customer(tx, req.EndCustomerClientID)
		if apiErr != nil {
			return nil, apiErr
		}
		_, statuses, due := e.standing(c)
		var toEnable []client.Product
		for _, p := range e.products(c) {
			switch statuses[string(p)] {
			case string(client.StatusMoreInformationNeeded):
				return nil, partnerError(http.StatusPreconditionFailed, "CUSTOMER_NOT_READY_FOR_ENABLEMENT",
					fmt.Sprintf("the end customer is still under review: Plaid needs %s", joinWords(client.Strings(due))))
			case string(client.StatusPendingEnablement):
				toEnable = append(toEnable, p)
			}
		}
		if len(toEnable) == 0 {
			return nil, partnerError(http.StatusBadRequest, "CUSTOMER_ALREADY_ENABLED", "the end customer is already enabled")
		}
		c.Enabled = append(c.Enabled, toEnable...)
		if err := e.saveCustomer(tx, c, false); err != nil {
			return nil, stored(err)
		}
		if err := e.registerOAuth(tx, c, e.now()); err != nil {
			return nil, stored(err)
		}
		return &client.PublicCustomerEnableResponse{ProductionSecret: c.Secrets.Production}, nil
	})
}

// partnerRemove removes an end customer not yet enabled in Production:
// gone from every read, its application name free again.
func (e *Emulator) partnerRemove(ctx context.Context, req *client.PartnerCustomerRemoveRequest) (any, *apiError) {
	return e.change(ctx, func(tx *txn) (any, *apiError) {
		c, apiErr := e.customer(tx, req.EndCustomerClientID)
		if apiErr != nil {
			return nil, apiErr
		}
		if len(c.Enabled) > 0 {
			return nil, partnerError(http.StatusBadRequest, "CUSTOMER_REMOVAL_NOT_ALLOWED",
				fmt.Sprintf("the end customer is enabled in Production (%s): it can no longer be removed", joinWords(client.Strings(c.Enabled))))
		}
		for _, table := range []string{"customer_products", "customer_requirements", "customer_institutions", "customers"} {
			if _, err := tx.exec("DELETE FROM "+table+" WHERE client_id = ?", c.ClientID); err != nil {
				return nil, stored(err)
			}
		}
		return &client.PartnerCustomerRemoveResponse{}, nil
	})
}

// publicView is a customer as the public API shows it: a customer with
// requirements due is under Plaid's review there.
func (e *Emulator) publicView(c *customer) client.PublicEndCustomer {
	status, _, _ := e.standing(c)
	if status == client.StatusMoreInformationNeeded {
		status = client.StatusUnderReview
	}
	return client.PublicEndCustomer{ClientID: c.ClientID, CompanyName: c.Request.CompanyName, Status: status}
}

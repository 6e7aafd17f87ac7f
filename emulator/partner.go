package emulator

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

func (e *Emulator) checkEnv() catalog.Env {
	// The emulator plays Sandbox: http://localhost redirect URIs are fine.
	return catalog.Env{Environment: client.Sandbox, Now: e.opts.Now()}
}

// fieldError turns the first problems of a request into INVALID_FIELD.
func fieldError(ps validate.Problems) *apiError {
	var more []string
	for _, p := range ps[1:] {
		more = append(more, p.String())
	}
	return invalidField(ps[0].Path, ps[0].Message, more...)
}

// logoError is the logo's own error codes: one is needed to copy the
// Link customization, and it must be Plaid's kind of PNG.
func logoError(customization *bool, logo string) *apiError {
	if customization != nil && *customization && logo == "" {
		return partnerError(http.StatusBadRequest, "LOGO_REQUIRED",
			"a logo is required when create_link_customization is true")
	}
	if logo != "" {
		if _, r := validate.LogoBase64(logo); !r.OK() {
			return partnerError(http.StatusBadRequest, "INVALID_LOGO",
				"the logo must be a base64-encoded PNG of 1024x1024 pixels under 4MB: it "+r.Message)
		}
	}
	return nil
}

func (e *Emulator) partnerCreate(ctx context.Context, req *client.PartnerCustomerCreateRequest) (any, *apiError) {
	if apiErr := logoError(req.CreateLinkCustomization, req.Logo); apiErr != nil {
		return nil, apiErr
	}
	ps := slices.DeleteFunc(catalog.CheckRequest(req, e.checkEnv()), func(p validate.Problem) bool { return p.Path == "logo" })
	if len(ps) > 0 {
		return nil, fieldError(ps)
	}
	return e.change(ctx, func(tx *txn) (any, *apiError) {
		c, apiErr := e.createCustomer(tx, req, nil)
		if apiErr != nil {
			return nil, apiErr
		}
		return &client.PartnerCustomerCreateResponse{
			EndCustomer: client.PartnerEndCustomerWithSecrets{PartnerEndCustomer: e.view(c), Secrets: c.Secrets},
		}, nil
	})
}

// createCustomer stores a new end customer (public holds what only the
// public create sends), its application name unique across Plaid.
func (e *Emulator) createCustomer(tx *txn, req *client.PartnerCustomerCreateRequest, public *publicFields) (*customer, *apiError) {
	id, taken, err := appNameOwner(tx, req.ApplicationName)
	if err != nil {
		return nil, stored(err)
	}
	if id != "" {
		return nil, partnerError(http.StatusBadRequest, "CUSTOMER_ALREADY_CREATED",
			fmt.Sprintf("the application name %q is taken by %q (end customer %s); application names are unique across Plaid",
				req.ApplicationName, taken, id))
	}
	c := &customer{
		ClientID:  e.randomString(24, hexLow),
		Request:   *req,
		Public:    public,
		HasLogo:   req.Logo != "",
		CreatedAt: e.now(),
		Secrets: client.PartnerSecrets{
			Sandbox:    e.randomString(30, hexLow),
			Production: e.randomString(30, hexLow),
		},
	}
	c.Request.Logo = "" // not kept: 5 MB per customer, and never returned
	if err := e.saveCustomer(tx, c, true); err != nil {
		return nil, stored(err)
	}
	return c, nil
}

// customer reads an end customer, answering Plaid's error for an unknown
// one.
func (e *Emulator) customer(tx *txn, id string) (*customer, *apiError) {
	c, err := loadCustomer(tx, id)
	switch {
	case errors.Is(err, errNoCustomer):
		return nil, partnerError(http.StatusNotFound, "CUSTOMER_NOT_FOUND",
			fmt.Sprintf("no end customer with client_id %q", id))
	case err != nil:
		return nil, stored(err)
	}
	return c, nil
}

func (e *Emulator) partnerGet(ctx context.Context, req *client.PartnerCustomerGetRequest) (any, *apiError) {
	return e.look(ctx, func(tx *txn) (any, *apiError) {
		c, apiErr := e.customer(tx, req.EndCustomerClientID)
		if apiErr != nil {
			return nil, apiErr
		}
		return &client.PartnerCustomerGetResponse{EndCustomer: e.view(c)}, nil
	})
}

func (e *Emulator) partnerUpdate(ctx context.Context, req *client.PartnerCustomerUpdateRequest) (any, *apiError) {
	if ps := catalog.CheckRequest(req, e.checkEnv()); len(ps) > 0 {
		return nil, fieldError(ps)
	}
	return e.change(ctx, func(tx *txn) (any, *apiError) {
		c, apiErr := e.customer(tx, req.EndCustomerClientID)
		if apiErr != nil {
			return nil, apiErr
		}
		r := &c.Request
		if req.LegalEntityName != "" {
			r.LegalEntityName = req.LegalEntityName
		}
		if len(req.RedirectURIs) > 0 {
			r.RedirectURIs = req.RedirectURIs
		}
		if req.BankAddendumAcceptance != (client.BankAddendumAcceptance{}) {
			r.BankAddendumAcceptance = req.BankAddendumAcceptance
		}
		if q := req.Questionnaires.CRA; len(q.Purposes) > 0 || q.IsThirdPartyInvolved != nil || q.IsTechnicalServiceProviderInvolved != nil {
			r.Questionnaires = req.Questionnaires
		}
		if err := e.saveCustomer(tx, c, false); err != nil {
			return nil, stored(err)
		}
		return &client.PartnerCustomerUpdateResponse{EndCustomer: e.view(c)}, nil
	})
}

func (e *Emulator) partnerEnable(ctx context.Context, req *client.PartnerCustomerEnableRequest) (any, *apiError) {
	if ps := catalog.CheckRequest(req, e.checkEnv()); len(ps) > 0 {
		return nil, fieldError(ps)
	}
	return e.change(ctx, func(tx *txn) (any, *apiError) {
		c, apiErr := e.customer(tx, req.EndCustomerClientID)
		if apiErr != nil {
			return nil, apiErr
		}
		owned := e.products(c)
		wanted := req.Products
		if len(wanted) == 0 {
			wanted = owned
		}
		for i, p := range wanted {
			if !slices.Contains(owned, p) {
				return nil, invalidField(fmt.Sprintf("products[%d]", i), fmt.Sprintf("%s is not one of this end customer's products (%s)", p, joinWords(client.Strings(owned))))
			}
		}
		_, statuses, due := e.standing(c)
		var notReady, toEnable []string
		for _, p := range wanted {
			switch statuses[string(p)] {
			case string(client.StatusMoreInformationNeeded):
				notReady = append(notReady, string(p))
			case string(client.StatusPendingEnablement):
				toEnable = append(toEnable, string(p))
			}
		}
		switch {
		case len(notReady) > 0:
			return nil, partnerError(http.StatusPreconditionFailed, "CUSTOMER_NOT_READY_FOR_ENABLEMENT",
				fmt.Sprintf("the end customer is not ready for enablement: %s still need %s", joinWords(notReady), joinWords(client.Strings(due))))
		case len(toEnable) == 0:
			return nil, partnerError(http.StatusBadRequest, "CUSTOMER_ALREADY_ENABLED",
				"the end customer is already enabled for "+joinWords(client.Strings(wanted)))
		}
		for _, p := range toEnable {
			c.Enabled = append(c.Enabled, client.Product(p))
		}
		if err := e.saveCustomer(tx, c, false); err != nil {
			return nil, stored(err)
		}
		if err := e.registerOAuth(tx, c, e.now()); err != nil {
			return nil, stored(err)
		}
		status, statuses, _ := e.standing(c)
		return &client.PartnerCustomerEnableResponse{
			EndCustomerClientID: c.ClientID, Status: status, ProductStatuses: statuses,
			ProductionSecret: c.Secrets.Production,
		}, nil
	})
}

func joinWords(words []string) string { return strings.Join(words, ", ") }

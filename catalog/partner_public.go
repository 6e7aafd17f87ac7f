package catalog

import (
	"sync"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// The public partner API (FACTS.md §2, §4): the beta create's fields where
// the two share them, with the same rules, and the few only it has.

// PublicCustomerCreate is the catalogue of /partner/customer/create.
var PublicCustomerCreate = sync.OnceValue(func() *Catalog {
	fields := append(derive[client.PublicCustomerCreateRequest](partnerCreateFields()),
		&Field{Path: "is_bank_addendum_completed", Label: "Has the bank addendum been forwarded to the customer?",
			Short: "Bank addendum completed", Kind: YesNo},
		&Field{Path: "assets_under_management.amount", Label: "Assets under management",
			Help: "Needed when your team has a monthly service commitment"},
		&Field{Path: "assets_under_management.iso_currency_code", Label: "Currency of the assets", Placeholder: "USD",
			CharLimit: 3, Rule: Check(validate.CurrencyCode)},
		&Field{Path: "registration_number", Label: "Registration number",
			Help: "FDIC certificate number for banks, charter number for credit unions", CharLimit: 64, Rule: Check(validate.CompanyText)},
	)
	return newCatalog[client.PublicCustomerCreateRequest]("create a partner end customer (public API)",
		client.PathPublicCustomerCreate, nil, partnerRules, fields)
})

// PublicCustomerGet is the catalogue of /partner/customer/get.
var PublicCustomerGet = sync.OnceValue(func() *Catalog {
	return newCatalog[client.PublicCustomerGetRequest]("get a partner end customer (public API)",
		client.PathPublicCustomerGet, nil, nil, []*Field{clientIDField()})
})

// PublicCustomerEnable is the catalogue of /partner/customer/enable.
var PublicCustomerEnable = sync.OnceValue(func() *Catalog {
	return newCatalog[client.PublicCustomerEnableRequest]("enable a partner end customer in full Production (public API)",
		client.PathPublicCustomerEnable, nil, nil, []*Field{clientIDField()})
})

// PartnerRemove is the catalogue of /partner/customer/remove.
var PartnerRemove = sync.OnceValue(func() *Catalog {
	return newCatalog[client.PartnerCustomerRemoveRequest]("remove a partner end customer",
		client.PathPartnerCustomerRemove, nil, nil, []*Field{clientIDField()})
})

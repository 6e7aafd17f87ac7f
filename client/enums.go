package client

import (
	"slices"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/validate"
)

// The enum types are plain strings: Plaid adds values without a version
// bump, and an unknown value must decode, not fail.

// Strings is the wire values of enum values, for messages, flag
// completions and the schema's key lists.
func Strings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// Product is a value of the Products enum.
type Product string

// Products lists every value of the Products enum in spec 2020-09-14_1.697.4.
var Products = []Product{
	"assets", "auth", "balance", "balance_plus", "beacon", "identity", "identity_match",
	"investments", "investments_auth", "liabilities", "payment_initiation",
	"identity_verification", "transactions", "credit_details", "income",
	"income_verification", "standing_orders", "transfer", "employment",
	"recurring_transactions", "transactions_refresh", "signal", "statements",
	"processor_payments", "processor_identity", "profile", "cra_base_report",
	"cra_income_insights", "cra_partner_insights", "cra_network_insights",
	"cra_cashflow_insights", "cra_monitoring", "cra_lend_score", "cra_plaid_credit_score",
	"layer", "pay_by_bank", "protect_linked_bank", "protect_transactions",
}

// NewerProducts are values Plaid added to Products after the spec copy
// (FACTS.md §13: Plaid's Node SDK 47.0.0 has them). Plaid adds enum values
// without a new API version, so they are accepted like the others.
var NewerProducts = []Product{"cra_home_lending", "cra_qualify"}

// AllProducts are Products and NewerProducts.
func AllProducts() []Product { return slices.Concat(Products, NewerProducts) }

// PartnerProducts are the 13 products Plaid's docs show as valid for
// partners (x-override-enum-values-shown on /partner/customer/create); the
// forms list these first and the rest under "more".
var PartnerProducts = []Product{
	"assets", "auth", "balance", "identity", "income_verification", "investments",
	"investments_auth", "liabilities", "transactions", "employment",
	"cra_base_report", "cra_income_insights", "cra_partner_insights",
}

// IsCRA reports whether a product is a consumer report product, which needs
// the CRA questionnaire and the bank addendum.
func (p Product) IsCRA() bool { return strings.HasPrefix(string(p), "cra_") }

// KnownProduct reports whether p is in the Products enum, or newer.
func KnownProduct(p Product) bool { return slices.Contains(AllProducts(), p) }

// CRAPurpose is a permissible purpose: a property name of
// PartnerEndCustomerCRAPurposes.
type CRAPurpose string

// CRAPurposes lists the permissible purposes in the spec's order.
var CRAPurposes = []CRAPurpose{
	"WRITTEN_INSTRUCTION", "EXTENSION_OF_CREDIT_OR_ACCOUNT_REVIEW", "EMPLOYMENT",
	"INSURANCE_UNDERWRITING", "LICENSE_ELIGIBILITY", "RISK_ASSESSMENT",
	"BUSINESS_NEED_TRANSACTION", "BUSINESS_NEED_ACCOUNT_REVIEW",
}

// CRAUseCase is a value of PartnerEndCustomerCRAUseCase.
type CRAUseCase string

// CRAUseCaseValues lists the use cases; the spec does not say which go with
// which purpose, so every purpose offers all of them.
var CRAUseCaseValues = []CRAUseCase{
	"CREDIT_UNDERWRITING", "TENANT_SCREENING", "INVESTOR_OR_SERVICER_OF_CREDIT",
	"UTILITIES", "BANK_ACCOUNT_OPENING", "IDENTITY_VERIFICATION_FRAUD_PREVENTION",
	"COLLECTIONS_DEBT_RECOVERY",
}

// RequirementDue is a value of PartnerEndCustomerRequirementDue.
type RequirementDue string

// The requirements Plaid can list as still due.
const (
	RequirementLegalEntityName        RequirementDue = "legal_entity_name"
	RequirementWebsite                RequirementDue = "website"
	RequirementApplicationName        RequirementDue = "application_name"
	RequirementIsDiligenceAttested    RequirementDue = "is_diligence_attested"
	RequirementTechnicalContact       RequirementDue = "technical_contact"
	RequirementBillingContact         RequirementDue = "billing_contact"
	RequirementAddress                RequirementDue = "address"
	RequirementBankAddendumAcceptance RequirementDue = "bank_addendum_acceptance"
	RequirementCRAQuestionnaire       RequirementDue = "questionnaires.cra"
)

// RequirementsDue lists the enum in the spec's order.
var RequirementsDue = []RequirementDue{
	RequirementLegalEntityName, RequirementWebsite, RequirementApplicationName,
	RequirementIsDiligenceAttested, RequirementTechnicalContact, RequirementBillingContact,
	RequirementAddress, RequirementBankAddendumAcceptance, RequirementCRAQuestionnaire,
}

// PartnerEndCustomerStatus is a value of PartnerEndCustomerStatus.
type PartnerEndCustomerStatus string

// The end customer statuses.
const (
	StatusUnderReview           PartnerEndCustomerStatus = "UNDER_REVIEW"
	StatusPendingEnablement     PartnerEndCustomerStatus = "PENDING_ENABLEMENT"
	StatusActive                PartnerEndCustomerStatus = "ACTIVE"
	StatusDenied                PartnerEndCustomerStatus = "DENIED"
	StatusMoreInformationNeeded PartnerEndCustomerStatus = "MORE_INFORMATION_NEEDED"
)

// PartnerEndCustomerStatuses lists the enum in the spec's order.
var PartnerEndCustomerStatuses = []PartnerEndCustomerStatus{
	StatusUnderReview, StatusPendingEnablement, StatusActive, StatusDenied, StatusMoreInformationNeeded,
}

// BeaconUserStatus is a value of BeaconUserStatus.
type BeaconUserStatus string

// The screening outcomes.
const (
	BeaconRejected      BeaconUserStatus = "rejected"
	BeaconPendingReview BeaconUserStatus = "pending_review"
	BeaconCleared       BeaconUserStatus = "cleared"
)

// BeaconUserStatuses lists the enum in the spec's order.
var BeaconUserStatuses = []BeaconUserStatus{BeaconRejected, BeaconPendingReview, BeaconCleared}

// BeaconAuditTrailSource is a value of BeaconAuditTrailSource.
type BeaconAuditTrailSource string

// The audit trail sources.
const (
	AuditDashboard  BeaconAuditTrailSource = "dashboard"
	AuditAPI        BeaconAuditTrailSource = "api"
	AuditSystem     BeaconAuditTrailSource = "system"
	AuditBulkImport BeaconAuditTrailSource = "bulk_import"
)

// BeaconAuditTrailSources lists the enum in the spec's order.
var BeaconAuditTrailSources = []BeaconAuditTrailSource{AuditDashboard, AuditAPI, AuditSystem, AuditBulkImport}

// BeaconReportType is a value of BeaconReportCreateType / BeaconReportType.
type BeaconReportType string

// BeaconReportTypes lists every value; data_breach is in the enum but not
// shown in Plaid's docs for creation.
var BeaconReportTypes = []BeaconReportType{"first_party", "stolen", "synthetic", "account_takeover", "data_breach", "unknown"}

// BeaconReportTypesShown are the values Plaid's docs offer when creating.
var BeaconReportTypesShown = []BeaconReportType{"first_party", "stolen", "synthetic", "account_takeover", "unknown"}

// IDNumberType is a value of IDNumberType.
type IDNumberType string

// IDNumberTypes lists the enum; the list and each type's rule live in
// validate, so there is one table.
func IDNumberTypes() []IDNumberType {
	all := validate.IDTypes()
	out := make([]IDNumberType, len(all))
	for i, t := range all {
		out[i] = IDNumberType(t.Type)
	}
	return out
}

// FraudCurrencies lists ISOCurrencyCode: only USD.
var FraudCurrencies = []string{"USD"}

package client

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/plaid-onboard/plaid-onboard/internal/spectest"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// properties merges a schema's own properties with those of its allOf parts.
func properties(s *openapi3.Schema) (props map[string]*openapi3.SchemaRef, required []string) {
	props = map[string]*openapi3.SchemaRef{}
	for k, v := range s.Properties {
		props[k] = v
	}
	required = append(required, s.Required...)
	for _, part := range s.AllOf {
		p, r := properties(part.Value)
		for k, v := range p {
			props[k] = v
		}
		required = append(required, r...)
	}
	return props, required
}

// jsonFields lists a struct's JSON names and those tagged required.
func jsonFields(t reflect.Type) (names, required []string) {
	for _, f := range schemaOf(t).fields {
		names = append(names, f.name)
		if f.required {
			required = append(required, f.name)
		}
	}
	return names, required
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	sort.Strings(out)
	return out
}

// TestTypesMatchSpec holds every wire type to its schema: the same JSON
// names and the same required fields (a response missing one is refused). Credentials are left
// out of request bodies by design (they travel in headers).
func TestTypesMatchSpec(t *testing.T) {
	spec := spectest.Load(t)
	cases := []struct {
		typ     any
		schemas []string
		request bool
	}{
		{PartnerCustomerCreateRequest{}, []string{"BetaPartnerCustomerV1CreateRequest"}, true},
		{PartnerContact{}, []string{"PartnerEndCustomerTechnicalContact", "PartnerEndCustomerBillingContact"}, true},
		{CustomerSupportInfo{}, []string{"PartnerEndCustomerCustomerSupportInfo"}, true},
		{PartnerAddress{}, []string{"PartnerEndCustomerAddress"}, true},
		{BankAddendumAcceptance{}, []string{"PartnerEndCustomerBankAddendumAcceptance"}, true},
		{PartnerQuestionnaires{}, []string{"PartnerEndCustomerQuestionnaires"}, true},
		{CRAQuestionnaire{}, []string{"PartnerEndCustomerCRAQuestionnaire"}, true},
		{CRAUseCases{}, []string{"PartnerEndCustomerCRAUseCases"}, true},
		{PartnerCustomerGetRequest{}, []string{"BetaPartnerCustomerV1GetRequest"}, true},
		{PartnerCustomerUpdateRequest{}, []string{"BetaPartnerCustomerV1UpdateRequest"}, true},
		{PartnerCustomerEnableRequest{}, []string{"BetaPartnerCustomerV1EnableRequest"}, true},
		{PartnerEndCustomer{}, []string{"BetaPartnerEndCustomer"}, false},
		{PartnerEndCustomerWithSecrets{}, []string{"BetaPartnerEndCustomerWithSecrets"}, false},
		{PartnerSecrets{}, []string{"PartnerEndCustomerSecrets"}, false},
		{PartnerCustomerCreateResponse{}, []string{"BetaPartnerCustomerV1CreateResponse"}, false},
		{PartnerCustomerGetResponse{}, []string{"BetaPartnerCustomerV1GetResponse"}, false},
		{PartnerCustomerUpdateResponse{}, []string{"BetaPartnerCustomerV1UpdateResponse"}, false},
		{PartnerCustomerEnableResponse{}, []string{"BetaPartnerCustomerV1EnableResponse"}, false},
		{BeaconUserCreateRequest{}, []string{"BeaconUserCreateRequest"}, true},
		{BeaconUserRequestData{}, []string{"BeaconUserRequestData"}, true},
		{BeaconUserName{}, []string{"BeaconUserName", "BeaconUserNameNullable"}, true},
		{BeaconUserRequestAddress{}, []string{"BeaconUserRequestAddress", "BeaconUserRequestAddressNullable"}, true},
		{BeaconUserIDNumber{}, []string{"BeaconUserIDNumber"}, true},
		{BeaconUserRequestDepositoryAccount{}, []string{"BeaconUserRequestDepositoryAccount"}, true},
		{BeaconUserGetRequest{}, []string{"BeaconUserGetRequest"}, true},
		{BeaconUserReviewRequest{}, []string{"BeaconUserReviewRequest"}, true},
		{BeaconUserUpdateRequest{}, []string{"BeaconUserUpdateRequest"}, true},
		{BeaconUserUpdateRequestData{}, []string{"BeaconUserUpdateRequestData"}, true},
		{BeaconUser{}, []string{"BeaconUserCreateResponse", "BeaconUserGetResponse", "BeaconUserUpdateResponse"}, false},
		{BeaconUserData{}, []string{"BeaconUserData"}, false},
		{BeaconUserAddress{}, []string{"BeaconUserAddress"}, false},
		{BeaconUserDepositoryAccount{}, []string{"BeaconUserDepositoryAccount"}, false},
		{BeaconAuditTrail{}, []string{"BeaconAuditTrail"}, false},
		{BeaconReportCreateRequest{}, []string{"BeaconReportCreateRequest"}, true},
		{FraudAmount{}, []string{"FraudAmount"}, true},
		{BeaconReport{}, []string{"BeaconReportCreateResponse"}, false},
		{BeaconReportRecord{}, []string{"BeaconReport"}, false},
		{BeaconReport{}, []string{"BeaconReportGetResponse"}, false},
		{BeaconUserRecord{}, []string{"BeaconUser"}, false},
		{BeaconUserHistoryListRequest{}, []string{"BeaconUserHistoryListRequest"}, true},
		{BeaconUserHistoryListResponse{}, []string{"BeaconUserHistoryListResponse"}, false},
		{BeaconReportListRequest{}, []string{"BeaconReportListRequest"}, true},
		{BeaconReportListResponse{}, []string{"BeaconReportListResponse"}, false},
		{BeaconReportGetRequest{}, []string{"BeaconReportGetRequest"}, true},
		{BeaconReportSyndicationListRequest{}, []string{"BeaconReportSyndicationListRequest"}, true},
		{BeaconReportSyndicationListResponse{}, []string{"BeaconReportSyndicationListResponse"}, false},
		{BeaconReportSyndicationGetRequest{}, []string{"BeaconReportSyndicationGetRequest"}, true},
		{BeaconReportSyndicationGetResponse{}, []string{"BeaconReportSyndicationGetResponse"}, false},
		{BeaconReportSyndication{}, []string{"BeaconReportSyndication"}, false},
		{BeaconReportSyndicationOriginalReport{}, []string{"BeaconReportSyndicationOriginalReport"}, false},
		{BeaconReportSyndicationAnalysis{}, []string{"BeaconReportSyndicationAnalysis"}, false},
		{BeaconMatchSummaryAnalysis{}, []string{"BeaconMatchSummaryAnalysis"}, false},
		{BeaconDuplicateGetRequest{}, []string{"BeaconDuplicateGetRequest"}, true},
		{BeaconDuplicate{}, []string{"BeaconDuplicateGetResponse"}, false},
		{BeaconUserRevision{}, []string{"BeaconUserRevision"}, false},
		{BeaconUserAccountInsightsGetRequest{}, []string{"BeaconUserAccountInsightsGetRequest"}, true},
		{BeaconUserAccountInsightsGetResponse{}, []string{"BeaconUserAccountInsightsGetResponse"}, false},
		{BeaconBankAccounts{}, []string{"BeaconBankAccounts"}, false},
		{BeaconBankAccountInsights{}, []string{"BeaconBankAccountInsights"}, false},
		{BeaconAccountRiskAttributes{}, []string{"BeaconAccountRiskAttributes"}, false},
		{PartnerCustomerOAuthInstitutionsGetRequest{}, []string{"PartnerCustomerOAuthInstitutionsGetRequest"}, true},
		{PartnerCustomerOAuthInstitutionsGetResponse{}, []string{"PartnerCustomerOAuthInstitutionsGetResponse"}, false},
		{PartnerOAuthInstitution{}, []string{"PartnerEndCustomerOAuthInstitution"}, false},
		{PartnerOAuthEnvironments{}, []string{"PartnerEndCustomerOAuthInstitutionEnvironments"}, false},
		{WebhookVerificationKeyGetRequest{}, []string{"WebhookVerificationKeyGetRequest"}, true},
		{WebhookVerificationKeyGetResponse{}, []string{"WebhookVerificationKeyGetResponse"}, false},
		{JWKPublicKey{}, []string{"JWKPublicKey"}, false},
		{Error{}, []string{"PlaidError"}, false},
		{PublicCustomerCreateRequest{}, []string{"PartnerCustomerCreateRequest"}, true},
		{AssetsUnderManagement{}, []string{"PartnerEndCustomerAssetsUnderManagement"}, true},
		{PublicCustomerCreateResponse{}, []string{"PartnerCustomerCreateResponse"}, false},
		{PublicEndCustomer{}, []string{"PartnerEndCustomer"}, false},
		{PublicEndCustomerWithSecrets{}, []string{"PartnerEndCustomerWithSecrets"}, false},
		{PublicCustomerGetRequest{}, []string{"PartnerCustomerGetRequest"}, true},
		{PublicCustomerGetResponse{}, []string{"PartnerCustomerGetResponse"}, false},
		{PublicCustomerEnableRequest{}, []string{"PartnerCustomerEnableRequest"}, true},
		{PublicCustomerEnableResponse{}, []string{"PartnerCustomerEnableResponse"}, false},
		{PartnerCustomerRemoveRequest{}, []string{"PartnerCustomerRemoveRequest"}, true},
		{PartnerCustomerRemoveResponse{}, []string{"PartnerCustomerRemoveResponse"}, false},
	}
	for _, c := range cases {
		typ := reflect.TypeOf(c.typ)
		for _, name := range c.schemas {
			t.Run(typ.Name()+"="+name, func(t *testing.T) {
				props, required := properties(spec.Schema(t, name))
				var want []string
				for k := range props {
					if c.request && (k == "client_id" || k == "secret") {
						continue
					}
					// Fields only ever set for other products' errors.
					if name == "PlaidError" && (k == "status" || k == "required_account_subtypes" || k == "provided_account_subtypes") {
						continue
					}
					want = append(want, k)
				}
				// Open where the spec is: unknown keys are accepted there.
				schema := spec.Schema(t, name)
				specOpen := schema.AdditionalProperties.Has != nil && *schema.AdditionalProperties.Has
				if goOpen := schemaOf(typ).open; goOpen != specOpen {
					t.Errorf("open (additionalProperties: true): Go %v, spec %v — embed client.Open where the spec is open", goOpen, specOpen)
				}
				got, gotRequired := jsonFields(typ)
				if name == "PlaidError" {
					got = slices.DeleteFunc(got, func(s string) bool { return s == "-" })
				}
				if !slices.Equal(sorted(got), sorted(want)) {
					t.Errorf("fields differ:\n Go:   %s\n spec: %s", strings.Join(sorted(got), " "), strings.Join(sorted(want), " "))
				}
				if name == "PlaidError" {
					return // its required fields are checked where errors are read
				}
				if !slices.Equal(sorted(gotRequired), sorted(required)) {
					t.Errorf("required fields differ: Go %v, spec %v", sorted(gotRequired), sorted(required))
				}
			})
		}
	}
}

func enumOf(t *testing.T, spec *spectest.Spec, name string) []string {
	var out []string
	for _, v := range spec.Schema(t, name).Enum {
		out = append(out, v.(string))
	}
	return out
}

func TestEnumsMatchSpec(t *testing.T) {
	spec := spectest.Load(t)
	ids := make([]string, 0)
	for _, v := range IDNumberTypes() {
		if !slices.Contains(validate.NewerIDTypes(), string(v)) {
			ids = append(ids, string(v))
		}
	}
	// The newer values are newer: once the spec copy has them, they move.
	for _, v := range append(Strings(NewerProducts), validate.NewerIDTypes()...) {
		if slices.Contains(enumOf(t, spec, "Products"), v) || slices.Contains(enumOf(t, spec, "IDNumberType"), v) {
			t.Errorf("%s is in the spec copy now: move it out of the newer values", v)
		}
	}
	purposes, _ := properties(spec.Schema(t, "PartnerEndCustomerCRAPurposes"))
	var purposeNames []string
	for k := range purposes {
		purposeNames = append(purposeNames, k)
	}
	cases := []struct {
		name string
		got  []string
		want []string
	}{
		{"Products", Strings(Products), enumOf(t, spec, "Products")},
		{"PartnerEndCustomerCRAUseCase", Strings(CRAUseCaseValues), enumOf(t, spec, "PartnerEndCustomerCRAUseCase")},
		{"PartnerEndCustomerCRAPurposes", Strings(CRAPurposes), purposeNames},
		{"PartnerEndCustomerRequirementDue", Strings(RequirementsDue), enumOf(t, spec, "PartnerEndCustomerRequirementDue")},
		{"PartnerEndCustomerOAuthInstitutionApplicationStatus", Strings(OAuthStatuses), enumOf(t, spec, "PartnerEndCustomerOAuthInstitutionApplicationStatus")},
		{"PartnerEndCustomerStatus", Strings(PartnerEndCustomerStatuses), enumOf(t, spec, "PartnerEndCustomerStatus")},
		{"BeaconUserStatus", Strings(BeaconUserStatuses), enumOf(t, spec, "BeaconUserStatus")},
		{"BeaconAuditTrailSource", Strings(BeaconAuditTrailSources), enumOf(t, spec, "BeaconAuditTrailSource")},
		{"BeaconMatchSummaryCode", Strings(BeaconMatchCodes), enumOf(t, spec, "BeaconMatchSummaryCode")},
		{"BeaconReportCreateType", Strings(BeaconReportTypes), enumOf(t, spec, "BeaconReportCreateType")},
		{"IDNumberType", ids, enumOf(t, spec, "IDNumberType")},
		{"ISOCurrencyCode", FraudCurrencies, enumOf(t, spec, "ISOCurrencyCode")},
	}
	for _, c := range cases {
		if !slices.Equal(sorted(c.got), sorted(c.want)) {
			t.Errorf("%s differs:\n Go:   %v\n spec: %v", c.name, sorted(c.got), sorted(c.want))
		}
	}
	// The 13 products shown to partners, from the spec's override list.
	props, _ := properties(spec.Schema(t, "PartnerCustomerCreateRequest"))
	shown := props["products"].Value.Extensions["x-override-enum-values-shown"]
	var want []string
	for _, v := range shown.([]any) {
		want = append(want, v.(string))
	}
	if !slices.Equal(Strings(PartnerProducts), want) {
		t.Errorf("PartnerProducts = %v, spec shows %v", PartnerProducts, want)
	}
}

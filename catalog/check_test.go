package catalog_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

var opt = catalog.Env{Environment: client.Sandbox, Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}

func paths(ps validate.Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Path)
	}
	return out
}

func TestSamplesPass(t *testing.T) {
	for name, ps := range map[string]validate.Problems{
		"partner full":    catalog.CheckRequest(samples.PartnerCreate(), opt),
		"partner minimal": catalog.CheckRequest(samples.PartnerMinimal(), opt),
		"beacon full":     catalog.CheckRequest(samples.BeaconCreate(), opt),
		"beacon minimal":  catalog.CheckRequest(samples.BeaconMinimal(), opt),
	} {
		if len(ps) > 0 {
			t.Errorf("%s: %v", name, ps)
		}
	}
}

func TestPartnerCheckListsEveryProblem(t *testing.T) {
	r := samples.PartnerCreate()
	r.CompanyName = ""
	r.Website = "plaid"
	r.Address.CountryCode = "US"
	r.Address.Region = "US-IN"
	r.Address.PostalCode = "4600"
	r.CustomerSupportInfo.Email = ""
	r.CustomerSupportInfo.PhoneNumber = "(415) 555-0100"
	r.TechnicalContact = client.PartnerContact{GivenName: "Ann"}
	r.Products = append(r.Products, "auth", "not_a_product")
	r.Logo = ""
	r.RedirectURIs = []string{"https://example.com/a?b=c", "https://example.com/a?b=c"}
	r.BankAddendumAcceptance.CustomerIPAddress = ""
	r.Questionnaires.CRA.Purposes["EMPLOYMENT"] = client.CRAUseCases{}
	got := paths(catalog.CheckRequest(r, opt))
	want := []string{
		"company_name", "website", "address.region", "address.postal_code",
		"customer_support_info.email",
		"technical_contact.family_name", "technical_contact.email",
		"products[3]", "products[4]", "logo",
		"redirect_uris[0]", "redirect_uris[1]", "redirect_uris[1]",
		"bank_addendum_acceptance.customer_ip_address",
		"questionnaires.cra.purposes.EMPLOYMENT.use_cases",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n got  %v\n want %v", got, want)
	}
	// The support phone is a suggestion (Plaid gives it no format), with
	// the fix from the address country.
	advice := catalog.For(r).Advice(r, opt)
	i := slices.IndexFunc(advice, func(p validate.Problem) bool { return p.Path == "customer_support_info.phone_number" })
	if i < 0 || advice[i].Fix != "+14155550100" {
		t.Errorf("support phone advice: %+v", advice)
	}
}

func TestPartnerRedirectURIsHTTPSInProduction(t *testing.T) {
	r := samples.PartnerMinimal()
	r.RedirectURIs = []string{"http://localhost/oauth.html"}
	if ps := catalog.CheckRequest(r, opt); len(ps) != 0 {
		t.Errorf("sandbox allows http://localhost: %v", ps)
	}
	prod := opt
	prod.Environment = client.Production
	if ps := catalog.CheckRequest(r, prod); len(ps) != 1 || ps[0].Path != "redirect_uris[0]" {
		t.Errorf("production refuses http: %v", ps)
	}
}

func TestPartnerMissingRequired(t *testing.T) {
	got := paths(catalog.CheckRequest(&client.PartnerCustomerCreateRequest{}, opt))
	want := []string{"company_name", "application_name", "website", "address", "customer_support_info"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v want %v", got, want)
	}
}

func TestBeaconCheckListsEveryProblem(t *testing.T) {
	r := samples.BeaconCreate()
	r.ClientUserID = "leslie@example.com"
	r.User.DateOfBirth = "2030-01-01"
	r.User.Name.FamilyName = strings.Repeat("x", 101)
	r.User.Address.City = ""
	r.User.PhoneNumber = "+1415"
	r.User.IDNumber.Value = "123-45-6789"
	r.User.DepositoryAccounts = append(r.User.DepositoryAccounts, r.User.DepositoryAccounts[0],
		client.BeaconUserRequestDepositoryAccount{AccountNumber: "12", RoutingNumber: "021000022"})
	ps := catalog.CheckRequest(r, opt)
	got := paths(ps)
	// In the order the wizard asks them : a list's
	// items by index, each item's fields in order.
	want := []string{
		"client_user_id", "user.name.family_name", "user.date_of_birth", "user.phone_number", "user.address.city",
		"user.id_number.value", "user.depository_accounts[1]",
		"user.depository_accounts[2].routing_number", "user.depository_accounts[2].account_number",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n got  %v\n want %v", got, want)
	}
	for _, p := range ps {
		if p.Path == "user.phone_number" && p.State != validate.Incomplete {
			t.Errorf("a half-typed phone is incomplete, not invalid")
		}
	}
}

func TestBeaconNeedsBirthDateOrAccount(t *testing.T) {
	r := samples.BeaconMinimal()
	r.User.DateOfBirth = ""
	ps := catalog.CheckRequest(r, opt)
	if len(ps) != 1 || ps[0].Path != "user.date_of_birth" || !strings.Contains(ps[0].Message, "bank account") {
		t.Fatalf("got %v", ps)
	}
	r.User.DepositoryAccounts = []client.BeaconUserRequestDepositoryAccount{{AccountNumber: "1234567890", RoutingNumber: "021000021"}}
	if ps := catalog.CheckRequest(r, opt); len(ps) != 0 {
		t.Errorf("an account satisfies the rule: %v", ps)
	}
}

func TestBeaconAccountLimit(t *testing.T) {
	r := samples.BeaconMinimal()
	for i := range 51 {
		r.AccessTokens = append(r.AccessTokens, "access-sandbox-"+strings.Repeat("a", i+1))
	}
	if got := paths(catalog.CheckRequest(r, opt)); !slices.Equal(got, []string{"access_tokens"}) {
		t.Errorf("got %v", got)
	}
	u := &client.BeaconUserUpdateRequest{BeaconUserID: "becusr_1", AccessTokens: []string{"access-sandbox-x"}}
	if got := paths(catalog.CheckBeaconUpdate(u, opt, 50)); !slices.Equal(got, []string{"access_tokens"}) {
		t.Errorf("update over the limit: %v", got)
	}
	if got := paths(catalog.CheckBeaconUpdate(&client.BeaconUserUpdateRequest{BeaconUserID: "becusr_1"}, opt, 0)); !slices.Equal(got, []string{"user"}) {
		t.Errorf("empty update: %v", got)
	}
}

func TestSmallerRequests(t *testing.T) {
	cases := map[string]validate.Problems{
		"review bad status": catalog.CheckRequest(&client.BeaconUserReviewRequest{BeaconUserID: "b", Status: "approved"}, opt),
		"report future":     catalog.CheckRequest(&client.BeaconReportCreateRequest{BeaconUserID: "b", Type: "stolen", FraudDate: "2027-01-01"}, opt),
		"report euro": catalog.CheckRequest(&client.BeaconReportCreateRequest{BeaconUserID: "b", Type: "stolen", FraudDate: "2026-01-01",
			FraudAmount: &client.FraudAmount{ISOCurrencyCode: "EUR", Value: 1.005}}, opt),
		"enable unknown product": catalog.CheckRequest(&client.PartnerCustomerEnableRequest{EndCustomerClientID: "c", Products: []client.Product{"x"}}, opt),
		"get empty":              catalog.CheckRequest(&client.PartnerCustomerGetRequest{}, opt),
		"update nothing":         catalog.CheckRequest(&client.PartnerCustomerUpdateRequest{EndCustomerClientID: "c"}, opt),
	}
	want := map[string][]string{
		"review bad status":      {"status"},
		"report future":          {"fraud_date"},
		"report euro":            {"fraud_amount.iso_currency_code", "fraud_amount.value"},
		"enable unknown product": {"products[0]"},
		"get empty":              {"end_customer_client_id"},
		"update nothing":         {"end_customer_client_id"},
	}
	for name, ps := range cases {
		if got := paths(ps); !slices.Equal(got, want[name]) {
			t.Errorf("%s: got %v want %v", name, got, want[name])
		}
	}
}

func TestZeroAmountIsAValue(t *testing.T) {
	r := &client.BeaconReportCreateRequest{BeaconUserID: "b", Type: "stolen", FraudDate: "2026-01-01",
		FraudAmount: &client.FraudAmount{ISOCurrencyCode: "USD", Value: 0}}
	if ps := catalog.CheckRequest(r, opt); len(ps) != 0 {
		t.Errorf("a fraud amount of 0 (nothing lost) is valid: %v", ps)
	}
}

// The 50-account limit names the list that breaks it: 51 bank accounts are
// the bank accounts' problem, not the access tokens'.
func TestAccountLimitNamesTheRightList(t *testing.T) {
	r := samples.BeaconMinimal()
	for i := range 51 {
		r.User.DepositoryAccounts = append(r.User.DepositoryAccounts,
			client.BeaconUserRequestDepositoryAccount{RoutingNumber: "021000021", AccountNumber: fmt.Sprintf("1000%04d", i)})
	}
	if got := paths(catalog.CheckRequest(r, opt)); !slices.Equal(got, []string{"user.depository_accounts"}) {
		t.Errorf("51 bank accounts: %v", got)
	}
	r.User.DepositoryAccounts = r.User.DepositoryAccounts[:49]
	r.AccessTokens = []string{"access-sandbox-a", "access-sandbox-b"}
	if got := paths(catalog.CheckRequest(r, opt)); !slices.Equal(got, []string{"access_tokens"}) {
		t.Errorf("49 accounts and 2 tokens: %v", got)
	}
}

// TestNotesWarnOfWhatUpdateCannotAdd: an answer left empty that /update
// can never add is a note before sending (issue: "Has your team completed
// diligence?" unanswered, and the review said only "Ready to send").
func TestNotesWarnOfWhatUpdateCannotAdd(t *testing.T) {
	r := samples.PartnerMinimal()
	r.IsDiligenceAttested = nil
	notes := catalog.PartnerCreate().Notes(r, opt)
	var got []string
	for _, n := range notes {
		if strings.Contains(n.Message, "cannot be added after the create") {
			got = append(got, n.Path)
		}
	}
	if !slices.Contains(got, "is_diligence_attested") || slices.Contains(got, "legal_entity_name") {
		t.Errorf("final notes on %v", got)
	}
	yes := true
	r.IsDiligenceAttested = &yes
	for _, n := range catalog.PartnerCreate().Notes(r, opt) {
		if n.Path == "is_diligence_attested" {
			t.Errorf("a note on an answered question: %v", n)
		}
	}
}

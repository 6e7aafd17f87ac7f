package client

import (
	"fmt"
	"slices"

	"github.com/plaid-onboard/plaid-onboard/validate"
)

// MaxBeaconAccounts is Plaid's limit on accounts per Beacon user. We count
// each depository account as one and each access token as at least one
// (an Item may hold several accounts; only Plaid knows how many).
const MaxBeaconAccounts = 50

// Check lists every problem of a Beacon user create request, in field
// order. An empty list means it can be sent.
func (r *BeaconUserCreateRequest) Check(opt CheckOptions) validate.Problems {
	c := newChecker(r, opt)
	c.identifier("program_id", r.ProgramID, "program id")
	c.text("client_user_id", r.ClientUserID, validate.ClientUserID)
	u := r.User
	c.beaconUser("user", u.DateOfBirth, u.Name, u.Address, u.EmailAddress, u.PhoneNumber, u.IDNumber, u.IPAddress, u.DepositoryAccounts)
	if u.DateOfBirth == "" && len(u.DepositoryAccounts) == 0 {
		c.ps.Add("user.date_of_birth", validate.Result{State: validate.Incomplete,
			Message: "a date of birth or at least one bank account is required besides the name"})
	}
	c.accessTokens("access_tokens", r.AccessTokens, len(u.DepositoryAccounts), 0)
	return c.ps
}

// Check lists every problem of a Beacon user update request. existing is
// the number of accounts the user already has, for the 50-account limit.
func (r *BeaconUserUpdateRequest) Check(opt CheckOptions, existing int) validate.Problems {
	c := newChecker(r, opt)
	c.identifier("beacon_user_id", r.BeaconUserID, "Beacon user id")
	u := r.User
	c.beaconUser("user", u.DateOfBirth, u.Name, u.Address, u.EmailAddress, u.PhoneNumber, u.IDNumber, u.IPAddress, u.DepositoryAccounts)
	c.accessTokens("access_tokens", r.AccessTokens, len(u.DepositoryAccounts), existing)
	if isZero(u) && len(r.AccessTokens) == 0 {
		c.ps.Add("user", validate.Result{State: validate.Incomplete, Message: "an update needs at least one field to change"})
	}
	return c.ps
}

func isZero(u BeaconUserUpdateRequestData) bool {
	return u.DateOfBirth == "" && u.Name == (BeaconUserName{}) && u.Address == (BeaconUserRequestAddress{}) &&
		u.EmailAddress == "" && u.PhoneNumber == "" && u.IDNumber == (BeaconUserIDNumber{}) &&
		u.IPAddress == "" && len(u.DepositoryAccounts) == 0
}

func (c *checker) beaconUser(path, dob string, name BeaconUserName, a BeaconUserRequestAddress, email, phone string,
	id BeaconUserIDNumber, ip string, accounts []BeaconUserRequestDepositoryAccount) {
	now := c.opt.now()
	c.text(path+".date_of_birth", dob, func(s string) validate.Result { return validate.DateOfBirth(s, now) })
	c.text(path+".name.given_name", name.GivenName, validate.Name)
	c.text(path+".name.family_name", name.FamilyName, validate.Name)
	cc := a.Country
	c.text(path+".address.street", a.Street, validate.Street)
	c.text(path+".address.street2", a.Street2, validate.Street2)
	c.text(path+".address.city", a.City, validate.City)
	c.text(path+".address.region", a.Region, func(s string) validate.Result { return validate.Region(cc, s) })
	c.text(path+".address.postal_code", a.PostalCode, func(s string) validate.Result { return validate.PostalCode(cc, s) })
	c.text(path+".address.country", cc, validate.CountryCode)
	c.text(path+".email_address", email, validate.Email)
	c.text(path+".phone_number", phone, func(s string) validate.Result { return validate.Phone(s, cc) })
	if id.Type != "" {
		if _, known := validate.LookupIDType(string(id.Type)); !known {
			c.ps.Addf(path+".id_number.type", "%q is not an ID number type", id.Type)
		} else {
			c.text(path+".id_number.value", id.Value, func(s string) validate.Result { return validate.IDNumber(string(id.Type), s) })
		}
	}
	c.text(path+".ip_address", ip, validate.IPAddress)
	seen := make([]string, len(accounts))
	for i, acct := range accounts {
		p := fmt.Sprintf("%s.depository_accounts[%d]", path, i)
		c.text(p+".account_number", acct.AccountNumber, validate.AccountNumber)
		c.text(p+".routing_number", acct.RoutingNumber, validate.RoutingNumber)
		seen[i] = acct.RoutingNumber + "/" + acct.AccountNumber
		if slices.Index(seen, seen[i]) < i {
			c.ps.Addf(p, "this account is listed twice")
		}
	}
}

func (c *checker) accessTokens(path string, tokens []string, depository, existing int) {
	c.items(path, tokens, func(p, t string) { c.identifier(p, t, "access token") })
	if total := existing + depository + len(tokens); total > MaxBeaconAccounts {
		c.ps.Addf(path, "a Beacon user has at most %d accounts (this would be at least %d)", MaxBeaconAccounts, total)
	}
}

// Check lists every problem of a Beacon user get request.
func (r *BeaconUserGetRequest) Check(opt CheckOptions) validate.Problems {
	c := newChecker(r, opt)
	c.identifier("beacon_user_id", r.BeaconUserID, "Beacon user id")
	return c.ps
}

// Check lists every problem of a Beacon user review request.
func (r *BeaconUserReviewRequest) Check(opt CheckOptions) validate.Problems {
	c := newChecker(r, opt)
	c.identifier("beacon_user_id", r.BeaconUserID, "Beacon user id")
	if r.Status != "" && !slices.Contains(BeaconUserStatuses, r.Status) {
		c.ps.Addf("status", "%q is not a Beacon user status (cleared, pending_review or rejected)", r.Status)
	}
	return c.ps
}

// Check lists every problem of a Beacon report create request.
func (r *BeaconReportCreateRequest) Check(opt CheckOptions) validate.Problems {
	c := newChecker(r, opt)
	now := c.opt.now()
	c.identifier("beacon_user_id", r.BeaconUserID, "Beacon user id")
	if r.Type != "" && !slices.Contains(BeaconReportTypes, r.Type) {
		c.ps.Addf("type", "%q is not a report type (first_party, stolen, synthetic, account_takeover, unknown)", r.Type)
	}
	c.text("fraud_date", r.FraudDate, func(s string) validate.Result { return validate.PastDate(s, now) })
	if a := r.FraudAmount; a != nil {
		if !slices.Contains(FraudCurrencies, a.ISOCurrencyCode) {
			c.ps.Addf("fraud_amount.iso_currency_code", "must be USD (the only currency Plaid accepts here)")
		}
		c.ps.Add("fraud_amount.value", validate.AmountValue(a.Value))
	}
	return c.ps
}

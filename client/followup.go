package client

// UpdateFor carries, from a create request, what /beta/partner/customer/
// v1/update accepts: the legal entity name, redirect URIs, the bank
// addendum acceptance and the questionnaires. The rest of an end customer
// cannot be changed after creation.
func (r *PartnerCustomerCreateRequest) UpdateFor(clientID string) *PartnerCustomerUpdateRequest {
	return &PartnerCustomerUpdateRequest{
		EndCustomerClientID:    clientID,
		LegalEntityName:        r.LegalEntityName,
		RedirectURIs:           r.RedirectURIs,
		BankAddendumAcceptance: r.BankAddendumAcceptance,
		Questionnaires:         r.Questionnaires,
	}
}

// UpdateFor re-screens a Beacon user with the answers of a create request:
// every field as a patch, and the accounts and tokens (which /update adds).
func (r *BeaconUserCreateRequest) UpdateFor(beaconUserID string) *BeaconUserUpdateRequest {
	u := r.User
	return &BeaconUserUpdateRequest{
		BeaconUserID: beaconUserID,
		User: BeaconUserUpdateRequestData{
			DateOfBirth: u.DateOfBirth, Name: u.Name, Address: u.Address, EmailAddress: u.EmailAddress,
			PhoneNumber: u.PhoneNumber, IDNumber: u.IDNumber, IPAddress: u.IPAddress, DepositoryAccounts: u.DepositoryAccounts,
		},
		AccessTokens: r.AccessTokens,
	}
}

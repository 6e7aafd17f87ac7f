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
// The two user types differ only in what the spec requires, so one
// converts to the other: a field added to both is carried with no edit
// here, and one added to one only does not compile.
func (r *BeaconUserCreateRequest) UpdateFor(beaconUserID string) *BeaconUserUpdateRequest {
	return &BeaconUserUpdateRequest{
		BeaconUserID: beaconUserID,
		User:         BeaconUserUpdateRequestData(r.User),
		AccessTokens: r.AccessTokens,
	}
}

package emulator

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

func (e *Emulator) program(id string) (Program, *apiError) {
	p, known := e.programs[id]
	if !known {
		ids := make([]string, 0, len(e.programs))
		for id := range e.programs {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		return Program{}, invalidField("program_id", fmt.Sprintf("no Beacon program %q (this emulator has %s)", id, joinWords(ids)))
	}
	return p, nil
}

func (e *Emulator) user(id string) (*beaconUser, *apiError) {
	u := e.st.Users[id]
	if u == nil {
		return nil, invalidField("beacon_user_id", fmt.Sprintf("no Beacon user %q", id))
	}
	return u, nil
}

func (e *Emulator) beaconCreate(req *client.BeaconUserCreateRequest) (any, *apiError) {
	if ps := catalog.CheckRequest(req, e.checkEnv()); len(ps) > 0 {
		return nil, fieldError(ps)
	}
	prog, apiErr := e.program(req.ProgramID)
	if apiErr != nil {
		return nil, apiErr
	}
	now := e.now()
	u := &beaconUser{
		ID:           "becusr_" + e.randomString(14, alnum),
		ProgramID:    prog.ID,
		ClientUserID: req.ClientUserID,
		Version:      1,
		CreatedAt:    now,
		UpdatedAt:    now,
		ItemIDs:      []string{},
		Reports:      []string{},
	}
	e.setPerson(u, req.User)
	e.addAccounts(u, req.User.DepositoryAccounts, req.AccessTokens)
	u.handle = uint32(len(e.st.users)) // not yet indexed: matches only others
	u.Status = e.screen(u, prog).status
	u.Audit = client.BeaconAuditTrail{Source: client.AuditAPI, Timestamp: now}
	e.st.addUser(u)
	e.st.changes++
	return e.userView(u), nil
}

// setPerson stores the person without account numbers.
func (e *Emulator) setPerson(u *beaconUser, d client.BeaconUserRequestData) {
	d.DepositoryAccounts = nil
	u.Person = d
}

// addAccounts keeps a mask, the routing number and a hash of each new
// account, and an item id per access token (the emulator has no Items, so
// the id is derived from the token).
func (e *Emulator) addAccounts(u *beaconUser, accounts []client.BeaconUserRequestDepositoryAccount, tokens []string) {
	now := e.now()
	for _, a := range accounts {
		key := accountKey(e.st.Salt, a.RoutingNumber, a.AccountNumber)
		if slices.ContainsFunc(u.Accounts, func(s storedAccount) bool { return s.Key == key }) {
			continue
		}
		u.Accounts = append(u.Accounts, storedAccount{
			Mask: validate.AccountMask(a.AccountNumber), Routing: a.RoutingNumber, Key: key, AddedAt: now,
		})
	}
	for _, t := range tokens {
		sum := sha256.Sum256([]byte(e.st.Salt + t))
		id := hex.EncodeToString(sum[:])[:24]
		if !slices.Contains(u.ItemIDs, id) {
			u.ItemIDs = append(u.ItemIDs, id)
		}
	}
}

func (e *Emulator) beaconGet(req *client.BeaconUserGetRequest) (any, *apiError) {
	u, apiErr := e.user(req.BeaconUserID)
	if apiErr != nil {
		return nil, apiErr
	}
	return e.userView(u), nil
}

// beaconReview applies Plaid's documented rules: rejected needs a report
// (the emulator has no report syndications to confirm); cleared needs no
// active report; pending_review is always allowed.
func (e *Emulator) beaconReview(req *client.BeaconUserReviewRequest) (any, *apiError) {
	if ps := catalog.CheckRequest(req, e.checkEnv()); len(ps) > 0 {
		return nil, fieldError(ps)
	}
	u, apiErr := e.user(req.BeaconUserID)
	if apiErr != nil {
		return nil, apiErr
	}
	switch req.Status {
	case client.BeaconRejected:
		if len(u.Reports) == 0 {
			return nil, invalidField("status", "a user can be rejected only once a fraud report has been created for them (/beacon/report/create) or a network report confirmed")
		}
	case client.BeaconCleared:
		if len(u.Reports) > 0 {
			return nil, invalidField("status", fmt.Sprintf("a user with an active fraud report cannot be cleared: delete the report first (%s)", joinWords(u.Reports)))
		}
	}
	u.Status = req.Status
	u.UpdatedAt = e.now()
	u.Audit = client.BeaconAuditTrail{Source: client.AuditAPI, Timestamp: u.UpdatedAt}
	e.st.changes++
	return e.userView(u), nil
}

// beaconUpdate patches the user, adds accounts, screens again and bumps the
// version.
func (e *Emulator) beaconUpdate(req *client.BeaconUserUpdateRequest) (any, *apiError) {
	u, apiErr := e.user(req.BeaconUserID)
	if apiErr != nil {
		return nil, apiErr
	}
	if ps := catalog.CheckBeaconUpdate(req, e.checkEnv(), len(u.Accounts)+len(u.ItemIDs)); len(ps) > 0 {
		return nil, fieldError(ps)
	}
	prog, apiErr := e.program(u.ProgramID)
	if apiErr != nil {
		return nil, apiErr
	}
	p, d := u.Person, req.User
	patch(&p.DateOfBirth, d.DateOfBirth)
	patch(&p.EmailAddress, d.EmailAddress)
	patch(&p.PhoneNumber, d.PhoneNumber)
	patch(&p.IPAddress, d.IPAddress)
	if d.Name != (client.BeaconUserName{}) {
		p.Name = d.Name
	}
	if d.Address != (client.BeaconUserRequestAddress{}) {
		p.Address = d.Address
	}
	if d.IDNumber != (client.BeaconUserIDNumber{}) {
		p.IDNumber = d.IDNumber
	}
	e.st.unindexUser(u)
	e.setPerson(u, p)
	e.addAccounts(u, d.DepositoryAccounts, req.AccessTokens)
	u.Version++
	u.UpdatedAt = e.now()
	u.Status = e.screen(u, prog).status
	u.Audit = client.BeaconAuditTrail{Source: client.AuditAPI, Timestamp: u.UpdatedAt}
	e.st.indexUser(u)
	e.st.changes++
	return e.userView(u), nil
}

func patch(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func (e *Emulator) reportCreate(req *client.BeaconReportCreateRequest) (any, *apiError) {
	if ps := catalog.CheckRequest(req, e.checkEnv()); len(ps) > 0 {
		return nil, fieldError(ps)
	}
	u, apiErr := e.user(req.BeaconUserID)
	if apiErr != nil {
		return nil, apiErr
	}
	now := e.now()
	r := &report{
		ID: "becrpt_" + e.randomString(14, alnum), BeaconUserID: u.ID, Type: req.Type,
		FraudDate: req.FraudDate, FraudAmount: req.FraudAmount, CreatedAt: now, Keys: u.keys(),
	}
	e.st.addReport(r)
	u.Reports = append(u.Reports, r.ID)
	e.st.changes++
	fraudDate := r.FraudDate
	return &client.BeaconReport{
		ID: r.ID, BeaconUserID: u.ID, CreatedAt: now, Type: r.Type,
		FraudDate: &fraudDate, EventDate: r.FraudDate, FraudAmount: r.FraudAmount,
		AuditTrail: client.BeaconAuditTrail{Source: client.AuditAPI, Timestamp: now},
	}, nil
}

// userView is the Beacon User object: account numbers never, masks only.
func (e *Emulator) userView(u *beaconUser) *client.BeaconUser {
	p := u.Person
	out := &client.BeaconUser{
		ItemIDs: slices.Clone(u.ItemIDs), ID: u.ID, Version: u.Version,
		CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt, Status: u.Status,
		ProgramID: u.ProgramID, ClientUserID: u.ClientUserID, AuditTrail: u.Audit,
		User: client.BeaconUserData{
			DateOfBirth:        nullable(p.DateOfBirth),
			Name:               p.Name,
			EmailAddress:       nullable(p.EmailAddress),
			PhoneNumber:        nullable(p.PhoneNumber),
			IPAddress:          nullable(p.IPAddress),
			DepositoryAccounts: []client.BeaconUserDepositoryAccount{},
		},
	}
	if a := p.Address; a.Street != "" {
		out.User.Address = &client.BeaconUserAddress{
			Street: a.Street, Street2: nullable(a.Street2), City: a.City,
			Region: nullable(a.Region), PostalCode: nullable(a.PostalCode), Country: strings.ToUpper(a.Country),
		}
	}
	if p.IDNumber.Value != "" {
		id := p.IDNumber
		out.User.IDNumber = &id
	}
	for _, a := range u.Accounts {
		out.User.DepositoryAccounts = append(out.User.DepositoryAccounts,
			client.BeaconUserDepositoryAccount{AccountMask: a.Mask, RoutingNumber: a.Routing, AddedAt: a.AddedAt})
	}
	return out
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

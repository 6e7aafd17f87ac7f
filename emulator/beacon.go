package emulator

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
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

// user reads a Beacon user, answering Plaid's envelope for an unknown id.
func (e *Emulator) user(tx *txn, id string) (*beaconUser, *apiError) {
	u, err := loadUser(tx, id)
	switch {
	case errors.Is(err, errNoUser):
		return nil, invalidField("beacon_user_id", fmt.Sprintf("no Beacon user %q", id))
	case err != nil:
		return nil, internalError("the emulator could not read Beacon user " + id + ": " + err.Error())
	}
	return u, nil
}

// stored turns a store failure into the error the API answers.
func stored(err error) *apiError {
	if err == nil {
		return nil
	}
	return internalError("the emulator's store failed: " + err.Error())
}

func (e *Emulator) beaconCreate(ctx context.Context, req *client.BeaconUserCreateRequest) (any, *apiError) {
	env := e.checkEnv()
	env.Environment = client.Local // the emulator's own needs too (catalog.EmulatorNeedsAddress)
	if ps := catalog.CheckRequest(req, env); len(ps) > 0 {
		return nil, fieldError(ps)
	}
	prog, apiErr := e.program(req.ProgramID)
	if apiErr != nil {
		return nil, apiErr
	}
	return e.change(ctx, func(tx *txn) (any, *apiError) {
		now := e.now()
		u := &beaconUser{
			ID:           "becusr_" + e.randomString(14, alnum),
			ProgramID:    prog.ID,
			ClientUserID: req.ClientUserID,
			Version:      1,
			CreatedAt:    now,
			UpdatedAt:    now,
			ItemIDs:      []string{},
		}
		e.setPerson(u, req.User)
		e.addAccounts(u, req.User.DepositoryAccounts, req.AccessTokens)
		return e.screenAndSave(tx, u, prog, nil)
	})
}

// screenAndSave screens u, saves it and records what the screening found;
// before are its match keys before this change, nil for a new user.
func (e *Emulator) screenAndSave(tx *txn, u *beaconUser, prog Program, before []matchKey) (any, *apiError) {
	v, err := e.screen(tx, u, prog)
	if err != nil {
		return nil, stored(err)
	}
	// The spec fires USER_STATUS_UPDATED when a status "has changed": a
	// new user's first status is the create's answer, not a change.
	changed := before != nil && u.Status != v.status
	u.Status = v.status
	u.Audit = client.BeaconAuditTrail{Source: client.AuditAPI, Timestamp: u.UpdatedAt}
	if err := e.saveUser(tx, u, before); err != nil {
		return nil, stored(err)
	}
	if err := e.recordFindings(tx, u, v); err != nil {
		return nil, stored(err)
	}
	if changed {
		if err := e.beaconWebhook(tx, u.ProgramID, client.Webhook{WebhookCode: client.WebhookUserStatusUpdated, BeaconUserID: u.ID}); err != nil {
			return nil, stored(err)
		}
	}
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
		key := accountKey(e.db.salt, a.RoutingNumber, a.AccountNumber)
		if slices.ContainsFunc(u.Accounts, func(s storedAccount) bool { return s.Key == key }) {
			continue
		}
		u.Accounts = append(u.Accounts, storedAccount{
			Mask: validate.AccountMask(a.AccountNumber), Routing: a.RoutingNumber, Key: key, AddedAt: now,
		})
	}
	for _, t := range tokens {
		id := itemID(e.db.salt, t)
		if !slices.Contains(u.ItemIDs, id) {
			u.ItemIDs = append(u.ItemIDs, id)
		}
	}
}

// itemID is the Item an access token stands for: derived from the token,
// so the same token always links the same Item.
func itemID(salt, token string) string {
	sum := sha256.Sum256([]byte(salt + token))
	return hex.EncodeToString(sum[:])[:24]
}

func (e *Emulator) beaconGet(ctx context.Context, req *client.BeaconUserGetRequest) (any, *apiError) {
	return e.look(ctx, func(tx *txn) (any, *apiError) {
		u, apiErr := e.user(tx, req.BeaconUserID)
		if apiErr != nil {
			return nil, apiErr
		}
		return e.userView(u), nil
	})
}

// activeReports lists the reports on a user.
func activeReports(tx *txn, userID string) ([]string, error) {
	var ids []string
	err := tx.each(func(rows *sql.Rows) error {
		var id string
		err := rows.Scan(&id)
		ids = append(ids, id)
		return err
	}, "SELECT id FROM reports WHERE user_id = ? ORDER BY seq", userID)
	return ids, err
}

// beaconReview applies Plaid's documented rules: rejected needs a report
// (the emulator's report syndications are never confirmed); cleared needs
// no active report; pending_review is always allowed.
func (e *Emulator) beaconReview(ctx context.Context, req *client.BeaconUserReviewRequest) (any, *apiError) {
	if ps := catalog.CheckRequest(req, e.checkEnv()); len(ps) > 0 {
		return nil, fieldError(ps)
	}
	return e.change(ctx, func(tx *txn) (any, *apiError) {
		u, apiErr := e.user(tx, req.BeaconUserID)
		if apiErr != nil {
			return nil, apiErr
		}
		reports, err := activeReports(tx, u.ID)
		if err != nil {
			return nil, stored(err)
		}
		switch req.Status {
		case client.BeaconRejected:
			if len(reports) == 0 {
				return nil, invalidField("status", "a user can be rejected only once a fraud report has been created for them (/beacon/report/create) or a network report confirmed")
			}
		case client.BeaconCleared:
			if len(reports) > 0 {
				return nil, invalidField("status", fmt.Sprintf("a user with an active fraud report cannot be cleared (%s)", joinWords(reports)))
			}
		}
		changed := u.Status != req.Status
		u.Status = req.Status
		u.UpdatedAt = e.now()
		u.Audit = client.BeaconAuditTrail{Source: client.AuditAPI, Timestamp: u.UpdatedAt}
		if _, err := tx.exec("UPDATE beacon_users SET status = ?, updated_at = ?, audit = ? WHERE id = ?",
			u.Status, formatTime(u.UpdatedAt), jsonText(u.Audit), u.ID); err != nil {
			return nil, stored(err)
		}
		if changed {
			if err := e.beaconWebhook(tx, u.ProgramID, client.Webhook{WebhookCode: client.WebhookUserStatusUpdated, BeaconUserID: u.ID}); err != nil {
				return nil, stored(err)
			}
		}
		return e.userView(u), nil
	})
}

// beaconUpdate patches the user, adds accounts, screens again and bumps the
// version.
func (e *Emulator) beaconUpdate(ctx context.Context, req *client.BeaconUserUpdateRequest) (any, *apiError) {
	return e.change(ctx, func(tx *txn) (any, *apiError) {
		u, apiErr := e.user(tx, req.BeaconUserID)
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
		if err := e.recordVersion(tx, u); err != nil {
			return nil, stored(err)
		}
		before := append([]matchKey{}, u.keys()...) // not nil: the user exists
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
		e.setPerson(u, p)
		e.addAccounts(u, d.DepositoryAccounts, req.AccessTokens)
		u.Version++
		u.UpdatedAt = e.now()
		return e.screenAndSave(tx, u, prog, before)
	})
}

func patch(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func (e *Emulator) reportCreate(ctx context.Context, req *client.BeaconReportCreateRequest) (any, *apiError) {
	if ps := catalog.CheckRequest(req, e.checkEnv()); len(ps) > 0 {
		return nil, fieldError(ps)
	}
	return e.change(ctx, func(tx *txn) (any, *apiError) {
		u, apiErr := e.user(tx, req.BeaconUserID)
		if apiErr != nil {
			return nil, apiErr
		}
		now := e.now()
		r := &client.BeaconReport{BeaconReportRecord: client.BeaconReportRecord{
			ID: "becrpt_" + e.randomString(14, alnum), BeaconUserID: u.ID, CreatedAt: now, Type: req.Type,
			FraudDate: &req.FraudDate, EventDate: req.FraudDate, FraudAmount: req.FraudAmount,
			AuditTrail: client.BeaconAuditTrail{Source: client.AuditAPI, Timestamp: now},
		}}
		var amount any
		if r.FraudAmount != nil {
			amount = jsonText(r.FraudAmount)
		}
		if _, err := tx.exec(`INSERT INTO reports (id, user_id, type, fraud_date, fraud_amount, created_at, audit, person)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, u.ID, r.Type, req.FraudDate, amount, formatTime(now), jsonText(r.AuditTrail),
			jsonText(u.Person)); err != nil {
			return nil, stored(err)
		}
		// The report matches on the user's data as it is now.
		for _, k := range u.keys() {
			if _, err := tx.exec("INSERT OR IGNORE INTO report_keys (field, key, report_id) VALUES (?, ?, ?)",
				string(k.Field), e.hash(k), r.ID); err != nil {
				return nil, stored(err)
			}
		}
		if err := e.beaconWebhook(tx, u.ProgramID, client.Webhook{WebhookCode: client.WebhookReportCreated, BeaconReportID: r.ID}); err != nil {
			return nil, stored(err)
		}
		return r, nil
	})
}

// userView is the Beacon User object: account numbers never, masks only.
// When no date of birth or address was sent, the object holds none: the
// spec marks both non-nullable, yet a user can be created without them
// (FACTS.md §10); see README.
func (e *Emulator) userView(u *beaconUser) *client.BeaconUser {
	p := u.Person
	out := &client.BeaconUser{BeaconUserRecord: client.BeaconUserRecord{
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
	}}
	if out.ItemIDs == nil {
		out.ItemIDs = []string{}
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

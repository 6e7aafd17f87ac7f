package emulator

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// beaconUser is a screened person as the store holds it. Account numbers
// are not kept: only the mask, the routing number and a keyed hash for
// matching. The JSON names are those of the state file older versions
// wrote (legacy.go).
type beaconUser struct {
	ID           string                       `json:"id"`
	ProgramID    string                       `json:"program_id"`
	ClientUserID string                       `json:"client_user_id"`
	Version      int                          `json:"version"`
	CreatedAt    time.Time                    `json:"created_at"`
	UpdatedAt    time.Time                    `json:"updated_at"`
	Status       client.BeaconUserStatus      `json:"status"`
	Audit        client.BeaconAuditTrail      `json:"audit_trail"`
	Person       client.BeaconUserRequestData `json:"person"` // depository_accounts always empty
	Accounts     []storedAccount              `json:"accounts"`
	ItemIDs      []string                     `json:"item_ids"`

	seq int64 // the row's key, which the match keys point to
}

type storedAccount struct {
	Mask    string    `json:"mask"`
	Routing string    `json:"routing_number"`
	Key     string    `json:"key"`
	AddedAt time.Time `json:"added_at"`
}

// keys lists a user's match keys.
func (u *beaconUser) keys() []matchKey {
	keys := personKeys(u.Person)
	for _, a := range u.Accounts {
		keys = append(keys, matchKey{MatchAccount, a.Key})
	}
	return keys
}

// Times are stored as RFC 3339 with nanoseconds in UTC, which sorts as
// text.
const timeLayout = time.RFC3339Nano

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(timeLayout, s)
	return t
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("emulator: encoding %T: %v", v, err))
	}
	return string(b)
}

// errNoUser is a Beacon user id the store does not have.
var errNoUser = errors.New("no such Beacon user")

// loadUser reads a user.
func loadUser(tx *txn, id string) (*beaconUser, error) {
	u := &beaconUser{ID: id}
	var created, updated, person, audit, accounts, items string
	err := tx.row(`SELECT seq, program_id, client_user_id, version, status, created_at, updated_at, person, audit, accounts, item_ids
		FROM beacon_users WHERE id = ?`, id).Scan(&u.seq, &u.ProgramID, &u.ClientUserID, &u.Version, &u.Status,
		&created, &updated, &person, &audit, &accounts, &items)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNoUser
	}
	if err != nil {
		return nil, err
	}
	u.CreatedAt, u.UpdatedAt = parseTime(created), parseTime(updated)
	for _, f := range []struct {
		text string
		into any
	}{{person, &u.Person}, {audit, &u.Audit}, {accounts, &u.Accounts}, {items, &u.ItemIDs}} {
		if err := json.Unmarshal([]byte(f.text), f.into); err != nil {
			return nil, fmt.Errorf("user %s: %w", id, err)
		}
	}
	return u, nil
}

// saveUser writes a user as it now is, and its match keys: all of them
// for a new user (before is nil), else those that changed since before.
func (e *Emulator) saveUser(tx *txn, u *beaconUser, before []matchKey) error {
	person, audit, accounts, items := jsonText(u.Person), jsonText(u.Audit), jsonText(u.Accounts), jsonText(u.ItemIDs)
	if before == nil {
		res, err := tx.exec(`INSERT INTO beacon_users (id, program_id, client_user_id, version, status, created_at, updated_at, person, audit, accounts, item_ids)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, u.ID, u.ProgramID, u.ClientUserID, u.Version, u.Status,
			formatTime(u.CreatedAt), formatTime(u.UpdatedAt), person, audit, accounts, items)
		if err != nil {
			return err
		}
		if u.seq, err = res.LastInsertId(); err != nil {
			return err
		}
	} else if _, err := tx.exec(`UPDATE beacon_users SET version = ?, status = ?, updated_at = ?, person = ?, audit = ?, accounts = ?, item_ids = ?
		WHERE seq = ?`, u.Version, u.Status, formatTime(u.UpdatedAt), person, audit, accounts, items, u.seq); err != nil {
		return err
	}
	now := u.keys()
	for _, k := range before {
		if slices.Contains(now, k) {
			continue
		}
		if _, err := tx.exec("DELETE FROM beacon_keys WHERE program_id = ? AND field = ? AND key = ? AND user_seq = ?",
			u.ProgramID, string(k.Field), e.hash(k), u.seq); err != nil {
			return err
		}
	}
	for _, k := range now {
		if slices.Contains(before, k) {
			continue
		}
		if _, err := tx.exec("INSERT OR IGNORE INTO beacon_keys (program_id, field, key, user_seq) VALUES (?, ?, ?, ?)",
			u.ProgramID, string(k.Field), e.hash(k), u.seq); err != nil {
			return err
		}
	}
	return nil
}

// recordVersion keeps the user as it is now in its history, before it
// changes: the current version is the user's row, the past ones are here.
func (e *Emulator) recordVersion(tx *txn, u *beaconUser) error {
	_, err := tx.exec("INSERT OR REPLACE INTO beacon_versions (user_id, version, view) VALUES (?, ?, ?)",
		u.ID, u.Version, jsonText(e.userView(u)))
	return err
}

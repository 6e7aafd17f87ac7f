package emulator

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// Before the store was SQLite, the emulator kept its state in one JSON
// file (layout 1, the only one written). Such a file is imported once
// into a database and kept beside it as FILE.bak.

// legacyLayout is that file.
type legacyLayout struct {
	Version   int                      `json:"version"`
	Salt      string                   `json:"salt"`
	Customers map[string]*customer     `json:"customers"`
	Users     map[string]*beaconUser   `json:"beacon_users"`
	Reports   map[string]*legacyReport `json:"reports"`
}

// legacyReport is a fraud report of that file; Keys are the reported
// user's match keys, in clear, as they were when reported.
type legacyReport struct {
	ID           string                  `json:"id"`
	BeaconUserID string                  `json:"beacon_user_id"`
	Type         client.BeaconReportType `json:"type"`
	FraudDate    string                  `json:"fraud_date"`
	FraudAmount  *client.FraudAmount     `json:"fraud_amount"`
	CreatedAt    time.Time               `json:"created_at"`
	Keys         []matchKey              `json:"keys"`
}

// openStore opens the store: in memory without StatePath, else the
// database there, first importing a JSON state found at StatePath itself
// or, while no database exists yet, at LegacyPath.
func (e *Emulator) openStore() (*db, error) {
	path := e.opts.StatePath
	if path == "" {
		return openSQL("", e.opts.Random)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("creating the directory of the emulator's state: %w", err)
	}
	legacyPath := ""
	switch raw, err := legacyState(path); {
	case err != nil:
		return nil, err
	case raw != nil:
		legacyPath = path
	case e.opts.LegacyPath != "" && !fileExists(path):
		if fileExists(importingPath(path)) && fileExists(e.opts.LegacyPath+".bak") {
			// An import finished but was stopped before taking its place.
			if err := os.Rename(importingPath(path), path); err != nil {
				return nil, fmt.Errorf("finishing the import of %s: %w", e.opts.LegacyPath, err)
			}
			break
		}
		if fileExists(e.opts.LegacyPath) {
			legacyPath = e.opts.LegacyPath
		}
	}
	if legacyPath != "" {
		if err := e.importLegacy(legacyPath, path); err != nil {
			return nil, fmt.Errorf("importing the emulator's old state %s: %w (it is left as it was: move it away, or run `plaid-onboard emulator reset` for the local one)", legacyPath, err)
		}
	}
	return openSQL(path, e.opts.Random)
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func importingPath(path string) string { return path + ".importing" }

// importLegacy builds the database beside dbPath, then moves the JSON
// state to jsonPath.bak and the database into place: an import stopped
// half-way leaves the JSON state where it was.
func (e *Emulator) importLegacy(jsonPath, dbPath string) error {
	raw, err := os.ReadFile(jsonPath)
	if err != nil {
		return err
	}
	var old legacyLayout
	if err := json.Unmarshal(raw, &old); err != nil {
		return fmt.Errorf("it is not valid JSON: %w", err)
	}
	if old.Version != 1 || old.Salt == "" {
		return fmt.Errorf("it has layout %d, which no version of this program wrote", old.Version)
	}
	tmp := importingPath(dbPath)
	if err := RemoveState(tmp); err != nil {
		return err
	}
	d, err := openSQL(tmp, e.opts.Random)
	if err != nil {
		return err
	}
	e.db = d
	defer func() { e.db = nil }()
	err = d.write(context.Background(), func(tx *txn) error { return e.fill(tx, &old) })
	if cerr := d.close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = RemoveState(tmp) // a half import; the error says why
		return err
	}
	if err := os.Rename(jsonPath, jsonPath+".bak"); err != nil {
		return err
	}
	return os.Rename(tmp, dbPath)
}

// fill writes the old state into the new store, oldest first.
func (e *Emulator) fill(tx *txn, old *legacyLayout) error {
	if _, err := tx.exec("UPDATE meta SET value = ? WHERE key = 'salt'", old.Salt); err != nil {
		return err
	}
	// The salt keys account hashes and item ids already in the file.
	e.db.salt = old.Salt
	for _, c := range oldestFirst(old.Customers, func(c *customer) time.Time { return c.CreatedAt }) {
		if err := e.saveCustomer(tx, c, true); err != nil {
			return fmt.Errorf("end customer %s: %w", c.ClientID, err)
		}
	}
	for _, u := range oldestFirst(old.Users, func(u *beaconUser) time.Time { return u.CreatedAt }) {
		if u.ItemIDs == nil {
			u.ItemIDs = []string{}
		}
		// Older versions kept only each user's latest version.
		if err := e.saveUser(tx, u, nil); err != nil {
			return fmt.Errorf("saving Beacon user %s: %w", u.ID, err)
		}
	}
	for _, r := range oldestFirst(old.Reports, func(r *legacyReport) time.Time { return r.CreatedAt }) {
		// The file kept the reported person's keys, not the person: the
		// user as last seen stands in for the analysis of syndications.
		var person client.BeaconUserRequestData
		if u := old.Users[r.BeaconUserID]; u != nil {
			person = u.Person
		}
		var amount any
		if r.FraudAmount != nil {
			amount = jsonText(r.FraudAmount)
		}
		audit := client.BeaconAuditTrail{Source: client.AuditAPI, Timestamp: r.CreatedAt}
		if _, err := tx.exec(`INSERT INTO reports (id, user_id, type, fraud_date, fraud_amount, created_at, audit, person)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, r.BeaconUserID, r.Type, r.FraudDate, amount, formatTime(r.CreatedAt),
			jsonText(audit), jsonText(person)); err != nil {
			return fmt.Errorf("report %s: %w", r.ID, err)
		}
		for _, k := range r.Keys {
			if _, err := tx.exec("INSERT OR IGNORE INTO report_keys (field, key, report_id) VALUES (?, ?, ?)",
				string(k.Field), e.hash(k), r.ID); err != nil {
				return fmt.Errorf("report %s: %w", r.ID, err)
			}
		}
	}
	return nil
}

// oldestFirst lists a map's values by creation, then key: the order they
// were made in.
func oldestFirst[V any](m map[string]V, created func(V) time.Time) []V {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(created(m[a]).Compare(created(m[b])), cmp.Compare(a, b))
	})
	out := make([]V, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// RemoveState deletes a store: the database, its journal files, and an
// import left half-way. A store that is not there is not an error.
func RemoveState(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal", importingPath(path)} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

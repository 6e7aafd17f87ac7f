package emulator

import (
	"database/sql"
	"slices"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// verdict is the outcome of screening one user, with why.
type verdict struct {
	status client.BeaconUserStatus
	reason string
	// duplicates are the other users of the program this one duplicates,
	// each once, in the order found.
	duplicates []string
	// reports are this organisation's reports the user matches, on other
	// users (a user's own report rejects it without syndicating).
	reports []string
	// network is the Beacon Network report matched (-1 for none).
	network int
}

// maxFindings bounds the duplicates, and the reports, recorded for one
// screening: a demo's hundred-thousand lookalikes must not make one
// create slow.
const maxFindings = 10

// screen decides a user's status as FACTS.md §6 describes, by index
// lookups only (never a scan of the users): a match with one of this
// organisation's fraud reports (any program) rejects; a duplicate of
// another user in the same program on a filtered field, or a Beacon Network
// match when the program auto-flags, puts the user in review; otherwise the
// user is cleared.
func (e *Emulator) screen(tx *txn, u *beaconUser, prog Program) (verdict, error) {
	keys := u.keys()
	v := verdict{status: client.BeaconCleared, reason: "no match", network: -1}
	rejected := ""
	for _, k := range keys {
		if !slices.Contains(fraudFields, k.Field) {
			continue
		}
		err := tx.each(func(rows *sql.Rows) error {
			var report, reported string
			if err := rows.Scan(&report, &reported); err != nil {
				return err
			}
			if rejected == "" {
				rejected = "matches fraud report " + report + " of your organisation on " + string(k.Field)
			}
			if reported != u.ID && !slices.Contains(v.reports, report) && len(v.reports) < maxFindings {
				v.reports = append(v.reports, report)
			}
			return nil
		}, `SELECT r.id, r.user_id FROM report_keys k JOIN reports r ON r.id = k.report_id
			WHERE k.field = ? AND k.key = ? ORDER BY r.seq LIMIT ?`, string(k.Field), e.hash(k), maxFindings)
		if err != nil {
			return v, err
		}
	}
	for _, k := range keys {
		if !slices.Contains(prog.DuplicateFields, k.Field) || len(v.duplicates) >= maxFindings {
			continue
		}
		err := tx.each(func(rows *sql.Rows) error {
			var other string
			if err := rows.Scan(&other); err != nil {
				return err
			}
			if !slices.Contains(v.duplicates, other) && len(v.duplicates) < maxFindings {
				v.duplicates = append(v.duplicates, other)
			}
			return nil
		}, `SELECT u.id FROM beacon_keys k JOIN beacon_users u ON u.seq = k.user_seq
			WHERE k.program_id = ? AND k.field = ? AND k.key = ? AND k.user_seq != ? LIMIT ?`,
			prog.ID, string(k.Field), e.hash(k), u.seq, maxFindings)
		if err != nil {
			return v, err
		}
	}
	if len(v.duplicates) > 0 {
		v.status, v.reason = client.BeaconPendingReview, "duplicates "+v.duplicates[0]
	}
	if rejected != "" {
		v.status, v.reason = client.BeaconRejected, rejected
	}
	for _, k := range keys {
		if !slices.Contains(fraudFields, k.Field) {
			continue
		}
		if n, found := e.network[string(e.hash(k))]; found {
			v.network = n
			if prog.AutoFlagNetworkFraud && v.status == client.BeaconCleared {
				v.status, v.reason = client.BeaconPendingReview, "matches a Beacon Network report ("+NetworkReports[n].Who+") on "+string(k.Field)
			}
			break
		}
	}
	return v, nil
}

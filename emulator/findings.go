package emulator

import (
	"encoding/json"
	"fmt"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// recordFindings keeps why a screening decided as it did, the objects
// Plaid keeps: a duplicate per other user of the program sharing watched
// data, and a report syndication per report matched (this organisation's
// on another user, or the Beacon Network's). A finding already recorded
// with the same analysis is not recorded again, so re-screening a user
// that did not change adds nothing.
func (e *Emulator) recordFindings(tx *txn, u *beaconUser, v verdict) error {
	now := formatTime(u.UpdatedAt)
	for _, other := range v.duplicates {
		var person string
		var version int
		if err := tx.row("SELECT person, version FROM beacon_users WHERE id = ?", other).Scan(&person, &version); err != nil {
			return fmt.Errorf("reading duplicate %s: %w", other, err)
		}
		var them client.BeaconUserRequestData
		if err := json.Unmarshal([]byte(person), &them); err != nil {
			return fmt.Errorf("reading duplicate %s: %w", other, err)
		}
		analysis := jsonText(analyse(u.Person, them))
		known, err := tx.exists(`SELECT 1 FROM duplicates WHERE analysis = ? AND
			((user1_id = ? AND user2_id = ?) OR (user1_id = ? AND user2_id = ?))`, analysis, u.ID, other, other, u.ID)
		if err != nil || known {
			return err
		}
		id := "becdup_" + e.randomString(14, alnum)
		if _, err := tx.exec(`INSERT INTO duplicates (id, user1_id, user1_version, user2_id, user2_version, analysis, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, u.ID, u.Version, other, version, analysis, now); err != nil {
			return err
		}
		if err := e.beaconWebhook(tx, u.ProgramID, client.Webhook{WebhookCode: client.WebhookDuplicateDetected, BeaconDuplicateID: id}); err != nil {
			return err
		}
	}
	for _, report := range v.reports {
		var person string
		if err := tx.row("SELECT person FROM reports WHERE id = ?", report).Scan(&person); err != nil {
			return fmt.Errorf("reading report %s: %w", report, err)
		}
		var them client.BeaconUserRequestData
		if err := json.Unmarshal([]byte(person), &them); err != nil {
			return fmt.Errorf("reading report %s: %w", report, err)
		}
		analysis, err := e.syndicationAnalysis(u, them, func(key string) (bool, error) {
			return tx.exists("SELECT 1 FROM report_keys WHERE field = ? AND key = ? AND report_id = ?",
				string(MatchAccount), e.hash(matchKey{MatchAccount, key}), report)
		})
		if err != nil {
			return err
		}
		if err := e.syndicate(tx, u, report, nil, analysis, now); err != nil {
			return err
		}
	}
	if v.network >= 0 {
		n := NetworkReports[v.network]
		analysis, err := e.syndicationAnalysis(u, n.Person, func(key string) (bool, error) {
			for _, a := range n.Accounts {
				if accountKey(e.db.salt, a[0], a[1]) == key {
					return true, nil
				}
			}
			return false, nil
		})
		if err != nil {
			return err
		}
		if err := e.syndicate(tx, u, nil, v.network, analysis, now); err != nil {
			return err
		}
	}
	return nil
}

// syndicationAnalysis compares the user with the reported person, and
// each of the user's accounts with the report's.
func (e *Emulator) syndicationAnalysis(u *beaconUser, reported client.BeaconUserRequestData,
	reportedAccount func(key string) (bool, error)) (client.BeaconReportSyndicationAnalysis, error) {
	out := client.BeaconReportSyndicationAnalysis{
		BeaconMatchSummaryAnalysis: analyse(u.Person, reported),
		DepositoryAccounts:         []client.BeaconAccountMatchAnalysis{},
	}
	for _, a := range u.Accounts {
		matched, err := reportedAccount(a.Key)
		if err != nil {
			return out, err
		}
		code := client.MatchNone
		if matched {
			code = client.MatchStrong
		}
		out.DepositoryAccounts = append(out.DepositoryAccounts, client.BeaconAccountMatchAnalysis{
			AccountMask: a.Mask, RoutingNumber: a.Routing, MatchStatus: code,
		})
	}
	return out, nil
}

// syndicate records a report (report or network, the other nil) matching
// u, unless the same match is already recorded.
func (e *Emulator) syndicate(tx *txn, u *beaconUser, report, network any,
	analysis client.BeaconReportSyndicationAnalysis, now string) error {
	a := jsonText(analysis)
	known, err := tx.exists(`SELECT 1 FROM syndications WHERE user_id = ? AND analysis = ?
		AND report_id IS ? AND network IS ?`, u.ID, a, report, network)
	if err != nil || known {
		return err
	}
	id := "becrsn_" + e.randomString(14, alnum)
	if _, err = tx.exec(`INSERT INTO syndications (id, user_id, report_id, network, analysis, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, id, u.ID, report, network, a, now); err != nil {
		return err
	}
	return e.beaconWebhook(tx, u.ProgramID, client.Webhook{WebhookCode: client.WebhookSyndicationCreated, BeaconReportSyndicationID: id})
}

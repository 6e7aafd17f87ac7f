package emulator

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// The lookups that say why a user has its status (FACTS.md §11). Lists
// page newest first; a cursor is the position after which the next page
// starts, as this emulator wrote it.

// page is what a list handler needs of its request.
type page struct {
	after int64 // list items before this key; 0 for the first page
	size  int
}

// pageOf reads a cursor.
func (e *Emulator) pageOf(cursor string) (page, *apiError) {
	p := page{size: e.opts.PageSize}
	if cursor == "" {
		return p, nil
	}
	n, err := strconv.ParseInt(cursor, 10, 64)
	if err != nil || n <= 0 {
		return p, invalidField("cursor", fmt.Sprintf("%q is not a cursor this emulator gave (pass next_cursor as it came)", cursor))
	}
	p.after = n
	return p, nil
}

// pageOut cuts items, fetched one past the page's size to learn whether
// more follow, to the page, with the cursor after its last key.
func pageOut[T any](items []T, keys []int64, size int) ([]T, *string) {
	if len(items) <= size {
		return items, nil
	}
	s := strconv.FormatInt(keys[size-1], 10)
	return items[:size], &s
}

// below is the SQL bound for a page: keys below after, or all.
func (p page) below() int64 {
	if p.after == 0 {
		return 1<<63 - 1
	}
	return p.after
}

// userList runs a list of a user's objects: the cursor read, the user
// found (Plaid's envelope for an unknown id), then fn in a read.
func (e *Emulator) userList(ctx context.Context, userID, cursor string, fn func(tx *txn, u *beaconUser, p page) (any, *apiError)) (any, *apiError) {
	p, apiErr := e.pageOf(cursor)
	if apiErr != nil {
		return nil, apiErr
	}
	return e.look(ctx, func(tx *txn) (any, *apiError) {
		u, apiErr := e.user(tx, userID)
		if apiErr != nil {
			return nil, apiErr
		}
		return fn(tx, u, p)
	})
}

// historyList answers every version of a user, newest first: the current
// one is the user's row, the ones before it are in beacon_versions.
func (e *Emulator) historyList(ctx context.Context, req *client.BeaconUserHistoryListRequest) (any, *apiError) {
	return e.userList(ctx, req.BeaconUserID, req.Cursor, func(tx *txn, u *beaconUser, p page) (any, *apiError) {
		out := &client.BeaconUserHistoryListResponse{BeaconUsers: []client.BeaconUserRecord{}}
		var versions []int64
		if int64(u.Version) < p.below() {
			out.BeaconUsers = append(out.BeaconUsers, e.userView(u).BeaconUserRecord)
			versions = append(versions, int64(u.Version))
		}
		err := tx.each(func(rows *sql.Rows) error {
			var version int64
			var view string
			if err := rows.Scan(&version, &view); err != nil {
				return err
			}
			var rec client.BeaconUserRecord
			if err := json.Unmarshal([]byte(view), &rec); err != nil {
				return fmt.Errorf("version %d: %w", version, err)
			}
			out.BeaconUsers = append(out.BeaconUsers, rec)
			versions = append(versions, version)
			return nil
		}, "SELECT version, view FROM beacon_versions WHERE user_id = ? AND version < ? AND version < ? ORDER BY version DESC LIMIT ?",
			u.ID, u.Version, p.below(), p.size+1)
		if err != nil {
			return nil, stored(err)
		}
		out.BeaconUsers, out.NextCursor = pageOut(out.BeaconUsers, versions, p.size)
		return out, nil
	})
}

// scanReport reads the report a row holds, and its key.
func scanReport(rows interface{ Scan(...any) error }) (client.BeaconReportRecord, int64, error) {
	var r client.BeaconReportRecord
	var seq int64
	var fraudDate, created, audit string
	var amount sql.NullString
	if err := rows.Scan(&seq, &r.ID, &r.BeaconUserID, &r.Type, &fraudDate, &amount, &created, &audit); err != nil {
		return r, 0, err
	}
	r.FraudDate, r.EventDate, r.CreatedAt = &fraudDate, fraudDate, parseTime(created)
	if amount.Valid {
		r.FraudAmount = &client.FraudAmount{}
		if err := json.Unmarshal([]byte(amount.String), r.FraudAmount); err != nil {
			return r, 0, err
		}
	}
	return r, seq, json.Unmarshal([]byte(audit), &r.AuditTrail)
}

const reportColumns = "seq, id, user_id, type, fraud_date, fraud_amount, created_at, audit"

// reportList answers the reports on a user, newest first.
func (e *Emulator) reportList(ctx context.Context, req *client.BeaconReportListRequest) (any, *apiError) {
	return e.userList(ctx, req.BeaconUserID, req.Cursor, func(tx *txn, _ *beaconUser, p page) (any, *apiError) {
		out := &client.BeaconReportListResponse{BeaconReports: []client.BeaconReportRecord{}}
		var keys []int64
		err := tx.each(func(rows *sql.Rows) error {
			r, seq, err := scanReport(rows)
			out.BeaconReports, keys = append(out.BeaconReports, r), append(keys, seq)
			return err
		}, "SELECT "+reportColumns+" FROM reports WHERE user_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
			req.BeaconUserID, p.below(), p.size+1)
		if err != nil {
			return nil, stored(err)
		}
		out.BeaconReports, out.NextCursor = pageOut(out.BeaconReports, keys, p.size)
		return out, nil
	})
}

// reportGet answers one report.
func (e *Emulator) reportGet(ctx context.Context, req *client.BeaconReportGetRequest) (any, *apiError) {
	return e.look(ctx, func(tx *txn) (any, *apiError) {
		r, _, err := scanReport(tx.row("SELECT "+reportColumns+" FROM reports WHERE id = ?", req.BeaconReportID))
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return nil, invalidField("beacon_report_id", fmt.Sprintf("no Beacon report %q", req.BeaconReportID))
		case err != nil:
			return nil, stored(err)
		}
		return &client.BeaconReport{BeaconReportRecord: r}, nil
	})
}

// synRow is a syndications row.
type synRow struct {
	seq                    int64
	id, user, analysis, at string
	report                 sql.NullString
	network                sql.NullInt64
}

const syndicationColumns = "seq, id, user_id, report_id, network, analysis, created_at"

func scanSynRow(rows interface{ Scan(...any) error }) (synRow, error) {
	var r synRow
	err := rows.Scan(&r.seq, &r.id, &r.user, &r.report, &r.network, &r.analysis, &r.at)
	return r, err
}

// syndication is the object a row stands for: the report as another
// company's (no id) for the Beacon Network, or this organisation's.
func syndication(tx *txn, r synRow) (client.BeaconReportSyndication, error) {
	s := client.BeaconReportSyndication{ID: r.id, BeaconUserID: r.user}
	if err := json.Unmarshal([]byte(r.analysis), &s.Analysis); err != nil {
		return s, err
	}
	switch {
	case r.report.Valid:
		rep, _, err := scanReport(tx.row("SELECT "+reportColumns+" FROM reports WHERE id = ?", r.report.String))
		if err != nil {
			return s, fmt.Errorf("report %s: %w", r.report.String, err)
		}
		s.Report = client.BeaconReportSyndicationOriginalReport{ID: &rep.ID, CreatedAt: rep.CreatedAt, Type: rep.Type,
			FraudDate: rep.FraudDate, EventDate: rep.EventDate}
	case r.network.Valid && r.network.Int64 >= 0 && int(r.network.Int64) < len(NetworkReports):
		n := NetworkReports[r.network.Int64]
		date := n.FraudDate
		s.Report = client.BeaconReportSyndicationOriginalReport{CreatedAt: n.CreatedAt, Type: n.Type, FraudDate: &date, EventDate: date}
	}
	return s, nil
}

// syndicationList answers the reports matching a user, newest first.
func (e *Emulator) syndicationList(ctx context.Context, req *client.BeaconReportSyndicationListRequest) (any, *apiError) {
	return e.userList(ctx, req.BeaconUserID, req.Cursor, func(tx *txn, _ *beaconUser, p page) (any, *apiError) {
		// The rows are read first: each one's report is read with another
		// statement.
		var found []synRow
		err := tx.each(func(rows *sql.Rows) error {
			r, err := scanSynRow(rows)
			found = append(found, r)
			return err
		}, "SELECT "+syndicationColumns+" FROM syndications WHERE user_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
			req.BeaconUserID, p.below(), p.size+1)
		if err != nil {
			return nil, stored(err)
		}
		out := &client.BeaconReportSyndicationListResponse{BeaconReportSyndications: []client.BeaconReportSyndication{}}
		var keys []int64
		for _, r := range found {
			s, err := syndication(tx, r)
			if err != nil {
				return nil, stored(err)
			}
			out.BeaconReportSyndications, keys = append(out.BeaconReportSyndications, s), append(keys, r.seq)
		}
		out.BeaconReportSyndications, out.NextCursor = pageOut(out.BeaconReportSyndications, keys, p.size)
		return out, nil
	})
}

// syndicationGet answers one report syndication.
func (e *Emulator) syndicationGet(ctx context.Context, req *client.BeaconReportSyndicationGetRequest) (any, *apiError) {
	return e.look(ctx, func(tx *txn) (any, *apiError) {
		r, err := scanSynRow(tx.row("SELECT "+syndicationColumns+" FROM syndications WHERE id = ?", req.BeaconReportSyndicationID))
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return nil, invalidField("beacon_report_syndication_id", fmt.Sprintf("no Beacon report syndication %q", req.BeaconReportSyndicationID))
		case err != nil:
			return nil, stored(err)
		}
		s, err := syndication(tx, r)
		if err != nil {
			return nil, stored(err)
		}
		return &client.BeaconReportSyndicationGetResponse{BeaconReportSyndication: s}, nil
	})
}

const duplicateColumns = "id, user1_id, user1_version, user2_id, user2_version, analysis"

func scanDuplicate(rows interface{ Scan(...any) error }) (client.BeaconDuplicateRecord, error) {
	var d client.BeaconDuplicateRecord
	var analysis string
	if err := rows.Scan(&d.ID, &d.BeaconUser1.ID, &d.BeaconUser1.Version, &d.BeaconUser2.ID, &d.BeaconUser2.Version, &analysis); err != nil {
		return d, err
	}
	return d, json.Unmarshal([]byte(analysis), &d.Analysis)
}

// duplicateGet answers one duplicate.
func (e *Emulator) duplicateGet(ctx context.Context, req *client.BeaconDuplicateGetRequest) (any, *apiError) {
	return e.look(ctx, func(tx *txn) (any, *apiError) {
		d, err := scanDuplicate(tx.row("SELECT "+duplicateColumns+" FROM duplicates WHERE id = ?", req.BeaconDuplicateID))
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return nil, invalidField("beacon_duplicate_id", fmt.Sprintf("no Beacon duplicate %q", req.BeaconDuplicateID))
		case err != nil:
			return nil, stored(err)
		}
		return &client.BeaconDuplicate{BeaconDuplicateRecord: d}, nil
	})
}

// duplicatesOf is the emulator's own lookup (not Plaid's): the duplicates
// recorded for a user, newest first, at most 100.
func (e *Emulator) duplicatesOf(ctx context.Context, req *client.EmulatorDuplicatesRequest) (any, *apiError) {
	return e.look(ctx, func(tx *txn) (any, *apiError) {
		if _, apiErr := e.user(tx, req.BeaconUserID); apiErr != nil {
			return nil, apiErr
		}
		out := &client.EmulatorDuplicatesResponse{BeaconDuplicates: []client.BeaconDuplicateRecord{}}
		err := tx.each(func(rows *sql.Rows) error {
			d, err := scanDuplicate(rows)
			out.BeaconDuplicates = append(out.BeaconDuplicates, d)
			return err
		}, "SELECT "+duplicateColumns+" FROM duplicates WHERE user1_id = ? OR user2_id = ? ORDER BY seq DESC LIMIT 100",
			req.BeaconUserID, req.BeaconUserID)
		if err != nil {
			return nil, stored(err)
		}
		return out, nil
	})
}

// accountInsights answers the insights on the accounts an access token
// linked to a user. They are made up, and the same for the same token:
// numbers drawn from its hash, in the shape of the spec's example.
func (e *Emulator) accountInsights(ctx context.Context, req *client.BeaconUserAccountInsightsGetRequest) (any, *apiError) {
	return e.look(ctx, func(tx *txn) (any, *apiError) {
		u, apiErr := e.user(tx, req.BeaconUserID)
		if apiErr != nil {
			return nil, apiErr
		}
		item := itemID(e.db.salt, req.AccessToken)
		if !slices.Contains(u.ItemIDs, item) {
			return nil, invalidField("access_token", fmt.Sprintf("is not linked to Beacon user %s: add it with /beacon/user/update (access_tokens)", u.ID))
		}
		return &client.BeaconUserAccountInsightsGetResponse{
			BeaconUserID: u.ID, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt,
			BankAccountInsights: insightsFor(req.AccessToken, item),
		}, nil
	})
}

// insightsFor draws an Item's accounts and their attributes from the
// token's hash: one or two accounts, counts in the ranges real ones have.
func insightsFor(token, item string) client.BeaconBankAccounts {
	h := sha256.Sum256([]byte("insights:" + token))
	n := func(i, mod int) *int { v := int(h[i%len(h)]) % mod; return &v }
	yes := func(i int) *bool { v := h[i%len(h)]%17 == 0; return &v }
	out := client.BeaconBankAccounts{ItemID: item, Accounts: []client.BeaconBankAccountInsights{}}
	kinds := []string{"checking", "savings"}
	for a := range 1 + int(h[0])%2 {
		b := 7 * a
		sub := kinds[a] //nolint:gosec // a < 2: the range is 1 or 2 accounts
		out.Accounts = append(out.Accounts, client.BeaconBankAccountInsights{
			AccountID: fmt.Sprintf("%x", h[b:b+12])[:24] + fmt.Sprintf("%x", h[b+12:b+20])[:13],
			Type:      "depository", Subtype: &sub,
			Attributes: client.BeaconAccountRiskAttributes{
				DaysSinceFirstPlaidConnection: n(b+1, 900), IsAccountClosed: yes(b + 2), IsAccountFrozenOrRestricted: yes(b + 3),
				TotalPlaidConnectionsCount: n(b+4, 12), PlaidConnectionsCount7d: n(b+5, 3), PlaidConnectionsCount30d: n(b+6, 5),
				FailedPlaidNonOAuthAuthenticationAttemptsCount3d: n(b+7, 3), PlaidNonOAuthAuthenticationAttemptsCount3d: n(b+8, 4),
				FailedPlaidNonOAuthAuthenticationAttemptsCount7d: n(b+9, 4), PlaidNonOAuthAuthenticationAttemptsCount7d: n(b+10, 6),
				FailedPlaidNonOAuthAuthenticationAttemptsCount30d: n(b+11, 6), PlaidNonOAuthAuthenticationAttemptsCount30d: n(b+12, 10),
				DistinctIPAddressesCount3d: n(b+13, 3), DistinctIPAddressesCount7d: n(b+14, 4),
				DistinctIPAddressesCount30d: n(b+15, 6), DistinctIPAddressesCount90d: n(b+16, 9),
				DistinctUserAgentsCount3d: n(b+17, 2), DistinctUserAgentsCount7d: n(b+18, 3),
				DistinctUserAgentsCount30d: n(b+19, 4), DistinctUserAgentsCount90d: n(b+20, 6),
				AddressChangeCount28d: n(b+21, 2), EmailChangeCount28d: n(b+22, 2), PhoneChangeCount28d: n(b+23, 2),
				AddressChangeCount90d: n(b+24, 3), EmailChangeCount90d: n(b+25, 3), PhoneChangeCount90d: n(b+26, 3),
				DaysSinceAccountOpening: n(b+27, 3650), DaysSinceFirstObservedTransaction: n(b+28, 3000),
			},
		})
	}
	return out
}

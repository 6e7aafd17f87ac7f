package emulator

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// OAuth registrations. When an end customer is first enabled, Plaid
// registers it at the banks that need OAuth; the emulator's three (named
// as in Plaid's example) progress in a fixed, documented way (README):
//
//   - before enable: every one NOT_STARTED;
//   - Capital One: ENABLED at enable;
//   - Chase: PROCESSING at enable, ENABLED a day later (by the emulator's clock);
//   - Bank of America: APPROVED at enable, or ATTENTION_REQUIRED with
//     Plaid's OAUTH_REGISTRATION_ERROR when the customer has no logo.
type oauthBank struct {
	ID, Name string
	// ClassicDisablement is when the bank stops taking non-OAuth Items
	// (Plaid's example: Chase's, 2022-06-30); "" when it set none.
	ClassicDisablement string
}

var oauthBanks = []oauthBank{{"ins_56", "Chase", "2022-06-30"}, {"ins_128026", "Capital One", ""}, {"ins_1", "Bank of America", ""}}

// chaseDelay is how long Chase's registration stays PROCESSING.
const chaseDelay = 24 * time.Hour

// registerOAuth records the registrations the first enable starts.
func (e *Emulator) registerOAuth(tx *txn, c *customer, now time.Time) error {
	known, err := tx.exists("SELECT 1 FROM customer_institutions WHERE client_id = ?", c.ClientID)
	if err != nil || known {
		return err
	}
	for _, b := range oauthBanks {
		status := client.OAuthEnabled
		switch {
		case b.ID == "ins_56":
			status = client.OAuthProcessing
		case b.ID == "ins_1" && !c.HasLogo:
			status = client.OAuthAttentionRequired
		case b.ID == "ins_1":
			status = client.OAuthApproved
		}
		if _, err := tx.exec(`INSERT INTO customer_institutions (client_id, institution_id, name, status, updated_at)
			VALUES (?, ?, ?, ?, ?)`, c.ClientID, b.ID, b.Name, string(status), formatTime(now)); err != nil {
			return err
		}
		if err := e.oauthWebhook(tx, c, b.ID, b.Name, status); err != nil {
			return err
		}
	}
	return nil
}

// oauthInstitutions answers where an end customer's registrations stand.
func (e *Emulator) oauthInstitutions(ctx context.Context, req *client.PartnerCustomerOAuthInstitutionsGetRequest) (any, *apiError) {
	return e.look(ctx, func(tx *txn) (any, *apiError) {
		c, apiErr := e.customer(tx, req.EndCustomerClientID)
		if apiErr != nil {
			return nil, apiErr
		}
		out := &client.PartnerCustomerOAuthInstitutionsGetResponse{
			FlowdownStatus: "NOT_STARTED", QuestionnaireStatus: "COMPLETE", Institutions: []client.PartnerOAuthInstitution{},
		}
		if a := c.Request.BankAddendumAcceptance; a.CustomerAccepted != nil && *a.CustomerAccepted {
			out.FlowdownStatus = "COMPLETE"
		}
		if len(craDue(c)) > 0 && slices.ContainsFunc(e.products(c), func(p client.Product) bool { return p.IsCRA() }) {
			out.QuestionnaireStatus = "NOT_STARTED"
		}
		type row struct{ id, name, status, at string }
		var rows []row
		err := tx.each(func(r *sql.Rows) error {
			var x row
			err := r.Scan(&x.id, &x.name, &x.status, &x.at)
			rows = append(rows, x)
			return err
		}, "SELECT institution_id, name, status, updated_at FROM customer_institutions WHERE client_id = ?", c.ClientID)
		if err != nil {
			return nil, stored(err)
		}
		now := e.now()
		for _, b := range oauthBanks {
			inst := client.PartnerOAuthInstitution{Name: b.Name, InstitutionID: b.ID,
				Environments: client.PartnerOAuthEnvironments{Production: client.OAuthNotStarted}}
			if b.ClassicDisablement != "" {
				date := b.ClassicDisablement
				inst.ClassicDisablementDate = &date
			}
			if i := slices.IndexFunc(rows, func(r row) bool { return r.id == b.ID }); i >= 0 {
				at := parseTime(rows[i].at)
				status := client.OAuthStatus(rows[i].status)
				if status == client.OAuthProcessing && !now.Before(at.Add(chaseDelay)) {
					status, at = client.OAuthEnabled, at.Add(chaseDelay)
				}
				inst.Environments.Production = status
				switch status {
				case client.OAuthEnabled:
					date := at.Format(time.DateOnly)
					inst.ProductionEnablementDate = &date
				case client.OAuthAttentionRequired:
					inst.Errors = []client.Error{{ErrorType: "PARTNER_ERROR", ErrorCode: "OAUTH_REGISTRATION_ERROR",
						ErrorMessage: "Application logo is required", RequestID: requestIDOf(ctx)}}
				}
			}
			out.Institutions = append(out.Institutions, inst)
		}
		return out, nil
	})
}

// progressOAuth moves registrations whose time has come (Chase, a day
// after enable) to ENABLED and sends their webhook. The delivery loop runs
// it; a read works the same out by itself when no loop ran.
func (e *Emulator) progressOAuth(ctx context.Context) error {
	now := e.now()
	cutoff := formatTime(now.Add(-chaseDelay))
	due, err := e.db.has(ctx, "SELECT 1 FROM customer_institutions WHERE status = ? AND updated_at <= ?", string(client.OAuthProcessing), cutoff)
	if err != nil || !due {
		return err
	}
	return e.db.write(ctx, func(tx *txn) error {
		type row struct{ client, inst, name, at string }
		var rows []row
		err := tx.each(func(r *sql.Rows) error {
			var x row
			err := r.Scan(&x.client, &x.inst, &x.name, &x.at)
			rows = append(rows, x)
			return err
		}, "SELECT client_id, institution_id, name, updated_at FROM customer_institutions WHERE status = ? AND updated_at <= ?",
			string(client.OAuthProcessing), cutoff)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if _, err := tx.exec("UPDATE customer_institutions SET status = ?, updated_at = ? WHERE client_id = ? AND institution_id = ?",
				string(client.OAuthEnabled), formatTime(parseTime(r.at).Add(chaseDelay)), r.client, r.inst); err != nil {
				return err
			}
			c, err := loadCustomer(tx, r.client)
			if err != nil {
				return err
			}
			if err := e.oauthWebhook(tx, c, r.inst, r.name, client.OAuthEnabled); err != nil {
				return err
			}
		}
		return nil
	})
}

// oauthWebhook enqueues an END_CUSTOMER_OAUTH_STATUS_UPDATED; its status
// words are the enum's in lower case with dashes
// (PartnerEndCustomerOAuthStatusUpdatedValues).
func (e *Emulator) oauthWebhook(tx *txn, c *customer, instID, instName string, status client.OAuthStatus) error {
	return e.enqueue(tx, e.partner.customerWebhook(c.Request.ApplicationName), client.Webhook{WebhookType: client.WebhookPartner,
		WebhookCode: client.WebhookOAuthStatusUpdated, EndCustomerClientID: c.ClientID, InstitutionID: instID,
		InstitutionName: instName, Status: strings.ToLower(strings.ReplaceAll(string(status), "_", "-"))})
}

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

// customer is a partner end customer as the store holds it. The request
// is kept as sent (without the logo) and amended by updates. The JSON
// names are those of the state file older versions wrote (legacy.go).
type customer struct {
	ClientID string                              `json:"client_id"`
	Request  client.PartnerCustomerCreateRequest `json:"request"`
	// Public holds what only the public create sends (nil for a customer
	// made with the beta path); it is kept in the request column.
	Public    *publicFields         `json:"public,omitempty"`
	HasLogo   bool                  `json:"has_logo"`
	Enabled   []client.Product      `json:"enabled"`
	Secrets   client.PartnerSecrets `json:"secrets"`
	CreatedAt time.Time             `json:"created_at"`
}

// storedRequest is the request column: the request as amended, with what
// only the public create sends beside it.
type storedRequest struct {
	client.PartnerCustomerCreateRequest
	Public *publicFields `json:"public,omitempty"`
}

var errNoCustomer = errors.New("no such end customer")

// loadCustomer reads an end customer and which of its products are
// enabled.
func loadCustomer(tx *txn, clientID string) (*customer, error) {
	c := &customer{ClientID: clientID}
	var request, secrets, created string
	err := tx.row("SELECT request, has_logo, secrets, created_at FROM customers WHERE client_id = ?", clientID).
		Scan(&request, &c.HasLogo, &secrets, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNoCustomer
	}
	if err != nil {
		return nil, err
	}
	c.CreatedAt = parseTime(created)
	var kept storedRequest
	if err := json.Unmarshal([]byte(request), &kept); err != nil {
		return nil, fmt.Errorf("end customer %s: %w", clientID, err)
	}
	c.Request, c.Public = kept.PartnerCustomerCreateRequest, kept.Public
	if err := json.Unmarshal([]byte(secrets), &c.Secrets); err != nil {
		return nil, fmt.Errorf("end customer %s: %w", clientID, err)
	}
	err = tx.each(func(rows *sql.Rows) error {
		var p string
		err := rows.Scan(&p)
		c.Enabled = append(c.Enabled, client.Product(p))
		return err
	}, "SELECT product FROM customer_products WHERE client_id = ? AND enabled = 1 ORDER BY product", clientID)
	return c, err
}

// saveCustomer writes a customer as it now is, with the standing the API
// answers: its status, each product's status, the requirements due.
func (e *Emulator) saveCustomer(tx *txn, c *customer, created bool) error {
	status, statuses, due := e.standing(c)
	now := formatTime(e.now())
	var err error
	if created {
		_, err = tx.exec(`INSERT INTO customers (client_id, app_key, company_name, request, has_logo, secrets, status, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.ClientID, fold(c.Request.ApplicationName), c.Request.CompanyName,
			jsonText(storedRequest{c.Request, c.Public}), c.HasLogo, jsonText(c.Secrets), status, formatTime(c.CreatedAt), now)
	} else {
		_, err = tx.exec("UPDATE customers SET request = ?, status = ?, updated_at = ? WHERE client_id = ?",
			jsonText(storedRequest{c.Request, c.Public}), status, now, c.ClientID)
	}
	if err != nil {
		return err
	}
	for _, stmt := range []string{"DELETE FROM customer_products WHERE client_id = ?", "DELETE FROM customer_requirements WHERE client_id = ?"} {
		if _, err := tx.exec(stmt, c.ClientID); err != nil {
			return err
		}
	}
	for _, p := range e.products(c) {
		if _, err := tx.exec("INSERT OR IGNORE INTO customer_products (client_id, product, status, enabled) VALUES (?, ?, ?, ?)",
			c.ClientID, string(p), statuses[string(p)], slices.Contains(c.Enabled, p)); err != nil {
			return err
		}
	}
	for i, d := range due {
		if _, err := tx.exec("INSERT INTO customer_requirements (client_id, position, requirement) VALUES (?, ?, ?)",
			c.ClientID, i, string(d)); err != nil {
			return err
		}
	}
	return nil
}

// appNameOwner is the end customer whose application already has this
// name (folded), if any: names are unique across Plaid.
func appNameOwner(tx *txn, name string) (clientID, taken string, err error) {
	var request string
	err = tx.row("SELECT client_id, request FROM customers WHERE app_key = ?", fold(name)).Scan(&clientID, &request)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", err
	}
	var r client.PartnerCustomerCreateRequest
	if err := json.Unmarshal([]byte(request), &r); err != nil {
		return "", "", err
	}
	return clientID, r.ApplicationName, nil
}

package emulator

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// MatchField is a kind of personal data Beacon can match on.
type MatchField string

// The fields a program's Duplicate Information Filtering can count, and
// that fraud reports and the network list match on.
const (
	MatchNameDOB   MatchField = "name_dob"
	MatchEmail     MatchField = "email_address"
	MatchPhone     MatchField = "phone_number"
	MatchIDNumber  MatchField = "id_number"
	MatchIPAddress MatchField = "ip_address"
	MatchAccount   MatchField = "depository_account"
	MatchAddress   MatchField = "address"
)

// MatchFields lists them; fraud and network matching use all but IP and
// address, which many honest people share.
var MatchFields = []MatchField{MatchNameDOB, MatchEmail, MatchPhone, MatchIDNumber, MatchIPAddress, MatchAccount, MatchAddress}

var fraudFields = []MatchField{MatchNameDOB, MatchEmail, MatchPhone, MatchIDNumber, MatchAccount}

// Program is a Beacon program as the emulator models it.
type Program struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// DuplicateFields are the fields whose match with another user of the
	// same program puts a new user in pending_review.
	DuplicateFields []MatchField `json:"duplicate_fields"`
	// AutoFlagNetworkFraud puts users matching the Beacon Network's reports
	// in pending_review.
	AutoFlagNetworkFraud bool `json:"auto_flag_network_fraud"`
	// Webhook is where this program's Beacon webhooks go (else the
	// emulator's --webhook).
	Webhook string `json:"webhook,omitempty"`
}

// DefaultPrograms are the programs every emulator has: the spec's example
// id, strict, and a relaxed one that ignores network reports.
func DefaultPrograms() []Program {
	return []Program{
		{
			ID: "becprg_11111111111111", Name: "Default program",
			DuplicateFields:      []MatchField{MatchNameDOB, MatchEmail, MatchPhone, MatchIDNumber, MatchAccount},
			AutoFlagNetworkFraud: true,
		},
		{
			ID: "becprg_22222222222222", Name: "Relaxed program",
			DuplicateFields:      []MatchField{MatchIDNumber},
			AutoFlagNetworkFraud: false,
		},
	}
}

// PartnerProfile is the reseller the emulator's credentials belong to.
type PartnerProfile struct {
	// DefaultProducts apply when a create request names none.
	DefaultProducts []client.Product `json:"default_products"`
	// HasTechnicalContact and HasBillingContact say whether the partner's
	// Dashboard holds contacts that an end customer without its own
	// inherits; without them the contact is due.
	HasTechnicalContact bool `json:"has_technical_contact"`
	HasBillingContact   bool `json:"has_billing_contact"`
	// Webhook is where end customers' PARTNER webhooks go (else the
	// emulator's --webhook); CustomerWebhooks override it for the end
	// customers of an application name (client ids are made at create, so
	// the config names the application).
	Webhook          string            `json:"webhook,omitempty"`
	CustomerWebhooks map[string]string `json:"customer_webhooks,omitempty"`
}

// customerWebhook is where an end customer's PARTNER webhooks go ("" for
// the emulator's own).
func (p PartnerProfile) customerWebhook(applicationName string) string {
	for name, url := range p.CustomerWebhooks {
		if strings.EqualFold(strings.TrimSpace(name), strings.TrimSpace(applicationName)) {
			return url
		}
	}
	return p.Webhook
}

// DefaultPartner has contacts on file and three common products.
func DefaultPartner() PartnerProfile {
	return PartnerProfile{
		DefaultProducts:     []client.Product{"auth", "identity", "transactions"},
		HasTechnicalContact: true,
		HasBillingContact:   true,
	}
}

// Config is the emulator's configuration file.
type Config struct {
	Programs []Program       `json:"programs"`
	Partner  *PartnerProfile `json:"partner"`
}

// LoadConfig reads a configuration file. Programs it lists are added to
// the defaults (replacing one with the same id).
func LoadConfig(path string) (Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("reading emulator config: %w", err)
	}
	var cfg Config
	if err := client.BOMError(b); err != nil {
		return Config{}, fmt.Errorf("emulator config %s %w", path, err)
	}
	if err := json.Unmarshal(b, &cfg); err != nil {
		return Config{}, fmt.Errorf("emulator config %s: %w", path, err)
	}
	for _, p := range cfg.Programs {
		if p.ID == "" {
			return Config{}, fmt.Errorf("emulator config %s: a program has no id", path)
		}
		for _, f := range p.DuplicateFields {
			if !slices.Contains(MatchFields, f) {
				return Config{}, fmt.Errorf("emulator config %s: program %s: %q is not a match field (%v)", path, p.ID, f, MatchFields)
			}
		}
	}
	return cfg, nil
}

// mergePrograms adds extra to base, an extra program replacing a base one
// with the same id.
func mergePrograms(base, extra []Program) []Program {
	out := slices.Clone(base)
	for _, p := range extra {
		if i := slices.IndexFunc(out, func(q Program) bool { return q.ID == p.ID }); i >= 0 {
			out[i] = p
		} else {
			out = append(out, p)
		}
	}
	return out
}

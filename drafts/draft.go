// Package drafts keeps every wizard's answers on disk from the first
// keystroke: JSON files in the user's data directory, written atomically,
// personal data encrypted, with the submissions made from each draft.
package drafts

import (
	"slices"
	"strings"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// Kind is which request a draft holds.
type Kind string

// The kinds of draft.
const (
	PartnerCustomer Kind = "partner_customer"
	BeaconUser      Kind = "beacon_user"
)

// Label is how screens name a kind.
func (k Kind) Label() string {
	switch k {
	case PartnerCustomer:
		return "partner customer"
	case BeaconUser:
		return "Beacon screening"
	}
	return string(k)
}

// Draft is one wizard's state. Its answers are the request body itself —
// never client_id or secret, which the client sends only in headers.
type Draft struct {
	Schema    int       `json:"schema"`
	ID        string    `json:"id"`
	Kind      Kind      `json:"kind"`
	Title     string    `json:"title"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	// Step is the id of the wizard step the user was on.
	Step string `json:"step,omitempty"`
	// Revision counts saves; it tells two copies of a draft apart.
	Revision int64 `json:"revision"`
	// LastSubmission repeats the last of Submissions near the top of the
	// file, so listing drafts reads only the head of each file. It is
	// always written (null when there is none): its absence marks a file
	// written before it existed.
	LastSubmission *Submission `json:"last_submission"`

	// PIIOmitted records that the draft was saved with --no-save-pii: its
	// dates of birth, ID numbers, account numbers and access tokens were
	// kept in memory only and must be typed again.
	PIIOmitted bool `json:"pii_omitted,omitempty"`
	// LogoFile names the file beside the draft holding the partner logo
	// (see logo.go); LogoMissing is set on load when it is gone.
	LogoFile string `json:"logo_file,omitempty"`
	// Batch names the import a draft came from (`drafts import --batch`):
	// the home screen shows a batch as one row, `submit --batch` sends it.
	Batch string `json:"batch,omitempty"`
	// BatchIndex is the draft's place in its batch (the record's order in
	// the file, from 1): a batch is sent in that order.
	BatchIndex int `json:"batch_index,omitempty"`
	// FromTemplate lists the answers a new draft took from a template
	// (`drafts template`), so the wizard can say where they came from.
	FromTemplate []string `json:"from_template,omitempty"`

	// What the listing needs ends here; the answers follow.

	Partner *client.PartnerCustomerCreateRequest `json:"partner,omitempty"`
	Beacon  *client.BeaconUserCreateRequest      `json:"beacon,omitempty"`
	// UI holds what the forms need beyond the body (a chosen "use the
	// partner's default" for a contact, the logo's file path).
	UI map[string]string `json:"ui,omitempty"`

	Submissions []Submission `json:"submissions,omitempty"`

	// PIIUnreadable is set on load when encrypted fields could not be
	// decrypted (the key is gone); they are left empty.
	PIIUnreadable bool `json:"-"`
	LogoMissing   bool `json:"-"`
}

// Submission records one request sent from a draft, so the program can
// warn before the same draft is sent twice.
type Submission struct {
	At  time.Time          `json:"at"`
	Env client.Environment `json:"env"`
	// Emulator is the served emulator it went to (PLAID_ONBOARD_EMULATOR_URL),
	// "" for Plaid or the built-in one: what it made is looked up there.
	Emulator  string `json:"emulator,omitempty"`
	Endpoint  string `json:"endpoint"`
	RequestID string `json:"request_id,omitempty"`
	// Outcome is "succeeded", "rejected", "outcome unknown" or "not sent"
	// (client.Outcome's words).
	Outcome   string `json:"outcome"`
	ErrorCode string `json:"error_code,omitempty"`
	// The ids Plaid returned, and the status it gave.
	ClientID     string `json:"client_id,omitempty"`
	BeaconUserID string `json:"beacon_user_id,omitempty"`
	Status       string `json:"status,omitempty"`
}

// OutcomeSending is the outcome recorded before a request leaves, and
// replaced by the real one when the answer comes. Found on a draft, it
// means the program stopped while the request was on its way: its outcome
// is unknown.
const OutcomeSending = "sending"

// Succeeded reports whether a submission created something.
func (s Submission) Succeeded() bool { return s.Outcome == client.OutcomeNone.String() }

// Unknown reports whether the submission's outcome is unknown: no usable
// answer came, or the program stopped while it was being sent.
func (s Submission) Unknown() bool {
	return s.Outcome == client.Unknown.String() || s.Outcome == OutcomeSending
}

// OutcomeWords is the outcome as lists show it: "sent, cleared",
// "rejected", "outcome unknown (stopped while sending)".
func (s Submission) OutcomeWords() string {
	switch {
	case s.Outcome == OutcomeSending:
		return "outcome unknown (stopped while sending)"
	case s.Succeeded() && s.Status != "":
		return "sent, " + s.Status
	case s.Succeeded():
		return "sent"
	}
	return s.Outcome
}

// LastSuccess returns the latest submission that created something, if any.
func (d *Draft) LastSuccess() (Submission, bool) {
	for i := len(d.Submissions) - 1; i >= 0; i-- {
		if d.Submissions[i].Succeeded() {
			return d.Submissions[i], true
		}
	}
	return Submission{}, false
}

// RefreshTitle derives the title from the answers: the application or
// company for a partner customer, the person's name for a screening.
func (d *Draft) RefreshTitle() {
	var parts []string
	switch {
	case d.Partner != nil:
		parts = []string{d.Partner.ApplicationName}
		if c := d.Partner.CompanyName; c != "" && !strings.EqualFold(c, d.Partner.ApplicationName) {
			parts = append(parts, "("+c+")")
		}
	case d.Beacon != nil:
		parts = []string{d.Beacon.User.Name.GivenName, d.Beacon.User.Name.FamilyName}
	}
	d.Title = strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// DisplayTitle is the title, or a stand-in while there is none.
func (d *Draft) DisplayTitle() string {
	if d.Title != "" {
		return d.Title
	}
	return "untitled " + d.Kind.Label()
}

// Clone copies a draft deeply enough that the copy can be encoded on
// another goroutine while the original keeps changing: every slice and map
// is copied (strings are immutable and shared).
func (d *Draft) Clone() *Draft {
	c := *d
	c.UI = cloneMap(d.UI)
	c.Submissions = slices.Clone(d.Submissions)
	if d.Partner != nil {
		p := clonePartner(*d.Partner)
		c.Partner = &p
	}
	if d.Beacon != nil {
		b := *d.Beacon
		b.AccessTokens = slices.Clone(b.AccessTokens)
		b.User.DepositoryAccounts = slices.Clone(b.User.DepositoryAccounts)
		c.Beacon = &b
	}
	return &c
}

func clonePartner(p client.PartnerCustomerCreateRequest) client.PartnerCustomerCreateRequest {
	p.Products = slices.Clone(p.Products)
	p.RedirectURIs = slices.Clone(p.RedirectURIs)
	p.IsDiligenceAttested = cloneBool(p.IsDiligenceAttested)
	p.CreateLinkCustomization = cloneBool(p.CreateLinkCustomization)
	p.BankAddendumAcceptance.CustomerAccepted = cloneBool(p.BankAddendumAcceptance.CustomerAccepted)
	q := &p.Questionnaires.CRA
	q.IsThirdPartyInvolved = cloneBool(q.IsThirdPartyInvolved)
	q.IsTechnicalServiceProviderInvolved = cloneBool(q.IsTechnicalServiceProviderInvolved)
	if q.Purposes != nil {
		purposes := make(map[client.CRAPurpose]client.CRAUseCases, len(q.Purposes))
		for k, v := range q.Purposes {
			purposes[k] = client.CRAUseCases{UseCases: slices.Clone(v.UseCases)}
		}
		q.Purposes = purposes
	}
	return p
}

func cloneBool(b *bool) *bool {
	if b == nil {
		return nil
	}
	v := *b
	return &v
}

func cloneMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Request is the request the draft holds (a pointer), or nil.
func (d *Draft) Request() any {
	switch {
	case d.Partner != nil:
		return d.Partner
	case d.Beacon != nil:
		return d.Beacon
	}
	return nil
}

package wizard

import (
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

// Golden files hold the ANSI-stripped View of each screen at 80×22 (the
// body an 80×24 terminal leaves under the header and footer). Regenerate
// with: go test ./ui/wizard -run Golden -update
func requireGolden(t *testing.T, r *rig) {
	t.Helper()
	golden.RequireEqual(t, []byte(ansi.Strip(r.w.View())))
}

func goldenRig(t *testing.T, d *drafts.Draft) *rig {
	r := newRig(t, client.Local)
	d.ID = "gld3n5"
	r.open(d.Kind, d)
	r.w.SetSize(78, 20)
	return r
}

func TestGoldenFirstStep(t *testing.T) {
	r := goldenRig(t, newDraft(drafts.PartnerCustomer))
	requireGolden(t, r)
}

func TestGoldenPhoneWithFix(t *testing.T) {
	d := newDraft(drafts.PartnerCustomer)
	d.Partner.Address.CountryCode = "US"
	d.Step = "support"
	r := goldenRig(t, d)
	r.typ("help@pawnee.example.com")
	r.keys("tab")
	r.typ("(317) 555-0100")
	requireGolden(t, r)
}

func TestGoldenReviewWithProblems(t *testing.T) {
	d := newDraft(drafts.PartnerCustomer)
	d.Partner = samples.PartnerMinimal()
	d.Partner.Website = "eagleton bank"
	d.Partner.Address.City = "12"
	r := goldenRig(t, d)
	r.keys("ctrl+r")
	requireGolden(t, r)
}

func TestGoldenPartnerResult(t *testing.T) {
	r := goldenRig(t, fullPartnerDraft())
	r.w.result = partnerFlavor{}.newResult(r.w, actions.Sent{Customer: &client.PartnerCustomerCreateResponse{
		EndCustomer: client.PartnerEndCustomerWithSecrets{
			PartnerEndCustomer: client.PartnerEndCustomer{
				ClientID: "7f57eb3d2a9j6480121fx361", CompanyName: "Pawnee Parks Credit Union",
				Status:          client.StatusMoreInformationNeeded,
				ProductStatuses: map[string]string{"auth": "PENDING_ENABLEMENT", "cra_base_report": "MORE_INFORMATION_NEEDED"},
				RequirementsDue: []client.RequirementDue{"is_diligence_attested", "questionnaires.cra"},
			},
			Secrets: client.PartnerSecrets{Sandbox: "b60b5201d006ca5a7081d27c824d77", Production: "79g03eoofwl8240v776r2h667442119"},
		},
		RequestID: "4zlKapIkTm8p5KM",
	}})
	r.w.mode = modeResult
	requireGolden(t, r)
}

func beaconUser(status client.BeaconUserStatus) *client.BeaconUser {
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	return &client.BeaconUser{RequestID: "saKrIBuEB9qJZng", BeaconUserRecord: client.BeaconUserRecord{
		ID: "becusr_42cF1MNo42r9Xj", Version: 1, Status: status, ProgramID: "becprg_11111111111111",
		ClientUserID: "your-db-id-3b24110", CreatedAt: at, UpdatedAt: at,
		User: client.BeaconUserData{
			Name:               client.BeaconUserName{GivenName: "Leslie", FamilyName: "Knope"},
			DepositoryAccounts: []client.BeaconUserDepositoryAccount{{AccountMask: "7890", RoutingNumber: "021000021", AddedAt: at}},
		},
		AuditTrail: client.BeaconAuditTrail{Source: client.AuditAPI, Timestamp: at},
	}}
}

func TestGoldenBeaconCleared(t *testing.T) {
	d := newDraft(drafts.BeaconUser)
	d.Beacon = samples.BeaconCreate()
	r := goldenRig(t, d)
	r.w.result = beaconFlavor{}.newResult(r.w, actions.Sent{Beacon: beaconUser(client.BeaconCleared)})
	r.w.mode = modeResult
	requireGolden(t, r)
}

func TestGoldenBeaconRejected(t *testing.T) {
	d := newDraft(drafts.BeaconUser)
	d.Beacon = samples.BeaconCreate()
	r := goldenRig(t, d)
	r.w.result = beaconFlavor{}.newResult(r.w, actions.Sent{Beacon: beaconUser(client.BeaconRejected)})
	r.w.mode = modeResult
	requireGolden(t, r)
}

func TestGoldenPlaidError(t *testing.T) {
	r := goldenRig(t, fullPartnerDraft())
	msg := "the application name \"Pawnee Parks Money\" is taken"
	r.w.failure = newFailure(r.w, &client.Error{HTTPStatus: 400, ErrorType: "PARTNER_ERROR", ErrorCode: "CUSTOMER_ALREADY_CREATED",
		ErrorMessage: msg, RequestID: "req123", DocumentationURL: "https://plaid.com/docs/errors/"})
	r.w.mode = modeFailure
	requireGolden(t, r)
}

func TestGoldenNarrow(t *testing.T) {
	d := newDraft(drafts.PartnerCustomer)
	d.Step = "address"
	r := goldenRig(t, d)
	r.w.SetSize(58, 16)
	requireGolden(t, r)
}

func newDraft(kind drafts.Kind) *drafts.Draft {
	d := &drafts.Draft{Kind: kind, UI: map[string]string{}}
	switch kind {
	case drafts.PartnerCustomer:
		d.Partner = &client.PartnerCustomerCreateRequest{}
	case drafts.BeaconUser:
		d.Beacon = &client.BeaconUserCreateRequest{}
	}
	return d
}

func fullPartnerDraft() *drafts.Draft {
	d := newDraft(drafts.PartnerCustomer)
	d.Partner = samples.PartnerCreate()
	return d
}

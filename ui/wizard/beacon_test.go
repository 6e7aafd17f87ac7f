package wizard

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

// TestBeaconWizardEndToEnd screens a person by keys, then acts on the
// result: report as fraud, review to rejected, edit and re-screen.
func TestBeaconWizardEndToEnd(t *testing.T) {
	r := newRig(t, client.Local)
	r.open(drafts.BeaconUser, nil)

	r.atStep("program")
	r.typ("becprg_1")
	r.see("Default program (becprg_11111111111111)")
	r.keys("enter")
	r.see("cust-") // a generated client user id is offered
	r.keys("ctrl+y", "enter")
	if got := r.w.flow.Draft.Beacon; got.ProgramID != "becprg_11111111111111" || !strings.HasPrefix(got.ClientUserID, "cust-") {
		t.Fatalf("program %q, client user id %q", got.ProgramID, got.ClientUserID)
	}

	r.atStep("name")
	r.typ("Leslie")
	r.keys("tab")
	r.typ("Knope")
	r.keys("enter")

	r.atStep("birth")
	r.typ("19750118")
	r.see("must be written YYYY-MM-DD", "1975-01-18")
	r.keys("ctrl+y", "enter")

	r.atStep("contact")
	r.typ("leslie@pawnee.example.gov")
	r.keys("tab")
	r.typ("317 555 0123")
	r.see("+13175550123")
	r.keys("ctrl+y", "enter")

	r.atStep("address")
	r.typ("us")
	r.keys("enter")
	r.typ("indiana")
	r.keys("enter")
	r.typ("46001")
	r.keys("tab")
	r.typ("123 Main St.")
	r.keys("tab", "tab")
	r.typ("Pawnee")
	r.keys("enter")

	r.atStep("id_number")
	r.see("US Social Security number", "US SSN, last 4 digits") // narrowed to the US
	if strings.Contains(r.screen(), "Mexico") {
		t.Fatal("ID types of other countries are listed for a US address")
	}
	r.typ("social")
	r.keys("enter")
	r.typ("123456789")
	if strings.Contains(r.screen(), "123456789") {
		t.Fatal("the ID number is shown as it is typed")
	}
	r.keys("enter")

	r.atStep("accounts")
	r.keys("a")
	r.typ("021000021")
	r.keys("tab")
	r.typ("1234567890")
	r.keys("enter")
	r.see("routing 021000021 · account ••••••7890")
	r.keys("tab")

	r.atStep("tokens")
	r.keys("tab")
	r.atStep("ip")
	r.typ("192.0.2.42")
	r.keys("enter")

	if r.w.mode != modeReview {
		t.Fatalf("not on the review:\n%s", r.screen())
	}
	r.see("Ready to send")
	r.keys("s")
	r.await()
	r.see("CLEARED", "Nothing found", "becusr_", "version 1", "api ·", "••••7890")
	first := r.w.result.(*beaconResult).user

	// Report as fraud, then review to rejected.
	r.keys("p")
	r.see("What kind of fraud?")
	r.keys("enter", "enter") // first party; today's date
	r.typ("1250.50")
	r.keys("enter")
	// A report cannot be undone from here: it asks first, restating what
	// it sends and saying what it does (the status does not change by
	// itself).
	r.see("Report "+first.ID+" for fraud: first party", "on "+testNow.Format("2006-01-02"), "USD 1250.50 lost",
		"cannot delete a report", "does not change by itself")
	r.keys("y")
	r.await()
	r.see("fraud report becrpt_")
	r.keys("v", "down", "down", "enter") // rejected
	r.await()
	r.see("REJECTED", "do not onboard", "Rejected by hand after review")
	if strings.Contains(r.screen(), "Matches one of your organisation") {
		t.Fatal("a status set by hand is explained as a screening's finding")
	}
	// The draft shows the status as it is now, not what create answered.
	if sub, _ := r.w.flow.Draft.LastSuccess(); sub.Status != "rejected" {
		t.Fatalf("the draft still says %q after the review", sub.Status)
	}

	// Cleared is refused while a report stands, with Plaid's rules.
	r.keys("v", "up", "up", "enter")
	r.await()
	r.see("refused the status", "rejected needs a fraud report")

	// Edit and re-screen: /update, the version goes up.
	r.keys("e")
	r.atStep("program")
	r.keys("ctrl+g", "down", "down", "down", "enter")
	r.atStep("contact")
	r.keys("ctrl+u") // clear the email, type another
	r.typ("leslie.knope@pawnee.example.gov")
	r.keys("ctrl+r")
	r.see("s re-screens the same user with /update")
	r.keys("s")
	r.await()
	if r.w.mode != modeResult {
		t.Fatalf("re-screen failed:\n%s", r.screen())
	}
	got := r.w.result.(*beaconResult).user
	if got.ID != first.ID || got.Version != 2 {
		t.Fatalf("re-screen made %s v%d from %s v%d", got.ID, got.Version, first.ID, first.Version)
	}
	if subs := r.w.flow.Draft.Submissions; subs[len(subs)-1].Endpoint != client.PathBeaconUserUpdate {
		t.Errorf("last submission went to %s", subs[len(subs)-1].Endpoint)
	}
}

func TestBeaconNeedsBirthDateOrAccount(t *testing.T) {
	r := newRig(t, client.Sandbox)
	d := r.store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconMinimal()
	d.Beacon.User.DateOfBirth = ""
	r.open(drafts.BeaconUser, d)
	r.keys("ctrl+r")
	r.see("1 problem", "Date of birth — a date of birth or at least one bank account is required", "user.date_of_birth")
	r.keys("enter")
	r.atStep("birth")
}

// On the built-in emulator a date of birth and an address are needed
// (catalog.EmulatorNeedsAddress), and the review says why.
func TestBeaconOnTheEmulatorNeedsBirthDateAndAddress(t *testing.T) {
	r := newRig(t, client.Local)
	d := r.store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconMinimal()
	d.Beacon.User.DateOfBirth = ""
	d.Beacon.User.DepositoryAccounts = []client.BeaconUserRequestDepositoryAccount{{RoutingNumber: "021000021", AccountNumber: "1234567890"}}
	r.open(drafts.BeaconUser, d)
	r.keys("ctrl+r")
	r.see("2 problems", "the built-in emulator needs a date of birth", "the built-in emulator needs an address")
}

func TestRejectedAfterAFraudReport(t *testing.T) {
	r := newRig(t, client.Local)
	ron := r.store.New(drafts.BeaconUser)
	ron.Beacon = samples.BeaconLocal()
	r.open(drafts.BeaconUser, ron)
	r.keys("ctrl+r", "s")
	r.await()
	r.see("CLEARED")
	r.keys("p", "enter", "enter", "enter", "y")
	r.await()
	r.w.Close()

	again := r.store.New(drafts.BeaconUser)
	again.Beacon = samples.BeaconLocal()
	again.Beacon.ClientUserID = "cust-0003"
	again.Beacon.ProgramID = "becprg_22222222222222" // another program: reports count across programs
	r.open(drafts.BeaconUser, again)
	r.keys("ctrl+r", "s")
	r.await()
	r.see("REJECTED", "Matches one of your organisation's fraud reports")
}

// The fraud report form fits a small terminal: every field, down to the
// amount, is on screen while it is answered.
func TestReportFormFitsTheScreen(t *testing.T) {
	r := newRig(t, client.Local)
	d := r.store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconCreate()
	r.open(drafts.BeaconUser, d)
	r.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	r.keys("ctrl+r", "s")
	r.await()
	r.keys("p", "enter", "enter") // to the amount
	lines := strings.Split(r.screen(), "\n")
	if len(lines) > 22 {
		lines = lines[:22] // what the app shows under its header and above its footer
	}
	if shown := strings.Join(lines, "\n"); !strings.Contains(shown, "Amount lost") || !strings.Contains(shown, "What kind of fraud?") {
		t.Fatalf("the form does not fit:\n%s", shown)
	}
}

// A list item corrected in its form loses its ✗ at once, and so does its
// step in the step list.
func TestCorrectedListItemLosesItsMark(t *testing.T) {
	r := newRig(t, client.Local)
	d := r.store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconCreate()
	d.Beacon.User.DepositoryAccounts[0].AccountNumber = "12" // too short
	r.open(drafts.BeaconUser, d)
	r.goTo("accounts")
	r.atStep("accounts")
	r.await()
	r.see("✗ 1.")
	r.keys("enter", "tab") // edit the account: to its number
	for range 2 {
		r.keys("backspace")
	}
	r.typ("1234567890")
	r.keys("esc")
	r.await()
	if s := r.screen(); strings.Contains(s, "✗") {
		t.Fatalf("a mark is stale after the fix:\n%s", s)
	}
	r.see("✓ 1.")
	r.keys("ctrl+r")
	r.see("Ready to send")
	r.keys("esc")
	r.see("› Bank accounts") // the step list agrees
	if strings.Contains(r.screen(), "✗") {
		t.Fatalf("a step keeps a stale ✗:\n%s", r.screen())
	}
}

// The step list's marks agree with the review: every broken rule marks
// its step ✗, whether the step was opened in this session or not; a
// resumed draft's filled steps are ✓; the current step keeps its ›.
func TestStepMarksAgreeWithTheReview(t *testing.T) {
	r := newRig(t, client.Local)
	d := r.store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconCreate()
	d.Beacon.User.DateOfBirth = "1975-02-30"
	d.Beacon.User.IPAddress = "192.168.1.300"
	r.open(drafts.BeaconUser, d)
	r.await()
	for _, want := range []string{"✗ Date of birth", "✗ IP address", "✓ Name", "✓ Bank accounts"} {
		r.see(want)
	}
	r.goTo("birth")
	r.see("› Date of birth") // current, though wrong
	r.keys("ctrl+r")
	r.see("2 problems")
}

func TestCorrectedNewListItemLosesItsMark(t *testing.T) {
	r := newRig(t, client.Local)
	d := r.store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconCreate()
	d.Beacon.User.DepositoryAccounts = nil
	r.open(drafts.BeaconUser, d)
	r.goTo("accounts")
	r.atStep("accounts")
	r.keys("a")
	r.typ("021000021")
	r.keys("tab")
	r.typ("12")
	r.keys("enter")
	r.await()
	r.see("✗ 1.")
	r.keys("enter", "tab")
	r.typ("34567")
	r.keys("enter")
	r.await()
	if s := r.screen(); strings.Contains(s, "✗") {
		t.Fatalf("a mark is stale after the fix:\n%s", s)
	}
	r.see("✓ 1.")
}

package plain

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/internal/emutest"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

var testNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// newDeps wires real parts: a drafts store in a temporary directory and
// the emulator over loopback HTTP.
func newDeps(t *testing.T, env client.Environment) uikit.Deps {
	t.Helper()
	c, _ := emutest.Client(t, env, func() time.Time { return testNow })
	return uikit.Deps{
		Env: env, Client: c, Store: emutest.Store(t), Now: func() time.Time { return testNow },
		Programs: []widgets.PickOption{{Value: "becprg_11111111111111", Label: "Default program"}, {Value: "becprg_22222222222222", Label: "Relaxed program"}},
	}
}

// run answers a session from lines and returns what it printed.
func run(t *testing.T, deps uikit.Deps, req Request, lines ...string) string {
	t.Helper()
	out, err := runErr(deps, req, lines...)
	if err != nil {
		t.Fatalf("session: %v\n%s", err, out)
	}
	return out
}

// runErr is run for a session that may end with an error.
func runErr(deps uikit.Deps, req Request, lines ...string) (string, error) {
	var out bytes.Buffer
	err := New(deps, strings.NewReader(strings.Join(lines, "\n")+"\n"), &out).Run(context.Background(), req)
	return out.String(), err
}

func mustSee(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Fatalf("the output lacks %q:\n%s", w, out)
		}
	}
}

// onlyDraft is the one draft in the store.
func onlyDraft(t *testing.T, deps uikit.Deps) *drafts.Draft {
	t.Helper()
	list, _, err := deps.Store.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("drafts: %v, %v", list, err)
	}
	d, err := deps.Store.Load(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// adaAnswers screen Ada Lovelace: every step of the Beacon flow.
var adaAnswers = []string{
	"1", "", // program by number; generated client user id
	"Ada", "Lovelace",
	"1990-01-31",
	"ada@example.com", "415 555 0100", "y", // the phone fixed to E.164
	"US", "CA", "94103", "1 Main St", "", "San Francisco",
	"us_ssn", "512345678",
	"a", "021000021", "1234567890", "", // one bank account
	"",            // no access tokens
	"203.0.113.7", // IP
}

// An agent screens one person who is cleared, reports them for fraud and
// rejects them; the next person with the same details is rejected at once.
func TestBeaconClearedThenRejectedAfterFraudReport(t *testing.T) {
	deps := newDeps(t, client.Local)
	answers := append(append([]string{}, adaAnswers...),
		"s",                  // send from the review
		"p", "", "", "", "y", // report fraud: first party, today, amount unknown; yes, report
		"v", "3", // set the status to rejected
		"", // done
	)
	out := run(t, deps, Request{Flow: "beacon"}, answers...)
	mustSee(t, out, "Suggested: +14155550100", "Phone is now +14155550100.", "Ready: every answer passes its checks",
		"Status: CLEARED", "Nothing found", "Fraud report", "done: status rejected, version 1")
	// The draft shows the status after the review, not the one create gave.
	d := onlyDraft(t, deps)
	if s, ok := d.LastSuccess(); !ok || s.Status != "rejected" || s.BeaconUserID == "" {
		t.Fatalf("submission not recorded: %+v", d.Submissions)
	}
	if d.Beacon.User.PhoneNumber != "+14155550100" {
		t.Fatalf("phone saved as %q", d.Beacon.User.PhoneNumber)
	}

	again := run(t, deps, Request{Flow: "beacon"}, append(append([]string{}, adaAnswers...), "s", "")...)
	mustSee(t, again, "Status: REJECTED", "Matches one of your organisation's fraud reports")
}

// The partner flow end to end on piped answers: a wrong postal code fixed
// with y, a support phone kept as typed (Plaid gives it no format: a note
// with a suggestion), a billing contact filled in, a logo, a redirect URI,
// then the result.
func TestPartnerFlowFromPipedAnswers(t *testing.T) {
	deps := newDeps(t, client.Local)
	logo := filepath.Join(t.TempDir(), "logo.png")
	if err := os.WriteFile(logo, samples.LogoPNG(), 0o600); err != nil {
		t.Fatal(err)
	}
	out := run(t, deps, Request{Flow: "customer"},
		"Pawnee Parks", "Pawnee Parks App", "Pawnee Parks LLC", "pawnee.example.com",
		"United States", "Indiana", "47998-0001", "y", "100 State St", "Pawnee",
		"help@pawnee.example.com", "(317) 555-0100", "pawnee.example.com/help", "",
		"1", "2", "Leslie", "Knope", "leslie@pawnee.example.com",
		"2 9", "", "", // auth and transactions; no more products
		logo,
		"a", "https://pawnee.example.com/oauth", "",
		"yes", "203.0.113.9", "",
		"yes", "yes",
		"b", "s", // body, then send
		"r", "", // reveal the secrets, done
	)
	mustSee(t, out, "Note on Support phone", "Suggested: +13175550100", "Chosen: Indiana (IN)", "1024×1024",
		`"postal_code": "47998"`, `"phone_number": "(317) 555-0100"`, "End customer created", "client_id: ", "Product auth: ")
	if strings.Count(out, "Secret, sandbox: ") != 2 {
		t.Fatalf("the secret is not read out masked, then revealed:\n%s", out)
	}
	d := onlyDraft(t, deps)
	if s, ok := d.LastSuccess(); !ok || s.ClientID == "" {
		t.Fatalf("no submission recorded: %+v", d.Submissions)
	}
	if len(d.Partner.Products) != 2 || d.Partner.BillingContact.GivenName != "Leslie" || d.Partner.Logo == "" {
		t.Fatalf("answers not in the draft: %+v", d.Partner)
	}
}

// Input that ends half way leaves every answer given in the draft, says
// the exact command that resumes it, and is no success (exit 2).
func TestInputEndingKeepsTheAnswers(t *testing.T) {
	deps := newDeps(t, client.Local)
	out, err := runErr(deps, Request{Flow: "beacon"}, "1", "", "Grace", "Hop")
	d := onlyDraft(t, deps)
	mustSee(t, out, "Input ended before the draft was done. Draft "+d.ID+" is saved: plaid-onboard beacon --draft "+d.ID+" --accessible resumes it.")
	if code := exitcode.Of(err); code != exitcode.Usage {
		t.Errorf("exit %d (%v), want %d", code, err, exitcode.Usage)
	}
	if d.Beacon.User.Name.GivenName != "Grace" || d.Beacon.User.Name.FamilyName != "Hop" {
		t.Fatalf("answers lost: %+v", d.Beacon.User.Name)
	}
}

// syncBuffer is written by the session and read by the test.
type syncBuffer struct {
	mu      sync.Mutex
	b       bytes.Buffer
	written chan struct{} // a write happened since the last look
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.written == nil {
		s.written = make(chan struct{}, 1)
	}
	select {
	case s.written <- struct{}{}:
	default:
	}
	return s.b.Write(p)
}

// waitFor waits until the output shows want.
func (s *syncBuffer) waitFor(t *testing.T, want string) {
	t.Helper()
	s.mu.Lock()
	if s.written == nil {
		s.written = make(chan struct{}, 1)
	}
	written := s.written
	s.mu.Unlock()
	deadline := time.NewTimer(tuitest.Patience)
	defer deadline.Stop()
	for !strings.Contains(s.String(), want) {
		select {
		case <-written:
		case <-deadline.C:
			t.Fatalf("waited %v for %q:\n%s", tuitest.Patience, want, s.String())
		}
	}
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Ctrl-C while a question waits ends the session at once, with every
// answer given saved.
func TestInterruptSavesAndStops(t *testing.T) {
	deps := newDeps(t, client.Local)
	pr, pw := io.Pipe()
	t.Cleanup(func() { pw.Close() })
	out := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- New(deps, pr, out).Run(ctx, Request{Flow: "beacon"}) }()
	if _, err := io.WriteString(pw, "1\n\nKatherine\n"); err != nil {
		t.Fatal(err)
	}
	out.waitFor(t, "Family name:")
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, ErrAborted) {
			t.Fatalf("Run = %v", err)
		}
	case <-time.After(tuitest.Patience):
		t.Fatal("an interrupt did not end the session")
	}
	d := onlyDraft(t, deps)
	mustSee(t, out.String(), "Interrupted. Draft "+d.ID+" is saved")
	if d.Beacon.User.Name.GivenName != "Katherine" {
		t.Fatalf("the answer before the interrupt is lost: %+v", d.Beacon.User.Name)
	}
}

// A resumed draft opens on the review, where a problem's number asks the
// step that fixes it; sending is refused while problems remain.
func TestReviewListsProblemsAndFixesThem(t *testing.T) {
	deps := newDeps(t, client.Local)
	d := deps.Store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconCreate()
	d.Beacon.User.EmailAddress = "ada@example"
	if err := deps.Store.Save(d, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	out := run(t, deps, Request{DraftID: d.ID}, "s", "p1", "ada@example.com", "", "q")
	mustSee(t, out, "1 problem to fix before sending", "p1. Email: ", "(step Contact)", "Fix the 1 problem listed first",
		"Step 4 of 9: Contact", "Ready: every answer passes its checks", "is saved")
	got, err := deps.Store.Load(d.ID)
	if err != nil || got.Beacon.User.EmailAddress != "ada@example.com" || len(got.Submissions) != 0 {
		t.Fatalf("after the fix: %+v %v", got.Beacon.User, err)
	}
}

// Production asks for the word itself; anything else sends nothing.
func TestProductionNeedsTheWordTyped(t *testing.T) {
	deps := newDeps(t, client.Production)
	d := deps.Store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconCreate()
	if err := deps.Store.Save(d, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	out := run(t, deps, Request{DraftID: d.ID}, "s", "yes", "q")
	mustSee(t, out, "Type production to send it", "Not sent.")
	if got, _ := deps.Store.Load(d.ID); len(got.Submissions) != 0 {
		t.Fatalf("sent without the word: %+v", got.Submissions)
	}
}

// The menu lists drafts and resumes one by number.
func TestMenuResumesADraft(t *testing.T) {
	deps := newDeps(t, client.Local)
	d := deps.Store.New(drafts.PartnerCustomer)
	d.Partner = samples.PartnerMinimal()
	if err := deps.Store.Save(d, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	out := run(t, deps, Request{}, "3", "1", "q", "4")
	mustSee(t, out, "Resume a draft (1 saved)", "1. "+d.ID, "Review: ", "Draft "+d.ID+" is saved")
}

// Two windows on one draft (the case): the second changes the
// given name after the first saved, which makes a copy; the family name
// typed next must reach the copy, the body shown with b, and the request
// sent.
func TestEditsAfterTheConcurrentCopyAreKept(t *testing.T) {
	deps := newDeps(t, client.Local)
	d := deps.Store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconLocal()
	d.RefreshTitle()
	if err := deps.Store.Save(d, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	unlock, _ := deps.Store.Lock(d.ID) // the first window holds it
	defer unlock()
	other, _ := drafts.Open(deps.Store.Dir(), drafts.StaticKey(bytes.Repeat([]byte{1}, 32)))

	pr, pw := io.Pipe()
	t.Cleanup(func() { pw.Close() })
	out := &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- New(deps, pr, out).Run(context.Background(), Request{DraftID: d.ID}) }()
	say := func(line string) {
		if _, err := io.WriteString(pw, line+"\n"); err != nil {
			t.Fatal(err)
		}
	}
	out.waitFor(t, "Open it anyway?")
	say("y")
	out.waitFor(t, "q saves and leaves")
	say("2") // the name step
	out.waitFor(t, "Given name [Enter keeps")
	// The first window saves a change now.
	theirs, _ := other.Load(d.ID)
	theirs.Beacon.User.IPAddress = "192.0.2.1"
	if err := other.Save(theirs, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	say("Ann") // saved: the draft is changed elsewhere, so a copy is made
	out.waitFor(t, "saved as a new draft")
	say("Perkins")
	out.waitFor(t, "Review: Ann Perkins")
	say("b")
	out.waitFor(t, `"family_name": "Perkins"`)
	say("s")
	out.waitFor(t, "Screening result:")
	say("")
	pw.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	list, _, _ := deps.Store.List()
	var copied *drafts.Draft
	for _, s := range list {
		if s.ID != d.ID {
			copied, _ = deps.Store.Load(s.ID)
		}
	}
	if copied == nil {
		t.Fatalf("no copy made: %+v", list)
	}
	if n := copied.Beacon.User.Name; n.GivenName != "Ann" || n.FamilyName != "Perkins" {
		t.Errorf("the copy holds %+v", n)
	}
	u := copied.Submissions[len(copied.Submissions)-1].BeaconUserID
	got, err := deps.Client.GetBeaconUser(context.Background(), &client.BeaconUserGetRequest{BeaconUserID: u})
	if err != nil || got.User.Name.FamilyName != "Perkins" {
		t.Errorf("the request sent held %+v (%v)", got.User.Name, err)
	}
}

// Accessible mode asks too before sending again after an unknown outcome.
func TestPlainResendAfterUnknownOutcomeAsks(t *testing.T) {
	deps := newDeps(t, client.Local)
	d := deps.Store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconLocal()
	d.Submissions = []drafts.Submission{{At: testNow, Env: client.Local, Endpoint: client.PathBeaconUserCreate,
		Outcome: client.Unknown.String(), RequestID: "req-lost"}}
	if err := deps.Store.Save(d, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	out := run(t, deps, Request{DraftID: d.ID}, "s", "n", "q")
	mustSee(t, out, "may have been created", "req-lost", "Send it again anyway?", "Not sent.")
	if saved, _ := deps.Store.Load(d.ID); len(saved.Submissions) != 1 {
		t.Fatalf("sent after no: %+v", saved.Submissions)
	}
}

// On a disk that takes nothing (here, the drafts directory replaced by a
// file), leaving never claims the draft was saved, and ends with a local
// problem's exit code.
func TestUnsavedDraftIsNotCalledSaved(t *testing.T) {
	deps := newDeps(t, client.Local)
	dir := deps.Store.Dir()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("in the way"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, input := range [][]string{
		append(append([]string{}, adaAnswers...), "q"), // to the review, then q
		{"1", "", "Grace"}, // the input ends half way
	} {
		out, err := runErr(deps, Request{Flow: "beacon"}, input...)
		if regexp.MustCompile(`Draft [a-z0-9]+ is saved`).MatchString(out) {
			t.Errorf("claims the draft was saved:\n%s", out)
		}
		mustSee(t, out, "could not be saved")
		if code := exitcode.Of(err); code != exitcode.Machine {
			t.Errorf("exit %d (%v), want %d", code, err, exitcode.Machine)
		}
	}
}

// In production a follow-up that changes data asks for the word
// production.
func TestPlainChangesInProductionAskForTheWord(t *testing.T) {
	deps := newDeps(t, client.Production)
	d := deps.Store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconLocal()
	if err := deps.Store.Save(d, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	out := run(t, deps, Request{DraftID: d.ID}, "s", "production", "v", "2", "prod", "v", "2", "production", "", "q")
	mustSee(t, out, "Type production to do it", "Not done.", "Review done: status pending_review")
	if strings.Count(out, "Review done") != 1 {
		t.Errorf("the status was set without the word:\n%s", out)
	}
}

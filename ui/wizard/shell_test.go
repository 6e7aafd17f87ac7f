package wizard

import (
	"bytes"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

func fullPartner(r *rig) *drafts.Draft {
	d := r.store.New(drafts.PartnerCustomer)
	d.Partner = samples.PartnerCreate()
	d.Partner.ApplicationName = "App " + d.ID // unique per test draft
	return d
}

func TestBackIsNeverBlocked(t *testing.T) {
	r := newRig(t, client.Local)
	r.open(drafts.PartnerCustomer, nil)
	r.keys("tab", "tab", "tab")
	r.typ("not a url") // an error on screen
	r.keys("pgdown")
	r.atStep("address")
	r.keys("shift+tab") // first field of a step: back to the previous step
	r.atStep("company")
	r.keys("pgdown", "pgdown")
	r.atStep("support")
	r.keys("pgup")
	r.atStep("address")
	r.keys("pgup", "pgup") // nothing before the first step
	r.atStep("company")
	r.see("✗ must not contain spaces")
}

func TestStepListReachesEveryStepAndTheReview(t *testing.T) {
	r := newRig(t, client.Local)
	r.open(drafts.PartnerCustomer, nil)
	r.keys("ctrl+g", "down", "down", "down", "enter")
	r.atStep("contacts")
	r.keys("ctrl+g", "up", "up", "up", "up", "enter") // wraps from the top to the review entry
	if r.w.mode != modeReview {
		t.Fatalf("not on the review:\n%s", r.screen())
	}
	r.keys("esc")
	r.atStep("contacts") // where the review was opened from
}

func TestReviewJumpsToTheField(t *testing.T) {
	r := newRig(t, client.Local)
	d := fullPartner(r)
	d.Partner.Address.City = "1234"
	d.Partner.CustomerSupportInfo.PhoneNumber = "(415) 555-0100"
	r.open(drafts.PartnerCustomer, d)
	r.keys("ctrl+r")
	// The city is a problem; the support phone, in a format Plaid does not
	// ask for, a note with its suggestion: both are jumps to the field.
	r.see("1 problem to fix before sending", "City — must contain at least one letter", "address.city",
		"1 note before sending (none stops it)", "Support phone —", "suggested: +14155550100",
		"After the create, only these can be changed (with /update): Legal entity, Redirect URIs,")
	r.keys("down", "enter")
	r.atStep("support")
	if k := r.w.form.Form.GetFocusedField().GetKey(); k != "customer_support_info.phone_number" {
		t.Fatalf("focus on %s", k)
	}
	r.keys("ctrl+y", "ctrl+r", "enter")
	r.atStep("address")
	if k := r.w.form.Form.GetFocusedField().GetKey(); k != "address.city" {
		t.Fatalf("focus on %s", k)
	}
}

func TestSubmitIsRefusedWithProblems(t *testing.T) {
	r := newRig(t, client.Local)
	d := fullPartner(r)
	d.Partner.Website = "not a url"
	r.open(drafts.PartnerCustomer, d)
	r.keys("ctrl+r", "s")
	if r.w.mode != modeReview || len(d.Submissions) != 0 {
		t.Fatalf("submitted with a problem (mode %d)", r.w.mode)
	}
	if !strings.Contains(r.w.notice, "fix the 1 problem") {
		t.Errorf("notice %q", r.w.notice)
	}
}

func TestProductionNeedsTheWord(t *testing.T) {
	r := newRig(t, client.Production)
	d := fullPartner(r)
	r.open(drafts.PartnerCustomer, d)
	r.keys("ctrl+r", "s")
	r.see("Send to PRODUCTION?", "type production")
	r.typ("prod")
	r.keys("enter")
	if r.w.mode != modeReview || len(d.Submissions) != 0 {
		t.Fatal("sent to production without the word")
	}
	r.keys("s")
	r.typ("production")
	r.keys("enter")
	r.await()
	if r.w.mode != modeResult || len(d.Submissions) != 1 {
		t.Fatalf("not sent after typing production:\n%s", r.screen())
	}
}

func TestASecondSendAsksFirst(t *testing.T) {
	r := newRig(t, client.Local)
	d := fullPartner(r)
	r.open(drafts.PartnerCustomer, d)
	r.keys("ctrl+r", "s")
	r.await()
	r.keys("ctrl+r", "s")
	r.see("Send this draft again?", "Sending again creates another")
	r.keys("n")
	if len(d.Submissions) != 1 {
		t.Fatal("sent again after no")
	}
	r.keys("s", "y")
	r.await()
	// The emulator refuses the repeated application name: the failure says so.
	if len(d.Submissions) != 2 || d.Submissions[1].ErrorCode != "CUSTOMER_ALREADY_CREATED" {
		t.Fatalf("submissions %+v", d.Submissions)
	}
	r.see("refused the request", "CUSTOMER_ALREADY_CREATED", "request_id")
}

func TestPlaidErrorLeadsToTheField(t *testing.T) {
	r := newRig(t, client.Local)
	d := r.store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconLocal()
	d.Beacon.ProgramID = "becprg_doesnotexist" // passes our rules; the emulator knows no such program
	r.open(drafts.BeaconUser, d)
	r.keys("ctrl+r", "s")
	r.await()
	if r.w.mode != modeFailure {
		t.Fatalf("no failure:\n%s", r.screen())
	}
	r.see("The emulator refused the request", "INVALID_REQUEST · INVALID_FIELD · HTTP 400", "program_id", "enter takes you there")
	r.keys("enter")
	r.atStep("program")
	if k := r.w.form.Form.GetFocusedField().GetKey(); k != "program_id" {
		t.Fatalf("focus on %s", k)
	}
}

// flaky lets the first request through to the emulator, then drops the
// connection before answering: the outcome is unknown, yet the customer
// exists.
func flaky(t *testing.T, r *rig) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if calls.Add(1) == 1 {
			rec := httptest.NewRecorder()
			r.emu.ServeHTTP(rec, req)
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
			return
		}
		r.emu.ServeHTTP(w, req)
	}))
	t.Cleanup(srv.Close)
	c, _ := client.New(client.Config{Environment: client.Local, BaseURL: srv.URL, ClientID: "id", Secret: "secret", Timeout: 2 * time.Second})
	r.deps.Client = c
}

func TestUnknownOutcomeIsLookedUpSafely(t *testing.T) {
	r := newRig(t, client.Local)
	flaky(t, r)
	d := fullPartner(r)
	r.open(drafts.PartnerCustomer, d)
	r.keys("ctrl+r", "s")
	r.await()
	r.see("the outcome is unknown", "may have been created", "CUSTOMER_ALREADY_CREATED")
	if got := d.Submissions[0].Outcome; got != client.Unknown.String() {
		t.Fatalf("outcome %q", got)
	}
	if strings.Contains(ansi.Strip(r.screen()), "sent again automatically") {
		t.Fatal("resent without being asked")
	}
	r.keys("l")
	r.await()
	r.see("CUSTOMER_ALREADY_CREATED", "did create the end customer")
}

func TestUnknownOutcomeRetryAsksFirstForBeacon(t *testing.T) {
	r := newRig(t, client.Local)
	flaky(t, r)
	d := r.store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconLocal()
	r.open(drafts.BeaconUser, d)
	r.keys("ctrl+r", "s")
	r.await()
	r.see("the outcome is unknown", "second user for the same person")
	r.keys("t")
	r.see("Send again without knowing what happened?")
	r.keys("n")
	if len(d.Submissions) != 1 {
		t.Fatal("resent after no")
	}
}

func TestNotSent(t *testing.T) {
	r := newRig(t, client.Local)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	c, _ := client.New(client.Config{Environment: client.Local, BaseURL: "http://" + addr, ClientID: "id", Secret: "secret", RetryWait: time.Millisecond})
	r.deps.Client = c
	d := fullPartner(r)
	r.open(drafts.PartnerCustomer, d)
	r.keys("ctrl+r", "s")
	r.await()
	r.see("The request was not sent", "nothing was created")
}

func TestWaitingShowsEndpointAndEnvironment(t *testing.T) {
	for _, stop := range []string{"esc", "ctrl+c"} {
		t.Run(stop, func(t *testing.T) {
			r := newRig(t, client.Local)
			arrived := r.holdAnswers(t)
			r.open(drafts.PartnerCustomer, fullPartner(r))
			r.keys("ctrl+r", "s")
			r.see("POST /beta/partner/customer/v1/create → LOCAL", "30 s left", "esc or ctrl+c stops waiting")
			<-arrived    // the request is at the server, which holds its answer
			r.keys(stop) // stop waiting: the outcome becomes unknown; ctrl+c does not quit
			r.await()
			r.see("the outcome is unknown")
			if r.w.mode != modeFailure {
				t.Fatalf("mode %d after %s", r.w.mode, stop)
			}
		})
	}
}

func TestRequirementsAreFixedAndSentWithUpdate(t *testing.T) {
	r := newRig(t, client.Local)
	d := r.store.New(drafts.PartnerCustomer)
	d.Partner = samples.PartnerMinimal()
	d.Partner.ApplicationName = "Minimal " + d.ID
	r.open(drafts.PartnerCustomer, d)
	r.keys("ctrl+r", "s")
	r.await()
	r.see("MORE_INFORMATION_NEEDED", "legal_entity_name", "is_diligence_attested", "/update cannot change it")
	r.keys("enter") // legal_entity_name: to its field
	r.atStep("company")
	if k := r.w.form.Form.GetFocusedField().GetKey(); k != "legal_entity_name" {
		t.Fatalf("the fix lands on %s, not legal_entity_name", k)
	}
	r.typ("Eagleton Bank, N.A.")
	r.keys("ctrl+r", "ctrl+r") // review, then back to the result
	if r.w.mode != modeResult {
		t.Fatalf("not on the result:\n%s", r.screen())
	}
	r.keys("u")
	r.await()
	r.see("sent with /update")
	res := r.w.result.(*partnerResult)
	for _, due := range res.ec.RequirementsDue {
		if due == client.RequirementLegalEntityName {
			t.Fatalf("legal_entity_name still due: %v", res.ec.RequirementsDue)
		}
	}
	r.keys("f")
	r.await()
	r.see("refreshed with /get")
}

func TestListEditor(t *testing.T) {
	r := newRig(t, client.Local)
	r.open(drafts.PartnerCustomer, nil)
	r.keys("ctrl+g", "down", "down", "down", "down", "down", "down", "enter")
	r.atStep("redirects")
	r.see("No redirect URIs yet")
	r.keys("a")
	r.typ("https://example.com/oauth")
	r.keys("enter", "a")
	r.typ("https://example.com/x?y=1")
	r.keys("enter")
	r.see("✓ 1. https://example.com/oauth", "✗ 2. https://example.com/x?y=1", "must not contain a query")
	r.keys("a", "esc") // a new item left empty goes away
	if n := len(r.w.flow.Draft.Partner.RedirectURIs); n != 2 {
		t.Fatalf("%d items after an empty add", n)
	}
	r.keys("d")
	r.see("Remove this redirect URI?")
	r.keys("y")
	if got := r.w.flow.Draft.Partner.RedirectURIs; len(got) != 1 || got[0] != "https://example.com/oauth" {
		t.Fatalf("after removing: %v", got)
	}
}

func TestEverySizeDraws(t *testing.T) {
	r := newRig(t, client.Local)
	r.open(drafts.PartnerCustomer, fullPartner(r))
	for _, size := range [][2]int{{40, 10}, {60, 20}, {80, 24}, {120, 40}, {200, 60}, {20, 5}} {
		r.w.SetSize(size[0], size[1])
		for _, open := range []func(){func() { r.keys("pgdown") }, func() { r.keys("ctrl+r") }, func() { r.keys("esc") }} {
			open()
			lines := strings.Split(r.w.View(), "\n")
			if len(lines) > size[1] && r.w.mode == modeEdit {
				t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
			}
		}
	}
}

func TestNoDraftUntilTheFirstAnswer(t *testing.T) {
	r := newRig(t, client.Local)
	w := r.open(drafts.PartnerCustomer, nil)
	r.keys("pgdown", "pgdown", "ctrl+r")
	w.Close()
	if list, _, _ := r.store.List(); len(list) != 0 {
		t.Fatalf("an untouched wizard left a draft: %+v", list)
	}
	w = r.open(drafts.PartnerCustomer, nil)
	r.typ("A")
	w.Close()
	list, _, _ := r.store.List()
	if len(list) != 1 || list[0].Step != "company" {
		t.Fatalf("after one key: %+v", list)
	}
	fi, err := os.Stat(r.store.Dir() + "/" + list[0].ID + ".json")
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("draft file %v %v", fi, err)
	}
}

// TestResizeRedrawsAtOnce: the first frame after a resize is laid out for
// the new width, not the old one clipped.
func TestResizeRedrawsAtOnce(t *testing.T) {
	r := newRig(t, client.Local)
	r.open(drafts.PartnerCustomer, nil)
	r.w.SetSize(78, 20)
	if s := r.screen(); strings.Contains(s, "unique across P\n") || !strings.Contains(s, "Plaid") {
		t.Fatalf("stale layout after resize:\n%s", s)
	}
}

// The review's s asks first when the last attempt's outcome is unknown:
// the Beacon user may exist already.
func TestResendAfterUnknownOutcomeAsks(t *testing.T) {
	r := newRig(t, client.Local)
	d := r.store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconLocal()
	d.Submissions = []drafts.Submission{{At: testNow, Env: client.Local, Endpoint: client.PathBeaconUserCreate,
		Outcome: client.Unknown.String(), RequestID: "req-lost"}}
	r.open(drafts.BeaconUser, d)
	r.keys("ctrl+r", "s")
	r.see("Send again without knowing what happened?", "req-lost", "may have been created", "Dashboard")
	r.keys("n")
	if len(d.Submissions) != 1 || r.w.mode != modeReview {
		t.Fatalf("sent after no: %+v", d.Submissions)
	}
	r.keys("s", "y")
	r.await()
	if len(d.Submissions) != 2 || !d.Submissions[1].Succeeded() {
		t.Fatalf("not sent after yes: %+v", d.Submissions)
	}
}

// In production a follow-up that changes data asks for the word
// production, as the submit does.
func TestChangesInProductionAskForTheWord(t *testing.T) {
	r := newRig(t, client.Production)
	d := r.store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconLocal()
	r.open(drafts.BeaconUser, d)
	r.keys("ctrl+r", "s")
	r.typ("production")
	r.keys("enter")
	r.await()
	r.keys("v", "down", "enter") // pending_review
	r.see("In PRODUCTION?", "set the status of becusr_")
	r.typ("prod")
	r.keys("enter")
	if r.waiting() {
		t.Fatal("the status was sent without the word")
	}
	r.keys("v", "down", "enter")
	r.typ("production")
	r.keys("enter")
	r.await()
	r.see("review done: status pending_review")
}

// A follow-up's wait counts down too, and Esc or Ctrl-C stops it without
// leaving the result.
func TestFollowUpWaitStops(t *testing.T) {
	r := newRig(t, client.Local)
	d := r.store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconLocal()
	r.open(drafts.BeaconUser, d)
	r.keys("ctrl+r", "s")
	r.await()
	arrived, release := make(chan struct{}, 8), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		arrived <- struct{}{}
		select {
		case <-req.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	r.w.deps.Client, _ = client.New(client.Config{Environment: client.Local, BaseURL: srv.URL, ClientID: "id", Secret: "secret"})
	r.keys("v", "down", "enter") // pending_review, to a server that never answers
	r.see("review… 30 s left", "esc or ctrl+c stops waiting")
	<-arrived
	r.keys("ctrl+c")
	r.await()
	r.see("stopped waiting for the review: its outcome is unknown")
	if r.w.mode != modeResult {
		t.Fatalf("mode %d", r.w.mode)
	}
}

// The step list opened from the review goes back to the review with Esc;
// opened from a step, back to the step with its fields; and Esc from the
// review goes back to the step it was opened from.
func TestEscGoesBackWhereItCameFrom(t *testing.T) {
	r := newRig(t, client.Local)
	r.open(drafts.PartnerCustomer, nil)
	r.keys("pgdown", "pgdown") // the support step
	r.atStep("support")
	r.keys("ctrl+r", "ctrl+g", "esc")
	if r.w.mode != modeReview {
		t.Fatalf("esc from the step list opened on the review left it:\n%s", r.screen())
	}
	r.keys("esc")
	r.atStep("support")
	r.see("Support email")
	r.typ("help@example.com")
	if got := r.w.flow.Draft.Partner.CustomerSupportInfo.Email; got != "help@example.com" {
		t.Fatalf("typing after coming back does nothing: %q\n%s", got, r.screen())
	}
	r.keys("ctrl+g", "esc")
	r.see("Support email")
	r.typ(".au")
	if got := r.w.flow.Draft.Partner.CustomerSupportInfo.Email; got != "help@example.com.au" {
		t.Fatalf("typing after the step list does nothing: %q", got)
	}
}

// The attempt is on disk before the request reaches the server: a wizard
// killed while it waits leaves the draft saying the outcome is unknown,
// and the next wizard on it asks before sending again.
func TestAttemptIsRecordedBeforeTheRequestLeaves(t *testing.T) {
	r := newRig(t, client.Local)
	arrived := r.holdAnswers(t)
	d := r.store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconLocal()
	r.open(drafts.BeaconUser, d)
	r.keys("ctrl+r", "s")
	<-arrived
	// As another process finds it (the wizard may be killed now):
	other, err := drafts.Open(r.store.Dir(), drafts.StaticKey(bytes.Repeat([]byte{1}, 32))) // emutest.Store's key
	if err != nil {
		t.Fatal(err)
	}
	onDisk, err := other.Load(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(onDisk.Submissions); n != 1 || onDisk.Submissions[0].Outcome != drafts.OutcomeSending {
		t.Fatalf("on disk while the request is out: %+v", onDisk.Submissions)
	}
	next := newRig(t, client.Local)
	next.open(drafts.BeaconUser, onDisk)
	next.keys("ctrl+r", "s")
	next.see("Send again without knowing what happened?")
}

// Back from the result, the review says first that the draft was sent,
// for a customer as for a person: "Ready to send" alone reads as unsent.
func TestReviewAfterSendingSaysSoFirst(t *testing.T) {
	for _, kind := range []drafts.Kind{drafts.PartnerCustomer, drafts.BeaconUser} {
		r := newRig(t, client.Local)
		d := fullPartner(r)
		if kind == drafts.BeaconUser {
			d = r.store.New(drafts.BeaconUser)
			d.Beacon = samples.BeaconLocal()
		}
		r.open(kind, d)
		r.keys("ctrl+r", "s")
		r.await()
		r.keys("esc")
		first := strings.TrimSpace(strings.SplitN(r.screen(), "\n", 2)[0])
		if r.w.mode != modeReview || !strings.HasPrefix(first, "Already sent from this draft on") || !strings.Contains(r.screen(), "Ready to send again") {
			t.Fatalf("%s: the review does not open with the send:\n%s", kind, r.screen())
		}
	}
}

// The footer says what Enter does on a step's last field (the next step,
// or the review after the last step), never "submit"; completion is
// offered on Tab, as the README says.
func TestFooterSaysWhatEnterDoes(t *testing.T) {
	r := newRig(t, client.Local)
	r.open(drafts.PartnerCustomer, fullPartner(r))
	help := func() string {
		var parts []string
		for _, b := range r.w.Help() {
			if b.Enabled() {
				parts = append(parts, b.Help().Key+" "+b.Help().Desc)
			}
		}
		return strings.Join(parts, " · ")
	}
	r.keys("tab", "tab", "tab") // the company step's last field
	if h := help(); !strings.Contains(h, "enter next step") || strings.Contains(h, "submit") {
		t.Fatalf("last field of a step: %s", h)
	}
	r.goTo("logo")
	r.keys("ctrl+a", "ctrl+k")
	r.typ(filepath.Dir(writeLogo(t)) + "/lo")
	if h := help(); !strings.Contains(h, "tab complete") || strings.Contains(h, "ctrl+e") {
		t.Fatalf("a path to complete: %s", h)
	}
	// The Beacon flow's last step has one field: Enter opens the review.
	b := r.store.New(drafts.BeaconUser)
	b.Beacon = samples.BeaconLocal()
	r.open(drafts.BeaconUser, b)
	r.goTo("ip")
	if h := help(); !strings.Contains(h, "enter review") {
		t.Fatalf("last field of the last step: %s", h)
	}
}

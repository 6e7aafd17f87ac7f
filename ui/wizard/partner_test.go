package wizard

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
)

// TestPartnerWizardEndToEnd fills every step with real keys, corrects a
// phone typed wrong, reviews, submits to the emulator and follows up.
func TestPartnerWizardEndToEnd(t *testing.T) {
	r := newRig(t, client.Local)
	r.open(drafts.PartnerCustomer, nil)
	logo := writeLogo(t)

	r.atStep("company")
	r.typ("Pawnee Parks Credit Union")
	r.keys("tab")
	r.typ("Pawnee Parks Money")
	r.keys("tab")
	r.typ("Pawnee Parks Credit Union, Inc.")
	r.keys("tab")
	r.typ("pawneeparkscu.example.com")
	r.keys("enter")

	r.atStep("address")
	r.typ("united st")
	r.keys("enter")
	r.typ("ind")
	r.keys("enter")
	r.typ("46001")
	r.keys("tab")
	r.typ("123 Main St.")
	r.keys("tab")
	r.typ("Pawnee")
	r.keys("enter")

	r.atStep("support")
	r.typ("support@pawneeparkscu.example.com")
	r.keys("tab")
	r.typ("(415) 555-01")
	r.see("! Plaid gives this field no format") // advice while typing, not an error…
	r.typ("00")
	r.see("+14155550100", "ctrl+y")
	r.keys("ctrl+y") // …and its suggestion taken with the key on screen
	if got := r.w.flow.Draft.Partner.CustomerSupportInfo.PhoneNumber; got != "+14155550100" {
		t.Fatalf("phone %q", got)
	}
	r.keys("tab")
	r.typ("https://pawneeparkscu.example.com/contact")
	r.keys("tab", "enter")

	r.atStep("contacts")
	r.keys("down", "enter") // technical: fill in
	r.typ("Ann")
	r.keys("tab")
	r.typ("Perkins")
	r.keys("tab")
	r.typ("ann@pawneeparkscu.example.com")
	r.keys("enter")
	r.keys("enter") // billing: the partner's default

	r.atStep("products")
	r.keys("down", "space", "down", "down", "space") // auth, identity
	for range 7 {
		r.keys("down")
	}
	r.keys("space", "enter", "enter") // cra_base_report; nothing more

	r.atStep("logo")
	r.typ(logo)
	r.see("logo.png · 1024×1024")
	r.keys("enter")

	r.atStep("redirects")
	r.keys("a")
	r.typ("https://pawneeparkscu.example.com/oauth.html")
	r.keys("enter")
	r.see("1. https://pawneeparkscu.example.com/oauth.html")
	r.keys("tab")

	r.atStep("addendum")
	r.keys("down", "enter") // accepted: yes (stamps the time)
	r.typ("192.0.2.42")
	r.keys("tab", "enter")

	r.atStep("attestations")
	r.keys("down", "enter", "down", "enter")

	r.atStep("cra")
	r.keys("down", "down", "enter", "down", "down", "enter")
	r.keys("space", "enter") // WRITTEN_INSTRUCTION
	r.keys("space", "enter") // CREDIT_UNDERWRITING

	if r.w.mode != modeReview {
		t.Fatalf("not on the review after the last step:\n%s", r.screen())
	}
	r.see("Ready to send")
	full := ansi.Strip(r.w.review.content(r.w)) // the whole scrolling review
	for _, want := range []string{"POST /beta/partner/customer/v1/create → LOCAL", `"company_name": "Pawnee Parks Credit Union"`,
		"elided here, sent in full", "Pawnee Parks Money", `"use_cases": [`} {
		if !strings.Contains(full, want) {
			t.Errorf("the review does not show %q", want)
		}
	}
	d := r.w.flow.Draft.Partner
	if ps := catalog.CheckRequest(d, r.w.flow.Env()); len(ps) > 0 {
		t.Fatalf("problems left: %v", ps)
	}

	r.keys("s")
	r.await()
	if r.w.mode != modeResult {
		t.Fatalf("no result:\n%s", r.screen())
	}
	r.see("End customer created", "PENDING_ENABLEMENT", "cra_base_report", "••••")
	sub, ok := r.w.flow.Draft.LastSuccess()
	if !ok || sub.ClientID == "" || sub.Env != client.Local || sub.RequestID == "" {
		t.Fatalf("submission not recorded: %+v", r.w.flow.Draft.Submissions)
	}
	// Secrets: masked, then revealed.
	r.keys("r")
	if !strings.Contains(r.screen(), "production") || strings.Contains(r.screen(), "masked: r reveals") {
		t.Errorf("secrets not revealed:\n%s", r.screen())
	}
	// Enable, after a yes.
	r.keys("n", "y")
	r.await()
	r.see("ACTIVE", "enabled with /enable")

	// The draft on disk has the submission.
	if err := r.w.Close(); err != nil {
		t.Fatal(err)
	}
	saved, err := r.store.Load(r.w.flow.Draft.ID)
	// …and the status after enable, so the home screen shows it (#18).
	if err != nil || len(saved.Submissions) != 1 || saved.Submissions[0].ClientID != sub.ClientID || saved.Submissions[0].Status != "ACTIVE" {
		t.Fatalf("saved draft: %+v %v", saved, err)
	}
}

// A logo file that is not a usable logo marks its step ✗ and is a problem
// in the review: the body would go without the logo the user chose.
func TestBadLogoFileIsAProblem(t *testing.T) {
	r := newRig(t, client.Local)
	d := fullPartner(r)
	d.Partner.Logo = ""
	d.UI[drafts.UILogoPath] = "/tmp/notes.txt"
	r.open(drafts.PartnerCustomer, d)
	r.await()
	r.see("✗ Logo")
	r.keys("ctrl+r")
	r.see("1 problem to fix before sending", "the file /tmp/notes.txt is not a logo Plaid takes")
}

// The reveal key says what it will do next: show, then hide.
func TestRevealKeySaysWhatItDoesNext(t *testing.T) {
	r := newRig(t, client.Local)
	r.open(drafts.PartnerCustomer, fullPartner(r))
	help := func() string {
		var parts []string
		for _, b := range r.w.Help() {
			parts = append(parts, b.Help().Key+" "+b.Help().Desc)
		}
		return strings.Join(parts, " · ")
	}
	r.keys("ctrl+r")
	if h := help(); !strings.Contains(h, "r show personal data") {
		t.Fatalf("review help: %s", h)
	}
	r.keys("r")
	if h := help(); !strings.Contains(h, "r hide personal data") {
		t.Fatalf("review help after r: %s", h)
	}
	r.keys("s")
	r.await()
	if h := help(); !strings.Contains(h, "r show secrets") {
		t.Fatalf("result help: %s", h)
	}
	r.keys("r")
	if h := help(); !strings.Contains(h, "r hide secrets") {
		t.Fatalf("result help after r: %s", h)
	}
}

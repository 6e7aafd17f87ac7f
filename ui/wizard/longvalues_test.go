package wizard

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
)

// A 120-character company name: the field, once left, shows its head cut
// with "…"; the review and the result show it whole, and the exact JSON
// body is wrapped with its closing quote, nothing wider than the screen.
func TestLongValuesAreNeverCutSilently(t *testing.T) {
	r := newRig(t, client.Local)
	d := fullPartner(r)
	long := strings.TrimSpace(strings.Repeat("Pawnee Parks and Recreation Credit ", 4)) + " Union of Indiana"
	long = long[:120]
	d.Partner.CompanyName = ""
	d.Partner.Questionnaires.CRA.Purposes["EXTENSION_OF_CREDIT_OR_ACCOUNT_REVIEW"] = client.CRAUseCases{UseCases: []client.CRAUseCase{"CREDIT_UNDERWRITING"}}
	r.open(drafts.PartnerCustomer, d)
	r.atStep("company")
	r.typ(long)
	r.keys("tab") // leave it
	var field string
	for _, l := range strings.Split(r.screen(), "\n") {
		if strings.Contains(l, "> Pawnee Parks and") {
			field = l
		}
	}
	if field == "" || !strings.HasSuffix(strings.TrimRight(field, " "), "…") || strings.Contains(field, "Indiana") {
		t.Fatalf("the left field does not show its head cut with …: %q\n%s", field, r.screen())
	}
	r.keys("shift+tab") // back in it: typing goes on at the end
	r.typ("X")
	if got := r.w.flow.Draft.Partner.CompanyName; got != long+"X" {
		t.Fatalf("typing after coming back lands elsewhere: %q", got)
	}
	r.keys("backspace", "ctrl+r")
	if r.w.mode != modeReview {
		t.Fatalf("no review:\n%s", r.screen())
	}
	full := ansi.Strip(r.w.review.content(r.w))
	flat := strings.Join(strings.Fields(full), " ")
	if !strings.Contains(flat, long) {
		t.Errorf("the review does not show the name whole:\n%s", full)
	}
	for _, l := range strings.Split(full, "\n") {
		if ansi.StringWidth(l) > r.w.review.vp.Width() {
			t.Errorf("a review line is wider than the screen (%d): %q", r.w.review.vp.Width(), l)
		}
	}
	// A label wider than its column wraps in it, apart from its value.
	if strings.Contains(full, "review CREDIT_UNDERWRITING") || strings.Contains(full, "reviewCREDIT_UNDERWRITING") {
		t.Errorf("a label runs into its value:\n%s", full)
	}
	body := full[strings.Index(full, "Request body"):]
	if !strings.Contains(strings.Join(strings.Fields(body), ""), `"company_name":"`+strings.ReplaceAll(long, " ", "")+`",`) {
		t.Errorf("the JSON body does not hold the name with its closing quote:\n%s", body)
	}
	r.keys("s")
	r.await()
	if r.w.mode != modeResult {
		t.Fatalf("no result:\n%s", r.screen())
	}
	if !strings.Contains(strings.Join(strings.Fields(r.screen()), " "), long) {
		t.Errorf("the result does not show the name whole:\n%s", r.screen())
	}
}

// The two-window notice is wrapped whole: the copy's id is on screen even
// at 60 columns, and the form still fits the screen.
func TestCopyNoticeIsNeverCut(t *testing.T) {
	r := newRig(t, client.Local)
	r.open(drafts.PartnerCustomer, nil)
	for _, w := range []int{60, 100} {
		r.w.SetSize(w, 24)
		r.send(SaveMsg{CopyID: "k3j9x2"})
		screen := r.screen()
		if !strings.Contains(screen, "another window changed this draft") || !strings.Contains(screen, "k3j9x2") {
			t.Fatalf("at %d columns the notice is cut:\n%s", w, screen)
		}
		if n := strings.Count(screen, "\n") + 1; n > 24 {
			t.Fatalf("at %d columns the screen has %d lines", w, n)
		}
	}
}

package lookup

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/emutest"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

var testNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

type rig struct {
	t    *testing.T
	deps uikit.Deps
	d    *tuitest.Driver[uikit.Screen]
	busy func() bool
}

func newDeps(t *testing.T) uikit.Deps {
	c, _ := emutest.Client(t, client.Local, func() time.Time { return testNow })
	return uikit.Deps{Env: client.Local, Client: c, Store: emutest.Store(t), Now: func() time.Time { return testNow }}
}

func (r *rig) open(s uikit.Screen, busy func() bool) {
	s.SetSize(110, 70)
	r.d, r.busy = tuitest.New[uikit.Screen](r.t, s), busy
	r.d.Run(s.Init())
	r.await()
}

func (r *rig) await() {
	r.t.Helper()
	r.d.WaitFor("the emulator's answer", func() bool { return !r.busy() })
}

func (r *rig) keys(ks ...string) { r.t.Helper(); r.d.Keys(ks...) }

func (r *rig) see(wants ...string) string {
	r.t.Helper()
	s := ansi.Strip(r.d.Model().View())
	for _, w := range wants {
		if !strings.Contains(s, w) {
			r.t.Fatalf("the screen does not show %q:\n%s", w, s)
		}
	}
	return s
}

// screenTwins makes a duplicate: two people sharing an email.
func screenTwins(t *testing.T, c *client.Client) (first, second *client.BeaconUser) {
	ann := samples.BeaconLocal()
	ann.User.EmailAddress = "ann@example.com"
	first, err := c.CreateBeaconUser(context.Background(), ann)
	if err != nil {
		t.Fatal(err)
	}
	twin := samples.BeaconLocal()
	twin.ClientUserID = "twin"
	twin.User.Name = client.BeaconUserName{GivenName: "Chris", FamilyName: "Traeger"}
	twin.User.EmailAddress = "Ann@Example.com"
	second, err = c.CreateBeaconUser(context.Background(), twin)
	if err != nil || second.Status != client.BeaconPendingReview {
		t.Fatalf("the twin: %+v %v", second, err)
	}
	return first, second
}

// The person view says why (the duplicate, its matched email marked),
// and the decision explains Plaid's rules, asks, and shows the status.
func TestPersonViewAndDecision(t *testing.T) {
	deps := newDeps(t)
	first, second := screenTwins(t, deps.Client)
	m := NewPerson(deps, second.ID)
	r := &rig{t: t, deps: deps}
	r.open(m, func() bool { return m.busy != "" })
	screen := r.see("PENDING REVIEW", "Duplicate becdup_", first.ID, "this user", "Email", "✓ match", "Versions", "Version 1")
	if strings.Contains(screen, "ann@example.com") {
		t.Fatal("the email is shown unmasked before r")
	}
	r.keys("r")
	r.see("ann@example.com", "Ann@Example.com")

	r.keys("v") // decide: cleared
	r.see("Decide: set the status of", "cleared")
	r.keys("up", "enter")
	r.see("Set "+second.ID+" to cleared?", "Plaid's rules")
	r.keys("y")
	r.await()
	r.await() // the decision, then the person again
	r.see("CLEARED", "Cleared by hand", "Review done: status cleared")

	// A report, then cleared again: the rules say before sending that
	// Plaid will refuse, and Plaid does.
	r.keys("p")
	r.see("Report for fraud")
	r.keys("enter", "enter", "enter")
	r.see("cannot delete a report", "does not change by itself")
	r.keys("y")
	r.await()
	r.await()
	r.see("Your organisation reported this person for fraud")
	r.keys("v", "enter") // cleared, as it is now
	r.see("Plaid refuses cleared while a fraud report stands")
	r.keys("y")
	r.await()
	r.see("Plaid refused the status", "Plaid Dashboard")

	// o opens the other user of the duplicate; Esc comes back to this one
	// (not home), and Esc again leaves.
	r.keys("o")
	r.await()
	r.see("Duplicate becdup_")
	if m.p == nil || m.p.User.ID != first.ID {
		t.Fatalf("o opened %q, not %s", m.id, first.ID)
	}
	r.keys("esc")
	r.await()
	if m.id != second.ID || m.p == nil || m.p.User.ID != second.ID {
		t.Fatalf("Esc after o went to %q, not back to %s", m.id, second.ID)
	}
	if cmd := m.key(tuitest.Key("esc").(tea.KeyPressMsg)); cmd == nil {
		t.Fatal("Esc on the first person does not leave")
	} else if _, home := cmd().(uikit.GoHomeMsg); !home {
		t.Fatal("Esc on the first person does not go back")
	}
}

// The ask lists the people this machine screened; Enter on one opens it.
func TestPersonAskOffersThisMachinesPeople(t *testing.T) {
	deps := newDeps(t)
	_, second := screenTwins(t, deps.Client)
	d := deps.Store.New(drafts.BeaconUser)
	d.Beacon, d.Title = samples.BeaconLocal(), "Chris Traeger"
	d.Submissions = []drafts.Submission{{Env: client.Local, Outcome: client.OutcomeNone.String(), BeaconUserID: second.ID, Status: "pending_review"}}
	if err := deps.Store.Save(d, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	m := NewPerson(deps, "")
	r := &rig{t: t, deps: deps}
	r.open(m, func() bool { return m.busy != "" })
	r.see("Look up a person", second.ID, "Chris Traeger")
	r.keys("down", "enter")
	r.await()
	r.see("PENDING REVIEW", second.ID)
	// An unknown id is Plaid's refusal, and the ask stays.
	m2 := NewPerson(deps, "")
	r2 := &rig{t: t, deps: deps}
	r2.open(m2, func() bool { return m2.busy != "" })
	r2.d.Type("becusr_nosuch")
	r2.keys("enter")
	r2.await()
	r2.see("Look up a person", "no Beacon user")
}

// The customer view: status, products, the OAuth table, enable with a
// question, and the table after it.
func TestCustomerView(t *testing.T) {
	deps := newDeps(t)
	created, err := deps.Client.CreatePartnerCustomer(context.Background(), samples.PartnerCreate())
	if err != nil {
		t.Fatal(err)
	}
	m := NewCustomer(deps, created.EndCustomer.ClientID)
	r := &rig{t: t, deps: deps}
	r.open(m, func() bool { return m.busy != "" })
	r.see("PENDING_ENABLEMENT", "Products", "OAuth institutions", "Chase ins_56", "NOT_STARTED")
	r.keys("n")
	r.see("Production access", "this program cannot")
	r.keys("y")
	r.await()
	r.await()
	r.see("ACTIVE", "ENABLED", "PROCESSING", "Enabled with /enable")

	// A customer with requirements says where each is fixed.
	minimal, err := deps.Client.CreatePartnerCustomer(context.Background(), samples.PartnerMinimal())
	if err != nil {
		t.Fatal(err)
	}
	m2 := NewCustomer(deps, minimal.EndCustomer.ClientID)
	r2 := &rig{t: t, deps: deps}
	r2.open(m2, func() bool { return m2.busy != "" })
	r2.see("Still needed", "Legal entity name", "legal_entity_name", "no draft on this machine created this customer")
}

// A token typed in the view (t) brings its account insights; it is kept
// in memory only.
func TestPersonInsightsForATypedToken(t *testing.T) {
	deps := newDeps(t)
	req := samples.BeaconCreate()
	u, err := deps.Client.CreateBeaconUser(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	m := NewPerson(deps, u.ID)
	r := &rig{t: t, deps: deps}
	r.open(m, func() bool { return m.busy != "" })
	if strings.Contains(r.see("CLEARED"), "Account insights") {
		t.Fatal("insights without a token")
	}
	r.keys("t")
	screen := r.see("Account insights for an access token", "never saved")
	r.d.Type(req.AccessTokens[0])
	if strings.Contains(r.see("Account insights"), req.AccessTokens[0]) {
		t.Fatalf("the token is shown as typed:\n%s", screen)
	}
	r.keys("enter")
	r.await()
	r.see("Account insights", "days open", "Insights asked for the token ending")
	if list, _, _ := deps.Store.List(); len(list) != 0 {
		t.Fatal("a token typed here was saved")
	}
}

// A decision from the person view reaches the draft that screened the
// person: the drafts list shows the status as it is now.
func TestDecisionIsRecordedOnTheDraft(t *testing.T) {
	deps := newDeps(t)
	_, second := screenTwins(t, deps.Client)
	d := deps.Store.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconLocal()
	d.Submissions = []drafts.Submission{{Env: client.Local, Outcome: client.OutcomeNone.String(), BeaconUserID: second.ID, Status: "pending_review"}}
	if err := deps.Store.Save(d, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	m := NewPerson(deps, second.ID)
	r := &rig{t: t, deps: deps}
	r.open(m, func() bool { return m.busy != "" })
	r.keys("v", "up", "enter", "y")
	r.await()
	r.await()
	r.see("CLEARED")
	list, _, _ := deps.Store.List()
	if len(list) != 1 || list[0].LastSubmission.Status != "cleared" {
		t.Fatalf("the draft says %+v", list[0].LastSubmission)
	}
}

// The person view is laid out again on resize: at 60 columns nothing is
// wider than the terminal or cut mid-word, and opened at 60 then widened
// to 100 the text uses the width (without f).
func TestPersonViewRewrapsOnResize(t *testing.T) {
	deps := newDeps(t)
	_, second := screenTwins(t, deps.Client)
	view := func(m *Person) string { return ansi.Strip(m.View()) }
	widest := func(m *Person) int {
		w := 0
		for _, l := range strings.Split(view(m), "\n") {
			w = max(w, ansi.StringWidth(l))
		}
		return w
	}
	open := func(w int) *Person {
		m := NewPerson(deps, second.ID)
		r := &rig{t: t, deps: deps}
		r.open(m, func() bool { return m.busy != "" })
		m.SetSize(w, 70)
		return m
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(view(open(110))) {
		words[w] = true
	}
	narrow := open(60)
	if w := widest(narrow); w > 60 {
		t.Fatalf("at 60 columns a line is %d wide:\n%s", w, view(narrow))
	}
	for _, w := range strings.Fields(view(narrow)) {
		if !words[w] && !strings.HasSuffix(w, "…") {
			t.Errorf("at 60 columns %q is a word cut:\n%s", w, view(narrow))
			break
		}
	}
	m := NewPerson(deps, second.ID)
	m.SetSize(60, 70)
	r := &rig{t: t, deps: deps}
	r.d, r.busy = tuitest.New[uikit.Screen](t, m), func() bool { return m.busy != "" }
	r.d.Run(m.Init())
	r.await()
	m.SetSize(100, 70)
	if w := widest(m); w <= 60 {
		t.Fatalf("opened at 60, widened to 100, the text stays at %d:\n%s", w, view(m))
	}
}

// The customer view too: opened at 60 columns and widened to 100, it uses
// the width.
func TestCustomerViewRewrapsOnResize(t *testing.T) {
	deps := newDeps(t)
	long := samples.PartnerCreate()
	long.CompanyName = strings.Repeat("Lovely Long Company Name ", 5)
	created, err := deps.Client.CreatePartnerCustomer(context.Background(), long)
	if err != nil {
		t.Fatal(err)
	}
	m := NewCustomer(deps, created.EndCustomer.ClientID)
	m.SetSize(60, 70)
	r := &rig{t: t, deps: deps}
	r.d, r.busy = tuitest.New[uikit.Screen](t, m), func() bool { return m.busy != "" }
	r.d.Run(m.Init())
	r.await()
	widest := 0
	for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		if ansi.StringWidth(l) > 60 {
			t.Fatalf("at 60 columns a line is too wide: %q", l)
		}
	}
	m.SetSize(100, 70)
	for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		widest = max(widest, ansi.StringWidth(strings.TrimRight(l, " ")))
	}
	if widest <= 60 {
		t.Fatalf("opened at 60, widened to 100, the text stays at %d:\n%s", widest, ansi.Strip(m.View()))
	}
	if !strings.Contains(strings.Join(strings.Fields(ansi.Strip(m.View())), " "), strings.TrimSpace(long.CompanyName)) {
		t.Errorf("the long company name is not shown whole:\n%s", ansi.Strip(m.View()))
	}
}

// The lookup inputs leave the cell under the cursor blank: the
// placeholder's first letter there would read as typed ("› b").
func TestLookupPlaceholderIsNotUnderTheCursor(t *testing.T) {
	deps := newDeps(t)
	for _, s := range []uikit.Screen{NewPerson(deps, ""), NewCustomer(deps, "")} {
		s.SetSize(80, 20)
		v := ansi.Strip(s.View())
		if !strings.Contains(v, "›  becusr_") && !strings.Contains(v, "›  its client_id") {
			t.Fatalf("the placeholder starts under the cursor:\n%s", v)
		}
	}
}

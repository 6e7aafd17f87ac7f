package forms

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func partnerFlow(t *testing.T) *Flow {
	t.Helper()
	d := &drafts.Draft{ID: "abcdef", Kind: drafts.PartnerCustomer, UI: map[string]string{}}
	return NewFlow(d, Options{Env: client.Local, Now: func() time.Time { return now }})
}

func beaconFlow(t *testing.T) *Flow {
	t.Helper()
	d := &drafts.Draft{ID: "bcdefg", Kind: drafts.BeaconUser, UI: map[string]string{}}
	return NewFlow(d, Options{Env: client.Local, Now: func() time.Time { return now }, Programs: []widgets.PickOption{
		{Value: "becprg_11111111111111", Label: "Default program"}, {Value: "becprg_22222222222222", Label: "Relaxed program"}}})
}

// testForm is a step's form as a test drives it: keys go through
// widgets.StepForm.Update, which moves between fields at once.
type testForm struct{ *widgets.StepForm }

func (f testForm) View() string               { return f.Form.View() }
func (f testForm) GetFocusedField() huh.Field { return f.Form.GetFocusedField() }
func (f testForm) state() huh.FormState       { return f.Form.State }

// open builds a step's form and starts it, as the wizard does.
func open(t *testing.T, f *Flow, id string) testForm {
	t.Helper()
	i := f.Index(id)
	if i < 0 {
		t.Fatalf("no step %s", id)
	}
	return start(f.Steps[i].Form())
}

// start sizes a built form and starts it; its commands (cursor blinks)
// are not needed to move or type.
func start(sf *widgets.StepForm) testForm {
	sf.Form = sf.Form.WithWidth(70).WithHeight(60)
	sf.Form.Init()
	return testForm{sf}
}

// deliver hands messages to the form, each handled before the next.
func deliver(form testForm, msgs ...tea.Msg) testForm {
	for _, msg := range msgs {
		form.Update(msg)
	}
	return form
}

func TestEveryPartnerStepBuilds(t *testing.T) {
	f := partnerFlow(t)
	f.Draft.Partner = samples.PartnerCreate()
	f = NewFlow(f.Draft, f.opt)
	for _, s := range f.Steps {
		if s.Form != nil {
			form := open(t, f, s.ID)
			if v := form.View(); v == "" {
				t.Errorf("step %s renders nothing", s.ID)
			}
		}
		if s.List != nil && s.List.Len() > 0 {
			s.List.Form(0)
		}
		if len(s.Summary()) == 0 {
			t.Errorf("step %s has no summary", s.ID)
		}
	}
}

func TestTypingIsCheckedAndTheFixApplies(t *testing.T) {
	f := partnerFlow(t)
	f.Draft.Partner.Address.CountryCode = "US"
	form := open(t, f, "support")
	form = deliver(form, tuitest.Type("help@example.com")...)
	form = deliver(form, tuitest.Key("tab"))
	form = deliver(form, tuitest.Type("4155550100")...) // shorter than its fix
	phone := form.GetFocusedField().(*widgets.Input)
	r := phone.Result()
	// Plaid gives the support phone no format: E.164 is advice, with a fix.
	if r.State != validate.Valid || r.Advice() == "" || r.Fix != "+14155550100" {
		t.Fatalf("phone check: %+v", r)
	}
	if v := form.View(); !strings.Contains(v, "E.164") || !strings.Contains(v, "+14155550100") || !strings.Contains(v, "ctrl+y") || strings.Contains(v, "✗") {
		t.Errorf("the advice and the fix are not shown as advice:\n%s", v)
	}
	before := f.Changes.Count()
	form = deliver(form, tuitest.Key("ctrl+y"))
	if got := f.Draft.Partner.CustomerSupportInfo.PhoneNumber; got != "+14155550100" {
		t.Fatalf("after ctrl+y the phone is %q", got)
	}
	if f.Changes.Count() == before {
		t.Error("the fix was not counted as a change")
	}
	if strings.Contains(form.View(), "E.164") {
		t.Error("the advice is still shown after the fix")
	}
	// The cursor is at the end of the fixed value: typing goes on there.
	deliver(form, tuitest.Type("9")...)
	if got := f.Draft.Partner.CustomerSupportInfo.PhoneNumber; got != "+141555501009" {
		t.Errorf("typing after the fix gives %q", got)
	}
	if f.Draft.Partner.CustomerSupportInfo.Email != "help@example.com" {
		t.Error("the email did not reach the draft")
	}
}

func TestIncompleteIsAHintNotAnError(t *testing.T) {
	f := partnerFlow(t)
	form := open(t, f, "support")
	form = deliver(form, tuitest.Type("help@exam")...)
	in := form.GetFocusedField().(*widgets.Input)
	if in.Result().State != validate.Incomplete {
		t.Fatalf("state %v", in.Result().State)
	}
	if v := form.View(); strings.Contains(v, "✗") || !strings.Contains(v, "…") {
		t.Errorf("an incomplete value shows an error:\n%s", v)
	}
}

func TestLeavingAFieldWithAnErrorIsAllowed(t *testing.T) {
	f := partnerFlow(t)
	form := open(t, f, "company")
	form = deliver(form, tuitest.Type("Acme")...)
	form = deliver(form, tuitest.Key("tab"))
	form = deliver(form, tuitest.Type("Acme App")...)
	form = deliver(form, tuitest.Key("tab"))
	form = deliver(form, tuitest.Key("tab"))
	form = deliver(form, tuitest.Type("not a url")...)
	form = deliver(form, tuitest.Key("shift+tab")) // back, with an error on screen
	if form.GetFocusedField().GetKey() != "legal_entity_name" {
		t.Fatalf("back was blocked: focus on %s", form.GetFocusedField().GetKey())
	}
	form = deliver(form, tuitest.Key("tab"), tuitest.Key("enter")) // finish the step with the error
	if form.state() != huh.StateCompleted {
		t.Error("a step with an error could not be finished")
	}
}

func TestPickerFindsCountriesByNameAndCode(t *testing.T) {
	f := partnerFlow(t)
	form := open(t, f, "address")
	form = deliver(form, tuitest.Type("germ")...)
	if v := form.View(); !strings.Contains(v, "Germany (DE)") {
		t.Fatalf("no match shown:\n%s", v)
	}
	form = deliver(form, tuitest.Key("enter"))
	if f.Draft.Partner.Address.CountryCode != "DE" {
		t.Fatalf("country %q", f.Draft.Partner.Address.CountryCode)
	}
	// region offers Germany's subdivisions
	form = deliver(form, tuitest.Type("bay")...)
	form = deliver(form, tuitest.Key("enter"))
	if f.Draft.Partner.Address.Region != "BY" {
		t.Fatalf("region %q", f.Draft.Partner.Address.Region)
	}
	// Enter on an untouched picker keeps its value.
	deliver(form, tuitest.Key("shift+tab"), tuitest.Key("enter"))
	if f.Draft.Partner.Address.Region != "BY" {
		t.Errorf("Enter changed an untouched picker to %q", f.Draft.Partner.Address.Region)
	}
	// by code
	f2 := partnerFlow(t)
	form = open(t, f2, "address")
	form = deliver(form, tuitest.Type("us")...)
	deliver(form, tuitest.Key("enter"))
	if f2.Draft.Partner.Address.CountryCode != "US" {
		t.Errorf("typing the code chose %q", f2.Draft.Partner.Address.CountryCode)
	}
	// by the three-letter code people also type
	for alpha3, want := range map[string]string{"USA": "US", "deu": "DE", "GBR": "GB"} {
		f3 := partnerFlow(t)
		form = open(t, f3, "address")
		form = deliver(form, tuitest.Type(alpha3)...)
		deliver(form, tuitest.Key("enter"))
		if got := f3.Draft.Partner.Address.CountryCode; got != want {
			t.Errorf("typing %s chose %q, want %s", alpha3, got, want)
		}
	}
}

// Names are found without their accents, and by the names people know:
// "aland" finds Åland, "turkey" Türkiye (ISO's name), written properly.
func TestPickerFindsNamesWithoutAccents(t *testing.T) {
	for typed, want := range map[string]string{"aland": "AX", "Åland": "AX", "turkey": "TR", "curacao": "CW", "cote": "CI"} {
		f := partnerFlow(t)
		form := open(t, f, "address")
		form = deliver(form, tuitest.Type(typed)...)
		if want == "AX" && !strings.Contains(form.View(), "Åland Islands") {
			t.Fatalf("Åland is not written properly:\n%s", form.View())
		}
		deliver(form, tuitest.Key("enter"))
		if got := f.Draft.Partner.Address.CountryCode; got != want {
			t.Errorf("typing %q chose %q, want %s", typed, got, want)
		}
	}
}

// The ID type's hint says what is listed: a German address has no ID
// type of its own, so every type is listed and the hint says why; "ssn"
// finds both US types.
func TestIDTypeHintAndSearch(t *testing.T) {
	f := beaconFlow(t)
	f.Draft.Beacon.User.Address = client.BeaconUserRequestAddress{Country: "DE"}
	form := open(t, f, catalog.StepIDNumber)
	if v := ansi.Strip(form.View()); !strings.Contains(v, "Plaid lists no ID type issued in Germany (DE)") {
		t.Fatalf("no hint for a country without ID types:\n%s", v)
	}
	form = deliver(form, tuitest.Type("ssn")...)
	v := ansi.Strip(form.View())
	if !strings.Contains(v, "US Social Security number") || !strings.Contains(v, "US SSN, last 4 digits") {
		t.Fatalf("ssn does not find both US types:\n%s", v)
	}
	f.Draft.Beacon.User.Address.Country = "US"
	if v := ansi.Strip(open(t, f, catalog.StepIDNumber).View()); !strings.Contains(v, "The types issued in United States (US)") {
		t.Fatalf("no hint for a US address:\n%s", v)
	}
}

func TestEmptyPickerStaysEmptyOnEnter(t *testing.T) {
	f := partnerFlow(t)
	form := open(t, f, "address")
	deliver(form, tuitest.Key("enter"))
	if got := f.Draft.Partner.Address.CountryCode; got != "" {
		t.Errorf("Enter on an empty country chose %q", got)
	}
}

func TestContactModeKeepsWhatWasTyped(t *testing.T) {
	f := partnerFlow(t)
	form := open(t, f, "contacts")
	form = deliver(form, tuitest.Key("down"), tuitest.Key("enter")) // fill in
	form = deliver(form, tuitest.Type("Ann")...)
	form = deliver(form, tuitest.Key("tab"))
	deliver(form, tuitest.Type("Perkins")...)
	if f.Draft.Partner.TechnicalContact.GivenName != "Ann" {
		t.Fatalf("contact %+v", f.Draft.Partner.TechnicalContact)
	}
	acc := f.modeOf(catalog.PartnerCreate().Step(catalog.StepContacts).Defaults[0])
	acc.Set(ContactDefault)
	if f.Draft.Partner.TechnicalContact != (client.PartnerContact{}) {
		t.Fatal("the default must not send the typed contact")
	}
	acc.Set(ContactFill)
	if c := f.Draft.Partner.TechnicalContact; c.GivenName != "Ann" || c.FamilyName != "Perkins" {
		t.Errorf("switching back lost what was typed: %+v", c)
	}
}

func TestProductsSubsetsAndCRAStep(t *testing.T) {
	f := partnerFlow(t)
	cra := f.Steps[f.Index("cra")]
	if cra.Shown() {
		t.Fatal("the CRA step shows without a CRA product")
	}
	products := f.field("products[]")
	main := f.productSubset(products, client.PartnerProducts)
	more := f.productSubset(products, OtherProducts())
	main.Set([]client.Product{"auth", "cra_base_report"})
	more.Set([]client.Product{"beacon"})
	main.Set([]client.Product{"cra_base_report", "auth", "identity"})
	if got := client.Strings(f.Draft.Partner.Products); strings.Join(got, ",") != "auth,beacon,identity,cra_base_report" {
		t.Errorf("products %v", got)
	}
	if !cra.Shown() {
		t.Error("the CRA step is hidden with a CRA product")
	}
}

func TestCRAPurposesKeepUseCasesWhenUnticked(t *testing.T) {
	f := partnerFlow(t)
	f.Draft.Partner.Products = []client.Product{"cra_base_report"}
	form := open(t, f, "cra")
	form = deliver(form, tuitest.Key("down"), tuitest.Key("enter")) // third party: yes
	form = deliver(form, tuitest.Key("down"), tuitest.Key("down"), tuitest.Key("enter"))
	form = deliver(form, tuitest.Key("space"), tuitest.Key("enter")) // tick WRITTEN_INSTRUCTION, next
	form = deliver(form, tuitest.Key("space"), tuitest.Key("down"), tuitest.Key("space"))
	q := f.Draft.Partner.Questionnaires.CRA
	if *q.IsThirdPartyInvolved != true || *q.IsTechnicalServiceProviderInvolved != false {
		t.Fatalf("answers %v %v", q.IsThirdPartyInvolved, q.IsTechnicalServiceProviderInvolved)
	}
	uc := q.Purposes["WRITTEN_INSTRUCTION"].UseCases
	if len(uc) != 2 {
		t.Fatalf("use cases %v", uc)
	}
	// Untick the purpose (the use cases leave the body), tick it again
	// (they come back).
	form = deliver(form, tuitest.Key("shift+tab"), tuitest.Key("space"))
	if _, on := f.Draft.Partner.Questionnaires.CRA.Purposes["WRITTEN_INSTRUCTION"]; on {
		t.Fatal("the purpose is still chosen")
	}
	deliver(form, tuitest.Key("space"))
	if got := f.Draft.Partner.Questionnaires.CRA.Purposes["WRITTEN_INSTRUCTION"].UseCases; len(got) != 2 {
		t.Errorf("ticking the purpose again lost its use cases: %v", got)
	}
}

func TestLogoFromAFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "logo.png")
	os.WriteFile(good, samples.LogoPNG(), 0o600)
	small := filepath.Join(dir, "small.png")
	os.WriteFile(small, samples.PNG(64, 64), 0o600)
	f := partnerFlow(t)
	form := open(t, f, "logo")
	form = deliver(form, tuitest.Type(filepath.Join(dir, "lo"))...)
	if r := form.GetFocusedField().(*widgets.Input).Result(); r.State != validate.Incomplete {
		t.Fatalf("a path on its way: %+v", r)
	}
	form = deliver(form, tuitest.Type("go.png")...)
	if f.Draft.Partner.Logo != samples.LogoBase64() {
		t.Fatal("the logo did not reach the body")
	}
	if v := form.View(); !strings.Contains(v, "logo.png · 1024×1024") {
		t.Errorf("no summary:\n%s", v)
	}
	f2 := partnerFlow(t)
	form = open(t, f2, "logo")
	deliver(form, tuitest.Type(small)...)
	if f2.Draft.Partner.Logo != "" || f2.Draft.UI[UILogoPath] != small {
		t.Error("a wrong-size logo reached the body, or the path was lost")
	}
	if got := widgets.SuggestPaths(filepath.Join(dir, "l")); len(got) != 1 || got[0] != good {
		t.Errorf("suggestions %v", got)
	}
	// The home directory as typed: "~/" once panicked (its expansion is
	// shorter than what was typed).
	t.Setenv("HOME", dir)
	for _, typed := range []string{"~/", "~", "~/l"} {
		for _, got := range widgets.SuggestPaths(typed) {
			if !strings.HasPrefix(got, strings.TrimSuffix(typed, "l")) {
				t.Errorf("%q completes to %q", typed, got)
			}
		}
	}
	if got := widgets.SuggestPaths("~/l"); len(got) != 1 || got[0] != "~/logo.png" {
		t.Errorf("~/l completes to %v", got)
	}
	// Tab completes, as in a shell; the hint says so.
	f3 := partnerFlow(t)
	form = open(t, f3, "logo")
	form = deliver(form, tuitest.Type("~/lo")...)
	if v := form.View(); !strings.Contains(v, "Tab completes") {
		t.Errorf("no hint:\n%s", v)
	}
	deliver(form, tuitest.Key("tab"))
	if f3.Draft.Partner.Logo != samples.LogoBase64() || f3.Draft.UI[UILogoPath] != "~/logo.png" {
		t.Errorf("tab did not complete: %q", f3.Draft.UI[UILogoPath])
	}
}

func TestStepOf(t *testing.T) {
	f := partnerFlow(t)
	for path, want := range map[string]string{
		"company_name": "company", "address.region": "address", "customer_support_info.email": "support",
		"billing_contact.email": "contacts", "products[2]": "products", "logo": "logo", "redirect_uris[0]": "redirects",
		"bank_addendum_acceptance.customer_ip_address": "addendum", "is_diligence_attested": "attestations",
		"questionnaires.cra.purposes.EMPLOYMENT.use_cases": "cra",
	} {
		if i := f.StepOf(path); i < 0 || f.Steps[i].ID != want {
			t.Errorf("StepOf(%s) = %d", path, i)
		}
	}
}

func TestRedirectList(t *testing.T) {
	f := partnerFlow(t)
	l := f.Steps[f.Index("redirects")].List
	i := l.Add()
	form := start(l.Form(i))
	deliver(form, tuitest.Type("https://example.com/oauth?x=1")...)
	if got := f.Draft.Partner.RedirectURIs; len(got) != 1 || got[0] != "https://example.com/oauth?x=1" {
		t.Fatalf("uris %v", got)
	}
	if ps := f.Check(); len(ps.Under("redirect_uris[0]")) != 1 {
		t.Errorf("problems %v", ps)
	}
	l.Remove(0)
	if f.Draft.Partner.RedirectURIs != nil {
		t.Error("removing the last item should leave no list (nothing sent)")
	}
}

func TestInputShowsAValueChangedElsewhere(t *testing.T) {
	f := partnerFlow(t)
	form := open(t, f, "addendum")
	form = deliver(form, tuitest.Key("down"), tuitest.Key("enter")) // yes: stamps the time
	want := now.UTC().Format(validate.TimestampLayout)
	if got := f.Draft.Partner.BankAddendumAcceptance.CustomerAgreementTimestamp; got != want {
		t.Fatalf("stamp %q", got)
	}
	form = deliver(form, tuitest.Key("tab")) // through the IP field to the time
	if got := f.Draft.Partner.BankAddendumAcceptance.CustomerAgreementTimestamp; got != want {
		t.Fatalf("huh wrote the stale (empty) text over the stamp: %q", got)
	}
	if !strings.Contains(form.View(), want) {
		t.Errorf("the stamped time is not in the field:\n%s", form.View())
	}
}

// What is highlighted is what Enter takes: a required choice among a few
// (the Beacon programs) shows its first option highlighted and Enter
// takes it; a long list (countries) shows none until ↓ or typing, and ↓
// then highlights the first.
func TestEnterTakesWhatIsHighlighted(t *testing.T) {
	f := beaconFlow(t)
	form := open(t, f, "program")
	if v := ansi.Strip(form.View()); !strings.Contains(v, "> Default program") {
		t.Fatalf("the first program is not highlighted:\n%s", v)
	}
	deliver(form, tuitest.Key("enter"))
	if got := f.Draft.Beacon.ProgramID; got != "becprg_11111111111111" {
		t.Fatalf("Enter on the highlighted program chose %q", got)
	}
	p := partnerFlow(t)
	form = open(t, p, "address")
	if v := ansi.Strip(form.View()); strings.Contains(v, "> Afghanistan") || !strings.Contains(v, "type or ↓ to choose") {
		t.Fatalf("a country is highlighted before any is picked:\n%s", v)
	}
	form = deliver(form, tuitest.Key("down"))
	if v := ansi.Strip(form.View()); !strings.Contains(v, "> Afghanistan") {
		t.Fatalf("↓ does not highlight the first country:\n%s", v)
	}
	deliver(form, tuitest.Key("enter"))
	if got := p.Draft.Partner.Address.CountryCode; got != "AF" {
		t.Fatalf("Enter on the highlighted country chose %q", got)
	}
}

// A hidden field's fix is shown hidden too: the SSN typed with dashes is
// offered without them, as its last four digits only.
func TestMaskedFieldsFixIsMasked(t *testing.T) {
	f := beaconFlow(t)
	f.Draft.Beacon.User.IDNumber.Type = "us_ssn"
	form := open(t, f, "id_number")
	form = deliver(form, tuitest.Key("tab"))
	form = deliver(form, tuitest.Type("219-09-9999")...)
	v := ansi.Strip(form.View())
	if strings.Contains(v, "219099999") || strings.Contains(v, "219-09") || !strings.Contains(v, "•••••9999") {
		t.Fatalf("the fix is not masked:\n%s", v)
	}
	deliver(form, tuitest.Key("ctrl+y"))
	if got := f.Draft.Beacon.User.IDNumber.Value; got != "219099999" {
		t.Fatalf("ctrl+y gave %q", got)
	}
}

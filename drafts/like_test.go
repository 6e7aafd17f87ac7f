package drafts

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

func open(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "drafts"), StaticKey(bytes.Repeat([]byte{1}, 32)))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A customer like another keeps every answer but what names the company,
// each field deciding by its catalogue entry, and says which it left.
func TestNewLikeLeavesWhatNamesTheCompany(t *testing.T) {
	s := open(t)
	src := s.NewBlank(PartnerCustomer)
	src.Partner = samples.PartnerCreate()
	src.UI[UILogoPath] = "/tmp/logo.png"
	src.UI["technical_contact"] = "fill"
	d, left, err := s.NewLike(src)
	if err != nil {
		t.Fatal(err)
	}
	p := d.Partner
	if p.CompanyName != "" || p.ApplicationName != "" || p.LegalEntityName != "" || p.Website != "" || p.Logo != "" ||
		p.Address.City != "" || p.BankAddendumAcceptance.CustomerIPAddress != "" {
		t.Errorf("kept what names the company: %+v", p)
	}
	if p.TechnicalContact.Email == "" || len(p.Products) != 3 || len(p.RedirectURIs) != 1 || p.CustomerSupportInfo.Email == "" ||
		p.IsDiligenceAttested == nil || len(p.Questionnaires.CRA.Purposes) != 1 {
		t.Errorf("lost what carries over: %+v", p)
	}
	if d.UI[UILogoPath] != "" || d.UI["technical_contact"] != "fill" {
		t.Errorf("UI %v", d.UI)
	}
	var names []string
	for _, f := range left {
		if !f.Names {
			t.Errorf("%s left empty but carries over", f.Path)
		}
		names = append(names, f.Path)
	}
	for _, want := range []string{"company_name", "website", "logo", "address.city", "bank_addendum_acceptance.customer_ip_address"} {
		if !slices.Contains(names, want) {
			t.Errorf("%s not said to be left empty: %v", want, names)
		}
	}
	if _, _, err := s.NewLike(s.NewBlank(BeaconUser)); err == nil {
		t.Error("a Beacon draft made a customer like it")
	}
}

// A template keeps only partner-wide answers; a new customer draft starts
// from the default one and records which answers came from it.
func TestTemplatesGiveNewDraftsTheirPartnerWideAnswers(t *testing.T) {
	s := open(t)
	dir := filepath.Join(t.TempDir(), "templates")
	s.SetTemplates(OpenTemplates(dir))
	if d := s.New(PartnerCustomer); len(d.FromTemplate) != 0 {
		t.Fatalf("no template yet, yet %v", d.FromTemplate)
	}
	src := s.NewBlank(PartnerCustomer)
	src.Partner = samples.PartnerCreate()
	if _, err := s.Templates().Save(DefaultTemplate, src, time.Now()); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(dir, "default.json"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("template file: %v %v", info, err)
	}
	d := s.New(PartnerCustomer)
	if d.Partner.CompanyName != "" || d.Partner.CustomerSupportInfo.Email != "" || d.Partner.TechnicalContact.Email == "" || len(d.Partner.Products) != 3 {
		t.Errorf("the template gave %+v", d.Partner)
	}
	for _, p := range d.FromTemplate {
		if f := catalog.PartnerCreate().Field(p); f == nil || !f.PartnerWide {
			t.Errorf("%s from the template is not partner-wide", p)
		}
	}
	if !slices.Contains(d.FromTemplate, "products[]") || !slices.Contains(d.FromTemplate, "questionnaires.cra.purposes") {
		t.Errorf("from the template: %v", d.FromTemplate)
	}
	if b := s.New(BeaconUser); len(b.FromTemplate) != 0 {
		t.Error("a Beacon draft took a customer template")
	}
	if _, err := s.Templates().Save("../x", src, time.Now()); err == nil {
		t.Error("a template name with a path was taken")
	}
}

package forms

import (
	"strings"
	"testing"
	"time"

	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
)

// Adding an optional text field to a Beacon address is one catalogue
// entry (and its wire field, which the request type has): the step asks
// it, what is typed goes in the body, and the review shows it, masked as
// declared — with no other edit. The test takes a catalogue without the
// postal code, then adds it back as a new declaration.
func TestAFieldAddedToTheCatalogueIsAskedSentAndReviewed(t *testing.T) {
	without := catalog.BeaconUserCreate().Without("user.address.postal_code")
	flow := func(c *catalog.Catalog) *Flow {
		d := &drafts.Draft{ID: "fieldx", Kind: drafts.BeaconUser, UI: map[string]string{}}
		return NewFlow(d, Options{Catalog: c, Env: client.Sandbox, Now: func() time.Time { return now }})
	}
	before := flow(without)
	if hasKey(open(t, before, catalog.StepPerson).Fields, "user.address.postal_code") {
		t.Fatal("the catalogue without the field still asks it")
	}

	added := without.With(&catalog.Field{Path: "user.address.postal_code", Label: "Post code (new)", Step: catalog.StepPerson,
		CharLimit: 16, Personal: catalog.Masked, Mask: catalog.MaskTail})
	f := flow(added)
	form := open(t, f, catalog.StepPerson)
	if !hasKey(form.Fields, "user.address.postal_code") {
		t.Fatal("the new field is not asked")
	}
	for form.GetFocusedField().GetKey() != "user.address.postal_code" {
		form = deliver(form, tuitest.Key("tab"))
	}
	deliver(form, tuitest.Type("SW1A 1AA")...)
	if got := f.Draft.Beacon.User.Address.PostalCode; got != "SW1A 1AA" {
		t.Fatalf("the body holds %q", got)
	}
	var line *Line
	for _, l := range f.Steps[f.Index(catalog.StepPerson)].Summary() {
		if l.Label == "Post code (new)" {
			line = &l
		}
	}
	if line == nil || line.Shown(false) == "SW1A 1AA" || !strings.HasSuffix(line.Shown(false), "1AA") || line.Shown(true) != "SW1A 1AA" {
		t.Fatalf("the review: %+v", line)
	}
}

func hasKey(fields []huh.Field, key string) bool {
	for _, q := range fields {
		if q.GetKey() == key {
			return true
		}
	}
	return false
}

package catalog_test

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/spectest"
)

// walk lists the paths of a schema: leaves (lists written "[]") and, in
// objects, the objects themselves.
func walk(s *openapi3.Schema, path string, leaves, objects map[string]bool) {
	props := map[string]*openapi3.SchemaRef{}
	collect(s, props)
	switch {
	case len(props) > 0:
		if path != "" {
			objects[path] = true
		}
		for name, p := range props {
			walk(p.Value, join(path, name), leaves, objects)
		}
	case s.Items != nil && s.Items.Value != nil:
		item := map[string]*openapi3.SchemaRef{}
		collect(s.Items.Value, item)
		if len(item) == 0 {
			leaves[path+"[]"] = true
			return
		}
		objects[path] = true
		walk(s.Items.Value, path+"[]", leaves, objects)
	default:
		leaves[path] = true
	}
}

func collect(s *openapi3.Schema, props map[string]*openapi3.SchemaRef) {
	for k, v := range s.Properties {
		props[k] = v
	}
	for _, part := range s.AllOf {
		collect(part.Value, props)
	}
}

func join(base, name string) string {
	if base == "" {
		return name
	}
	return base + "." + name
}

// TestCatalogueCoversTheSpec walks every leaf of each request schema in
// Plaid's spec: the catalogue must declare each one, and must name no path
// the spec lacks. Credentials are sent in headers, never in a body.
func TestCatalogueCoversTheSpec(t *testing.T) {
	spec := spectest.Load(t)
	for _, c := range catalog.All() {
		t.Run(c.Endpoint, func(t *testing.T) {
			leaves, objects := map[string]bool{}, map[string]bool{}
			walk(spec.RequestSchema(t, c.Endpoint), "", leaves, objects)
			delete(leaves, "client_id")
			delete(leaves, "secret")
			declared := map[string]bool{}
			for _, f := range c.Fields() {
				declared[f.Path] = true
				if !leaves[f.Path] && !objects[f.Path] {
					t.Errorf("the catalogue declares %s, which the spec's request has not", f.Path)
				}
			}
			var missing []string
			for leaf := range leaves {
				if !declared[leaf] {
					missing = append(missing, leaf)
				}
			}
			sort.Strings(missing)
			if len(missing) > 0 {
				t.Errorf("the catalogue misses %s", strings.Join(missing, ", "))
			}
		})
	}
}

// Every field resolves on its request type, and its step is one the
// catalogue declares (for the two requests the wizards build); every
// declared step asks something, and what its review names is its own.
func TestCatalogueFieldsResolve(t *testing.T) {
	for _, c := range []*catalog.Catalog{catalog.PartnerCreate(), catalog.BeaconUserCreate()} {
		for _, s := range c.Steps() {
			if len(c.InStep(s.ID)) == 0 {
				t.Errorf("%s: step %s asks no field", c.Name, s.ID)
			}
			for _, p := range append(slices.Clone(s.Lead), joinedPaths(s)...) {
				if f := c.Field(p); f == nil || f.Step != s.ID {
					t.Errorf("%s: step %s reviews %s, which is not one of its fields", c.Name, s.ID, p)
				}
			}
		}
		for _, f := range c.Fields() {
			if c.Step(f.Step) == nil {
				t.Errorf("%s: %s is in step %q, not a step of the wizard", c.Name, f.Path, f.Step)
			}
			if _, found := client.Required(c.Type(), f.Path); !found {
				t.Errorf("%s: %s is not a field of %v", c.Name, f.Path, c.Type())
			}
			if f.Label == "" {
				t.Errorf("%s: %s has no label", c.Name, f.Path)
			}
		}
	}
}

// What the catalogue derives rather than declares: required from the
// spec's types, updatable from the update request.
func TestDerivedAttributes(t *testing.T) {
	pc := catalog.PartnerCreate()
	for path, want := range map[string]bool{
		"legal_entity_name": true, "redirect_uris[]": true, "bank_addendum_acceptance.customer_accepted": true,
		"questionnaires.cra.purposes": true, "website": false, "address.city": false, "is_diligence_attested": false,
	} {
		if got := pc.Field(path).Updatable(); got != want {
			t.Errorf("partner %s updatable = %v, want %v", path, got, want)
		}
	}
	for req, want := range map[string]struct {
		step      string
		updatable bool
	}{
		"legal_entity_name": {catalog.StepCompany, true}, "website": {catalog.StepCompany, false},
		"application_name": {catalog.StepCompany, false}, "is_diligence_attested": {catalog.StepAttestations, false},
		"technical_contact": {catalog.StepContacts, false}, "billing_contact": {catalog.StepContacts, false},
		"address": {catalog.StepAddress, false}, "bank_addendum_acceptance": {catalog.StepAddendum, true},
		"questionnaires.cra": {catalog.StepCRA, true},
	} {
		if got := pc.StepOf(req); got != want.step {
			t.Errorf("requirement %s → step %q, want %q", req, got, want.step)
		}
		if got := pc.Updatable(req); got != want.updatable {
			t.Errorf("requirement %s updatable = %v, want %v", req, got, want.updatable)
		}
	}
	for _, r := range client.RequirementsDue {
		if pc.StepOf(string(r)) == "" {
			t.Errorf("requirement %s has no step", r)
		}
	}
	bc := catalog.BeaconUserCreate()
	if !bc.Field("user.name.given_name").Required() || bc.Field("user.email_address").Required() {
		t.Error("given_name is required inside name, email_address is not")
	}
	if bc.Field("program_id").Updatable() || !bc.Field("user.phone_number").Updatable() {
		t.Error("/beacon/user/update changes the person, not the program")
	}
	if got := bc.StepOf("user.depository_accounts[3].routing_number"); got != catalog.StepAccounts {
		t.Errorf("an account's field → %q", got)
	}
	if got := bc.StepOf("user"); got != catalog.StepName {
		t.Errorf("the whole user → %q", got)
	}
}

func joinedPaths(s *catalog.Step) []string {
	var out []string
	for _, j := range s.Joined {
		out = append(out, j.Paths...)
	}
	return out
}

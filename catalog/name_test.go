package catalog_test

import (
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
)

func TestFieldNamesArePlainWords(t *testing.T) {
	for c, cases := range map[*catalog.Catalog]map[string]string{
		catalog.PartnerCreate(): {
			"legal_entity_name": "Legal entity name",
			"redirect_uris[1]":  "Redirect URI 2",
			"redirect_uris":     "Redirect URIs",
			"questionnaires.cra.purposes.WRITTEN_INSTRUCTION.use_cases":    "Written instruction",
			"questionnaires.cra.purposes.WRITTEN_INSTRUCTION.use_cases[0]": "Use cases: Written instruction 1",
			"not.a.field": "not.a.field",
		},
		catalog.BeaconUserCreate(): {
			"user.depository_accounts[0].routing_number": "Bank account 1 · Routing number",
			"user.date_of_birth":                         "Date of birth",
			"access_tokens[2]":                           "Access token 3",
		},
	} {
		for path, want := range cases {
			if got := c.FieldName(path); got != want {
				t.Errorf("%s: %q, want %q", path, got, want)
			}
		}
	}
}

// Every requirement Plaid can report has a name in plain words.
func TestRequirementsHavePlainNames(t *testing.T) {
	for _, req := range client.RequirementsDue {
		if name := catalog.RequirementName(req); name == string(req) || name == "" || strings.Contains(name, "?") {
			t.Errorf("%s is named %q", req, name)
		}
	}
}

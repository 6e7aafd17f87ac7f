package catalog_test

import (
	"testing"

	"github.com/plaid-onboard/plaid-onboard/catalog"
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

package submit_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/cmdtest"
	"github.com/plaid-onboard/plaid-onboard/internal/httpmock"
)

const twoCustomers = "company_name,application_name,website,address.street,address.city,address.region,address.postal_code,address.country_code,customer_support_info.email,technical_contact.given_name,technical_contact.family_name,technical_contact.email,legal_entity_name,is_diligence_attested\n" +
	"A Inc,A App,https://a.example.com,1 Main St,Pawnee,IN,46001,US,help@a.example.com,Ann,Perkins,ann@a.example.com,A Inc.,true\n" +
	"B Inc,B App,https://b.example.com,2 Main St,Pawnee,IN,46001,US,help@b.example.com,Ann,Perkins,ann@b.example.com,B Inc.,true\n"

// In production a batch is asked about once, naming the count: without a
// terminal it needs --yes; on one, the word production typed.
func TestBatchToProductionAsksOnce(t *testing.T) {
	e := cmdtest.New(t)
	e.In.WriteString(twoCustomers)
	if code := e.Run(t, "drafts", "import", "customer", "--file", "-", "--format", "csv", "--batch", "prod"); code != 0 {
		t.Fatalf("import: exit %d: %s", code, e.ErrOut)
	}
	e.Vars["PLAID_ENV"], e.Vars["PLAID_CLIENT_ID"], e.Vars["PLAID_SECRET"] = "production", "id", "secret"
	reg := httpmock.New(t)
	e.F.Transport = reg
	if code := e.Run(t, "submit", "--batch", "prod"); code != 2 {
		t.Fatalf("without a terminal: exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), "2 partner customers to production", "--yes")

	e.F.IO.StdinTTY, e.F.IO.StdoutTTY = true, true
	e.In.WriteString("y\n")
	if code := e.Run(t, "submit", "--batch", "prod"); code != 2 {
		t.Fatalf("answered y: exit %d: %s", code, e.ErrOut)
	}
	for _, name := range []string{"A App", "B App"} {
		reg.Register(client.PathPartnerCustomerCreate, httpmock.JSON(map[string]any{
			"end_customer": map[string]any{"client_id": "cid-" + name[:1], "company_name": name, "status": "UNDER_REVIEW"}, "request_id": "r-" + name[:1]}))
	}
	e.In.WriteString("production\n")
	if code := e.Run(t, "submit", "--batch", "prod"); code != 0 {
		t.Fatalf("typed production: exit %d: %s", code, e.ErrOut)
	}
	if strings.Count(e.ErrOut.String(), "Type production") != 1 || len(reg.Requests) != 2 {
		t.Fatalf("asked %d times, sent %d:\n%s", strings.Count(e.ErrOut.String(), "Type production"), len(reg.Requests), e.ErrOut)
	}
	var first client.PartnerCustomerCreateRequest
	if err := json.Unmarshal(reg.Requests[0].Body, &first); err != nil || first.ApplicationName != "A App" {
		t.Fatalf("sent first %s", reg.Requests[0].Body)
	}
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), "0 ready · 2 sent")
}

package customer_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/cmd/customer"
	"github.com/plaid-onboard/plaid-onboard/internal/cmdtest"
	"github.com/plaid-onboard/plaid-onboard/internal/httpmock"
	"github.com/plaid-onboard/plaid-onboard/internal/spectest"
)

// sandbox is a test Factory talking to a fake Plaid (sandbox): every
// request must be one the registry expects.
func sandbox(t *testing.T) (*cmdtest.Env, *httpmock.Registry) {
	e := cmdtest.New(t)
	e.Vars["PLAID_ENV"], e.Vars["PLAID_CLIENT_ID"], e.Vars["PLAID_SECRET"] = "sandbox", "id", "secret"
	reg := httpmock.New(t)
	e.F.Transport = reg
	return e, reg
}

// example is the spec's example answer of path.
func example(t *testing.T, path string) httpmock.Responder {
	var v any
	if err := json.Unmarshal(spectest.Load(t).ResponseExample(t, path), &v); err != nil {
		t.Fatal(err)
	}
	return httpmock.JSON(v)
}

// get prints what Plaid's answer says: the status, what it means, what is
// still needed and where it is fixed.
func TestGetShowsWhereTheCustomerStands(t *testing.T) {
	e, reg := sandbox(t)
	reg.Register(client.PathPartnerCustomerGet, example(t, client.PathPartnerCustomerGet))
	if code := e.Run(t, "customer", "get", "7f57eb3d2a9j6480121fx361"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stdout", e.Out.String(), "client_id", "Status", "Still needed")
	var sent struct {
		ID string `json:"end_customer_client_id"`
	}
	if err := json.Unmarshal(reg.Requests[0].Body, &sent); err != nil || sent.ID != "7f57eb3d2a9j6480121fx361" {
		t.Fatalf("sent %s", reg.Requests[0].Body)
	}
}

// An answer with no status says so, not an empty line.
func TestGetWithNoStatus(t *testing.T) {
	e, reg := sandbox(t)
	reg.Register(client.PathPartnerCustomerGet, httpmock.JSON(map[string]any{
		"end_customer": map[string]any{"client_id": "7f57eb3d2a9j6480121fx361", "company_name": "Pawnee"}, "request_id": "r1"}))
	if code := e.Run(t, "customer", "get", "7f57eb3d2a9j6480121fx361"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stdout", e.Out.String(), "Status     — (not in Plaid's answer)")
}

// Plaid's refusal is exit 1, its code and request id said.
func TestGetOfAnUnknownCustomer(t *testing.T) {
	e, reg := sandbox(t)
	reg.Register(client.PathPartnerCustomerGet, httpmock.PlaidError(http.StatusNotFound, "PARTNER_ERROR", "CUSTOMER_NOT_FOUND", "no such end customer"))
	if code := e.Run(t, "customer", "get", "nobody"); code != 1 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), "CUSTOMER_NOT_FOUND", "req-mock")
}

// The flags fill enable's options: the products, --yes, --json.
func TestEnableOptionsComeFromTheFlags(t *testing.T) {
	e := cmdtest.New(t)
	var got *customer.EnableOptions
	cmd := customer.NewCmdEnable(e.F, &cmdutil.Globals{}, func(_ context.Context, o *customer.EnableOptions) error {
		got = o
		return nil
	})
	run(t, cmd, "cust-1", "--product", "auth,identity", "--product", "transactions", "--yes", "--json")
	if got == nil || got.ID != "cust-1" || !got.Yes || !got.JSON || len(got.Products) != 3 || got.Products[2] != "transactions" {
		t.Fatalf("options %+v", got)
	}
}

// enable in sandbox sends the products named, and masks the production
// secret unless --json.
func TestEnableSendsTheProductsNamed(t *testing.T) {
	e, reg := sandbox(t)
	reg.Register(client.PathPartnerCustomerEnable, example(t, client.PathPartnerCustomerEnable))
	if code := e.Run(t, "customer", "enable", "cust-1", "--product", "auth"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	var sent client.PartnerCustomerEnableRequest
	if err := json.Unmarshal(reg.Requests[0].Body, &sent); err != nil || len(sent.Products) != 1 || sent.Products[0] != "auth" {
		t.Fatalf("sent %s", reg.Requests[0].Body)
	}
	cmdtest.Contains(t, "stdout", e.Out.String(), "masked")
}

func run(t *testing.T, cmd *cobra.Command, args ...string) {
	t.Helper()
	cmd.SetArgs(args)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	if err := cmd.ExecuteContext(t.Context()); err != nil {
		t.Fatal(err)
	}
}

package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

// A body of 100,000 invalid bank accounts (3.5 MB, under the size limit)
// is refused for Plaid's limit of 50, with an answer of a few kilobytes
// that names the first problems and how many more; the checks look at
// no more items than any list may hold.
func TestAHundredThousandBadAccountsCostWhatAHundredDo(t *testing.T) {
	req := samples.BeaconLocal()
	req.User.DepositoryAccounts = make([]client.BeaconUserRequestDepositoryAccount, 100_000)
	for i := range req.User.DepositoryAccounts {
		req.User.DepositoryAccounts[i] = client.BeaconUserRequestDepositoryAccount{RoutingNumber: "1", AccountNumber: "x"}
	}
	ps := catalog.CheckRequest(req, catalog.Env{Environment: client.Local, Now: fixedNow})
	if len(ps) > 3*catalog.MaxItemsChecked+10 {
		t.Fatalf("%d problems: the check went through every item", len(ps))
	}
	limit := false
	for _, p := range ps {
		limit = limit || (p.Path == "user.depository_accounts" && strings.Contains(p.Message, "at most 50"))
	}
	if !limit {
		t.Fatalf("the limit of 50 is not among the problems: %v", ps[:5])
	}

	body, _ := json.Marshal(req)
	if len(body) > DefaultMaxBodyBytes {
		t.Fatalf("the body is %d bytes, over the limit this test means to stay under", len(body))
	}
	e, err := New(Options{ClientID: testID, Secret: testSecret, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	r := httptest.NewRequest(http.MethodPost, client.PathBeaconUserCreate, bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("PLAID-CLIENT-ID", testID)
	r.Header.Set("PLAID-SECRET", testSecret)
	w := httptest.NewRecorder()
	e.ServeHTTP(w, r)
	answer, _ := io.ReadAll(w.Body)
	if w.Code != http.StatusBadRequest || len(answer) > 8<<10 || !bytes.Contains(answer, []byte("more")) {
		t.Fatalf("HTTP %d, %d bytes: %.500s", w.Code, len(answer), answer)
	}
}

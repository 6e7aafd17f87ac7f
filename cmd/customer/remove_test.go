package customer_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/cmdtest"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

// Without a terminal to ask on, remove needs --yes: nothing is sent
// (the registry fails on any call).
func TestRemoveWithoutATerminalNeedsYes(t *testing.T) {
	e, _ := sandbox(t)
	if code := e.Run(t, "customer", "remove", "cust-1"); code != 2 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), "remove end customer cust-1", "--yes")
}

// On a terminal it asks: y removes, anything else sends nothing; in
// production only the word production does.
func TestRemoveAsksFirst(t *testing.T) {
	for _, c := range []struct {
		env, answer string
		sent        bool
	}{
		{"sandbox", "y\n", true},
		{"sandbox", "n\n", false},
		{"sandbox", "", false},
		{"production", "y\n", false},
		{"production", "production\n", true},
	} {
		t.Run(c.env+"/"+strings.TrimSpace(c.answer), func(t *testing.T) {
			e, reg := sandbox(t)
			e.Vars["PLAID_ENV"] = c.env
			e.F.IO.StdinTTY, e.F.IO.StdoutTTY = true, true
			e.In.WriteString(c.answer)
			if c.sent {
				reg.Register(client.PathPartnerCustomerRemove, example(t, client.PathPartnerCustomerRemove))
			}
			code := e.Run(t, "customer", "remove", "cust-1")
			if (code == 0) != c.sent {
				t.Fatalf("exit %d: %s", code, e.ErrOut)
			}
			if !c.sent {
				cmdtest.Contains(t, "stderr", e.ErrOut.String(), "nothing was sent")
				return
			}
			var sent client.PartnerCustomerRemoveRequest
			if err := json.Unmarshal(reg.Requests[0].Body, &sent); err != nil || sent.EndCustomerClientID != "cust-1" {
				t.Fatalf("sent %s", reg.Requests[0].Body)
			}
			cmdtest.Contains(t, "stdout", e.Out.String(), "cust-1", "removed")
		})
	}
}

// Against the built-in emulator: a customer made by a demo is removed,
// and is gone; a second remove is refused by the emulator.
func TestRemoveCleansUpOnTheEmulator(t *testing.T) {
	e := cmdtest.New(t)
	s, err := e.F.Connect(client.Local)
	if err != nil {
		t.Fatal(err)
	}
	created, err := s.Client.CreatePartnerCustomer(t.Context(), samples.PartnerCreate())
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	id := created.EndCustomer.ClientID
	if code := e.Run(t, "customer", "remove", id, "--yes"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stdout", e.Out.String(), id, "removed")
	if code := e.Run(t, "customer", "get", id); code != 1 {
		t.Fatalf("get after remove: exit %d: %s %s", code, e.Out, e.ErrOut)
	}
	if code := e.Run(t, "customer", "remove", id, "--yes"); code != 1 {
		t.Fatalf("second remove: exit %d: %s", code, e.ErrOut)
	}
}

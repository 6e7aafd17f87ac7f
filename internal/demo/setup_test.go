package demo

import (
	"strings"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/emutest"
)

// The demo's stops show each outcome, in order, and the guide names them.
func TestSetupMakesEachOutcome(t *testing.T) {
	now := time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)
	c, _ := emutest.Client(t, client.Local, func() time.Time { return now })
	stops, err := Setup(t.Context(), c, now)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"cleared", "pending_review", "pending_review", "rejected", "MORE_INFORMATION_NEEDED"}
	if len(stops) != len(want) {
		t.Fatalf("stops %+v", stops)
	}
	for i, s := range stops {
		if s.Status != want[i] || s.ID == "" {
			t.Errorf("stop %d: %+v, want %s", i+1, s, want[i])
		}
	}
	plain := Guide("http://127.0.0.1:8686", "", stops, false)
	if !strings.Contains(plain, "5. Pawnee Parks") || strings.Contains(plain, "\x1b[") {
		t.Errorf("plain guide:\n%s", plain)
	}
	if styled := Guide("http://127.0.0.1:8686", "", stops, true); !strings.Contains(styled, "╭") {
		t.Errorf("styled guide:\n%s", styled)
	}
}

package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// populate adds n distinct users to the default program, each with every
// kind of key, through the same handler a request uses.
func populate(b *testing.B, e *Emulator, n int) {
	for i := range n {
		r := benchPerson(i)
		if _, apiErr := e.beaconCreate(r); apiErr != nil {
			b.Fatal(apiErr)
		}
	}
}

func benchPerson(i int) *client.BeaconUserCreateRequest {
	return &client.BeaconUserCreateRequest{
		ProgramID:    "becprg_11111111111111",
		ClientUserID: fmt.Sprintf("bench-%d", i),
		User: client.BeaconUserRequestData{
			DateOfBirth:  "1990-05-29",
			Name:         client.BeaconUserName{GivenName: "Bench", FamilyName: fmt.Sprintf("Person%d", i)},
			EmailAddress: fmt.Sprintf("bench%d@example.com", i),
			PhoneNumber:  fmt.Sprintf("+1415%07d", 5550000+i%1000000),
			// area 101–600, group 11–98, serial 1001–: unique and issuable
			IDNumber: client.BeaconUserIDNumber{Type: "us_ssn", Value: fmt.Sprintf("%03d%02d%04d", 101+i%500, 11+(i/500)%88, 1001+i/44000)},
			Address:  client.BeaconUserRequestAddress{Street: fmt.Sprintf("%d Main St.", i), City: "Pawnee", Region: "IN", PostalCode: "46001", Country: "US"},
			DepositoryAccounts: []client.BeaconUserRequestDepositoryAccount{
				{RoutingNumber: "021000021", AccountNumber: fmt.Sprintf("%010d", 1000000000+i)},
			},
		},
	}
}

// BenchmarkBeaconCreate creates one user, with the whole HTTP handler
// (decode, schema, rules, screening, encode), in a program holding 1k or
// 100k users. Screening looks keys up in maps, so the cost must not grow
// with the program (goal: 100k ≤ 1.3 × 1k).
func BenchmarkBeaconCreate(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprintf("users=%d", n), func(b *testing.B) {
			e, err := New(Options{ClientID: testID, Secret: testSecret, Now: func() time.Time { return fixedNow }})
			if err != nil {
				b.Fatal(err)
			}
			populate(b, e, n)
			body, _ := json.Marshal(benchPerson(n + 1))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, client.PathBeaconUserCreate, bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("PLAID-CLIENT-ID", testID)
				req.Header.Set("PLAID-SECRET", testSecret)
				w := httptest.NewRecorder()
				e.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("%d %s", w.Code, w.Body)
				}
				b.StopTimer()
				id := idOf(w.Body.Bytes())
				e.mu.Lock()
				u := e.st.Users[id]
				e.st.unindexUser(u)
				delete(e.st.Users, id)
				e.st.users = e.st.users[:u.handle]
				e.mu.Unlock()
				b.StartTimer()
			}
		})
	}
}

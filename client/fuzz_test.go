package client

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzParseRequest: any bytes give problems or a request, never a panic;
// a request decoded without problems re-encodes to JSON that decodes to
// the same problems (none).
func FuzzParseRequest(f *testing.F) {
	for _, seed := range []string{`{}`, `{"program_id":"x","client_user_id":"y","user":{"name":{"given_name":"A","family_name":"B"}}}`,
		`[`, `{"user":[]}`, "\xff", `{"a":1}`, `{"user":{"depository_accounts":[{"routing_number":1}]}}`, strings.Repeat(`{"a":`, 100)} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var req BeaconUserCreateRequest
		ps, decoded := ParseRequest(raw, &req)
		if !decoded && len(ps) == 0 {
			t.Fatal("not decoded, yet no problem named")
		}
		for _, p := range ps {
			if p.Path == "" || p.Message == "" {
				t.Fatalf("a problem without a path or message: %+v", p)
			}
		}
		if decoded && len(ps) == 0 {
			again, _ := json.Marshal(&req)
			var back BeaconUserCreateRequest
			if ps2, ok := ParseRequest(again, &back); !ok || len(ps2) > 0 {
				t.Fatalf("re-encoded request has problems: %v\n%s", ps2, again)
			}
		}
	})
}

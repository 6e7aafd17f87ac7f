package drafts

import (
	"os"
	"testing"
)

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"schema":1,"id":"abcdef","kind":"beacon_user","beacon":{"user":{"name":{"given_name":"A"}}}}`))
	f.Add([]byte(`{"schema":1,"id":"abcdef","kind":"partner_customer","partner":{"products":["auth"]},"submissions":[{"outcome":"x"}]}`))
	f.Add([]byte(`{"schema":2}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"schema":1.5}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Decode(b)
		if err != nil {
			return
		}
		if !validID(d.ID) {
			t.Fatalf("decoded a draft with id %q", d.ID)
		}
		// What decodes must encode and decode again to the same draft.
		out, err := encode(d.Clone())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Decode(out); err != nil {
			t.Fatalf("re-decoding: %v", err)
		}
	})
}

// FuzzLoad puts arbitrary bytes where a draft file goes: loading and
// listing must report, never panic.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(`{"schema":1,"id":"abcdef","kind":"beacon_user","beacon":{"user":{"date_of_birth":"enc:v1:0000:zz"}}}`))
	f.Add([]byte(`{"schema":1,"id":"abcdef","kind":"beacon_user","beacon":{"access_tokens":["enc:v1:x"]}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Open(t.TempDir(), testKey)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(s.path("abcdef"), b, 0o600)
		s.Load("abcdef")
		s.List()
	})
}

package emulator

import (
	"strings"
	"testing"

	"github.com/go-jose/go-jose/v4"
	"github.com/google/uuid"

	"github.com/plaid-onboard/plaid-onboard/client"
)

func TestRandomStringAlphabetAndSpread(t *testing.T) {
	e, err := New(Options{ClientID: "a", Secret: "b"})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[byte]int{}
	for range 2000 {
		s := e.randomString(15, alnum)
		if len(s) != 15 || strings.Trim(s, alnum) != "" {
			t.Fatalf("bad id %q", s)
		}
		for i := range s {
			counts[s[i]]++
		}
	}
	// 30,000 draws over 62 characters: each about 484 times.
	if len(counts) != len(alnum) {
		t.Fatalf("only %d of %d characters drawn", len(counts), len(alnum))
	}
	for c, n := range counts {
		if n < 300 || n > 700 {
			t.Errorf("character %q drawn %d times: biased", c, n)
		}
	}
}

// The webhook key's kid is an RFC 4122 version 4 UUID, as Plaid's are.
func TestWebhookKeyIDIsAUUID(t *testing.T) {
	h := start(t, Options{})
	got := ok[client.WebhookVerificationKeyGetResponse](h, client.PathWebhookVerificationKeyGet, client.WebhookVerificationKeyGetRequest{KeyID: mustKid(t, h)})
	id, err := uuid.Parse(got.Key.Kid)
	if err != nil || id.Version() != 4 || id.Variant() != uuid.RFC4122 {
		t.Errorf("kid %q: version %v variant %v err %v", got.Key.Kid, id.Version(), id.Variant(), err)
	}
}

// mustKid is the kid in the header of a JWT the emulator signed.
func mustKid(t *testing.T, h *harness) string {
	t.Helper()
	token, err := h.emu.Sign(ctx, []byte(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := jose.ParseSignedCompact(token, []jose.SignatureAlgorithm{jose.ES256})
	if err != nil {
		t.Fatal(err)
	}
	return parsed.Signatures[0].Header.KeyID
}

// Package webhooks verifies Plaid's webhooks as its docs say (FACTS.md
// §12) and receives them for `plaid-onboard listen`: the JWT in the
// Plaid-Verification header must be ES256, signed by the key its kid names
// (fetched with /webhook_verification_key/get and cached by kid), at most
// five minutes old, over a body whose SHA-256 it holds. go-jose does the
// cryptography; nothing here is hand-written crypto.
package webhooks

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// MaxAge is how old a token may be (Plaid's advice).
const MaxAge = 5 * time.Minute

// KeySource fetches the public key a kid names.
type KeySource func(ctx context.Context, kid string) (*client.JWKPublicKey, error)

// FromClient fetches keys with /webhook_verification_key/get.
func FromClient(c *client.Client) KeySource {
	return func(ctx context.Context, kid string) (*client.JWKPublicKey, error) {
		r, err := c.GetWebhookVerificationKey(ctx, &client.WebhookVerificationKeyGetRequest{KeyID: kid})
		if err != nil {
			return nil, err
		}
		return &r.Key, nil
	}
}

// Verifier checks webhooks; keys are cached by kid. Safe for concurrent use.
type Verifier struct {
	Keys KeySource
	Now  func() time.Time

	mu    sync.Mutex
	cache map[string]*jose.JSONWebKey
}

// Refusal is why a webhook was not verified, in words for the list.
type Refusal struct{ Reason string }

func (r *Refusal) Error() string { return r.Reason }

func refuse(format string, args ...any) error { return &Refusal{Reason: fmt.Sprintf(format, args...)} }

// headerAlg reads a JWT's header without trusting it, to word a refusal.
func headerAlg(token string) (alg, kid string) {
	head, _, _ := strings.Cut(token, ".")
	b, err := base64.RawURLEncoding.DecodeString(head)
	if err != nil {
		return "", ""
	}
	var h struct {
		Alg string `json:"alg"`
		Kid string `json:"kid"`
	}
	_ = json.Unmarshal(b, &h)
	return h.Alg, h.Kid
}

// Verify checks a webhook's token against its body and returns the kid
// it was signed with; a *Refusal says why not.
func (v *Verifier) Verify(ctx context.Context, token string, body []byte) (string, error) {
	if token == "" {
		return "", refuse("no Plaid-Verification header")
	}
	alg, kid := headerAlg(token)
	if alg != string(jose.ES256) {
		return kid, refuse("alg %q is not ES256", alg)
	}
	tok, err := jwt.ParseSigned(token, []jose.SignatureAlgorithm{jose.ES256})
	if err != nil {
		return kid, refuse("not a signed JWT: %v", err)
	}
	if len(tok.Headers) != 1 || tok.Headers[0].KeyID == "" {
		return kid, refuse("no kid in the header")
	}
	kid = tok.Headers[0].KeyID
	key, err := v.key(ctx, kid)
	if err != nil {
		return kid, err
	}
	var claims struct {
		IssuedAt *int64 `json:"iat"`
		BodyHash string `json:"request_body_sha256"`
	}
	if err := tok.Claims(key.Key, &claims); err != nil {
		return kid, refuse("the signature does not verify with key %s", kid)
	}
	if claims.IssuedAt == nil {
		return kid, refuse("no iat claim")
	}
	now := v.Now()
	issued := time.Unix(*claims.IssuedAt, 0)
	switch age := now.Sub(issued); {
	case age > MaxAge:
		return kid, refuse("issued %s ago, more than %s", age.Round(time.Second), MaxAge)
	case age < -MaxAge:
		return kid, refuse("issued %s in the future", (-age).Round(time.Second))
	}
	sum := sha256.Sum256(body)
	if subtle.ConstantTimeCompare([]byte(hex.EncodeToString(sum[:])), []byte(strings.ToLower(claims.BodyHash))) != 1 {
		return kid, refuse("the body's SHA-256 differs from request_body_sha256")
	}
	return kid, nil
}

// key is the public key of kid, fetched once.
func (v *Verifier) key(ctx context.Context, kid string) (*jose.JSONWebKey, error) {
	v.mu.Lock()
	k, ok := v.cache[kid]
	v.mu.Unlock()
	if ok {
		return k, nil
	}
	pub, err := v.Keys(ctx, kid)
	if err != nil {
		var pe *client.Error
		if errors.As(err, &pe) {
			return nil, refuse("unknown kid %q: %s", kid, pe.Message())
		}
		return nil, fmt.Errorf("fetching key %s: %w", kid, err)
	}
	if pub.ExpiredAt != nil && v.Now().Unix() >= *pub.ExpiredAt {
		return nil, refuse("key %s expired", kid)
	}
	if pub.Alg != string(jose.ES256) || pub.Kty != "EC" || pub.Crv != "P-256" {
		return nil, refuse("key %s is %s %s %s, not ES256 on P-256", kid, pub.Alg, pub.Kty, pub.Crv)
	}
	b, _ := json.Marshal(map[string]string{"kty": pub.Kty, "crv": pub.Crv, "x": pub.X, "y": pub.Y, "kid": pub.Kid, "alg": pub.Alg, "use": pub.Use})
	var jwk jose.JSONWebKey
	if err := jwk.UnmarshalJSON(b); err != nil || !jwk.Valid() || !jwk.IsPublic() {
		return nil, refuse("key %s is not a usable public key", kid)
	}
	v.mu.Lock()
	if v.cache == nil {
		v.cache = map[string]*jose.JSONWebKey{}
	}
	v.cache[kid] = &jwk
	v.mu.Unlock()
	return &jwk, nil
}

// FirstOf looks a key up in each source in turn, until one knows it: the
// local environment has the built-in emulator of this process and the one
// serving at its address.
func FirstOf(sources ...KeySource) KeySource {
	return func(ctx context.Context, kid string) (*client.JWKPublicKey, error) {
		var first error
		for _, s := range sources {
			k, err := s(ctx, kid)
			if err == nil {
				return k, nil
			}
			var pe *client.Error
			if first == nil || errors.As(err, &pe) {
				first = err // a refusal of the kid says more than a refused connection
			}
		}
		return nil, first
	}
}

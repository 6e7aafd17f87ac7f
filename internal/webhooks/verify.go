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
	"golang.org/x/time/rate"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// MaxAge is how old a token may be (Plaid's advice).
const MaxAge = 5 * time.Minute

// KeySource is one place keys come from: Plaid, the built-in emulator or
// a served one. Which one verified a webhook is said with it: a key from
// whatever answers on a local port proves less than one from Plaid.
type KeySource struct {
	// Name says where, in words: "Plaid sandbox", "the emulator at …".
	Name string
	// Fetch gets the public key a kid names.
	Fetch func(ctx context.Context, kid string) (*client.JWKPublicKey, error)
	// Client, when set, is the server behind Fetch: the objects a webhook
	// verified with its key names are looked up there.
	Client *client.Client
}

// FromClient fetches keys with /webhook_verification_key/get.
func FromClient(name string, c *client.Client) KeySource {
	return KeySource{Name: name, Client: c, Fetch: func(ctx context.Context, kid string) (*client.JWKPublicKey, error) {
		r, err := c.GetWebhookVerificationKey(ctx, &client.WebhookVerificationKeyGetRequest{KeyID: kid})
		if err != nil {
			return nil, err
		}
		return &r.Key, nil
	}}
}

// Limits on fetching keys for kids not seen before: a sender making up
// kids must not turn each webhook into a request of ours.
const (
	// unknownKidBurst fetches may be made at once, then one per
	// unknownKidEvery.
	unknownKidBurst = 5
	unknownKidEvery = 6 * time.Second
	// failedKidFor is how long a kid no source knew is refused without
	// asking again.
	failedKidFor = time.Minute
	// maxSeen bounds the tokens remembered to tell replays.
	maxSeen = 10_000
)

// Verifier checks webhooks; keys are cached by kid. Safe for concurrent use.
type Verifier struct {
	// Sources are asked in turn until one knows a kid.
	Sources []KeySource
	Now     func() time.Time

	mu      sync.Mutex
	cache   map[string]cachedKey
	failed  map[string]failedKid
	limiter *rate.Limiter
	seen    map[[sha256.Size]byte]time.Time // token → when it expires
}

type cachedKey struct {
	key    *jose.JSONWebKey
	source *KeySource
}

type failedKid struct {
	until  time.Time
	reason string
}

// Verdict is what a verified webhook was verified with.
type Verdict struct {
	KeyID string
	// Source is where its key came from (nil until a key was found).
	Source *KeySource
	// Replay is set when the same token was verified before: Plaid's docs
	// ask only for the age check, so a replay still verifies, marked.
	Replay bool
}

// Refusal is why a webhook was not verified, in words for the list.
type Refusal struct{ Reason string }

func (r *Refusal) Error() string { return r.Reason }

func refuse(format string, args ...any) error { return &Refusal{Reason: fmt.Sprintf(format, args...)} }

// header is a JWS header read without trusting it.
type header struct {
	Alg  string          `json:"alg"`
	Kid  string          `json:"kid"`
	Crit json.RawMessage `json:"crit"`
}

// readHeader reads a compact JWS's header, or says why it is not one.
func readHeader(token string) (header, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return header{}, refuse("malformed: not a JWT (it has %d parts separated by dots, not 3)", len(parts))
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		return header{}, refuse("malformed: the JWT header is not base64url")
	}
	var h header
	if err := json.Unmarshal(b, &h); err != nil {
		return header{}, refuse("malformed: the JWT header is not a JSON object")
	}
	return h, nil
}

// Verify checks a webhook's token against its body; a *Refusal says why
// not.
func (v *Verifier) Verify(ctx context.Context, token string, body []byte) (Verdict, error) {
	if token == "" {
		return Verdict{}, refuse("no Plaid-Verification header")
	}
	h, err := readHeader(token)
	if err != nil {
		return Verdict{}, err
	}
	verdict := Verdict{KeyID: h.Kid}
	switch {
	case h.Alg == "":
		return verdict, refuse("malformed: the JWT header names no alg")
	case h.Alg != string(jose.ES256):
		return verdict, refuse("alg %q is not ES256", h.Alg)
	case len(h.Crit) > 0:
		// RFC 7515 §4.1.11: a receiver must refuse extensions it does not
		// understand, and Plaid's tokens name none.
		return verdict, refuse("the header marks extensions critical (crit %s), which Plaid's tokens never do", h.Crit)
	case h.Kid == "":
		return verdict, refuse("no kid in the header")
	}
	jws, err := jose.ParseSignedCompact(token, []jose.SignatureAlgorithm{jose.ES256})
	if err != nil {
		return verdict, refuse("malformed: not a signed JWT (%v)", err)
	}
	key, source, err := v.key(ctx, h.Kid)
	if err != nil {
		return verdict, err
	}
	verdict.Source = source
	payload, err := jws.Verify(key.Key)
	if err != nil {
		return verdict, refuse("the signature does not verify with key %s from %s", h.Kid, source.Name)
	}
	var claims map[string]json.RawMessage
	if err := json.Unmarshal(payload, &claims); err != nil {
		return verdict, refuse("the claims are not a JSON object")
	}
	var issuedAt int64
	if raw, ok := claims["iat"]; !ok {
		return verdict, refuse("no iat claim")
	} else if err := json.Unmarshal(raw, &issuedAt); err != nil {
		return verdict, refuse("iat is %s, not a whole number of seconds", raw)
	}
	var bodyHash string
	if raw, ok := claims["request_body_sha256"]; !ok {
		return verdict, refuse("no request_body_sha256 claim")
	} else if err := json.Unmarshal(raw, &bodyHash); err != nil {
		return verdict, refuse("request_body_sha256 is %s, not a string", raw)
	}
	now := v.Now()
	issued := time.Unix(issuedAt, 0)
	switch age := now.Sub(issued); {
	case age > MaxAge:
		return verdict, refuse("issued %s ago, more than %s", age.Round(time.Second), MaxAge)
	case age < -MaxAge:
		return verdict, refuse("issued %s in the future", (-age).Round(time.Second))
	}
	sum := sha256.Sum256(body)
	if subtle.ConstantTimeCompare([]byte(hex.EncodeToString(sum[:])), []byte(strings.ToLower(bodyHash))) != 1 {
		return verdict, refuse("the body's SHA-256 differs from request_body_sha256")
	}
	verdict.Replay = v.replayed(token, issued.Add(MaxAge), now)
	return verdict, nil
}

// replayed remembers a verified token until it would be too old anyway,
// and reports whether it was seen before.
func (v *Verifier) replayed(token string, expires, now time.Time) bool {
	id := sha256.Sum256([]byte(token))
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.seen == nil {
		v.seen = map[[sha256.Size]byte]time.Time{}
	}
	if _, ok := v.seen[id]; ok {
		return true
	}
	if len(v.seen) >= maxSeen {
		for k, until := range v.seen {
			if !until.After(now) {
				delete(v.seen, k)
			}
		}
	}
	if len(v.seen) < maxSeen {
		v.seen[id] = expires
	}
	return false
}

// key is the public key of kid and where it came from, fetched once. A
// kid no source knows is refused for a while without asking again, and
// kids not seen before are fetched at a bounded rate.
func (v *Verifier) key(ctx context.Context, kid string) (*jose.JSONWebKey, *KeySource, error) {
	now := v.Now()
	v.mu.Lock()
	if k, ok := v.cache[kid]; ok {
		v.mu.Unlock()
		return k.key, k.source, nil
	}
	if f, ok := v.failed[kid]; ok && now.Before(f.until) {
		v.mu.Unlock()
		return nil, nil, refuse("%s (asked %s ago; not asked again for a minute)", f.reason, failedKidFor-f.until.Sub(now).Round(time.Second))
	}
	if v.limiter == nil {
		v.limiter = rate.NewLimiter(rate.Every(unknownKidEvery), unknownKidBurst)
	}
	allowed := v.limiter.AllowN(now, 1)
	v.mu.Unlock()
	if !allowed {
		return nil, nil, refuse("unknown kid %q: not fetched, as more new kids came than a sender has keys (at most %d at once, then one every %s)",
			kid, unknownKidBurst, unknownKidEvery)
	}
	k, source, err := v.fetch(ctx, kid)
	v.mu.Lock()
	defer v.mu.Unlock()
	if err != nil {
		if v.failed == nil {
			v.failed = map[string]failedKid{}
		}
		v.failed[kid] = failedKid{until: now.Add(failedKidFor), reason: err.Error()}
		return nil, nil, err
	}
	if v.cache == nil {
		v.cache = map[string]cachedKey{}
	}
	v.cache[kid] = cachedKey{key: k, source: source}
	return k, source, nil
}

// fetch asks each source in turn for kid. A source that refuses the kid
// says more than one that could not be asked.
func (v *Verifier) fetch(ctx context.Context, kid string) (*jose.JSONWebKey, *KeySource, error) {
	var refused, unreachable error
	for i := range v.Sources {
		s := &v.Sources[i]
		pub, err := s.Fetch(ctx, kid)
		var pe *client.Error
		switch {
		case err == nil:
			k, err := usable(kid, pub, v.Now(), s)
			return k, s, err
		case errors.As(err, &pe) && refused == nil:
			refused = refuse("unknown kid %q: %s says %s", kid, s.Name, pe.Message())
		case !errors.As(err, &pe) && unreachable == nil:
			unreachable = refuse("unknown kid %q: %s could not be asked (%v)", kid, s.Name, err)
		}
	}
	switch {
	case refused != nil:
		return nil, nil, refused
	case unreachable != nil:
		return nil, nil, unreachable
	}
	return nil, nil, refuse("unknown kid %q: no source of keys", kid)
}

// usable checks a fetched key is a current ES256 P-256 public key.
func usable(kid string, pub *client.JWKPublicKey, now time.Time, s *KeySource) (*jose.JSONWebKey, error) {
	if pub.ExpiredAt != nil && now.Unix() >= *pub.ExpiredAt {
		return nil, refuse("key %s from %s expired", kid, s.Name)
	}
	if pub.Alg != string(jose.ES256) || pub.Kty != "EC" || pub.Crv != "P-256" {
		return nil, refuse("key %s from %s is %s %s %s, not ES256 on P-256", kid, s.Name, pub.Alg, pub.Kty, pub.Crv)
	}
	b, _ := json.Marshal(map[string]string{"kty": pub.Kty, "crv": pub.Crv, "x": pub.X, "y": pub.Y, "kid": pub.Kid, "alg": pub.Alg, "use": pub.Use})
	var jwk jose.JSONWebKey
	if err := jwk.UnmarshalJSON(b); err != nil || !jwk.Valid() || !jwk.IsPublic() {
		return nil, refuse("key %s from %s is not a usable public key", kid, s.Name)
	}
	return &jwk, nil
}

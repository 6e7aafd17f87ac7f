package emulator

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// Webhooks as Plaid sends them (FACTS.md §12): a JSON body, signed with an
// ES256 JWT in the Plaid-Verification header, whose key
// /webhook_verification_key/get serves. The key pair is made once per
// store and kept in it. A change writes its webhooks into an outbox in its
// own transaction; a delivery loop posts them after, retrying a failure
// with backoff a bounded number of times, and records every attempt.

// webhookEnvironment is what the emulator's webhooks say they come from:
// it stands in for Plaid's sandbox.
const webhookEnvironment = "sandbox"

// Delivery defaults.
const (
	DefaultWebhookAttempts = 5
	DefaultWebhookBackoff  = 2 * time.Second
	webhookTimeout         = 10 * time.Second
	webhookPoll            = time.Second
)

// signingKey is the store's key pair: made on first use, in a write, so
// two processes on one store agree on it.
type signingKey struct {
	KID       string          `json:"kid"`
	CreatedAt int64           `json:"created_at"`
	Private   jose.JSONWebKey `json:"jwk"`
}

func (e *Emulator) signingKey(ctx context.Context) (*signingKey, error) {
	e.keyMu.Lock()
	defer e.keyMu.Unlock()
	if e.key != nil {
		return e.key, nil
	}
	var text string
	err := e.db.read(ctx, func(tx *txn) error {
		return tx.row("SELECT value FROM meta WHERE key = 'webhook_key'").Scan(&text)
	})
	if errors.Is(err, sql.ErrNoRows) {
		priv, genErr := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if genErr != nil {
			return nil, genErr
		}
		// Plaid's key ids are RFC 4122 UUIDs; receivers may parse them.
		id, idErr := e.newUUID()
		if idErr != nil {
			return nil, idErr
		}
		kid := id.String()
		k := signingKey{KID: kid, CreatedAt: e.now().Unix(), Private: jose.JSONWebKey{Key: priv, KeyID: kid, Algorithm: string(jose.ES256), Use: "sig"}}
		b, mErr := json.Marshal(k)
		if mErr != nil {
			return nil, mErr
		}
		err = e.db.write(ctx, func(tx *txn) error {
			if _, err := tx.exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('webhook_key', ?)", string(b)); err != nil {
				return err
			}
			return tx.row("SELECT value FROM meta WHERE key = 'webhook_key'").Scan(&text)
		})
	}
	if err != nil {
		return nil, fmt.Errorf("the webhook signing key: %w", err)
	}
	var k signingKey
	if err := json.Unmarshal([]byte(text), &k); err != nil {
		return nil, fmt.Errorf("the webhook signing key: %w", err)
	}
	e.key = &k
	return e.key, nil
}

// Sign makes the Plaid-Verification JWT of a body: header alg ES256, kid
// and typ JWT; claims iat and request_body_sha256.
func (e *Emulator) Sign(ctx context.Context, body []byte) (string, error) {
	k, err := e.signingKey(ctx)
	if err != nil {
		return "", err
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: k.Private},
		(&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(body)
	claims := map[string]any{"iat": e.now().Unix(), "request_body_sha256": hex.EncodeToString(sum[:])}
	return jwt.Signed(signer).Claims(claims).Serialize()
}

// verificationKey answers /webhook_verification_key/get.
func (e *Emulator) verificationKey(ctx context.Context, req *client.WebhookVerificationKeyGetRequest) (any, *apiError) {
	k, err := e.signingKey(ctx)
	if err != nil {
		return nil, internalError(err.Error())
	}
	if req.KeyID != k.KID {
		return nil, invalidField("key_id", fmt.Sprintf("no webhook verification key %q", req.KeyID))
	}
	b, err := k.Private.Public().MarshalJSON()
	if err != nil {
		return nil, internalError(err.Error())
	}
	var pub client.JWKPublicKey
	if err := json.Unmarshal(b, &pub); err != nil {
		return nil, internalError(err.Error())
	}
	pub.CreatedAt = k.CreatedAt
	return &client.WebhookVerificationKeyGetResponse{Key: pub}, nil
}

// webhookURL is where a webhook goes: the program's or the partner's own
// URL, else this emulator's --webhook, else the one a serving emulator on
// this store recorded; "" sends none.
func (e *Emulator) webhookURL(tx *txn, own string) (string, error) {
	if own != "" {
		return own, nil
	}
	if e.opts.Webhook != "" {
		return e.opts.Webhook, nil
	}
	var url string
	err := tx.row("SELECT value FROM meta WHERE key = 'webhook_url'").Scan(&url)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return url, err
}

// enqueue records a webhook in the outbox of the change's transaction:
// it exists only if the change does.
func (e *Emulator) enqueue(tx *txn, own string, w client.Webhook) error {
	url, err := e.webhookURL(tx, own)
	if err != nil || url == "" {
		return err
	}
	w.Environment = webhookEnvironment
	now := formatTime(e.now())
	_, err = tx.exec(`INSERT INTO webhooks (id, url, code, object_id, body, created_at, state, attempts, next_at, claimed_until)
		VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, '')`, "whk_"+e.randomString(14, alnum), url, w.WebhookCode, w.ObjectID(),
		jsonText(w), now, now)
	if err == nil {
		e.wakeDelivery()
	}
	return err
}

// beaconWebhook enqueues a BEACON webhook to the user's program's URL.
func (e *Emulator) beaconWebhook(tx *txn, programID string, w client.Webhook) error {
	w.WebhookType = client.WebhookBeacon
	return e.enqueue(tx, e.programs[programID].Webhook, w)
}

// Fire enqueues a webhook by hand, for demos and for the codes no API call
// of the emulator causes (REPORT_UPDATED: reports are never changed).
func (e *Emulator) Fire(ctx context.Context, code, id string) error {
	w := client.Webhook{WebhookType: client.WebhookBeacon, WebhookCode: code}
	var table, noun string
	switch code {
	case client.WebhookUserStatusUpdated:
		w.BeaconUserID, table, noun = id, "beacon_users", "Beacon user"
	case client.WebhookReportCreated, client.WebhookReportUpdated:
		w.BeaconReportID, table, noun = id, "reports", "Beacon report"
	case client.WebhookSyndicationCreated:
		w.BeaconReportSyndicationID, table, noun = id, "syndications", "report syndication"
	case client.WebhookDuplicateDetected:
		w.BeaconDuplicateID, table, noun = id, "duplicates", "Beacon duplicate"
	default:
		return &FireError{fmt.Sprintf("%s is not a Beacon webhook code this emulator sends", code)}
	}
	return e.db.write(ctx, func(tx *txn) error {
		// A webhook about nothing would send its receiver looking for it.
		exists, err := tx.exists("SELECT 1 FROM "+table+" WHERE id = ?", id)
		switch {
		case err != nil:
			return err
		case !exists:
			return &FireError{fmt.Sprintf("no %s %s in this emulator's store", noun, id)}
		}
		return e.enqueue(tx, "", w)
	})
}

// FireError is why a webhook was not sent by hand: the code or the object
// is not one the emulator knows.
type FireError struct{ Reason string }

func (e *FireError) Error() string { return e.Reason }

// Wake makes the delivery loop look at once: after a change of the clock
// (tests), or of the store by another process.
func (e *Emulator) Wake() { e.wakeDelivery() }

func (e *Emulator) wakeDelivery() {
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

// Webhooks lists the webhooks, newest first, at most limit.
func (e *Emulator) Webhooks(ctx context.Context, limit int) ([]client.EmulatorWebhook, error) {
	out := []client.EmulatorWebhook{}
	err := e.db.read(ctx, func(tx *txn) error {
		err := tx.each(func(rows *sql.Rows) error {
			var r client.EmulatorWebhook
			var created string
			err := rows.Scan(&r.ID, &r.URL, &r.Code, &r.ObjectID, &created, &r.State)
			r.CreatedAt = parseTime(created)
			out = append(out, r)
			return err
		}, "SELECT id, url, code, object_id, created_at, state FROM webhooks ORDER BY seq DESC LIMIT ?", limit)
		if err != nil {
			return err
		}
		for i := range out {
			out[i].Attempts = []client.EmulatorWebhookAttempt{}
			err := tx.each(func(rows *sql.Rows) error {
				var a client.EmulatorWebhookAttempt
				var at string
				err := rows.Scan(&at, &a.Status, &a.Error)
				a.At = parseTime(at)
				out[i].Attempts = append(out[i].Attempts, a)
				return err
			}, "SELECT at, status, error FROM webhook_attempts WHERE webhook_id = ? ORDER BY seq", out[i].ID)
			if err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// due is a webhook claimed for one delivery attempt.
type due struct {
	id, url, body string
	attempts      int
}

// claim takes the webhooks due now, marking them as being delivered so
// another process on the store leaves them alone for a while.
func (e *Emulator) claim(ctx context.Context) ([]due, error) {
	var out []due
	now := e.now()
	const isDue = "state = 'pending' AND next_at <= ? AND claimed_until <= ?"
	// Most looks find nothing: they do so in a read, not holding the
	// write lock the API's changes need.
	if found, err := e.db.has(ctx, "SELECT 1 FROM webhooks WHERE "+isDue, formatTime(now), formatTime(now)); err != nil || !found {
		return nil, err
	}
	err := e.db.write(ctx, func(tx *txn) error {
		err := tx.each(func(rows *sql.Rows) error {
			var d due
			err := rows.Scan(&d.id, &d.url, &d.body, &d.attempts)
			out = append(out, d)
			return err
		}, "SELECT id, url, body, attempts FROM webhooks WHERE "+isDue+" ORDER BY seq LIMIT 32",
			formatTime(now), formatTime(now))
		if err != nil {
			return err
		}
		for _, d := range out {
			if _, err := tx.exec("UPDATE webhooks SET claimed_until = ? WHERE id = ?", formatTime(now.Add(2*webhookTimeout)), d.id); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// deliver makes one attempt and records it: delivered on a 2xx; else
// again after a backoff that doubles, until the attempts run out.
func (e *Emulator) deliver(ctx context.Context, d due) {
	status, errText := 0, ""
	token, err := e.Sign(ctx, []byte(d.body))
	if err == nil {
		status, err = e.post(ctx, d.url, []byte(d.body), token)
	}
	if err != nil {
		errText = err.Error()
	} else if status < 200 || status > 299 {
		errText = fmt.Sprintf("answered HTTP %d", status)
	}
	now := e.now()
	attempts := d.attempts + 1
	state, next := "pending", now.Add(e.opts.WebhookBackoff<<(attempts-1))
	switch {
	case errText == "":
		state = "delivered"
	case attempts >= e.opts.WebhookAttempts:
		state = "failed"
	}
	_ = e.db.write(context.WithoutCancel(ctx), func(tx *txn) error {
		if _, err := tx.exec("INSERT INTO webhook_attempts (webhook_id, at, status, error) VALUES (?, ?, ?, ?)",
			d.id, formatTime(now), status, errText); err != nil {
			return err
		}
		_, err := tx.exec("UPDATE webhooks SET state = ?, attempts = ?, next_at = ?, claimed_until = '' WHERE id = ?",
			state, attempts, formatTime(next), d.id)
		return err
	})
	if e.opts.OnWebhookAttempt != nil {
		e.opts.OnWebhookAttempt(d.id, state)
	}
}

func (e *Emulator) post(ctx context.Context, url string, body []byte, token string) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, webhookTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Plaid-Verification", token)
	req.Header.Set("User-Agent", "Plaid Verifier (plaid-onboard emulator)")
	resp, err := e.webhookHTTP.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close() //nolint:errcheck // drained below; nothing to do if closing fails
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode, nil
}

// DeliverWebhooks delivers what the outbox holds until ctx ends: at once
// when a change enqueues one, and every second for retries and for what
// other processes on the store enqueued. Delivery never holds an API call.
func (e *Emulator) DeliverWebhooks(ctx context.Context) {
	poll := time.NewTicker(webhookPoll)
	defer poll.Stop()
	for {
		_ = e.progressOAuth(ctx) // a failure is tried again at the next look
		for {
			batch, err := e.claim(ctx)
			if err != nil || len(batch) == 0 {
				break
			}
			for _, d := range batch {
				e.deliver(ctx, d)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-e.wake:
		case <-poll.C:
		}
	}
}

// ServeWebhooks records url as the one other processes on this store send
// their webhooks to, while this emulator serves; the returned func
// forgets it.
func (e *Emulator) ServeWebhooks(ctx context.Context, url string) (func(), error) {
	err := e.db.write(ctx, func(tx *txn) error {
		_, err := tx.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('webhook_url', ?)", url)
		return err
	})
	return func() {
		_ = e.db.write(context.Background(), func(tx *txn) error {
			_, err := tx.exec("DELETE FROM meta WHERE key = 'webhook_url' AND value = ?", url)
			return err
		})
	}, err
}

// webhooksList answers the emulator's own /emulator/webhooks/list: what
// it sent, newest first (50 unless a limit is asked, at most 1,000).
func (e *Emulator) webhooksList(ctx context.Context, req *client.EmulatorWebhooksListRequest) (any, *apiError) {
	limit := req.Limit
	if limit <= 0 {
		limit = 50
	}
	list, err := e.Webhooks(ctx, min(limit, 1000))
	if err != nil {
		return nil, stored(err)
	}
	return &client.EmulatorWebhooksListResponse{Webhooks: list}, nil
}

// webhooksFire answers the emulator's own /emulator/webhooks/fire.
func (e *Emulator) webhooksFire(ctx context.Context, req *client.EmulatorWebhookFireRequest) (any, *apiError) {
	err := e.Fire(ctx, req.WebhookCode, req.ObjectID)
	var fe *FireError
	switch {
	case errors.As(err, &fe):
		return nil, invalidField("object_id", fe.Reason)
	case err != nil:
		return nil, stored(err)
	}
	e.wakeDelivery()
	return &client.EmulatorWebhookFireResponse{}, nil
}

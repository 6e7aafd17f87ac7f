package webhooks

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// maxBody bounds a webhook body: Plaid's are a few hundred bytes.
const maxBody = 1 << 20

// Event is one webhook received: what it says, whether it verified (and
// why not), and where it was forwarded.
type Event struct {
	At       time.Time      `json:"at"`
	Webhook  client.Webhook `json:"-"`
	Body     []byte         `json:"-"`
	Verified bool           `json:"verified"`
	Reason   string         `json:"reason,omitempty"`
	KeyID    string         `json:"kid,omitempty"`
	// KeySource names where the key that verified it came from.
	KeySource string `json:"key_source,omitempty"`
	// Replay marks a verified webhook whose token was seen before.
	Replay bool `json:"replay,omitempty"`
	// Source is the key source itself: its client finds what the webhook
	// is about.
	Source *KeySource `json:"-"`
	// Forwarded is the --forward-to outcome: "HTTP 200", an error, or ""
	// when not forwarded.
	Forwarded string `json:"forwarded,omitempty"`
}

// MarshalJSON writes the event as `listen --json` prints it: one object
// with the webhook's type, code, object id and body.
func (e Event) MarshalJSON() ([]byte, error) {
	type plain Event
	body := json.RawMessage(e.Body)
	if !json.Valid(body) {
		b, _ := json.Marshal(string(e.Body))
		body = b
	}
	return json.Marshal(struct {
		plain
		Type     string          `json:"webhook_type"`
		Code     string          `json:"webhook_code"`
		ObjectID string          `json:"object_id"`
		Body     json.RawMessage `json:"body"`
	}{plain(e), e.Webhook.WebhookType, e.Webhook.WebhookCode, e.Webhook.ObjectID(), body})
}

// Log keeps the events received, newest last, for the screen; notify (if
// set) hears of each as it comes. Safe for concurrent use.
type Log struct {
	mu     sync.Mutex
	events []Event
	notify func()
}

// maxEvents bounds the log: a listener left running keeps the newest.
const maxEvents = 1000

// Add appends an event.
func (l *Log) Add(e Event) {
	l.mu.Lock()
	l.events = append(l.events, e)
	if len(l.events) > maxEvents {
		l.events = l.events[len(l.events)-maxEvents:]
	}
	notify := l.notify
	l.mu.Unlock()
	if notify != nil {
		notify()
	}
}

// Events is a copy of the events.
func (l *Log) Events() []Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Event(nil), l.events...)
}

// OnAdd sets the function told of each new event.
func (l *Log) OnAdd(f func()) {
	l.mu.Lock()
	l.notify = f
	l.mu.Unlock()
}

// Listener receives webhooks over HTTP, verifies each, forwards the
// verified ones with their headers, and reports every one.
type Listener struct {
	Verifier  *Verifier
	ForwardTo string
	// ForwardReplays forwards a replayed webhook too (by default only the
	// first time its token is seen is forwarded).
	ForwardReplays bool
	HTTP           *http.Client
	Report         func(Event)
}

// ServeHTTP answers 200 to a verified webhook and 400, with the reason, to
// one refused: the sender sees it was not accepted.
func (l *Listener) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "webhooks are POSTed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		http.Error(w, "the body could not be read: "+err.Error(), http.StatusBadRequest)
		return
	}
	ev := Event{At: l.Verifier.Now(), Body: body}
	_ = json.Unmarshal(body, &ev.Webhook)
	verdict, err := l.Verifier.Verify(r.Context(), r.Header.Get("Plaid-Verification"), body)
	ev.KeyID, ev.Source, ev.Replay = verdict.KeyID, verdict.Source, verdict.Replay
	if verdict.Source != nil {
		ev.KeySource = verdict.Source.Name
	}
	if err != nil {
		ev.Reason = err.Error()
		l.Report(ev)
		http.Error(w, "not verified: "+ev.Reason, http.StatusBadRequest)
		return
	}
	ev.Verified = true
	switch {
	case l.ForwardTo == "":
	case ev.Replay && !l.ForwardReplays:
		ev.Forwarded = "not forwarded: a replay (--forward-replays sends those too)"
	default:
		ev.Forwarded = l.forward(r.Context(), r.Header, body)
	}
	l.Report(ev)
	w.WriteHeader(http.StatusOK)
}

// forward posts a verified webhook on, with its headers.
func (l *Listener) forward(ctx context.Context, h http.Header, body []byte) string {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.ForwardTo, bytes.NewReader(body))
	if err != nil {
		return err.Error()
	}
	for k, vs := range h {
		if k == "Content-Length" || k == "Host" {
			continue
		}
		req.Header[k] = vs
	}
	c := l.HTTP
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		return "not forwarded: " + err.Error()
	}
	defer resp.Body.Close() //nolint:errcheck // drained below; nothing to do if closing fails
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return fmt.Sprintf("HTTP %d", resp.StatusCode)
}

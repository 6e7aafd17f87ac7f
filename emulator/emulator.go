// Package emulator is a local Plaid: an http.Handler serving every path the
// client calls, with Plaid's behaviour — auth, errors in Plaid's envelope,
// required and unknown fields at any depth, the field rules of package
// validate, partner end customers with requirements, and Beacon screening
// against duplicates, the organisation's fraud reports and a built-in
// Beacon Network. See the README for which rules are Plaid's documented
// ones and which are this emulator's own model.
package emulator

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// Options configure an Emulator.
type Options struct {
	// ClientID and Secret are the one pair accepted.
	ClientID, Secret string
	// Programs are added to DefaultPrograms, replacing one with the same id.
	Programs []Program
	// Partner is the reseller's profile; DefaultPartner when nil.
	Partner *PartnerProfile
	// StatePath, when set, is the SQLite database the emulator keeps its
	// state in (a JSON state an older version wrote there is imported);
	// without it the state lives in memory.
	StatePath string
	// LegacyPath is where older versions kept the JSON state StatePath
	// replaces: imported once, while StatePath does not exist yet.
	LegacyPath string
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Random feeds ids and secrets; crypto/rand when nil.
	Random io.Reader
	// MaxBodyBytes bounds request bodies; DefaultMaxBodyBytes when zero.
	MaxBodyBytes int64
	// Log receives one line per request (never a body, header or secret).
	Log func(line string)
	// PageSize is how many items a list answers per page; DefaultPageSize
	// when zero.
	PageSize int
	// Webhook is where webhooks go unless a program or the partner profile
	// names its own; none are sent to nowhere.
	Webhook string
	// WebhookAttempts bounds the tries per webhook, WebhookBackoff the
	// wait before the second (it doubles after): the defaults when zero.
	WebhookAttempts int
	WebhookBackoff  time.Duration
	// WebhookClient posts webhooks (tests); one with a timeout when nil.
	WebhookClient *http.Client
	// OnWebhookAttempt, when set, hears of every delivery attempt and the
	// webhook's state after it (tests).
	OnWebhookAttempt func(id, state string)
}

// DefaultPageSize is how many items a list answers per page.
const DefaultPageSize = 25

// Emulator serves the Plaid paths. It is safe for concurrent use.
type Emulator struct {
	opts     Options
	programs map[string]Program
	partner  PartnerProfile
	routes   map[string]routeFunc
	db       *db
	// randomMu guards the random source, which need not be safe for
	// concurrent use (tests give a seeded one).
	randomMu sync.Mutex
	// network maps the hashed keys of the built-in Beacon Network to its
	// reports (two fictional people: in memory).
	network map[string]int

	keyMu       sync.Mutex
	key         *signingKey
	wake        chan struct{}
	webhookHTTP *http.Client
}

type routeFunc func(ctx context.Context, e *Emulator, body map[string]any, raw []byte) (any, *apiError)

// New builds an emulator, loading its state when StatePath names a file.
func New(opts Options) (*Emulator, error) {
	if opts.ClientID == "" || opts.Secret == "" {
		return nil, fmt.Errorf("the emulator needs a client id and a secret to accept")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Random == nil {
		opts.Random = rand.Reader
	}
	if opts.PageSize <= 0 {
		opts.PageSize = DefaultPageSize
	}
	if opts.WebhookAttempts <= 0 {
		opts.WebhookAttempts = DefaultWebhookAttempts
	}
	if opts.WebhookBackoff <= 0 {
		opts.WebhookBackoff = DefaultWebhookBackoff
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	opts.Programs = mergePrograms(DefaultPrograms(), opts.Programs)
	e := &Emulator{opts: opts, programs: map[string]Program{}, wake: make(chan struct{}, 1), webhookHTTP: opts.WebhookClient}
	if e.webhookHTTP == nil {
		e.webhookHTTP = &http.Client{Timeout: webhookTimeout}
	}
	for _, p := range opts.Programs {
		e.programs[p.ID] = p
	}
	e.partner = DefaultPartner()
	if opts.Partner != nil {
		e.partner = *opts.Partner
	}
	e.routes = map[string]routeFunc{
		client.PathPartnerCustomerCreate: typed(e.partnerCreate),
		client.PathPartnerCustomerGet:    typed(e.partnerGet),
		client.PathPartnerCustomerUpdate: typed(e.partnerUpdate),
		client.PathPartnerCustomerEnable: typed(e.partnerEnable),
		client.PathPublicCustomerCreate:  typed(e.publicCreate),
		client.PathPublicCustomerGet:     typed(e.publicGet),
		client.PathPublicCustomerEnable:  typed(e.publicEnable),
		client.PathPartnerCustomerRemove: typed(e.partnerRemove),
		client.PathBeaconUserCreate:      typed(e.beaconCreate),
		client.PathBeaconUserGet:         typed(e.beaconGet),
		client.PathBeaconUserReview:      typed(e.beaconReview),
		client.PathBeaconUserUpdate:      typed(e.beaconUpdate),
		client.PathBeaconReportCreate:    typed(e.reportCreate),

		client.PathBeaconUserHistoryList:            typed(e.historyList),
		client.PathBeaconReportList:                 typed(e.reportList),
		client.PathBeaconReportGet:                  typed(e.reportGet),
		client.PathBeaconReportSyndicationList:      typed(e.syndicationList),
		client.PathBeaconReportSyndicationGet:       typed(e.syndicationGet),
		client.PathBeaconDuplicateGet:               typed(e.duplicateGet),
		client.PathBeaconUserAccountInsightsGet:     typed(e.accountInsights),
		client.PathPartnerCustomerOAuthInstitutions: typed(e.oauthInstitutions),
		client.PathEmulatorBeaconDuplicates:         typed(e.duplicatesOf),
		client.PathEmulatorWebhooksList:             typed(e.webhooksList),
		client.PathEmulatorWebhooksFire:             typed(e.webhooksFire),
		client.PathWebhookVerificationKeyGet:        typed(e.verificationKey),
	}
	d, err := e.openStore()
	if err != nil {
		return nil, err
	}
	e.db = d
	if err := e.storePrograms(); err != nil {
		_ = d.close() // the error says what went wrong
		return nil, storeError(opts.StatePath, err)
	}
	e.network = map[string]int{}
	for i, n := range NetworkReports {
		for _, k := range personKeys(n.Person) {
			e.network[string(e.hash(k))] = i
		}
		for _, a := range n.Accounts {
			e.network[string(e.hash(matchKey{MatchAccount, accountKey(d.salt, a[0], a[1])}))] = i
		}
	}
	return e, nil
}

// Close closes the store.
func (e *Emulator) Close() error { return e.db.close() }

// storePrograms records the programs this emulator serves, as
// configured; a start that changes none writes nothing.
func (e *Emulator) storePrograms() error {
	const upsert = `INSERT INTO programs (id, name, duplicate_fields, auto_flag_network_fraud) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, duplicate_fields = excluded.duplicate_fields,
		auto_flag_network_fraud = excluded.auto_flag_network_fraud`
	const same = "SELECT 1 FROM programs WHERE id = ? AND name = ? AND duplicate_fields = ? AND auto_flag_network_fraud = ?"
	args := func(p Program) []any {
		return []any{p.ID, p.Name, jsonText(p.DuplicateFields), p.AutoFlagNetworkFraud}
	}
	var changed []Program
	err := e.db.read(context.Background(), func(tx *txn) error {
		for _, p := range e.opts.Programs {
			known, err := tx.exists(same, args(p)...)
			if err != nil {
				return err
			}
			if !known {
				changed = append(changed, p)
			}
		}
		return nil
	})
	if err != nil || len(changed) == 0 {
		return err
	}
	return e.db.write(context.Background(), func(tx *txn) error {
		for _, p := range changed {
			if _, err := tx.exec(upsert, args(p)...); err != nil {
				return err
			}
		}
		return nil
	})
}

// typed decodes the body into the handler's request type after the schema
// check, and runs the handler.
func typed[Req any](h func(ctx context.Context, req *Req) (any, *apiError)) routeFunc {
	return func(ctx context.Context, e *Emulator, body map[string]any, raw []byte) (any, *apiError) {
		var req Req
		findings := client.CheckBody(body, req)
		switch {
		case len(findings.Unknown) > 0:
			return nil, unknownFields(findings.Unknown)
		case len(findings.Missing) > 0:
			return nil, missingFields(findings.Missing)
		case len(findings.WrongType) > 0:
			first := findings.WrongType[0]
			var more []string
			for _, m := range findings.WrongType[1:] {
				more = append(more, m.Path+" must be "+m.Want)
			}
			return nil, invalidField(first.Path, "must be "+first.Want, more...)
		}
		if err := json.Unmarshal(raw, &req); err != nil {
			return nil, invalidBody("the body does not fit the request: %v", err)
		}
		return h(ctx, &req)
	}
}

// change runs fn in one write transaction: everything it did is committed,
// durably, before the answer goes out — or, when it refuses or the store
// fails, none of it is kept.
func (e *Emulator) change(ctx context.Context, fn func(tx *txn) (any, *apiError)) (any, *apiError) {
	return inTransaction(ctx, e.db.write, fn, "the emulator could not store the change, so nothing of it was kept: ")
}

// look runs fn in a read transaction.
func (e *Emulator) look(ctx context.Context, fn func(tx *txn) (any, *apiError)) (any, *apiError) {
	return inTransaction(ctx, e.db.read, fn, "the emulator could not read its state: ")
}

// inTransaction runs fn through run (a write or a read); a refusal of fn
// ends the transaction (a write keeps nothing) and is the answer.
func inTransaction(ctx context.Context, run func(context.Context, func(*txn) error) error,
	fn func(tx *txn) (any, *apiError), failed string) (any, *apiError) {
	var out any
	var refused *apiError
	err := run(ctx, func(tx *txn) error {
		out, refused = fn(tx)
		if refused != nil {
			return refused
		}
		return nil
	})
	switch {
	case refused != nil:
		return nil, refused
	case err != nil:
		return nil, internalError(failed + err.Error())
	}
	return out, nil
}

// requestIDKey holds the request's id in its context.
type requestIDKey struct{}

// requestIDOf is the id of the request being answered.
func requestIDOf(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// ServeHTTP answers one request.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := e.opts.Now()
	reqID := e.randomString(15, alnum)
	status := http.StatusOK
	var resp any
	// Errors nested in an answer (an OAuth registration's) carry the
	// request's id, as Plaid's example shows.
	apiErr := e.serve(r.WithContext(context.WithValue(r.Context(), requestIDKey{}, reqID)), &resp)
	if apiErr != nil {
		status = apiErr.status
		resp = envelope(apiErr, reqID)
	} else {
		resp = withRequestID(resp, reqID)
	}
	b, err := json.Marshal(resp)
	if err != nil {
		status = http.StatusInternalServerError
		b, _ = json.Marshal(envelope(internalError("the emulator could not encode its answer"), reqID))
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b) // a client gone is nothing to answer
	if e.opts.Log != nil {
		line := fmt.Sprintf("%s %s %d %s request_id=%s", r.Method, r.URL.Path, status, e.opts.Now().Sub(start).Round(time.Microsecond), reqID)
		if apiErr != nil {
			line += " error_code=" + apiErr.code
		}
		e.opts.Log(line)
	}
}

func (e *Emulator) serve(r *http.Request, resp *any) *apiError {
	route, known := e.routes[r.URL.Path]
	if !known || r.Method != http.MethodPost {
		return notFound(r.Method, r.URL.Path, known)
	}
	if v := r.Header.Get("Plaid-Version"); v != "" && v != client.APIVersion {
		return incompatibleVersion(v)
	}
	body, raw, apiErr := readBody(r, e.opts.MaxBodyBytes)
	if apiErr != nil {
		return apiErr
	}
	if apiErr := e.authenticate(r, body); apiErr != nil {
		return apiErr
	}
	out, apiErr := route(r.Context(), e, body, raw)
	if apiErr != nil {
		return apiErr
	}
	*resp = out
	return nil
}

// authenticate takes credentials from the headers, else from the body.
func (e *Emulator) authenticate(r *http.Request, body map[string]any) *apiError {
	id, secret := r.Header.Get("PLAID-CLIENT-ID"), r.Header.Get("PLAID-SECRET")
	if id == "" {
		id, _ = body["client_id"].(string)
	}
	if secret == "" {
		secret, _ = body["secret"].(string)
	}
	var missing []string
	if id == "" {
		missing = append(missing, "client_id")
	}
	if secret == "" {
		missing = append(missing, "secret")
	}
	if len(missing) > 0 {
		return missingFields(missing)
	}
	if id != e.opts.ClientID || secret != e.opts.Secret {
		return invalidAPIKeys()
	}
	return nil
}

// envelope is Plaid's error object, with what the spec says such an
// answer carries: no `status` (only errors sent by webhook have it) and
// no `causes` (only asset and check report errors do).
func envelope(e *apiError, reqID string) map[string]any {
	var display any
	if e.displayMessage != "" {
		display = e.displayMessage
	}
	return map[string]any{
		"error_type":        e.errorType,
		"error_code":        e.code,
		"error_code_reason": nil,
		"error_message":     e.message,
		"display_message":   display,
		"request_id":        reqID,
		"documentation_url": "https://plaid.com/docs/errors/",
		"suggested_action":  nil,
	}
}

// withRequestID sets the RequestID field every response type has.
func withRequestID(resp any, id string) any {
	v := reflect.ValueOf(resp)
	if v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
		if f := v.Elem().FieldByName("RequestID"); f.IsValid() && f.Kind() == reflect.String {
			f.SetString(id)
		}
	}
	return resp
}

const (
	alnum  = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	hexLow = "0123456789abcdef"
)

// randomString draws n characters from set (at most 256 of them) without
// bias: bytes that would favour the first characters are drawn again.
// newUUID is a version 4 UUID read from the emulator's random source, so
// tests that seed it get the same ids.
func (e *Emulator) newUUID() (uuid.UUID, error) {
	e.randomMu.Lock()
	defer e.randomMu.Unlock()
	return uuid.NewRandomFromReader(e.opts.Random)
}

func (e *Emulator) randomString(n int, set string) string {
	e.randomMu.Lock()
	defer e.randomMu.Unlock()
	limit := 256 - 256%len(set)
	out := make([]byte, 0, n)
	buf := make([]byte, n+n/2)
	for len(out) < n {
		if _, err := io.ReadFull(e.opts.Random, buf); err != nil {
			// A failing random source is a broken machine; ids must not
			// repeat, so stop rather than continue with zeros.
			panic(fmt.Sprintf("emulator: random source failed: %v", err))
		}
		for _, b := range buf {
			if int(b) < limit && len(out) < n {
				out = append(out, set[int(b)%len(set)])
			}
		}
	}
	return string(out)
}

func (e *Emulator) now() time.Time { return e.opts.Now().UTC().Truncate(time.Second) }

// Programs lists the Beacon programs, for the forms' program list.
func (e *Emulator) Programs() []Program {
	out := make([]Program, 0, len(e.opts.Programs))
	return append(out, e.opts.Programs...)
}

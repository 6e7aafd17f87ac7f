package emulator

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/spectest"
)

const (
	testID     = "test_client_id"
	testSecret = "test_secret_value"
)

// fixedNow is the emulator's clock in tests.
var fixedNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

type harness struct {
	t    *testing.T
	emu  *Emulator
	url  string
	cli  *client.Client
	spec *spectest.Spec
}

// start serves a fresh emulator on loopback and returns a client for it.
func start(t *testing.T, opts Options) *harness {
	t.Helper()
	opts.ClientID, opts.Secret = testID, testSecret
	if opts.Now == nil {
		opts.Now = func() time.Time { return fixedNow }
	}
	emu, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { emu.Close() })
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	c, err := client.New(client.Config{Environment: client.Local, BaseURL: srv.URL, ClientID: testID, Secret: testSecret, RetryWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, emu: emu, url: srv.URL, cli: c, spec: spectest.Load(t)}
	return h
}

// post sends a raw body with the usual headers (overridable) and returns
// the status and body.
func (h *harness) post(path string, body []byte, header map[string]string) (int, []byte) {
	h.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, h.url+path, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("PLAID-CLIENT-ID", testID)
	req.Header.Set("PLAID-SECRET", testSecret)
	req.Header.Set("Plaid-Version", "2020-09-14")
	for k, v := range header {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// postJSON marshals v and posts it, validating a 200 answer against the
// spec's response schema and an error against PlaidError.
func (h *harness) postJSON(path string, v any) (int, []byte) {
	h.t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		h.t.Fatal(err)
	}
	status, resp := h.post(path, b, nil)
	if status == http.StatusOK {
		h.spec.RequireValidResponse(h.t, path, resp)
	} else {
		h.spec.RequireValidError(h.t, resp)
	}
	return status, resp
}

func errorCode(b []byte) (typ, code, msg string) {
	var e struct {
		Type    string `json:"error_type"`
		Code    string `json:"error_code"`
		Message string `json:"error_message"`
	}
	json.Unmarshal(b, &e)
	return e.Type, e.Code, e.Message
}

var ctx = context.Background()

// rows counts the rows of a table of the store.
func (h *harness) rows(table string) int {
	h.t.Helper()
	var n int
	if err := h.emu.db.sql.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		h.t.Fatal(err)
	}
	return n
}

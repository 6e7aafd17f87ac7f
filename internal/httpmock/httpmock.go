// Package httpmock is a fake of Plaid for command tests, after cli/cli's:
// a registry of stubs that answers the requests it expects, in place of
// the network (app.Factory.Transport), and fails the test on any request
// it was not told of, and on any stub no request used.
package httpmock

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"
)

// Responder answers one request.
type Responder func(req *http.Request) (*http.Response, error)

type stub struct {
	path    string
	respond Responder
	used    bool
}

// Registry answers the requests registered, each once, in order.
type Registry struct {
	t     testing.TB
	mu    sync.Mutex
	stubs []*stub
	// Requests are the requests seen, with their bodies.
	Requests []Request
}

// Request is a request the registry saw.
type Request struct {
	Path   string
	Header http.Header
	Body   []byte
}

// New returns a registry that checks, when the test ends, that every stub
// was used.
func New(t testing.TB) *Registry {
	r := &Registry{t: t}
	t.Cleanup(r.verify)
	return r
}

// Register expects one POST to path, answered by respond.
func (r *Registry) Register(path string, respond Responder) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stubs = append(r.stubs, &stub{path: path, respond: respond})
}

// RoundTrip answers req with the first unused stub for its path; a
// request none expects fails the test (and the call).
func (r *Registry) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
		_ = req.Body.Close()
	}
	r.mu.Lock()
	r.Requests = append(r.Requests, Request{Path: req.URL.Path, Header: req.Header.Clone(), Body: body})
	var s *stub
	for _, c := range r.stubs {
		if !c.used && c.path == req.URL.Path && req.Method == http.MethodPost {
			s = c
			break
		}
	}
	if s != nil {
		s.used = true
	}
	r.mu.Unlock()
	if s == nil {
		r.t.Errorf("httpmock: no stub for %s %s", req.Method, req.URL.Path)
		return nil, fmt.Errorf("httpmock: no stub for %s %s", req.Method, req.URL.Path)
	}
	req.Body = io.NopCloser(bytes.NewReader(body))
	return s.respond(req)
}

func (r *Registry) verify() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range r.stubs {
		if !s.used {
			r.t.Errorf("httpmock: the stub for %s was never used", s.path)
		}
	}
}

// JSON answers 200 with v as JSON.
func JSON(v any) Responder { return StatusJSON(http.StatusOK, v) }

// StatusJSON answers status with v as JSON.
func StatusJSON(status int, v any) Responder {
	return func(req *http.Request) (*http.Response, error) {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		return &http.Response{StatusCode: status, Header: http.Header{"Content-Type": {"application/json"}},
			Body: io.NopCloser(bytes.NewReader(b)), Request: req}, nil
	}
}

// PlaidError answers with Plaid's error envelope.
func PlaidError(status int, errorType, code, message string) Responder {
	return StatusJSON(status, map[string]any{"error_type": errorType, "error_code": code, "error_message": message,
		"display_message": nil, "request_id": "req-mock"})
}

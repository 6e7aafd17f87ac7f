package client

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// stub answers one call to a path.
type stub struct {
	path    string
	status  int
	ctype   string
	body    []byte
	header  map[string]string
	inspect func(t *testing.T, r *http.Request, body []byte)
	calls   int
}

// registry is a fake Plaid in the manner of cli/cli's httpmock: every call
// must match a registered stub, in order per path, and every stub must be
// used. It serves over real HTTP on loopback.
type registry struct {
	t     *testing.T
	mu    sync.Mutex
	stubs []*stub
	srv   *httptest.Server
}

func newRegistry(t *testing.T) *registry {
	r := &registry{t: t}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(func() {
		r.srv.Close()
		r.mu.Lock()
		defer r.mu.Unlock()
		for _, s := range r.stubs {
			if s.calls == 0 {
				t.Errorf("stub for %s (HTTP %d) was never called", s.path, s.status)
			}
		}
	})
	return r
}

func (r *registry) register(s *stub) *stub {
	if s.status == 0 {
		s.status = 200
	}
	if s.ctype == "" {
		s.ctype = "application/json"
	}
	r.mu.Lock()
	r.stubs = append(r.stubs, s)
	r.mu.Unlock()
	return s
}

func (r *registry) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	var match *stub
	for _, s := range r.stubs {
		if s.path == req.URL.Path && s.calls == 0 {
			match = s
			break
		}
	}
	if match != nil {
		match.calls++
	}
	r.mu.Unlock()
	if match == nil {
		r.t.Errorf("unexpected call: %s %s", req.Method, req.URL.Path)
		http.Error(w, "no stub", http.StatusNotImplemented)
		return
	}
	if match.inspect != nil {
		match.inspect(r.t, req, body)
	}
	for k, v := range match.header {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", match.ctype)
	w.WriteHeader(match.status)
	w.Write(match.body)
}

func (r *registry) client(t *testing.T) *Client {
	t.Helper()
	c, err := New(Config{
		Environment: Sandbox, BaseURL: r.srv.URL, ClientID: "test_client", Secret: "test_secret_value",
		Version: "1.2.3", Timeout: 2 * time.Second, RetryWait: time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

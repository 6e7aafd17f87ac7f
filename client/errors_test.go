package client

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const secret = "test_secret_value"

func noSecret(t *testing.T, err error) {
	t.Helper()
	if err != nil && strings.Contains(err.Error(), secret) {
		t.Errorf("the secret leaked into an error: %v", err)
	}
}

func TestPlaidErrorIsRejected(t *testing.T) {
	reg := newRegistry(t)
	reg.register(&stub{path: PathBeaconUserCreate, status: 400, body: []byte(`{"error_type":"INVALID_REQUEST","error_code":"INVALID_FIELD",
		"error_message":"invalid field user.address.city: must contain at least one letter","display_message":null,"request_id":"req1",
		"documentation_url":"https://plaid.com/docs/errors/","suggested_action":null}`)})
	_, err := reg.client(t).CreateBeaconUser(context.Background(), sampleBeacon())
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("want *Error, got %T %v", err, err)
	}
	if pe.HTTPStatus != 400 || pe.ErrorCode != "INVALID_FIELD" || pe.RequestID != "req1" || OutcomeOf(err) != Rejected {
		t.Errorf("got %+v outcome %v", pe, OutcomeOf(err))
	}
	if f := pe.FieldIn(FieldPaths(BeaconUserCreateRequest{})); f != "user.address.city" {
		t.Errorf("FieldIn = %q", f)
	}
	if pe.Message() != pe.ErrorMessage {
		t.Errorf("Message without display_message = %q", pe.Message())
	}
	noSecret(t, err)
}

func TestFieldInPicksTheMostSpecificPath(t *testing.T) {
	paths := FieldPaths(BeaconUserCreateRequest{})
	for msg, want := range map[string]string{
		"the following required fields are missing: user.name.given_name, address.city": "user.name.given_name",
		"invalid depository_accounts[0].routing_number":                                 "user.depository_accounts.routing_number",
		"something went wrong": "",
	} {
		if got := (&Error{ErrorMessage: msg}).FieldIn(paths); got != want {
			t.Errorf("FieldIn(%q) = %q, want %q", msg, got, want)
		}
	}
}

func TestServerErrorIsUnknownAndNotRetriedOnCreate(t *testing.T) {
	reg := newRegistry(t)
	reg.register(&stub{path: PathBeaconUserCreate, status: 500, body: []byte(`{"error_type":"API_ERROR","error_code":"INTERNAL_SERVER_ERROR",
		"error_message":"an unexpected error occurred","display_message":null,"request_id":"r5"}`)})
	_, err := reg.client(t).CreateBeaconUser(context.Background(), sampleBeacon())
	if OutcomeOf(err) != Unknown {
		t.Fatalf("a 500 after a create must be outcome unknown, got %v (%v)", OutcomeOf(err), err)
	}
	// the registry fails the test if a second call arrives: no stub left
}

func TestReadsRetryAfterServerError(t *testing.T) {
	reg := newRegistry(t)
	reg.register(&stub{path: PathBeaconUserGet, status: 503, body: []byte(`{"error_type":"API_ERROR","error_code":"INTERNAL_SERVER_ERROR","error_message":"busy","display_message":null}`)})
	reg.register(&stub{path: PathBeaconUserGet, body: beaconAnswer("becusr_1", 2)})
	u, err := reg.client(t).GetBeaconUser(context.Background(), &BeaconUserGetRequest{BeaconUserID: "becusr_1"})
	if err != nil || u.Version != 2 {
		t.Fatalf("get after a 503 should be retried: %+v %v", u, err)
	}
}

func TestRateLimitRetriedWithBackoff(t *testing.T) {
	reg := newRegistry(t)
	limited := []byte(`{"error_type":"RATE_LIMIT_EXCEEDED","error_code":"RATE_LIMIT","error_message":"too many requests","display_message":null}`)
	reg.register(&stub{path: PathBeaconUserCreate, status: 429, body: limited, header: map[string]string{"Retry-After": "0"}})
	reg.register(&stub{path: PathBeaconUserCreate, status: 429, body: limited})
	reg.register(&stub{path: PathBeaconUserCreate, body: beaconAnswer("becusr_2", 1)})
	u, err := reg.client(t).CreateBeaconUser(context.Background(), sampleBeacon())
	if err != nil || u.ID != "becusr_2" {
		t.Fatalf("429 twice then 200: %+v %v", u, err)
	}
}

func TestRateLimitGivesUpAfterThreeAttempts(t *testing.T) {
	reg := newRegistry(t)
	limited := []byte(`{"error_type":"RATE_LIMIT_EXCEEDED","error_code":"RATE_LIMIT","error_message":"too many requests","display_message":null}`)
	for range 3 {
		reg.register(&stub{path: PathBeaconUserCreate, status: 429, body: limited})
	}
	_, err := reg.client(t).CreateBeaconUser(context.Background(), sampleBeacon())
	var pe *Error
	if !errors.As(err, &pe) || pe.HTTPStatus != 429 || !pe.Retryable() || OutcomeOf(err) != Rejected {
		t.Fatalf("want the 429 after three attempts, got %v", err)
	}
}

func TestProxyHTMLPage(t *testing.T) {
	reg := newRegistry(t)
	reg.register(&stub{path: PathBeaconUserCreate, status: 502, ctype: "text/html",
		body: []byte("<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>")})
	_, err := reg.client(t).CreateBeaconUser(context.Background(), sampleBeacon())
	var re *ResponseError
	if !errors.As(err, &re) || re.HTTPStatus != 502 || re.Snippet != "502 Bad Gateway" || OutcomeOf(err) != Unknown {
		t.Fatalf("got %T %v", err, err)
	}
	if !strings.Contains(err.Error(), "502 Bad Gateway") || !strings.Contains(err.Error(), "not a Plaid error") {
		t.Errorf("message does not say what happened: %v", err)
	}
}

func TestTruncatedJSON(t *testing.T) {
	reg := newRegistry(t)
	reg.register(&stub{path: PathBeaconUserCreate, body: []byte(`{"id":"becusr_3","version":1,"sta`)})
	_, err := reg.client(t).CreateBeaconUser(context.Background(), sampleBeacon())
	var re *ResponseError
	if !errors.As(err, &re) || OutcomeOf(err) != Unknown || !strings.Contains(err.Error(), "cut short") {
		t.Fatalf("got %T %v", err, err)
	}
}

func TestOversizedAnswer(t *testing.T) {
	reg := newRegistry(t)
	big := append([]byte(`{"id":"`), make([]byte, 2<<20)...)
	reg.register(&stub{path: PathBeaconUserGet, body: big})
	c := reg.client(t)
	c.cfg.MaxResponseBytes = 1 << 20
	_, err := c.GetBeaconUser(context.Background(), &BeaconUserGetRequest{BeaconUserID: "x"})
	if err == nil || !strings.Contains(err.Error(), "larger than 1 MB") {
		t.Fatalf("got %v", err)
	}
}

func TestConnectionRefusedIsNotSent(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	c, _ := New(Config{Environment: Sandbox, BaseURL: "http://" + addr, ClientID: "id", Secret: secret, RetryWait: time.Millisecond})
	_, err = c.CreateBeaconUser(context.Background(), sampleBeacon())
	if OutcomeOf(err) != NotSent {
		t.Fatalf("refused connection: outcome %v (%v)", OutcomeOf(err), err)
	}
	noSecret(t, err)
}

// serveRaw answers every connection with handle, below net/http.
func serveRaw(t *testing.T, handle func(net.Conn)) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go handle(conn)
		}
	}()
	return "http://" + ln.Addr().String()
}

// readRequest consumes one HTTP request from conn.
func readRequest(conn net.Conn) {
	req, err := http.ReadRequest(bufio.NewReader(conn))
	if err == nil {
		buf := make([]byte, req.ContentLength)
		_, _ = req.Body.Read(buf)
	}
}

func TestNoAnswerUntilTimeoutIsUnknown(t *testing.T) {
	hold := make(chan struct{})
	t.Cleanup(func() { close(hold) })
	var requests atomic.Int32
	url := serveRaw(t, func(conn net.Conn) {
		readRequest(conn)
		requests.Add(1)
		<-hold
		conn.Close()
	})
	c, _ := New(Config{Environment: Sandbox, BaseURL: url, ClientID: "id", Secret: secret, Timeout: 150 * time.Millisecond})
	_, err := c.CreateBeaconUser(context.Background(), sampleBeacon())
	if OutcomeOf(err) != Unknown {
		t.Fatalf("a timeout after sending must be outcome unknown, got %v (%v)", OutcomeOf(err), err)
	}
	if n := requests.Load(); n != 1 {
		t.Errorf("the create was sent %d times: it must never be retried once sent", n)
	}
	noSecret(t, err)
}

func TestResetMidBodyIsUnknown(t *testing.T) {
	url := serveRaw(t, func(conn net.Conn) {
		readRequest(conn)
		conn.Write([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"id\":\"becusr_"))
		if tc, ok := conn.(*net.TCPConn); ok {
			tc.SetLinger(0) // close with RST
		}
		conn.Close()
	})
	c, _ := New(Config{Environment: Sandbox, BaseURL: url, ClientID: "id", Secret: secret})
	_, err := c.CreateBeaconUser(context.Background(), sampleBeacon())
	if OutcomeOf(err) != Unknown {
		t.Fatalf("a reset mid-body must be outcome unknown, got %v (%v)", OutcomeOf(err), err)
	}
}

func TestTrickleIsBoundedByTimeout(t *testing.T) {
	url := serveRaw(t, func(conn net.Conn) {
		defer conn.Close()
		readRequest(conn)
		conn.Write([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"))
		for i := 0; i < 100; i++ {
			if _, err := conn.Write([]byte(" ")); err != nil {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
	c, _ := New(Config{Environment: Sandbox, BaseURL: url, ClientID: "id", Secret: secret, Timeout: 300 * time.Millisecond})
	_, err := c.GetBeaconUser(context.Background(), &BeaconUserGetRequest{BeaconUserID: "x"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a trickling answer must end at the timeout: %v", err)
	}
}

func TestNewRefusesBadConfig(t *testing.T) {
	for _, cfg := range []Config{
		{Environment: Local, ClientID: "a", Secret: "b"},
		{Environment: Sandbox, ClientID: "", Secret: "b"},
		{Environment: Sandbox, BaseURL: "ftp://x", ClientID: "a", Secret: "b"},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%v) accepted", cfg)
		}
	}
	if s := (Config{Secret: secret}).String(); strings.Contains(s, secret) {
		t.Errorf("Config.String shows the secret: %s", s)
	}
}

func TestCredentials(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if id, sec, err := Credentials(Local, env(nil)); err != nil || id != DemoClientID || sec != DemoSecret {
		t.Errorf("local without env: %s %s %v", id, sec, err)
	}
	// Plaid's pair is never an emulator's: it would go to whatever answers
	// on a local port.
	if id, sec, err := Credentials(Local, env(map[string]string{EnvClientID: "x", EnvSecret: "y"})); err != nil || id != DemoClientID || sec != DemoSecret {
		t.Errorf("local with Plaid's pair set: %s %s %v", id, sec, err)
	}
	if id, sec, err := Credentials(Local, env(map[string]string{EnvEmulatorClientID: "e", EnvEmulatorSecret: "f", EnvSecret: "y"})); err != nil || id != "e" || sec != "f" {
		t.Errorf("local with the emulator's own pair: %s %s %v", id, sec, err)
	}
	if _, _, err := Credentials(Sandbox, env(nil)); err == nil || !strings.Contains(err.Error(), EnvClientID) {
		t.Errorf("sandbox without env: %v", err)
	}
	if _, _, err := Credentials(Production, env(map[string]string{EnvClientID: "x"})); err == nil || !strings.Contains(err.Error(), EnvSecret) {
		t.Errorf("production with half the pair: %v", err)
	}
	for in, want := range map[string]Environment{"local": Local, "SANDBOX": Sandbox, " production ": Production} {
		if got, err := ParseEnvironment(in); err != nil || got != want {
			t.Errorf("ParseEnvironment(%q) = %v %v", in, got, err)
		}
	}
	if _, err := ParseEnvironment("development"); err == nil {
		t.Error("development is gone")
	}
}

// A redirect is never followed: the credentials and the body (with its
// personal data) would go to whatever host the answer names. It is an
// error with an unknown outcome, and nothing is sent again.
func TestRedirectsAreNotFollowed(t *testing.T) {
	var reached atomic.Int32
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		t.Errorf("the redirect was followed: %s got %s with secret header %q", r.Host, r.URL.Path, r.Header.Get("PLAID-SECRET"))
	}))
	defer elsewhere.Close()
	for _, status := range []int{http.StatusTemporaryRedirect, http.StatusFound, http.StatusPermanentRedirect, http.StatusMovedPermanently} {
		var asked atomic.Int32
		origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			asked.Add(1)
			http.Redirect(w, r, elsewhere.URL+r.URL.Path, status)
		}))
		c, _ := New(Config{Environment: Sandbox, BaseURL: origin.URL, ClientID: "id", Secret: secret, RetryWait: time.Millisecond})
		_, err := c.CreateBeaconUser(context.Background(), sampleBeacon())
		if OutcomeOf(err) != Unknown || !strings.Contains(err.Error(), "not followed") {
			t.Errorf("%d on a create: %v (%v)", status, OutcomeOf(err), err)
		}
		_, err = c.GetBeaconUser(context.Background(), &BeaconUserGetRequest{BeaconUserID: "becusr_1"})
		if OutcomeOf(err) != Unknown {
			t.Errorf("%d on a get: %v", status, err)
		}
		if n := asked.Load(); n != 2 {
			t.Errorf("%d: the server was asked %d times for two calls: a redirect is not retried", status, n)
		}
		noSecret(t, err)
		origin.Close()
	}
	if reached.Load() != 0 {
		t.Fatalf("%d requests reached the other host", reached.Load())
	}
}

// A server that never answers costs one budget in all, not an attempt's
// timeout for every retry: a read is not tried again once the budget is
// spent.
func TestABudgetBoundsTheWholeCall(t *testing.T) {
	hold := make(chan struct{})
	t.Cleanup(func() { close(hold) })
	var requests atomic.Int32
	url := serveRaw(t, func(conn net.Conn) {
		readRequest(conn)
		requests.Add(1)
		<-hold
		conn.Close()
	})
	c, _ := New(Config{Environment: Sandbox, BaseURL: url, ClientID: "id", Secret: secret,
		Timeout: time.Hour, Budget: 100 * time.Millisecond, RetryWait: time.Millisecond})
	_, err := c.GetBeaconUser(context.Background(), &BeaconUserGetRequest{BeaconUserID: "becusr_1"})
	if OutcomeOf(err) != Unknown || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("%v (%v)", OutcomeOf(err), err)
	}
	if n := requests.Load(); n != 1 {
		t.Fatalf("%d requests: the budget was spent on the first", n)
	}
}

// beaconAnswer is a Beacon user as Plaid answers it, every required field
// there.
func beaconAnswer(id string, version int) []byte {
	return []byte(fmt.Sprintf(`{"item_ids":[],"id":%q,"version":%d,"created_at":"2026-01-01T00:00:00Z",
	"updated_at":"2026-01-01T00:00:00Z","status":"cleared","program_id":"becprg_11111111111111","client_user_id":"c1",
	"request_id":"r1","audit_trail":{"source":"api","dashboard_user_id":null,"timestamp":"2026-01-01T00:00:00Z"},
	"user":{"date_of_birth":"1990-01-01","name":{"given_name":"a","family_name":"b"},"address":null,"email_address":null,
	"phone_number":null,"id_number":null,"ip_address":null,"depository_accounts":[]}}`, id, version))
}

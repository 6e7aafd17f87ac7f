package doctor

import (
	"bytes"
	"crypto/tls"
	"io"
	"net/http"
	"sync"
	"time"
)

// exchange is what doctor keeps of one HTTP answer: never the request,
// which carries the secret.
type exchange struct {
	Path   string
	Status int
	Date   string // the server's Date header
	TLS    *tls.ConnectionState
	Body   []byte
	Sent   time.Time
	Got    time.Time
}

// maxAnswer bounds what is kept of one answer: Plaid's largest are well
// under it.
const maxAnswer = 8 << 20

// recorder is a RoundTripper that keeps each answer for the checks.
type recorder struct {
	next http.RoundTripper
	now  func() time.Time

	mu   sync.Mutex
	seen []exchange
}

func newRecorder(next http.RoundTripper, now func() time.Time) *recorder {
	if next == nil {
		next = http.DefaultTransport
	}
	return &recorder{next: next, now: now}
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	sent := r.now()
	resp, err := r.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	_ = resp.Body.Close() // read whole, or failed: the error says which
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	r.mu.Lock()
	r.seen = append(r.seen, exchange{Path: req.URL.Path, Status: resp.StatusCode, Date: resp.Header.Get("Date"),
		TLS: resp.TLS, Body: body, Sent: sent, Got: r.now()})
	r.mu.Unlock()
	return resp, nil
}

// last is the latest answer, if any came.
func (r *recorder) last() (exchange, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.seen) == 0 {
		return exchange{}, false
	}
	return r.seen[len(r.seen)-1], true
}

// count is how many answers came so far.
func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.seen)
}

// lastSince is the latest answer after the first n, if one came.
func (r *recorder) lastSince(n int) (exchange, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.seen) <= n {
		return exchange{}, false
	}
	return r.seen[len(r.seen)-1], true
}

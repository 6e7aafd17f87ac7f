package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/plaid-onboard/plaid-onboard/validate"
)

// Client talks to one Plaid environment (or the emulator) as one client.
type Client struct {
	cfg       Config
	base      string
	http      *http.Client
	userAgent string
}

// maxAttempts bounds retries after a 429 or an unsent request.
const maxAttempts = 3

// New checks the configuration and returns a Client.
func New(cfg Config) (*Client, error) {
	base := strings.TrimRight(cfg.baseURL(), "/")
	if base == "" {
		return nil, fmt.Errorf("no server address for environment %q", cfg.Environment)
	}
	if !validate.IsHTTPURL(base) {
		return nil, fmt.Errorf("server address %q is not an http(s) URL", base)
	}
	if cfg.ClientID == "" || cfg.Secret == "" {
		return nil, errors.New("a client id and a secret are required")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Budget <= 0 {
		cfg.Budget = DefaultTimeout
	}
	if cfg.MaxResponseBytes <= 0 {
		cfg.MaxResponseBytes = DefaultMaxResponseBytes
	}
	if cfg.RetryWait <= 0 {
		cfg.RetryWait = 500 * time.Millisecond
	}
	// Plaid's API never redirects. Following a redirect would hand the
	// credentials in the headers (and, for a 307, a body of personal data)
	// to whatever host the answer names, so a 3xx is an answer like any
	// other: an error whose outcome is unknown, never followed or re-sent.
	hc := &http.Client{}
	if cfg.HTTPClient != nil {
		copied := *cfg.HTTPClient
		hc = &copied
	}
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	version := cfg.Version
	if version == "" {
		version = "dev"
	}
	return &Client{
		cfg:       cfg,
		base:      base,
		http:      hc,
		userAgent: fmt.Sprintf("plaid-onboard/%s (%s; %s/%s)", version, runtime.Version(), runtime.GOOS, runtime.GOARCH),
	}, nil
}

// Budget is how long one call may take in all.
func (c *Client) Budget() time.Duration { return c.cfg.Budget }

// Emulator is the base URL of the served emulator the client talks to,
// "" for Plaid or the emulator built into this process.
func (c *Client) Emulator() string { return c.cfg.Emulator }

// Environment is the environment the client talks to.
func (c *Client) Environment() Environment { return c.cfg.Environment }

// BaseURL is the server the client talks to.
func (c *Client) BaseURL() string { return c.base }

// Body encodes a request exactly as the client sends it.
func Body(req any) ([]byte, error) {
	b, err := json.Marshal(req)
	if err != nil {
		return nil, fmt.Errorf("encoding the request: %w", err)
	}
	return b, nil
}

// call sends req to path and decodes a 200 answer into resp. idempotent
// paths (the reads) may also be retried after a 5xx or a lost answer; other
// paths only after a 429 or when the request provably never left.
func (c *Client) call(ctx context.Context, path string, idempotent bool, req, resp any) error {
	body, err := Body(req)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Budget)
	defer cancel()
	op := "POST " + path
	for attempt := 1; ; attempt++ {
		err := c.traced(ctx, op, path, attempt, body, resp)
		if err == nil {
			return nil
		}
		wait, retry := c.retryAfter(ctx, err, idempotent, attempt)
		if !retry {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
	}
}

func (c *Client) retryAfter(ctx context.Context, err error, idempotent bool, attempt int) (time.Duration, bool) {
	if attempt >= maxAttempts || ctx.Err() != nil {
		return 0, false
	}
	wait := c.cfg.RetryWait << (attempt - 1)
	var pe *Error
	switch {
	case errors.As(err, &pe) && pe.HTTPStatus == http.StatusTooManyRequests:
		// Plaid refused the request: repeating it cannot duplicate anything.
		if pe.retryAfter > 0 {
			wait = pe.retryAfter
		}
		return wait, true
	case OutcomeOf(err) == NotSent:
		return wait, true
	case idempotent && OutcomeOf(err) == Unknown && !answeredOK(err) && !redirected(err):
		return wait, true
	}
	return 0, false
}

// redirected reports an answer that pointed elsewhere (a 3xx): asking the
// same server again would get the same answer.
func redirected(err error) bool {
	var re *ResponseError
	return errors.As(err, &re) && re.HTTPStatus >= 300 && re.HTTPStatus < 400
}

// answeredOK reports a 200 whose body could not be used (cut short, too
// large, wrong shape): asking again would get the same answer.
func answeredOK(err error) bool {
	var re *ResponseError
	return errors.As(err, &re) && re.HTTPStatus == http.StatusOK
}

// traced makes one attempt and tells Trace about it.
func (c *Client) traced(ctx context.Context, op, path string, attempt int, body []byte, resp any) error {
	if c.cfg.Trace == nil {
		_, err := c.once(ctx, op, path, body, resp)
		return err
	}
	ex := Exchange{Path: path, Attempt: attempt, Start: time.Now(), Request: body}
	ans, err := c.once(ctx, op, path, body, resp)
	ex.Took, ex.Status, ex.Response, ex.Err = time.Since(ex.Start), ans.status, ans.body, err
	c.cfg.Trace(ex)
	return err
}

// answer is what came back from an attempt, for Trace.
type answer struct {
	status int
	body   []byte
}

// once makes one attempt.
func (c *Client) once(ctx context.Context, op, path string, body []byte, resp any) (answer, error) {
	var ans answer
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	// wrote is set once the headers are on their way: from then on the
	// server may act on the request, so a failure is no longer "not sent".
	// WroteHeaders fires before the bytes leave (WroteRequest may fire
	// after the server has already answered).
	var wrote atomic.Bool
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteHeaders: func() { wrote.Store(true) },
	})
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(body))
	if err != nil {
		return ans, &TransportError{Op: op, Outcome: NotSent, Err: err}
	}
	hreq.Header.Set("Content-Type", "application/json")
	hreq.Header.Set("Accept", "application/json")
	hreq.Header.Set("PLAID-CLIENT-ID", c.cfg.ClientID)
	hreq.Header.Set("PLAID-SECRET", c.cfg.Secret)
	hreq.Header.Set("Plaid-Version", APIVersion)
	hreq.Header.Set("User-Agent", c.userAgent)

	hresp, err := c.http.Do(hreq)
	if err != nil {
		outcome := NotSent
		if wrote.Load() {
			outcome = Unknown
		}
		return ans, &TransportError{Op: op, Outcome: outcome, Err: unwrapURLError(err)}
	}
	defer hresp.Body.Close() //nolint:errcheck // read whole before; nothing to do if closing fails
	ans.status = hresp.StatusCode
	ct := hresp.Header.Get("Content-Type")
	data, err := io.ReadAll(io.LimitReader(hresp.Body, c.cfg.MaxResponseBytes+1))
	ans.body = data
	if err != nil {
		return ans, &TransportError{Op: op, Outcome: Unknown, Err: fmt.Errorf("reading the answer (HTTP %d): %w", hresp.StatusCode, unwrapURLError(err))}
	}
	if int64(len(data)) > c.cfg.MaxResponseBytes {
		return ans, &ResponseError{Op: op, HTTPStatus: hresp.StatusCode, ContentType: ct,
			Err: fmt.Errorf("the answer is larger than %d MB", c.cfg.MaxResponseBytes>>20)}
	}
	if hresp.StatusCode == http.StatusOK {
		if err := decodeJSON(data, ct, resp); err != nil {
			return ans, &ResponseError{Op: op, HTTPStatus: hresp.StatusCode, ContentType: ct, Snippet: snippet(data, ct), Err: err}
		}
		// An answer without what Plaid's schema promises is still an
		// answer when it names its object: a created user's id is known,
		// and dropping it would make a done create look undone. Only one
		// without the object's id cannot be acted on.
		if absent := AbsentInAnswer(data, resp); len(absent) > 0 {
			if id := answerKey(path); id != "" && !presentIn(data, id) {
				return ans, &ResponseError{Op: op, HTTPStatus: hresp.StatusCode, ContentType: ct, Snippet: snippet(data, ct),
					Err: fmt.Errorf("the answer lacks fields Plaid's schema requires, %s among them: %s", id, strings.Join(absent, ", "))}
			}
			if c.cfg.Warn != nil {
				c.cfg.Warn(Warning{Op: op, Absent: absent})
			}
		}
		return ans, nil
	}
	if hresp.StatusCode >= 300 && hresp.StatusCode < 400 {
		return ans, &ResponseError{Op: op, HTTPStatus: hresp.StatusCode, ContentType: ct,
			Err: fmt.Errorf("the answer redirects to %q, which was not followed (Plaid's API does not redirect): nothing was sent there",
				redirectHost(hresp.Header.Get("Location")))}
	}
	var pe Error
	if decodeJSON(data, ct, &pe) == nil && pe.ErrorCode != "" {
		pe.HTTPStatus = hresp.StatusCode
		if hresp.StatusCode == http.StatusTooManyRequests {
			pe.retryAfter = parseRetryAfter(hresp.Header.Get("Retry-After"), c.cfg.RetryWait)
		}
		return ans, &pe
	}
	return ans, &ResponseError{Op: op, HTTPStatus: hresp.StatusCode, ContentType: ct, Snippet: snippet(data, ct),
		Err: errors.New("not a Plaid error (no JSON error envelope)")}
}

// decodeJSON accepts any JSON content type; an answer with a body that
// claims HTML is refused even when it happens to parse.
func decodeJSON(data []byte, contentType string, v any) error {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil && mt != "application/json" && !strings.HasSuffix(mt, "+json") {
		return fmt.Errorf("expected JSON, got %s", mt)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("the answer is empty")
	}
	if err := json.Unmarshal(data, v); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) || errors.Is(err, io.ErrUnexpectedEOF) {
			return fmt.Errorf("the answer is not complete JSON (cut short?): %w", err)
		}
		return fmt.Errorf("the answer has an unexpected shape: %w", err)
	}
	return nil
}

func parseRetryAfter(h string, fallback time.Duration) time.Duration {
	if secs, err := strconv.Atoi(strings.TrimSpace(h)); err == nil && secs >= 0 {
		return min(time.Duration(secs)*time.Second, 10*time.Second)
	}
	return fallback
}

// unwrapURLError drops net/url's "Post \"https://…\":" prefix; the Op
// already says which request failed.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// htmlTitle is compiled on first use, not at start: every start of the
// program (even --help) would pay for it, and it is only needed when a
// server answers with HTML.
var htmlTitle = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`) })

// snippet is a short printable excerpt of an unexpected body: an HTML
// page's title, else its first line.
func snippet(data []byte, contentType string) string {
	s := string(data)
	if m := htmlTitle().FindStringSubmatch(s); m != nil {
		s = m[1]
	} else if strings.Contains(contentType, "html") {
		s = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, " ")
	}
	s = strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)), " ")
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return strings.ToValidUTF8(s, "?")
}

// redirectHost is the host a redirect names, for the message (never the
// whole URL, which may carry tokens).
func redirectHost(location string) string {
	if u, err := url.Parse(location); err == nil && u.Host != "" {
		return u.Host
	}
	return "another address"
}

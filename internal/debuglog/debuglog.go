// Package debuglog writes what --debug shows: every HTTP exchange with
// Plaid (or the emulator) — method, path, status, request id, timing and
// both bodies — with personal data masked as the field catalogue says, and
// secrets never: the client gives it bodies only, not the headers that
// carry PLAID-SECRET, and the end customers' own secrets in answers are
// masked.
package debuglog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
)

// Log writes exchanges to w, one block each.
type Log struct {
	mu sync.Mutex
	w  io.Writer
}

// New writes to w (stderr for a command, a file for the screens).
func New(w io.Writer) *Log { return &Log{w: w} }

// Trace is the client's hook (client.Config.Trace).
func (l *Log) Trace(ex client.Exchange) {
	var b strings.Builder
	fmt.Fprintf(&b, "--> POST %s (attempt %d) at %s\n", ex.Path, ex.Attempt, ex.Start.UTC().Format(time.RFC3339Nano))
	b.WriteString("    headers: Content-Type, PLAID-CLIENT-ID, PLAID-SECRET (never shown), Plaid-Version " + client.APIVersion + "\n")
	writeBody(&b, ex.Request)
	switch ex.Status {
	case 0:
		fmt.Fprintf(&b, "<-- no answer after %s: %v\n", ex.Took.Round(time.Microsecond), ex.Err)
	default:
		fmt.Fprintf(&b, "<-- HTTP %d after %s", ex.Status, ex.Took.Round(time.Microsecond))
		if id := requestID(ex.Response); id != "" {
			fmt.Fprintf(&b, ", request_id %s", id)
		}
		if ex.Err != nil {
			fmt.Fprintf(&b, ": %v", ex.Err)
		}
		b.WriteString("\n")
		writeBody(&b, ex.Response)
	}
	b.WriteString("\n")
	l.mu.Lock()
	defer l.mu.Unlock()
	_, _ = io.WriteString(l.w, b.String()) // a debug log that cannot be written must not stop the call
}

func writeBody(b *strings.Builder, body []byte) {
	if len(body) == 0 {
		return
	}
	for _, line := range strings.Split(Mask(body), "\n") {
		b.WriteString("    " + line + "\n")
	}
}

func requestID(body []byte) string {
	var v struct {
		RequestID string `json:"request_id"`
	}
	_ = json.Unmarshal(body, &v) // none found in a body that is not JSON
	return v.RequestID
}

// Mask returns a JSON body, indented, with every personal field the
// catalogue marks masked the way it says, and secrets hidden. A body that
// is not JSON is shown as its size only: it could hold anything.
func Mask(body []byte) string {
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return fmt.Sprintf("(%d bytes, not JSON: not shown)", len(body))
	}
	v = mask(v, nil)
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // decoded from JSON a moment ago: it encodes
	return strings.TrimRight(out.String(), "\n")
}

func mask(v any, path []string) any {
	switch v := v.(type) {
	case map[string]any:
		for k, child := range v {
			p := append(slices.Clone(path), k)
			if isSecret(p) {
				v[k] = "(secret: not shown)"
				continue
			}
			v[k] = mask(child, p)
		}
		return v
	case []any:
		for i, child := range v {
			v[i] = mask(child, append(slices.Clone(path), "[]"))
		}
		return v
	case string:
		if f := personal(path); f != nil {
			return f.MaskValue(v)
		}
	}
	return v
}

// isSecret reports a secret: the key secret anywhere, or an end customer's
// keys (under secrets, or production_secret).
func isSecret(path []string) bool {
	last := path[len(path)-1]
	switch {
	case last == "secret" || last == "production_secret" || last == "secrets":
		return true
	case len(path) >= 2 && path[len(path)-2] == "secrets":
		return true
	}
	return false
}

// personal finds the catalogue's personal field a path ends with: the
// same field in a request ("user.date_of_birth"), an answer (the Beacon
// user's "user.date_of_birth") or a list of answers
// ("beacon_users[].user.date_of_birth").
func personal(path []string) *catalog.Field {
	joined := strings.ReplaceAll(strings.Join(path, "."), ".[]", "[]")
	for _, c := range catalog.All() {
		for _, f := range c.Fields() {
			if f.Personal != catalog.NotPersonal && (joined == f.Path || strings.HasSuffix(joined, "."+f.Path)) {
				return f
			}
		}
	}
	return nil
}

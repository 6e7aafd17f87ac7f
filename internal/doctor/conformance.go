package doctor

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
)

// DriftKind is how an answer differs from the spec or the other side.
type DriftKind string

// The kinds of drift.
const (
	KeyAdded      DriftKind = "key added"            // a key the spec does not name, in a closed object
	KeyMissing    DriftKind = "required key missing" // a key the spec requires, absent
	WrongType     DriftKind = "type"                 // a value of another JSON type
	EnumUnlisted  DriftKind = "enum value unseen"    // a value the spec's enum does not list
	ErrorCodeDiff DriftKind = "error code"           // a refusal coded otherwise than the other side's
	OutcomeDiff   DriftKind = "outcome"              // answered on one side, refused on the other
)

// Drift is one difference found.
type Drift struct {
	Target string    `json:"target"`
	Step   string    `json:"step"`
	Path   string    `json:"path"` // the endpoint
	Kind   DriftKind `json:"kind"`
	Where  string    `json:"where,omitempty"` // the key, in the answer
	Detail string    `json:"detail"`
}

// Outcome is how one step went on one side.
type Outcome struct {
	Target    string `json:"target"`
	Step      string `json:"step"`
	Path      string `json:"path"`
	HTTP      int    `json:"http_status,omitempty"`
	RequestID string `json:"request_id,omitempty"`
	Error     string `json:"error,omitempty"` // TYPE/CODE of a refusal
	Problem   string `json:"problem,omitempty"`
}

// Conformance is what the scenario found on both sides.
type Conformance struct {
	Targets  []string  `json:"targets"`
	Outcomes []Outcome `json:"outcomes"`
	Drift    []Drift   `json:"drift"`
}

// inMemory names the side this program knows: a fresh emulator.
const inMemory = "the emulator in memory"

// errSkipped is a step that could not run because an earlier one failed.
var errSkipped = errors.New("skipped: the step it reads from failed")

// conformance runs the scenario against the chosen environment and a
// fresh in-memory emulator, and compares both with the spec and with each
// other.
func (d *run) conformance(ctx context.Context) {
	env := d.o.Env
	suffix := randomSuffix()
	c := &Conformance{}
	d.report.Conformance = c

	chosen := "Plaid " + string(env)
	s, rec, ok := d.connect("Conformance")
	if !ok {
		return
	}
	defer s.Close()
	if env == client.Local {
		chosen = s.Where
	}
	program := d.o.Program
	if program == "" {
		program = emulator.DefaultPrograms()[0].ID
	}
	theirs := d.playScenario(ctx, chosen, s.Client, rec, &scenarioState{program: program, suffix: suffix})

	own, ownRec, stop, err := d.builtIn()
	if err != nil {
		d.add(areaPlaid, "Conformance", Fail, "the built-in emulator would not start: "+err.Error(), "")
		return
	}
	defer stop()
	ours := d.playScenario(ctx, inMemory, own, ownRec, &scenarioState{program: emulator.DefaultPrograms()[0].ID, suffix: suffix})
	c.Targets = []string{chosen, inMemory}

	for i, st := range scenario() {
		a, b := theirs[i], ours[i]
		c.Outcomes = append(c.Outcomes, a.outcome, b.outcome)
		c.Drift = append(c.Drift, a.drift...)
		c.Drift = append(c.Drift, b.drift...)
		switch {
		case a.skipped || b.skipped:
		case a.refused != b.refused:
			c.Drift = append(c.Drift, Drift{Target: chosen, Step: st.Name, Path: st.Path, Kind: OutcomeDiff,
				Detail: fmt.Sprintf("%s %s; %s %s", chosen, a.said(), inMemory, b.said())})
		case a.refused && a.outcome.Error != b.outcome.Error:
			c.Drift = append(c.Drift, Drift{Target: chosen, Step: st.Name, Path: st.Path, Kind: ErrorCodeDiff,
				Detail: fmt.Sprintf("%s answered %s, %s %s", chosen, a.outcome.Error, inMemory, b.outcome.Error)})
		}
	}
}

// played is one step on one side.
type played struct {
	outcome Outcome
	refused bool
	skipped bool
	drift   []Drift
}

func (p played) said() string {
	if p.refused {
		return "refused " + p.outcome.Error
	}
	if p.outcome.Problem != "" {
		return p.outcome.Problem
	}
	return fmt.Sprintf("answered HTTP %d", p.outcome.HTTP)
}

// playScenario runs every step against c, whose answers rec keeps, and
// checks each answer against the spec.
func (d *run) playScenario(ctx context.Context, target string, c *client.Client, rec *recorder, s *scenarioState) []played {
	var out []played
	for _, st := range scenario() {
		before := rec.count()
		err := st.call(ctx, c, s)
		p := played{outcome: Outcome{Target: target, Step: st.Name, Path: st.Path}}
		var pe *client.Error
		switch {
		case errors.Is(err, errSkipped):
			p.skipped, p.outcome.Problem = true, err.Error()
		case errors.As(err, &pe):
			p.refused = true
			p.outcome.Error = pe.ErrorType + "/" + pe.ErrorCode
		case err != nil && !st.WantError:
			p.outcome.Problem = err.Error()
		}
		ex, answered := rec.lastSince(before)
		if answered {
			p.outcome.HTTP = ex.Status
			answer := st.Answer
			if p.refused {
				answer = client.Error{}
			}
			p.drift = specDrift(target, st, ex.Body, answer)
			var ids struct {
				RequestID string `json:"request_id"`
			}
			_ = json.Unmarshal(ex.Body, &ids) // an answer that is no JSON has been said by err
			p.outcome.RequestID = ids.RequestID
		}
		out = append(out, p)
	}
	return out
}

// specDrift compares one answer with the schema of its type.
func specDrift(target string, st step, body []byte, answer any) []Drift {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return []Drift{{Target: target, Step: st.Name, Path: st.Path, Kind: WrongType, Detail: "the answer is not JSON"}}
	}
	found := client.CheckBody(v, answer)
	var out []Drift
	add := func(kind DriftKind, where, detail string) {
		out = append(out, Drift{Target: target, Step: st.Name, Path: st.Path, Kind: kind, Where: where, Detail: detail})
	}
	for _, k := range append(found.Unknown, found.Unnamed...) {
		add(KeyAdded, k, "the spec does not name "+k)
	}
	for _, k := range client.AbsentInAnswer(body, answer) {
		add(KeyMissing, k, "the spec requires "+k+"; the answer has no such key")
	}
	for _, m := range found.WrongType {
		add(WrongType, m.Path, m.Path+" should be "+m.Want)
	}
	for _, e := range found.Unlisted {
		add(EnumUnlisted, e.Path, fmt.Sprintf("%s is %q, a value the spec does not list", e.Path, e.Value))
	}
	return out
}

// builtIn serves a fresh in-memory emulator on loopback, for the side of
// the comparison this program knows.
func (d *run) builtIn() (*client.Client, *recorder, func(), error) {
	emu, err := emulator.New(emulator.Options{ClientID: client.DemoClientID, Secret: client.DemoSecret, Now: d.now})
	if err != nil {
		return nil, nil, nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		_ = emu.Close() // the error says what went wrong
		return nil, nil, nil, err
	}
	srv, _ := emulator.Serve(ln, emu, emulator.ServerOptions{})
	rec := newRecorder(nil, d.now)
	c, err := client.New(client.Config{Environment: client.Local, BaseURL: "http://" + ln.Addr().String(),
		ClientID: client.DemoClientID, Secret: client.DemoSecret, Version: d.o.Factory.Version,
		HTTPClient: &http.Client{Transport: rec}})
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx) // its requests were this process's, all answered
		_ = emu.Close()       // in memory: nothing to keep
	}
	if err != nil {
		stop()
		return nil, nil, nil, err
	}
	return c, rec, stop, nil
}

func randomSuffix() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	return hex.EncodeToString(b)
}

// write prints the comparison for a person: a row per step, each side's
// answer in its column (request ids are in --json).
func (c *Conformance) write(b *strings.Builder, width int) {
	fmt.Fprintf(b, "\nConformance: both sides against the spec, and against each other\n")
	said := func(o Outcome) string {
		switch {
		case o.Problem != "":
			return o.Problem
		case o.Error != "":
			_, code, _ := strings.Cut(o.Error, "/") // the type is in --json
			return fmt.Sprintf("%d %s", o.HTTP, code)
		}
		return fmt.Sprintf("%d", o.HTTP)
	}
	fmt.Fprintf(b, "  %-28s  %-30s  %s\n", "", c.Targets[0], c.Targets[1])
	for i := 0; i+1 < len(c.Outcomes); i += 2 {
		fmt.Fprintf(b, "  %-28s  %-30s  %s\n", c.Outcomes[i].Step, said(c.Outcomes[i]), said(c.Outcomes[i+1]))
	}
	if len(c.Drift) == 0 {
		fmt.Fprintf(b, "  ✓ %s\n", hanging("no drift: every answer has the spec's keys, types and enum values, and both sides refuse alike", width, "    "))
		return
	}
	fmt.Fprintf(b, "  ✗ %d %s:\n", len(c.Drift), words.Plural(len(c.Drift), "drift", "drifts"))
	for _, dr := range c.Drift {
		fmt.Fprintf(b, "    %s\n", hanging(fmt.Sprintf("%s · %s · %s: %s", dr.Target, dr.Path, dr.Kind, dr.Detail), width, "      "))
	}
}

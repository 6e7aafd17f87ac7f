package wizard

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/internal/emutest"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

var testNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// rig is a wizard wired to real parts: a drafts store in a temporary
// directory and the emulator over loopback HTTP.
type rig struct {
	t     testing.TB
	deps  uikit.Deps
	store *drafts.Store
	emu   *emulator.Emulator
	d     *tuitest.Driver[uikit.Screen]
	w     *Model
	mu    sync.Mutex
	sent  []tea.Msg
}

func newRig(t testing.TB, env client.Environment) *rig {
	t.Helper()
	c, emu := emutest.Client(t, env, func() time.Time { return testNow })
	store := emutest.Store(t)
	r := &rig{t: t, store: store, emu: emu}
	r.deps = uikit.Deps{
		Env: env, Client: c, Store: store, Now: func() time.Time { return testNow },
		Send:      func(m tea.Msg) { r.mu.Lock(); r.sent = append(r.sent, m); r.mu.Unlock() },
		SaveQuiet: time.Millisecond, SaveMax: 5 * time.Millisecond,
		Programs: []widgets.PickOption{{Value: "becprg_11111111111111", Label: "Default program"}, {Value: "becprg_22222222222222", Label: "Relaxed program"}},
	}
	return r
}

// open starts a wizard on a new draft (or d) at 100×40.
func (r *rig) open(kind drafts.Kind, d *drafts.Draft) *Model {
	if d == nil {
		d = r.store.New(kind)
	}
	r.w = New(r.deps, d, nil)
	r.w.SetSize(100, 40)
	r.d = tuitest.New[uikit.Screen](r.t, r.w)
	r.d.Run(r.w.Init())
	r.t.Cleanup(func() { r.w.Close() })
	r.settle()
	return r.w
}

// send delivers messages, then waits until the checks of the answers
// have caught up with them.
func (r *rig) send(msgs ...tea.Msg) {
	r.t.Helper()
	r.d.Send(msgs...)
	r.settle()
}

// settle waits for the whole-request check of the answers as they are.
func (r *rig) settle() {
	r.t.Helper()
	r.d.WaitFor("the check of the answers", r.w.Fresh)
}

func (r *rig) keys(ks ...string) { r.t.Helper(); r.send(tuitest.Keys(ks...)...) }
func (r *rig) typ(s string)      { r.t.Helper(); r.send(tuitest.Type(s)...) }

// await waits for the answer of the request the last key sent.
func (r *rig) await() {
	r.t.Helper()
	r.d.WaitFor("the answer from the emulator", func() bool { return !r.waiting() })
	r.settle()
}

// screen is the wizard's body as text.
func (r *rig) screen() string { return ansi.Strip(r.w.View()) }

func (r *rig) see(wants ...string) {
	r.t.Helper()
	s := r.screen()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			r.t.Fatalf("the screen does not show %q:\n%s", w, s)
		}
	}
}

// goTo opens a step through the step list (ctrl+g), as a user would.
func (r *rig) goTo(id string) {
	r.t.Helper()
	r.keys("ctrl+g")
	for range len(r.w.flow.Visible()) + 1 {
		if v := r.w.flow.Visible(); r.w.sidebar < len(v) && r.w.flow.Steps[v[r.w.sidebar]].ID == id {
			r.keys("enter")
			return
		}
		r.keys("down")
	}
	r.t.Fatalf("no step %s in the step list", id)
}

func (r *rig) step() string { return r.w.flow.Steps[r.w.step].ID }

func (r *rig) atStep(id string) {
	r.t.Helper()
	if r.w.mode != modeEdit || r.step() != id {
		r.t.Fatalf("at step %s (mode %d), want %s\n%s", r.step(), r.w.mode, id, r.screen())
	}
}

func writeLogo(t *testing.T) string {
	path := filepath.Join(t.TempDir(), "logo.png")
	if err := os.WriteFile(path, samples.LogoPNG(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// holdAnswers points the wizard at a server that passes requests to the
// emulator but holds each answer until the test ends; the channel closes
// when the first request arrives.
func (r *rig) holdAnswers(t *testing.T) <-chan struct{} {
	release, arrived := make(chan struct{}), make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		once.Do(func() { close(arrived) })
		<-release
		r.emu.ServeHTTP(w, req)
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	r.deps.Client, _ = client.New(client.Config{Environment: client.Local, BaseURL: srv.URL, ClientID: "id", Secret: "secret",
		Budget: 30 * time.Second})
	return arrived
}

// waiting reports whether a request is on its way.
func (r *rig) waiting() bool {
	switch res := r.w.result.(type) {
	case *partnerResult:
		if res.busy != "" {
			return true
		}
	case *beaconResult:
		if res.busy != "" {
			return true
		}
	}
	return r.w.mode == modeSubmitting
}

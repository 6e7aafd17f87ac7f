package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/testbin"
	"github.com/plaid-onboard/plaid-onboard/internal/tmuxtest"
)

// creations counts the end customers an emulator created, by application
// name: a name created twice would be a customer sent twice.
// The create numbered holdAt is held in flight: held is closed when it
// arrives, and it is served (even though its client is gone) once
// release is closed.
type creations struct {
	next     http.Handler
	mu       sync.Mutex
	names    map[string]int
	arrived  int
	holdAt   int
	held     chan struct{}
	released chan struct{}
}

func (c *creations) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	if r.URL.Path == client.PathPartnerCustomerCreate {
		c.mu.Lock()
		c.arrived++
		hold := c.arrived == c.holdAt
		c.mu.Unlock()
		if hold {
			close(c.held)
			<-c.released
			r = r.WithContext(context.WithoutCancel(r.Context()))
		}
	}
	rec := httptest.NewRecorder()
	c.next.ServeHTTP(rec, r)
	if r.URL.Path == client.PathPartnerCustomerCreate && rec.Code == http.StatusOK {
		var req client.PartnerCustomerCreateRequest
		_ = json.Unmarshal(body, &req)
		c.mu.Lock()
		c.names[req.ApplicationName]++
		c.mu.Unlock()
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

// customersCSV is n customers, every tenth with a website that is no URL
// and an email without a domain.
func customersCSV(n int) string {
	var b strings.Builder
	b.WriteString("company_name,application_name,legal_entity_name,website,address.street,address.city,address.region,address.postal_code,address.country_code," +
		"customer_support_info.email,technical_contact.given_name,technical_contact.family_name,technical_contact.email,products.0,products.1,redirect_uris.0,is_diligence_attested\n")
	for i := 1; i <= n; i++ {
		website, email := fmt.Sprintf("https://c%03d.example.com", i), fmt.Sprintf("help@c%03d.example.com", i)
		if i%10 == 0 {
			website, email = "not a website", "help@"
		}
		fmt.Fprintf(&b, "Customer %03d Inc,Customer %03d App,Customer %03d Inc.,%s,%d Main St,Pawnee,IN,46001,US,%s,Ann,Perkins,ann@c%03d.example.com,auth,identity,https://c%03d.example.com/oauth,true\n",
			i, i, i, website, i, email, i, i)
	}
	return b.String()
}

// The goal of a batch: 100 customers imported from CSV (10 with
// problems), the problems fixed, all sent — with a SIGKILL in the middle
// of the send and a rerun — and 100 created, none twice.
func TestBatchOfAHundredSurvivesAKill(t *testing.T) {
	if testing.Short() {
		t.Skip("sends 100 requests through the binary")
	}
	emu, err := emulator.New(emulator.Options{ClientID: client.DemoClientID, Secret: client.DemoSecret})
	if err != nil {
		t.Fatal(err)
	}
	defer emu.Close()
	count := &creations{next: emu, names: map[string]int{}, holdAt: 31, held: make(chan struct{}), released: make(chan struct{})}
	srv := httptest.NewServer(count)
	defer srv.Close()
	env := testbin.Env(t, "PLAID_ONBOARD_EMULATOR_URL="+srv.URL, "PLAID_ONBOARD_KEYRING=off")
	file := filepath.Join(t.TempDir(), "customers.csv")
	if err := os.WriteFile(file, []byte(customersCSV(100)), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, string, int) {
		cmd := exec.Command(testbin.Path(t), args...)
		cmd.Env = env
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		_ = cmd.Run()
		return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
	}

	out, errOut, code := run("drafts", "import", "customer", "--file", file)
	if code != 0 || !strings.Contains(errOut, `100 drafts into batch "customers": 90 ready, 10 with problems`) {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(out, "line 11, column 4 · website:") || !strings.Contains(out, "line 11, column 10 · customer_support_info.email:") {
		t.Fatalf("the problems are not placed in the file:\n%s", out)
	}

	// The ten fixed by hand (the tmux test fixes one in the wizard).
	store, err := drafts.Open(filepath.Join(envDir(env, "PLAID_ONBOARD_DATA_DIR"), "drafts"),
		&drafts.Keys{File: drafts.KeyFilePath(envDir(env, "PLAID_ONBOARD_CONFIG_DIR"))})
	if err != nil {
		t.Fatal(err)
	}
	list, _, _ := store.List()
	for _, s := range list {
		d, err := store.Load(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Partner.Website == "not a website" {
			d.Partner.Website = fmt.Sprintf("https://fixed%03d.example.com", d.BatchIndex)
			d.Partner.CustomerSupportInfo.Email = fmt.Sprintf("help@fixed%03d.example.com", d.BatchIndex)
			if err := store.Save(d, drafts.SaveOptions{}); err != nil {
				t.Fatal(err)
			}
		}
	}

	// Killed with the 31st create in flight: the emulator makes it, its
	// answer is lost.
	cmd := exec.Command(testbin.Path(t), "submit", "--batch", "customers")
	cmd.Env = env
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-count.held:
	case <-t.Context().Done():
		t.Fatal("the 31st create never came")
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
	close(count.released)

	// The rerun sends only what was not sent; one caught in flight has an
	// unknown outcome and waits for --force.
	_, errOut, code = run("submit", "--batch", "customers")
	if code != 0 {
		t.Fatalf("rerun: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "1 draft has an unknown outcome and is not sent again") {
		t.Fatalf("the draft caught in flight is not held back:\n%s", errOut)
	}
	if _, errOut, code = run("submit", "--batch", "customers", "--force"); code != 0 || !strings.Contains(errOut, "created by the earlier attempt") {
		t.Fatalf("forced rerun: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "Batch customers now: 0 ready · 100 sent.") {
		t.Fatalf("after the reruns:\n%s", errOut)
	}
	if _, errOut, code = run("submit", "--batch", "customers"); code != 0 || !strings.Contains(errOut, "Nothing to send.") {
		t.Fatalf("a third run: exit %d\n%s", code, errOut)
	}
	count.mu.Lock()
	defer count.mu.Unlock()
	if len(count.names) != 100 {
		t.Errorf("%d customers created, want 100", len(count.names))
	}
	for name, n := range count.names {
		if n != 1 {
			t.Errorf("%s created %d times", name, n)
		}
	}
}

// The batch screen in a real terminal: the batch is one row on the home
// screen, its list names each draft's state, Enter opens the one with a
// problem at that problem, the fix shows back in the list, and s sends
// the batch with its results.
func TestTerminalBatchScreen(t *testing.T) {
	env := testbin.Env(t, "PLAID_ONBOARD_KEYRING=off")
	file := filepath.Join(t.TempDir(), "spring.csv")
	if err := os.WriteFile(file, []byte(customersCSV(10)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runBin(t, env, "drafts", "import", "customer", "--file", file); code != 0 {
		t.Fatalf("import: exit %d\n%s", code, errOut)
	}
	s := tmuxtest.Start(t, 100, 30, env, testbin.Path(t))
	s.WaitFor("Batches", "spring", "9 ready · 1 with problems")
	s.Keys("Down", "Down", "Down", "Down", "Enter")
	s.WaitFor("Batch spring", "Customer 010 App", "with problems")
	s.Keys("End")
	for range 9 {
		s.Keys("Down")
	}
	s.WaitUntil(func(screen string) bool { return strings.Contains(screen, "❯  10") }, "the cursor on the tenth")
	s.Keys("Enter")
	s.WaitFor("Website", "must not contain spaces")
	s.Keys("C-a", "C-k")
	s.Type("https://c010.example.com")
	s.WaitFor("https://c010.example.com")
	// Back in the list, the draft's first problem is now the next one.
	s.Keys("C-x")
	s.WaitFor("Batch spring", "customer_support_info.email")
	s.Keys("Enter")
	s.WaitFor("Support email", "type the domain after @")
	s.Keys("End")
	s.Type("c010.example.com")
	s.WaitFor("help@c010.example.com")
	s.Keys("C-x")
	s.WaitFor("Batch spring", "10 ready")
	s.Keys("s")
	s.WaitFor("Send 10 partner customers?")
	s.Keys("y")
	s.WaitFor("Sent 10, failed 0, skipped 0.", "0 ready · 10 sent")
	s.Keys("Escape")
	s.WaitFor("Batches", "0 ready · 10 sent")
	s.Keys("q")
	s.WaitExit()
}

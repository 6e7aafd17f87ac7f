package main

import (
	"bufio"
	"encoding/json"
	"io"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
	"github.com/plaid-onboard/plaid-onboard/internal/testbin"
	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
)

// The scriptable commands, run as a script would: the built binary against
// `plaid-onboard emulator` on loopback, with a known secret that must never
// appear in any output or file.

const (
	knownClientID = "ci_client_4f9a"
	knownSecret   = "s3cr3t-value-9d2b7e61c0ffee"
)

// scripting is a data directory, a serving emulator, and every output seen.
type scripting struct {
	t       *testing.T
	env     []string
	data    string
	config  string
	outputs []string
}

func newScripting(t *testing.T) *scripting {
	t.Helper()
	base := testbin.Env(t, "PLAID_ONBOARD_KEYRING=off", "PLAID_CLIENT_ID="+knownClientID, "PLAID_SECRET="+knownSecret)
	s := &scripting{t: t, data: envDir(base, "PLAID_ONBOARD_DATA_DIR"), config: envDir(base, "PLAID_ONBOARD_CONFIG_DIR")}
	state := filepath.Join(s.data, "served-emulator.db")
	cmd := exec.Command(testbin.Path(t), "emulator", "--addr", "127.0.0.1:0", "--state", state)
	cmd.Env = base
	stdout, _ := cmd.StdoutPipe()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		s.outputs = append(s.outputs, stderr.String())
		s.noSecretAnywhere()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	s.env = append(base, "PLAID_ONBOARD_EMULATOR_URL="+strings.TrimSpace(line))
	return s
}

// run runs the binary with stdin, returning stdout, stderr and the exit code.
func (s *scripting) run(stdin string, args ...string) (string, string, int) {
	s.t.Helper()
	return s.runEnv(s.env, stdin, args...)
}

func (s *scripting) runEnv(env []string, stdin string, args ...string) (string, string, int) {
	s.t.Helper()
	cmd := exec.Command(testbin.Path(s.t), args...)
	cmd.Env = env
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	code := exitCode(s.t, cmd.Run())
	s.outputs = append(s.outputs, out.String(), errb.String())
	return out.String(), errb.String(), code
}

// want runs a command and checks its exit code.
func (s *scripting) want(code int, stdin string, args ...string) (string, string) {
	s.t.Helper()
	out, errOut, got := s.run(stdin, args...)
	if got != code {
		s.t.Fatalf("plaid-onboard %s: exit %d, want %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), got, code, out, errOut)
	}
	return out, errOut
}

// store opens the drafts the binary reads.
func (s *scripting) store() *drafts.Store {
	s.t.Helper()
	store, err := drafts.Open(filepath.Join(s.data, "drafts"), &drafts.Keys{File: drafts.KeyFilePath(s.config)})
	if err != nil {
		s.t.Fatal(err)
	}
	return store
}

// draft saves a new draft, filled by fill, where the binary finds it.
func (s *scripting) draft(fill func(d *drafts.Draft)) *drafts.Draft {
	s.t.Helper()
	store := s.store()
	d := store.New(drafts.BeaconUser)
	fill(d)
	if err := store.Save(d, drafts.SaveOptions{}); err != nil {
		s.t.Fatal(err)
	}
	return d
}

// noSecretAnywhere checks every output and every file the program wrote.
func (s *scripting) noSecretAnywhere() {
	s.t.Helper()
	noSecretIn(s.t, knownSecret, s.outputs, s.data, s.config)
}

// noSecretIn fails when secret appears in an output or in a file under
// dirs — which must hold some file, or the check would prove nothing.
func noSecretIn(t *testing.T, secret string, outputs []string, dirs ...string) {
	t.Helper()
	for _, o := range outputs {
		if strings.Contains(o, secret) {
			t.Errorf("the secret appears in an output:\n%s", o)
		}
	}
	files := 0
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil //nolint:nilerr // an entry that cannot be read holds no secret to find
			}
			files++
			if b, _ := os.ReadFile(path); strings.Contains(string(b), secret) {
				t.Errorf("the secret is written in %s", path)
			}
			return nil
		})
	}
	if files == 0 {
		t.Error("no file was written: the check proves nothing")
	}
}

func writeJSONFile(t *testing.T, v any) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "body.json")
	b, _ := json.Marshal(v)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSubmitBeaconAndFollowUps(t *testing.T) {
	s := newScripting(t)
	body := writeJSONFile(t, samples.BeaconCreate())

	out, errOut := s.want(0, "", "submit", "beacon", "--file", body)
	if !strings.Contains(out, "Status") || !strings.Contains(out, "CLEARED") || !strings.Contains(errOut, "Sent: request") {
		t.Fatalf("text result:\n%s\n%s", out, errOut)
	}

	// From stdin, with the raw response: a second person.
	other := samples.BeaconCreate()
	other.ClientUserID = "from-stdin-1"
	other.User.Name.GivenName, other.User.EmailAddress = "Grace", "grace@example.com"
	other.User.IDNumber = client.BeaconUserIDNumber{}
	raw, _ := json.Marshal(other)
	out, _ = s.want(0, string(raw), "submit", "beacon", "--file", "-", "--json")
	var u client.BeaconUser
	if err := json.Unmarshal([]byte(out), &u); err != nil || u.ID == "" || u.ClientUserID != "from-stdin-1" {
		t.Fatalf("--json is not the response: %v\n%s", err, out)
	}

	// Follow-ups on that user: get, a refused review, a report, a review.
	out, _ = s.want(0, "", "beacon", "get", u.ID)
	if !strings.Contains(out, u.ID) {
		t.Fatalf("get:\n%s", out)
	}
	_, errOut = s.want(1, "", "beacon", "review", u.ID, "--status", "rejected")
	if !strings.Contains(errOut, "refused") || !strings.Contains(errOut, "request_id") {
		t.Fatalf("review without a report:\n%s", errOut)
	}
	out, _ = s.want(0, "", "beacon", "report", u.ID, "--type", "first_party", "--fraud-date", "2026-10-01", "--amount", "250")
	if !strings.Contains(out, "becrpt_") || !strings.Contains(out, "250.00 USD") {
		t.Fatalf("report:\n%s", out)
	}
	out, _ = s.want(0, "", "beacon", "review", u.ID, "--status", "rejected", "--json")
	if !strings.Contains(out, `"status": "rejected"`) {
		t.Fatalf("review:\n%s", out)
	}
	s.want(2, "", "beacon", "review", u.ID, "--status", "maybe")
	s.want(2, "", "beacon", "report", u.ID)
}

func TestSubmitRefusesInvalidInput(t *testing.T) {
	s := newScripting(t)
	bad := `{"program_id":"becprg_11111111111111","shoe_size":9,"user":{"name":{"given_name":"Ada"},"phone_number":"415 555"}}`
	_, errOut := s.want(2, bad, "submit", "beacon", "--file", "-")
	for _, want := range []string{"nothing was sent", "shoe_size", "client_user_id: is required", "user.phone_number", "user.date_of_birth"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	out, _ := s.want(2, bad, "submit", "beacon", "--file", "-", "--json")
	var problems struct {
		Problems []struct{ Path, Message string }
	}
	if err := json.Unmarshal([]byte(out), &problems); err != nil || len(problems.Problems) < 4 {
		t.Fatalf("--json problems: %v\n%s", err, out)
	}
	s.want(2, "not json", "submit", "customer", "--file", "-")
	s.want(2, "", "submit", "beacon")                           // neither --file nor --draft
	s.want(2, "", "submit", "teapot", "--file", "-")            // no such kind
	s.want(2, "", "submit", "beacon", "--file", "/nonexistent") // unreadable
	s.want(2, "", "submit", "beacon", "--draft", "zzzzzz")      // no such draft
}

func TestSubmitExitCodes(t *testing.T) {
	s := newScripting(t)
	body := writeJSONFile(t, samples.BeaconCreate())

	// 1: Plaid (here the emulator) refuses: an unknown program.
	unknown := samples.BeaconCreate()
	unknown.ProgramID = "becprg_00000000000000"
	out, errOut := s.want(1, "", "submit", "beacon", "--file", writeJSONFile(t, unknown), "--json")
	if !strings.Contains(out, `"error_code": "INVALID_FIELD"`) || !strings.Contains(errOut, "request_id") {
		t.Fatalf("refusal:\n%s\n%s", out, errOut)
	}

	// 3: nothing listening.
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := "http://" + ln.Addr().String()
	ln.Close()
	_, errOut, code := s.runEnv(append(s.env, "PLAID_ONBOARD_EMULATOR_URL="+closed), "", "submit", "beacon", "--file", body)
	if code != 3 || !strings.Contains(errOut, "not sent") {
		t.Fatalf("no server: exit %d\n%s", code, errOut)
	}

	// 130: interrupted while waiting on a server that never answers.
	hang, _ := net.Listen("tcp", "127.0.0.1:0")
	defer hang.Close()
	arrived := make(chan struct{})
	var once sync.Once
	go func() {
		for {
			c, err := hang.Accept()
			if err != nil {
				return
			}
			go func() {
				// The request is on its way once its first bytes come.
				if _, err := c.Read(make([]byte, 1)); err == nil {
					once.Do(func() { close(arrived) })
				}
				io.Copy(io.Discard, c)
			}()
		}
	}()
	cmd := exec.Command(testbin.Path(t), "submit", "beacon", "--file", body)
	cmd.Env = append(s.env, "PLAID_ONBOARD_EMULATOR_URL=http://"+hang.Addr().String())
	var errb strings.Builder
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-arrived: // the request reached the server, which never answers
	case <-done:
		t.Fatalf("the submit ended before its request arrived: %s", errb.String())
	}
	cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-done:
	case <-time.After(tuitest.Patience):
		cmd.Process.Kill()
		t.Fatal("an interrupted submit did not stop")
	}
	if code := cmd.ProcessState.ExitCode(); code != 130 || !strings.Contains(errb.String(), "outcome is unknown") {
		t.Fatalf("interrupted: exit %d\n%s", code, errb.String())
	}
	s.outputs = append(s.outputs, errb.String())
}

// A draft is sent by id; its submission is recorded on it, and a second
// send of a customer draft that created one needs --yes.
func TestSubmitDraftsAndCustomerFollowUps(t *testing.T) {
	s := newScripting(t)
	d := s.draft(func(d *drafts.Draft) { d.Kind, d.Partner = drafts.PartnerCustomer, samples.PartnerCreate() })
	s.want(2, "", "submit", "beacon", "--draft", d.ID) // the wrong kind

	out, _ := s.want(0, "", "submit", "customer", "--draft", d.ID, "--json")
	var created client.PartnerCustomerCreateResponse
	if err := json.Unmarshal([]byte(out), &created); err != nil || created.EndCustomer.ClientID == "" {
		t.Fatalf("create: %v\n%s", err, out)
	}
	list, _ := s.want(0, "", "drafts", "list", "--json")
	if !strings.Contains(list, created.EndCustomer.ClientID) {
		t.Fatalf("the submission is not recorded on the draft:\n%s", list)
	}
	_, errOut := s.want(2, "", "submit", "customer", "--draft", d.ID)
	if !strings.Contains(errOut, "--yes") {
		t.Fatalf("a second create was not stopped:\n%s", errOut)
	}
	s.want(2, "", "submit", "customer", "--draft", d.ID, "--env", "production") // production needs --yes (and real credentials)

	id := created.EndCustomer.ClientID
	out, _ = s.want(0, "", "customer", "get", id)
	if !strings.Contains(out, id) || !strings.Contains(out, "Status") {
		t.Fatalf("get:\n%s", out)
	}
	out, _ = s.want(0, "", "customer", "enable", id)
	if !strings.Contains(out, "ACTIVE") || !strings.Contains(out, "masked") {
		t.Fatalf("enable:\n%s", out)
	}
	s.want(1, "", "customer", "enable", id) // already enabled
	// The draft that created it shows the status after enable (#18).
	list, _ = s.want(0, "", "drafts", "list", "--json")
	if !strings.Contains(list, `"status": "ACTIVE"`) {
		t.Fatalf("the draft keeps the status create gave:\n%s", list)
	}

	// The curl export names the credentials, never their values.
	curl, _ := s.want(0, "", "export", d.ID, "--curl")
	if !strings.Contains(curl, "$PLAID_SECRET") || !strings.Contains(curl, "$PLAID_CLIENT_ID") {
		t.Fatalf("curl:\n%s", curl)
	}
}

// --debug (and PLAID_ONBOARD_DEBUG=1) shows every exchange: on stderr for
// a command; in a private file the plain prompts name. Personal data is
// masked and the secret appears nowhere, on screen or on disk.
func TestDebugShowsExchangesMasked(t *testing.T) {
	s := newScripting(t)
	body := writeJSONFile(t, samples.BeaconCreate())
	out, errOut := s.want(0, "", "submit", "beacon", "--file", body, "--debug", "--json")
	var u client.BeaconUser
	if err := json.Unmarshal([]byte(out), &u); err != nil {
		t.Fatalf("stdout is not the answer alone: %v\n%s", err, out)
	}
	for _, want := range []string{"--> POST /beacon/user/create (attempt 1)", "<-- HTTP 200", "request_id " + u.RequestID,
		"PLAID-SECRET (never shown)", `"date_of_birth": "••••••••••"`} {
		if !strings.Contains(errOut, want) {
			t.Errorf("the debug output lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, samples.BeaconCreate().User.DateOfBirth) {
		t.Errorf("the date of birth is shown:\n%s", errOut)
	}
	_, errOut, _ = s.runEnv(append(slices.Clone(s.env), "PLAID_ONBOARD_DEBUG=1"), "", "beacon", "get", u.ID)
	if !strings.Contains(errOut, "--> POST /beacon/user/get") {
		t.Errorf("PLAID_ONBOARD_DEBUG=1 shows nothing:\n%s", errOut)
	}

	// Accessible mode writes to a file and says where.
	answers := strings.Join(append([]string{"1", "", "Ada", "Lovelace", "1990-01-31", "", "",
		"United States", "California", "94105", "1 Market St", "", "San Francisco"}, append(slices.Repeat([]string{""}, 5), "s", "")...), "\n") + "\n"
	out, _, _ = s.runEnv(s.env, answers, "beacon", "--accessible", "--debug")
	m := regexp.MustCompile(`written to (\S+) \(personal data masked`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("the debug file is not named:\n%s", out)
	}
	fi, err := os.Stat(m[1])
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("debug file %v %v", fi, err)
	}
	if dir, _ := os.Stat(filepath.Dir(m[1])); dir.Mode().Perm() != 0o700 {
		t.Errorf("its directory is %v", dir.Mode().Perm())
	}
	log, _ := os.ReadFile(m[1])
	if !strings.Contains(string(log), "--> POST /beacon/user/create") || strings.Contains(string(log), "1990-01-31") {
		t.Errorf("the debug file:\n%s\nthe session:\n%s", log, out)
	}
	s.outputs = append(s.outputs, out)
}

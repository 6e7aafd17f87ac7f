package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/go-jose/go-jose/v4"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/fulldisk"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
	"github.com/plaid-onboard/plaid-onboard/internal/testbin"
)

// runIn runs the binary in dir.
func runIn(t *testing.T, dir string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(testbin.Path(t), args...)
	cmd.Env, cmd.Dir = env, dir
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	code = exitCode(t, cmd.Run())
	return out.String(), errb.String(), code
}

// exitCode is the exit code of a finished command (failing t when it
// could not be run at all).
func exitCode(t *testing.T, err error) int {
	t.Helper()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return 0
}

// The README's own example, `--state demo.db`, and a data directory given
// relative to the working directory, work as absolute ones do.
func TestRelativeStoreAndDataDirectory(t *testing.T) {
	dir := t.TempDir()
	env := testbin.Env(t)
	if _, stderr, code := runIn(t, dir, env, "emulator", "seed", "--users", "2", "--state", "demo.db"); code != 0 {
		t.Fatalf("--state demo.db: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "demo.db")); err != nil {
		t.Fatalf("the store is not where it was named: %v", err)
	}
	env = append(env, "PLAID_ONBOARD_DATA_DIR=rel-data")
	if _, stderr, code := runIn(t, dir, env, "emulator", "seed", "--users", "1"); code != 0 {
		t.Fatalf("a relative data directory: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "rel-data", "emulator.db")); err != nil {
		t.Fatalf("the local store is not in the relative data directory: %v", err)
	}
}

// accessibleAnswers screen one person in accessible mode; sendAndStop ends
// the input right after the send.
var accessibleAnswers = []string{
	"1", "", "Ada", "Lovelace", "1990-01-31", "ada@example.com", "+14155550100",
	"US", "CA", "94103", "1 Main St", "", "San Francisco", "us_ssn", "512345678",
	"a", "021000021", "1234567890", "", "", "203.0.113.7", "s",
}

func runAccessible(t *testing.T, env []string, answers []string) (string, int) {
	t.Helper()
	cmd := exec.Command(testbin.Path(t), "beacon", "--accessible")
	cmd.Env = env
	cmd.Stdin = strings.NewReader(strings.Join(answers, "\n") + "\n")
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	code := exitCode(t, cmd.Run())
	return out.String(), code
}

// Once a screening was sent, input ending is a normal end: exit 0, and no
// claim that nothing was sent (a script retrying on exit 2 would screen
// the person twice). The one-time notice that the drafts key lives in a
// file is read out before it is marked as said.
func TestAccessibleInputEndingAfterASend(t *testing.T) {
	env := testbin.Env(t, "PLAID_ONBOARD_KEYRING=off")
	out, code := runAccessible(t, env, accessibleAnswers)
	if code != 0 || strings.Contains(out, "nothing was sent") || !strings.Contains(out, "Status: CLEARED") {
		t.Fatalf("exit %d after a send:\n%s", code, out)
	}
	if !strings.Contains(out, "drafts.key") {
		t.Fatalf("the key file notice was not read out:\n%s", out)
	}
	// Said once: the next session does not repeat it.
	out, _ = runAccessible(t, env, accessibleAnswers[:3])
	if strings.Contains(out, "drafts.key") {
		t.Fatalf("the key file notice was read out twice:\n%s", out)
	}
}

// In the local environment listen asks the emulator at --emulator for the
// keys of kids it does not know. Whatever answers on that port gets the
// emulator's own credentials (the demo pair), never Plaid's; a key it
// hands out makes a webhook verify only "with the key from the emulator at
// …", said in the JSON.
func TestListenNeverSendsPlaidsSecretToALocalPort(t *testing.T) {
	attacker, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := json.Marshal(jose.JSONWebKey{Key: &attacker.PublicKey, KeyID: "squatter", Algorithm: "ES256", Use: "sig"})
	var jwk client.JWKPublicKey
	if err := json.Unmarshal(pub, &jwk); err != nil {
		t.Fatal(err)
	}
	secrets := make(chan string, 10)
	squatter := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secrets <- r.Header.Get("PLAID-SECRET")
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(client.WebhookVerificationKeyGetResponse{Key: jwk, RequestID: "req"})
	}))
	defer squatter.Close()

	env := testbin.Env(t, "PLAID_ONBOARD_KEYRING=off", "PLAID_CLIENT_ID="+knownClientID, "PLAID_SECRET="+knownSecret)
	m, out := started(t, env, regexp.MustCompile(`Receiving webhooks on (http://[^/ ]+/)`),
		"listen", "--addr", "127.0.0.1:0", "--json", "--emulator", squatter.URL)

	body := []byte(`{"webhook_type":"BEACON","webhook_code":"USER_STATUS_UPDATED","beacon_user_id":"becusr_x","environment":"sandbox"}`)
	sum := sha256.Sum256(body)
	claims, _ := json.Marshal(map[string]any{"iat": time.Now().Unix(), "request_body_sha256": hex.EncodeToString(sum[:])})
	signer, _ := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: attacker},
		(&jose.SignerOptions{}).WithType("JWT").WithHeader("kid", "squatter"))
	jws, _ := signer.Sign(claims)
	token, _ := jws.CompactSerialize()
	req, _ := http.NewRequest(http.MethodPost, m[1], bytes.NewReader(body))
	req.Header.Set("Plaid-Verification", token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	if got := <-secrets; got != client.DemoSecret {
		t.Fatalf("the key was asked for with secret %q, not the emulator's demo secret", got)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(line, `"key_source":"the emulator at `+squatter.URL+`"`) {
		t.Fatalf("the JSON does not say which source's key verified it: %s", line)
	}
}

// hangingServer accepts requests and never answers; arrived hears of each
// request's first bytes.
func hangingServer(t *testing.T) (url string, arrived <-chan struct{}) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	ch := make(chan struct{}, 16)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				if _, err := c.Read(make([]byte, 1)); err == nil {
					ch <- struct{}{}
				}
				io.Copy(io.Discard, c)
			}()
		}
	}()
	return "http://" + ln.Addr().String(), ch
}

// A submit killed (-9) while its request is on the way leaves the draft
// saying the outcome is unknown: sending it again needs --force, and
// nothing leaves without it.
func TestSubmitKilledMidSendIsNotSentAgain(t *testing.T) {
	s := newScripting(t)
	d := s.draft(func(d *drafts.Draft) { d.Beacon = samples.BeaconLocal() })
	url, arrived := hangingServer(t)
	env := append(s.env, "PLAID_ONBOARD_EMULATOR_URL="+url)
	cmd := exec.Command(testbin.Path(t), "submit", "beacon", "--draft", d.ID)
	cmd.Env = env
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	<-arrived // the request reached the server, which never answers
	cmd.Process.Kill()
	cmd.Wait()

	_, errOut, code := s.runEnv(env, "", "submit", "beacon", "--draft", d.ID)
	if code != 2 || !strings.Contains(errOut, "--force") {
		t.Fatalf("sent again after a kill: exit %d\n%s", code, errOut)
	}
	select {
	case <-arrived:
		t.Fatal("a second request left without --force")
	default:
	}
	list, _ := s.want(0, "", "drafts", "list")
	if !strings.Contains(list, "outcome unknown (stopped while sending)") {
		t.Fatalf("drafts list does not say the outcome is unknown:\n%s", list)
	}
	// A read settles it: here the request does reach the emulator, which
	// creates the person, but the answer never comes back; `beacon get` of
	// that person then says what became of the attempt.
	made := make(chan string, 1)
	release := make(chan struct{})
	emulatorURL := envDir(s.env, "PLAID_ONBOARD_EMULATOR_URL")
	swallow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, _ := http.NewRequest(r.Method, emulatorURL+r.URL.Path, r.Body)
		req.Header = r.Header.Clone()
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			var u client.BeaconUser
			json.NewDecoder(resp.Body).Decode(&u)
			resp.Body.Close()
			made <- u.ID
		}
		<-release // the answer never leaves
	}))
	defer swallow.Close()
	defer close(release) // before the server closes: it waits for its handlers
	cmd = exec.Command(testbin.Path(t), "submit", "beacon", "--draft", d.ID, "--force")
	cmd.Env = append(s.env, "PLAID_ONBOARD_EMULATOR_URL="+swallow.URL)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	id := <-made
	cmd.Process.Kill()
	cmd.Wait()
	s.want(0, "", "beacon", "get", id)
	list, _ = s.want(0, "", "drafts", "list")
	if strings.Contains(list, "outcome unknown") || !strings.Contains(list, "sent, cleared") {
		t.Fatalf("a get of the person it made did not settle the attempt:\n%s", list)
	}
	// Settled, the draft re-screens that person: no --force needed.
	out, _ := s.want(0, "", "submit", "beacon", "--draft", d.ID, "--json")
	var again client.BeaconUser
	if err := json.Unmarshal([]byte(out), &again); err != nil || again.ID != id || again.Version != 2 {
		t.Fatalf("sending again: %+v %v", again, err)
	}
}

// When the disk fills between the send and its record, the submit says
// only what was saved: sent, but not recorded; the draft still says the
// outcome is unknown, so sending again asks first, and a get settles it.
func TestSubmitSaysOnlyWhatWasSaved(t *testing.T) {
	s := newScripting(t)
	// The draft as it will be with the attempt recorded: the file may
	// grow to that, and not by the 8 KB request id the answer brings.
	d := s.draft(func(d *drafts.Draft) {
		d.Beacon = samples.BeaconLocal()
		d.Submissions = []drafts.Submission{{At: time.Now(), Env: client.Local, Endpoint: client.PathBeaconUserCreate, Outcome: drafts.OutcomeSending}}
	})
	store := s.store()
	fi, err := os.Stat(filepath.Join(store.Dir(), d.ID+".json"))
	if err != nil {
		t.Fatal(err)
	}
	d.Submissions = nil
	if err := store.Save(d, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	emulatorURL := envDir(s.env, "PLAID_ONBOARD_EMULATOR_URL")
	longID := strings.Repeat("r", 8<<10)
	made := make(chan string, 1)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, _ := http.NewRequest(r.Method, emulatorURL+r.URL.Path, r.Body)
		req.Header = r.Header.Clone()
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		var answer map[string]any
		json.NewDecoder(resp.Body).Decode(&answer)
		answer["request_id"] = longID
		made <- fmt.Sprint(answer["id"])
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(resp.StatusCode)
		json.NewEncoder(w).Encode(answer)
	}))
	defer proxy.Close()
	blocks := int(fi.Size()/512) + 2
	cmd := fulldisk.Command(blocks, testbin.Path(t), "submit", "beacon", "--draft", d.ID)
	cmd.Env = append(s.env, "PLAID_ONBOARD_EMULATOR_URL="+proxy.URL)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("sent, yet: %v\n%s", err, stderr.String())
	}
	id := <-made
	if strings.Contains(stderr.String(), "; recorded on draft") || !strings.Contains(stderr.String(), "could not be recorded") ||
		!strings.Contains(stderr.String(), "beacon get "+id) {
		t.Fatalf("the submit claims what it did not save, or gives no way to check:\n%s", stderr.String())
	}
	_, errOut, code := s.run("", "submit", "beacon", "--draft", d.ID)
	if code != 2 || !strings.Contains(errOut, "--force") {
		t.Fatalf("after an unrecorded send, a plain resend: exit %d\n%s", code, errOut)
	}
	s.want(0, "", "beacon", "get", id)
	if list, _ := s.want(0, "", "drafts", "list"); !strings.Contains(list, "sent, cleared") {
		t.Fatalf("the get did not settle the draft:\n%s", list)
	}
}

// submit on a body of 100,000 bad accounts refuses it for Plaid's limit
// and lists a bounded number of problems: a few kilobytes, not 24 MB.
func TestSubmitOfAHostileBodyIsBounded(t *testing.T) {
	req := samples.BeaconLocal()
	req.User.DepositoryAccounts = make([]client.BeaconUserRequestDepositoryAccount, 100_000)
	for i := range req.User.DepositoryAccounts {
		req.User.DepositoryAccounts[i] = client.BeaconUserRequestDepositoryAccount{RoutingNumber: "1", AccountNumber: "x"}
	}
	_, stderr, code := runBin(t, testbin.Env(t, "PLAID_ONBOARD_KEYRING=off"), "submit", "beacon", "--file", writeJSONFile(t, req))
	if code != 2 || len(stderr) > 16<<10 || !strings.Contains(stderr, "at most 50") || !strings.Contains(stderr, "more (fix these first") {
		t.Fatalf("exit %d, %d bytes on stderr:\n%.2000s", code, len(stderr), stderr)
	}
}

// A name or an id holding terminal commands (OSC 52 writes the
// clipboard, OSC 0 the window title, OSC 8 hides a link, CSI 2J clears
// the screen) is printed as text, to a pipe and to a terminal; --json
// stays exact JSON.
func TestTerminalCommandsInAnswersArePrintedAsText(t *testing.T) {
	s := newScripting(t)
	url := envDir(s.env, "PLAID_ONBOARD_EMULATOR_URL")
	c, err := client.New(client.Config{Environment: client.Local, BaseURL: url, ClientID: client.DemoClientID, Secret: client.DemoSecret})
	if err != nil {
		t.Fatal(err)
	}
	// Plaid's answer is what carries them: a server answers as the
	// emulator does, with the name and the id changed.
	u, err := c.CreateBeaconUser(context.Background(), samples.BeaconLocal())
	if err != nil {
		t.Fatal(err)
	}
	hostile := *u
	hostile.User.Name.GivenName = "Ann\x1b]52;c;ZWNobyBvd25lZA==\x07\x1b]0;owned\x07"
	hostile.User.Name.FamilyName = "\x1b]8;;https://evil.example\x1b\\Perkins\x1b]8;;\x1b\\\x1b[2J"
	hostile.ClientUserID = "u\u009b2J\u202e1"
	answer, _ := json.Marshal(hostile)
	plaid := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(answer)
	}))
	defer plaid.Close()
	s.env = append(s.env, "PLAID_ONBOARD_EMULATOR_URL="+plaid.URL)
	out, _ := s.want(0, "", "beacon", "get", u.ID)
	if strings.ContainsRune(out, 0x1b) || strings.ContainsRune(out, 0x07) || !strings.Contains(out, "Ann␛]52") {
		t.Fatalf("to a pipe:\n%q", out)
	}
	out, _ = s.want(0, "", "beacon", "get", u.ID, "--json")
	var back client.BeaconUser
	if err := json.Unmarshal([]byte(out), &back); err != nil || back.User.Name.GivenName != hostile.User.Name.GivenName {
		t.Fatalf("--json is not the exact answer: %v\n%s", err, out)
	}

	// To a terminal: the program's own output, read raw from a pty.
	cmd := exec.Command(testbin.Path(t), "beacon", "get", u.ID)
	cmd.Env = s.env
	tty, err := pty.Start(cmd)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(tty) // ends when the program exits (EIO)
	cmd.Wait()
	for _, bad := range []string{"\x1b]", "\x1b[2J", "\x07", "\u009b", "\u202e"} {
		if bytes.Contains(raw, []byte(bad)) {
			t.Fatalf("to a terminal, %q reached it:\n%q", bad, raw)
		}
	}
	if !bytes.Contains(raw, []byte("Ann␛]52")) {
		t.Fatalf("the name is not shown:\n%q", raw)
	}
}

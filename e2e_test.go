package main

import (
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
	"github.com/plaid-onboard/plaid-onboard/internal/testbin"
	"github.com/plaid-onboard/plaid-onboard/internal/tmuxtest"
)

// These tests run the real binary in a real terminal (tmux), against the
// built-in emulator, typing as a person does and reading the screen.

// TestTerminalPartnerFlow fills the whole partner wizard — with a support
// phone typed in national form and its E.164 suggestion taken — sends it,
// and reads the result screen.
func TestTerminalPartnerFlow(t *testing.T) {
	logo := filepath.Join(t.TempDir(), "logo.png")
	if err := os.WriteFile(logo, samples.LogoPNG(), 0o600); err != nil {
		t.Fatal(err)
	}
	// Plaid's pair, set as a user with sandbox keys would have it: the local
	// environment never uses it, and it must appear nowhere.
	env := testbin.Env(t, "PLAID_ONBOARD_KEYRING=off", "PLAID_CLIENT_ID="+knownClientID, "PLAID_SECRET="+knownSecret)
	s := tmuxtest.Start(t, 100, 30, env, testbin.Path(t), "customer")
	s.WaitFor("Company name", "LOCAL")

	s.Type("Pawnee Parks Credit Union")
	s.Keys("Tab")
	s.Type("Pawnee Parks Money")
	s.Keys("Tab")
	s.Type("Pawnee Parks Credit Union, Inc.")
	s.Keys("Tab")
	s.Type("pawneeparkscu.example.com")
	s.Keys("Enter")

	s.WaitFor("Country", "Region")
	s.Type("USA") // the three-letter code finds it
	s.WaitFor("United States")
	s.Keys("Enter")
	s.Type("ind")
	s.WaitFor("Indiana")
	s.Keys("Enter")
	s.Type("46001")
	s.Keys("Tab")
	s.Type("123 Main St.")
	s.Keys("Tab")
	s.Type("Pawnee")
	s.Keys("Enter")

	s.WaitFor("Support email")
	s.Type("support@pawneeparkscu.example.com")
	s.Keys("Tab")
	s.Type("(415) 555-01")
	s.WaitFor("Plaid gives this field no format") // advice while typing, not an error…
	s.Type("00")
	s.WaitFor("+14155550100", "ctrl+y")
	s.Keys("C-y") // …and its suggestion taken
	s.WaitGone("Plaid gives this field no format")
	s.Keys("Tab")
	s.Type("pawneeparkscu.example.com/contact") // as Plaid's example: advice and an https fix
	s.WaitFor("→ https://pawneeparkscu.example.com/contact")
	s.Keys("C-y")
	s.WaitGone("→ https://")
	s.Keys("Tab", "Enter")

	s.WaitFor("Technical contact")
	s.Keys("Down", "Enter") // fill in the technical contact
	s.WaitFor("Given name")
	s.Type("Ann")
	s.Keys("Tab")
	s.Type("Perkins")
	s.Keys("Tab")
	s.Type("ann@pawneeparkscu.example.com")
	s.Keys("Enter")
	s.WaitFor("Billing contact")
	s.Keys("Enter") // the partner's default

	s.WaitFor("Auth (account and routing numbers)")
	s.Keys("Down", "Space", "Down", "Down", "Space", "Enter") // auth, identity
	s.WaitFor("More products")
	s.Keys("Enter")

	s.WaitFor("Logo file")
	s.Type("~/") // once a crash; now the home directory's entries are offered
	s.WaitFor("~/")
	s.Keys("C-u")
	s.Type(strings.TrimSuffix(logo, "go.png")) // …/lo, then Tab completes it
	s.Keys("Tab")
	s.WaitFor("logo.png · 1024×1024")
	s.Keys("Enter")

	s.WaitFor("No redirect URIs yet")
	s.Keys("a")
	s.WaitFor("Redirect URI")
	s.Type("https://pawneeparkscu.example.com/oauth.html")
	s.Keys("Enter")
	s.WaitFor("1. https://pawneeparkscu.example.com/oauth.html")
	s.Keys("Tab")

	s.WaitFor("accepted the bank addendum")
	s.Keys("Down", "Enter") // yes: stamps the time
	s.Type("192.0.2.42")
	s.Keys("Tab", "Enter")

	s.WaitFor("completed diligence")
	s.Keys("Down", "Enter", "Down", "Enter")

	s.WaitFor("Ready to send")
	s.Keys("s")
	screen := s.WaitFor("End customer created", "client_id", "Pawnee Parks Credit Union", "Products", "auth", "identity", "••••")
	if !regexp.MustCompile(`client_id\s+\S{20,}`).MatchString(screen) {
		t.Fatalf("no client_id on the result screen:\n%s", screen)
	}

	s.Keys("r") // reveal the end customer's secrets: on screen only
	s.WaitGone("masked: r reveals")

	// Leave: the draft keeps the submission, and no file holds the secret.
	s.Keys("C-c")
	if code := s.WaitExit(); code != 130 && code != 0 {
		t.Fatalf("exit %d", code)
	}
	list, _, _ := runBin(t, env, "drafts", "list", "--json")
	if !strings.Contains(list, "last_submission") {
		t.Fatalf("the submission is not on the draft:\n%s", list)
	}
	noSecretIn(t, knownSecret, []string{s.Screen(), list}, envDir(env, "PLAID_ONBOARD_DATA_DIR"), envDir(env, "PLAID_ONBOARD_CONFIG_DIR"))
}

func envDir(env []string, name string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, name+"="); ok {
			return v
		}
	}
	return ""
}

// screenAda fills the Beacon wizard for one person, with the slips a new
// user makes on the way (#18), and sends it.
func screenAda(t *testing.T, s *tmuxtest.Session) string {
	t.Helper()
	s.WaitFor("Beacon program", "Default program")
	s.Keys("Enter") // the highlighted first program is taken as it is
	s.WaitFor("Client user id")
	s.Keys("C-y") // the generated id
	s.Keys("Enter")
	s.WaitFor("Given name")
	s.Type("Ada")
	s.Keys("Tab")
	s.Type("Lovelace")
	s.Keys("Enter")
	s.WaitFor("Date of birth")
	s.Type("1975-02-30") // no such day: an error as it is typed
	s.WaitFor("is not a real calendar date")
	s.Keys("C-u")
	s.Type("1990-01-31")
	s.WaitFor("✓ Name")
	s.Keys("Enter")
	s.WaitFor("Email")
	s.Type("ada@example.com")
	s.Keys("Tab")
	s.Type("4155550100") // national form: the fix adds the country code
	screen := s.WaitFor("+14155550100", "ctrl+y")
	if strings.Contains(screen, "+0") {
		t.Fatalf("a calling code +0 is offered:\n%s", screen)
	}
	s.Keys("C-y", "BSpace") // the cursor is at the end after the fix
	s.Type("0")
	s.Keys("Enter")
	s.WaitFor("Country")
	s.Type("USA") // the three-letter code finds it
	s.WaitFor("United States")
	s.Keys("Enter")
	s.Type("calif")
	s.WaitFor("California")
	s.Keys("Enter")
	s.Type("94105")
	s.Keys("Tab")
	s.Type("1 Market St")
	s.Keys("Tab", "Tab")
	s.Type("San Francisco")
	s.Keys("Enter")
	s.WaitFor("ID type")
	s.Type("social")
	s.WaitFor("US Social Security number")
	s.Keys("Enter")
	s.Type("078-05-1120") // with dashes: the fix is shown masked
	screen = s.WaitFor("ctrl+y", "•••••1120")
	if strings.Contains(screen, "078051120") || strings.Contains(screen, "078-05") {
		t.Fatalf("the SSN is shown in full:\n%s", screen)
	}
	s.Keys("C-y", "Enter")
	s.WaitFor("No bank accounts yet")
	s.Keys("PageDown")
	s.WaitFor("No access tokens yet")
	s.Keys("PageDown")
	s.WaitFor("IP address")
	s.Type("192.168.1.300")
	s.WaitFor("✗ must be an IPv4 address")
	s.WaitFor("› IP address ✗") // the current step keeps its › and says it is wrong
	s.Keys("C-g")               // so does the step list's cursor
	s.WaitFor("❯ IP address ✗")
	s.Keys("Escape")
	s.WaitGone("❯ IP address")
	s.Keys("C-u")
	s.Type("203.0.113.7")
	s.WaitGone("✗ must be an IPv4 address")
	s.Keys("Enter")
	screen = s.WaitFor("Ready to send")
	if strings.Contains(screen, "✗") {
		t.Fatalf("a step is still marked wrong:\n%s", screen)
	}
	s.Keys("s")
	return s.WaitFor("Beacon user", "version")
}

// TestTerminalBeaconClearedThenRejected screens one person (cleared),
// reports them for fraud, then screens the same person again: rejected.
func TestTerminalBeaconClearedThenRejected(t *testing.T) {
	env := testbin.Env(t, "PLAID_ONBOARD_KEYRING=off")
	s := tmuxtest.Start(t, 100, 30, env, testbin.Path(t), "beacon")
	screen := screenAda(t, s)
	if !strings.Contains(screen, "CLEARED") || !strings.Contains(screen, "Nothing found") {
		t.Fatalf("first screening not cleared:\n%s", screen)
	}
	s.Keys("p") // report fraud
	s.WaitFor("What kind of fraud?")
	s.Keys("Enter") // first party
	s.WaitFor("When did it happen?")
	s.Keys("Enter") // today
	s.Keys("Enter") // amount unknown
	s.WaitFor("for fraud: first party", "amount unknown", "cannot delete a report")
	s.Keys("y") // a report cannot be undone: it asks first
	s.WaitFor("fraud report becrpt_")
	s.Keys("C-c")
	s.WaitExit()

	// The same person again, in a second run with the same data directory.
	s2 := tmuxtest.Start(t, 100, 30, env, testbin.Path(t), "beacon")
	screen = screenAda(t, s2)
	if !strings.Contains(screen, "REJECTED") || !strings.Contains(screen, "fraud reports") {
		t.Fatalf("second screening not rejected:\n%s", screen)
	}
	s2.Keys("C-c")
	s2.WaitExit()
}

// sgrColour matches a colour in an SGR sequence: 30–37, 40–47, 90–97,
// 38;… and 48;….
var sgrColour = regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m`)

func withoutNoColor(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "NO_COLOR=") {
			out = append(out, kv)
		}
	}
	return out
}

// NO_COLOR leaves the screen without colour; without it there is colour
// (so the check can tell the difference).
func TestTerminalNoColor(t *testing.T) {
	env := testbin.Env(t, "PLAID_ONBOARD_KEYRING=off")
	plain := tmuxtest.Start(t, 80, 24, env, testbin.Path(t))
	plain.WaitFor("New partner customer")
	if c := sgrColour.FindString(plain.ScreenANSI()); c != "" {
		t.Fatalf("NO_COLOR set, yet the screen has colour %q:\n%q", c, plain.ScreenANSI())
	}
	// A placeholder says it is an example, so without colour it cannot
	// pass for a typed answer; faint and italic mark it as well, focused or
	// not. The first character of a focused one sits under the cursor
	// (reverse video, blinking), so the style is read after it.
	form := tmuxtest.Start(t, 80, 24, env, testbin.Path(t), "customer")
	form.WaitFor("Company name", "e.g. https://example.com")
	placeholderMarked(t, form.ScreenANSI(), "unfocused")
	form.Keys("Tab", "Tab", "Tab")
	// Only the focused field has the thick bar beside it and says it is
	// required while empty.
	form.WaitUntil(func(screen string) bool {
		return regexp.MustCompile(`┃ > e\.g\. https://example\.com *\n[^\n]*… required`).MatchString(screen)
	}, "the Website field focused")
	screen := form.ScreenANSI()
	if c := sgrColour.FindString(screen); c != "" {
		t.Fatalf("NO_COLOR set, yet the form has colour %q", c)
	}
	placeholderMarked(t, screen, "focused")
	coloured := tmuxtest.Start(t, 80, 24, withoutNoColor(env), testbin.Path(t))
	coloured.WaitFor("New partner customer")
	if !sgrColour.MatchString(coloured.ScreenANSI()) {
		t.Fatalf("without NO_COLOR the screen has no colour:\n%q", coloured.ScreenANSI())
	}
}

// placeholderMarked fails unless the Website placeholder is drawn faint
// and italic (past its first character, where a cursor may sit).
func placeholderMarked(t *testing.T, screenANSI, state string) {
	t.Helper()
	st, ok := tmuxtest.StyleAt(screenANSI, ".g. https://example.com")
	if !ok {
		t.Fatalf("no Website placeholder on the screen:\n%q", screenANSI)
	}
	if !st.Faint || !st.Italic {
		t.Fatalf("the %s placeholder is drawn %+v, not faint and italic:\n%q", state, st, screenANSI)
	}
}

// The wizard stays whole from 80×24 down to 60×20 and redraws cleanly on
// resize; far smaller or a storm of resizes does not crash it, and a 1 MB
// paste is cut to the field's limit.
func TestTerminalResizeAndAbuse(t *testing.T) {
	env := testbin.Env(t, "PLAID_ONBOARD_KEYRING=off")
	s := tmuxtest.Start(t, 80, 24, env, testbin.Path(t), "customer")
	s.WaitFor("Company name", "LOCAL", "pgdn next step")
	s.Resize(60, 20)
	screen := s.WaitFor("Company name", "LOCAL")
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	if len(lines) > 20 || !strings.Contains(lines[0], "LOCAL") {
		t.Fatalf("at 60×20 the header is lost or the screen overflows:\n%s", screen)
	}
	for _, size := range [][2]int{{20, 5}, {1, 1}, {200, 60}, {61, 19}, {90, 25}, {30, 10}, {80, 24}} {
		s.Resize(size[0], size[1])
	}
	s.WaitFor("Company name", "LOCAL")
	s.Paste(strings.Repeat("x", 1<<20))
	s.WaitFor("xxxxxxxxxx")
	s.Type("\x01\x02\x1b[31m") // control characters and an escape sequence
	s.Keys("Tab")
	screen = s.WaitFor("Application name")
	if strings.Contains(screen, "[exited") {
		t.Fatalf("the program ended:\n%s", screen)
	}
	s.Keys("C-c")
	if code := s.WaitExit(); code != 130 {
		t.Fatalf("Ctrl-C exit %d", code)
	}
	// Leaving names the draft kept and the command that resumes it.
	left := regexp.MustCompile(`Draft (\w+) \(partner customer\) is kept: plaid-onboard customer --draft (\w+) resumes it\.`).
		FindStringSubmatch(strings.ReplaceAll(s.WaitFor("is kept"), "\n", ""))
	if left == nil || left[1] != left[2] {
		t.Fatalf("no leaving line naming the draft:\n%s", s.Screen())
	}
	// The paste was kept, cut to the field's 256 characters.
	out, _, code := runBin(t, env, "drafts", "list", "--json")
	if code != 0 || !strings.Contains(out, left[1]) || !strings.Contains(out, strings.Repeat("x", 256)) || strings.Contains(out, strings.Repeat("x", 257)) {
		t.Fatalf("drafts after the paste (exit %d): %.300s", code, out)
	}
}

// "Enter go fix it" on a requirement Plaid reports opens its step with the
// cursor in that very field: what is typed lands there, not in the first.
func TestTerminalRequirementFixLandsOnItsField(t *testing.T) {
	env := testbin.Env(t, "PLAID_ONBOARD_KEYRING=off")
	store, err := drafts.Open(filepath.Join(envDir(env, "PLAID_ONBOARD_DATA_DIR"), "drafts"),
		&drafts.Keys{File: drafts.KeyFilePath(envDir(env, "PLAID_ONBOARD_CONFIG_DIR"))})
	if err != nil {
		t.Fatal(err)
	}
	d := store.New(drafts.PartnerCustomer)
	d.Partner = samples.PartnerMinimal() // no legal entity name: Plaid asks for it
	if err := store.Save(d, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	s := tmuxtest.Start(t, 100, 30, env, testbin.Path(t), "customer", "--draft", d.ID)
	s.WaitFor("Company name")
	s.Keys("C-r")
	s.WaitFor("Ready to send")
	s.Keys("s")
	s.WaitFor("Still needed", "Legal entity name", "legal_entity_name")
	s.Keys("Enter")
	s.WaitFor("Legal entity name", "Company name")
	s.Type("Eagleton Bank, N.A.")
	s.WaitFor("Eagleton Bank, N.A.")
	s.Keys("C-c")
	s.WaitExit()
	out, _, code := runBin(t, env, "drafts", "export", d.ID)
	if code != 0 || !strings.Contains(out, `"legal_entity_name":"Eagleton Bank, N.A."`) || !strings.Contains(out, `"company_name":"Eagleton Bank"`) {
		t.Fatalf("the fix did not land in its field (exit %d):\n%s", code, out)
	}
}

// An agent's path in a real terminal: a screening that duplicates someone
// screened before, the person opened from the result (w), the matched
// email marked, the decision (cleared) asked about and shown.
func TestTerminalDuplicateToDecision(t *testing.T) {
	env := testbin.Env(t, "PLAID_ONBOARD_KEYRING=off")
	first := samples.BeaconLocal()
	first.ClientUserID, first.User.EmailAddress = "first-ada", "ADA@example.com"
	first.User.Name.GivenName, first.User.Name.FamilyName = "Augusta", "Byron"
	if out, errOut, code := runBin(t, env, "submit", "beacon", "--file", writeJSONFile(t, first)); code != 0 {
		t.Fatalf("first screening: exit %d\n%s\n%s", code, out, errOut)
	}
	s := tmuxtest.Start(t, 110, 40, env, testbin.Path(t), "beacon")
	screen := screenAda(t, s)
	if !strings.Contains(screen, "PENDING REVIEW") {
		t.Fatalf("the duplicate is not pending review:\n%s", screen)
	}
	s.Keys("w") // why? the person view
	s.WaitFor("Duplicate becdup_", "this user", "Augusta Byron")
	screen = s.WaitFor("Email")
	if !regexp.MustCompile(`Email\s.*✓ match`).MatchString(screen) {
		t.Fatalf("the matched email is not marked:\n%s", screen)
	}
	s.Keys("v")
	s.WaitFor("Decide: set the status of", "cleared")
	s.Keys("Up", "Enter")
	s.WaitFor("to cleared?", "Plaid's rules")
	s.Keys("y")
	s.WaitFor("CLEARED", "Cleared by hand after review")
	s.Keys("C-c")
	s.WaitExit()
}

// listen in a real terminal: the webhooks of a duplicate screening appear
// verified; Enter shows one's JSON; o opens the person, Esc comes back.
func TestTerminalListen(t *testing.T) {
	env := testbin.Env(t, "PLAID_ONBOARD_KEYRING=off")
	s := tmuxtest.Start(t, 120, 30, env, testbin.Path(t), "listen", "--addr", "127.0.0.1:0", "--emulator", "")
	screen := s.WaitFor("Receiving webhooks on", "Waiting for webhooks")
	hook := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(screen)
	submitTwins(t, env, emulatorSendingTo(t, env, hook))
	// The duplicate, then the second person cleared by hand: wait for
	// both, then neither may be refused.
	screen = s.WaitUntil(func(screen string) bool {
		return strings.Contains(screen, "BEACON DUPLICATE_DETECTED") && strings.Count(screen, "BEACON USER_STATUS_UPDATED") == 1
	}, "a duplicate and a status update")
	if strings.Contains(screen, "✗") {
		t.Fatalf("want a duplicate and a status update, both verified:\n%s", screen)
	}
	s.Keys("Enter") // the newest: the second user's status
	s.WaitFor("verified ✓", `"webhook_code": "USER_STATUS_UPDATED"`)
	s.Keys("Escape")
	s.WaitFor("BEACON DUPLICATE_DETECTED")
	s.Keys("o")
	s.WaitFor("CLEARED", "Duplicate becdup_")
	s.Keys("Escape")
	s.WaitFor("BEACON DUPLICATE_DETECTED", "Receiving webhooks on")
	s.Keys("q")
	if code := s.WaitExit(); code != 0 {
		t.Fatalf("exit %d", code)
	}
}

// The README's two-terminal demo as a new user runs it: an emulator
// served in memory (no --state) sends to listen; o opens the person on
// that emulator — listen fetched the webhook's key there, so it knows
// where the person is — and names it; `emulator webhooks --from` lists
// what it sent.
func TestTerminalListenOpensThePersonWhereTheWebhookCameFrom(t *testing.T) {
	env := testbin.Env(t, "PLAID_ONBOARD_KEYRING=off")
	port, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := "http://" + port.Addr().String()
	port.Close() // the emulator takes it below
	s := tmuxtest.Start(t, 120, 30, env, testbin.Path(t), "listen", "--addr", "127.0.0.1:0", "--emulator", served)
	hook := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(s.WaitFor("Receiving webhooks on", "Waiting for webhooks"))
	m, out := started(t, env, regexp.MustCompile(`emulator ready at (http://\S+)`),
		"emulator", "--addr", strings.TrimPrefix(served, "http://"), "--webhook", hook)
	go io.Copy(io.Discard, out)
	submitTwins(t, env, m[1])
	s.WaitUntil(func(screen string) bool {
		return strings.Contains(screen, "BEACON DUPLICATE_DETECTED") && strings.Count(screen, "BEACON USER_STATUS_UPDATED") == 1
	}, "a duplicate and a status update")
	s.WaitFor("✓ the emulator at " + served)
	s.Keys("o") // the newest: the second person's status
	s.WaitFor("CLEARED", "emulator at "+served)
	s.Keys("Escape")
	s.WaitFor("BEACON DUPLICATE_DETECTED", "Receiving webhooks on")

	list, errOut, code := runBin(t, env, "emulator", "webhooks", "--from", served)
	if code != 0 || strings.Count(list, "USER_STATUS_UPDATED") != 1 || !strings.Contains(list, "DUPLICATE_DETECTED") {
		t.Fatalf("emulator webhooks --from (exit %d):\n%s\n%s", code, list, errOut)
	}
	list, _, _ = runBin(t, append(env, "PLAID_ONBOARD_EMULATOR_URL="+served), "emulator", "webhooks")
	if !strings.Contains(list, "DUPLICATE_DETECTED") {
		t.Fatalf("emulator webhooks with PLAID_ONBOARD_EMULATOR_URL set:\n%s", list)
	}
}

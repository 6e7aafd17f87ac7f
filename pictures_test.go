package main

import (
	"net/http"
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

// EnvPictures names the directory TestPictures writes the README's
// screens to; scripts/pictures.sh sets it and renders them with freeze.
const EnvPictures = "PLAID_ONBOARD_PICTURES"

// TestPictures drives the real binary in a real terminal through the
// screens the README shows, capturing each with its colours (ANSI) for
// scripts/pictures.sh to render. It runs only when asked.
func TestPictures(t *testing.T) {
	dir := os.Getenv(EnvPictures)
	if dir == "" {
		t.Skip("renders the README's pictures: scripts/pictures.sh")
	}
	env := withoutNoColor(testbin.Env(t, "PLAID_ONBOARD_KEYRING=off", "COLORTERM=truecolor"))
	shot := func(s *tmuxtest.Session, name string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name+".ansi"), []byte(s.ScreenANSI()), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// The home screen, with a batch and two drafts.
	batch := filepath.Join(t.TempDir(), "spring-customers.csv")
	if err := os.WriteFile(batch, []byte(customersCSV(12)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runBin(t, env, "drafts", "import", "customer", "--file", batch); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	partner := writeJSONFile(t, samples.PartnerMinimal())
	created, errOut, code := runBin(t, env, "submit", "customer", "--json", "--file", partner)
	customerID := regexp.MustCompile(`"client_id":\s*"([0-9a-f]{24})"`).FindStringSubmatch(created)
	if code != 0 || customerID == nil {
		t.Fatalf("customer: exit %d\n%s\n%s", code, created, errOut)
	}
	first := samples.BeaconLocal()
	first.ClientUserID, first.User.EmailAddress = "first-ada", "ADA@example.com"
	first.User.Name.GivenName, first.User.Name.FamilyName = "Augusta", "Byron"
	if _, errOut, code := runBin(t, env, "submit", "beacon", "--file", writeJSONFile(t, first)); code != 0 {
		t.Fatalf("first screening: %s", errOut)
	}
	// Two drafts in progress, as a partner's staff leave them.
	store, err := drafts.Open(filepath.Join(envDir(env, "PLAID_ONBOARD_DATA_DIR"), "drafts"),
		&drafts.Keys{File: drafts.KeyFilePath(envDir(env, "PLAID_ONBOARD_CONFIG_DIR"))})
	if err != nil {
		t.Fatal(err)
	}
	inProgress := store.New(drafts.PartnerCustomer)
	inProgress.Partner = samples.PartnerCreate()
	inProgress.Step = "logo"
	screening := store.New(drafts.BeaconUser)
	screening.Beacon = samples.BeaconLocal()
	screening.Step = "contact"
	for _, d := range []*drafts.Draft{inProgress, screening} {
		d.RefreshTitle()
		if err := store.Save(d, drafts.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	home := tmuxtest.Start(t, 100, 24, env, testbin.Path(t))
	home.WaitFor("Batches", "spring-customers", "Drafts", "Pawnee Parks")
	shot(home, "home")

	// A Beacon step: a phone typed nationally, its rule and the fix.
	s := tmuxtest.Start(t, 100, 30, env, testbin.Path(t), "beacon")
	s.WaitFor("Beacon program", "Default program")
	s.Keys("Enter")
	s.WaitFor("Client user id")
	s.Keys("C-y", "Enter")
	s.WaitFor("Given name")
	s.Type("Ada")
	s.Keys("Tab")
	s.Type("Lovelace")
	s.Keys("Enter")
	s.WaitFor("Date of birth")
	s.Type("1990-01-31")
	s.Keys("Enter")
	s.WaitFor("Email")
	s.Type("ada@example.com")
	s.Keys("Tab")
	s.Type("4155550100")
	s.WaitFor("+14155550100", "ctrl+y")
	shot(s, "beacon-phone")

	// The review, with the exact JSON.
	s.Keys("C-y", "Enter")
	s.WaitFor("Country")
	for range 4 {
		s.Keys("C-t")
		s.Keys("PageDown")
	}
	s.Keys("C-r")
	s.WaitFor("Ready to send")
	s.Keys("PageDown") // down to the exact JSON body
	s.WaitFor(`"given_name": "Ada"`)
	shot(s, "review")

	// The result: a duplicate of Augusta Byron (the same email).
	s.Keys("s")
	s.WaitFor("PENDING REVIEW")
	shot(s, "beacon-result")

	// The person view: the duplicate side by side.
	s.Keys("w")
	s.WaitFor("Duplicate becdup_", "Augusta Byron", "Email")
	shot(s, "person-duplicate")
	s.Keys("C-c")
	s.WaitExit()

	// The customer view: what is still needed, and the OAuth banks.
	c := tmuxtest.Start(t, 100, 32, env, testbin.Path(t))
	c.WaitFor("Look up an end customer")
	c.Keys("Down", "Down", "Down", "Enter")
	c.WaitFor("end customer")
	c.Type(customerID[1])
	c.Keys("Enter")
	c.WaitFor("Still needed", "OAuth")
	shot(c, "customer")
	c.Keys("C-c")
	c.WaitExit()

	// listen: a duplicate and a status change verified, a forgery refused.
	l := tmuxtest.Start(t, 110, 20, env, testbin.Path(t), "listen", "--addr", "127.0.0.1:0", "--emulator", "")
	hook := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(l.WaitFor("Receiving webhooks on", "Waiting for webhooks"))
	submitTwins(t, env, emulatorSendingTo(t, env, hook))
	l.WaitUntil(func(screen string) bool {
		return strings.Contains(screen, "BEACON DUPLICATE_DETECTED") && strings.Contains(screen, "BEACON USER_STATUS_UPDATED")
	}, "a duplicate and a status update")
	forged, _ := http.NewRequest(http.MethodPost, hook, strings.NewReader(`{"webhook_type":"BEACON","webhook_code":"USER_STATUS_UPDATED","beacon_user_id":"becusr_forged000000"}`))
	forged.Header.Set("Content-Type", "application/json")
	forged.Header.Set("Plaid-Verification", "eyJhbGciOiJIUzI1NiJ9.e30.forged")
	if resp, err := http.DefaultClient.Do(forged); err == nil {
		resp.Body.Close()
	}
	l.WaitFor("✗")
	shot(l, "listen")
}

// The README shows pictures of the real program: every one it names is
// in the repository, made by scripts/pictures.sh.
func TestREADMEPicturesExist(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	names := regexp.MustCompile(`\((docs/pictures/[a-z-]+\.svg)\)`).FindAllStringSubmatch(string(readme), -1)
	if len(names) < 7 {
		t.Fatalf("the README shows %d pictures, want the 7 screens", len(names))
	}
	// The first lines are the two commands; the first picture comes
	// before the first paragraph.
	if first, para := strings.Index(string(readme), "!["), strings.Index(string(readme), "\nplaid-onboard walks"); first < 0 || para < 0 || first > para {
		t.Error("the README does not open with a picture before its first paragraph")
	}
	for _, n := range names {
		info, err := os.Stat(n[1])
		if err != nil || info.Size() == 0 {
			t.Errorf("%s: %v", n[1], err)
			continue
		}
		svg, _ := os.ReadFile(n[1])
		if !strings.Contains(string(svg), "<svg") {
			t.Errorf("%s is not an SVG", n[1])
		}
	}
}

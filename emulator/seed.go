package emulator

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// Seed fills a program with n fictional people, for demos and for
// measuring the emulator at scale: the same people every time (person k
// is a function of k alone), numbered on from those seeded before, so
// seeding twice adds different people. They are stored as a create would
// store them, cleared, with every match key indexed, in transactions of
// seedBatch users: a bulk insert, not n requests.
//
// It returns the number of the first person added (see SeedPerson and
// SeedUserID).
func (e *Emulator) Seed(ctx context.Context, n int, programID string, progress func(done int)) (int, error) {
	prog, apiErr := e.program(programID)
	if apiErr != nil {
		return 0, errors.New(apiErr.message)
	}
	var err error
	var first int
	err = e.db.write(ctx, func(tx *txn) error {
		var v string
		err := tx.row("SELECT value FROM meta WHERE key = 'seeded'").Scan(&v)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		first, _ = strconv.Atoi(v)
		_, err = tx.exec("INSERT INTO meta (key, value) VALUES ('seeded', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
			strconv.Itoa(first+n))
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("seeding: %w", err)
	}
	// One connection, with a page cache that holds the indexes being
	// filled (64 MB, given back at the end): with SQLite's default of 2 MB
	// every insert into a hashed key reads its page from the file again.
	conn, err := e.db.sql.Conn(ctx)
	if err != nil {
		return 0, fmt.Errorf("seeding: %w", err)
	}
	defer conn.Close() //nolint:errcheck // back to the pool
	if _, err := conn.ExecContext(ctx, "PRAGMA cache_size = -65536"); err != nil {
		return 0, fmt.Errorf("seeding: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA cache_size = %d", defaultCacheSize)) //nolint:errcheck // released next
	now := e.now()
	for done := 0; done < n; {
		batch := min(seedBatch, n-done)
		err := e.db.writeOn(ctx, conn, func(tx *txn) error {
			for k := first + done; k < first+done+batch; k++ {
				u := e.seededUser(k, prog.ID, now)
				if err := e.saveUser(tx, u, nil); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return 0, fmt.Errorf("seeding after %d of %d people: %w", done, n, err)
		}
		done += batch
		if progress != nil {
			progress(done)
		}
	}
	// Fold the bulk into the database file now, rather than in the
	// commits of the next requests.
	if _, err := conn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return 0, fmt.Errorf("seeding: %w", err)
	}
	return first, nil
}

const seedBatch = 20_000

// seededUser is fictional person k, as the store keeps a new user.
func (e *Emulator) seededUser(k int, programID string, now time.Time) *beaconUser {
	req := SeedPerson(k, programID)
	u := &beaconUser{
		ID: SeedUserID(k), ProgramID: programID, ClientUserID: req.ClientUserID,
		Version: 1, CreatedAt: now, UpdatedAt: now, Status: client.BeaconCleared,
		Audit: client.BeaconAuditTrail{Source: client.AuditBulkImport, Timestamp: now}, ItemIDs: []string{},
	}
	e.setPerson(u, req.User)
	e.addAccounts(u, req.User.DepositoryAccounts, nil)
	return u
}

// SeedUserID is the Beacon user id of seeded person k.
func SeedUserID(k int) string {
	// Seeded people are the same on every machine: a fixed PRNG, on purpose.
	return "becusr_" + drawString(rand.New(rand.NewPCG(uint64(k), 0x5eed)), 14, alnum) //nolint:gosec // fiction, not a secret
}

func drawString(r *rand.Rand, n int, set string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[r.IntN(len(set))]
	}
	return string(b)
}

// SeedPerson is fictional person k as a create request would carry them:
// a name from common given and family names, a birth date between 1950
// and 2005, an example.com email, a US address from a list of real towns,
// a bank account, and for some a phone number in a 555-01xx range (the
// numbers set aside for fiction) and a social security number. No two
// people share an email, phone number, id number or account.
func SeedPerson(k int, programID string) *client.BeaconUserCreateRequest {
	r := rand.New(rand.NewPCG(uint64(k), 0xface)) //nolint:gosec // the same fictional people on every machine
	given, family := seedGiven[r.IntN(len(seedGiven))], seedFamily[r.IntN(len(seedFamily))]
	town := seedTowns[r.IntN(len(seedTowns))]
	dob := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(55*365))
	d := client.BeaconUserRequestData{
		Name:         client.BeaconUserName{GivenName: given, FamilyName: family},
		DateOfBirth:  dob.Format(time.DateOnly),
		EmailAddress: fmt.Sprintf("%s.%s.%d@example.com", lower(given), lower(family), k),
		Address: client.BeaconUserRequestAddress{
			Street: fmt.Sprintf("%d %s", 1+r.IntN(9899), seedStreets[r.IntN(len(seedStreets))]),
			City:   town[0], Region: town[1], PostalCode: town[2], Country: "US",
		},
		DepositoryAccounts: []client.BeaconUserRequestDepositoryAccount{{
			RoutingNumber: seedRouting[r.IntN(len(seedRouting))], AccountNumber: fmt.Sprintf("%012d", 100000000000+k),
		}},
	}
	if k < len(seedAreaCodes)*100 {
		d.PhoneNumber = fmt.Sprintf("+1%s55501%02d", seedAreaCodes[k/100], k%100)
	}
	// area 100–665, group 01–99, serial 0001–9999: issuable, and unique
	// for the first 56 million people.
	if serial := k % 9999; k < 566*99*9999 {
		d.IDNumber = client.BeaconUserIDNumber{Type: "us_ssn",
			Value: fmt.Sprintf("%03d%02d%04d", 100+(k/9999/99)%566, 1+(k/9999)%99, 1+serial)}
	}
	return &client.BeaconUserCreateRequest{
		// In base 36: a long run of digits reads as a phone number, which a
		// client user id must not hold.
		ProgramID: programID, ClientUserID: fmt.Sprintf("seed-%06s", strconv.FormatInt(int64(k), 36)), User: d,
	}
}

// SeedCompany is fictional company k as a partner end-customer create
// would carry it, from the seeder's towns, streets and names: every
// answer a customer gives but the logo (a file), at example.com, with a
// support phone in the 555-01xx range kept for fiction.
func SeedCompany(k int) *client.PartnerCustomerCreateRequest {
	r := rand.New(rand.NewPCG(uint64(k), 0xc0de)) //nolint:gosec // the same fictional companies on every machine
	town := seedTowns[r.IntN(len(seedTowns))]
	kind := seedCompanyKinds[r.IntN(len(seedCompanyKinds))]
	name := fmt.Sprintf("%s %s", town[0], kind)
	slug := fmt.Sprintf("%s%s%d", lower(town[0]), lower(strings.ReplaceAll(kind, " ", "")), k)
	site := "https://" + slug + ".example.com"
	given, family := seedGiven[r.IntN(len(seedGiven))], seedFamily[r.IntN(len(seedFamily))]
	given2, family2 := seedGiven[r.IntN(len(seedGiven))], seedFamily[r.IntN(len(seedFamily))]
	yes, no := true, false
	return &client.PartnerCustomerCreateRequest{
		CompanyName: name, LegalEntityName: name + ", Inc.", ApplicationName: fmt.Sprintf("%s %d", name, k),
		Website: site, Products: []client.Product{"auth", "identity"},
		Address: client.PartnerAddress{Street: fmt.Sprintf("%d %s", 1+r.IntN(9899), seedStreets[r.IntN(len(seedStreets))]),
			City: town[0], Region: town[1], PostalCode: town[2], CountryCode: "US"},
		CustomerSupportInfo: client.CustomerSupportInfo{Email: "support@" + slug + ".example.com",
			PhoneNumber: fmt.Sprintf("+1%s55501%02d", seedAreaCodes[k%len(seedAreaCodes)], k%100),
			ContactURL:  site + "/contact", LinkUpdateURL: site + "/bank"},
		TechnicalContact:    client.PartnerContact{GivenName: given, FamilyName: family, Email: lower(given) + "@" + slug + ".example.com"},
		BillingContact:      client.PartnerContact{GivenName: given2, FamilyName: family2, Email: lower(given2) + "@" + slug + ".example.com"},
		RedirectURIs:        []string{site + "/oauth"},
		IsDiligenceAttested: &yes, CreateLinkCustomization: &no,
		BankAddendumAcceptance: client.BankAddendumAcceptance{CustomerAccepted: &yes, CustomerIPAddress: fmt.Sprintf("192.0.2.%d", 1+k%254),
			CustomerAgreementTimestamp: "2026-01-05T15:00:00Z"},
	}
}

var seedCompanyKinds = []string{"Credit Union", "Savings Bank", "Lending", "Payroll", "Rent Pay", "Budget App", "Brokerage", "Wallet"}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

var seedGiven = []string{
	"Ava", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal",
	"Kira", "Liam", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Samir", "Tara",
	"Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe", "Andre", "Bianca", "Chen", "Dana",
}

var seedFamily = []string{
	"Abbott", "Baker", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Johansson",
	"Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Patel", "Quinlan", "Rossi", "Schmidt", "Tanaka",
	"Usman", "Varga", "Walsh", "Xu", "Yilmaz", "Zhang", "Brennan", "Silva", "Novak", "Mensah",
}

var seedStreets = []string{
	"Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Park Rd", "Elm St", "Lake View Dr", "Hill St", "River Rd", "Pine Ct",
}

// seedTowns are city, state and a postal code of it.
var seedTowns = [][3]string{
	{"Springfield", "IL", "62701"}, {"Madison", "WI", "53703"}, {"Boulder", "CO", "80302"},
	{"Asheville", "NC", "28801"}, {"Burlington", "VT", "05401"}, {"Eugene", "OR", "97401"},
	{"Savannah", "GA", "31401"}, {"Ithaca", "NY", "14850"}, {"Tempe", "AZ", "85281"}, {"Duluth", "MN", "55802"},
}

// seedRouting are routing numbers that pass the ABA checksum.
var seedRouting = []string{"021000021", "011401533", "121000358", "026009593", "111000025"}

var seedAreaCodes = []string{
	"201", "202", "203", "205", "206", "207", "208", "209", "210", "212", "213", "214", "215", "216", "217", "218",
	"219", "224", "225", "228", "229", "231", "234", "239", "240", "248", "251", "252", "253", "254", "256", "260",
	"262", "267", "269", "270", "276", "281", "301", "302", "303", "304", "305", "307", "308", "309", "310", "312",
	"313", "314", "315", "316", "317", "318", "319", "320", "321", "323", "325", "330", "334", "336", "337", "339",
	"347", "351", "352", "360", "361", "385", "386", "401", "402", "404", "405", "406", "407", "408", "409", "410",
	"412", "413", "414", "415", "417", "419", "423", "424", "425", "430", "432", "434", "435", "440", "443", "469",
	"470", "475", "478", "479", "480", "484", "501", "502", "503", "504", "505", "507", "508", "509", "510", "512",
	"513", "515", "516", "517", "518", "520", "530", "540", "541", "551", "559", "561", "562", "563", "567", "570",
	"571", "573", "574", "575", "580", "585", "586", "601", "602", "603", "605", "606", "607", "608", "609", "610",
	"612", "614", "615", "616", "617", "618", "619", "620", "623", "626", "630", "631", "636", "641", "646", "650",
	"651", "660", "661", "662", "678", "682", "701", "702", "703", "704", "706", "707", "708", "712", "713", "714",
	"715", "716", "717", "718", "719", "720", "724", "727", "731", "732", "734", "740", "754", "757", "760", "763",
	"765", "770", "772", "773", "774", "775", "781", "785", "786", "801", "802", "803", "804", "805", "806", "808",
	"810", "812", "813", "814", "815", "816", "817", "818", "828", "830", "831", "832", "843", "845", "847", "850",
	"856", "857", "858", "859", "860", "862", "863", "864", "865", "870", "901", "903", "904", "906", "907", "908",
	"909", "910", "912", "913", "914", "915", "916", "917", "918", "919", "920", "925", "928", "931", "936", "937",
	"940", "941", "949", "951", "952", "954", "956", "970", "971", "972", "973", "978", "979", "980", "985", "989",
}

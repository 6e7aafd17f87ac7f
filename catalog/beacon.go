package catalog

import (
	"crypto/rand"
	"fmt"
	"sync"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// Steps of the Beacon wizard, in the order it asks them.
const (
	StepProgram  = "program"
	StepName     = "name"
	StepBirth    = "birth"
	StepContact  = "contact"
	StepPerson   = "address"
	StepIDNumber = "id_number"
	StepAccounts = "accounts"
	StepTokens   = "tokens"
	StepIP       = "ip"
)

// MaxBeaconAccounts is Plaid's limit on accounts per Beacon user. Each
// depository account counts as one and each access token as at least one
// (an Item may hold several accounts; only Plaid knows how many).
const MaxBeaconAccounts = 50

// BeaconFallbackCountry is the country a Beacon user's national phone
// number is read in when no address says otherwise: Beacon serves US
// customers (FACTS.md §6).
const BeaconFallbackCountry = "US"

func idTypeValues() []string { return client.Strings(client.IDNumberTypes()) }

// beaconUserFields are the person's fields, under "user." in both create
// and update.
func beaconUserFields() []*Field {
	return []*Field{
		{Path: "user.name.given_name", Label: "Given name", Step: StepName, Rule: Check(validate.Name), CharLimit: 120},
		{Path: "user.name.family_name", Label: "Family name", Step: StepName, Rule: Check(validate.Name), CharLimit: 120},
		{Path: "user.date_of_birth", Label: "Date of birth", Placeholder: "YYYY-MM-DD", Help: "Needed unless you give a bank account",
			Step: StepBirth, Rule: DateOfBirth(), CharLimit: 24, Personal: Sealed, Mask: MaskAll},
		{Path: "user.email_address", Label: "Email", Step: StepContact, Rule: Check(validate.Email),
			Personal: Masked, Mask: MaskEmail},
		{Path: "user.phone_number", Label: "Phone", Placeholder: "+14155550100", CharLimit: 40, Step: StepContact,
			Help:    "E.164; a national number is turned into E.164 with the address's country (US if none)",
			Context: "user.address.country", Rule: PhoneIn("user.address.country", BeaconFallbackCountry), Personal: Masked},
		{Path: "user.address.country", Label: "Country", Help: "Leave the whole address empty to send none",
			Step: StepPerson, Kind: Country, Rule: Check(validate.CountryCode)},
		{Path: "user.address.region", Label: "Region (state, province…)", Short: "Region", Step: StepPerson, Kind: Region,
			Context: "user.address.country", Rule: RegionOf("user.address.country")},
		{Path: "user.address.postal_code", Label: "Postal code", Step: StepPerson, CharLimit: 16,
			Context: "user.address.country", Rule: PostalCodeIn("user.address.country")},
		{Path: "user.address.street", Label: "Street", Step: StepPerson, Rule: Check(validate.Street), CharLimit: 100},
		{Path: "user.address.street2", Label: "Street, second line", Step: StepPerson, Rule: Check(validate.Street2), CharLimit: 70},
		{Path: "user.address.city", Label: "City", Step: StepPerson, Rule: Check(validate.City), CharLimit: 120},
		{Path: "user.id_number.type", Label: "ID type", Help: "Listed for the address's country", Step: StepIDNumber,
			Kind: IDType, Context: "user.address.country", Values: idTypeValues, Rule: OneOf(idTypeValues, "an ID number type")},
		{Path: "user.id_number.value", Label: "ID number", Help: "Hidden as you type; letters and digits, no dashes",
			Step: StepIDNumber, Kind: Secret, CharLimit: 40, Context: "user.id_number.type", Rule: IDNumberOf("user.id_number.type"),
			Personal: Sealed},
		{Path: "user.depository_accounts[].routing_number", Label: "Routing number", Short: "routing", Placeholder: "021000021",
			Step: StepAccounts, CharLimit: 20, Rule: Check(validate.RoutingNumber)},
		{Path: "user.depository_accounts[].account_number", Label: "Account number", Short: "account", Help: "Hidden as you type; 4 to 17 digits",
			Step: StepAccounts, Kind: Secret, CharLimit: 30, Rule: Check(validate.AccountNumber), Personal: Sealed},
		{Path: "access_tokens[]", Label: "Access token", Short: "Access tokens", Placeholder: "access-sandbox-…",
			Help: "Items to link for Account Insights. Each adds at least one account; 50 accounts in all.",
			Step: StepTokens, Kind: Secret, CharLimit: 200, Unique: true, Expected: true, Rule: Identifier("access token"),
			Personal: Sealed},
		{Path: "user.ip_address", Label: "IP address", Placeholder: "192.0.2.42", Help: "Where the person came from; IPv4 or IPv6",
			Step: StepIP, CharLimit: 64, Rule: Check(validate.IPAddress)},
	}
}

func beaconCreateFields() []*Field {
	return append([]*Field{
		{Path: "program_id", Label: "Beacon program", Short: "Program", Help: "The program's settings decide what counts as a duplicate",
			Step: StepProgram, Kind: Program, Rule: Identifier("program id")},
		{Path: "client_user_id", Label: "Client user id", Help: "Your system's id for this person: no email or phone number in it",
			Step: StepProgram, Rule: Check(validate.ClientUserID), CharLimit: validate.MaxClientUserIDLen, Suggest: NewClientUserID},
	}, beaconUserFields()...)
}

// beaconSteps are the Beacon wizard's pages, in order.
func beaconSteps() []*Step {
	full := func(req any) string {
		if r, ok := req.(*client.BeaconUserCreateRequest); ok && len(r.User.DepositoryAccounts)+len(r.AccessTokens) >= MaxBeaconAccounts {
			return fmt.Sprintf("a Beacon user has at most %d accounts in all (bank accounts and access tokens)", MaxBeaconAccounts)
		}
		return ""
	}
	return []*Step{
		{ID: StepProgram, Title: "Program and user id"},
		{ID: StepName, Title: "Name",
			Joined: []Join{{Label: "Name", Paths: []string{"user.name.given_name", "user.name.family_name"}, Sep: " "}}},
		{ID: StepBirth, Title: "Date of birth"},
		{ID: StepContact, Title: "Contact"},
		{ID: StepPerson, Title: "Address", Empty: "none",
			Joined: []Join{{Label: "Street", Paths: []string{"user.address.street", "user.address.street2"}, Sep: ", "}},
			Lead: []string{"user.address.street", "user.address.street2", "user.address.city", "user.address.region",
				"user.address.postal_code", "user.address.country"}},
		{ID: StepIDNumber, Title: "ID number", Empty: "none"},
		{ID: StepAccounts, Title: "Bank accounts", List: "user.depository_accounts", Noun: "bank account", ItemLabel: "Account",
			Help: "US accounts to screen (they get no Account Insights). A bank account can stand in for the date of birth.",
			Full: full},
		{ID: StepTokens, Title: "Access tokens", List: "access_tokens", Noun: "access token", Full: full},
		{ID: StepIP, Title: "IP address"},
	}
}

// NewClientUserID makes a client user id to offer: random, with no
// personal data in it.
func NewClientUserID() string {
	const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
	b := make([]byte, 10)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return "cust-" + string(b)
}

// beaconAccounts is what the 50-account limit and the duplicate check
// need: the accounts as typed and the tokens.
func beaconAccounts(ch *checker, existing int) {
	n := ch.count("user.depository_accounts")
	seen := make(map[string]bool, min(n, MaxItemsChecked))
	for i := range min(n, MaxItemsChecked) {
		p := fmt.Sprintf("user.depository_accounts[%d]", i)
		key := ch.text(p+".routing_number") + "/" + ch.text(p+".account_number")
		if seen[key] {
			ch.ps.Addf(p, "this account is listed twice")
		}
		seen[key] = true
	}
	tokens := ch.count("access_tokens")
	if total := existing + n + tokens; total > MaxBeaconAccounts {
		// Reported on the list that takes the user over the limit: the
		// bank accounts when they alone are too many.
		path := "access_tokens"
		if tokens == 0 || existing+n > MaxBeaconAccounts {
			path = "user.depository_accounts"
		}
		ch.ps.Addf(path, "a Beacon user has at most %d accounts (this would be at least %d)", MaxBeaconAccounts, total)
	}
}

func beaconCreateRules(ch *checker) {
	switch {
	case ch.scope.env.Environment == client.Local:
		// The built-in emulator answers only in Plaid's schema, which makes
		// both part of every Beacon user; see EmulatorNeeds.
		if ch.text("user.date_of_birth") == "" {
			ch.need("user.date_of_birth", EmulatorNeedsBirthDate)
		}
		if !ch.sent("user.address") {
			ch.need("user.address.street", EmulatorNeedsAddress)
		}
	case ch.text("user.date_of_birth") == "" && ch.count("user.depository_accounts") == 0:
		ch.need("user.date_of_birth", "a date of birth or at least one bank account is required besides the name")
	}
	beaconAccounts(ch, 0)
}

// What the built-in emulator needs of a new Beacon user beyond Plaid's
// rules. Plaid takes a user with a bank account instead of a date of
// birth, and without an address, yet its schema makes both part of every
// Beacon user object it answers with (non-null, FACTS.md §10); the
// emulator answers only in that schema, so it asks for both rather than
// answer null or make them up.
const (
	EmulatorNeedsBirthDate = "the built-in emulator needs a date of birth (Plaid's answer always holds one; Plaid itself also takes a bank account instead)"
	EmulatorNeedsAddress   = "the built-in emulator needs an address (Plaid's answer always holds one; Plaid itself takes a user without)"
)

// BeaconUserCreate is the catalogue of /beacon/user/create.
var BeaconUserCreate = sync.OnceValue(func() *Catalog {
	c := newCatalog[client.BeaconUserCreateRequest]("screen a person with Beacon",
		client.PathBeaconUserCreate, BeaconUserUpdate(), beaconCreateRules, beaconCreateFields())
	c.steps = beaconSteps()
	return c
})

func beaconUserIDField() *Field {
	return &Field{Path: "beacon_user_id", Label: "Beacon user id", Rule: Identifier("Beacon user id")}
}

// BeaconUserUpdate is the catalogue of /beacon/user/update: the person's
// fields and the tokens, with the rules of create. Its checks do not know
// how many accounts the user already has: UpdateCheck does.
var BeaconUserUpdate = sync.OnceValue(func() *Catalog {
	fields := append([]*Field{beaconUserIDField()}, derive[client.BeaconUserUpdateRequest](beaconCreateFields())...)
	return newCatalog[client.BeaconUserUpdateRequest]("re-screen a Beacon user",
		client.PathBeaconUserUpdate, nil, func(ch *checker) { beaconUpdateRules(ch, 0) }, fields)
})

func beaconUpdateRules(ch *checker, existing int) {
	beaconAccounts(ch, existing)
	if !ch.sent("user") && ch.count("access_tokens") == 0 {
		ch.need("user", "an update needs at least one field to change")
	}
}

// CheckBeaconUpdate checks an update of a user who already has existing
// accounts, for the 50-account limit.
func CheckBeaconUpdate(req *client.BeaconUserUpdateRequest, env Env, existing int) validate.Problems {
	c := *BeaconUserUpdate()
	c.more = func(ch *checker) { beaconUpdateRules(ch, existing) }
	return c.Check(req, env)
}

// BeaconUserGet is the catalogue of /beacon/user/get.
var BeaconUserGet = sync.OnceValue(func() *Catalog {
	return newCatalog[client.BeaconUserGetRequest]("get a Beacon user", client.PathBeaconUserGet, nil, nil,
		[]*Field{beaconUserIDField()})
})

func beaconStatusValues() []string { return client.Strings(client.BeaconUserStatuses) }

// BeaconUserReview is the catalogue of /beacon/user/review.
var BeaconUserReview = sync.OnceValue(func() *Catalog {
	return newCatalog[client.BeaconUserReviewRequest]("set a Beacon user's status", client.PathBeaconUserReview, nil, nil,
		[]*Field{
			beaconUserIDField(),
			{Path: "status", Label: "Set the status to", Kind: Choice, Values: beaconStatusValues,
				Rule: OneOf(beaconStatusValues, "a Beacon user status (cleared, pending_review or rejected)")},
		})
})

// ReportFields are the fields of a fraud report a person is asked: its
// type, when it happened, the amount lost (the currency is USD).
func ReportFields() (kind, date, amount *Field) {
	c := BeaconReportCreate()
	return c.Field("type"), c.Field("fraud_date"), c.Field("fraud_amount.value")
}

// ReviewStatusField is the status a review sets.
func ReviewStatusField() *Field { return BeaconUserReview().Field("status") }

// BeaconReportCreate is the catalogue of /beacon/report/create.
var BeaconReportCreate = sync.OnceValue(func() *Catalog {
	return newCatalog[client.BeaconReportCreateRequest]("report a Beacon user for fraud", client.PathBeaconReportCreate, nil,
		func(ch *checker) {
			if v := ch.value("fraud_amount"); v.IsValid() && !v.IsNil() {
				ch.ps.Add("fraud_amount.value", validate.AmountValue(v.Elem().FieldByName("Value").Float()))
			}
		},
		[]*Field{
			beaconUserIDField(),
			{Path: "type", Label: "What kind of fraud?", Kind: Choice, Values: reportTypeValues,
				Rule: OneOf(reportTypeValues, "a report type (first_party, stolen, synthetic, account_takeover, unknown)")},
			{Path: "fraud_date", Label: "When did it happen?", Placeholder: "YYYY-MM-DD", CharLimit: 24, Rule: PastDate()},
			{Path: "fraud_amount.iso_currency_code", Label: "Currency",
				Rule: func(v string, _ Scope) validate.Result {
					if v == "USD" {
						return validate.Result{}
					}
					return validate.Result{State: validate.Invalid, Message: "must be USD (the only currency Plaid accepts here)"}
				}},
			{Path: "fraud_amount.value", Label: "Amount lost, in USD", Placeholder: "leave empty if unknown",
				Help: "0 means nothing was lost", CharLimit: 24},
		})
})

// MatchAttribute is an attribute Beacon compares between two users (a
// duplicate's analysis, a report's): the analysis's key, how views label
// it, and the field whose mask hides it.
type MatchAttribute struct {
	Key   string // the analysis's key: "name", "date_of_birth", …
	Label string
	Field *Field
}

// BeaconMatchAttributes are the attributes in the order views show them,
// labelled as the wizard asks them.
var BeaconMatchAttributes = sync.OnceValue(func() []MatchAttribute {
	c := BeaconUserCreate()
	return []MatchAttribute{
		{"name", c.Step(StepName).Joined[0].Label, c.Field("user.name.given_name")},
		{"date_of_birth", c.Field("user.date_of_birth").Label, c.Field("user.date_of_birth")},
		{"email_address", c.Field("user.email_address").Label, c.Field("user.email_address")},
		{"phone_number", c.Field("user.phone_number").Label, c.Field("user.phone_number")},
		{"address", c.Step(StepPerson).Title, c.Field("user.address.street")},
		{"id_number", c.Step(StepIDNumber).Title, c.Field("user.id_number.value")},
		{"ip_address", c.Field("user.ip_address").Label, c.Field("user.ip_address")},
	}
})

package emulator

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	emulation "github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
)

// SeedOptions of `plaid-onboard emulator seed`.
type SeedOptions struct {
	IO        *app.IOStreams
	Getenv    func(string) string
	Now       func() time.Time
	Users     int
	ProgramID string
	// StatePath is the store to fill; the local emulator's when empty.
	StatePath  string
	LegacyPath string
	ConfigPath string
}

// NewCmdSeed is `emulator seed --users N`.
func NewCmdSeed(f *app.Factory, runF func(context.Context, *SeedOptions) error) *cobra.Command {
	opts := &SeedOptions{IO: f.IO, Getenv: f.Getenv, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "seed --users N",
		Short: "Fill the emulator's store with fictional people, for demos and measurements",
		Long: `Add N fictional people to a Beacon program of the emulator's store: the
local one (--env local) unless --state names another. The people are the
same on every machine (a fixed seed), numbered on from any seeded before,
all cleared, and none shares an email, phone number, id number or bank
account with another — so a person you create is a duplicate only when
you copy one of them (plaid-onboard beacon get shows them).`,
		Example: `  plaid-onboard emulator seed --users 1000
  plaid-onboard emulator seed --users 100000 --state demo.db --program becprg_22222222222222`,
		Args: cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.StatePath == "" {
				opts.StatePath, opts.LegacyPath = f.Paths.EmulatorState(), f.Paths.EmulatorLegacyState()
				opts.ConfigPath = f.Paths.EmulatorConfig()
			}
			return cmdutil.OrRun(runF, runSeed)(cmd.Context(), opts)
		},
	}
	cmd.Flags().IntVar(&opts.Users, "users", 0, "how many people to add (required)")
	cmd.Flags().StringVar(&opts.ProgramID, "program", emulation.DefaultPrograms()[0].ID, "the Beacon program to add them to")
	cmd.Flags().StringVar(&opts.StatePath, "state", "", "the SQLite database to fill (default: the local emulator's)")
	return cmd
}

// maxSeed bounds one seeding: about 1 GB of store.
const maxSeed = 1_000_000

// runSeed fills the store.
func runSeed(ctx context.Context, opts *SeedOptions) error {
	if opts.Users < 1 || opts.Users > maxSeed {
		return exitcode.Invalid(fmt.Errorf("--users must be between 1 and %d, not %d", maxSeed, opts.Users), "")
	}
	id, secret, _ := client.Credentials(client.Local, opts.Getenv)
	eo := emulation.Options{ClientID: id, Secret: secret, StatePath: opts.StatePath, LegacyPath: opts.LegacyPath, Now: opts.Now}
	if opts.ConfigPath != "" {
		if cfg, err := emulation.LoadConfig(opts.ConfigPath); err == nil {
			eo.Programs, eo.Partner = cfg.Programs, cfg.Partner
		}
	}
	em, err := emulation.New(eo)
	if err != nil {
		return exitcode.Local(err, "")
	}
	defer em.Close() //nolint:errcheck // every seeded person was committed
	var ids []string
	for _, p := range em.Programs() {
		ids = append(ids, p.ID)
	}
	if !slices.Contains(ids, opts.ProgramID) {
		return exitcode.Invalid(fmt.Errorf("--program %s: the emulator has no such Beacon program (it has %s)",
			opts.ProgramID, strings.Join(ids, ", ")), "")
	}
	start := time.Now()
	first, err := em.Seed(ctx, opts.Users, opts.ProgramID, func(done int) {
		fmt.Fprintf(opts.IO.ErrOut, "seeded %d of %d\n", done, opts.Users)
	})
	if err != nil {
		return exitcode.Local(err, "")
	}
	fmt.Fprintf(opts.IO.ErrOut, "added %d fictional %s to %s in %s (%s)\n", opts.Users, words.Plural(opts.Users, "person", "people"), opts.ProgramID,
		time.Since(start).Round(100*time.Millisecond), opts.StatePath)
	p := emulation.SeedPerson(first, opts.ProgramID).User
	fmt.Fprintf(opts.IO.Out, "the first is %s: %s %s, born %s, %s\n", emulation.SeedUserID(first),
		p.Name.GivenName, p.Name.FamilyName, p.DateOfBirth, p.EmailAddress)
	return nil
}

package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/atomicfile"
	"github.com/plaid-onboard/plaid-onboard/internal/buildinfo"
	"github.com/plaid-onboard/plaid-onboard/internal/debuglog"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/internal/prefs"
	"github.com/plaid-onboard/plaid-onboard/internal/webhooks"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// TUIRequest says what the full-screen program should open.
type TUIRequest struct {
	Flow       string // "home", "customer" or "beacon"
	DraftID    string // resume this draft
	Env        client.Environment
	Accessible bool // plain prompts for screen readers
	NoSavePII  bool // keep personal data out of drafts on disk
	// DebugLog is the file --debug writes to, for the screens to name.
	DebugLog string
	// Webhooks, for Flow "listen", are the webhooks received, and
	// ListenInfo says where they are received and forwarded.
	Webhooks   *webhooks.Log
	ListenInfo string
}

// Factory holds the dependencies commands share, injected so tests can
// replace any of them.
type Factory struct {
	IO     *IOStreams
	Getenv func(string) string
	Now    func() time.Time
	// Version is Build.Version: the User-Agent names it.
	Version string
	// Build is which build this is (version, commit, date).
	Build buildinfo.Info
	Paths Paths
	// LaunchTUI runs the full-screen program; main sets it (only main may
	// import the ui package).
	LaunchTUI func(ctx context.Context, f *Factory, req TUIRequest) error
	// Transport, when set, is used by clients instead of the network (tests).
	Transport http.RoundTripper
	// Debug, when set (--debug, PLAID_ONBOARD_DEBUG=1), receives every
	// HTTP exchange, personal data masked, secrets never: stderr for a
	// command, a file for the screens.
	Debug io.Writer
	// Warn, when set, hears what a command would print as a warning on
	// stderr (an answer kept though it lacks keys): the screens show it as
	// a notice, where stderr is under the screen.
	Warn func(string)
}

// warn says a warning where the user sees it, and in the --debug log.
func (f *Factory) warn(msg string) {
	if f.Debug != nil {
		fmt.Fprintln(f.Debug, "warning: "+msg)
	}
	if f.Warn != nil {
		f.Warn(msg)
		return
	}
	fmt.Fprintln(f.IO.ErrOut, "warning: "+msg)
}

// New returns a Factory for the real process.
func New(build buildinfo.Info) *Factory {
	return &Factory{
		IO: System(), Getenv: os.Getenv, Now: time.Now, Version: build.Version, Build: build,
		Paths: ResolvePaths(os.Getenv),
	}
}

// Environment resolves the environment: the flag when given, else
// PLAID_ENV, else local.
func (f *Factory) Environment(flag string) (client.Environment, error) {
	name := flag
	if name == "" {
		name = f.Getenv(client.EnvName)
	}
	if name == "" {
		return client.Local, nil
	}
	env, err := client.ParseEnvironment(name)
	if err != nil {
		return "", exitcode.Invalid(err, "")
	}
	return env, nil
}

// Session is a client bound to an environment, with whatever it started
// (the local emulator) to be stopped by Close.
type Session struct {
	Client *client.Client
	Env    client.Environment
	// Where says where requests go, in words: "the built-in emulator",
	// "the emulator at http://127.0.0.1:8686", "Plaid sandbox".
	Where string
	// Emulator is the base URL of a served emulator the session talks to
	// (PLAID_ONBOARD_EMULATOR_URL), "" otherwise.
	Emulator string
	close    func()
}

// Label is the environment as a badge names it: LOCAL, SANDBOX,
// PRODUCTION, and a served emulator's address after LOCAL.
func (s *Session) Label() string { return EnvLabel(s.Env, s.Emulator) }

// EnvLabel is the label of env, naming a served emulator by its address.
func EnvLabel(env client.Environment, emulatorURL string) string {
	if env == client.Local && emulatorURL != "" {
		return env.Label() + " " + strings.TrimPrefix(strings.TrimPrefix(emulatorURL, "http://"), "https://")
	}
	return env.Label()
}

// Close stops what the session started.
func (s *Session) Close() {
	if s.close != nil {
		s.close()
	}
}

// EnvEmulatorURL points --env local at an emulator already serving
// (`plaid-onboard emulator`) instead of one started in-process.
const EnvEmulatorURL = "PLAID_ONBOARD_EMULATOR_URL"

// Connect returns a client for env. For local it starts the emulator
// in-process on a loopback port, with its state in the data directory so
// what one run created, the next can fetch — unless PLAID_ONBOARD_EMULATOR_URL
// names one already serving.
func (f *Factory) Connect(env client.Environment) (*Session, error) {
	id, secret, err := client.Credentials(env, f.Getenv)
	if err != nil {
		return nil, exitcode.Invalid(err, "")
	}
	cfg := client.Config{Environment: env, ClientID: id, Secret: secret, Version: f.Version}
	if f.Transport != nil {
		cfg.HTTPClient = &http.Client{Transport: f.Transport}
	}
	if f.Debug != nil {
		cfg.Trace = debuglog.New(f.Debug).Trace
	}
	cfg.Warn = func(w client.Warning) { f.warn(w.String()) }
	s := &Session{Env: env, Where: "Plaid " + string(env)}
	if url := f.Getenv(EnvEmulatorURL); env == client.Local && url != "" && !validate.IsHTTPURL(url) {
		return nil, exitcode.Invalid(fmt.Errorf("%s=%q is not an http(s) URL", EnvEmulatorURL, url),
			EnvEmulatorURL+" must be the emulator's base URL, like http://127.0.0.1:8686")
	}
	if url := f.Getenv(EnvEmulatorURL); env == client.Local && url != "" {
		cfg.BaseURL, cfg.Emulator, s.Where, s.Emulator = url, url, ServedEmulatorName(url), url
	} else if env == client.Local {
		s.Where = BuiltInEmulatorName
		url, stop, err := f.startLocalEmulator(id, secret)
		if err != nil {
			return nil, exitcode.Local(err, "")
		}
		cfg.BaseURL, s.close = url, stop
	}
	c, err := client.New(cfg)
	if err != nil {
		s.Close()
		hint := ""
		if f.Getenv(EnvEmulatorURL) != "" && env == client.Local {
			hint = EnvEmulatorURL + " must be the emulator's base URL, like http://127.0.0.1:8686"
		}
		return nil, exitcode.Local(err, hint)
	}
	s.Client = c
	return s, nil
}

// ServedEmulator is a client of the emulator serving at url, with the
// emulator's own credentials (never Plaid's) and a short budget: it is on
// this machine, or nowhere.
func (f *Factory) ServedEmulator(url string) (*client.Client, error) {
	if !validate.IsHTTPURL(url) {
		return nil, exitcode.Invalid(fmt.Errorf("%q is not an http(s) URL", url), "an emulator's base URL is like http://127.0.0.1:8686")
	}
	id, secret, _ := client.Credentials(client.Local, f.Getenv)
	cfg := client.Config{Environment: client.Local, BaseURL: url, Emulator: url, ClientID: id, Secret: secret,
		Version: f.Version, Budget: 5 * time.Second}
	if f.Transport != nil {
		cfg.HTTPClient = &http.Client{Transport: f.Transport}
	}
	return client.New(cfg)
}

// DefaultServedEmulator is where `plaid-onboard emulator` serves unless
// told otherwise.
const DefaultServedEmulator = "http://127.0.0.1:8686"

// BuiltInEmulatorName is how screens name the emulator run in-process.
const BuiltInEmulatorName = "the built-in emulator"

// ServedEmulatorName is how screens name an emulator serving at url.
func ServedEmulatorName(url string) string { return "the emulator at " + url }

func (f *Factory) startLocalEmulator(id, secret string) (string, func(), error) {
	opts := emulator.Options{ClientID: id, Secret: secret, StatePath: f.Paths.EmulatorState(),
		LegacyPath: f.Paths.EmulatorLegacyState(), Now: f.Now}
	if cfg, err := emulator.LoadConfig(f.Paths.EmulatorConfig()); err == nil {
		opts.Programs = cfg.Programs
		opts.Partner = cfg.Partner
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", nil, err
	}
	emu, err := emulator.New(opts)
	if err != nil {
		return "", nil, fmt.Errorf("starting the local emulator: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		_ = emu.Close() // the error says what went wrong
		return "", nil, fmt.Errorf("starting the local emulator: %w", err)
	}
	srv, _ := emulator.Serve(ln, emu, emulator.ServerOptions{})
	// Webhooks to URLs the config names are sent from here while the
	// session lasts; those to a serving emulator's --webhook, by it.
	deliver, stopDelivery := context.WithCancel(context.Background())
	delivered := make(chan struct{})
	if configNamesWebhook(opts) {
		go func() { emu.DeliverWebhooks(deliver); close(delivered) }()
	} else {
		close(delivered)
	}
	stop := func() {
		stopDelivery()
		<-delivered
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx) // in-process: its requests are this process's, all answered
		_ = emu.Close()       // every change was committed when it was answered
	}
	return "http://" + ln.Addr().String(), stop, nil
}

func configNamesWebhook(o emulator.Options) bool {
	if o.Partner != nil && (o.Partner.Webhook != "" || len(o.Partner.CustomerWebhooks) > 0) {
		return true
	}
	for _, p := range o.Programs {
		if p.Webhook != "" {
			return true
		}
	}
	return false
}

// EnvDebug set to 1 is --debug for every command.
const EnvDebug = "PLAID_ONBOARD_DEBUG"

// DebugWanted reports whether --debug was given or PLAID_ONBOARD_DEBUG=1.
func (f *Factory) DebugWanted(flag bool) bool {
	v := f.Getenv(EnvDebug)
	return flag || v == "1" || strings.EqualFold(v, "true")
}

// OpenDebugFile opens a new debug log in the data directory, private to
// the user (0600, in a 0700 directory): the screens' --debug output.
func (f *Factory) OpenDebugFile() (*os.File, error) {
	dir := filepath.Join(f.Paths.Data, "debug")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, exitcode.Local(fmt.Errorf("creating the debug log's directory: %w", err), "")
	}
	path := filepath.Join(dir, f.Now().UTC().Format("20060102-150405.000")+".log")
	file, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, exitcode.Local(fmt.Errorf("opening the debug log: %w", err), "")
	}
	return file, nil
}

// EnvKeyring set to "off" keeps the drafts key out of the OS keyring (CI,
// containers, people who prefer the key file).
const EnvKeyring = "PLAID_ONBOARD_KEYRING"

// Drafts opens the drafts store. notice hears, once per machine, that the
// encryption key had to be kept in a file.
func (f *Factory) Drafts(notice func(string)) (*drafts.Store, error) {
	keys := &drafts.Keys{
		File:       drafts.KeyFilePath(f.Paths.Config),
		UseKeyring: !strings.EqualFold(f.Getenv(EnvKeyring), "off"),
		Notice:     notice,
	}
	s, err := drafts.Open(f.Paths.Drafts(), keys)
	if err != nil {
		return nil, exitcode.Local(err, "the drafts live in "+f.Paths.Drafts()+" ("+EnvDataDir+" moves them)")
	}
	s.SetClock(f.Now)
	s.SetTemplates(drafts.OpenTemplates(f.Paths.Templates()))
	// Writes killed halfway leave temporaries beside their files (the key,
	// the remembered programs, the emulator's state): every file in these
	// two directories is ours, so any stale temporary goes.
	for _, dir := range []string{f.Paths.Config, f.Paths.Data} {
		atomicfile.Sweep(dir, f.Now(), func(string) bool { return true })
	}
	return s, nil
}

// BeaconProgram is a Beacon program the wizard can offer.
type BeaconProgram struct {
	ID, Name string
}

// BeaconPrograms lists the programs to offer in env: the local emulator's
// own (for local), then the ids used before in env, most recent first.
func (f *Factory) BeaconPrograms(env client.Environment) []BeaconProgram {
	var out []BeaconProgram
	seen := map[string]bool{}
	if env == client.Local {
		programs := emulator.DefaultPrograms()
		if cfg, err := emulator.LoadConfig(f.Paths.EmulatorConfig()); err == nil {
			programs = append(programs, cfg.Programs...)
		}
		for _, p := range programs {
			if !seen[p.ID] {
				seen[p.ID] = true
				out = append(out, BeaconProgram{ID: p.ID, Name: p.Name})
			}
		}
	}
	for _, id := range prefs.LoadPrograms(f.Paths.KnownPrograms())[string(env)] {
		if !seen[id] {
			seen[id] = true
			out = append(out, BeaconProgram{ID: id, Name: "used before"})
		}
	}
	return out
}

// RememberProgram records a program id used in env.
func (f *Factory) RememberProgram(env client.Environment, id string) error {
	return prefs.RememberProgram(f.Paths.KnownPrograms(), string(env), id)
}

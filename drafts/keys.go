package drafts

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/plaid-onboard/plaid-onboard/internal/atomicfile"
	"github.com/plaid-onboard/plaid-onboard/internal/filelock"
)

// KeySource yields the 32-byte key that seals personal data in drafts,
// making one on first use.
type KeySource interface {
	Key() ([]byte, error)
	// Where says where the key lives, for messages ("the OS keyring",
	// "the file …").
	Where() string
}

// Keyring names: the service and account the key is stored under.
const (
	keyringService = "plaid-onboard"
	keyringUser    = "drafts-encryption-key"
	// KeyringTimeout bounds each keyring call: on a headless machine the
	// Secret Service can hang on D-Bus instead of failing.
	KeyringTimeout = 2 * time.Second
)

// Keys keeps the key in the OS keyring when one answers in time, else in a
// file readable only by the user. A key file that exists always wins, so a
// keyring that is slow one day cannot strand drafts sealed the day before.
type Keys struct {
	// File is the fallback key file (0600, in a 0700 directory).
	File string
	// UseKeyring is false to skip the keyring entirely (tests,
	// PLAID_ONBOARD_KEYRING=off).
	UseKeyring bool
	// Notice is told, once per machine, when the key had to go to a file.
	Notice func(string)

	once  sync.Once
	key   []byte
	where string
	err   error
}

// Key returns the key, resolving it once.
func (k *Keys) Key() ([]byte, error) {
	k.once.Do(func() { k.key, k.where, k.err = k.resolve() })
	return k.key, k.err
}

// Where says where the key lives.
func (k *Keys) Where() string {
	_, _ = k.Key() // finding it says where; a failure is said by Key's callers
	return k.where
}

func (k *Keys) resolve() ([]byte, string, error) {
	if key, err := readKeyFile(k.File); err == nil {
		return key, "the file " + k.File, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, "", err
	}
	// No key yet. Several processes may start at once (a wizard and a
	// command): one makes the key, the others must take that one, or what
	// they seal can never be opened again. The lock makes them take turns;
	// whoever comes second finds the key made.
	unlock, err := filelock.Lock(k.File+".lock", keyLockWait)
	if err != nil {
		return nil, "", fmt.Errorf("%w: %w", ErrKeyUnavailable, err)
	}
	defer unlock()
	if key, err := readKeyFile(k.File); err == nil {
		return key, "the file " + k.File, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, "", err
	}
	reason := "the OS keyring is turned off (PLAID_ONBOARD_KEYRING=off)"
	if k.UseKeyring {
		secret, err := timeBoxed(KeyringTimeout, func() (string, error) { return keyring.Get(keyringService, keyringUser) })
		if err == nil {
			key, derr := base64.StdEncoding.DecodeString(secret)
			if derr == nil && len(key) == 32 {
				return key, "the OS keyring", nil
			}
			err = errors.New("the key stored in the OS keyring is not a 32-byte key")
		}
		if errors.Is(err, keyring.ErrNotFound) {
			key := newKey()
			_, err = timeBoxed(KeyringTimeout, func() (string, error) {
				return "", keyring.Set(keyringService, keyringUser, base64.StdEncoding.EncodeToString(key))
			})
			if err == nil {
				return key, "the OS keyring", nil
			}
		}
		reason = "no OS keyring answered (" + err.Error() + ")"
	}
	key, err := createKeyFile(k.File)
	if err != nil {
		return nil, "", fmt.Errorf("%w: %w", ErrKeyUnavailable, err)
	}
	k.noticeOnce(fmt.Sprintf("%s, so the key that encrypts personal data in drafts is kept in %s (readable only by you).", reason, k.File))
	return key, "the file " + k.File, nil
}

// keyLockWait bounds the wait for another process making the key: it takes
// a keyring call at most.
const keyLockWait = 2*KeyringTimeout + 5*time.Second

// createKeyFile makes a new key file, never replacing one: the key is
// written and synced under a temporary name, then linked to path, which
// fails if path exists — in which case the key already there is read and
// returned instead.
func createKeyFile(path string) ([]byte, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".new*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name()) //nolint:errcheck // linked into place or not, the temporary goes
	// os.CreateTemp makes the file 0600 from its first byte.
	key := newKey()
	_, err = tmp.WriteString(base64.StdEncoding.EncodeToString(key) + "\n")
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("writing the key: %w", err)
	}
	if err := os.Link(tmp.Name(), path); errors.Is(err, os.ErrExist) {
		return readKeyFile(path)
	} else if err != nil {
		return nil, err
	}
	return key, atomicfile.SyncDir(dir)
}

// noticeOnce tells the user about the key file the first time only: a
// marker beside the key remembers it was said.
func (k *Keys) noticeOnce(msg string) {
	marker := k.File + ".notice-shown"
	if _, err := os.Stat(marker); err == nil || k.Notice == nil {
		return
	}
	k.Notice(msg)
	_ = atomicfile.Write(marker, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o600)
}

func readKeyFile(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	key, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(key) != 32 {
		return nil, fmt.Errorf("the key file %s is damaged: move it away only if you accept losing the personal data in existing drafts", path)
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		_ = os.Chmod(path, 0o600)
	}
	return key, nil
}

func newKey() []byte {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		panic("drafts: random source failed: " + err.Error())
	}
	return key
}

// errKeyringTimeout means the OS keyring did not answer in time.
var errKeyringTimeout = errors.New("the OS keyring did not answer in time")

// timeBoxed runs a keyring call, giving up after limit. A call
// that hangs is abandoned (its goroutine stays blocked in D-Bus until the
// process ends), which is the price of never freezing the program.
func timeBoxed(limit time.Duration, call func() (string, error)) (string, error) {
	type result struct {
		s   string
		err error
	}
	done := make(chan result, 1)
	go func() {
		s, err := call()
		done <- result{s, err}
	}()
	select {
	case r := <-done:
		return r.s, r.err
	case <-time.After(limit):
		return "", fmt.Errorf("%w (waited %v)", errKeyringTimeout, limit)
	}
}

// StaticKey is a KeySource with a fixed key (tests, tools).
type StaticKey []byte

// Key returns the key.
func (s StaticKey) Key() ([]byte, error) { return s, nil }

// Where says where the key lives.
func (s StaticKey) Where() string { return "memory" }

// KeyFilePath is the conventional key file in a config directory.
func KeyFilePath(configDir string) string { return filepath.Join(configDir, "drafts.key") }

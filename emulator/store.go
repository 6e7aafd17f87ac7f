package emulator

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/plaid-onboard/plaid-onboard/internal/atomicfile"
	"github.com/plaid-onboard/plaid-onboard/internal/filelock"
)

// fileStore keeps the state in a file that several processes may share
// (the TUI in one terminal, a command in another): each request takes the
// lock, reloads the file if another process changed it, and saves after a
// change. Writes are atomic, so a crash leaves the old state or the new.
type fileStore struct {
	path string
	seen os.FileInfo // the file as last read or written
}

const lockWait = 5 * time.Second

func (f *fileStore) lock() (func(), error) {
	return filelock.Lock(f.path+".lock", lockWait)
}

// load reads the state at start; a missing file is an empty state (nil).
func (f *fileStore) load() (*state, error) {
	unlock, err := f.lock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	st, err := f.read()
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	return st, err
}

func (f *fileStore) read() (*state, error) {
	b, err := os.ReadFile(f.path)
	if err != nil {
		return nil, err
	}
	st, err := decodeState(b)
	if err != nil {
		return nil, fmt.Errorf("the emulator's state %s cannot be read: %w (move it away, or run `plaid-onboard emulator reset` for the local one)", f.path, err)
	}
	f.seen, _ = os.Stat(f.path)
	return st, nil
}

// reloadIfChanged returns the state on disk when another process wrote it
// since we last did, else nil.
func (f *fileStore) reloadIfChanged() (*state, error) {
	fi, err := os.Stat(f.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if f.seen != nil && os.SameFile(fi, f.seen) && fi.ModTime().Equal(f.seen.ModTime()) && fi.Size() == f.seen.Size() {
		return nil, nil
	}
	return f.read()
}

func (f *fileStore) save(st *state) error {
	b, err := st.encode()
	if err != nil {
		return err
	}
	// 0600: the state holds the personal data of screened people.
	if err := atomicfile.Write(f.path, b, 0o600); err != nil {
		return err
	}
	f.seen, _ = os.Stat(f.path)
	return nil
}

// Package filelock takes an advisory lock on a file shared by processes of
// this program, waiting a bounded time for it.
package filelock

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// ErrTimeout means another process held the lock for the whole wait.
var ErrTimeout = errors.New("another plaid-onboard process holds the lock")

// Lock takes an exclusive lock on path (created 0600, in a directory created
// 0700, if missing), waiting up to wait. The returned function releases it.
func Lock(path string, wait time.Duration) (func(), error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("creating the directory of lock %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("opening lock %s: %w", path, err)
	}
	deadline := time.Now().Add(wait)
	for {
		locked, err := tryLock(f)
		if err != nil {
			_ = f.Close() // the lock is not ours
			return nil, fmt.Errorf("locking %s: %w", path, err)
		}
		if locked {
			return func() { unlock(f); _ = f.Close() }, nil
		}
		if time.Now().After(deadline) {
			_ = f.Close() // the lock is not ours
			return nil, fmt.Errorf("the lock %s: %w", path, ErrTimeout)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

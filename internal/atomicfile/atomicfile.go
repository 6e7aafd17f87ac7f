// Package atomicfile writes files so that a crash at any instant leaves the
// old content or the new, never a mixture: a temporary file in the same
// directory, fsync, rename over the target, fsync the directory.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Write replaces path with data, readable and writable by the owner only
// when perm says so. Missing parent directories are created 0700.
func Write(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	if err := replace(path, data, perm); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return SyncDir(dir)
}

// SyncDir makes a rename in dir durable: without it, a power cut after
// rename can still bring back the old name.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("opening %s to sync it: %w", dir, err)
	}
	defer d.Close() //nolint:errcheck // a directory opened to sync it
	if err := d.Sync(); err != nil && !isUnsupported(err) {
		return fmt.Errorf("syncing %s: %w", dir, err)
	}
	return nil
}

// IsTemporary reports whether name (a base name) is a temporary file that
// Write makes beside target name base: ".<base>" and digits (renameio's
// pattern; ".<base>.tmp" and more on Windows).
func IsTemporary(name, base string) bool {
	rest, found := strings.CutPrefix(name, "."+base)
	if !found || rest == "" {
		return false
	}
	rest = strings.TrimPrefix(rest, ".tmp")
	return strings.Trim(rest, "0123456789") == ""
}

// StaleAge is how old a temporary file must be before Sweep removes it:
// far longer than any write takes, so a write in progress elsewhere is
// safe.
const StaleAge = time.Minute

// Sweep removes, in dir, the temporary files that writes killed halfway
// left behind, for targets whose base names are kept (isTarget) and older
// than StaleAge at now. It reports how many it removed.
func Sweep(dir string, now time.Time, isTarget func(base string) bool) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	removed := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, ".") {
			continue
		}
		base := strings.TrimRight(strings.TrimPrefix(name, "."), "0123456789")
		base = strings.TrimSuffix(base, ".tmp")
		if !IsTemporary(name, base) || !isTarget(base) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > StaleAge {
			if os.Remove(filepath.Join(dir, name)) == nil {
				removed++
			}
		}
	}
	return removed
}

package emulator

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// StoreProblem is what kept the emulator's store from working, and the
// advice that fits it: a damaged file is moved away or reset, but a full
// or read-only disk is not the file's fault — resetting would delete a
// healthy store.
type StoreProblem struct {
	Path string
	Kind StoreProblemKind
	Err  error
}

// StoreProblemKind tells the causes apart.
type StoreProblemKind uint8

// The causes a store can fail for.
const (
	StoreFailed    StoreProblemKind = iota // something else; the file passed its check
	StoreDamaged                           // the file fails SQLite's integrity check, or is not a database
	StoreFull                              // no space left on the disk (or the file may grow no more)
	StoreReadOnly                          // the file, its directory or the disk cannot be written
	StoreDiskError                         // a disk I/O error, the file intact: a full or failing disk
)

func (p *StoreProblem) Error() string {
	switch p.Kind {
	case StoreDamaged:
		return fmt.Sprintf("the emulator's state %s is damaged (%v): move it away, or run `plaid-onboard emulator reset` for the local one (both lose what it held)", p.Path, p.Err)
	case StoreFull:
		return fmt.Sprintf("the emulator's state %s cannot grow: the disk is full (%v). Free some space and try again; the store itself is intact, so do not reset it", p.Path, p.Err)
	case StoreReadOnly:
		return fmt.Sprintf("the emulator's state %s cannot be written (%v): the file, its directory or the disk is read-only. Check their permissions; the store itself is intact", p.Path, p.Err)
	case StoreDiskError:
		return fmt.Sprintf("the emulator's state %s met a disk I/O error (%v): the disk may be full or failing. The file passed SQLite's integrity check, so do not reset it: free some space, or check the disk, and try again", p.Path, p.Err)
	}
	return fmt.Sprintf("the emulator's state %s: %v (it passed SQLite's integrity check, so it is not damaged: do not reset it)", p.Path, p.Err)
}

func (p *StoreProblem) Unwrap() error { return p.Err }

// storeError wraps err, met using the store at path, with its cause. An
// I/O error that does not name one is told apart by SQLite's own check of
// the file, made read-only.
func storeError(path string, err error) error {
	if err == nil || path == "" {
		return err
	}
	var already *StoreProblem
	if errors.As(err, &already) {
		return err
	}
	p := &StoreProblem{Path: path, Err: err, Kind: causeOf(err)}
	if (p.Kind == StoreFailed || p.Kind == StoreDiskError) && !intact(path) {
		p.Kind = StoreDamaged
	}
	return p
}

func causeOf(err error) StoreProblemKind {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EFBIG), errors.Is(err, syscall.EDQUOT):
		return StoreFull
	case errors.Is(err, syscall.EROFS), errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		return StoreReadOnly
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return StoreFailed
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return StoreDamaged
	case sqlite3.SQLITE_FULL:
		return StoreFull
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN:
		return StoreReadOnly
	case sqlite3.SQLITE_IOERR:
		return StoreDiskError
	}
	return StoreFailed
}

// intact runs SQLite's quick check on the file, read-only: true when it
// passes, or when it cannot be run at all (then the file is not known to
// be damaged, and resetting it is not the advice).
func intact(path string) bool {
	verdict, err := checkStore(path, "quick_check")
	if err != nil {
		var se *sqlite.Error
		return !errors.As(err, &se) || (se.Code()&0xff != sqlite3.SQLITE_CORRUPT && se.Code()&0xff != sqlite3.SQLITE_NOTADB)
	}
	return verdict == "ok"
}

// IntegrityCheck runs SQLite's full integrity check on a store file,
// read-only, for `doctor`: "ok", or SQLite's first finding.
func IntegrityCheck(path string) (string, error) {
	return checkStore(path, "integrity_check")
}

func checkStore(path, pragma string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	dsn := (&url.URL{Scheme: "file", Path: abs, RawQuery: "mode=ro"}).String()
	conn, err := sql.Open("sqlite", dsn)
	if err != nil {
		return "", err
	}
	defer conn.Close() //nolint:errcheck // read only
	var verdict string
	err = conn.QueryRow("PRAGMA " + pragma).Scan(&verdict)
	return verdict, err
}

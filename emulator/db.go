package emulator

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	_ "modernc.org/sqlite" // SQLite in pure Go: static builds and go install keep working
)

// The emulator keeps what it holds in SQLite (modernc.org/sqlite: no cgo,
// so the release build stays static). WAL lets several processes — the
// wizard, a command, `plaid-onboard emulator` — read while one writes;
// every API change is one transaction, committed with a full sync before
// its answer goes out; nothing loads the whole store.

// defaultCacheSize is SQLite's page cache per connection (in KiB when
// negative): its own default, which keeps the emulator small.
const defaultCacheSize = -8000

// schemaVersion is the layout below; PRAGMA user_version records it.
const schemaVersion = 2

const schema = `
CREATE TABLE IF NOT EXISTS meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS programs (
	id                      TEXT PRIMARY KEY,
	name                    TEXT NOT NULL,
	duplicate_fields        TEXT NOT NULL,
	auto_flag_network_fraud INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS customers (
	seq          INTEGER PRIMARY KEY,
	client_id    TEXT NOT NULL UNIQUE,
	app_key      TEXT NOT NULL UNIQUE, -- the application name, folded: names are unique across Plaid
	company_name TEXT NOT NULL,
	request      TEXT NOT NULL,        -- the create request as amended since, the logo left out (JSON)
	has_logo     INTEGER NOT NULL,
	secrets      TEXT NOT NULL,        -- JSON
	status       TEXT NOT NULL,
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS customer_products (
	client_id TEXT NOT NULL,
	product   TEXT NOT NULL,
	status    TEXT NOT NULL,
	enabled   INTEGER NOT NULL,
	PRIMARY KEY (client_id, product)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS customer_requirements (
	client_id   TEXT NOT NULL,
	position    INTEGER NOT NULL,
	requirement TEXT NOT NULL,
	PRIMARY KEY (client_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS customer_institutions (
	client_id      TEXT NOT NULL,
	institution_id TEXT NOT NULL,
	name           TEXT NOT NULL,
	status         TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	PRIMARY KEY (client_id, institution_id)
) STRICT, WITHOUT ROWID;

-- The delivery loop looks every second for registrations whose time has
-- come (institutions.go): by status and time, not a scan.
CREATE INDEX IF NOT EXISTS customer_institutions_due ON customer_institutions (status, updated_at);

CREATE TABLE IF NOT EXISTS beacon_users (
	seq            INTEGER PRIMARY KEY,
	id             TEXT NOT NULL UNIQUE,
	program_id     TEXT NOT NULL,
	client_user_id TEXT NOT NULL,
	version        INTEGER NOT NULL,
	status         TEXT NOT NULL,
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	person         TEXT NOT NULL, -- the person as sent, account numbers left out (JSON)
	audit          TEXT NOT NULL, -- JSON
	-- Account numbers are never kept: a mask, the routing number and a
	-- keyed hash for matching (JSON).
	accounts       TEXT NOT NULL,
	item_ids       TEXT NOT NULL  -- JSON
) STRICT;
CREATE INDEX IF NOT EXISTS beacon_users_by_client ON beacon_users (program_id, client_user_id);

-- The versions a user had before its current one (which is its row), as
-- the Beacon User object showed them. Rows are large and come in time
-- order: a rowid table, which appends, with the lookup in a small index.
CREATE TABLE IF NOT EXISTS beacon_versions (
	seq     INTEGER PRIMARY KEY,
	user_id TEXT NOT NULL,
	version INTEGER NOT NULL,
	view    TEXT NOT NULL, -- JSON
	UNIQUE (user_id, version)
) STRICT;

-- Duplicate Information Filtering: each user's match keys, by program.
CREATE TABLE IF NOT EXISTS beacon_keys (
	program_id TEXT NOT NULL,
	field      TEXT NOT NULL,
	key        BLOB NOT NULL,    -- a keyed hash of the normalised value
	user_seq   INTEGER NOT NULL, -- beacon_users.seq
	PRIMARY KEY (program_id, field, key, user_seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS reports (
	seq          INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	user_id      TEXT NOT NULL,
	type         TEXT NOT NULL,
	fraud_date   TEXT NOT NULL,
	fraud_amount TEXT,            -- JSON, NULL when unknown
	created_at   TEXT NOT NULL,
	audit        TEXT NOT NULL,   -- JSON
	person       TEXT NOT NULL    -- the reported user's data when reported, as beacon_users.person
) STRICT;
CREATE INDEX IF NOT EXISTS reports_by_user ON reports (user_id, seq);

-- The reported user's keys as they were when reported.
CREATE TABLE IF NOT EXISTS report_keys (
	field     TEXT NOT NULL,
	key       BLOB NOT NULL,
	report_id TEXT NOT NULL,
	PRIMARY KEY (field, key, report_id)
) STRICT, WITHOUT ROWID;

-- A report matching a user: one of this organisation's (report_id) or
-- one of the Beacon Network's (network, its place in NetworkReports).
CREATE TABLE IF NOT EXISTS syndications (
	seq        INTEGER PRIMARY KEY,
	id         TEXT NOT NULL UNIQUE,
	user_id    TEXT NOT NULL,
	report_id  TEXT,
	network    INTEGER,
	analysis   TEXT NOT NULL, -- JSON
	created_at TEXT NOT NULL,
	CHECK ((report_id IS NULL) != (network IS NULL))
) STRICT;
CREATE INDEX IF NOT EXISTS syndications_by_user ON syndications (user_id, seq);

CREATE TABLE IF NOT EXISTS duplicates (
	seq           INTEGER PRIMARY KEY,
	id            TEXT NOT NULL UNIQUE,
	user1_id      TEXT NOT NULL,
	user1_version INTEGER NOT NULL,
	user2_id      TEXT NOT NULL,
	user2_version INTEGER NOT NULL,
	analysis      TEXT NOT NULL, -- JSON
	created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS duplicates_by_user1 ON duplicates (user1_id);
CREATE INDEX IF NOT EXISTS duplicates_by_user2 ON duplicates (user2_id);

-- Webhooks waiting to be delivered, delivered or given up (an outbox
-- written in the transaction of the change that caused them), and every
-- attempt to deliver them.
CREATE TABLE IF NOT EXISTS webhooks (
	seq           INTEGER PRIMARY KEY,
	id            TEXT NOT NULL UNIQUE,
	url           TEXT NOT NULL,
	code          TEXT NOT NULL,
	object_id     TEXT NOT NULL,
	body          TEXT NOT NULL,
	created_at    TEXT NOT NULL,
	state         TEXT NOT NULL, -- pending, delivered, failed
	attempts      INTEGER NOT NULL,
	next_at       TEXT NOT NULL,
	claimed_until TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS webhooks_due ON webhooks (state, next_at);
CREATE TABLE IF NOT EXISTS webhook_attempts (
	seq        INTEGER PRIMARY KEY,
	webhook_id TEXT NOT NULL,
	at         TEXT NOT NULL,
	status     INTEGER NOT NULL, -- HTTP status, 0 when none came
	error      TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS webhook_attempts_by_webhook ON webhook_attempts (webhook_id, seq);
`

// db is the emulator's store.
type db struct {
	sql  *sql.DB
	path string // "" for a store in memory
	salt string // keys the hashes of match keys and account numbers
	// mu makes this process's writes take turns, so they queue here rather
	// than on SQLite's busy handler; other processes wait on that.
	mu sync.Mutex
	// failCommit, in tests, makes a commit fail: a change that could not
	// be stored must not exist.
	failCommit atomic.Pointer[error]
	// stmts are the prepared statements, by query.
	stmts sync.Map
}

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// legacyState reads path when it holds a JSON state (an older layout),
// refusing a file that is neither that nor a database.
func legacyState(path string) ([]byte, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("the emulator's state %s cannot be read: %w", path, err)
	}
	defer f.Close() //nolint:errcheck // read only
	head := make([]byte, len(sqliteMagic))
	n, _ := io.ReadFull(f, head)
	switch trimmed := bytes.TrimLeft(head[:n], " \t\r\n"); {
	case n == 0, bytes.Equal(head, sqliteMagic):
		return nil, nil
	case len(trimmed) > 0 && trimmed[0] == '{':
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		return io.ReadAll(f)
	}
	return nil, &StoreProblem{Path: path, Kind: StoreDamaged, Err: errors.New("neither a database nor a JSON state")}
}

func openSQL(path string, random io.Reader) (*db, error) {
	dsn := "file::memory:"
	if path != "" {
		// A relative path would become the URL's host ("file://demo.db").
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, err
		}
		if err := createPrivate(abs); err != nil {
			return nil, storeError(path, err)
		}
		dsn = (&url.URL{Scheme: "file", Path: abs}).String()
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(FULL)", "busy_timeout(30000)", "foreign_keys(1)", fmt.Sprintf("cache_size(%d)", defaultCacheSize)} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate") // a writer takes the lock at BEGIN: no upgrade deadlocks
	conn, err := sql.Open("sqlite", dsn+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	if path == "" {
		conn.SetMaxOpenConns(1) // each connection to :memory: is a database of its own
	} else {
		conn.SetMaxIdleConns(4) // keep the connections, and the statements prepared on them
	}
	d := &db{sql: conn, path: path}
	if err := d.migrate(random); err != nil {
		_ = conn.Close() // the error says what went wrong
		return nil, storeError(path, err)
	}
	return d, nil
}

// createPrivate makes the database file, empty and 0600, unless it
// exists: SQLite creates its journal, WAL and shared-memory files with the
// database file's mode, so personal data is the user's alone from the
// first byte of every file. (SQLite itself would create it 0644, and a
// chmod afterwards leaves a moment in which anyone may open it.)
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// migrate creates the tables of this layout, and the salt, once.
func (d *db) migrate(random io.Reader) error {
	ctx := context.Background()
	var version int
	if err := d.sql.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version > schemaVersion {
		return fmt.Errorf("it has layout %d; this program reads up to %d", version, schemaVersion)
	}
	if version == schemaVersion {
		return d.sql.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'salt'").Scan(&d.salt)
	}
	return d.write(ctx, func(tx *txn) error {
		// Several statements: not one to prepare.
		if _, err := tx.ExecContext(ctx, schema); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", schemaVersion)); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'salt'").Scan(&d.salt)
		if errors.Is(err, sql.ErrNoRows) {
			b := make([]byte, 18)
			if _, err := io.ReadFull(random, b); err != nil {
				return err
			}
			d.salt = hex.EncodeToString(b)
			_, err = tx.ExecContext(ctx, "INSERT INTO meta (key, value) VALUES ('salt', ?)", d.salt)
		}
		return err
	})
}

// write runs fn in one write transaction, committed durably before write
// returns; an error from fn, or a failed commit, leaves nothing of it.
func (d *db) write(ctx context.Context, fn func(tx *txn) error) error {
	return d.writeOn(ctx, d.sql, fn)
}

// beginner is a *sql.DB, or one *sql.Conn of it.
type beginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// writeOn is write on a connection of the caller's choosing.
func (d *db) writeOn(ctx context.Context, on beginner, fn func(tx *txn) error) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	tx, err := on.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("opening a write: %w", err)
	}
	if err := fn(&txn{Tx: tx, ctx: ctx, d: d}); err != nil {
		_ = tx.Rollback() // nothing was committed either way
		return err
	}
	if fail := d.failCommit.Load(); fail != nil {
		_ = tx.Rollback() // nothing was committed either way
		return *fail
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing: %w", err)
	}
	return nil
}

// read runs fn in a read transaction: one consistent view.
func (d *db) read(ctx context.Context, fn func(tx *txn) error) error {
	tx, err := d.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("opening a read: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a read: nothing to undo
	return fn(&txn{Tx: tx, ctx: ctx, d: d})
}

// close closes the store; with WAL, the last connection to close folds
// the journal back into the database.
func (d *db) close() error {
	d.stmts.Range(func(_, s any) bool {
		_ = s.(*sql.Stmt).Close() // the database closes next
		return true
	})
	return d.sql.Close()
}

// txn is one transaction and the context it runs in. Its statements are
// prepared once per connection (database/sql keeps them), not parsed
// again for every row.
type txn struct {
	*sql.Tx
	ctx context.Context
	d   *db
}

// stmt is query prepared on this transaction's connection, or nil for a
// store in memory, whose one connection is this transaction's (preparing
// on the database would wait for it).
func (t *txn) stmt(query string) (*sql.Stmt, error) {
	if t.d.path == "" {
		return nil, nil
	}
	s, ok := t.d.stmts.Load(query)
	if !ok {
		prepared, err := t.d.sql.PrepareContext(t.ctx, query)
		if err != nil {
			return nil, err
		}
		if s, ok = t.d.stmts.LoadOrStore(query, prepared); ok {
			_ = prepared.Close() // another goroutine's is used
		}
	}
	return t.StmtContext(t.ctx, s.(*sql.Stmt)), nil
}

func (t *txn) exec(query string, args ...any) (sql.Result, error) {
	s, err := t.stmt(query)
	switch {
	case err != nil:
		return nil, err
	case s == nil:
		return t.ExecContext(t.ctx, query, args...)
	}
	return s.ExecContext(t.ctx, args...)
}

// row runs a query for one row; its error comes with Scan.
func (t *txn) row(query string, args ...any) *sql.Row {
	if s, err := t.stmt(query); err == nil && s != nil {
		return s.QueryRowContext(t.ctx, args...)
	}
	return t.QueryRowContext(t.ctx, query, args...) // with the error, if preparing failed
}

// each runs a query and hands each row to scan.
func (t *txn) each(scan func(*sql.Rows) error, query string, args ...any) error {
	s, err := t.stmt(query)
	if err != nil {
		return err
	}
	var rows *sql.Rows
	if s == nil {
		rows, err = t.QueryContext(t.ctx, query, args...)
	} else {
		rows, err = s.QueryContext(t.ctx, args...)
	}
	if err != nil {
		return err
	}
	defer rows.Close() //nolint:errcheck // rows.Err says what went wrong
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// has says, in a read of its own, whether a query finds a row: a loop
// that polls looks before it takes the write lock.
func (d *db) has(ctx context.Context, query string, args ...any) (bool, error) {
	var found bool
	err := d.read(ctx, func(tx *txn) error {
		var err error
		found, err = tx.exists(query, args...)
		return err
	})
	return found, err
}

// exists says whether a query finds a row.
func (t *txn) exists(query string, args ...any) (bool, error) {
	var one int
	err := t.row(query, args...).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

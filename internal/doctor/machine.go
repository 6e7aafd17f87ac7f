package doctor

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
)

const areaMachine = "This machine"

// machineChecks looks at what this program keeps: the key that seals
// drafts, the directories' modes, every draft, the emulator's store.
func (d *run) machineChecks() {
	f := d.o.Factory
	// Opening the store makes the directories (and the key) as any
	// command would: their modes are then what every run leaves.
	store, err := f.Drafts(nil)
	var where string
	var keyErr error
	if err == nil {
		where, keyErr = store.KeyWhere()
	}
	d.directory("Data directory", f.Paths.Data)
	d.directory("Config directory", f.Paths.Config)
	if err != nil {
		d.add(areaMachine, "Drafts", Fail, err.Error(), "")
		return
	}
	err = keyErr
	switch {
	case err != nil:
		d.add(areaMachine, "Drafts key", Fail, err.Error(), "make the config directory writable, or set "+app.EnvKeyring+"=off to keep the key in a file")
	case strings.HasPrefix(where, "the file "):
		d.add(areaMachine, "Drafts key", d.modeState(strings.TrimPrefix(where, "the file "), 0o600), "in "+where+" (no OS keyring answered, or it is off)", "chmod 600 "+strings.TrimPrefix(where, "the file "))
	default:
		d.add(areaMachine, "Drafts key", OK, "in "+where, "")
	}
	d.drafts(store)
	d.emulatorStore(f.Paths.EmulatorState())
}

// directory checks a directory is private (0700), and that no file in it
// is readable by others.
func (d *run) directory(name, dir string) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		d.add(areaMachine, name, Info, dir+" (not made yet: made 0700 on first use)", "")
		return
	case err != nil:
		d.add(areaMachine, name, Fail, err.Error(), "")
		return
	case info.Mode().Perm()&0o077 != 0:
		d.add(areaMachine, name, Warn, fmt.Sprintf("%s is %04o: others can look inside", dir, info.Mode().Perm()), "chmod 700 "+dir)
		return
	}
	var loose []string
	_ = filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil //nolint:nilerr // what cannot be read is said by the checks that read it
		}
		if i, statErr := e.Info(); statErr == nil && i.Mode().Perm()&0o077 != 0 {
			loose = append(loose, path)
		}
		return nil
	})
	if len(loose) > 0 {
		d.add(areaMachine, name, Warn, fmt.Sprintf("%s is 0700, but %d %s readable by others, first %s", dir, len(loose), words.Plural(len(loose), "entry is", "entries are"), loose[0]),
			"chmod -R go-rwx "+dir)
		return
	}
	d.add(areaMachine, name, OK, dir+" (0700, every file private)", "")
}

// modeState is OK when path has no more permissions than want.
func (d *run) modeState(path string, want fs.FileMode) State {
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm()&^want != 0 {
		return Warn
	}
	return OK
}

// drafts reads every draft through, personal data included.
func (d *run) drafts(store *drafts.Store) {
	list, quarantined, err := store.List()
	if err != nil {
		d.add(areaMachine, "Drafts", Fail, err.Error(), "")
		return
	}
	var unreadable, sealed []string
	for _, s := range list {
		dr, err := store.Load(s.ID)
		switch {
		case err != nil:
			unreadable = append(unreadable, s.ID)
		case dr.PIIUnreadable:
			sealed = append(sealed, s.ID)
		}
	}
	switch {
	case len(unreadable) > 0:
		d.add(areaMachine, "Drafts", Fail, fmt.Sprintf("%d of %d cannot be read: %s", len(unreadable), len(list), strings.Join(unreadable, ", ")),
			"plaid-onboard drafts show ID says why")
	case len(sealed) > 0:
		d.add(areaMachine, "Drafts", Fail, fmt.Sprintf("%d of %d hold personal data this key cannot open: %s", len(sealed), len(list), strings.Join(sealed, ", ")),
			"they were sealed with another key (another machine or keyring): re-enter the personal data, or bring that key back")
	case len(quarantined) > 0:
		d.add(areaMachine, "Drafts", Warn, fmt.Sprintf("%d readable; %s", len(list), quarantined[0].String()), "")
	default:
		d.add(areaMachine, "Drafts", OK, fmt.Sprintf("%d %s, each readable, personal data decrypted", len(list), words.Plural(len(list), "draft", "drafts")), "")
	}
}

// emulatorStore runs SQLite's integrity check on the local store.
func (d *run) emulatorStore(path string) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		d.add(areaMachine, "Emulator store", Info, path+" (not made yet)", "")
		return
	}
	verdict, err := emulator.IntegrityCheck(path)
	switch {
	case err != nil:
		d.add(areaMachine, "Emulator store", Fail, path+": "+err.Error(), "move it away, or plaid-onboard emulator reset")
	case verdict != "ok":
		d.add(areaMachine, "Emulator store", Fail, path+" is damaged: "+verdict, "move it away, or plaid-onboard emulator reset")
	default:
		d.add(areaMachine, "Emulator store", d.modeState(path, 0o600), path+" passes SQLite's integrity check", "chmod 600 "+path)
	}
}

//go:build !windows

package atomicfile

import (
	"os"

	"github.com/google/renameio/v2"
)

// replace writes a temporary file beside path, fsyncs it and renames it over
// path. The permissions are exactly perm, whatever the umask and whatever
// the old file had: a draft must not stay world-readable because an older
// copy was.
func replace(path string, data []byte, perm os.FileMode) error {
	t, err := renameio.NewPendingFile(path, renameio.WithStaticPermissions(perm))
	if err != nil {
		return err
	}
	defer t.Cleanup()
	if _, err := t.Write(data); err != nil {
		return err
	}
	return t.CloseAtomicallyReplace()
}

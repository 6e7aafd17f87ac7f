//go:build !windows

package atomicfile

import (
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// replace writes a temporary file beside path, fsyncs it and renames it over
// path. The permissions are exactly perm, whatever the umask and whatever
// the old file had: a draft must not stay world-readable because an older
// copy was. The temporary is always in path's own directory: renameio
// would otherwise put it in $TMPDIR when that is on the same filesystem,
// outside the private directory, where a write killed halfway leaves it.
func replace(path string, data []byte, perm os.FileMode) error {
	t, err := renameio.NewPendingFile(path, renameio.WithTempDir(filepath.Dir(path)), renameio.WithStaticPermissions(perm))
	if err != nil {
		return err
	}
	defer t.Cleanup() //nolint:errcheck // after CloseAtomicallyReplace, nothing is left to clean
	if _, err := t.Write(data); err != nil {
		return err
	}
	return t.CloseAtomicallyReplace()
}

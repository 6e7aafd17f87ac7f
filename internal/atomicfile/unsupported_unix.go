//go:build !windows

package atomicfile

import (
	"errors"
	"syscall"
)

// isUnsupported: some filesystems refuse fsync on a directory.
func isUnsupported(err error) bool {
	return errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOTSUP)
}

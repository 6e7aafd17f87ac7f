#!/bin/sh
# Builds the full release locally, as a tag would, without publishing:
# every platform's archive, checksums, .deb and .rpm, in dist/. Then
# checks each archive holds the binary, the completions and the man page,
# and that the binaries are within the size the README promises.
set -eu
cd "$(dirname "$0")/.."
go tool -modfile=go.tool.mod goreleaser release --snapshot --clean "$@"
./scripts/check-dist.sh

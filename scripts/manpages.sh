#!/bin/sh
# Writes the man page the release archives and packages carry (goreleaser
# runs it before building), from the command tree (mango-cobra, by fang).
set -e
rm -rf manpages
mkdir manpages
go run . man | gzip -c -9 >manpages/plaid-onboard.1.gz

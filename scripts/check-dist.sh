#!/bin/sh
# Checks what goreleaser left in dist/: each archive holds the binary, the
# completions for bash, zsh and fish, the man page, README and LICENSE;
# every binary is at most 20 MB.
set -eu
cd "$(dirname "$0")/.."
limit=$((20 * 1024 * 1024))
found=0
for bin in dist/*/plaid-onboard dist/*/plaid-onboard.exe; do
  [ -f "$bin" ] || continue
  found=1
  size=$(wc -c <"$bin")
  echo "$bin: $size bytes"
  if [ "$size" -gt "$limit" ]; then
    echo "$bin is larger than 20 MB" >&2
    exit 1
  fi
done
[ "$found" = 1 ] || { echo "no binary in dist/" >&2; exit 1; }
for archive in dist/*.tar.gz dist/*.zip; do
  [ -f "$archive" ] || continue
  case "$archive" in
    *.zip) list=$(unzip -Z1 "$archive") ;;
    *) list=$(tar -tzf "$archive") ;;
  esac
  for want in README.md LICENSE completions/plaid-onboard.bash completions/plaid-onboard.zsh \
    completions/plaid-onboard.fish manpages/plaid-onboard.1.gz; do
    echo "$list" | grep -qx "$want" || { echo "$archive lacks $want" >&2; exit 1; }
  done
  echo "$list" | grep -qE '^plaid-onboard(\.exe)?$' || { echo "$archive lacks the binary" >&2; exit 1; }
  echo "$archive: binary, completions, man page, README, LICENSE"
done

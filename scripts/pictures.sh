#!/bin/sh
# Renders the README's pictures from the real program: TestPictures drives
# the binary in tmux through each screen and captures it with its colours;
# freeze (pinned in go.tool.mod) renders each capture to an SVG in
# docs/pictures. Run it whenever a screen changes (DEVELOPERS.md); the
# pictures are never edited by hand.
set -eu
cd "$(dirname "$0")/.."
out=docs/pictures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PLAID_ONBOARD_PICTURES="$tmp" go test -count=1 -run '^TestPictures$' .
mkdir -p "$out"
for capture in "$tmp"/*.ansi; do
  name=$(basename "$capture" .ansi)
  go tool -modfile=go.tool.mod freeze --language ansi --window \
    --font.family "JetBrains Mono, Menlo, Consolas, DejaVu Sans Mono, monospace" \
    --padding 20 --margin 0 --border.radius 8 \
    -o "$out/$name.svg" "$capture" >/dev/null
  echo "$out/$name.svg"
done

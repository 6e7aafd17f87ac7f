#!/bin/sh
# Writes the shell completions the release archives and packages carry
# (goreleaser runs it before building). From the program itself: cobra's.
set -e
rm -rf completions
mkdir completions
for sh in bash zsh fish; do
  go run . completion "$sh" >"completions/plaid-onboard.$sh"
done

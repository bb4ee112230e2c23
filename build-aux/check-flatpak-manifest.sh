#!/bin/sh
# Parse a Flatpak manifest with flatpak-builder, offline, without building.
# flatpak-builder fails only on broken JSON and merely warns on unknown keys,
# so anything it writes to stderr counts as a failure here too.
#
# Usage: check-flatpak-manifest.sh MANIFEST
# The environment variable FLATPAK_BUILDER may name the program to run.

set -u

if [ $# -ne 1 ]; then
  echo "usage: $0 MANIFEST" >&2
  exit 2
fi

case "$1" in
  /*) manifest="$1" ;;
  *) manifest="$(pwd)/$1" ;;
esac

if [ ! -f "$manifest" ]; then
  echo "$0: no such manifest: $manifest" >&2
  exit 1
fi

# flatpak-builder writes .flatpak-builder/ into the current folder: keep it
# out of the source and build trees.
workdir="$(mktemp -d "${TMPDIR:-/tmp}/check-flatpak-manifest.XXXXXX")" || exit 1
trap 'rm -rf "$workdir"' EXIT HUP INT TERM

cd "$workdir" || exit 1
builder="${FLATPAK_BUILDER:-flatpak-builder}"
"$builder" --show-manifest "$manifest" >"$workdir/stdout" 2>"$workdir/stderr"
status=$?

if [ "$status" -ne 0 ]; then
  echo "flatpak-builder --show-manifest $manifest exited with status $status:" >&2
  cat "$workdir/stderr" >&2
  exit 1
fi

if [ -s "$workdir/stderr" ]; then
  echo "flatpak-builder --show-manifest $manifest wrote to stderr:" >&2
  cat "$workdir/stderr" >&2
  exit 1
fi

echo "$manifest: OK"
exit 0

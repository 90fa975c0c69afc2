#!/usr/bin/env bash
# Refreshes the KaTeX files that HTML worksheets carry beside them, from the npm registry.
# Run by hand when changing the pinned version; the build itself never needs the network.
set -euo pipefail
version="${1:-0.16.22}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/src/main/resources/katex"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "katex@$version" >/dev/null && tar xzf katex-"$version".tgz)
rm -rf "$dest"
mkdir -p "$dest/fonts"
cp "$work/package/dist/katex.min.js" "$work/package/dist/katex.min.css" "$dest/"
cp "$work/package/LICENSE" "$dest/LICENSE"
# Browsers that run KaTeX all read woff2, the first source katex.min.css lists for each font.
cp "$work/package/dist/fonts/"*.woff2 "$dest/fonts/"
(cd "$dest" && find . -type f ! -name files.txt | sed 's|^\./||' | LC_ALL=C sort > files.txt)
echo "$version" > "$dest/VERSION"

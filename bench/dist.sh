#!/usr/bin/env bash
# bench/dist.sh DIR: copies the built Cabina jars (every module's main jar) into DIR and writes DIR/classpath.txt
# (those copies, then the third-party jars of the bench module's runtime classpath), for bench/java.sh.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$1"
rm -rf "$dist"; mkdir -p "$dist"
for module in warehouse generator etl reports portal cli bench; do
  cp "$(ls "$HOME_DIR/$module"/target/cabina-"$module"-*.jar | grep -v -- '-tests\.jar$')" "$dist/"
done
others="$( { tr ':' '\n' <"$HOME_DIR/bench/target/runtime-classpath.txt"; echo; tr ':' '\n' <"$HOME_DIR/cli/target/runtime-classpath.txt"; } \
  | grep -v "^$HOME_DIR/" | awk 'NF && !seen[$0]++' | paste -sd: -)"
echo "$(ls "$dist"/*.jar | paste -sd: -):$others" >"$dist/classpath.txt"

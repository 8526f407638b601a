#!/usr/bin/env bash
# bench/dist.sh DIR: copies the built Cabina jars (cli, etl, warehouse, bench) into DIR and writes DIR/classpath.txt
# (those copies, then the third-party jars of the bench module's runtime classpath), for bench/java.sh.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$1"
rm -rf "$dist"; mkdir -p "$dist"
cp "$HOME_DIR"/cli/target/cabina-cli-*.jar "$HOME_DIR"/etl/target/cabina-etl-*.jar \
   "$HOME_DIR"/warehouse/target/cabina-warehouse-*.jar "$HOME_DIR"/bench/target/cabina-bench-*.jar "$dist/"
others="$( { tr ':' '\n' <"$HOME_DIR/bench/target/runtime-classpath.txt"; echo; tr ':' '\n' <"$HOME_DIR/cli/target/runtime-classpath.txt"; } \
  | grep -v "^$HOME_DIR/" | awk 'NF && !seen[$0]++' | paste -sd: -)"
echo "$(ls "$dist"/*.jar | paste -sd: -):$others" >"$dist/classpath.txt"

#!/usr/bin/env bash
# Checks the release archive the way an installation uses it: unpacked into an empty folder outside the clone, with
# Maven removed from the PATH, another HOME (no ~/.m2) and, where the machine allows it, no network (a network
# namespace with loopback only), it must run `bin/cabina --version` (version and commit) and `bin/cabina demo`
# (exit 0, the ESITO line, the reports), honour CABINA_HOME and CABINA_CONFIG, and build its spark-submit from lib/.
#
# Usage: ops/dist/check-distribution.sh [ARCHIVE.tar.gz]
#   without an archive it builds one first: mvn -B -DskipTests package (from the clone's root)
# Environment: CHECK_DIST_SCALE (demo scale, default small), CHECK_DIST_KEEP=1 (keep the temporary folder).
# Exit code: 0 every check passed, 1 some failed, 2 setup error. The last line counts the checks.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCALE="${CHECK_DIST_SCALE:-small}"

say() { printf '[dist] %s\n' "$*"; }
die() { printf '[dist] ERRORE: %s\n' "$*" >&2; exit 2; }
passed=0
failed=0
check() { # description, then the command that must succeed
  local what="$1"; shift
  if "$@"; then passed=$((passed + 1)); say "ok    $what"
  else failed=$((failed + 1)); say "FAIL  $what"
  fi
}

# 1. The archive: given, or built from this clone.
built_here=false
if [[ $# -ge 1 ]]; then
  ARCHIVE="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
else
  say "Build: mvn -B -DskipTests package"
  log="$(mktemp)"
  (cd "$ROOT" && mvn -B -DskipTests package >"$log" 2>&1) || { tail -n 60 "$log" >&2; rm -f "$log"; die "the build failed"; }
  rm -f "$log"
  shopt -s nullglob
  archives=("$ROOT"/dist/target/cabina-*.tar.gz)
  shopt -u nullglob
  [[ ${#archives[@]} -eq 1 ]] || die "expected one dist/target/cabina-*.tar.gz, found ${#archives[@]}"
  ARCHIVE="${archives[0]}"
  built_here=true
fi
[[ -f "$ARCHIVE" ]] || die "archive not found: $ARCHIVE"
NAME="$(basename "$ARCHIVE" .tar.gz)"          # cabina-VERSION
VERSION="${NAME#cabina-}"
say "Archivio $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"

# 2. An empty folder outside the clone; the archive unpacked there.
TMP="$(mktemp -d "${TMPDIR:-/tmp}/cabina-dist-check.XXXXXX")"
[[ "$TMP/" != "$ROOT/"* ]] || die "the temporary folder $TMP is inside the clone $ROOT"
[[ -n "${CHECK_DIST_KEEP:-}" ]] || trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/opt" "$TMP/home" "$TMP/path"
tar -xzf "$ARCHIVE" -C "$TMP/opt"
INSTALL="$TMP/opt/$NAME"
[[ -d "$INSTALL" ]] || die "the archive has no top folder $NAME/"
say "Installato in $INSTALL"

# The PATH of the runs: every command of this PATH except Maven's, as links in one folder.
IFS=: read -r -a path_dirs <<<"$PATH"
for dir in "${path_dirs[@]}"; do
  [[ -d "$dir" ]] || continue
  for cmd in "$dir"/*; do
    name="${cmd##*/}"
    [[ -x "$cmd" && ! -d "$cmd" && ! -e "$TMP/path/$name" ]] || continue
    case "$name" in mvn|mvnDebug|mvnyjp|mvnw) continue ;; esac
    ln -s "$cmd" "$TMP/path/$name"
  done
done
# Runs a command as an installation would: sandbox PATH, another HOME, no Maven variables, from $TMP; without network
# where a network namespace can be made (loopback only: Spark's driver still talks to itself).
NETWORK="not isolated (no network namespace here: unshare -n failed)"
if command -v unshare >/dev/null && command -v ip >/dev/null && unshare -n true 2>/dev/null; then
  NETWORK="isolated (network namespace with loopback only)"
fi
installed() {
  local ns=()
  [[ "$NETWORK" == isolated* ]] && ns=(unshare -n "$TMP/path/bash" -c 'ip link set lo up && exec "$@"' netns)
  (cd "$TMP" && env -u MAVEN_HOME -u M2_HOME -u MAVEN_OPTS -u CABINA_HOME -u CABINA_CONFIG -u CABINA_PSEUDONYM_KEY \
    HOME="$TMP/home" PATH="$TMP/path" "${ns[@]}" "$@")
}
say "Rete: $NETWORK"

# 3. What the archive holds.
has_layout() {
  local f
  for f in bin/cabina bin/cabina-submit; do [[ -x "$INSTALL/$f" ]] || { echo "  $f missing or not executable"; return 1; }; done
  for f in README.md NOTICE THIRD-PARTY.txt lib/classpath conf/cabina.yaml conf/log4j2.properties conf/indicators.yaml \
           docs/data-dictionary.md docs/operations.md; do
    [[ -s "$INSTALL/$f" ]] || { echo "  $f missing or empty"; return 1; }
  done
}
classpath_is_lib() { # lib/classpath names every jar of lib/ and nothing else
  local listed present
  listed="$(tr ':' '\n' <"$INSTALL/lib/classpath" | sed 's#^lib/##' | sort)"
  present="$(cd "$INSTALL/lib" && ls -- *.jar | sort)"
  [[ "$listed" == "$present" ]] || { diff <(echo "$listed") <(echo "$present") | head -n 10; return 1; }
  echo "  $(echo "$present" | wc -l) jar, $(du -sh "$INSTALL/lib" | cut -f1)"
}
no_sources() { [[ -z "$(cd "$INSTALL" && find . \( -name '*.java' -o -name pom.xml -o -name target \) -print -quit)" ]]; }
no_rocksdb() { ! ls "$INSTALL/lib" | grep -q '^rocksdbjni-'; }
licences_listed() { # a line per third-party artifact (a jar's file name without version and classifier), no unknown licence
  local artifacts own listed
  artifacts="$(cd "$INSTALL/lib" && for jar in *.jar; do jar="${jar%.jar}"; echo "${jar%-[0-9]*}"; done | sort -u | wc -l)"
  own="$(ls "$INSTALL/lib" | grep -c '^cabina-')"
  listed="$(grep -c '^ *(' "$INSTALL/THIRD-PARTY.txt")"
  echo "  THIRD-PARTY.txt: $listed libraries; lib/: $artifacts artifacts, of which Cabina's own: $own"
  ! grep -q 'Unknown license' "$INSTALL/THIRD-PARTY.txt" && [[ "$listed" -eq $((artifacts - own)) ]]
}
zip_matches() { # the .zip beside the archive holds the same files
  local zip="${ARCHIVE%.tar.gz}.zip"
  [[ -f "$zip" ]] || { echo "  $zip missing"; return 1; }
  diff <(tar -tzf "$ARCHIVE" | grep -v '/$' | sort) <(unzip -Z1 "$zip" | grep -v '/$' | sort) >/dev/null
}
check "bin/, lib/classpath, conf/, docs/, README.md, NOTICE, THIRD-PARTY.txt in the archive" has_layout
check "lib/classpath lists exactly the jars of lib/" classpath_is_lib
check "no source, pom.xml or target/ in the archive" no_sources
check "rocksdbjni left out of lib/" no_rocksdb
check "THIRD-PARTY.txt names a licence for every third-party jar" licences_listed
check "the .zip holds the same files as the .tar.gz" zip_matches
check "Maven is not on the PATH of the runs" installed bash -c '! command -v mvn >/dev/null'

# 4. --version: the version and the commit, also through a link to bin/cabina (CABINA_HOME found through links).
version_out="$(installed "$INSTALL/bin/cabina" --version 2>/dev/null)" || true   # stderr: the JVM's incubator warning
say "bin/cabina --version: $version_out"
expected_commit=""
if $built_here && git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
  expected_commit="$(git -C "$ROOT" rev-parse --short=10 HEAD)"
fi
version_names_version_and_commit() {
  [[ "$version_out" =~ ^cabina\ ${VERSION//./\\.}\ \(commit\ ([0-9a-f]{7,40}) ]] || return 1
  [[ -z "$expected_commit" || "${BASH_REMATCH[1]}" == "$expected_commit" ]] \
    || { echo "  commit ${BASH_REMATCH[1]}, the clone is at $expected_commit"; return 1; }
}
check "--version names version $VERSION and the commit${expected_commit:+ $expected_commit}" version_names_version_and_commit
ln -s "$INSTALL/bin/cabina" "$TMP/home/cabina-link"
check "bin/cabina run through a link finds its home" \
  bash -c '[[ -n "$2" && "$("$1" --version 2>/dev/null)" == "$2" ]]' _ "$TMP/home/cabina-link" "$version_out"

# 5. CABINA_CONFIG (relative to CABINA_HOME or absolute) and CABINA_HOME are honoured.
config_errors() { # CABINA_CONFIG value, the path the error must name
  local out
  out="$(installed env CABINA_CONFIG="$1" "$INSTALL/bin/cabina" status 2>&1)" && return 1
  [[ "$out" == *"configuration file not found: $2"* ]] || { echo "  $out" | head -n 3; return 1; }
}
check "CABINA_CONFIG relative to the installation" config_errors conf/other.yaml "$INSTALL/conf/other.yaml"
check "CABINA_CONFIG absolute" config_errors "$TMP/elsewhere.yaml" "$TMP/elsewhere.yaml"
home_is_honoured() {
  local out
  out="$(installed env CABINA_HOME="$TMP/home" "$INSTALL/bin/cabina" --version 2>&1)" && return 1
  [[ "$out" == *"$TMP/home/lib/classpath not found"* ]] || { echo "  $out"; return 1; }
}
check "CABINA_HOME names the installation" home_is_honoured

# 6. spark-submit built from lib/: every jar the cluster's Spark lacks goes to --jars, the cli jar is the application.
submit_from_lib() {
  local spark="$TMP/spark" out
  mkdir -p "$spark/bin" "$spark/jars"
  printf '#!/bin/sh\nexit 0\n' >"$spark/bin/spark-submit" && chmod +x "$spark/bin/spark-submit"
  # a cluster's Spark with the Spark jars of lib/, at other versions
  for jar in "$INSTALL"/lib/spark-*.jar "$INSTALL"/lib/scala-library-*.jar; do
    touch "$spark/jars/$(basename "${jar%-[0-9]*}")-0.0.1.jar"
  done
  out="$(installed env SPARK_HOME="$spark" CABINA_SUBMIT_DRY_RUN=1 "$INSTALL/bin/cabina-submit" --master spark://h:7077 \
    -- nightly --landing /data/landing 2>&1)" || { echo "  $out"; return 1; }
  [[ "$out" == *"--class it.cabina.cli.Main"* && "$out" == *"--master spark://h:7077 $INSTALL/lib/cabina-cli-$VERSION.jar nightly --landing /data/landing"* ]] \
    || { echo "  $out" | cut -c1-400; return 1; }
  [[ "$out" == *"$INSTALL/lib/delta-spark_2.13-"* && "$out" == *"$INSTALL/lib/cabina-etl-$VERSION.jar"* && "$out" == *"$INSTALL/lib/jasperreports-"* ]] \
    || { echo "  Delta, Cabina or JasperReports missing from --jars"; return 1; }
  [[ "$out" != *"/lib/spark-core_"* && "$out" != *"/lib/scala-library-"* && "$out" != *",$INSTALL/lib/cabina-cli-"* ]] \
    || { echo "  a jar of the cluster's Spark (or the application jar) in --jars"; return 1; }
}
check "bin/cabina-submit ships the jars of lib/ the cluster's Spark lacks" submit_from_lib

# 7. The demo, end to end: generate + nightly + reports + export.
say "bin/cabina demo --dir $TMP/demo --scale $SCALE (qualche minuto)"
t0=$(date +%s)
set +e
installed "$INSTALL/bin/cabina" demo --dir "$TMP/demo" --scale "$SCALE" >"$TMP/demo.log" 2>&1
demo_code=$?
set -e
say "demo: codice $demo_code in $(($(date +%s) - t0)) s; $(grep -m1 -o 'ESITO: .*' "$TMP/demo.log" || echo 'nessuna riga ESITO')"
check "demo exits 0" test "$demo_code" -eq 0
check "demo prints ESITO: OK or PARZIALE (rejected deliveries are part of the demo)" grep -Eq 'ESITO: (OK|PARZIALE)' "$TMP/demo.log"
reports_made() {
  local pdf xlsx
  pdf="$(find "$TMP/demo/reports" -name '*.pdf' | wc -l)"
  xlsx="$(find "$TMP/demo/reports" -name '*.xlsx' | wc -l)"
  echo "  $pdf PDF, $xlsx XLSX, index.json $(du -h "$TMP/demo/reports/index.json" 2>/dev/null | cut -f1)"
  [[ -s "$TMP/demo/reports/index.json" && "$pdf" -gt 0 && "$xlsx" -gt 0 ]]
}
check "demo wrote the reports (PDF, XLSX, index.json)" reports_made
exports_published() {  # both analysts' exports: CURRENT names a version holding its manifest and DuckDB script
  local kind v
  for kind in riservato aperto; do
    v="$(cat "$TMP/demo/export/$kind/CURRENT" 2>/dev/null)" || return 1
    echo "  $kind: $v"
    [[ -s "$TMP/demo/export/$kind/$v/_manifest.json" && -s "$TMP/demo/export/$kind/$v/cabina.sql" ]] || return 1
  done
  [[ -s "$TMP/demo/export/aperto/$(cat "$TMP/demo/export/aperto/CURRENT")/agg_spesa.csv" ]]
}
check "demo published both analysts' exports (riservato, aperto)" exports_published
indicators_read() {
  local out
  out="$(installed "$INSTALL/bin/cabina" indicators --warehouse "$TMP/demo/warehouse" --format csv 2>/dev/null)" || return 1
  echo "  $(($(wc -l <<<"$out") - 1)) indicator values"
  [[ "$(head -n 1 <<<"$out")" == "indicator,year,level,territory,numerator,denominator,value,status" && $(wc -l <<<"$out") -gt 1 ]]
}
check "bin/cabina indicators reads the demo warehouse" indicators_read
# The class-data archive (bin/class-archive.sh): the demo, the first run to start Spark, wrote its list of classes;
# the run above started the archive's maker in the background; the next runs map it (most of their classes: classes a
# command loads that the listing run did not, and those of signed jars, still come from the jars).
class_archive_used() {
  local dir="$INSTALL/data/class-archive" waited=0
  while [[ ! -s "$(compgen -G "$dir/*.jsa" | head -n 1)" && $waited -lt 300 ]]; do sleep 2; waited=$((waited + 2)); done
  compgen -G "$dir/*.jsa" >/dev/null || { echo "  no archive in $dir after ${waited} s: $(ls "$dir" 2>&1 | tr '\n' ' ')"; tail -n 5 "$dir"/*.log 2>/dev/null; return 1; }
  local out loaded shared
  out="$(CABINA_JAVA_OPTS="-Xlog:class+load:file=$TMP/classes-loaded.txt" installed "$INSTALL/bin/cabina" indicators \
    --warehouse "$TMP/demo/warehouse" --format csv 2>/dev/null)" || return 1
  loaded="$(wc -l <"$TMP/classes-loaded.txt")"
  shared="$(grep -c 'source: shared objects file' "$TMP/classes-loaded.txt")"
  echo "  archive $(du -h "$dir"/*.jsa | cut -f1) made in about ${waited} s; $shared of $loaded classes read from it"
  [[ "$(head -n 1 <<<"$out")" == "indicator,year,level,territory,numerator,denominator,value,status" && $shared -gt $((loaded / 2)) ]]
}
check "the class-data archive is made after the first runs and the next runs read their classes from it" class_archive_used
if [[ $failed -gt 0 ]]; then
  say "ultime righe della demo:"; tail -n 20 "$TMP/demo.log" >&2
fi

say "ESITO: $([[ $failed -eq 0 ]] && echo "OK — la distribuzione funziona con Java 17 soltanto" || echo "ERRORE")"
echo "check-distribution: $passed passed, $failed failed"
[[ $failed -eq 0 ]]

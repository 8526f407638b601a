#!/usr/bin/env bash
# Cabina benchmark harness: see bench/README.md.
#   bench/run.sh [--scale small|demo|lombardia] [--runs N] [--only LIST] [--work DIR] [--results FILE]
# Builds, generates the scale's landing once (cached under the work folder), measures each step N times with
# /usr/bin/time -v, runs the same indicators and aggregates in DuckDB over the same Parquet (checking that the
# values are equal), and prints a Markdown table (also written to --results, default <work>/results.md).
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCALE=demo
RUNS=3
ONLY="generate,full,incremental,idle,flusso,compute,reports"
WORK=""
RESULTS=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --results) RESULTS="$2"; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
case "$SCALE" in
  lombardia) export CABINA_CONFIG="${CABINA_CONFIG:-conf/cabina-lombardia.yaml}" ;;
  small|demo) ;;
  *) echo "run.sh: --scale must be small, demo or lombardia" >&2; exit 2 ;;
esac
# the driver heap of ./cabina's default at every scale: the whole region's nights run in 4 GB (bench/RESULTS.md)
export CABINA_DRIVER_MEMORY="${CABINA_DRIVER_MEMORY:-4g}"
WORK="${WORK:-${BENCH_WORK:-$HOME_DIR/bench/work}}/$SCALE"
RESULTS="${RESULTS:-$WORK/results.md}"
mkdir -p "$WORK/logs"
WORK="$(cd "$WORK" && pwd)"
export CABINA_PSEUDONYM_KEY="${CABINA_PSEUDONYM_KEY:-benchmark-key-not-a-secret-0123456789}"
[[ -x /usr/bin/time ]] || { echo "run.sh: /usr/bin/time (GNU time) is needed for peak memory" >&2; exit 2; }
wanted() { [[ ",$ONLY," == *",$1,"* ]]; }
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ---- build (reactor package only; the bench module is behind -Pbench) ----
if [[ "${BENCH_SKIP_BUILD:-}" == 1 && -f "$HOME_DIR/bench/target/runtime-classpath.txt" ]]; then
  log "BENCH_SKIP_BUILD=1: using the jars already built"
else
  log "building (mvn package -Pbench, tests skipped)"
  (cd "$HOME_DIR" && mvn -q -B -Pbench -pl cli,bench -am -DskipTests package) >"$WORK/logs/build.log" 2>&1 \
    || { tail -n 40 "$WORK/logs/build.log" >&2; exit 2; }
fi
touch "$HOME_DIR/cli/target/runtime-classpath.txt"   # ./cabina: the build is fresh
# measurements run a private copy of the jars: a rebuild of the working tree meanwhile cannot change them
export BENCH_DIST="$WORK/dist-$$"
"$HOME_DIR/bench/dist.sh" "$BENCH_DIST"
trap 'rm -rf "$BENCH_DIST"' EXIT
BENCH_JAVA="$HOME_DIR/bench/java.sh"
# CABINA_CLASS_ARCHIVE=on: the idle step's nights map the launcher's class-data archive of these jars, made before it
# measures (bench/java.sh, dist/src/bin/class-archive.sh); the other steps, and every step by default, read the jars
CLASS_ARCHIVE="${CABINA_CLASS_ARCHIVE:-off}"
export CABINA_CLASS_ARCHIVE=off BENCH_CLASS_ARCHIVE_DIR="$BENCH_DIST/class-archive"
CABINA=("$BENCH_JAVA" it.cabina.cli.Main)   # the cabina command, as ./cabina runs it

# ---- measuring ----
TABLE="$WORK/table.tsv"   # step, run, seconds, peak RSS kB, rows, inner seconds
# steps measured now replace their earlier rows; the others are kept (a scale can be measured in several sittings)
touch "$TABLE"
awk -F'\t' -v only=",$ONLY," '{ split($1, p, "-"); if (index(only, "," p[1] ",") == 0) print }' "$TABLE" >"$TABLE.keep"
mv "$TABLE.keep" "$TABLE"
seconds_of() {  # "h:mm:ss" or "m:ss.ss" -> seconds
  awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }' <<<"$1"
}
measure() {  # measure STEP RUN LOGFILE CMD...: runs CMD under /usr/bin/time -v; appends to the table
  local step="$1" run="$2" logf="$3"; shift 3
  local tf="$logf.time" rc=0
  /usr/bin/time -v -o "$tf" "$@" >"$logf" 2>&1 || rc=$?
  local wall rss
  wall="$(seconds_of "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tf")")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tf")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$step" "$run" "$wall" "$rss" "${ROWS:-}" "${INNER:-}" >>"$TABLE"
  log "  $step #$run: ${wall}s, peak RSS $((rss / 1024)) MB, exit $rc (log $logf)"
  return "$rc"
}
nightly_ok() { [[ "$1" == 0 || "$1" == 3 ]]; }  # 3 = some deliveries rejected (the generator injects defects)
rows_received() { sed -n 's/.*Righe: \([0-9.,]*\) ricevute.*/\1/p' "$1" | tail -1 | tr -d '.,'; }
set_last_row() {  # set_last_row ROWS INNER: the rows and in-process seconds of the step measured last
  sed -i "\$s/\t[^\t]*\t[^\t]*\$/\t$1\t$2/" "$TABLE"
}
printed() { sed -n "s/^$1=//p" "$2"; }  # printed KEY LOG: what the step printed as KEY=value

# ---- data: generated once per scale ----
LANDING="$WORK/landing"
if [[ ! -f "$LANDING/_generator/summary.json" ]]; then
  log "generating the $SCALE landing (once; streamed, heap capped at 1 GB to show it)"
  rm -rf "$LANDING"
  CABINA_DRIVER_MEMORY=1g /usr/bin/time -v -o "$WORK/generate.time" \
    "${CABINA[@]}" generate --out "$LANDING" --scale "$SCALE" >"$WORK/generate.log" 2>&1 \
    || { tail -n 30 "$WORK/generate.log" >&2; exit 1; }
fi
GEN_ROWS="$(sed -n 's/.*consegne, *\([0-9.,]*\) righe.*/\1/p' "$WORK/generate.log" | tr -d '.,' | awk '{ s += $1 } END { print s }')"
if wanted generate; then  # the generation is measured when it happens; its figures are kept with the data
  wall="$(seconds_of "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/generate.time")")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/generate.time")"
  printf 'generate\t1\t%s\t%s\t%s\t\n' "$wall" "$rss" "$GEN_ROWS" >>"$TABLE"
fi
# The incremental night is the last day with CSI deliveries; the full load takes everything before it.
LAST_DAY="$(ls "$LANDING" | sed -n 's/^CSI_.*_\([0-9]\{8\}\)T[0-9]\{6\}\(\.zip\)\{0,1\}$/\1/p' | sort | tail -1)"
LAST_DAY="$(date -d "$LAST_DAY" +%F)"
BASE_DAY="$(date -d "$LAST_DAY - 1 day" +%F)"
log "scale $SCALE: $GEN_ROWS generated rows; full load as of $BASE_DAY, incremental night $LAST_DAY"

BASE="$WORK/base"   # the warehouse after the full load (as of BASE_DAY), its export and its leftover landing
RUN="$WORK/run"
fresh_run() { rm -rf "$RUN"; mkdir -p "$RUN"; }
full_load() {  # full_load N: a full load of the triennium into an empty warehouse
  fresh_run
  cp -al "$LANDING" "$RUN/landing"   # hard links: the nightly moves deliveries aside, never writes into them
  local logf="$WORK/logs/full-$1.log" rc=0
  ROWS="" INNER="" measure full "$1" "$logf" "${CABINA[@]}" nightly --landing "$RUN/landing" --warehouse "$RUN/warehouse" \
    --export "$RUN/export" --reports "$RUN/reports" --esiti "$RUN/esiti" --as-of "$BASE_DAY" || rc=$?
  nightly_ok "$rc" || { tail -n 30 "$logf" >&2; exit 1; }
  set_last_row "$(rows_received "$logf")" ""
}
# the steps after the full load start from its state: a base is made (one unmeasured full load) only when one is asked for
needs_base() { wanted incremental || wanted idle || wanted compute || wanted reports; }
if wanted full || { needs_base && [[ ! -d "$BASE/warehouse" ]]; }; then
  runs=$RUNS; wanted full || runs=1
  for i in $(seq 1 "$runs"); do
    full_load "$i"
    if [[ "$i" == 1 ]]; then
      rm -rf "$BASE"; mkdir -p "$BASE"
      mkdir -p "$RUN/esiti" "$RUN/reports"; mv "$RUN/warehouse" "$RUN/export" "$RUN/esiti" "$RUN/reports" "$BASE/"
      cp -al "$RUN/landing" "$BASE/landing"
    fi
  done
  wanted full || sed -i '/^full\t/d' "$TABLE"
fi
# the reporting stage (`cabina report --all`) is measured when this build has the subcommand
has_reports() { "${CABINA[@]}" --help 2>/dev/null | grep -qE '^ +report( |,|$)'; }

# a build that keeps unchanged reports (report --all --force exists) trusts only the reports it rendered itself: the
# base's are published again by this build first, not measured, as the night before would have published them
keeps_reports() { "${CABINA[@]}" report --help 2>/dev/null | grep -q -- '--force'; }
if wanted incremental; then
  if [[ -d "$BASE/reports" ]] && keeps_reports; then
    log "publishing the base's reports with this build (not measured)"
    "${CABINA[@]}" report --all --warehouse "$BASE/warehouse" --reports "$BASE/reports" >"$WORK/logs/base-reports.log" 2>&1 \
      || { tail -n 30 "$WORK/logs/base-reports.log" >&2; exit 1; }
  fi
  for i in $(seq 1 "$RUNS"); do
    fresh_run
    # the state after the previous night: its warehouse (a real copy: Delta rewrites some files in place), its
    # analysts' export (the nightly replaces it whole) and the deliveries still waiting in the landing
    cp -a "$BASE/warehouse" "$RUN/warehouse"; cp -a "$BASE/export" "$RUN/export"; cp -al "$BASE/landing" "$RUN/landing"
    # the esiti already sent to the senders (a base made before the harness kept them has none: every esito is written)
    if [[ -d "$BASE/esiti" ]]; then cp -a "$BASE/esiti" "$RUN/esiti"; fi
    # and the reports it published (a report whose data did not change is kept as it is)
    if [[ -d "$BASE/reports" ]]; then cp -a "$BASE/reports" "$RUN/reports"; fi
    logf="$WORK/logs/incremental-$i.log"; rc=0
    ROWS="" INNER="" measure incremental-nightly "$i" "$logf" "${CABINA[@]}" nightly --landing "$RUN/landing" \
      --warehouse "$RUN/warehouse" --export "$RUN/export" --reports "$RUN/reports" --esiti "$RUN/esiti" --as-of "$LAST_DAY" || rc=$?
    nightly_ok "$rc" || { tail -n 30 "$logf" >&2; exit 1; }
    set_last_row "$(rows_received "$logf")" ""
  done
fi

if wanted idle; then
  # a night with nothing new, on the state the full load left (deliveries of the last day wait: after --as-of)
  fresh_run
  cp -a "$BASE/warehouse" "$RUN/warehouse"; cp -a "$BASE/export" "$RUN/export"; cp -al "$BASE/landing" "$RUN/landing"
  if [[ -d "$BASE/esiti" ]]; then cp -a "$BASE/esiti" "$RUN/esiti"; fi
  if [[ -d "$BASE/reports" ]]; then
    cp -a "$BASE/reports" "$RUN/reports"
  else  # a base made before the harness kept the full load's reports: one night publishes them, not measured
    log "the base has no reports: publishing them once (not measured)"
    "${CABINA[@]}" nightly --landing "$RUN/landing" --warehouse "$RUN/warehouse" --export "$RUN/export" --reports "$RUN/reports" \
      --esiti "$RUN/esiti" --as-of "$BASE_DAY" >"$WORK/logs/idle-prepare.log" 2>&1 || nightly_ok $? || { tail -n 30 "$WORK/logs/idle-prepare.log" >&2; exit 1; }
  fi
  # each run from the same state: an idle night appends to ops/ledger_runs, whose growth (and its Delta checkpoints
  # and compaction) would otherwise make every run a little different from the one before
  cp -a "$RUN/warehouse/ops" "$RUN/ops-before"
  ops_as_before() { rm -rf "$RUN/warehouse/ops" && cp -a "$RUN/ops-before" "$RUN/warehouse/ops"; }
  IDLE=("${CABINA[@]}" nightly --landing "$RUN/landing" --warehouse "$RUN/warehouse" --export "$RUN/export"
    --reports "$RUN/reports" --esiti "$RUN/esiti" --as-of "$BASE_DAY")
  if [[ "$CLASS_ARCHIVE" == on ]]; then
    export CABINA_CLASS_ARCHIVE=on
    # as an installation runs after its first nights (dist/src/bin/class-archive.sh): one night writes the list of
    # classes, the archive is made from it, then the measured nights map it
    log "class-data archive: one idle night writes the list of classes, then the archive is made (not measured)"
    ops_as_before
    "${IDLE[@]}" >"$WORK/logs/idle-classlist.log" 2>&1 || nightly_ok $? || { tail -n 30 "$WORK/logs/idle-classlist.log" >&2; exit 1; }
    CABINA_CLASS_ARCHIVE=now "${CABINA[@]}" --version >"$WORK/logs/idle-classarchive.log" 2>&1
    compgen -G "$BENCH_CLASS_ARCHIVE_DIR/*.jsa" >/dev/null || { log "the class-data archive was not made: see $BENCH_CLASS_ARCHIVE_DIR"; exit 1; }
  fi
  for i in $(seq 1 "$RUNS"); do
    logf="$WORK/logs/idle-$i.log"; rc=0
    ops_as_before
    ROWS="" INNER="" measure idle-nightly "$i" "$logf" "${IDLE[@]}" || rc=$?
    nightly_ok "$rc" || { tail -n 30 "$logf" >&2; exit 1; }
  done
  export CABINA_CLASS_ARCHIVE=off
fi

if wanted flusso; then
  log "FLUSSO: its bronze load against a bare Spark read of the same files"
  FLANDING="$WORK/landing-flusso"   # the FLUSSO deliveries and the AFAM ones their rule on codice_udo reads, hard links
  if [[ ! -d "$FLANDING" ]]; then
    mkdir -p "$FLANDING.tmp"
    for d in "$LANDING"/FLUSSO_* "$LANDING"/AFAM_*; do cp -al "$d" "$FLANDING.tmp/"; done
    mv "$FLANDING.tmp" "$FLANDING"
  fi
  for i in $(seq 1 "$RUNS"); do
    rm -rf "$WORK/bare"; logf="$WORK/logs/flusso-bare-$i.log"
    ROWS="" INNER="" measure flusso-bare "$i" "$logf" "$BENCH_JAVA" FlussoFloor bare "$LANDING" "$WORK/bare" \
      || { tail -n 30 "$logf" >&2; exit 1; }
    set_last_row "$(printed input_rows "$logf")" "$(printed compute_seconds "$logf")"
    rm -rf "$WORK/bare"
    fresh_run; cp -al "$FLANDING" "$RUN/landing"; logf="$WORK/logs/flusso-bronze-$i.log"
    ROWS="" INNER="" measure flusso-bronze "$i" "$logf" "$BENCH_JAVA" FlussoFloor bronze "$RUN/landing" "$RUN/warehouse" "$LAST_DAY" \
      || { tail -n 30 "$logf" >&2; exit 1; }
    set_last_row "$(printed input_rows "$logf")" "$(printed compute_seconds "$logf")"
  done
fi

if wanted compute; then
  log "indicators and aggregates alone: Cabina (Spark) and DuckDB over the same data"
  rm -rf "$WORK/extras" "$WORK/duckdb-out" "$RUN"; mkdir -p "$RUN"
  "$BENCH_JAVA" CabinaSide extras "$BASE/warehouse" "$WORK/extras" >"$WORK/logs/extras.log" 2>&1 \
    || { tail -n 30 "$WORK/logs/extras.log" >&2; exit 1; }
  cp -a "$BASE/warehouse" "$RUN/warehouse"   # compute appends an indicator run: never into the base
  for i in $(seq 1 "$RUNS"); do
    logf="$WORK/logs/compute-cabina-$i.log"
    ROWS="" INNER="" measure compute-cabina "$i" "$logf" "$BENCH_JAVA" CabinaSide compute "$RUN/warehouse" "$BASE_DAY" \
      || { tail -n 30 "$logf" >&2; exit 1; }
    set_last_row "$(printed input_rows "$logf")" "$(printed compute_seconds "$logf")"
    # the same a second time in one JVM: what is left once Spark's code is loaded and JIT-compiled
    logf="$WORK/logs/compute-cabina-warm-$i.log"
    ROWS="" INNER="" measure compute-cabina-warm "$i" "$logf" "$BENCH_JAVA" CabinaSide compute-warm "$RUN/warehouse" "$BASE_DAY" \
      || { tail -n 30 "$logf" >&2; exit 1; }
    set_last_row "$(printed input_rows "$logf")" "$(printed compute_seconds "$logf")"
    logf="$WORK/logs/compute-duckdb-$i.log"
    check=""; [[ "$i" == 1 ]] && check=--check
    ROWS="" INNER="" measure compute-duckdb "$i" "$logf" "$BENCH_JAVA" DuckDbReference "$BASE/export" "$WORK/extras" \
      "$WORK/duckdb-out" $check || { tail -n 30 "$logf" >&2; echo "run.sh: DuckDB and Cabina disagree (see $logf)" >&2; exit 1; }
    set_last_row "$(grep '^compute-cabina' "$TABLE" | tail -1 | cut -f5)" "$(printed compute_seconds "$logf")"
  done
  grep -h '^check' "$WORK/logs/compute-duckdb-1.log" >"$WORK/check.txt" || true
fi

if wanted reports; then
  if has_reports; then
    for i in $(seq 1 "$RUNS"); do
      fresh_run; cp -a "$BASE/warehouse" "$RUN/warehouse"
      ROWS="" INNER="" measure reports "$i" "$WORK/logs/reports-$i.log" \
        "${CABINA[@]}" report --all --warehouse "$RUN/warehouse" --reports "$RUN/reports" || exit 1
    done
  else
    printf 'reports\t-\tNA\tNA\t\t\n' >>"$TABLE"
  fi
fi

# ---- the table ----
"$HOME_DIR/bench/table.sh" "$TABLE" "$SCALE" "$RUNS" >"$RESULTS"
cat "$RESULTS"
log "table written to $RESULTS; logs in $WORK/logs"

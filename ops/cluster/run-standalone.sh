#!/usr/bin/env bash
# Runs the nightly of the release archive with spark-submit (bin/cabina-submit) on a Spark standalone cluster — a
# master and a worker started here as separate JVMs on 127.0.0.1 — against shared paths, runs the same nightly embedded
# (bin/cabina, local[*]) on a copy of the same deliveries, and compares the two warehouses: the indicators (CSV) and
# the row counts of the main tables. Stops the cluster it started. Exit code: 0 same results, 1 they differ, 2 setup error.
#
# The cluster's Spark is not the distribution's: its home is made of Spark's own jars (the spark-sql artifact at the
# Spark version of the distribution's lib/ and its dependencies, resolved by Maven, linked from the local repository;
# no Spark download), with Spark's launcher behind bin/spark-submit and bin/spark-class as in a Spark installation.
# So bin/cabina-submit ships with --jars what a real cluster lacks: Cabina, Delta, JasperReports, POI, …
#
# Usage: ops/cluster/run-standalone.sh [WORK_DIR]   (default data/cluster; recreated)
# Environment: CABINA_DIST (the cabina-VERSION.tar.gz to check; default: built now with mvn -B -DskipTests package),
#              CABINA_CLUSTER_PORT (7177), CABINA_CLUSTER_UI_PORT (8180), CABINA_CLUSTER_CORES (1),
#              CABINA_CLUSTER_MEMORY (2g, the worker's), CABINA_PSEUDONYM_KEY (a fixed check key by default).
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mkdir -p "${1:-$HOME_DIR/data/cluster}" && cd "${1:-$HOME_DIR/data/cluster}" && pwd)"
PORT="${CABINA_CLUSTER_PORT:-7177}"
UI_PORT="${CABINA_CLUSTER_UI_PORT:-8180}"
CORES="${CABINA_CLUSTER_CORES:-1}"
AS_OF=2026-11-23
export CABINA_PSEUDONYM_KEY="${CABINA_PSEUDONYM_KEY:-cluster-check-key-0123456789}"
export SPARK_LOCAL_IP=127.0.0.1

say() { printf '[cluster] %s\n' "$*"; }
die() { printf '[cluster] ERRORE: %s\n' "$*" >&2; exit 2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# 1. The distribution, unpacked into the work folder.
if [[ -z "${CABINA_DIST:-}" ]]; then
  say "Build della distribuzione: mvn -B -DskipTests package"
  (cd "$HOME_DIR" && mvn -q -B -DskipTests package >"$WORK/build.log" 2>&1) || { tail -n 40 "$WORK/build.log" >&2; die "build failed"; }
  CABINA_DIST="$(ls "$HOME_DIR"/dist/target/cabina-*.tar.gz)"
fi
[[ -f "$CABINA_DIST" ]] || die "archive not found: $CABINA_DIST"
rm -rf "$WORK"/{cabina,spark-home,worker,embedded,cluster,landing,logs}
mkdir -p "$WORK"/{cabina,spark-home/jars,spark-home/bin,worker,logs}
tar -xzf "$CABINA_DIST" -C "$WORK/cabina"
DIST="$(ls -d "$WORK"/cabina/cabina-*/)"
DIST="${DIST%/}"
CABINA="$DIST/bin/cabina"
say "Distribuzione $DIST: $("$CABINA" --version 2>/dev/null)"

# 2. The cluster's Spark home: Spark's own jars at the distribution's Spark version, and Spark's launcher scripts.
SPARK_HOME="$WORK/spark-home"
export SPARK_HOME SPARK_SCALA_VERSION=2.13
spark_core="$(ls "$DIST"/lib/spark-core_2.13-*.jar)"
SPARK_VERSION="$(basename "$spark_core" .jar)"
SPARK_VERSION="${SPARK_VERSION#spark-core_2.13-}"
cat >"$SPARK_HOME/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.check</groupId>
  <artifactId>spark-home</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId><version>$SPARK_VERSION</version></dependency>
  </dependencies>
</project>
EOF
(cd "$SPARK_HOME" && mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile=classpath.txt >"$WORK/logs/spark-home.log" 2>&1) \
  || { tail -n 20 "$WORK/logs/spark-home.log" >&2; die "Spark $SPARK_VERSION's jars could not be resolved"; }
tr ":" "\n" <"$SPARK_HOME/classpath.txt" | while read -r jar || [[ -n "$jar" ]]; do
  [[ -n "$jar" ]] && ln -sf "$jar" "$SPARK_HOME/jars/"
done
touch "$SPARK_HOME/RELEASE"   # an installed Spark: the launcher takes its classpath from jars/
# What Spark's bin/spark-class does: org.apache.spark.launcher.Main prints its messages, a NUL and a newline, then the
# java command with the module flags Java 17 needs, the memory and the options, NUL-separated; then it runs.
cat >"$SPARK_HOME/bin/spark-class" <<'EOF'
#!/usr/bin/env bash
output=()
while IFS= read -r -d '' arg; do output+=("$arg"); done \
  < <(java -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@"; printf '%d\0' $?)
code="${output[${#output[@]}-1]}"
[[ -z "${output[0]}" ]] || printf '%s' "${output[0]}" >&2
[[ "$code" == 0 && ${#output[@]} -gt 2 ]] || exit "${code/#0/1}"
command=("${output[@]:1:${#output[@]}-2}")
command[0]="${command[0]#$'\n'}"
exec "${command[@]}"
EOF
printf '#!/usr/bin/env bash\nexec "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.SparkSubmit "$@"\n' >"$SPARK_HOME/bin/spark-submit"
chmod +x "$SPARK_HOME/bin/spark-class" "$SPARK_HOME/bin/spark-submit"
say "Spark $SPARK_VERSION in $SPARK_HOME: $(ls "$SPARK_HOME/jars" | wc -l) jar (collegamenti al repository Maven locale)"

# 3. The same deliveries for both runs (the nightly moves them aside, so each run gets its own copy).
say "Generazione delle consegne (scala small, seme 42)"
"$CABINA" generate --out "$WORK/landing" --scale small --seed 42 >/dev/null 2>&1
mkdir -p "$WORK/embedded" "$WORK/cluster"
cp -r "$WORK/landing" "$WORK/embedded/landing"
cp -r "$WORK/landing" "$WORK/cluster/landing"

# 4. Master and worker, separate JVMs on loopback; stopped on exit whatever happens.
PIDS=()
stop_cluster() {
  for pid in "${PIDS[@]:-}"; do [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]:-}"; do [[ -n "$pid" ]] && wait "$pid" 2>/dev/null || true; done
}
trap stop_cluster EXIT

wait_for() { # file, pattern, seconds
  local i
  for ((i = 0; i < $3 * 2; i++)); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
  tail -n 30 "$1" >&2
  die "'$2' not seen in $1 after $3 s"
}

t0=$(now)
# master and worker log at Spark's default INFO level (the lines awaited below); the driver uses conf/log4j2.properties
SPARK_DAEMON_MEMORY=512m "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$PORT" --webui-port "$UI_PORT" >"$WORK/logs/master.log" 2>&1 &
PIDS+=($!)
wait_for "$WORK/logs/master.log" "I have been elected leader" 120
SPARK_DAEMON_MEMORY=512m "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker \
  "spark://127.0.0.1:$PORT" --host 127.0.0.1 --cores "$CORES" --memory "${CABINA_CLUSTER_MEMORY:-2g}" \
  --webui-port $((UI_PORT + 1)) --work-dir "$WORK/worker" >"$WORK/logs/worker.log" 2>&1 &
PIDS+=($!)
wait_for "$WORK/logs/worker.log" "Successfully registered with master" 120
say "Master spark://127.0.0.1:$PORT e worker avviati in $(elapsed "$t0") s (log in $WORK/logs)"

# 5. The nightly through bin/cabina-submit (client mode: the driver here; executors are the worker's JVMs).
SUBMIT=("$DIST/bin/cabina-submit" --master "spark://127.0.0.1:$PORT"
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1
  --conf spark.executor.memory=1g --conf spark.executor.cores="$CORES"
  -- nightly --landing "$WORK/cluster/landing" --warehouse "$WORK/cluster/warehouse" --export "$WORK/cluster/export"
  --reports "$WORK/cluster/reports" --as-of "$AS_OF")
CABINA_SUBMIT_DRY_RUN=1 "${SUBMIT[@]}" >"$WORK/logs/spark-submit-command.txt"
shipped="$(grep -o -- '--jars [^ ]*' "$WORK/logs/spark-submit-command.txt" | tr ',' '\n' | wc -l)"
say "spark-submit con $shipped jar in --jars (comando in $WORK/logs/spark-submit-command.txt)"
t1=$(now)
set +e
CABINA_DRIVER_MEMORY=2g "${SUBMIT[@]}" 2>&1 | tee "$WORK/logs/nightly-cluster.log"
cluster_code=${PIPESTATUS[0]}
set -e
cluster_s=$(elapsed "$t1")
grep -q "Asked to launch executor" "$WORK/logs/worker.log" \
  || die "the worker never launched an executor: the nightly did not run on the cluster"
grep -qs "delta-spark_2.13-" "$WORK"/worker/app-*/*/stderr \
  || die "no executor fetched Delta's jar: --jars did not reach the executors"
stop_cluster
PIDS=()
say "Nightly sul cluster: codice $cluster_code in $cluster_s s"

# 6. The same nightly embedded (local[*], as bin/cabina runs it).
t2=$(now)
set +e
"$CABINA" nightly --landing "$WORK/embedded/landing" --warehouse "$WORK/embedded/warehouse" --export "$WORK/embedded/export" \
  --reports "$WORK/embedded/reports" --as-of "$AS_OF" >"$WORK/logs/nightly-embedded.log" 2>&1
embedded_code=$?
set -e
embedded_s=$(elapsed "$t2")
say "Nightly incorporato: codice $embedded_code in $embedded_s s"

# 7. Compare: exit codes, indicators, row counts of the main tables.
COUNTS="SELECT 'fact_case' t, count(*) n FROM fact_case UNION ALL SELECT 'fact_service_delivery', count(*) FROM fact_service_delivery
 UNION ALL SELECT 'fact_assessment', count(*) FROM fact_assessment UNION ALL SELECT 'dim_unit', count(*) FROM dim_unit
 UNION ALL SELECT 'quarantine', count(*) FROM quarantine UNION ALL SELECT 'ledger_deliveries', count(*) FROM ledger_deliveries
 UNION ALL SELECT 'agg_casi', count(*) FROM agg_casi ORDER BY 1"
for side in cluster embedded; do
  "$CABINA" indicators --warehouse "$WORK/$side/warehouse" --format csv >"$WORK/$side/indicators.csv" 2>>"$WORK/logs/compare.log"
  "$CABINA" sql --warehouse "$WORK/$side/warehouse" --format csv "$COUNTS" >"$WORK/$side/counts.csv" 2>>"$WORK/logs/compare.log"
done
status=0
[[ "$cluster_code" == "$embedded_code" ]] || { say "codici di uscita diversi: cluster $cluster_code, incorporato $embedded_code"; status=1; }
for f in indicators.csv counts.csv; do
  if [[ $(wc -l <"$WORK/cluster/$f") -le 1 ]]; then
    say "$f vuoto sul cluster"; status=1
  elif diff -u "$WORK/embedded/$f" "$WORK/cluster/$f" >"$WORK/logs/diff-$f.txt"; then
    say "$f identici ($(($(wc -l <"$WORK/cluster/$f") - 1)) righe)"
  else
    say "$f DIVERSI: vedi $WORK/logs/diff-$f.txt"; status=1
  fi
done
say "Tempi: cluster $cluster_s s, incorporato $embedded_s s"
say "ESITO: $([[ $status == 0 ]] && echo "OK — il cluster dà gli stessi risultati dell'esecuzione incorporata" || echo "DIVERSI")"
exit $status

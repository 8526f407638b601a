#!/usr/bin/env bash
# Runs the nightly with spark-submit on a Spark standalone cluster — a master and a worker started here as separate
# JVMs on 127.0.0.1 from the project's Maven jars (no Spark download) — against shared paths, runs the same nightly
# embedded (local[*]) on a copy of the same deliveries, and compares the two warehouses: the indicators (CSV) and the
# row counts of the main tables. Stops the cluster it started. Exit code: 0 same results, 1 they differ, 2 setup error.
#
# Usage: ops/cluster/run-standalone.sh [WORK_DIR]   (default data/cluster; recreated)
# Environment: CABINA_CLUSTER_PORT (7177), CABINA_CLUSTER_UI_PORT (8180), CABINA_CLUSTER_CORES (1),
#              CABINA_CLUSTER_MEMORY (2g, the worker's), CABINA_PSEUDONYM_KEY (a fixed check key by default).
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mkdir -p "${1:-$HOME_DIR/data/cluster}" && cd "${1:-$HOME_DIR/data/cluster}" && pwd)"
PORT="${CABINA_CLUSTER_PORT:-7177}"
UI_PORT="${CABINA_CLUSTER_UI_PORT:-8180}"
AS_OF=2026-11-23
export CABINA_PSEUDONYM_KEY="${CABINA_PSEUDONYM_KEY:-cluster-check-key-0123456789}"
export SPARK_LOCAL_IP=127.0.0.1
CABINA="$HOME_DIR/cabina"

say() { printf '[cluster] %s\n' "$*"; }
die() { printf '[cluster] ERRORE: %s\n' "$*" >&2; exit 2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# 1. The build (./cabina builds when needed) and a Spark home whose jars/ are the runtime classpath of the cli module.
"$CABINA" --version >/dev/null || die "build failed"
CLI_JAR="$HOME_DIR/cli/target/cabina-cli-0.1.0-SNAPSHOT.jar"
rm -rf "$WORK"/{spark-home,worker,embedded,cluster,landing,logs}
mkdir -p "$WORK"/{spark-home/jars,worker,logs}
SPARK_HOME="$WORK/spark-home"
tr ":" "\n" < "$HOME_DIR/cli/target/runtime-classpath.txt" | while read -r jar || [[ -n "$jar" ]]; do
  [[ -n "$jar" ]] && ln -sf "$jar" "$SPARK_HOME/jars/"
done
ln -sf "$CLI_JAR" "$SPARK_HOME/jars/"
say "Spark home $SPARK_HOME: $(ls "$SPARK_HOME/jars" | wc -l) jar (collegamenti al repository Maven locale)"

# The module flags Spark needs on Java 17, as in ./cabina and surefire.
SPARK_FLAGS=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true
  -XX:+UseParallelGC)
LOG4J=(-Dlog4j2.configurationFile="$HOME_DIR/conf/log4j2.properties")

# 2. The same deliveries for both runs (the nightly moves them aside, so each run gets its own copy).
say "Generazione delle consegne (scala small, seme 42)"
"$CABINA" generate --out "$WORK/landing" --scale small --seed 42 >/dev/null
cp -r "$WORK/landing" "$WORK/embedded-landing"
cp -r "$WORK/landing" "$WORK/cluster-landing"
mkdir -p "$WORK/embedded" "$WORK/cluster"
mv "$WORK/embedded-landing" "$WORK/embedded/landing"
mv "$WORK/cluster-landing" "$WORK/cluster/landing"

# 3. Master and worker, separate JVMs on loopback; stopped on exit whatever happens.
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
java -Xmx512m "${SPARK_FLAGS[@]}" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$PORT" --webui-port "$UI_PORT" >"$WORK/logs/master.log" 2>&1 &
PIDS+=($!)
wait_for "$WORK/logs/master.log" "I have been elected leader" 120
SPARK_HOME="$SPARK_HOME" SPARK_SCALA_VERSION=2.13 \
  java -Xmx512m "${SPARK_FLAGS[@]}" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
  "spark://127.0.0.1:$PORT" --host 127.0.0.1 --cores "${CABINA_CLUSTER_CORES:-1}" --memory "${CABINA_CLUSTER_MEMORY:-2g}" \
  --webui-port $((UI_PORT + 1)) --work-dir "$WORK/worker" >"$WORK/logs/worker.log" 2>&1 &
PIDS+=($!)
wait_for "$WORK/logs/worker.log" "Successfully registered with master" 120
say "Master spark://127.0.0.1:$PORT e worker avviati in $(elapsed "$t0") s (log in $WORK/logs)"

# 4. The nightly through spark-submit (client mode: the driver is this JVM; executors are the worker's JVMs).
t1=$(now)
set +e
java -Xmx2g "${SPARK_FLAGS[@]}" "${LOG4J[@]}" -Dcabina.home="$HOME_DIR" -cp "$SPARK_HOME/jars/*" \
  org.apache.spark.deploy.SparkSubmit --master "spark://127.0.0.1:$PORT" --deploy-mode client \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --conf spark.executor.memory=1g --conf spark.executor.cores="${CABINA_CLUSTER_CORES:-1}" \
  --class it.cabina.cli.Main "$CLI_JAR" \
  nightly --landing "$WORK/cluster/landing" --warehouse "$WORK/cluster/warehouse" --export "$WORK/cluster/export" \
  --reports "$WORK/cluster/reports" --as-of "$AS_OF" 2>&1 | tee "$WORK/logs/nightly-cluster.log"
cluster_code=${PIPESTATUS[0]}
set -e
cluster_s=$(elapsed "$t1")
grep -q "Asked to launch executor" "$WORK/logs/worker.log" \
  || die "the worker never launched an executor: the nightly did not run on the cluster"
stop_cluster
PIDS=()
say "Nightly sul cluster: codice $cluster_code in $cluster_s s"

# 5. The same nightly embedded (local[*], as ./cabina runs it).
t2=$(now)
set +e
"$CABINA" nightly --landing "$WORK/embedded/landing" --warehouse "$WORK/embedded/warehouse" --export "$WORK/embedded/export" \
  --reports "$WORK/embedded/reports" --as-of "$AS_OF" >"$WORK/logs/nightly-embedded.log" 2>&1
embedded_code=$?
set -e
embedded_s=$(elapsed "$t2")
say "Nightly incorporato: codice $embedded_code in $embedded_s s"

# 6. Compare: exit codes, indicators, row counts of the main tables.
COUNTS="SELECT 'fact_case' t, count(*) n FROM fact_case UNION ALL SELECT 'fact_service_delivery', count(*) FROM fact_service_delivery
 UNION ALL SELECT 'fact_assessment', count(*) FROM fact_assessment UNION ALL SELECT 'dim_unit', count(*) FROM dim_unit
 UNION ALL SELECT 'quarantine', count(*) FROM quarantine UNION ALL SELECT 'ledger_deliveries', count(*) FROM ledger_deliveries
 UNION ALL SELECT 'agg_casi', count(*) FROM agg_casi ORDER BY 1"
for side in cluster embedded; do
  "$CABINA" indicators --warehouse "$WORK/$side/warehouse" --format csv >"$WORK/$side/indicators.csv"
  "$CABINA" sql --warehouse "$WORK/$side/warehouse" --format csv "$COUNTS" >"$WORK/$side/counts.csv"
done
status=0
[[ "$cluster_code" == "$embedded_code" ]] || { say "codici di uscita diversi: cluster $cluster_code, incorporato $embedded_code"; status=1; }
for f in indicators.csv counts.csv; do
  if diff -u "$WORK/embedded/$f" "$WORK/cluster/$f" >"$WORK/logs/diff-$f.txt"; then
    say "$f identici ($(($(wc -l <"$WORK/cluster/$f") - 1)) righe)"
  else
    say "$f DIVERSI: vedi $WORK/logs/diff-$f.txt"; status=1
  fi
done
say "Tempi: cluster $cluster_s s, incorporato $embedded_s s"
say "ESITO: $([[ $status == 0 ]] && echo "OK — il cluster dà gli stessi risultati dell'esecuzione incorporata" || echo "DIVERSI")"
exit $status

#!/usr/bin/env bash
# bench/java.sh CLASS ARGS...: runs a bench main (it.cabina.bench.CLASS) with the JVM settings of ./cabina
# (the Spark flags of the root pom, the driver heap of CABINA_DRIVER_MEMORY). Built by bench/run.sh.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
read -r -a SPARK_FLAGS <<<"$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$HOME_DIR/pom.xml")"
cls="$1"; shift
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec java -Xmx"${CABINA_DRIVER_MEMORY:-4g}" "${SPARK_FLAGS[@]}" -Dcabina.home="$HOME_DIR" \
  -Dlog4j2.configurationFile="$HOME_DIR/conf/log4j2.properties" \
  -cp "$HOME_DIR/bench/target/classes:$(cat "$HOME_DIR/bench/target/runtime-classpath.txt")" "it.cabina.bench.$cls" "$@"

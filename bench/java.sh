#!/usr/bin/env bash
# bench/java.sh CLASS ARGS...: runs a main class (it.cabina.bench.CLASS, or a full class name such as
# it.cabina.cli.Main for the cabina command) with the JVM settings of ./cabina: the Spark flags of the root pom and
# the driver heap of CABINA_DRIVER_MEMORY. With BENCH_DIST set, runs the private copy of the Cabina jars that
# bench/run.sh makes there, so that a rebuild of the working tree never changes a jar under a running measurement.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
read -r -a SPARK_FLAGS <<<"$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$HOME_DIR/pom.xml")"
cls="$1"; shift
[[ "$cls" == *.* ]] || cls="it.cabina.bench.$cls"
if [[ -n "${BENCH_DIST:-}" ]]; then
  cp_line="$(cat "$BENCH_DIST/classpath.txt")"
else
  cp_line="$HOME_DIR/bench/target/classes:$(cat "$HOME_DIR/bench/target/runtime-classpath.txt")"
fi
# the launcher's class-data archive, only when asked (CABINA_CLASS_ARCHIVE=on, or now: bench/run.sh makes it so before
# it measures): its background maker must not run beside a measurement
CLASS_ARCHIVE_FLAGS=()
if [[ "${CABINA_CLASS_ARCHIVE:-off}" != off ]]; then
  # shellcheck source=../dist/src/bin/class-archive.sh
  source "$HOME_DIR/dist/src/bin/class-archive.sh"
  class_archive_flags java "$cp_line" "${BENCH_CLASS_ARCHIVE_DIR:-$HOME_DIR/data/class-archive}" "${SPARK_FLAGS[@]}"
fi
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec java -Xmx"${CABINA_DRIVER_MEMORY:-4g}" "${SPARK_FLAGS[@]}" "${CLASS_ARCHIVE_FLAGS[@]}" -Dcabina.home="$HOME_DIR" \
  -Dlog4j2.configurationFile="$HOME_DIR/conf/log4j2.properties" ${CABINA_JAVA_OPTS:-} -cp "$cp_line" "$cls" "$@"

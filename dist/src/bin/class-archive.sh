# Sourced by bin/cabina (and by the source checkout's ./cabina and bench/java.sh): the JVM's class-data archive of the
# command's classes (AppCDS, Java 17). A command starts by loading some 20,000 classes of Spark, Delta, Hadoop,
# JasperReports and Cabina from their jars; from a class-data archive the JVM maps them already parsed and verified.
# A night with nothing new takes about two thirds of the time with it (bench/RESULTS.md).
#
# class_archive_flags JAVA CLASSPATH DIR JVM_FLAGS...: sets CLASS_ARCHIVE_FLAGS, the options to add to the java
# command. The archive belongs to one Java and one set of jars: its name is a digest of both (paths, sizes, times), so
# a new release, a rebuild or another Java never meets an archive made for something else. Three moments:
#   1. no list of classes yet: this run writes the list of the classes it loads (no cost worth measuring);
#   2. a list, no archive: this run goes on as usual while a background process at the lowest priority makes the
#      archive from the list (about a minute of one core, once; its log is DIR/<digest>.log);
#   3. the archive: this run and the following ones map it.
# CABINA_CLASS_ARCHIVE=now makes the archive in the foreground at moment 2 (an installation step, the benchmark).
# Nothing here is needed for a run to work: with DIR not writable or CABINA_CLASS_ARCHIVE=off, the JVM reads the
# jars as usual; an archive is written aside and renamed when complete, and used only at the size it was written.
class_archive_flags() {
  CLASS_ARCHIVE_FLAGS=()
  local java="$1" classpath="$2" dir="$3"
  shift 3
  [[ "${CABINA_CLASS_ARCHIVE:-on}" != off ]] || return 0
  mkdir -p "$dir" 2>/dev/null && [[ -w "$dir" ]] || return 0
  local digest
  digest="$(class_archive_digest "$java" "$classpath")" || return 0
  local archive="$dir/$digest.jsa"
  if ! class_archive_ready "$archive" && [[ -n "$(class_archive_list "$dir/$digest")" ]]; then
    if [[ "${CABINA_CLASS_ARCHIVE:-on}" == now ]]; then
      class_archive_make "$java" "$classpath" "$dir" "$@"
    else
      # detached from this run: its output, its terminal and its end are not this run's
      (class_archive_make "$java" "$classpath" "$dir" "$@") </dev/null >/dev/null 2>&1 &
      disown 2>/dev/null || true
      return 0
    fi
  fi
  if class_archive_ready "$archive"; then
    CLASS_ARCHIVE_FLAGS=(-Xshare:auto -XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
  elif [[ -z "$(class_archive_list "$dir/$digest")" ]]; then
    CLASS_ARCHIVE_FLAGS=(-XX:DumpLoadedClassList="$dir/$digest.$$.classlist")
  fi
  return 0
}

# class_archive_ready ARCHIVE: complete, at the size it was written (mapped from a shorter file, an archive crashes the JVM).
class_archive_ready() {
  [[ -s "$1" && "$(stat -c %s "$1")" == "$(cat "${1%.jsa}.size" 2>/dev/null)" ]]
}

# class_archive_digest JAVA CLASSPATH: what the archive belongs to (the Java binary and every jar: path, size, time).
class_archive_digest() {
  local java_bin
  java_bin="$(readlink -f "$(command -v "$1")")" || return 1
  { stat -c '%n %s %Y' "$java_bin"; tr ':' '\n' <<<"$2" | xargs -d '\n' stat -c '%n %s %Y'; } 2>/dev/null | sha256sum | cut -c1-16
}

# class_archive_list DIR/DIGEST: the longest list of classes written by a run that started Spark (--version or check
# load a few hundred classes: an archive of those would stay that small), or nothing.
class_archive_list() {
  local f
  for f in "$1".*.classlist; do
    if [[ -s "$f" ]] && grep -qE '^org/apache/spark/sql/SparkSession( |$)' "$f"; then printf '%s %s\n' "$(wc -l <"$f")" "$f"; fi
  done | sort -rn | awk 'NR == 1 {print $2}'
}

# class_archive_make JAVA CLASSPATH DIR JVM_FLAGS...: makes the archive from that list, at the lowest
# priority, one maker at a time (another running: returns at once); archives and lists of other jars are deleted.
class_archive_make() {
  local java="$1" classpath="$2" dir="$3"
  shift 3
  local digest list
  digest="$(class_archive_digest "$java" "$classpath")" || return 0
  list="$(class_archive_list "$dir/$digest")"
  [[ -n "$list" ]] || return 0
  (
    exec 9>"$dir/$digest.lock"
    flock -n 9 || exit 0
    find "$dir" -maxdepth 1 -type f ! -name "$digest.*" -delete || true
    tmp="$dir/$digest.$$.tmp"
    if nice -n 19 "$java" -Xshare:dump "$@" -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$tmp" \
        -cp "$classpath" >"$dir/$digest.log" 2>&1; then
      stat -c %s "$tmp" >"$dir/$digest.size" && mv -f "$tmp" "$dir/$digest.jsa" && rm -f "$dir/$digest".*.classlist
    fi
    rm -f "$tmp"
  )
}

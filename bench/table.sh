#!/usr/bin/env bash
# bench/table.sh TABLE.tsv SCALE RUNS: the Markdown table of bench/run.sh from its raw measurements
# (tab-separated: step, run, wall seconds, peak RSS kB, rows, in-process seconds). Medians over the runs.
set -euo pipefail
tsv="$1"; scale="$2"; runs="$3"
cpu="$(sed -n '0,/^model name/s/^model name[[:space:]]*: //p' /proc/cpuinfo)"
mem="$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
echo "### Cabina benchmark — scale \`$scale\`, $runs run(s) per step"
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores ($cpu) · $mem RAM · load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
awk -F'\t' '
function median(list,   n, a, i, j, t) {
  n = split(list, a, " ")
  for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{
  s = $1
  if (!(s in seen)) { seen[s] = 1; order[++k] = s }
  if ($3 == "NA") { na[s] = 1; next }
  runs[s]++; wall[s] = wall[s] " " $3; if ($4 + 0 > rss[s] + 0) rss[s] = $4
  if ($5 != "") rows[s] = $5
  if ($6 != "") inner[s] = inner[s] " " $6
}
END {
  label["generate"] = "generate the landing (streamed, -Xmx1g)"
  label["full"] = "full load of the triennium (nightly, empty warehouse)"
  label["incremental-nightly"] = "incremental nightly: one day of CSI deliveries, all reports published"
  label["compute-cabina"] = "indicators + aggregates, Cabina (Spark)"
  label["compute-cabina-warm"] = "indicators + aggregates, Cabina, run again in the same JVM (Spark warm; wall time covers both runs)"
  label["compute-duckdb"] = "indicators + aggregates, DuckDB (reference)"
  label["reports"] = "all reports for all territories (`cabina report --all` alone)"
  label["idle-nightly"] = "a night with nothing new (after the full load, reports published)"
  label["flusso-bare"] = "FLUSSO: bare Spark read of the same files (CSV as text → Parquet, no rules): the floor"
  label["flusso-bronze"] = "FLUSSO: bronze load (nightly up to the ledger, FLUSSO and AFAM deliveries only; compute s = bronze stage)"
  for (i = 1; i <= k; i++) { s = order[i]; if (!na[s]) { m[s] = median(wall[s]); im[s] = inner[s] == "" ? "" : median(inner[s]) } }
  print "| step | runs | median s | min–max s | peak RSS MB | rows | rows/s | compute s (in-process) | ratio to DuckDB |"
  print "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for (i = 1; i <= k; i++) {
    s = order[i]
    if (na[s]) { printf "| %s | – | not available (`cabina report` missing on this branch) | | | | | | |\n", label[s]; continue }
    n = split(wall[s], w, " "); lo = hi = w[1]
    for (j = 2; j <= n; j++) { if (w[j] + 0 < lo + 0) lo = w[j]; if (w[j] + 0 > hi + 0) hi = w[j] }
    rps = rows[s] != "" && m[s] > 0 ? sprintf("%.0f", rows[s] / m[s]) : ""
    ratio = ""
    if (s == "compute-cabina" && ("compute-duckdb" in runs)) {
      ratio = sprintf("%.1f× wall", m[s] / m["compute-duckdb"])
      if (im[s] != "" && im["compute-duckdb"] > 0) ratio = ratio sprintf(", %.1f× compute", im[s] / im["compute-duckdb"])
    }
    if (s == "compute-cabina-warm" && im[s] != "" && im["compute-duckdb"] > 0) ratio = sprintf("%.1f× compute", im[s] / im["compute-duckdb"])
    if (s == "compute-duckdb") ratio = "1×"
    if (s == "flusso-bronze" && im[s] != "" && im["flusso-bare"] > 0) ratio = sprintf("%.1f× the bare read (compute)", im[s] / im["flusso-bare"])
    printf "| %s | %d | %.1f | %.1f–%.1f | %.0f | %s | %s | %s | %s |\n", label[s], runs[s], m[s], lo, hi, rss[s] / 1024,
      rows[s] == "" ? "" : sprintf("%.0f", rows[s]), rps, im[s] == "" ? "" : sprintf("%.1f", im[s]), ratio
  }
}' "$tsv"
echo
echo "Rows: generated rows (generate), rows received by the nightly (full, incremental), rows of the star schema"
echo "read (indicators + aggregates). Peak RSS is the whole process (driver heap + off-heap + JVM), from /usr/bin/time -v."

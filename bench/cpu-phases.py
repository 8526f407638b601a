#!/usr/bin/env python3
"""Where a JVM's CPU went, by phase of Spark's work, from a Java Flight Recorder file.

    bench/cpu-phases.py RECORDING.jfr [TOP]

Record with deep stacks (Spark's plans serialise recursively; JFR keeps 64 frames unless told otherwise), e.g.:

    CABINA_JAVA_OPTS="-XX:FlightRecorderOptions=stackdepth=1024 -XX:StartFlightRecording=filename=/tmp/night.jfr,settings=profile" \\
      CABINA_CONFIG=conf/cabina-test.yaml bench/java.sh NightJobs /tmp/nj/landing /tmp/nj/work 2

Each CPU sample goes to the first phase below that one of its frames matches (so serialising a task is counted as
serialising, not as the stage that asked for it), and within a phase to the innermost Cabina frame that called it.
"""
import collections
import re
import subprocess
import sys

# first match wins: the order puts the specific phases before the general ones
PHASES = [
    ("closure check (a job's function serialised to check it can be)", r"SparkClosureCleaner"),
    ("task serialised for the scheduler", r"DAGScheduler\.submitMissingTasks"),
    ("broadcast", r"TorrentBroadcast"),
    ("tasks running (deserialising included)", r"Executor\$TaskRunner"),
    ("analysis", r"sql\.catalyst\.analysis|\.Analyzer|CheckAnalysis"),
    ("optimisation", r"sql\.catalyst\.optimizer|SparkOptimizer"),
    ("physical planning", r"QueryPlanner|SparkStrategies|prepareForExecution|EnsureRequirements|AdaptiveSparkPlan"),
    ("Delta (log, snapshots, commits)", r"sql\.delta"),
    ("scheduling", r"DAGScheduler|TaskScheduler|TaskSetManager|LocalSchedulerBackend"),
    ("listeners (UI and status store)", r"ListenerBus|AppStatus|ElementTrackingStore"),
    ("parsing and the Dataset API", r"classic\.Dataset|SparkSession|DataFrameReader|DataFrameWriter|SparkSqlParser|AstBuilder"),
    ("Cabina's own code", r"^it\.cabina\."),
]
FRAME = re.compile(r"^\s+([\w$.<>]+)\(.*?line: (\d+)", re.M)


def samples(recording):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "1024", recording],
                         check=True, capture_output=True, text=True).stdout
    for event in out.split("jdk.ExecutionSample")[1:]:
        frames = FRAME.findall(event)
        if frames:
            yield frames


def cabina_caller(frames):
    for name, line in frames:
        if name.startswith("it.cabina.") and "lambda$" not in name and ".Concurrently." not in name:
            return f"{name.removeprefix('it.cabina.')}:{line}"
    return "(a thread of Spark or Delta)"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    by_phase, callers = collections.Counter(), collections.defaultdict(collections.Counter)
    for frames in samples(sys.argv[1]):
        names = [n for n, _ in frames]
        phase = next((p for p, pattern in PHASES if any(re.search(pattern, n) for n in names)), "other")
        by_phase[phase] += 1
        callers[phase][cabina_caller(frames)] += 1
    total = sum(by_phase.values())
    print(f"{total:,} CPU samples\n")
    print("| phase | samples | share | where Cabina called it (top %d) |" % top)
    print("|---|---:|---:|---|")
    for phase, n in by_phase.most_common():
        where = "; ".join(f"{c} ({k})" for c, k in callers[phase].most_common(top))
        print(f"| {phase} | {n:,} | {100 * n / total:.1f} % | {where} |")


if __name__ == "__main__":
    main()

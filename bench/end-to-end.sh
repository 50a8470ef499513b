#!/usr/bin/env bash
# End to end: a generated legacy export (bench/src/.../ExportGenerator: ACCOUNTS accounts, three contacts and one
# opportunity each, with the dirt of real exports) migrated in once mode into the built-in sandbox running in a JVM of
# its own (memory storage), as a migration runs against an org; in the same minutes, the baseline (BulkCsvBaseline:
# commons-csv parse and Bulk API CSV write of the same files), and Cutover's figures as ratios to it.
# Usage: bench/end-to-end.sh [--latency MS] [--kill-at PERCENT] [--check] [ACCOUNTS]      (after ./mvnw package)
#   --latency MS     the sandbox waits MS before it answers each call, as a distant org does
#   --kill-at P      then migrates the same export into a new org again, kills it (SIGKILL) once P % of the records
#                    have an outcome, starts it again, and prints the time to finish against the full run's
#   --check          exits 1 unless every generated record was read and has an outcome in the report (CI's smoke run;
#                    the timings of such a run say nothing)
# MIGRATION_JVM_OPTS: options of the migration's JVM only, e.g. -Xmx384m or a flight recording:
#   MIGRATION_JVM_OPTS=-XX:StartFlightRecording=filename=target/e2e.jfr,settings=profile bench/end-to-end.sh
# BENCH_PORT: the sandbox's port (default 18890; the migration takes the next, management ports 10 above), so that
#   two checkouts can run it side by side
set -euo pipefail
cd "$(dirname "$0")/.."
latency=0 kill_at="" check=false
while [[ $# -gt 0 && $1 == --* ]]; do
  case $1 in
    --latency) latency=$2; shift 2 ;;
    --kill-at) kill_at=$2; shift 2 ;;
    --check) check=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
accounts=${1:-10000}
app=engine/target/quarkus-app/quarkus-run.jar
[[ -f $app ]] || { echo "no $app: run ./mvnw package -DskipTests first" >&2; exit 2; }
work=$(mktemp -d -p target bench-e2e-XXXX)
work=$(cd "$work" && pwd)

source bench/export.sh
generate_export "$accounts"
# the records of the export: its lines less the headers, counted as records by the CSV parser (descriptions span lines)
records=$(java -cp "$classpath" io.cutover.bench.BulkCsvBaseline "$work/export" "$work/baseline-warm-up" | sed 's/records=\([0-9]*\).*/\1/')

# the baseline, measured as the migration is: GNU time's wall clock, CPU seconds and peak RSS of the whole JVM
/usr/bin/time -f '%e %U %S %M' -o "$work/baseline.time" \
  java -cp "$classpath" io.cutover.bench.BulkCsvBaseline "$work/export" "$work/baseline" > "$work/baseline.txt"

port=${BENCH_PORT:-18890}
start_org() {  # a new org: the sandbox in a JVM of its own, its records in memory
  java -Dcutover.sandbox.enabled=true -Dcutover.sandbox.storage=memory -Dcutover.run-at-start=false \
       -Dcutover.sandbox.faults.latency="${latency}ms" -Dquarkus.http.port=$port -Dquarkus.management.port=$((port + 10)) \
       -Dcutover.data-dir="$work/org-$1" -jar $app > "$work/org-$1.log" 2>&1 &
  org=$!
  for _ in $(seq 1 90); do
    curl -fs "http://localhost:$((port + 10))/q/health/ready" > /dev/null 2>&1 \
      || curl -fs "http://localhost:$port/q/health/ready" > /dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the sandbox did not start: $work/org-$1.log" >&2; exit 1
}
migrate() {  # migrate DATA-DIR LOG [JVM OPTION...]: the migration in once mode, under GNU time
  CUTOVER_TARGET_LOGIN_URL=http://localhost:$port CUTOVER_TARGET_CLIENT_ID=cutover-sandbox \
  CUTOVER_TARGET_CLIENT_SECRET=cutover-sandbox-secret CUTOVER_TARGET_USERNAME=admin@cutover.sandbox \
  CUTOVER_TARGET_PASSWORD=sandbox \
    /usr/bin/time -f '%e %U %S %M' -o "$2.time" \
    java ${MIGRATION_JVM_OPTS:-} "${@:3}" -Dcutover.mode=once -Dcutover.export.dir="$work/export" \
         -Dcutover.sources.dir="$work/sources" -Dcutover.mapping.dir="$work/mappings" -Dcutover.data-dir="$1" \
         -Dquarkus.http.port=$((port + 1)) -Dquarkus.management.port=$((port + 11)) -jar $app > "$2" 2>&1
}
trap 'kill $org 2>/dev/null || true' EXIT

start_org full
migrate "$work/data" "$work/run.log" || true
kill $org; wait $org 2>/dev/null || true

if [[ -n $kill_at ]]; then
  start_org killed
  # a progress line a second, so that the kill comes close to the share asked for
  migrate "$work/data-killed" "$work/killed.log" -Dcutover.progress.interval=1s &
  runner=$!
  # the progress log's outcomes, against the export's records: objects run one after the other, so an object whose
  # successor has a line is done (every record it read has an outcome), whatever its own last line said
  until python3 - "$work/killed.log" "$records" "$kill_at" <<'PY'
import re, sys
done, current, outcomes = 0, None, 0
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    found = re.search(r"Run \S+: (\w+): read ([\d,]+)(?: of ≈?[\d,]+)?((?:, \w+ [\d,]+)*), pending", line)
    if found:
        if current is not None and found.group(1) != current[0]:
            done += current[1]
        current = (found.group(1), int(found.group(2).replace(",", "")))
        outcomes = sum(int(n.replace(",", "")) for n in re.findall(r", \w+ ([\d,]+)", found.group(3)))
sys.exit(0 if (done + outcomes) * 100 >= int(sys.argv[2]) * int(sys.argv[3]) else 1)
PY
  do
    kill -0 $runner 2> /dev/null || { echo "the run ended before $kill_at %: $work/killed.log" >&2; exit 1; }
    sleep 0.5
  done
  pkill -KILL -f "^java .*cutover.data-dir=$work/data-killed" || true
  wait $runner 2> /dev/null || true
  migrate "$work/data-killed" "$work/resumed.log" || true
  kill $org; wait $org 2>/dev/null || true
fi

python3 - "$work" "$records" "$kill_at" "$check" "$classpath" <<'PY'
import json, glob, sys
work, records, kill_at, check, classpath = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4] == "true", sys.argv[5]
def timed(name):
    wall, user, system, rss = open(f"{work}/{name}.time").read().split()[-4:]
    return float(wall), float(user) + float(system), int(rss) / 1024
base_wall, base_cpu, base_rss = timed("baseline")
wall, cpu, rss = timed("run.log")
report = json.load(open(glob.glob(f"{work}/data/runs/*/report.json")[0]))
from datetime import datetime
def moment(text): return datetime.fromisoformat(text.replace("Z", "+00:00"))
run = (moment(report["endedAt"]) - moment(report["startedAt"])).total_seconds()
print(f"export: {open(work + '/generated.txt').read().strip()} records={records}")
print(f"baseline: {base_wall:.1f} s, {records / base_wall:,.0f} records/s, CPU {base_cpu:.1f} s "
      f"({base_cpu * 1e6 / records:,.1f} µs/record), peak RSS {base_rss:,.0f} MB")
print(f"cutover: status {report['status']}, run {run:.1f} s ({records / run:,.0f} records/s), process {wall:.1f} s, "
      f"CPU {cpu:.1f} s ({cpu * 1e3 / records:.2f} ms/record), peak RSS {rss:,.0f} MB")
print(f"ratios to the baseline: records/s {records / run / (records / base_wall):.4f}, "
      f"CPU per record {cpu / base_cpu:.1f}x, peak RSS {rss / base_rss:.1f}x")
import subprocess
print(subprocess.run(["java", "-cp", classpath, "io.cutover.bench.ObjectTimes", f"{work}/data", report["startedAt"]],
                     capture_output=True, text=True, check=True).stdout, end="")
accounted = 0
for name, counts in report["objects"].items():
    outcomes = sum(v for k, v in counts.items() if k != "read")
    accounted += outcomes
    print(f"  {name}: {counts}")
calls = report.get("apiCalls", {})
by_operation = {}
for operations in calls.values():
    for operation, count in operations.items():
        by_operation[operation] = by_operation.get(operation, 0) + count
jobs = by_operation.get("bulk2CreateJob", 0)
# a bulk job's least: create, upload, close, one status poll, successful and failed results
bulk = sum(count for operation, count in by_operation.items() if operation.startswith("bulk2"))
least = 6 * jobs + sum(count for operation, count in by_operation.items() if not operation.startswith("bulk2"))
total = sum(by_operation.values())
print(f"api calls: {total} ({total / max(least, 1) - 1:+.0%} over the least for {jobs} bulk jobs: {least}) "
      f"{dict(sorted(by_operation.items()))}")
read = sum(counts["read"] for counts in report["objects"].values())
print(f"accounted: {accounted:,} outcomes for {read:,} records read of {records:,} generated")
if kill_at:
    killed_wall = timed("killed.log")[0]
    resumed = json.load(open(sorted(glob.glob(f"{work}/data-killed/runs/*/report.json"))[-1]))
    resumed_wall = timed("resumed.log")[0]
    print(f"killed at {kill_at} %: after {killed_wall:.1f} s; the run started again finished in {resumed_wall:.1f} s, "
          f"{resumed_wall / wall:.0%} of the full run's {wall:.1f} s (the run resumed, status {resumed['status']}; "
          f"its report, both attempts: {sum(c['loaded'] for c in resumed['objects'].values()):,} loaded)")
def whole(run):
    counts = run["objects"].values()
    read = sum(c["read"] for c in counts)
    return run["status"] == "completed" and read == records and sum(v for c in counts for k, v in c.items() if k != "read") == read
if check and not (whole(report) and (not kill_at or whole(resumed))):
    print("CHECK FAILED: a run did not complete with every generated record read and given an outcome", file=sys.stderr)
    sys.exit(1)
PY
echo "logs and data: $work"

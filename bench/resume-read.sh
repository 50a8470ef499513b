#!/usr/bin/env bash
# A run killed part-way through an object's read, then started again: what the resumed attempt maps again, and how
# long it takes. The generated export of bench/end-to-end.sh (ACCOUNTS accounts, three contacts and one opportunity
# each) is migrated in once mode into the built-in sandbox (a JVM of its own, memory storage); the migration is killed
# with SIGKILL once the progress log shows P % of the contacts read, and started again.
# Usage: bench/resume-read.sh [--kill-at-read P] [ACCOUNTS]                           (after ./mvnw package)
#   APP=path/to/quarkus-run.jar runs another build (an earlier commit's, for a before/after figure); PORT=N another
#   port (N to N+11), to run two at once
set -euo pipefail
cd "$(dirname "$0")/.."
kill_at=60
if [[ ${1:-} == --kill-at-read ]]; then kill_at=$2; shift 2; fi
accounts=${1:-10000}
app=${APP:-engine/target/quarkus-app/quarkus-run.jar}
[[ -f $app ]] || { echo "no $app: run ./mvnw package -DskipTests first" >&2; exit 2; }
work=$(mktemp -d -p target bench-resume-XXXX)
work=$(cd "$work" && pwd)

source bench/export.sh
generate_export "$accounts"

port=${PORT:-18950}
java -Dcutover.sandbox.enabled=true -Dcutover.sandbox.storage=memory -Dcutover.run-at-start=false \
     -Dquarkus.http.port=$port -Dquarkus.management.port=$((port + 10)) -Dcutover.data-dir="$work/org" \
     -jar "$app" > "$work/org.log" 2>&1 &
org=$!
trap 'kill $org 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do
  curl -fs "http://localhost:$((port + 10))/q/health/ready" > /dev/null 2>&1 \
    || curl -fs "http://localhost:$port/q/health/ready" > /dev/null 2>&1 && break
  sleep 1
done
migrate() {  # migrate LOG: the migration in once mode, under GNU time
  CUTOVER_TARGET_LOGIN_URL=http://localhost:$port CUTOVER_TARGET_CLIENT_ID=cutover-sandbox \
  CUTOVER_TARGET_CLIENT_SECRET=cutover-sandbox-secret CUTOVER_TARGET_USERNAME=admin@cutover.sandbox \
  CUTOVER_TARGET_PASSWORD=sandbox \
    /usr/bin/time -f '%e %U %S' -o "$1.time" \
    java -Dcutover.mode=once -Dcutover.export.dir="$work/export" -Dcutover.sources.dir="$work/sources" \
         -Dcutover.mapping.dir="$work/mappings" -Dcutover.data-dir="$work/data" -Dcutover.progress.interval=200 \
         -Dquarkus.http.port=$((port + 1)) -Dquarkus.management.port=$((port + 11)) -jar "$app" > "$1" 2>&1
}
contacts=$(($(grep -c . "$work/export/contacts.csv" || true) - 1))
migrate "$work/killed.log" &
runner=$!
# the progress log's contacts read, against the lines of their export (an estimate: a description spans lines)
until grep -qE "Contact: read [0-9,]+" "$work/killed.log" && \
      (( $(grep -oE "Contact: read [0-9,]+" "$work/killed.log" | tail -1 | tr -dc 0-9) * 100 >= contacts * kill_at )); do
  kill -0 $runner 2> /dev/null || { echo "the run ended before $kill_at % of the contacts were read" >&2; exit 1; }
  sleep 0.2
done
# the migration's JVM: the child of GNU time, itself the child of the background job
pkill -KILL -P "$(pgrep -P $runner)" || true
wait $runner 2> /dev/null || true
migrate "$work/resumed.log" || true

read -r wall user system < <(tail -1 "$work/resumed.log.time")
echo "export: $(cat "$work/generated.txt")"
echo "killed at: $(grep -oE "Contact: read [0-9,]+[^;]*" "$work/killed.log" | tail -1)"
echo "resumed: $(grep -oE "Contact: records 1 to [0-9,]+ were staged[^\"]*" "$work/resumed.log" || echo "Contact read again from its first record")"
echo "resumed attempt: process ${wall} s, CPU $(echo "$user + $system" | bc) s"
grep -A4 -E "Run \S+ \(full\) (completed|failed|stopped)" "$work/resumed.log" | grep -vE "^--$" | sed 's/^.*INFO.*\] //' || true
echo "logs: $work"

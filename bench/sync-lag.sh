#!/usr/bin/env bash
# Sync lag, legacy -> target: the legacy CRM simulator (with the Salesforce sandbox) in one JVM makes CHANGES changes a
# second (edits, creations, deletions of random records of its four collections; accounts and contacts are synced);
# the packaged application migrates its accounts and contacts over REST, then syncs them with a poll interval of POLL,
# for SECONDS seconds. Prints the sync's lag (from a change's time in the legacy CRM to its application in the target)
# as its Prometheus metrics give it: p50 and p95 per object, and the changes applied.
# Usage: bench/sync-lag.sh [CHANGES] [POLL] [SECONDS]     (needs ./mvnw package first; BENCHMARKS.md quotes it)
set -euo pipefail
cd "$(dirname "$0")/.."
changes=${1:-100}
poll=${2:-1s}
seconds=${3:-60}
work=$(mktemp -d -p target bench-sync-XXXX)
port=${BENCH_PORT:-18790}
systems="http://localhost:$port"

java -Dcutover.sandbox.enabled=true -Dcutover.sandbox.storage=memory -Dcutover.legacy-crm.enabled=true \
     -Dcutover.simulators.admin-token=bench-admin \
     -Dcutover.run-at-start=false -Dquarkus.http.port=$port -Dquarkus.management.port=$((port + 10)) -Dcutover.data-dir="$work/systems" \
     -jar engine/target/quarkus-app/quarkus-run.jar > "$work/systems.log" 2>&1 &
systems_pid=$!
sync_pid=
trap 'kill $systems_pid $sync_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://localhost:$((port + 10))/q/health/ready" > /dev/null && break; sleep 1; done

mkdir -p "$work/sources"
for file in accounts.yaml contacts.yaml; do
  sed "s#http://localhost:8080#$systems#" "sources-rest/$file" > "$work/sources/$file"
done

# a third of each kind: edits, creations, deletions
per_minute=$((changes * 60 / 3))
curl -fs -X PUT -H 'Authorization: Bearer bench-admin' -H 'Content-Type: application/json' "$systems/legacy-crm/admin/settings" \
  -d "{\"editsPerMinute\": $per_minute, \"creationsPerMinute\": $per_minute, \"deletionsPerMinute\": $per_minute}" > /dev/null

CUTOVER_SOURCES_DIR="$work/sources" LEGACY_CRM_TOKEN=legacy-crm-token CUTOVER_SYNC_ENABLED=true \
CUTOVER_SYNC_POLL_INTERVAL=$poll CUTOVER_SYNC_TICK=100ms \
CUTOVER_TARGET_LOGIN_URL=$systems CUTOVER_TARGET_CLIENT_ID=cutover-sandbox \
CUTOVER_TARGET_CLIENT_SECRET=cutover-sandbox-secret CUTOVER_TARGET_USERNAME=admin@cutover.sandbox \
CUTOVER_TARGET_PASSWORD=sandbox \
  java -Dquarkus.http.port=$((port + 1)) -Dquarkus.management.port=$((port + 11)) -Dcutover.data-dir="$work/data" -jar engine/target/quarkus-app/quarkus-run.jar \
  > "$work/sync.log" 2>&1 &
sync_pid=$!
for _ in $(seq 1 120); do grep -q "(full) completed" "$work/sync.log" && break; sleep 1; done
sleep "$seconds"

metrics=$(curl -fs "http://localhost:$((port + 11))/q/metrics")
echo "changes a second made: $changes (a quarter of them to accounts, a quarter to contacts), poll interval: $poll, for ${seconds} s"
echo "$metrics" | grep -E '^cutover_sync_lag_seconds(\{|_count|_max)' | grep -E 'quantile|_count|_max' || true
echo "$metrics" | grep -E '^cutover_sync_changes_total' || true
echo "logs and data: $work"

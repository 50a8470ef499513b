#!/usr/bin/env bash
# Reverse sync lag, target -> legacy: the Salesforce sandbox and the legacy CRM simulator in one JVM; the packaged
# application migrates the legacy CRM's accounts and contacts over REST, with both syncs on; then people edit random
# accounts in the target at CHANGES a second (bench/TargetEdits.java, as their own client) for SECONDS seconds. Prints
# the reverse sync's lag (from a change's commit in the target to its write in the legacy CRM) as its Prometheus
# metrics give it, p50 and p95, and what became of the changes. CAPTURE is cdc (Change Data Capture events) or poll
# (the SOQL sweep every POLL).
# Usage: bench/reverse-lag.sh [CHANGES] [SECONDS] [CAPTURE] [POLL]    (needs ./mvnw package first; BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
changes=${1:-100}
seconds=${2:-60}
capture=${3:-cdc}
poll=${4:-1s}
work=$(mktemp -d -p target bench-reverse-XXXX)
port=${BENCH_PORT:-18890}
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

CUTOVER_SOURCES_DIR="$work/sources" LEGACY_CRM_TOKEN=legacy-crm-token CUTOVER_SYNC_ENABLED=true \
CUTOVER_SYNC_POLL_INTERVAL=1s CUTOVER_SYNC_TICK=200ms \
CUTOVER_REVERSE_SYNC_ENABLED=true CUTOVER_REVERSE_SYNC_CDC=$([ "$capture" = cdc ] && echo true || echo false) \
CUTOVER_REVERSE_SYNC_POLL_INTERVAL=$poll CUTOVER_REVERSE_SYNC_TICK=100ms \
CUTOVER_TARGET_LOGIN_URL=$systems CUTOVER_TARGET_CLIENT_ID=cutover-sandbox \
CUTOVER_TARGET_CLIENT_SECRET=cutover-sandbox-secret CUTOVER_TARGET_USERNAME=admin@cutover.sandbox \
CUTOVER_TARGET_PASSWORD=sandbox \
  java -Dquarkus.http.port=$((port + 1)) -Dquarkus.management.port=$((port + 11)) -Dcutover.data-dir="$work/data" -jar engine/target/quarkus-app/quarkus-run.jar \
  > "$work/sync.log" 2>&1 &
sync_pid=$!
for _ in $(seq 1 120); do grep -q "(full) completed" "$work/sync.log" && break; sleep 1; done
sleep 5

java bench/TargetEdits.java "$systems" "$changes" "$seconds"
sleep 5
metrics=$(curl -fs "http://localhost:$((port + 11))/q/metrics")
echo "target edits a second: $changes, for ${seconds} s; capture: $capture$([ "$capture" = poll ] && echo ", every $poll")"
echo "$metrics" | grep -E '^cutover_reverse_sync_lag_seconds' | grep -E 'quantile|_count|_max' || true
echo "$metrics" | grep -E '^cutover_reverse_sync_changes_total' || true
echo "legacy CRM writes: $(curl -fs -H 'Authorization: Bearer bench-admin' "$systems/legacy-crm/admin/counters")"
echo "logs and data: $work"

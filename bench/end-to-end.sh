#!/usr/bin/env bash
# End-to-end baseline: a generated export of ACCOUNTS accounts and 3 contacts each, migrated in once mode into the
# built-in sandbox running in a JVM of its own (memory storage), as a migration would run against an org.
# Usage: bench/end-to-end.sh [ACCOUNTS]     (needs ./mvnw package first; prints the figures BENCHMARKS.md quotes)
# MIGRATION_JVM_OPTS: options of the migration's JVM only, e.g. a flight recording:
#   MIGRATION_JVM_OPTS=-XX:StartFlightRecording=filename=target/e2e.jfr,settings=profile bench/end-to-end.sh
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-10000}
work=$(mktemp -d -p target bench-e2e-XXXX)
mkdir -p "$work/export" "$work/sources"

awk -v n="$accounts" 'BEGIN {
  print "account_id,name,phone,fax,website,type,industry,NumberOfEmployees,annualrevenue,description,billingstreet,billingcity,billingstate,billingpostalcode,billingcountry,shippingstreet,shippingcity,shippingstate,shippingpostalcode"
  for (i = 1; i <= n; i++)
    printf "A%d,Account %d,1(302)556-%04d,,http://example.com/%d,Customer,n/a,%d,%d,Generated account %d,%d Main Street,Newark,DE,19725,United States,%d Side Road,Huntsville,AL,35895\n", i, i, i % 10000, i, i % 5000, i * 7, i, i, i
}' > "$work/export/accounts.csv"
awk -v n="$accounts" 'BEGIN {
  print "contact_id,lastName,firstName,email,account_id,title,phone"
  for (i = 1; i <= n * 3; i++)
    printf "C%d,Last%d,First%d,contact%d@example.com,A%d,Analyst,555%07d\n", i, i, i, i, (i - 1) % n + 1, i
}' > "$work/export/contacts.csv"

port=18890
java -Dcutover.sandbox.enabled=true -Dcutover.sandbox.storage=memory -Dcutover.run-at-start=false \
     -Dquarkus.http.port=$port -Dquarkus.management.port=$((port + 10)) -Dcutover.data-dir="$work/org" \
     -jar target/quarkus-app/quarkus-run.jar > "$work/org.log" 2>&1 &
org=$!
trap 'kill $org 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://localhost:$((port + 10))/q/health/ready" > /dev/null && break; sleep 1; done

start=$(date +%s.%N)
CUTOVER_TARGET_LOGIN_URL=http://localhost:$port CUTOVER_TARGET_CLIENT_ID=cutover-sandbox \
CUTOVER_TARGET_CLIENT_SECRET=cutover-sandbox-secret CUTOVER_TARGET_USERNAME=admin@cutover.sandbox \
CUTOVER_TARGET_PASSWORD=sandbox \
  java ${MIGRATION_JVM_OPTS:-} -Dcutover.mode=once -Dcutover.export.dir="$work/export" -Dcutover.data-dir="$work/data" \
       -Dquarkus.http.port=$((port + 1)) -Dquarkus.management.port=$((port + 11)) -jar target/quarkus-app/quarkus-run.jar > "$work/run.log" 2>&1
end=$(date +%s.%N)

report=$(ls "$work"/data/runs/*/report.json)
records=$((accounts * 4))
python3 - "$report" "$records" "$start" "$end" <<'PY'
import json, sys
report, records, start, end = json.load(open(sys.argv[1])), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
from datetime import datetime
run = (datetime.fromisoformat(report["endedAt"].replace("Z", "+00:00")) - datetime.fromisoformat(report["startedAt"].replace("Z", "+00:00"))).total_seconds()
print(f"records: {records}  run: {run:.1f} s  ({records / run:,.0f} records/s)  process incl. start-up: {end - start:.1f} s")
for name, counts in report["objects"].items():
    print(f"  {name}: {counts}")
PY
echo "logs and data: $work"

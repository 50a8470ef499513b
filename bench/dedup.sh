#!/usr/bin/env bash
# Duplicate detection: precision, recall, F1 and time of the matcher with the shipped rules (matching/contact.yaml).
# Usage (from anywhere; paths are relative to the project folder):
#   bench/dedup.sh                         Febrl dataset1-3 and Splink fake_1000 from ../shared/datasets/dedup/
#   bench/dedup.sh --generated 1000000     generated contacts with planted duplicates; also prints peak RSS
#   bench/dedup.sh --csv FILE --map 'col=Field,col1+col2=Field' [--true-pairs FILE | --cluster COLUMN] [--id COLUMN]
#                  [--name SET] [--map-file FILE] [--rules FILE] [--repeat N]
# Prints one line per set: set=<name> records=<n> precision=<p> recall=<r> f1=<f> seconds=<s>
# (every pair inside a cluster found counts; details of the scored pairs, the matching's CPU seconds and a digest of
# the pairs found on stderr; without a truth, the counts only). JAVA_OPTS sets the heap.
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=../shared/datasets/dedup

# offline first, as on the project's machines; the first build elsewhere needs the network for the plugins
build=(-B -q -f bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
./mvnw -o "${build[@]}" > /dev/null 2>&1 || ./mvnw "${build[@]}" > /dev/null
classpath=bench/target/classes:$(cat bench/target/classpath.txt)
# quarkus-core (for the rules reader's ConfigurationException) brings JBoss LogManager, which wants to be the JUL manager
read -r -a java_opts <<< "${JAVA_OPTS:--Xmx1g} -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
bench() { java "${java_opts[@]}" -cp "$classpath" io.cutover.bench.DedupBench "$@"; }

if [[ $# -gt 0 && $1 == --generated ]]; then
  # GNU time's peak resident set size, in kB, on stderr after the bench's own lines
  /usr/bin/time -f '  peak RSS %M kB, %e s wall clock' java "${java_opts[@]}" -cp "$classpath" io.cutover.bench.DedupBench "$@"
elif [[ $# -gt 0 ]]; then
  bench "$@"
else
  febrl='given_name=FirstName,surname=LastName,street_number+address_1=MailingStreet,suburb=MailingCity,postcode=MailingPostalCode,state=MailingState,date_of_birth=Birthdate,soc_sec_id=National_Id__c'
  for set in dataset1 dataset2 dataset3; do
    bench --name "febrl-$set" --csv "$datasets/febrl/$set.csv" --id rec_id --map "$febrl" \
          --true-pairs "$datasets/febrl/${set}_true_pairs.csv"
  done
  bench --name splink-fake_1000 --csv "$datasets/splink/fake_1000.csv" --id unique_id \
        --map 'first_name=FirstName,surname=LastName,dob=Birthdate,city=MailingCity,email=Email' \
        --true-pairs "$datasets/splink/fake_1000_true_pairs.csv"
fi

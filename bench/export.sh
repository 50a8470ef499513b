# Sourced by the benchmarks that migrate a generated export: builds the bench's classes (offline first, as on the
# project's machines; the first build elsewhere needs the network for the plugins), then writes into $work/export an
# export of $1 accounts with its contacts and opportunities, and into $work/sources and $work/mappings the top level's
# descriptions and mappings plus bench/config/'s. Leaves the bench's class path in $classpath.
generate_export() {
  local accounts=$1
  local build=(-B -q -f bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
  ./mvnw -o "${build[@]}" > /dev/null 2>&1 || ./mvnw "${build[@]}" > /dev/null
  classpath=bench/target/classes:$(cat bench/target/classpath.txt)
  java -cp "$classpath" io.cutover.bench.ExportGenerator "$work/export" "$accounts" > "$work/generated.txt"
  mkdir -p "$work/sources" "$work/mappings"
  cp sources/accounts.yaml sources/contacts.yaml bench/config/sources/*.yaml "$work/sources"
  cp mappings/account.yaml mappings/contact.yaml bench/config/mappings/*.yaml "$work/mappings"
}

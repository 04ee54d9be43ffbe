# Sourced by bench/run and bench/gateway (which define step, die and OUT): a ceiling of theirs — a bench
# module that does one thing of a service's and nothing else (bench/bare-panache, bench/bare-proxy) —
# built when its sources are newer than its jar, and started on the services' JDK with their JVM flags
# (./platform service-java, ./platform jvm-flags), so that what it measures differs from a service only
# in what the service does on top.
#
#   start_ceiling MODULE LOG [NAME=VALUE ...]   sets CEILING_PID; the NAME=VALUE pairs are its environment
start_ceiling() {
  local module=$1 log=$2 jar
  shift 2
  jar="bench/$module/target/quarkus-app/quarkus-run.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "bench/$module/src" "bench/$module/pom.xml" -newer "$jar" 2>/dev/null | head -1)" ]; then
    step "building the ceiling bench/$module"
    ./mvnw -B -q -f "bench/$module/pom.xml" package -DskipTests > "$OUT/$module-build.txt" 2>&1 \
      || die "building bench/$module failed; see $OUT/$module-build.txt"
  fi
  # shellcheck disable=SC2046 # the flags are words
  env "$@" "$(./platform service-java)" $(./platform jvm-flags) -jar "$jar" > "$log" 2>&1 &
  CEILING_PID=$!
}

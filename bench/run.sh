#!/usr/bin/env sh
# The benchmark kit (issue 8): builds the services if needed, starts devstack and the three packaged services on
# free ports with databases of their own (bench_*), seeds them, runs the scenarios and pgbench, and writes
# bench/results/<date>.md. Options are passed to the kit, e.g. --scale10 --runs=5; see bench/README.md.
#   CNFS_BENCH_SKIP_BUILD=1   use the jars already built
#   CNFS_MAVEN_ARGS           extra Maven arguments, e.g. -Dmaven.repo.local=/path/to/repository
set -eu
cd "$(dirname "$0")/.."
if [ "${CNFS_BENCH_SKIP_BUILD:-0}" != "1" ]; then
  echo "Building (./mvnw package -DskipTests) ..."
  # shellcheck disable=SC2086
  ./mvnw -B -q ${CNFS_MAVEN_ARGS:-} package -DskipTests
fi
if ! command -v pgbench >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing pgbench (Debian package postgresql-client) ..."
    apt-get install -y -q postgresql-client >/dev/null
  else
    echo "pgbench is missing (Debian: apt-get install postgresql-client): the PostgreSQL limit will not be measured."
  fi
fi
exec java -XX:+UseSerialGC -Xmx1g -cp "bench/target/classes:$(cat bench/target/classes/bench.classpath)" \
  fr.cnfs.bench.Bench --repository=. "$@"

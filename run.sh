#!/usr/bin/env sh
# Builds the services and devstack, then runs the whole system: PostgreSQL (the local server, or an embedded one),
# a Kafka broker and the three services as separate processes. Prints the URLs and a token per role.
# Ctrl-C stops everything it started.
set -eu
cd "$(dirname "$0")"
echo "Building (./mvnw package -DskipTests) ..."
./mvnw -B -q package -DskipTests
exec java -cp "devstack/target/classes:$(cat devstack/target/classes/devstack.classpath)" \
  fr.cnfs.devstack.Launcher "$@"

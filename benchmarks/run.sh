#!/usr/bin/env bash
# Builds the benchmarks and runs them with a short profile (about 8 minutes on 2 cores, build included),
# writing benchmarks/RESULTS.md: hand-written JDBC, Quarry, jOOQ and Hibernate ORM on SQLite in memory, and
# on PostgreSQL (127.0.0.1:5432, user postgres, database test) and MariaDB (127.0.0.1:3306, user root,
# database test) when they answer; -Dquarry.bench.postgres=<jdbc url> / -Dquarry.bench.mariadb=<jdbc url>
# in QUARRY_BENCH_JAVA_OPTS for other servers. Extra arguments are passed to Maven (such as -o).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s%3N)
mvn -B -q -pl benchmarks -am package -DskipTests "$@"
java ${QUARRY_BENCH_JAVA_OPTS:-} -Dquarry.bench.commandStart="$started" -cp benchmarks/target/benchmarks.jar \
    dev.quarry.benchmarks.RunBars benchmarks/RESULTS.md

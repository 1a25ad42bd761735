#!/usr/bin/env bash
# Builds the benchmarks and runs the execution issue's bars with a short profile (about 6 minutes on
# 2 cores), writing benchmarks/RESULTS.md. PostgreSQL benchmarks run when 127.0.0.1:5432 answers
# (user postgres, database test; -Dquarry.bench.postgres=<jdbc url> for another server).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package -DskipTests "$@"
java ${QUARRY_BENCH_JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar dev.quarry.benchmarks.RunBars benchmarks/RESULTS.md

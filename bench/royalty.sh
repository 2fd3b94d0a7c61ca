#!/usr/bin/env bash
# royalty-service's calculation against a plain SQL GROUP BY of the same month: 1,000,000 ledger
# entries, 10,000 films, 2,000 parties, on the embedded PostgreSQL the tests use (no stack needed).
# From a clean clone: bench/royalty.sh   (JAVA_HOME may name a JDK 17+; Maven fetches the rest)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl royalty-service -am verify -DskipITs \
  -Dtest='com.thewans.royalty.bench.CalculationBench' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dwans.bench=true "$@"
cat royalty-service/target/royalty-bench.txt

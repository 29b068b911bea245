#!/usr/bin/env bash
# The README's test command. Runs unit, property, actor and route tests (surefire), then the PostgreSQL
# integration tests (*PgIT, failsafe) against a real PostgreSQL server that scripts/with-postgres.sh
# starts for the run (installing Debian's postgresql package if it is missing) and stops afterwards.
set -euo pipefail
cd "$(dirname "$0")"
# A throw-away test server needs no durability; the benchmark (bench ingest) keeps the defaults.
export VBC_PG_SETTINGS="${VBC_PG_SETTINGS:--c fsync=off -c synchronous_commit=off -c full_page_writes=off}"
exec scripts/with-postgres.sh mvn -B -ntp verify "$@"

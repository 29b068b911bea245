#!/usr/bin/env bash
# The README's test command. Runs unit, property, actor and route tests (surefire), then the PostgreSQL
# integration tests (*PgIT, failsafe) against a real PostgreSQL server that scripts/with-postgres.sh
# starts for the run (installing Debian's postgresql package if it is missing) and stops afterwards.
set -euo pipefail
cd "$(dirname "$0")"

# CMS's public data (MSSP PUFs, DE-SynPUF) that the calculators are checked against: VBC_SHARED_DATA, or
# the shared/data folder beside this checkout, or the workplace's copy.
shared=""
for candidate in "${VBC_SHARED_DATA:-}" ../shared/data /work/shared/data; do
  if [[ -n "$candidate" && -d "$candidate/mssp" ]]; then shared=$(cd "$candidate" && pwd); break; fi
done
if [[ -z "$shared" ]]; then
  echo "test.sh: CMS data not found (set VBC_SHARED_DATA to the folder holding mssp/ and synpuf/)" >&2
  exit 1
fi

# A throw-away test server needs no durability; the benchmark (bench ingest) keeps the defaults.
export VBC_PG_SETTINGS="${VBC_PG_SETTINGS:--c fsync=off -c synchronous_commit=off -c full_page_writes=off}"
exec scripts/with-postgres.sh mvn -B -ntp verify -Dvbc.shared.data="$shared" "$@"

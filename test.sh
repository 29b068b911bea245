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

# The web app's browser tests (WebAppBrowserTest) drive Debian's chromium through its chromedriver: install
# both if missing (as root, or with sudo), as scripts/with-postgres.sh installs postgresql. Never a browser
# downloaded by a tool.
if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "test.sh: chromium or chromedriver not found; installing Debian's chromium and chromium-driver" >&2
  as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "test.sh: need root (or sudo) to run: $*" >&2; return 1; fi; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null
fi

# A throw-away test server needs no durability; the benchmark (bench ingest) keeps the defaults.
export VBC_PG_SETTINGS="${VBC_PG_SETTINGS:--c fsync=off -c synchronous_commit=off -c full_page_writes=off}"
exec scripts/with-postgres.sh mvn -B -ntp verify -Dvbc.shared.data="$shared" "$@"

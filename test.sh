#!/usr/bin/env bash
# The README's test command: unit, property, actor and route tests, then the PostgreSQL integration
# tests against a real server that this script starts (and stops) itself.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q verify

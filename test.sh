#!/usr/bin/env bash
# The one command that runs every test on a fresh machine that has only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"

install_chromium() {
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "test.sh: /usr/bin/chromium is missing; installing Debian's chromium for the end-to-end tests."
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then install_chromium; fi
scripts/throwaway-postgres.sh install
# The repository's local tools (dotnet-ef, which generates the migrations) from .config/dotnet-tools.json.
dotnet tool restore
if [ "${1:-}" = "--install-only" ]; then exit 0; fi

# A throw-away PostgreSQL server: the integration tests run against it as well as against SQLite.
pg_dir=$(mktemp -d /tmp/openlicitaciones-pg.XXXXXX)
trap 'scripts/throwaway-postgres.sh stop "$pg_dir"' EXIT
OPENLICITACIONES_TEST_POSTGRES=$(scripts/throwaway-postgres.sh start "$pg_dir" | tail -n 1)
export OPENLICITACIONES_TEST_POSTGRES

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

status=0
# The hang timeout keeps a stuck browser or server from eating CI's whole time budget.
dotnet test OpenLicitaciones.sln -c Release --logger "trx" --results-directory "$results" \
    --blame-hang-timeout 15m --blame-hang-dump-type none || status=$?

# Sum the counters of every TRX the run wrote (one per test project).
passed=0
failed=0
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
done

echo "${passed} passed, ${failed} failed"
exit "$status"

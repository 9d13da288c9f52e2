#!/usr/bin/env bash
# Lighthouse 12 (mobile profile: simulated slow 4G, a 4x slower CPU) on every public page of the built app, in Debian's
# chromium, as a visitor on a cheap phone meets them (issue 14). Not part of the test command: it needs the npm
# registry and a few minutes. Prints the table and writes it to artifacts/lighthouse/tabla.md, with the numbers of
# every run beside it, each page's whole report in informes/ and each page's first paint on a phone in primer-pintado/.
#   scripts/lighthouse.sh            (LIGHTHOUSE_RUNS=1 for a quick look; the table shows the median of 3 runs)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
command -v chromium >/dev/null || { echo "Falta chromium: sudo apt-get install -y chromium (o ./test.sh, que lo instala)." >&2; exit 1; }

work="$(mktemp -d)"
# Published, as a server runs it: only publish output has the Brotli files and the year-long cache headers of the
# fingerprinted assets (a build's are stored-only gzip with no-cache, for quick rebuilds).
dotnet publish src/OpenLicitaciones -c Release -o "$work/app" --nologo -v quiet
(cd benchmarks/lighthouse && npm ci --no-audit --no-fund --silent)

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
  ConnectionStrings__OpenLicitaciones="Data Source=$work/lighthouse.db" Sync__ScheduleEnabled=false \
  Site__PublicBaseUrl="https://licitaciones.palmira.gov.co" \
  timeout 1800 "$work/app/OpenLicitaciones" --urls "$base" > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do
  curl -fs "$base/health" >/dev/null 2>&1 && break
  kill -0 $app 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 1
done

# One opportunity and one supplier from the open-data API: the costliest contracted line, the supplier paid most.
first_id() { curl -fs "$base$1" | python3 -c 'import json,sys,urllib.parse; print(urllib.parse.quote(json.load(sys.stdin)["items"][0]["id"], safe=""))'; }
oportunidad="$(first_id '/api/v1/licitaciones?estado=contratado&orden=-valor&pageSize=1')"
proveedor="$(first_id '/api/v1/monitor/proveedores?orden=-valorContratado&pageSize=1')"

pages=("Inicio=/" "Banco=/licitaciones" "Banco filtrado=/licitaciones?pae=true&estado=planeado"
  "Oportunidad=/licitaciones/$oportunidad" "Monitor=/proveedores" "Proveedor=/proveedores/$proveedor"
  "Capacidad productiva=/capacidad" "Indicadores=/indicadores" "Kiosco=/kiosco")
# The server's first answers compile its code: warm it, so no page pays for that and the table is the same every time.
for page in "${pages[@]}"; do for _ in 1 2; do curl -fs -o /dev/null "$base${page#*=}"; done; done

mkdir -p artifacts/lighthouse
CHROME_PATH=/usr/bin/chromium node benchmarks/lighthouse/run.mjs "$base" "${pages[@]}" --runs "${LIGHTHOUSE_RUNS:-3}" \
  --json artifacts/lighthouse/resultados.json --reports artifacts/lighthouse/informes | tee artifacts/lighthouse/tabla.md
# What each page shows on a phone before its circuit connects (no script has run): artifacts/lighthouse/primer-pintado/.
CHROME_PATH=/usr/bin/chromium node benchmarks/lighthouse/primer-pintado.mjs "$base" artifacts/lighthouse/primer-pintado "${pages[@]}"

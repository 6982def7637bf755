#!/usr/bin/env bash
# Starts `npm start` as a newcomer would, checks the contract's first promises over HTTP, then
# stops it with Ctrl-C (SIGINT) and checks that PostgreSQL stopped too.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
# Its own process group, like a terminal's foreground job: Ctrl-C signals the whole group.
setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() { kill -INT -- "-$pid" 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 300); do
  if curl -fsS http://localhost:3000/api/health >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "npm start berhenti sebelum siap"; exit 1; fi
  sleep 1
done
curl -fsS http://localhost:3000/api/health
echo
token=$(curl -fsS -X POST http://localhost:3000/api/auth/login -H 'Content-Type: application/json' \
  -d '{"email":"bappeda@demo.sinergi.id","password":"sinergi-demo"}' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).accessToken))')
count=$(curl -fsS "http://localhost:3000/api/regions?parent=53.01" -H "Authorization: Bearer $token" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).length))')
[ "$count" = "24" ] || { echo "diharapkan 24 kecamatan, didapat $count"; exit 1; }
curl -fsS http://localhost:3000/ | grep -q '<app-root' || { echo "aplikasi web tidak dilayani di /"; exit 1; }
echo "login demo OK, 24 kecamatan Kabupaten Kupang, aplikasi web dilayani"

kill -INT -- "-$pid"
trap - EXIT
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$pid" 2>/dev/null; then echo "npm start tidak berhenti setelah Ctrl-C"; exit 1; fi
if [ -f .data/pg/postmaster.pid ]; then echo "PostgreSQL tertanam masih berjalan setelah Ctrl-C"; cat "$log"; exit 1; fi
grep -q "PostgreSQL tertanam dihentikan" "$log" || { cat "$log"; echo "tidak ada pesan penghentian PostgreSQL"; exit 1; }
echo "Ctrl-C menghentikan server dan PostgreSQL dengan bersih"

#!/usr/bin/env bash
# Measures the portal's start-up: time from process start to the first 200 from /, and the
# process's resident memory 5 s after that first response. Median of N runs (default 5), each on
# a fresh SQLite database (so migrations are included) and again on the database it left behind.
# Release build, Production environment, Hangfire server on. Run by hand, never in CI.
#
#   tests/perf/startup.sh [runs] [plain|r2r]
#
# With plain or r2r: the portal as docs/operations.md publishes it (r2r: its code precompiled,
# -r linux-x64 -p:PublishReadyToRun=true), started from the publish folder, instead of the build output.
set -euo pipefail
runs=${1:-5}
publish=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case $publish in
  "") dotnet build Portal.Web -c Release -v q -nologo >/dev/null
      dll="$root/Portal.Web/bin/Release/net10.0/Portal.Web.dll" ;;
  plain|r2r)
      # shellcheck source=../support/publish.sh
      source "$root/tests/support/publish.sh"
      publish_portal "$publish" "$work/app"
      dll="$work/app/Portal.Web.dll" ;;
  *) echo "usage: tests/perf/startup.sh [runs] [plain|r2r]" >&2; exit 2 ;;
esac
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# Production refuses to start without a certificate protecting its keys: a throwaway one.
# shellcheck source=../support/keys.sh
source "$root/tests/support/keys.sh"
key_certificate "$work"

measure() { # $1 = database file; prints "ms rss_mib"
  local start pid ms rss
  start=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ConnectionStrings__Portal="Data Source=$1" Content__Path="$root/content" AllowedHosts=127.0.0.1 \
    Mail__PickupDirectory="$work/mail" Logging__LogLevel__Default=Warning \
    dotnet "$dll" >"$work/log" 2>&1 &
  pid=$!
  until [ "$(curl -H "X-Forwarded-Proto: https" -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" 2>/dev/null)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/log" >&2; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 5
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

fresh=(); again=()
for i in $(seq 1 "$runs"); do
  db="$work/portal-$i.db"
  fresh+=("$(measure "$db")")
  again+=("$(measure "$db")")
done

report() { # label, rows...
  local label=$1; shift
  printf '| %s | %s ms | %s MiB |\n' "$label" \
    "$(printf '%s\n' "$@" | cut -d' ' -f1 | median)" "$(printf '%s\n' "$@" | cut -d' ' -f2 | median)"
}
echo "| start (median of $runs) | first response | resident memory 5 s later |"
echo "| --- | --- | --- |"
report "fresh database (migrations applied)" "${fresh[@]}"
report "existing database" "${again[@]}"

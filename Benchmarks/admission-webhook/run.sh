#!/usr/bin/env bash
# The admission webhook under an external load generator, as issue 6 measures it: wrk posting
# ../shared/bench/review-{compliant,privileged}-pod.json over HTTPS with keep-alive to a release
# build of `contain admission` (restricted:latest default), at 32 connections and at 1, then the
# server's resident memory. Usage: Benchmarks/admission-webhook/run.sh [seconds per run]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-15}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
binary="${CONTAIN_BINARY:-.build/release/contain-admission}"
[ -x "$binary" ] || swift build -c release --product contain-admission
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
"$binary" $( [ "$(basename "$binary")" = contain ] && echo admission ) --listen "127.0.0.1:$port" --tls-dir "$work/tls" --default-level restricted > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q serving "$work/server.log" && break; sleep 0.1; done
url="https://127.0.0.1:$port"
export REVIEW_DIR="${REVIEW_DIR:-../shared/bench}"
wrk -t1 -c32 -d2s -s Benchmarks/admission-webhook/post-reviews.lua "$url" > /dev/null  # warm-up
echo "== 32 connections, 1 wrk thread, ${seconds}s"
wrk -t1 -c32 -d"${seconds}s" --latency -s Benchmarks/admission-webhook/post-reviews.lua "$url"
echo "== 1 connection, ${seconds}s"
wrk -t1 -c1 -d"${seconds}s" --latency -s Benchmarks/admission-webhook/post-reviews.lua "$url"
echo "== server resident memory: $(awk '/VmRSS/ {print $2, $3}' /proc/$server/status) (peak $(awk '/VmHWM/ {print $2, $3}' /proc/$server/status))"
echo "== server CPU time: $(ps -o times= -p $server) s"

#!/usr/bin/env bash
# `make load`: a bounded load test on loopback. gunicorn with production settings
# (DEBUG off) on a throwaway PostgreSQL filled with the demo, LOAD_USERS (32)
# simulated people for LOAD_SECONDS (60) s of mixed traffic (load/locustfile.py:
# pages, API reads, two ministries' progress updates, a coordinator validating),
# then the figures into benchmarks/RESULTS.md ("Load" section). Everything it
# started is stopped and deleted at the end; it exits non-zero if any request failed.
#
# The API throttles count every request as in production, at rates this run
# cannot reach (API_THROTTLE_TOKEN, API_THROTTLE_ADDRESS: 100000/minute unless
# set): 32 clients from one address are not an abuse to refuse here.
#
# LOAD_DATABASE_URL runs it against another (empty, disposable) PostgreSQL
# database instead: the demo, API tokens and progress updates are written to it.
# Never point it at a database that matters.
#
# Environment: LOAD_USERS, LOAD_SECONDS, LOAD_PORT (a free one), WEB_CONCURRENCY (2
# gunicorn workers), GUNICORN_THREADS (4), LOAD_NOTE (a sentence for the results).
set -euo pipefail
cd "$(dirname "$0")/.."

python=.venv/bin/python
users=${LOAD_USERS:-32}
seconds=${LOAD_SECONDS:-60}
port=${LOAD_PORT:-$($python -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")}
workers=${WEB_CONCURRENCY:-2}
threads=${GUNICORN_THREADS:-4}
url="http://127.0.0.1:$port"

work=$(mktemp -d /tmp/upr-load-XXXXXX)
pg_dir=""
gunicorn_pid=""
finish() {
    if [[ -n $gunicorn_pid ]]; then
        kill -TERM "$gunicorn_pid" 2>/dev/null || true
        wait "$gunicorn_pid" 2>/dev/null || true
    fi
    if [[ -n $pg_dir ]]; then
        scripts/test-postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap finish EXIT

if [[ -n ${LOAD_DATABASE_URL:-} ]]; then
    export DATABASE_URL=$LOAD_DATABASE_URL
else
    pg_dir=$(mktemp -d /tmp/upr-load-postgres-XXXXXX)
    echo "Starting a throwaway PostgreSQL in $pg_dir"
    DATABASE_URL=$(scripts/test-postgres.sh start "$pg_dir")
    export DATABASE_URL
fi
export DEBUG=false
export ALLOWED_HOSTS=127.0.0.1
export SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false
export API_THROTTLE_TOKEN=${API_THROTTLE_TOKEN-100000/minute}
export API_THROTTLE_ADDRESS=${API_THROTTLE_ADDRESS-100000/minute}
export SECRET_KEY_FILE="$work/secret_key"
export MEDIA_ROOT="$work/uploads"
export STATIC_ROOT="$work/static"
export LOG_LEVEL=${LOG_LEVEL:-WARNING}

password=$($python -c "import secrets; print(secrets.token_urlsafe(18))")
$python manage.py migrate --no-input --verbosity 0
$python manage.py compile_translations --verbosity 0
$python manage.py collectstatic --no-input --verbosity 0
UPR_DEMO_PASSWORD_FILE="$work/demo_passwords" $python manage.py load_demo --password "$password" >/dev/null
$python -m load.plan "$work/plan.json" --password "$password"

.venv/bin/gunicorn upr_tracker.wsgi --bind "127.0.0.1:$port" --workers "$workers" \
    --threads "$threads" --timeout 60 --log-level warning &
gunicorn_pid=$!
healthy=""
for _ in $(seq 1 150); do
    if $python -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" \
        "$url/healthz" 2>/dev/null; then
        healthy=yes
        break
    fi
    sleep 0.2
done
if [[ -z $healthy ]]; then
    echo "gunicorn did not answer $url/healthz: no load test" >&2
    exit 1
fi

echo "Load: $users simulated people for $seconds s against $url"
load_before=$(cut -d ' ' -f 1 /proc/loadavg 2>/dev/null || echo "")
status=0
UPR_LOAD_PLAN="$work/plan.json" .venv/bin/locust -f load/locustfile.py --headless \
    --users "$users" --spawn-rate "$users" --run-time "${seconds}s" --stop-timeout 10 \
    --host "$url" --json-file "$work/stats" --only-summary || status=$?

postgres=$($python manage.py shell --no-imports -c "from django.db import connection; print(connection.cursor().connection.server_version // 10000)" 2>/dev/null | tail -n 1 || echo "?")
$python -m load.results "$work/stats.json" --users "$users" --seconds "$seconds" \
    --setup "gunicorn $workers workers × $threads threads with production settings (DEBUG off) on PostgreSQL $postgres, locust on the same machine, over loopback; API throttles at $API_THROTTLE_TOKEN per token and $API_THROTTLE_ADDRESS per address" \
    --load-before "$load_before" --note "${LOAD_NOTE:-}"
exit "$status"

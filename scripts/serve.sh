#!/usr/bin/env bash
# `make serve`: the tracker as production runs it — gunicorn, DEBUG off,
# PostgreSQL, a worker for the background jobs (scripts/with-worker.sh) — after
# `migrate` and `collectstatic`.
#
# DATABASE_URL names the database. Without it, a throwaway PostgreSQL server is
# started in /tmp (scripts/test-postgres.sh), filled with the demo, and deleted
# when gunicorn stops: a local trial of the production setup, nothing kept.
#
# Bound to a loopback address (the default, 127.0.0.1), the site is served over
# plain HTTP, so HTTPS-only cookies and the HTTPS redirect are turned off unless
# set; bound elsewhere, the production defaults stand (TLS at the proxy).
#
# Environment: HOST (127.0.0.1), PORT (8000), WEB_CONCURRENCY (gunicorn workers,
# 2), GUNICORN_THREADS (threads per worker, 4), and every setting of the README.
set -euo pipefail
cd "$(dirname "$0")/.."

python=.venv/bin/python
host=${HOST:-127.0.0.1}
port=${PORT:-8000}
export DEBUG=false

pg_dir=""
stop_postgres() {
    if [[ -n $pg_dir ]]; then
        scripts/test-postgres.sh stop "$pg_dir" || true
    fi
}
trap stop_postgres EXIT

if [[ -z ${DATABASE_URL:-} ]]; then
    pg_dir=$(mktemp -d /tmp/upr-serve-postgres-XXXXXX)
    echo "No DATABASE_URL: starting a throwaway PostgreSQL in $pg_dir (deleted on exit)"
    DATABASE_URL=$(scripts/test-postgres.sh start "$pg_dir")
    export DATABASE_URL
fi

case $host in
    127.* | localhost | ::1 | "[::1]")
        export ALLOWED_HOSTS=${ALLOWED_HOSTS:-$host,localhost,127.0.0.1}
        export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-false}
        export SESSION_COOKIE_SECURE=${SESSION_COOKIE_SECURE:-false}
        export CSRF_COOKIE_SECURE=${CSRF_COOKIE_SECURE:-false}
        ;;
esac

$python manage.py migrate --no-input
$python manage.py compile_translations --verbosity 0
$python manage.py collectstatic --no-input --verbosity 0
if [[ -n $pg_dir ]]; then
    $python manage.py load_demo
fi

echo
echo "UPR Tracker (production settings) at http://$host:$port/ — Ctrl-C stops it."
echo
scripts/with-worker.sh .venv/bin/gunicorn upr_tracker.wsgi \
    --bind "$host:$port" \
    --workers "${WEB_CONCURRENCY:-2}" \
    --threads "${GUNICORN_THREADS:-4}" \
    --timeout 60 \
    --access-logfile - || status=$?
exit "${status:-0}"

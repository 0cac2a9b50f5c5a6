#!/usr/bin/env bash
# Run a command (the server) with a background-job worker beside it: `manage.py db_worker`
# in a process group of its own, stopped with the command (Ctrl-C, an error, or its end).
# `make run` starts `runserver` through it, scripts/serve.sh gunicorn. Jobs (a large import,
# the status report's Word document) wait in the database's queue until a worker runs them.
#
# Usage: scripts/with-worker.sh COMMAND [ARGUMENT …]   (WORKER_PYTHON: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."

python=${WORKER_PYTHON:-.venv/bin/python}

# setsid: the worker (and, under DEBUG, the reloader's child that runs it) in a group of its
# own, stopped as one.
setsid "$python" manage.py db_worker &
worker=$!
export WORKER_PID=$worker  # for the command, should it want to know
stop_worker() {
    kill -TERM -- "-$worker" 2>/dev/null || true
    wait "$worker" 2>/dev/null || true
}
trap stop_worker EXIT
trap 'exit 130' INT TERM

"$@"

#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the PostgreSQL store's tests.
# Run as root (CI): installs Debian's postgresql package when missing, runs initdb as the
# postgres user in a temp dir on a free port, creates a database, and prints the connection
# string. Source it (". build/start-postgres.sh") to get MICROCHAT_TEST_POSTGRES exported;
# stop the cluster with: pg_ctl -D "$MICROCHAT_PG_DATA" stop (as postgres), or kill its pid.
set -euo pipefail

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/bash postgres

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
DATA=$(mktemp -d /tmp/microchat-pg.XXXXXX)
chown postgres "$DATA"
PASSWORD=microchat-test
PWFILE="$DATA.pw"
echo "$PASSWORD" > "$PWFILE"
chown postgres "$PWFILE"

su postgres -c "$BIN/initdb -D '$DATA/data' -U microchat --pwfile='$PWFILE' -A scram-sha-256 --auth-local=trust -E UTF8 --no-sync" >/dev/null
su postgres -c "$BIN/pg_ctl -D '$DATA/data' -l '$DATA/log' -o \"-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories='$DATA' -c fsync=off -c max_connections=300\" -w start" >/dev/null
su postgres -c "$BIN/createdb -h '$DATA' -p $PORT -U microchat microchat"

export MICROCHAT_PG_DATA="$DATA/data"
export MICROCHAT_PG_CTL="$BIN/pg_ctl"
export MICROCHAT_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=microchat;Password=$PASSWORD;Database=microchat"
echo "MICROCHAT_TEST_POSTGRES=$MICROCHAT_TEST_POSTGRES"

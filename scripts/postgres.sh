#!/usr/bin/env bash
# A PostgreSQL server on loopback for the store's tests (and for trying a team workspace).
# Idempotent: installs Debian's postgresql if missing, creates and starts a cluster, makes a
# login role that may create databases and roles (not a superuser), and prints its URL:
#     export RETROFIT_PG_URL="$(bash scripts/postgres.sh)"
# Everything else goes to stderr.  Role and password: RETROFIT_PG_USER / RETROFIT_PG_PASSWORD
# (defaults retrofit_test / retrofit_test: a local test server, reachable on 127.0.0.1 only).
set -euo pipefail
user=${RETROFIT_PG_USER:-retrofit_test}
password=${RETROFIT_PG_PASSWORD:-retrofit_test}
log() { echo "postgres.sh: $*" >&2; }
sudo=""; [[ "$(id -u)" -ne 0 ]] && sudo="sudo"

if ! command -v pg_lsclusters >/dev/null 2>&1 || [[ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]]; then
  log "installing Debian's postgresql"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  log "creating cluster $version/main"
  $sudo pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  log "starting cluster $version/main"
  $sudo pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')

psql_admin() { $sudo -u postgres psql -p "$port" -v ON_ERROR_STOP=1 -qAt "$@"; }
[[ -z "$sudo" ]] && psql_admin() { su postgres -s /bin/sh -c "psql -p $port -v ON_ERROR_STOP=1 -qAt $(printf '%q ' "$@")"; }
for _ in $(seq 1 30); do psql_admin -c "select 1" >/dev/null 2>&1 && break; sleep 1; done
if [[ "$(psql_admin -c "select 1 from pg_roles where rolname = '$user'")" != "1" ]]; then
  log "creating role $user"
  psql_admin -c "create role \"$user\" login createdb createrole password '$password'" >&2
else
  psql_admin -c "alter role \"$user\" login createdb createrole password '$password'" >&2
fi
echo "postgresql://$user:$password@127.0.0.1:$port/postgres"

#!/bin/sh
# Writes, once, the .env file docker-compose.yml reads: CERTHUB_KEKS with a key-encryption key generated here,
# and CERTHUB_ACTIVE_KEK. Run it before the first `docker compose up`; it never replaces a key that is there.
#
# That file is the only copy of the key: every private key and AccessKey secret stored by this deployment is
# sealed under it, and none opens without it. Back it up, apart from the database backups, e.g. in a password
# manager or a secret store. storage-service refuses to start with a key that does not open its data.
set -eu
cd "$(dirname "$0")/../.."

if [ -f .env ] && grep -q '^CERTHUB_KEKS=' .env; then
  echo ".env already holds CERTHUB_KEKS: keeping it. Back it up: without it no stored key can be opened." >&2
  exit 0
fi
command -v openssl >/dev/null || { echo "openssl is needed to generate the key" >&2; exit 1; }

umask 077
key=$(openssl rand -base64 32)
{
  echo "# certhub key-encryption keys (docs/operations.md). Back this file up; do not commit it."
  echo "CERTHUB_KEKS=k1:${key}"
  echo "CERTHUB_ACTIVE_KEK=k1"
} >> .env
chmod 600 .env
echo "Wrote CERTHUB_KEKS to $(pwd)/.env (mode 600). Back it up now: it is the only copy of the key." >&2

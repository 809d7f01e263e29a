#!/bin/sh
# First start of the PostgreSQL container: one database and one owner per service, so no service can read
# another's tables. Passwords come from the container environment (see .env.example).
set -eu

create() {
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$1" -v password="$2" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create applications "$APPLICATIONS_DB_PASSWORD"
create funding "$FUNDING_DB_PASSWORD"
create placement "$PLACEMENT_DB_PASSWORD"

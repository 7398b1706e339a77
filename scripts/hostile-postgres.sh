#!/usr/bin/env bash
# Creates database $1 on the machine's PostgreSQL (postgres over 127.0.0.1:5432) holding a hostile
# artifact's ingredients: a CHECK constraint and an index expression call functions that, anywhere but in
# this database, try to escape a restore. They run `touch $2/<name>` through COPY ... TO PROGRAM, copy
# /proc/self/environ and a file outside the sandbox into $2 with pg_read_binary_file, and write a large object to
# $2 with lo_export. In the source they do nothing, so the backup is an honest one; every escape fires
# while its data or index is restored. Used by the verifier's HostilePostgresArtifactsIT and local-stack's
# HostileSourceIT (the whole stack) to show that the verifier's sandbox stops them.
set -euo pipefail
db="$1" escape_dir="$2"
psql_root=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5432 -U postgres)
"${psql_root[@]}" -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" -c "CREATE DATABASE \"$db\""
"${psql_root[@]}" -d "$db" <<SQL
CREATE FUNCTION public.escape_by_program(v int) RETURNS boolean LANGUAGE plpgsql AS \$f\$
BEGIN
  IF current_database() <> '$db' THEN
    EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'touch $escape_dir/program-' || v);
  END IF;
  RETURN true;
END \$f\$;
-- an index expression must be IMMUTABLE, which may not run COPY itself: it calls a volatile function that does
CREATE FUNCTION public.escape_by_index_helper(v int) RETURNS boolean LANGUAGE plpgsql AS \$f\$
BEGIN
  IF current_database() <> '$db' THEN
    EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'touch $escape_dir/index-' || v);
  END IF;
  RETURN true;
END \$f\$;
CREATE FUNCTION public.escape_by_index(v int) RETURNS int LANGUAGE plpgsql IMMUTABLE AS \$f\$
BEGIN
  PERFORM public.escape_by_index_helper(v);
  RETURN v;
END \$f\$;
CREATE FUNCTION public.escape_by_reading(v int) RETURNS text LANGUAGE plpgsql AS \$f\$
BEGIN
  IF current_database() <> '$db' THEN
    EXECUTE format('COPY (SELECT encode(pg_read_binary_file(%L), ''hex'')) TO %L', '/proc/self/environ', '$escape_dir/environ-' || v);
    EXECUTE format('COPY (SELECT encode(pg_read_binary_file(%L), ''hex'')) TO %L', '/etc/passwd', '$escape_dir/passwd-' || v);
  END IF;
  RETURN 'x';
END \$f\$;
CREATE FUNCTION public.escape_by_large_object(v int) RETURNS boolean LANGUAGE plpgsql AS \$f\$
DECLARE
  lo oid;
BEGIN
  IF current_database() <> '$db' THEN
    lo := lo_from_bytea(0, 'escaped');
    PERFORM lo_export(lo, '$escape_dir/large-object-' || v);
  END IF;
  RETURN true;
END \$f\$;
-- one table per escape, so that each is tried even when another one failed first
CREATE TABLE public.by_program (id int PRIMARY KEY CHECK (public.escape_by_program(id)));
CREATE TABLE public.by_reading (id int PRIMARY KEY CHECK (public.escape_by_reading(id) = 'x'));
CREATE TABLE public.by_large_object (id int PRIMARY KEY CHECK (public.escape_by_large_object(id)));
CREATE TABLE public.by_index (id int PRIMARY KEY);
INSERT INTO public.by_program VALUES (1), (2);
INSERT INTO public.by_reading VALUES (1), (2);
INSERT INTO public.by_large_object VALUES (1), (2);
INSERT INTO public.by_index VALUES (1), (2);
CREATE INDEX by_index_expression ON public.by_index (public.escape_by_index(id));
SQL

-- Run by the embedded database's superuser at every start, {role} and {password} filled in by
-- EmbeddedDatabaseRoles. Writeback connects as the role made here, which is no superuser: it owns the
-- database (so Flyway can create its schemas) and what an earlier Writeback made as the superuser.
DO $$
DECLARE
    r record;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
        CREATE ROLE "{role}" LOGIN;
    END IF;
    ALTER ROLE "{role}" NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS LOGIN PASSWORD '{password}';
    ALTER DATABASE postgres OWNER TO "{role}";
    FOR r IN SELECT nspname FROM pg_namespace
             WHERE nspowner = 'postgres'::regrole AND nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' LOOP
        EXECUTE format('ALTER SCHEMA %I OWNER TO %I', r.nspname, '{role}');
    END LOOP;
    FOR r IN SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relowner = 'postgres'::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
               AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' LOOP
        EXECUTE format('ALTER %s %I.%I OWNER TO %I',
                CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
                r.nspname, r.relname, '{role}');
    END LOOP;
    -- Sequences that belong to no column (those that do moved with their table).
    FOR r IN SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relowner = 'postgres'::regrole AND c.relkind = 'S'
               AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' LOOP
        EXECUTE format('ALTER SEQUENCE %I.%I OWNER TO %I', r.nspname, r.relname, '{role}');
    END LOOP;
    FOR r IN SELECT p.oid::regprocedure AS routine FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE p.proowner = 'postgres'::regrole AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.routine, '{role}');
    END LOOP;
END
$$;

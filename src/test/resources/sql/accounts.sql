-- The accounts of the CRM tests, read from a file by the sync accounts_query_file.
SELECT id, name
FROM crm_src.accounts
WHERE name <> '' -- every account has a name
ORDER BY id;

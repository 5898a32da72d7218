// A transform kept in a file of its own (sync accounts_script_file).
payload.label = "account ${row.name}"

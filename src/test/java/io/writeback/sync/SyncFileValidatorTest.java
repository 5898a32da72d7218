package io.writeback.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.writeback.kernel.SyncMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncFileValidatorTest {

    private static final String VALID = """
            - route:
                id: contacts
                description: Contacts to people
                from:
                  uri: quartz:writeback/contacts
                  parameters:
                    cron: "0 0/15 * * * ?"
                  steps:
                    - to:
                        uri: writeback:source
                        parameters:
                          query: |
                            SELECT id, a + b AS total, 'x%y&z' AS odd -- a comment
                            FROM warehouse.contacts
                          key: id
                          cursor: _sdc_batched_at
                          mode: update
                    - split:
                        simple: "${body}"
                        streaming: true
                        steps:
                          - to:
                              uri: writeback:map
                              parameters:
                                fields: name=fullname, email
                          - to: writeback:plan
                          - to:
                              uri: writeback:deliver
                              parameters:
                                connection: sandbox
                                object: people
            """;

    private static final String GROUP = """
            - route:
                id: nightly
                from:
                  uri: quartz:writeback/nightly
                  parameters:
                    cron: "0 0 2 * * ?"
                  steps:
                    - to:
                        uri: writeback:group
                        parameters:
                          syncs: SYNCS
            """;

    private static final String TRANSFORM = """
                          - to:
                              uri: writeback:transform
                              parameters:
                                groovy: |
                                  SCRIPT
            """;

    @TempDir
    Path routes;

    private final SyncFileValidator validator = new SyncFileValidator(
            name -> name.equals("sandbox") ? List.of() : List.of("unknown connection '" + name + "' (configured: sandbox)"),
            name -> name.equals("warehouse") ? List.of() : List.of("unknown database '" + name + "' (configured: warehouse)"));

    @Test
    void readsAValidSyncWithMultiLineSqlIntact() throws IOException {
        write("contacts.camel.yaml", VALID);

        List<SyncDefinition> syncs = validator.validate(routes).syncs();

        assertThat(syncs).hasSize(1);
        SyncDefinition sync = syncs.get(0);
        assertThat(sync.name()).isEqualTo("contacts");
        assertThat(sync.description()).isEqualTo("Contacts to people");
        assertThat(sync.schedule()).isEqualTo("cron 0 0/15 * * * ?");
        assertThat(sync.source().sql()).isEqualTo(
                "SELECT id, a + b AS total, 'x%y&z' AS odd -- a comment\nFROM warehouse.contacts");
        assertThat(sync.source().getKey()).isEqualTo("id");
        assertThat(sync.source().getCursor()).isEqualTo("_sdc_batched_at");
        assertThat(sync.source().getMode()).isEqualTo(SyncMode.UPDATE);
        assertThat(sync.deliver().getConnection()).isEqualTo("sandbox");
        assertThat(sync.deliver().getObject()).isEqualTo("people");
    }

    @Test
    void aDirectTriggerMakesASyncThatRunsOnDemandOnly() throws IOException {
        write("contacts.camel.yaml", VALID.replace("uri: quartz:writeback/contacts", "uri: direct:contacts")
                .replace("cron: \"0 0/15 * * * ?\"", "{}").replace("parameters:\n                    {}", ""));
        write("people.camel.yaml", VALID.replace("id: contacts", "id: people")
                .replace("uri: quartz:writeback/contacts", "uri: seda:people"));

        assertThatThrownBy(() -> validator.validate(routes)).isInstanceOf(InvalidSyncFilesException.class)
                .hasMessageContaining("sync 'people': a sync starts from quartz: (cron), timer: or direct: (on demand only), "
                        + "not 'seda:people")
                .hasMessageNotContaining("sync 'contacts'");
        Files.delete(routes.resolve("people.camel.yaml"));
        assertThat(validator.validate(routes).syncs().get(0).schedule()).isEqualTo("on demand only");
    }

    @Test
    void anUnknownParameterIsNamedWithItsFile() throws IOException {
        write("contacts.camel.yaml", VALID.replace("key: id", "key: id\n              querry: x"));

        assertProblems("contacts.camel.yaml: sync 'contacts': unknown parameter 'querry' for writeback:source "
                + "(known: archiveField, archiveValue, beforeJob, beforeSql, chunkSize, cursor, diffInDatabase, errorPolicy, key, linksOf, mode, pair, query, vanished)");
    }

    @Test
    void aPropertyPlaceholderInAParameterIsRefusedNotExpanded() throws IOException {
        write("contacts.camel.yaml", VALID.replace("cursor: _sdc_batched_at", "cursor: \"{{env:HOME}}\""));

        assertProblems("contacts.camel.yaml: sync 'contacts': parameter cursor: property placeholders ({{...}}) are not "
                + "expanded in writeback: parameters, so that no setting or environment variable can reach a payload; "
                + "write the value itself");
    }

    @Test
    void aMissingKeyIsNamed() throws IOException {
        write("contacts.camel.yaml", VALID.replace("key: id\n", ""));

        assertProblems("contacts.camel.yaml: sync 'contacts': writeback:source needs 'key': the column that identifies a row");
    }

    @Test
    void aModeThatDoesNotExistIsNamed() throws IOException {
        write("contacts.camel.yaml", VALID.replace("mode: update", "mode: sideways"));

        assertProblems("contacts.camel.yaml: sync 'contacts': parameter 'mode' of writeback:source has a value that does not fit");
    }

    @Test
    void mirrorNeedsAFullScan() throws IOException {
        write("contacts.camel.yaml", VALID.replace("mode: update", "mode: mirror"));

        assertProblems("contacts.camel.yaml: sync 'contacts': writeback:source mode mirror needs a full scan "
                + "to see which rows left the source: remove 'cursor'");
    }

    @Test
    void archivingNeedsTheFieldThatMarksIt() throws IOException {
        write("contacts.camel.yaml", VALID.replace("mode: update", "mode: mirror\n              vanished: archive")
                .replace("              cursor: _sdc_batched_at\n", ""));

        assertProblems("contacts.camel.yaml: sync 'contacts': writeback:source vanished: archive needs 'archiveField'");
    }

    @Test
    void linksOfMustNameADeclaredSync() throws IOException {
        write("contacts.camel.yaml", VALID.replace("mode: update", "mode: delete\n              linksOf: people"));

        assertProblems("contacts.camel.yaml: sync 'contacts': 'linksOf' names no sync: 'people' (declared: contacts)");
    }

    @Test
    void aRelationMustNameADeclaredSync() throws IOException {
        write("contacts.camel.yaml", VALID.replace("fields: name=fullname, email",
                "fields: name=fullname, email\n                    relations: company=companies(company_id)"));

        assertProblems("contacts.camel.yaml: sync 'contacts': relation company refers to no sync: 'companies' (declared: contacts)");
    }

    @Test
    void aRelationThatCannotBeReadShowsItsForm() throws IOException {
        write("contacts.camel.yaml", VALID.replace("fields: name=fullname, email",
                "fields: name=fullname, email\n                    relations: company->companies"));

        assertProblems("contacts.camel.yaml: sync 'contacts': writeback:map relations: 'company->companies' needs the form "
                + "field=parent_sync(column), for example company_ref=companies(company_id)");
    }

    @Test
    void relationsThatFormACycleAreRefused() throws IOException {
        write("contacts.camel.yaml", VALID.replace("fields: name=fullname, email",
                "fields: name=fullname, email\n                    relations: account=accounts(account_id)"));
        write("accounts.camel.yaml", VALID.replace("id: contacts", "id: accounts").replace("writeback/contacts", "writeback/accounts")
                .replace("fields: name=fullname, email", "fields: name=fullname, email\n                    relations: owner=contacts(owner_id)"));

        assertThatThrownBy(() -> validator.validate(routes)).isInstanceOf(InvalidSyncFilesException.class)
                .satisfies(e -> assertThat(((InvalidSyncFilesException) e).problems()).containsExactlyInAnyOrder(
                        routes.resolve("accounts.camel.yaml") + ": sync 'accounts': its relations form a cycle: "
                                + "accounts -> contacts -> accounts; a record would wait for itself",
                        routes.resolve("contacts.camel.yaml") + ": sync 'contacts': its relations form a cycle: "
                                + "contacts -> accounts -> contacts; a record would wait for itself"));
    }

    @Test
    void aGroupMustRunDeclaredSyncs() throws IOException {
        write("contacts.camel.yaml", VALID);
        write("nightly.camel.yaml", GROUP.replace("SYNCS", "companies, contacts"));

        assertProblems("nightly.camel.yaml: group 'nightly': runs no sync named 'companies' (declared: contacts)");
    }

    @Test
    void aGroupThatRunsAChildBeforeItsParentIsAllowedWithAWarning() throws IOException {
        write("contacts.camel.yaml", VALID.replace("fields: name=fullname, email",
                "fields: name=fullname, email\n                    relations: company=companies(company_id)"));
        write("companies.camel.yaml", VALID.replace("id: contacts", "id: companies")
                .replace("writeback/contacts", "writeback/companies"));
        write("nightly.camel.yaml", GROUP.replace("SYNCS", "contacts, companies"));

        ValidationReport report = validator.validate(routes);
        assertThat(report.syncs()).extracting(SyncDefinition::name).containsExactlyInAnyOrder("contacts", "companies");
        assertThat(report.warnings()).containsExactly(routes.resolve("nightly.camel.yaml") + ": group 'nightly': runs "
                + "contacts before companies, which its relation company refers to: its new records wait until the group's next run");
    }

    @Test
    void aGroupHoldsNothingButItsGroupStep() throws IOException {
        write("contacts.camel.yaml", VALID);
        write("nightly.camel.yaml", GROUP.replace("SYNCS", "contacts") + """
                        - to: writeback:plan
                """);

        assertProblems("nightly.camel.yaml: group 'nightly': a group's route holds writeback:group as a step of its own, "
                + "and no other writeback stage");
    }

    @Test
    void aBadCronIsNamed() throws IOException {
        write("contacts.camel.yaml", VALID.replace("0 0/15 * * * ?", "every day"));

        assertProblems("contacts.camel.yaml: sync 'contacts': 'cron' of the quartz trigger is not a valid Quartz cron expression ('every day')");
    }

    @Test
    void anUnknownConnectionIsNamed() throws IOException {
        write("contacts.camel.yaml", VALID.replace("connection: sandbox", "connection: crm"));

        assertProblems("contacts.camel.yaml: sync 'contacts': unknown connection 'crm' (configured: sandbox)");
    }

    @Test
    void aSplitThatIsNotStreamingIsRefused() throws IOException {
        write("contacts.camel.yaml", VALID.replace("streaming: true", "streaming: false"));

        assertProblems("contacts.camel.yaml: sync 'contacts': the split after writeback:source needs 'streaming: true'");
    }

    @Test
    void stagesOutOfOrderAreRefused() throws IOException {
        write("contacts.camel.yaml", VALID.replace("              - to: writeback:plan\n", "").replace(
                "object: people\n", "object: people\n              - to: writeback:plan\n"));

        assertProblems("contacts.camel.yaml: sync 'contacts': the split after writeback:source must hold writeback:map, "
                + "writeback:plan and writeback:deliver, once each and in that order");
    }

    @Test
    void aTransformScriptThatDoesNotCompileIsNamed() throws IOException {
        write("contacts.camel.yaml", VALID.replace("              - to: writeback:plan\n", TRANSFORM.replace("SCRIPT",
                "payload.name = row.fullname +") + "              - to: writeback:plan\n"));

        assertProblems("contacts.camel.yaml: sync 'contacts': writeback:transform groovy: the script does not compile:",
                "line 2: Unexpected input: '+\\n' @ line 2, column 1.");
    }

    @Test
    void aTransformScriptFileIsReadAndCompiledWhenTheFilesAreChecked() throws IOException {
        Path script = routes.resolve("broken.groovy");
        Files.writeString(script, "payload.name = (row.fullname");
        write("contacts.camel.yaml", VALID.replace("              - to: writeback:plan\n", TRANSFORM.replaceAll("\\|\\n\\s*SCRIPT",
                "resource:file:" + script)
                + "              - to: writeback:plan\n"));
        write("people.camel.yaml", VALID.replace("id: contacts", "id: people").replace("writeback/contacts", "writeback/people")
                .replace("              - to: writeback:plan\n", TRANSFORM.replaceAll("\\|\\n\\s*SCRIPT",
                        "resource:file:" + routes.resolve("missing.groovy"))
                        + "              - to: writeback:plan\n"));

        assertThatThrownBy(() -> validator.validate(routes)).isInstanceOfSatisfying(InvalidSyncFilesException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("contacts.camel.yaml: sync 'contacts': "
                        + "writeback:transform groovy: the script resource:file:" + script + " does not compile: line 1:"))
                        .anySatisfy(p -> assertThat(p).contains("people.camel.yaml: sync 'people': writeback:transform groovy: "
                                + "the script resource:file:" + routes.resolve("missing.groovy") + " cannot be read")));
    }

    @Test
    void aQueryFileIsReadWhenTheFilesAreCheckedAndAMissingOneIsNamed() throws IOException {
        Path sql = routes.resolve("contacts.sql");
        Files.writeString(sql, "SELECT id, email FROM warehouse.contacts;\n");
        String inline = "query: \\|\\n[^\\n]*\\n[^\\n]*\\n";
        write("contacts.camel.yaml", VALID.replaceAll(inline, "query: resource:file:" + sql + "\n"));
        assertThat(validator.validate(routes).syncs().get(0).source().sql())
                .isEqualTo("SELECT id, email FROM warehouse.contacts");

        write("people.camel.yaml", VALID.replace("id: contacts", "id: people").replace("writeback/contacts", "writeback/people")
                .replaceAll(inline, "query: resource:file:" + routes.resolve("missing.sql") + "\n"));
        assertProblems("people.camel.yaml: sync 'people': writeback:source query: the query resource:file:"
                + routes.resolve("missing.sql") + " cannot be read: no such file");
    }

    @Test
    void aTransformAfterThePlanIsRefused() throws IOException {
        write("contacts.camel.yaml", VALID.replace("object: people\n", "object: people\n" + TRANSFORM.replace("SCRIPT",
                "payload.name = row.fullname")));

        assertProblems("contacts.camel.yaml: sync 'contacts': writeback:transform may appear once, between writeback:map and "
                + "writeback:plan; the split holds [MAP, PLAN, DELIVER, TRANSFORM]");
    }

    @Test
    void aTransformBetweenMapAndPlanIsValid() throws IOException {
        write("contacts.camel.yaml", VALID.replace("              - to: writeback:plan\n", TRANSFORM.replace("SCRIPT",
                "if (update && row.email == null) { skip('no email') }") + "              - to: writeback:plan\n"));

        assertThat(validator.validate(routes).syncs()).hasSize(1);
    }

    @Test
    void aPairMustNameASyncThatNamesItBack() throws IOException {
        write("contacts.camel.yaml", VALID.replace("mode: update", "mode: update\n              pair: people_back"));
        write("people_back.camel.yaml", VALID.replace("id: contacts", "id: people_back")
                .replace("writeback/contacts", "writeback/people_back"));

        assertProblems("contacts.camel.yaml: sync 'contacts': 'pair' names 'people_back', which must name 'contacts' as its "
                + "pair in turn");
    }

    @Test
    void aPairedSyncCannotDelete() throws IOException {
        write("contacts.camel.yaml", VALID.replace("mode: update", "mode: delete\n              pair: contacts"));

        assertProblems("contacts.camel.yaml: sync 'contacts': writeback:source 'pair' works with modes upsert, insert and "
                + "update, not delete");
    }

    @Test
    void aWriteBackMustBindTheTargetIdAndCallOnlyKnownConnections() throws IOException {
        write("contacts.camel.yaml", VALID.replace("object: people\n", "object: people\n"
                + "                    writeBackSql: UPDATE t SET crm_id = 1 WHERE id = :source_id\n"
                + "                    writeBackDatabase: ops\n"));
        write("people.camel.yaml", VALID.replace("id: contacts", "id: people").replace("writeback/contacts", "writeback/people")
                .replace("object: people\n", "object: people\n                    writeBackConnection: erp\n"
                        + "                    writeBackPath: /people/{source_id}/{crm_id}\n"));

        assertThatThrownBy(() -> validator.validate(routes)).isInstanceOfSatisfying(InvalidSyncFilesException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).endsWith(
                        "contacts.camel.yaml: sync 'contacts': writeback:deliver 'writeBackSql' must bind the new record's id as :target_id"))
                        .anySatisfy(p -> assertThat(p).endsWith("contacts.camel.yaml: sync 'contacts': unknown database 'ops' "
                                + "(configured: warehouse)"))
                        .anySatisfy(p -> assertThat(p).endsWith("people.camel.yaml: sync 'people': writeback:deliver "
                                + "'writeBackPath' may fill in {source_id} and {target_id}, not {crm_id}"))
                        .anySatisfy(p -> assertThat(p).endsWith("people.camel.yaml: sync 'people': unknown connection 'erp' "
                                + "(configured: sandbox)")));
    }

    @Test
    void aRouteIdThatCannotNameASyncIsRefused() throws IOException {
        write("contacts.camel.yaml", VALID.replace("id: contacts", "id: Contacts-2"));

        assertProblems("contacts.camel.yaml: sync 'Contacts-2': the route id must be the sync's name");
    }

    @Test
    void brokenYamlNamesTheFileAndLine() throws IOException {
        write("contacts.camel.yaml", VALID.replace("    from:", "    frum:"));

        assertProblems("contacts.camel.yaml: ", "frum", "line 2");
    }

    @Test
    void theSameSyncTwiceIsRefused() throws IOException {
        write("a.camel.yaml", VALID);
        write("b.camel.yaml", VALID);

        assertProblems("b.camel.yaml: sync 'contacts' is declared more than once");
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnce() throws IOException {
        write("a.camel.yaml", VALID.replace("key: id\n", ""));
        write("b.camel.yaml", VALID.replace("id: contacts", "id: other").replace("connection: sandbox", "connection: crm"));

        assertThatThrownBy(() -> validator.validate(routes))
                .isInstanceOfSatisfying(InvalidSyncFilesException.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void theSyncFilesTestsWriteAreValid() throws IOException {
        io.writeback.support.SyncFile.of("plain", "SELECT id FROM t").writeTo(routes);
        io.writeback.support.SyncFile.of("mapped", "SELECT id, a FROM t").source("cursor", "a").source("chunkSize", 10)
                .fields("b=a").deliver("sandbox", "things", 5).writeTo(routes);

        List<SyncDefinition> syncs = validator.validate(routes).syncs();

        assertThat(syncs).extracting(SyncDefinition::name).containsExactlyInAnyOrder("plain", "mapped");
        SyncDefinition mapped = syncs.stream().filter(sync -> sync.name().equals("mapped")).findFirst().orElseThrow();
        assertThat(mapped.source().getCursor()).isEqualTo("a");
        assertThat(mapped.deliver().getBatchSize()).isEqualTo(5);
        assertThat(syncs.stream().filter(sync -> sync.name().equals("plain")).findFirst().orElseThrow().deliver().getObject())
                .isEqualTo("plain");
    }

    @Test
    void routesWithoutWritebackStagesAreNotSyncs() throws IOException {
        write("helper.camel.yaml", """
                - route:
                    id: normalise-phone
                    from:
                      uri: direct:normalise-phone
                      steps:
                        - log: "normalising"
                """);

        assertThat(validator.validate(routes).syncs()).isEmpty();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(routes.resolve(name), content);
    }

    private void assertProblems(String... fragments) {
        assertThatThrownBy(() -> validator.validate(routes))
                .isInstanceOf(InvalidSyncFilesException.class)
                .satisfies(e -> {
                    String problem = ((InvalidSyncFilesException) e).problems().get(0);
                    assertThat(problem).startsWith(routes.toString());
                    for (String fragment : fragments) {
                        assertThat(problem).contains(fragment);
                    }
                });
    }
}

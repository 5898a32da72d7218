package io.writeback.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that sync to a CRM played by WireMock, configured the way a user configures a
 * generic REST destination. The syncs are in {@code src/test/resources/routes-crm}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "writeback.schedules.enabled=false",
        "writeback.demo.enabled=false",
        "writeback.embedded-db.clean=true",
        "writeback.embedded-db.data-dir=target/test-db/crm",
        "writeback.routes-dir=src/test/resources/routes-crm",
        "writeback.connections.crm.auth.type=bearer",
        "writeback.connections.crm.auth.token=" + CrmDestinationTest.TOKEN,
        "writeback.connections.crm.headers.X-Client=writeback",
        "writeback.connections.crm.read-timeout=5s",
        "writeback.connections.crm.objects.people.update.method=PUT",
        "writeback.connections.crm.objects.people.update.path=/people/{id}",
        "writeback.connections.crm.objects.people.id-pointer=/data/id",
        "writeback.connections.crm.objects.accounts.lookup.path=/accounts?name={name}",
        "writeback.connections.crm.objects.accounts.lookup.id-pointer=/results/0/id",
        "writeback.connections.crm.objects.flaky.lookup.path=/flaky?name={name}",
        "writeback.connections.crm.objects.flaky.lookup.id-pointer=/results/0/id",
        "writeback.connections.crm.objects.firms.bulk-lookup.path=/{object}/batch/read",
        "writeback.connections.crm.objects.firms.bulk-lookup.items-field=inputs",
        "writeback.connections.crm.objects.firms.bulk-lookup.property-field=idProperty",
        "writeback.connections.crm.objects.firms.bulk-lookup.item-id-field=name",
        "writeback.connections.crm.objects.firms.bulk-lookup.match-pointer=/name",
        "writeback.connections.crm.objects.firms.bulk-lookup.max-batch=3",
        "writeback.connections.crm.retry.initial-backoff=20ms",
        "writeback.connections.crm_slow.read-timeout=300ms",
        "writeback.connections.crm_slow.retry.initial-backoff=20ms",
        "writeback.connections.crm_limited.rate-limit.requests=5",
        "writeback.connections.crm_limited.rate-limit.per=1s",
        "writeback.connections.crm_file.auth.type=bearer",
        "writeback.connections.crm_file.auth.token-file=" + CrmDestinationTest.TOKEN_FILE,
        "writeback.connections.crm_oauth.auth.type=oauth2",
        "writeback.connections.crm_oauth.auth.client-id=writeback",
        "writeback.connections.crm_oauth.auth.client-secret=" + CrmDestinationTest.CLIENT_SECRET,
        "writeback.connections.crm_metadata.base-url=http://169.254.169.254/latest",
        "writeback.connections.crm_bulk.bulk-insert.path=/{object}/batch",
        "writeback.connections.crm_bulk.bulk-insert.items-field=inputs",
        "writeback.connections.crm_bulk.bulk-insert.error-pointer=/error",
        "writeback.connections.crm_bulk.objects.capped.bulk-insert.path=/accounts/batch",
        "writeback.connections.crm_bulk.objects.capped.bulk-insert.items-field=inputs",
        "writeback.connections.crm_bulk.objects.capped.bulk-insert.max-batch=2",
        "writeback.connections.crm_parallel.max-in-flight=4",
        "writeback.connections.crm_gone.objects.accounts.on-missing=unlink",
        // A headless CMS: answers under /data, bulk writes on the collection's path, deletes by a body of ids.
        "writeback.connections.crm_cms.id-pointer=/data/id",
        "writeback.connections.crm_cms.results-pointer=/data",
        "writeback.connections.crm_cms.objects.articles.bulk-insert.path=/items/{object}",
        "writeback.connections.crm_cms.objects.articles.bulk-update.path=/items/{object}",
        "writeback.connections.crm_cms.objects.articles.bulk-update.method=PATCH",
        "writeback.connections.crm_cms.objects.articles.bulk-delete.path=/items/{object}",
        "writeback.connections.crm_cms.objects.articles.bulk-delete.method=DELETE",
        "writeback.connections.crm_cms.objects.articles.bulk-delete.item-id-field=",
        "writeback.connections.crm_cms.objects.articles.bulk-lookup.path=/items/{object}?filter[{field}][_in]={values}",
        "writeback.connections.crm_cms.objects.articles.bulk-lookup.method=GET",
        "writeback.connections.crm_cms.objects.articles.bulk-lookup.match-pointer=/{field}",
        "writeback.connections.crm_gone.objects.accounts.updated-pointer=/id",
        // Named in a route's write back; IdWriteBackDatabaseTest points it at a real server.
        "writeback.databases.ops.url=jdbc:postgresql://127.0.0.1:1/not-used",
        "writeback.connections.hubspot.type=hubspot",
        "writeback.connections.hubspot.auth.type=bearer",
        "writeback.connections.hubspot.auth.token=hubspot-private-app-token",
        "writeback.connections.hubspot.objects.contacts.id-property=email",
        // Alerts, for the sync 'alerted' only: to WireMock's /hooks (set below: a list binds from one source) and by mail.
        "writeback.alerts.email.to=ops@example.com",
        "writeback.alerts.email.from=writeback@example.com",
        "writeback.alerts.email.syncs=alerted",
        "writeback.alerts.link=https://writeback.example",
        "spring.mail.host=127.0.0.1",
        // An upstream job that accounts_job waits for, played by WireMock under the CRM's base URL.
        "writeback.jobs.nightly.connection=crm",
        "writeback.jobs.nightly.start.path=/jobs/nightly/run",
        "writeback.jobs.nightly.id-pointer=/run/id",
        "writeback.jobs.nightly.status-path=/jobs/runs/{id}",
        "writeback.jobs.nightly.status-pointer=/run/state",
        "writeback.jobs.nightly.done=success",
        "writeback.jobs.nightly.failed=error,cancelled",
        "writeback.jobs.nightly.poll-every=10s",
        "writeback.jobs.nightly.timeout=1m",
        "writeback.connections.salesforce.type=salesforce",
        "writeback.connections.salesforce.api-version=64.0",
        "writeback.connections.salesforce.auth.type=oauth2",
        "writeback.connections.salesforce.auth.grant=jwt-bearer",
        "writeback.connections.salesforce.auth.client-id=3MVG9writeback",
        "writeback.connections.salesforce.auth.username=integration@acme.example",
        "writeback.connections.salesforce.auth.audience=https://login.salesforce.com",
        "writeback.connections.salesforce.auth.private-key-file=" + CrmDestinationTest.SALESFORCE_KEY_FILE,
        "writeback.connections.salesforce.objects.Contact.id-property=External_Id__c",
        "writeback.connections.pipedrive.type=pipedrive",
        "writeback.connections.pipedrive.plan=advanced",
        "writeback.connections.pipedrive.auth.type=api-key",
        "writeback.connections.pipedrive.auth.header=x-api-token",
        "writeback.connections.pipedrive.auth.api-key=" + CrmDestinationTest.PIPEDRIVE_TOKEN,
        "writeback.connections.pipedrive.objects.persons.id-property=emails.0.value",
        "writeback.connections.pipedrive.objects.organizations.id-property=name",
        "writeback.connections.odoo.type=odoo",
        "writeback.connections.odoo.database=acme",
        "writeback.connections.odoo.auth.type=bearer",
        "writeback.connections.odoo.auth.token=" + CrmDestinationTest.ODOO_KEY,
        "writeback.connections.odoo.objects[res.partner].id-property=vat",
        "writeback.connections.odoo_rpc.type=odoo",
        "writeback.connections.odoo_rpc.api-version=17.0",
        "writeback.connections.odoo_rpc.database=acme",
        "writeback.connections.odoo_rpc.auth.type=basic",
        "writeback.connections.odoo_rpc.auth.username=bot@acme.example",
        "writeback.connections.odoo_rpc.auth.password=" + CrmDestinationTest.ODOO_KEY,
        "writeback.connections.odoo_rpc.objects[res.partner].id-property=vat",
        "writeback.connections.zendesk.type=zendesk",
        "writeback.connections.zendesk.plan=professional",
        "writeback.connections.zendesk.auth.type=basic",
        "writeback.connections.zendesk.auth.username=agent@acme.example/token",
        "writeback.connections.zendesk.auth.password=" + CrmDestinationTest.ZENDESK_TOKEN,
        "writeback.connections.zendesk.objects.users.id-property=external_id",
        "writeback.connections.zendesk.objects.organizations.id-property=external_id",
        "writeback.connections.hubspot.objects.contacts.associations.company.to=companies",
        "writeback.connections.hubspot.objects.contacts.associations.company.type-id=279"})
@Import(CrmDestinationTest.ConnectionTime.class)
public abstract class CrmDestinationTest {

    protected static final String TOKEN = "s3cr3t-token-4f9a";
    protected static final String TOKEN_FILE = "target/test-secrets/crm-token";
    protected static final String CLIENT_SECRET = "client-s3cret-77";
    protected static final String PIPEDRIVE_TOKEN = "pd-t0ken-5e1f";
    protected static final String ZENDESK_TOKEN = "zd-t0ken-91c2";
    protected static final String ODOO_KEY = "6578616d706c65206a736f6e20617069206b6579";
    /** Written by the Salesforce tests, which sign their token requests with it. */
    protected static final String SALESFORCE_KEY_FILE = "target/test-secrets/salesforce-key.pem";

    protected static final WireMockServer CRM = new WireMockServer(options().dynamicPort().globalTemplating(true)
            .extensions(new BatchEcho(), new HubSpotEcho(), new SalesforceEcho(), new OdooEcho(), new OdooRpcEcho(), new HoldTogether(), new FlakyStore()));

    protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        CRM.start();
        SMTP.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            CRM.stop();
            SMTP.stop();
        }));
    }

    @DynamicPropertySource
    static void crm(DynamicPropertyRegistry registry) {
        for (String connection : new String[] {"crm", "crm_slow", "crm_limited", "crm_file", "crm_oauth", "crm_bulk", "crm_parallel",
            "crm_gone", "crm_cms"}) {
            registry.add("writeback.connections." + connection + ".base-url", () -> CRM.baseUrl() + "/crm/v1");
            registry.add("writeback.connections." + connection + ".allowed-hosts", () -> "localhost");
        }
        registry.add("writeback.connections.hubspot.base-url", CRM::baseUrl);
        registry.add("writeback.connections.hubspot.allowed-hosts", () -> "localhost");
        registry.add("writeback.connections.zendesk.base-url", CRM::baseUrl);
        registry.add("writeback.connections.zendesk.allowed-hosts", () -> "localhost");
        registry.add("writeback.connections.odoo.base-url", CRM::baseUrl);
        registry.add("writeback.connections.odoo_rpc.base-url", CRM::baseUrl);
        registry.add("writeback.connections.odoo_rpc.allowed-hosts", () -> "localhost");
        registry.add("writeback.connections.odoo.allowed-hosts", () -> "localhost");
        registry.add("writeback.connections.pipedrive.base-url", CRM::baseUrl);
        registry.add("writeback.connections.pipedrive.allowed-hosts", () -> "localhost");
        registry.add("writeback.connections.salesforce.base-url", CRM::baseUrl);
        registry.add("writeback.connections.salesforce.auth.token-url", () -> CRM.baseUrl() + "/services/oauth2/token");
        registry.add("writeback.connections.salesforce.allowed-hosts", () -> "localhost");
        registry.add("writeback.connections.crm_oauth.auth.token-url", () -> CRM.baseUrl() + "/oauth/token");
        registry.add("writeback.alerts.webhooks[0].url", () -> CRM.baseUrl() + "/hooks/json");
        registry.add("writeback.alerts.webhooks[0].syncs", () -> "alerted");
        registry.add("writeback.alerts.webhooks[1].url", () -> CRM.baseUrl() + "/hooks/slack?token=hook-s3cret");
        registry.add("writeback.alerts.webhooks[1].syncs", () -> "alerted");
        registry.add("writeback.alerts.webhooks[1].format", () -> "slack");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    /** No login: what anyone who reaches the port can do. */
    @Autowired
    protected TestRestTemplate anonymous;

    /** Logged in as an admin, who may do everything. */
    protected TestRestTemplate http;

    @Autowired
    protected JdbcTemplate jdbc;

    protected RunsApi runs;

    /** The connections' clock, which moves only when they wait; their waits pass at once. */
    @Autowired
    protected ControlledTime time;

    @TestConfiguration(proxyBeanMethods = false)
    static class ConnectionTime {

        @Bean
        ControlledTime connectionTime() {
            return new ControlledTime(Instant.parse("2026-01-05T09:00:00.250Z"));
        }
    }

    @BeforeEach
    void resetCrmAndState() {
        time.forgetWaits();
        http = TestUsers.ADMIN.on(anonymous);
        CRM.resetAll();
        jdbc.execute("TRUNCATE writeback.links, writeback.run_claims, writeback.intents, writeback.runs, writeback.bookmarks, writeback.dead_letters, "
                + "writeback.invalid_rows, writeback.pauses, writeback.alert_states");
        jdbc.execute("DROP SCHEMA IF EXISTS crm_src CASCADE; CREATE SCHEMA crm_src");
        runs = new RunsApi(http);
    }

    /** The link row of one record. */
    protected Map<String, Object> link(String sync, String sourceId) {
        return jdbc.queryForMap("SELECT * FROM writeback.links WHERE sync = ? AND source_id = ?", sync, sourceId);
    }

    /** Four warehouse accounts, A to D, one microsecond apart, that the CRM creates with their name as id. */
    protected void accounts() {
        createsAnswerIdFrom("accounts", null, "name");
        jdbc.execute("""
                CREATE TABLE crm_src.accounts (id int, name text, updated_at timestamptz, closed boolean NOT NULL DEFAULT false);
                INSERT INTO crm_src.accounts (id, name, updated_at) VALUES
                    (1, 'A', '2026-01-01 10:00:00.000001+00'), (2, 'B', '2026-01-01 10:00:00.000002+00'),
                    (3, 'C', '2026-01-01 10:00:00.000003+00'), (4, 'D', '2026-01-01 10:00:00.000004+00')""");
    }

    /** Answers every create of {@code object} with 201 and an id made from {@code field} of the request. */
    protected static void createsAnswerIdFrom(String object, String idPointerParent, String field) {
        String id = "{{jsonPath request.body '$." + field + "'}}";
        String body = idPointerParent == null ? "{\"id\": \"" + id + "\"}" : "{\"" + idPointerParent + "\": {\"id\": \"" + id + "\"}}";
        CRM.stubFor(post(urlEqualTo("/crm/v1/" + object)).willReturn(json(201, body)));
    }

    /** Answers creates of {@code object} whose {@code field} equals {@code value} with {@code answer}. */
    protected static StubMapping createsOf(String object, String field, String value, ResponseDefinitionBuilder answer) {
        return CRM.stubFor(post(urlEqualTo("/crm/v1/" + object)).withRequestBody(matchingJsonPath("$." + field, equalTo(value)))
                .atPriority(1).willReturn(answer));
    }

    protected static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}

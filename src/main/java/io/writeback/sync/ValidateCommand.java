package io.writeback.sync;

import io.writeback.connection.ConnectionSettingsCheck;
import io.writeback.connection.ConnectionsProperties;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code writeback --validate}: checks every sync file against the configuration (connections
 * included) and exits, without a database, Camel or a web server.
 */
public final class ValidateCommand {

    public static final String FLAG = "--validate";

    private ValidateCommand() {
    }

    /** Returns the process exit code: 0 when every file is valid, 1 otherwise. */
    public static int run(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=WARN")
                .run(args)) {
            Path routesDir = Path.of(context.getEnvironment().getRequiredProperty("writeback.routes-dir"));
            ConnectionsProperties connections = context.getBean(ConnectionsProperties.class);
            ValidationReport report = new SyncFileValidator(connections::unknownConnection, connections::databaseProblems,
                connections::settingsProblems)
                    .validate(routesDir, ConnectionSettingsCheck.problems(context.getEnvironment()),
                            DemoSyncs.active(context.getEnvironment()));
            List<SyncDefinition> syncs = report.syncs();
            System.out.println("OK: " + syncs.size() + " sync(s) in " + routesDir + " are valid");
            report.warnings().forEach(warning -> System.out.println("warning: " + warning));
            syncs.forEach(sync -> System.out.println("  " + sync.name() + " (" + sync.file() + "): "
                    + sync.source().getMode().name().toLowerCase() + ", " + sync.schedule() + ", to "
                    + sync.deliver().getConnection() + "/" + sync.deliver().getObject()));
            report.groups().forEach(group -> System.out.println("  group " + group.name() + " (" + group.file() + "): "
                    + group.schedule() + ", runs " + String.join(", then ", group.syncs())));
            return 0;
        } catch (InvalidSyncFilesException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConnectionsProperties.class)
    static class Settings {
    }
}

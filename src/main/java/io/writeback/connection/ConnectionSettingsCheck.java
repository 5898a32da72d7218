package io.writeback.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * What the configuration under {@code writeback.connections} says that nothing reads: settings with no
 * meaning (a typo such as {@code bulk-insrt}) and {@code ${NAME}} placeholders nothing sets, which would
 * otherwise reach the destination as a literal token. Each problem names its connection and setting.
 */
public final class ConnectionSettingsCheck {

    private static final ConfigurationPropertyName CONNECTIONS = ConfigurationPropertyName.of("writeback.connections");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)[^}]*}");

    private ConnectionSettingsCheck() {
    }

    public static List<String> problems(ConfigurableEnvironment environment) {
        List<String> problems = new ArrayList<>();
        unknownSettings(environment, problems);
        unsetPlaceholders(environment, problems);
        return problems;
    }

    private static void unknownSettings(ConfigurableEnvironment environment, List<String> problems) {
        try {
            Binder.get(environment).bind(CONNECTIONS, Bindable.mapOf(String.class, ConnectionProperties.class),
                    new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
        } catch (BindException e) {
            if (e.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
                unbound.getUnboundProperties().stream().map(ConfigurationProperty::getName).sorted()
                        .forEach(name -> problems.add(describe(name) + " is not a setting of connections (see docs/connections.md)"));
            } else {
                String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
                problems.add(describe(e.getProperty() == null ? CONNECTIONS : e.getProperty().getName()) + " cannot be read: " + cause);
            }
        }
    }

    private static void unsetPlaceholders(ConfigurableEnvironment environment, List<String> problems) {
        raw(environment).forEach((name, text) -> {
            Matcher unset = PLACEHOLDER.matcher(environment.resolvePlaceholders(text));
            while (unset.find()) {
                problems.add(describe(name) + " uses ${" + unset.group(1) + "}, which is not set: set " + unset.group(1)
                        + " in the environment, or give the setting a value");
            }
        });
    }

    /**
     * Every setting under {@code writeback.connections} as written, placeholders unresolved, the value of the
     * source that wins (the first that has it), in name order.
     */
    static Map<ConfigurationPropertyName, String> raw(ConfigurableEnvironment environment) {
        Map<ConfigurationPropertyName, String> raw = new TreeMap<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.filter(CONNECTIONS::isAncestorOf).stream().filter(name -> !raw.containsKey(name)).forEach(name -> {
                    Object value = source.getConfigurationProperty(name).getValue();
                    if (value != null) {
                        raw.put(name, value.toString());
                    }
                });
            }
        }
        return raw;
    }

    /** "connection 'crm' setting 'objects.people.id-poynter'", from writeback.connections.crm.objects.people.id-poynter. */
    private static String describe(ConfigurationPropertyName name) {
        int depth = CONNECTIONS.getNumberOfElements();
        if (name.getNumberOfElements() <= depth) {
            return "writeback.connections";
        }
        List<String> setting = setting(name);
        return "connection '" + connection(name) + "'" + (setting.isEmpty() ? "" : " setting '" + String.join(".", setting) + "'");
    }

    /** The connection a name under writeback.connections is of. */
    static String connection(ConfigurationPropertyName name) {
        return name.getElement(CONNECTIONS.getNumberOfElements(), ConfigurationPropertyName.Form.ORIGINAL);
    }

    /** The setting a name under writeback.connections.NAME is, element by element, dashed: [objects, people, id-pointer]. */
    static List<String> setting(ConfigurationPropertyName name) {
        List<String> setting = new ArrayList<>();
        for (int i = CONNECTIONS.getNumberOfElements() + 1; i < name.getNumberOfElements(); i++) {
            setting.add(name.getElement(i, ConfigurationPropertyName.Form.DASHED));
        }
        return setting;
    }
}

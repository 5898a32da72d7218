package io.writeback.component;

import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.support.component.EndpointUriFactorySupport;
import org.apache.camel.util.URISupport;

/**
 * Tells Camel's YAML DSL the parameters of the {@code writeback:} stages. The DSL wraps the ones
 * listed as secret in {@code RAW(...)}, which is what lets SQL keep its {@code +}, {@code &} and
 * {@code %}; every stage parameter is listed so, although none of them is a secret.
 */
public class StageUriFactory extends EndpointUriFactorySupport {

    private static final Set<String> NAMES = new TreeSet<>();

    static {
        Arrays.stream(StageKind.values())
                .forEach(kind -> NAMES.addAll(StageOptionsBinder.knownNames(kind.newOptions().getClass())));
    }

    @Override
    public boolean isEnabled(String scheme) {
        return StageKind.SCHEME.equals(scheme);
    }

    @Override
    public String buildUri(String scheme, Map<String, Object> properties, boolean encode) throws URISyntaxException {
        return scheme + "?" + URISupport.createQueryString(properties, encode);
    }

    @Override
    public Set<String> propertyNames() {
        return NAMES;
    }

    @Override
    public Set<String> secretPropertyNames() {
        return NAMES;
    }

    @Override
    public Map<String, String> multiValuePrefixes() {
        return Map.of();
    }

    @Override
    public boolean isLenientProperties() {
        return false;
    }
}

package io.writeback.security;

import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ObjectName;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What Jolokia (and so Hawtio) lets each logged-in role do with JMX. Viewers read, list and search; operators
 * also start and stop routes and call Writeback's own operations. Nothing else is executed, nothing is
 * written, nothing goes by GET (a link could carry it), and Jolokia answers no other site's script.
 * Jolokia makes it by its {@code restrictorClass} setting; the caller is the request's Spring Security login.
 */
public class JolokiaAccessPolicy implements Restrictor {

    /** Writeback's own MBeans, which carry only the operations an operator may use. */
    static final String WRITEBACK_DOMAIN = "io.writeback";

    private static final Set<RequestType> READING = Set.of(RequestType.READ, RequestType.LIST, RequestType.SEARCH,
            RequestType.VERSION);
    private static final Set<String> ROUTE_OPERATIONS = Set.of("start", "stop");
    /** The JVM's arguments and system properties may hold what was passed on a command line. */
    private static final Set<String> RUNTIME_HIDDEN = Set.of("InputArguments", "SystemProperties");

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return method == HttpMethod.POST;
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return READING.contains(type) && has(Role.VIEWER) || type == RequestType.EXEC && has(Role.OPERATOR);
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        boolean runtime = "java.lang".equals(name.getDomain()) && "Runtime".equals(name.getKeyProperty("type"));
        return has(Role.VIEWER) && !(runtime && RUNTIME_HIDDEN.contains(attribute));
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return false;
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        if (!has(Role.OPERATOR)) {
            return false;
        }
        String bare = operation.contains("(") ? operation.substring(0, operation.indexOf('(')) : operation;
        boolean route = "org.apache.camel".equals(name.getDomain()) && "routes".equals(name.getKeyProperty("type"));
        return WRITEBACK_DOMAIN.equals(name.getDomain()) || route && ROUTE_OPERATIONS.contains(bare);
    }

    /** Spring Security has let the caller in; where it comes from is its concern, not Jolokia's. */
    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return true;
    }

    /**
     * {@code strictCheck}: may a request that names its origin run? It may: a request from another site's
     * page that changes anything never gets here. Otherwise: should the answer allow that origin's script
     * to read it (CORS)? Never.
     */
    @Override
    public boolean isOriginAllowed(String origin, boolean strictCheck) {
        return strictCheck;
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return false;
    }

    private static boolean has(Role role) {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login == null || !login.isAuthenticated()) {
            return false;
        }
        Set<String> reachable = WebSecurityConfiguration.roleHierarchy()
                .getReachableGrantedAuthorities(login.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return reachable.contains("ROLE_" + role.name());
    }
}

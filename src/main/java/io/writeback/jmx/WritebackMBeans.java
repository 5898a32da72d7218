package io.writeback.jmx;

import io.writeback.connection.Connections;
import io.writeback.deadletter.DeadLetters;
import io.writeback.monitoring.SyncHealth;
import io.writeback.run.ActiveRuns;
import io.writeback.run.Pauses;
import io.writeback.run.RunLedger;
import io.writeback.run.SyncOperations;
import io.writeback.source.Bookmarks;
import io.writeback.sync.GroupDefinition;
import io.writeback.sync.SyncCatalog;
import io.writeback.sync.SyncDefinition;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Writeback's own MBeans under the {@code io.writeback} domain, which Hawtio shows beside Camel's: one
 * per sync, group and connection, with their state and the operations an operator may call (run now,
 * resync, pause, resume, replay; reload credentials). Jolokia's access policy lets viewers read them
 * and operators call them; they act through the same services as the REST API.
 */
@Component
class WritebackMBeans implements SmartInitializingSingleton, DisposableBean {

    static final String DOMAIN = "io.writeback";
    private static final Logger log = LoggerFactory.getLogger(WritebackMBeans.class);

    private final MBeanServer server;
    private final SyncCatalog catalog;
    private final Connections connections;
    private final SyncControl.WritebackServices services;
    private final ActiveRuns activeRuns;
    private final List<ObjectName> registered = new ArrayList<>();

    WritebackMBeans(ObjectProvider<MBeanServer> server, SyncCatalog catalog, Connections connections, SyncOperations operations,
            SyncHealth health, Pauses pauses, RunLedger ledger, DeadLetters deadLetters, Bookmarks bookmarks,
            ActiveRuns activeRuns) {
        this.server = server.getIfAvailable(ManagementFactory::getPlatformMBeanServer);
        this.catalog = catalog;
        this.connections = connections;
        this.services = new SyncControl.WritebackServices(operations, health, pauses, ledger, deadLetters, bookmarks,
                activeRuns);
        this.activeRuns = activeRuns;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (SyncDefinition sync : catalog.all()) {
            register("Sync", sync.name(), new StandardMBean(new SyncControl(sync.name(), services), SyncControlMBean.class, false));
        }
        for (GroupDefinition group : catalog.groups()) {
            register("Group", group.name(), new StandardMBean(new GroupControl(group.name(), group.syncs(), services.operations(),
                    services.pauses(), activeRuns), GroupControlMBean.class, false));
        }
        for (String connection : connections.names()) {
            register("Connection", connection, new StandardMBean(new ConnectionControl(connection, connections),
                    ConnectionControlMBean.class, false));
        }
    }

    private void register(String type, String name, StandardMBean bean) {
        try {
            String value = name.matches("[A-Za-z0-9_.-]+") ? name : ObjectName.quote(name);
            ObjectName objectName = new ObjectName(DOMAIN, new java.util.Hashtable<>(java.util.Map.of("type", type, "name", value)));
            server.registerMBean(bean, objectName);
            registered.add(objectName);
        } catch (InstanceAlreadyExistsException e) {
            log.warn("JMX: {} {} is registered already, by another Writeback in this JVM; this one is not", type, name);
        } catch (JMException e) {
            throw new IllegalStateException("JMX: " + type + " " + name + " cannot be registered: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                log.debug("JMX: {} was unregistered already", name);
            }
        }
    }
}

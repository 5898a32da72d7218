package io.writeback.source;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Hands out connections to the warehouse, set up for streaming large results. */
@Component
public class Warehouse implements DisposableBean {

    private final DataSource dataSource;
    private final HikariDataSource ownPool;

    public Warehouse(DataSource stateDatabase, WarehouseProperties properties) {
        if (properties.separate()) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
            config.setMaximumPoolSize(properties.maxConnections() == null ? 8 : properties.maxConnections());
            config.setPoolName("writeback-warehouse");
            ownPool = new HikariDataSource(config);
            dataSource = ownPool;
        } else {
            ownPool = null;
            dataSource = stateDatabase;
        }
    }

    /**
     * A read-only connection outside autocommit: PostgreSQL's driver only streams a result with a
     * fetch size inside a transaction; otherwise it loads the whole result into memory.
     */
    public Connection streamingConnection() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        return connection;
    }

    /** Whether the warehouse is the state database, where the link tables are: then SQL can join them. */
    public boolean isStateDatabase() {
        return ownPool == null;
    }

    /** The warehouse itself, for the statements that write the target ids of new records back to it. */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void destroy() {
        if (ownPool != null) {
            ownPool.close();
        }
    }
}

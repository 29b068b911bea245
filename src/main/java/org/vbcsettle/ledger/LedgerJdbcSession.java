package org.vbcsettle.ledger;

import akka.japi.function.Function;
import akka.projection.jdbc.JdbcSession;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One transaction of the payout projection: the row changes and the projection's offset are written on
 * this connection and committed together, which is what makes the read side exactly-once.
 */
final class LedgerJdbcSession implements JdbcSession {

    private final Connection connection;

    LedgerJdbcSession(DataSource dataSource) {
        try {
            this.connection = dataSource.getConnection();
            this.connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("payout read side: no database connection: " + e.getMessage(), e);
        }
    }

    @Override
    public <Result> Result withConnection(Function<Connection, Result> func) throws Exception {
        return func.apply(connection);
    }

    @Override
    public void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void rollback() throws SQLException {
        connection.rollback();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

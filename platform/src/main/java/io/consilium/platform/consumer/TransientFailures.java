package io.consilium.platform.consumer;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure of the infrastructure that will pass (the database restarting, a connection cut, no connection
 * free in the pool, a deadlock or serialization failure) from a failure of the event or the code. An event that
 * met the first is not at fault: it must wait for the database, however long, not use up its attempts and end as
 * a dead letter. The fault run (e2e/faults.sh) found that a restart of PostgreSQL dead-lettered the events the
 * consumers were applying at that moment, onto a topic nobody reads.
 */
public final class TransientFailures {

    /** SQLSTATE classes and codes of failures that pass: connection (08), resources (53), operator (57P), retry (40). */
    private static final Set<String> CLASSES = Set.of("08", "53");
    private static final Set<String> CODES = Set.of("57P01", "57P02", "57P03", "40001", "40P01");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (CODES.contains(state) || (state.length() >= 2 && CLASSES.contains(state.substring(0, 2)))) {
                    return true;
                }
            }
            // Hibernate's and Agroal's names for a lost connection or an exhausted pool, whatever the driver said
            String type = t.getClass().getName();
            if (type.equals("org.hibernate.exception.JDBCConnectionException")
                    || type.equals("org.hibernate.exception.LockAcquisitionException")
                    || type.equals("jakarta.persistence.LockTimeoutException")
                    || type.equals("jakarta.persistence.PessimisticLockException")
                    || (t instanceof SQLException && String.valueOf(t.getMessage()).contains("Acquisition timeout"))) {
                return true;
            }
        }
        return false;
    }
}

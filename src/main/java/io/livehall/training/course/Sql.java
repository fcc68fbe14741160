package io.livehall.training.course;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A statement and its parameters, built apart from running it so the scale test can {@code EXPLAIN} exactly the SQL
 * the endpoints run. A null parameter is bound as a null bigint (the only nullable parameter kind here).
 */
record Sql(String text, Map<String, Object> binds) {

    static Sql of(String text, Object... namesAndValues) {
        Map<String, Object> binds = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            binds.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Sql(text, binds);
    }

    DatabaseClient.GenericExecuteSpec on(DatabaseClient db) {
        return on(db, "");
    }

    /** The statement with {@code prefix} (such as {@code explain (format json) }) in front. */
    DatabaseClient.GenericExecuteSpec on(DatabaseClient db, String prefix) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(prefix + text);
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            spec = b.getValue() == null ? spec.bindNull(b.getKey(), Long.class) : spec.bind(b.getKey(), b.getValue());
        }
        return spec;
    }
}

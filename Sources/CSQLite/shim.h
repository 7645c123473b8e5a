#ifndef SCO_CSQLITE_SHIM_H
#define SCO_CSQLITE_SHIM_H

#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro over a cast function pointer, which Swift cannot import.
/// Binding with it makes SQLite copy the bytes before sqlite3_bind_* returns.
static inline sqlite3_destructor_type csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

/// SQLITE_STATIC, for the same reason: SQLite uses the bytes in place until the binding changes.
static inline sqlite3_destructor_type csqlite_static(void) {
    return SQLITE_STATIC;
}

/// sqlite3_db_config is variadic, which Swift cannot call; this covers the (int, int*) options
/// such as SQLITE_DBCONFIG_DQS_DML and SQLITE_DBCONFIG_DEFENSIVE (sqlite.org/c3ref/db_config.html).
static inline int csqlite_db_config_int(sqlite3 *db, int op, int value, int *current) {
    return sqlite3_db_config(db, op, value, current);
}

#endif

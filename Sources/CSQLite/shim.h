#ifndef SCO_CSQLITE_SHIM_H
#define SCO_CSQLITE_SHIM_H

#include <sqlite3.h>
#include <stdint.h>
#include <time.h>

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

/// sqlite3_config is variadic too. SQLITE_CONFIG_MEMSTATUS off: SQLite then keeps no statistics
/// of its memory use, which otherwise takes a process-wide mutex on every allocation and free,
/// a few hundred times a search, from every event loop at once
/// (sqlite.org/c3ref/c_config_covering_index_scan.html#sqliteconfigmemstatus). It must come
/// before SQLite initializes, that is, before the first connection opens; later it is
/// SQLITE_MISUSE and changes nothing.
static inline int csqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/// An FTS5 auxiliary function (sqlite.org/fts5.html#custom_auxiliary_functions):
/// `match_offsets(tbl)` describes the current row's matches as a blob of native 64-bit integers:
/// the number of columns n, the number of phrases in the query, the rows in the table, the
/// tokens in the table, each of the n columns' size in tokens in this row, then four integers
/// for each phrase match in xInst order: phrase number, column, offset of its first token
/// (counted in tokens from the start of the column), and the phrase's length in tokens.
/// A caller that has the column's text finds and marks the matched words itself, without the
/// tokenizer run that highlight() and snippet() make for every row; the sizes let it check that
/// it split the text into the same tokens, and the counts are what bm25 weighs a match by
/// (sqlite.org/fts5.html#xInst, #xColumnSize, #xRowCount, #xColumnTotalSize).
/// `match_offsets(tbl, 0)` leaves the column sizes -1, for a caller that reads them from the
/// `%_docsize` row itself: xColumnSize runs a statement of its own for every row.
static inline void csqlite_fts5_match_offsets(
    const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int argc, sqlite3_value **argv
) {
    (void)argv;
    int withSizes = argc == 0;
    int count = 0;
    int rc = api->xInstCount(fts, &count);
    int columns = api->xColumnCount(fts);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    if (count < 0) count = 0;
    sqlite3_int64 length = 4 + (sqlite3_int64)columns + 4 * (sqlite3_int64)count;
    sqlite3_int64 *values = sqlite3_malloc64(sizeof(sqlite3_int64) * (sqlite3_uint64)length);
    if (values == 0) {
        sqlite3_result_error_nomem(context);
        return;
    }
    values[0] = columns;
    values[1] = api->xPhraseCount(fts);
    // The table's row and token counts are the same for every row of one query, and FTS5
    // reads them from its index anew at each call: they are kept as the query's auxiliary
    // data (sqlite.org/fts5.html#xSetAuxdata) after the first row.
    sqlite3_int64 *totals = api->xGetAuxdata(fts, 0);
    if (totals == 0) {
        sqlite3_int64 counted[2] = { 0, 0 };
        rc = api->xRowCount(fts, &counted[0]);
        if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &counted[1]);
        if (rc == SQLITE_OK) {
            totals = sqlite3_malloc64(sizeof counted);
            if (totals == 0) {
                rc = SQLITE_NOMEM;
            } else {
                totals[0] = counted[0];
                totals[1] = counted[1];
                rc = api->xSetAuxdata(fts, totals, sqlite3_free);
            }
        }
    }
    if (rc == SQLITE_OK) {
        values[2] = totals[0];
        values[3] = totals[1];
    }
    for (int column = 0; column < columns && rc == SQLITE_OK; column++) {
        int size = -1;
        if (withSizes) rc = api->xColumnSize(fts, column, &size);
        values[4 + column] = size;
    }
    sqlite3_int64 *match = values + 4 + columns;
    for (int i = 0; i < count && rc == SQLITE_OK; i++, match += 4) {
        int phrase = 0, column = 0, offset = 0;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        match[0] = phrase;
        match[1] = column;
        match[2] = offset;
        match[3] = rc == SQLITE_OK ? api->xPhraseSize(fts, phrase) : 0;
    }
    if (rc != SQLITE_OK) {
        sqlite3_free(values);
        sqlite3_result_error_code(context, rc);
        return;
    }
    sqlite3_result_blob64(context, values, sizeof(sqlite3_int64) * (sqlite3_uint64)length, sqlite3_free);
}

/// Registers `match_offsets` on `db` through the fts5_api pointer that `SELECT fts5(?1)` hands
/// out (sqlite.org/fts5.html#extending_fts5). Returns an SQLite result code; SQLITE_ERROR when
/// this SQLite has no FTS5.
static inline int csqlite_register_fts5_match_offsets(sqlite3 *db) {
    fts5_api *api = 0;
    sqlite3_stmt *statement = 0;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, 0);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
    if (rc != SQLITE_OK) return rc;
    if (api == 0 || api->iVersion < 2) return SQLITE_ERROR;
    return api->xCreateFunction(api, "match_offsets", 0, csqlite_fts5_match_offsets, 0);
}

/// The name of the VFS every connection opens with (`csqlite_register_vfs`).
#define CSQLITE_VFS_NAME "sco-unix"

/// The longest sleep, in microseconds, that SQLite may take inside a lock attempt.
#define CSQLITE_SLEEP_CAP_US 2000

/// xSleep of `CSQLITE_VFS_NAME`: sleeps at most `CSQLITE_SLEEP_CAP_US`.
///
/// The only sleeps left to the VFS are SQLite's own retries, chiefly the loop that begins a
/// WAL read transaction: when it cannot take a read-mark lock it retries 100 times with delays
/// growing to 0.3 s, close to 10 s in all, and no busy timeout shortens it. Capped, the loop
/// gives up within about 0.2 s with SQLITE_PROTOCOL, which the caller answers as "busy".
/// Waiting on a lock held by another connection is `csqlite_busy_wait`'s, which does not sleep
/// through the VFS.
static int csqlite_capped_sleep(sqlite3_vfs *vfs, int microseconds) {
    (void)vfs;
    int slept = microseconds < CSQLITE_SLEEP_CAP_US ? microseconds : CSQLITE_SLEEP_CAP_US;
    if (slept <= 0) return 0;
    struct timespec interval = { slept / 1000000, (long)(slept % 1000000) * 1000L };
    nanosleep(&interval, 0);
    return slept;
}

/// Registers `CSQLITE_VFS_NAME`, a copy of the default VFS (unix) whose xSleep is
/// `csqlite_capped_sleep`; everything else, locks and shared memory included, is the default's
/// own code and state. Idempotent; returns an SQLite result code.
static inline int csqlite_register_vfs(void) {
    if (sqlite3_vfs_find(CSQLITE_VFS_NAME) != 0) return SQLITE_OK;
    sqlite3_vfs *base = sqlite3_vfs_find(0);
    if (base == 0) return SQLITE_ERROR;
    sqlite3_vfs *vfs = sqlite3_malloc(sizeof *vfs);
    if (vfs == 0) return SQLITE_NOMEM;
    *vfs = *base;
    vfs->pNext = 0;
    vfs->zName = CSQLITE_VFS_NAME;
    vfs->xSleep = csqlite_capped_sleep;
    return sqlite3_vfs_register(vfs, 0);
}

/// A busy handler that waits for a lock up to the timeout in milliseconds passed as `context`,
/// with the delays of SQLite's own (sqlite3_busy_timeout), but sleeping itself rather than
/// through the VFS, whose sleeps `csqlite_capped_sleep` cuts short.
static int csqlite_busy_wait(void *context, int count) {
    static const int delays[] = { 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 };
    static const int totals[] = { 0, 1, 3, 8, 18, 33, 53, 78, 103, 128, 178, 228 };
    const int steps = (int)(sizeof delays / sizeof delays[0]);
    int timeout = (int)(intptr_t)context;
    int delay, prior;
    if (count < steps) {
        delay = delays[count];
        prior = totals[count];
    } else {
        delay = delays[steps - 1];
        prior = totals[steps - 1] + delay * (count - (steps - 1));
    }
    if (prior + delay > timeout) {
        delay = timeout - prior;
        if (delay <= 0) return 0;
    }
    struct timespec interval = { delay / 1000, (long)(delay % 1000) * 1000000L };
    nanosleep(&interval, 0);
    return 1;
}

/// Installs `csqlite_busy_wait` with a timeout of `milliseconds` (0: fail at once).
static inline int csqlite_set_busy_timeout(sqlite3 *db, int milliseconds) {
    if (milliseconds <= 0) return sqlite3_busy_handler(db, 0, 0);
    return sqlite3_busy_handler(db, csqlite_busy_wait, (void *)(intptr_t)milliseconds);
}

#endif

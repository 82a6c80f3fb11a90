#ifndef CREDEAU_CSQLITE_SHIM_H
#define CREDEAU_CSQLITE_SHIM_H
#include <sqlite3.h>

// Stands in for SQLITE_TRANSIENT, a function-pointer cast macro Swift cannot import: it tells
// SQLite to copy bound text before the bind call returns.
static inline sqlite3_destructor_type credeau_sqlite_transient(void) { return SQLITE_TRANSIENT; }

// Stands in for SQLITE_STATIC: SQLite reads bound text in place, so the caller keeps the bytes
// alive and unchanged until the statement is reset or rebound.
static inline sqlite3_destructor_type credeau_sqlite_static(void) { return SQLITE_STATIC; }
#endif

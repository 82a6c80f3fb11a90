#ifndef CSTARTUP_H
#define CSTARTUP_H

/// Returns 1. Referencing it keeps the object file, and with it the .preinit_array entry that
/// removes a stale libmongoc counters segment before libmongoc's constructor runs.
int credeau_startup_linked(void);

#endif

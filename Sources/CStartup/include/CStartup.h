#ifndef CSTARTUP_H
#define CSTARTUP_H

/// Returns 1. Referencing it keeps the object file, and with it the .preinit_array entry that
/// removes a stale libmongoc counters segment before libmongoc's constructor runs.
int credeau_startup_linked(void);

/// Makes glibc malloc keep freed memory up to `max_bytes` for reuse: blocks below that size come
/// from the heap instead of their own mmap, and the heap is trimmed only beyond it. A service that
/// allocates and frees megabyte buffers per request then stops returning the pages to the kernel
/// (madvise) and faulting them in again on the next request. Returns 1 when glibc accepted both
/// settings (M_MMAP_THRESHOLD allows at most 32 MiB on 64-bit systems), 0 otherwise.
int credeau_keep_freed_memory(int max_bytes);

#endif

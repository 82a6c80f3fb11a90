// glibc malloc settings for the long-running services.

#include <malloc.h>
#include "CStartup.h"

int credeau_keep_freed_memory(int max_bytes) {
    // Setting either value turns off glibc's dynamic mmap threshold (mallopt(3)), so both are
    // set. A block below max_bytes then comes from the heap, and free memory at the top of a
    // heap is given back to the kernel only once it exceeds max_bytes.
    int mmap_set = mallopt(M_MMAP_THRESHOLD, max_bytes);
    int trim_set = mallopt(M_TRIM_THRESHOLD, max_bytes);
    return mmap_set == 1 && trim_set == 1;
}

// Removes a stale libmongoc counters segment from the executable's .preinit_array, which runs
// before any shared library's constructor.
//
// Debian's libmongoc calls mongoc_init() from its constructor, and that creates the shared-memory
// segment /dev/shm/mongoc-<pid>. A process killed by a signal leaves its segment behind, and a
// later process with the same pid then prints "Falling back to malloc for counters." on stderr.
// No live process in this pid namespace can own a segment named after our pid, so it is removed.
//
// When another user owns the segment, /dev/shm's sticky bit forbids the removal. The process then
// executes itself again (same pid) with MONGOC_DISABLE_SHM=1, so libmongoc keeps its counters in
// ordinary memory. Calling setenv() here had no effect with glibc 2.36.

#include <errno.h>
#include <malloc.h>
#include <unistd.h>
#include "CStartup.h"

static const char disable_variable[] = "MONGOC_DISABLE_SHM=1";

static int names_disable_variable(const char *entry) {
    static const char name[] = "MONGOC_DISABLE_SHM=";
    for (int index = 0; name[index] != '\0'; index++) {
        if (entry[index] != name[index]) return 0;
    }
    return 1;
}

static void execute_without_shared_counters(char **argv, char **envp) {
    if (argv == NULL || envp == NULL) return;
    // getenv() does not work yet, so the environment is searched by hand. Finding the variable
    // also ends the chain after one execve.
    size_t count = 0;
    for (; envp[count] != NULL; count++) {
        if (names_disable_variable(envp[count])) return;
    }
    if (count > 65536) return;
    char *environment[count + 2];
    for (size_t index = 0; index < count; index++) environment[index] = envp[index];
    environment[count] = (char *)disable_variable;
    environment[count + 1] = NULL;
    execve("/proc/self/exe", argv, environment);
    // If execve fails, the process goes on and libmongoc prints its warning.
}

static void credeau_preinit(int argc, char **argv, char **envp) {
    (void)argc;
    // The path is formatted by hand because stdio is not initialised yet.
    static const char prefix[] = "/dev/shm/mongoc-";
    char path[sizeof prefix + 24];
    char digits[24];
    int count = 0;
    unsigned long pid = (unsigned long)getpid();
    do {
        digits[count++] = (char)('0' + pid % 10);
        pid /= 10;
    } while (pid != 0 && count < (int)sizeof digits);
    int length = 0;
    for (; prefix[length] != '\0'; length++) path[length] = prefix[length];
    while (count > 0) path[length++] = digits[--count];
    path[length] = '\0';
    if (unlink(path) != 0 && (errno == EPERM || errno == EACCES)) {
        execute_without_shared_counters(argv, envp);
    }
}

__attribute__((section(".preinit_array"), used))
static void (*const credeau_preinit_entry)(int, char **, char **) = credeau_preinit;

int credeau_startup_linked(void) { return 1; }

// Kept in this file because valgrind 3.19 cannot read the DWARF 5 debug information of a second
// C file in the executable, and the callgrind benchmark recipe runs under valgrind.
int credeau_keep_freed_memory(int max_bytes) {
    // Setting either value turns off glibc's dynamic mmap threshold (mallopt(3)), so both are
    // set. A block below max_bytes then comes from the heap, and free memory at the top of a
    // heap is given back to the kernel only once it exceeds max_bytes.
    int mmap_set = mallopt(M_MMAP_THRESHOLD, max_bytes);
    int trim_set = mallopt(M_TRIM_THRESHOLD, max_bytes);
    return mmap_set == 1 && trim_set == 1;
}

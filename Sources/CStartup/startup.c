// Removes a stale libmongoc counters segment from the executable's .preinit_array, which runs
// before any shared library's constructor.
//
// Debian's libmongoc calls mongoc_init() from its constructor, and that creates the shared-memory
// segment /dev/shm/mongoc-<pid>. A process killed by a signal leaves its segment behind, and a
// later process with the same pid then prints "Falling back to malloc for counters." on stderr.
// No live process in this pid namespace can own a segment named after our pid.
// Setting MONGOC_DISABLE_SHM here instead had no effect with glibc 2.36.

#include <unistd.h>
#include "CStartup.h"

static void credeau_preinit(int argc, char **argv, char **envp) {
    (void)argc;
    (void)argv;
    (void)envp;
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
    unlink(path);
}

__attribute__((section(".preinit_array"), used))
static void (*const credeau_preinit_entry)(int, char **, char **) = credeau_preinit;

int credeau_startup_linked(void) { return 1; }

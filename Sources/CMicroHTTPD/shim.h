#ifndef CREDEAU_CMICROHTTPD_SHIM_H
#define CREDEAU_CMICROHTTPD_SHIM_H
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <microhttpd.h>
#include <malloc.h>

// Receives each message libmicrohttpd logs, formatted and without its trailing newline.
typedef void (*credeau_mhd_message_handler)(void *context, const char *message);

// The destination of libmicrohttpd's messages, which it would otherwise print to standard error.
struct credeau_mhd_logger {
    credeau_mhd_message_handler handler;
    void *context;
};

// The MHD_OPTION_EXTERNAL_LOGGER callback: formats the message (cut at 511 bytes) and passes it on.
static inline void credeau_mhd_log(void *cls, const char *format, va_list arguments) {
    const struct credeau_mhd_logger *logger = cls;
    char message[512];
    vsnprintf(message, sizeof message, format, arguments);
    size_t length = strlen(message);
    while (length > 0 && message[length - 1] == '\n') {
        message[--length] = '\0';
    }
    logger->handler(logger->context, message);
}

// The application's callbacks about connections, as opposed to requests.
struct credeau_mhd_connection_callbacks {
    // Called after accept() with the client's address; MHD_NO closes the connection at once.
    MHD_AcceptPolicyCallback accept;
    // Called when a connection starts and when it closes (MHD_CONNECTION_NOTIFY_STARTED, _CLOSED).
    MHD_NotifyConnectionCallback notify;
    void *context;
};

// Stands in for the variadic MHD_start_daemon: an epoll daemon with a thread pool of
// `threads` I/O threads that may suspend a connection while another thread runs its handler
// (MHD_ALLOW_SUSPEND_RESUME), bound to `host` (IPv4 dotted quad) and
// `port` (MHD binds before returning, so the address may live on the stack). `connection_timeout` closes idle or slow connections after that many seconds;
// `memory_limit` caps the per-connection buffer for headers. `connection_limit` is libmicrohttpd's
// own cap on open connections, which it divides evenly among the I/O threads. A thread at its
// share stops accepting, so new connections wait in the listen backlog without any callback.
// `connections` receives every accepted connection first and may close it. Returns NULL when the
// address is invalid or the daemon cannot start (port in use, no permission). `logger` then has
// received libmicrohttpd's reason. It must stay valid until the daemon stops.
static inline struct MHD_Daemon *credeau_mhd_start(
    const char *host, uint16_t port, unsigned int threads, unsigned int connection_timeout,
    size_t memory_limit, unsigned int connection_limit, MHD_AccessHandlerCallback handler, void *handler_cls,
    MHD_RequestCompletedCallback completed, void *completed_cls, struct credeau_mhd_connection_callbacks connections,
    struct credeau_mhd_logger *logger) {
    struct sockaddr_in local;
    memset(&local, 0, sizeof(local));
    local.sin_family = AF_INET;
    local.sin_port = htons(port);
    if (inet_pton(AF_INET, host, &local.sin_addr) != 1) {
        return NULL;
    }
    unsigned int flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
    return MHD_start_daemon(
        flags, port, connections.accept, connections.context, handler, handler_cls,
        // The logger goes first: libmicrohttpd warns otherwise, because messages about earlier options
        // would reach its default logger.
        MHD_OPTION_EXTERNAL_LOGGER, credeau_mhd_log, (void *)logger,
        MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)&local,
        MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, memory_limit,
        MHD_OPTION_CONNECTION_LIMIT, connection_limit,
        MHD_OPTION_NOTIFY_COMPLETED, completed, completed_cls,
        MHD_OPTION_NOTIFY_CONNECTION, connections.notify, connections.context,
        MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned int)1024,
        MHD_OPTION_END);
}

// Returns the IPv4 address of `address` in host byte order plus one, or 0 when it is not IPv4,
// so that 0 can mean "unknown" in a per-client count.
static inline uint64_t credeau_ipv4_key(const struct sockaddr *address) {
    if (address == NULL || address->sa_family != AF_INET) {
        return 0;
    }
    return (uint64_t)ntohl(((const struct sockaddr_in *)address)->sin_addr.s_addr) + 1;
}

// Returns credeau_ipv4_key of the client of `connection`.
static inline uint64_t credeau_mhd_client_ipv4_key(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? 0 : credeau_ipv4_key(info->client_addr);
}

// Returns whether a connection notification reports a new connection rather than a closed one.
static inline int credeau_mhd_notify_is_start(enum MHD_ConnectionNotificationCode code) {
    return code == MHD_CONNECTION_NOTIFY_STARTED;
}

// Stands in for the variadic MHD_get_connection_info with MHD_CONNECTION_INFO_CLIENT_ADDRESS:
// writes the client's address as text into `buffer` (empty when unknown).
static inline void credeau_mhd_client_address(struct MHD_Connection *connection, char *buffer, size_t size) {
    buffer[0] = '\0';
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info == NULL || info->client_addr == NULL) {
        return;
    }
    const struct sockaddr *address = info->client_addr;
    if (address->sa_family == AF_INET) {
        inet_ntop(AF_INET, &((const struct sockaddr_in *)address)->sin_addr, buffer, (socklen_t)size);
    } else if (address->sa_family == AF_INET6) {
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)address)->sin6_addr, buffer, (socklen_t)size);
    }
}

// Stands in for MHD_get_daemon_info's listening port (variadic in C): the port actually bound,
// useful when the daemon was started on port 0.
static inline uint16_t credeau_mhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}
// libmicrohttpd's closed C enums import into Swift without their constant names; these return them.
static inline enum MHD_Result credeau_mhd_yes(void) { return MHD_YES; }
static inline enum MHD_Result credeau_mhd_no(void) { return MHD_NO; }
static inline enum MHD_ValueKind credeau_mhd_header_kind(void) { return MHD_HEADER_KIND; }
static inline enum MHD_ValueKind credeau_mhd_argument_kind(void) { return MHD_GET_ARGUMENT_KIND; }
static inline enum MHD_ResponseMemoryMode credeau_mhd_must_copy(void) { return MHD_RESPMEM_MUST_COPY; }

// Gives the free memory of every malloc arena back to the kernel; returns 1 when some was given.
// The services raise glibc's trim threshold for speed under load (credeau_keep_freed_memory), so
// they call this once they are idle.
static inline int credeau_malloc_trim(void) { return malloc_trim(0); }
#endif

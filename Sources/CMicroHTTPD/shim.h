#ifndef CREDEAU_CMICROHTTPD_SHIM_H
#define CREDEAU_CMICROHTTPD_SHIM_H
#include <sys/types.h>
#include <sys/socket.h>
#include <stdarg.h>
#include <stdint.h>
#include <microhttpd.h>
#endif

#ifndef CREDEAU_CLIBPQ_SHIM_H
#define CREDEAU_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif

#ifndef CREDEAU_CZLIB_SHIM_H
#define CREDEAU_CZLIB_SHIM_H
#include <zlib.h>
#endif

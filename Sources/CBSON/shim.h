#ifndef CREDEAU_CBSON_SHIM_H
#define CREDEAU_CBSON_SHIM_H
#include <bson/bson.h>
#endif

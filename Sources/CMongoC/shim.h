#ifndef CREDEAU_CMONGOC_SHIM_H
#define CREDEAU_CMONGOC_SHIM_H
#include <bson/bson.h>
#include <mongoc/mongoc.h>
#endif

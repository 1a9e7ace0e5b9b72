// The part of libxml2 that Limpide uses (XML and HTML parsers, the tree, canonical XML).
//
// Debian's libxml2 is built with ICU, and its headers then include the system ICU, whose
// `UErrorCode` clashes with Foundation's own copy in any Swift module that sees both. Limpide
// never uses libxml2's ICU support: read the version header first and hide it.
#ifndef LIMPIDE_CLIBXML2_SHIM_H
#define LIMPIDE_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/entities.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlmemory.h>
#include <libxml/c14n.h>

/// `xmlFree` is a macro-like global function pointer that Swift cannot call directly.
static inline void limpide_xml_free(void *pointer) { xmlFree(pointer); }

#endif

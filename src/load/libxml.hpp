// libxml2, loaded when the first HTML page is read (dlopen of the shared library), not when the
// program starts: loading it and the libraries it needs (ICU, liblzma, zlib) cost every run of
// timeliner about 3 ms of start-up, though only HTML input uses it.
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

namespace timeliner::xml {

// The libxml2 functions the HTML reader calls, resolved from the shared library.
struct Functions {
  decltype(&::htmlReadMemory) read_memory;
  decltype(&::xmlFreeDoc) free_doc;
  decltype(&::xmlDocGetRootElement) root_element;
  decltype(&::xmlNodeListGetString) node_list_string;
  decltype(&::xmlNodeGetContent) node_content;
  xmlFreeFunc free;  // libxml2's deallocator, for the strings the two above return
};

// Loads libxml2 on the first call (thread-safe) and initialises its parser. Throws LoadError
// ("reading HTML needs libxml2 ...") when the library or one of its functions is missing.
const Functions& functions();

}  // namespace timeliner::xml

#include "libxml.hpp"

#include <timeliner/load.hpp>

#include <dlfcn.h>

#include <mutex>
#include <string>

namespace timeliner::xml {
namespace {

// The soname of libxml2 2.x (Debian: package libxml2).
constexpr const char* library_name = "libxml2.so.2";

[[noreturn]] void missing(const std::string& what) {
  throw LoadError("reading HTML needs libxml2 (" + std::string(library_name) + ", Debian package libxml2): " + what);
}

template <typename T>
T symbol(void* library, const char* name) {
  void* address = dlsym(library, name);
  if (!address) missing(std::string("no symbol ") + name);
  return reinterpret_cast<T>(address);
}

Functions load() {
  void* library = dlopen(library_name, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char* error = dlerror();
    missing(error ? error : "not found");
  }
  // Kept loaded for the life of the process: the functions below point into it.
  Functions f{};
  f.read_memory = symbol<decltype(f.read_memory)>(library, "htmlReadMemory");
  f.free_doc = symbol<decltype(f.free_doc)>(library, "xmlFreeDoc");
  f.root_element = symbol<decltype(f.root_element)>(library, "xmlDocGetRootElement");
  f.node_list_string = symbol<decltype(f.node_list_string)>(library, "xmlNodeListGetString");
  f.node_content = symbol<decltype(f.node_content)>(library, "xmlNodeGetContent");
  // xmlFree is a variable holding the deallocator (set by xmlInitParser or xmlMemSetup).
  auto* free_variable = symbol<xmlFreeFunc*>(library, "xmlFree");
  symbol<void (*)()>(library, "xmlInitParser")();
  f.free = *free_variable;
  return f;
}

}  // namespace

const Functions& functions() {
  // A failed load throws out of call_once, which then runs again on the next call.
  static Functions f{};
  static std::once_flag once;
  std::call_once(once, [] { f = load(); });
  return f;
}

}  // namespace timeliner::xml

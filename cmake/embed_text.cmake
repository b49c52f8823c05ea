# Writes OUTPUT, a C++ file defining `const char* const NAMESPACE::SYMBOL` as the text of the files
# INPUTS (a ;-list), in order, as one raw string. With FILE_HEADERS, each file is preceded by a line
# "# file: NAME" (the grammar's comment syntax, so that errors can name the file). The output is
# always written, so that it is newer than its inputs and the build does not run this again.
#   cmake -DOUTPUT=... "-DINPUTS=a;b" -DNAMESPACE=timeliner::grammar -DSYMBOL=kEnglishSource
#         [-DFILE_HEADERS=ON] -P cmake/embed_text.cmake
set(delimiter "TLEMBED")
set(text "")
foreach(f IN LISTS INPUTS)
  file(READ "${f}" part)
  if(FILE_HEADERS)
    get_filename_component(name "${f}" NAME)
    string(APPEND text "# file: ${name}\n${part}\n")
  else()
    string(APPEND text "${part}")
  endif()
endforeach()
string(FIND "${text}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUTS} contain the raw string delimiter )${delimiter}\"")
endif()
set(content "// Generated from ${INPUTS} by cmake/embed_text.cmake. Do not edit.\n")
string(APPEND content "namespace ${NAMESPACE} {\nextern const char* const ${SYMBOL};\n")
string(APPEND content "const char* const ${SYMBOL} = R\"${delimiter}(${text})${delimiter}\";\n}\n")
file(WRITE "${OUTPUT}" "${content}")

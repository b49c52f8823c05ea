// The English model bundled into the library: models/en-ewt.tlm (made by tools/train, see
// docs/parser.md; trained on UD English EWT, CC BY-SA 4.0, see models/README.md), embedded at build
// time. Its bytes are mapped with the program and read on the first call of Model::english() only:
// commands that build no events never touch them.
#include "nlp/model.hpp"

#include <timeliner/nlp.hpp>

#ifndef TIMELINER_MODEL_FILE
#error "TIMELINER_MODEL_FILE names the model file to embed"
#endif

__asm__(
    ".pushsection .rodata.timeliner_model,\"a\",@progbits\n"
    ".balign 64\n"
    ".globl timeliner_model_en_begin\n"
    ".hidden timeliner_model_en_begin\n"
    "timeliner_model_en_begin:\n"
    ".incbin \"" TIMELINER_MODEL_FILE
    "\"\n"
    ".globl timeliner_model_en_end\n"
    ".hidden timeliner_model_en_end\n"
    "timeliner_model_en_end:\n"
    ".popsection\n");

extern "C" const char timeliner_model_en_begin[];
extern "C" const char timeliner_model_en_end[];

namespace timeliner::nlp {

const Model& Model::english() {
  static const Model model(
      std::string_view(timeliner_model_en_begin, static_cast<std::size_t>(timeliner_model_en_end - timeliner_model_en_begin)));
  return model;
}

}  // namespace timeliner::nlp

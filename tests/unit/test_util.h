// Shared helpers for hadath's unit tests: one Lexicon/Engine per process.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "hadath/engine.h"
#include "lexicon/lexicon.h"

namespace hadath::testing {

inline const Lexicon& TestLexicon() {
  static const Lexicon* lex = [] {
    auto* l = new Lexicon();
    Status st = l->Load(HADATH_TEST_DATA_DIR);
    if (!st.ok()) {
      ADD_FAILURE() << st.ToString();
    }
    return l;
  }();
  return *lex;
}

inline const Engine& TestEngine() {
  static const Engine* eng = [] {
    EngineOptions opt;
    opt.data_dir = HADATH_TEST_DATA_DIR;
    std::unique_ptr<Engine> e;
    Status st = Engine::Open(opt, &e);
    if (!st.ok()) ADD_FAILURE() << st.ToString();
    return e.release();
  }();
  return *eng;
}

}  // namespace hadath::testing

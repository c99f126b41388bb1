// src/prove/lemmas.hpp: the size-generic family lemmas (SMT-LIB2 text, proved by Z3 from that
// same text, exported under proofs/).
#pragma once

#include "permeq/prove/prover.hpp"

#include <string_view>
#include <vector>

namespace permeq::prove {

[[nodiscard]] const std::vector<Lemma>& lemmas();
[[nodiscard]] const Lemma* find_lemma(std::string_view id);

}  // namespace permeq::prove

// src/prove/isolated_check.hpp: a solver check in a forked child process, stopped at its CPU
// limit by the kernel and killed at a wall-clock deadline, for the deep whole-graph queries a
// long-lived process must never wait on.
#pragma once

#include "permeq/core/rational.hpp"
#include "permeq/prove/prover.hpp"

#include <z3++.h>

#include <optional>
#include <string>
#include <vector>

namespace permeq::prove {

/// What a solver answered in a child process, with the values of the requested terms on sat
/// (nullopt where a value is not rational).
struct IsolatedAnswer {
  z3::check_result answer = z3::unknown;
  std::string reason;
  std::vector<std::optional<Rational>> values;
};

/// solver.check() in a forked child that is killed at the time limit. In a long-lived process
/// Z3 has been seen to run on far past both its timer and an interrupt on deep nonlinear
/// queries (the whole-graph ones); a child can always be stopped, so the caller always gets an
/// answer, "unknown" at worst.
[[nodiscard]] IsolatedAnswer check_isolated(z3::solver& solver, const std::vector<z3::expr>& terms, const ProofLimits& limits);

/// The rational value of `symbol` in `model`; nullopt for an algebraic number.
[[nodiscard]] std::optional<Rational> model_value(const z3::model& model, const z3::expr& symbol);

}  // namespace permeq::prove

// Runs a Z3 check in this process under a limit on the solver's CPU time.
//
// Z3's own `timeout` parameter is not used: in Z3 4.8.12 (Debian 12) its timer thread pool can
// deadlock once a timer has fired (Z3Prover/z3#5371, #5990), which hung a test run for over an
// hour. A watcher thread measures the checking thread's CPU time and interrupts the context,
// which is the same cancellation Z3's timer would trigger; measuring CPU time rather than wall
// time also keeps verdicts independent of how loaded the machine is.
#pragma once

#include <z3++.h>

#include <string>

namespace permeq::prove {

/// How many times its CPU limit a check may run on the wall clock before it is interrupted
/// anyway (a machine shared with other work).
inline constexpr unsigned wall_factor = 4;

struct LimitedAnswer {
  z3::check_result answer = z3::unknown;
  std::string reason;  ///< why the answer is unknown: the limit that was reached, or the solver's own reason
};

/// solver.check() stopped after `cpu_ms` of this thread's CPU time (or wall_factor times that
/// on the wall clock, whichever comes first).
[[nodiscard]] LimitedAnswer check_within(z3::solver& solver, unsigned cpu_ms);

}  // namespace permeq::prove

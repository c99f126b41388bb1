#include "src/prove/isolated_check.hpp"

#include "src/prove/limited_check.hpp"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <sstream>

#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace permeq::prove {

IsolatedAnswer check_isolated(z3::solver& solver, const std::vector<z3::expr>& terms, const ProofLimits& limits) {
  IsolatedAnswer result;
  int fds[2];
  if (pipe(fds) != 0) {
    result.reason = "no pipe for the solver process";
    return result;
  }
  std::fflush(nullptr);
  const pid_t child = fork();
  if (child < 0) {
    close(fds[0]);
    close(fds[1]);
    result.reason = "no process for the solver";
    return result;
  }
  if (child == 0) {
    close(fds[0]);
    // The limit is the solver's CPU time, so that a loaded machine gets the same answers: the
    // kernel stops the child at the limit (SIGXCPU, whole seconds), Z3's own wall-clock timer
    // only far beyond it.
    // Z3's own timer is not started here either: its thread pool was copied mid-state by fork.
    std::signal(SIGXCPU, [](int) { _exit(0); });
    const rlim_t cpu_seconds = (limits.timeout_ms + 999) / 1000;
    const rlimit cpu{cpu_seconds, cpu_seconds + 1};
    setrlimit(RLIMIT_CPU, &cpu);
    std::string out;
    try {
      const auto answer = solver.check();
      out = answer == z3::unsat ? "unsat\n" : answer == z3::sat ? "sat\n" : "unknown " + solver.reason_unknown() + "\n";
      if (answer == z3::sat) {
        const z3::model model = solver.get_model();
        for (const auto& t : terms) {
          const auto v = model_value(model, t);
          out += v ? to_string(*v) + "\n" : "?\n";
        }
      }
    } catch (...) {
      out = "unknown solver error\n";
    }
    for (std::size_t written = 0; written < out.size();) {
      const auto n = write(fds[1], out.data() + written, out.size() - written);
      if (n <= 0) break;
      written += static_cast<std::size_t>(n);
    }
    _exit(0);
  }
  close(fds[1]);
  std::string text;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wall_factor * limits.timeout_ms + 1000);
  bool finished = false;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) break;
    pollfd p{fds[0], POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
    char buffer[4096];
    const auto n = read(fds[0], buffer, sizeof buffer);
    if (n <= 0) {
      finished = true;
      break;
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  if (!finished) kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  if (!finished) {
    result.reason = "timeout (the solver process was stopped at " + std::to_string(limits.timeout_ms) + " ms)";
    return result;
  }
  std::istringstream lines(text);
  std::string line;
  std::getline(lines, line);
  if (line == "unsat") result.answer = z3::unsat;
  else if (line == "sat") {
    result.answer = z3::sat;
    while (std::getline(lines, line)) result.values.push_back(line == "?" ? std::nullopt : std::optional<Rational>(parse_rational(line)));
    if (result.values.size() != terms.size()) {
      result.answer = z3::unknown;
      result.reason = "the solver process's answer was cut short";
    }
  } else {
    result.reason = line.empty() ? "the solver process ended without an answer" : line.substr(line.find(' ') + 1);
  }
  return result;
}

std::optional<Rational> model_value(const z3::model& model, const z3::expr& symbol) {
  const z3::expr value = model.eval(symbol, true);
  std::string text;
  if (!value.is_numeral(text)) return std::nullopt;  // an algebraic number: not rational
  if (text.find('?') != std::string::npos) return std::nullopt;
  return parse_rational(text);
}

}  // namespace permeq::prove

#include "src/prove/limited_check.hpp"

#include <pthread.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace permeq::prove {

namespace {

std::chrono::nanoseconds cpu_time(clockid_t clock) {
  timespec ts{};
  if (clock_gettime(clock, &ts) != 0) return std::chrono::nanoseconds::zero();
  return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}

}  // namespace

LimitedAnswer check_within(z3::solver& solver, unsigned cpu_ms) {
  clockid_t clock{};
  const bool have_cpu_clock = pthread_getcpuclockid(pthread_self(), &clock) == 0;
  const auto cpu_start = have_cpu_clock ? cpu_time(clock) : std::chrono::nanoseconds::zero();
  const auto cpu_limit = std::chrono::milliseconds(cpu_ms);
  const auto wall_deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(std::uint64_t{wall_factor} * cpu_ms);

  std::mutex mutex;
  std::condition_variable finished_signal;
  bool finished = false;
  std::string stopped_by;
  z3::context& ctx = solver.ctx();
  std::thread watcher([&] {
    std::unique_lock lock(mutex);
    while (!finished) {
      const auto cpu_used = have_cpu_clock ? cpu_time(clock) - cpu_start : std::chrono::nanoseconds::zero();
      const auto now = std::chrono::steady_clock::now();
      if (stopped_by.empty() && have_cpu_clock && cpu_used >= cpu_limit)
        stopped_by = "timeout: " + std::to_string(cpu_ms) + " ms of solver CPU time";
      else if (stopped_by.empty() && now >= wall_deadline)
        stopped_by = "timeout: " + std::to_string(std::uint64_t{wall_factor} * cpu_ms) + " ms of wall-clock time";
      // An interrupt that arrives before the check has started is lost, so it is repeated until
      // the check reports back.
      if (!stopped_by.empty()) ctx.interrupt();
      const auto cpu_left = std::chrono::duration_cast<std::chrono::nanoseconds>(cpu_limit) - cpu_used;
      auto wait = std::min<std::chrono::nanoseconds>({std::chrono::milliseconds(20), std::max(cpu_left, std::chrono::nanoseconds(200'000)),
                                                      std::max<std::chrono::nanoseconds>(wall_deadline - now, std::chrono::nanoseconds(200'000))});
      if (!stopped_by.empty()) wait = std::chrono::milliseconds(5);
      finished_signal.wait_for(lock, wait);
    }
  });
  LimitedAnswer result;
  try {
    result.answer = solver.check();
  } catch (...) {
    {
      const std::lock_guard lock(mutex);
      finished = true;
    }
    finished_signal.notify_one();
    watcher.join();
    throw;
  }
  {
    const std::lock_guard lock(mutex);
    finished = true;
  }
  finished_signal.notify_one();
  watcher.join();
  if (result.answer == z3::unknown) {
    result.reason = stopped_by.empty() ? solver.reason_unknown() : stopped_by;
  }
  return result;
}

}  // namespace permeq::prove

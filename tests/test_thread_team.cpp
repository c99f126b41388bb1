// The thread team behind the numeric kernels (src/core/thread_team.hpp): every item runs exactly
// once, exceptions reach the caller, nested loops and loops from other threads run alone, and
// the team keeps working after all of these.
#include "src/core/thread_team.hpp"

#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace permeq;

namespace {
/// Runs a loop of `count` items on `threads` threads; true when each ran exactly once.
bool each_once(std::int64_t count, int threads) {
  std::vector<std::atomic<int>> runs(static_cast<std::size_t>(count));
  parallel_for(count, threads, [&](std::int64_t i) { runs[static_cast<std::size_t>(i)].fetch_add(1); });
  for (const auto& r : runs)
    if (r.load() != 1) return false;
  return true;
}
}  // namespace

TEST_CASE("thread team: every item of a loop runs exactly once, for any count and thread count") {
  start_team(4);
  for (const int threads : {1, 2, 3, 4})
    for (const std::int64_t count : {0, 1, 2, 3, 7, 64, 1000}) {
      CAPTURE(threads);
      CAPTURE(count);
      CHECK(each_once(count, threads));
    }
  // Many short loops back to back: workers that wake late must not run a finished loop's items.
  std::int64_t total = 0;
  for (int loop = 0; loop < 2000; ++loop) {
    std::atomic<std::int64_t> sum{0};
    parallel_for(5, 2, [&](std::int64_t i) { sum.fetch_add(i + 1); });
    total += sum.load();
  }
  CHECK(total == 2000 * 15);
}

TEST_CASE("thread team: a body's exception reaches the caller, and the team still works") {
  std::atomic<int> ran{0};
  CHECK_THROWS_AS(parallel_for(16, 2,
                               [&](std::int64_t i) {
                                 ran.fetch_add(1);
                                 if (i == 5) throw std::runtime_error("item 5");
                               }),
                  std::runtime_error);
  CHECK(ran.load() == 16);  // the other items still ran
  CHECK(each_once(100, 2));
}

TEST_CASE("thread team: nested loops run on their caller's thread, and so do loops from a second thread") {
  CHECK_FALSE(inside_parallel_for());
  std::atomic<int> nested_inside{0}, inner_items{0};
  parallel_for(4, 2, [&](std::int64_t) {
    if (inside_parallel_for()) nested_inside.fetch_add(1);
    const auto self = std::this_thread::get_id();
    std::atomic<int> elsewhere{0};
    parallel_for(8, 2, [&](std::int64_t) {
      inner_items.fetch_add(1);
      if (std::this_thread::get_id() != self) elsewhere.fetch_add(1);
    });
    CHECK(elsewhere.load() == 0);
  });
  CHECK(nested_inside.load() == 4);
  CHECK(inner_items.load() == 32);
  CHECK_FALSE(inside_parallel_for());

  // Two program threads using the team at once: both loops complete, each item once.
  std::atomic<bool> a_ok{false}, b_ok{false};
  std::thread a([&] {
    bool ok = true;
    for (int loop = 0; loop < 200; ++loop) ok = ok && each_once(33, 2);
    a_ok = ok;
  });
  std::thread b([&] {
    bool ok = true;
    for (int loop = 0; loop < 200; ++loop) ok = ok && each_once(17, 2);
    b_ok = ok;
  });
  a.join();
  b.join();
  CHECK(a_ok.load());
  CHECK(b_ok.load());
}

TEST_CASE("thread team: a child process made by fork() after the team ran gets a working team of its own") {
  start_team(2);
  REQUIRE(each_once(64, 2));
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // The parent's workers do not exist here: loops must still run every item, on new workers.
    bool ok = true;
    for (int loop = 0; loop < 50; ++loop) ok = ok && each_once(40, 2);
    // Eight items of 20 ms: a worker of the child's own team takes some of them (the inherited
    // team's workers would never come, leaving all to the caller).
    const auto self = std::this_thread::get_id();
    std::atomic<int> elsewhere{0};
    parallel_for(8, 2, [&](std::int64_t) {
      if (std::this_thread::get_id() != self) elsewhere.fetch_add(1);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    });
    _exit(!ok ? 3 : elsewhere.load() == 0 ? 4 : 0);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(each_once(64, 2));
}

// src/core/thread_team.hpp: the threads the numeric kernels split their work over. A persistent
// team of workers, woken for each parallel loop, where the calling thread never waits for a
// worker that has not started: the loop's items are claimed one by one, and the caller returns
// once every claimed item is done. On a quiet machine the workers are spinning and join within
// microseconds; when another process holds a core, the caller does the items itself instead of
// waiting at a barrier for a descheduled thread (an OpenMP fork and join costs up to a scheduler
// time slice then: BERT-base's numeric check ran 4x slower on two threads than on one).
#pragma once

#include <cstdint>
#include <type_traits>

namespace permeq {

namespace detail {
void run_parallel(std::int64_t count, int threads, void (*call)(void*, std::int64_t), void* body);
}  // namespace detail

/// Runs body(i) for every i in [0, count), on the calling thread and up to `threads - 1` workers
/// of the team, each item on one thread, in no fixed order; returns when all are done and
/// rethrows the first exception a body threw. Inside a body (or while another thread runs a
/// loop on the team) the loop runs on its caller's thread alone.
template <class Body>
void parallel_for(std::int64_t count, int threads, Body&& body) {
  using Plain = std::remove_reference_t<Body>;
  detail::run_parallel(count, threads, [](void* b, std::int64_t i) { (*static_cast<Plain*>(b))(i); },
                       const_cast<void*>(static_cast<const void*>(&body)));
}

/// True on a thread running a parallel_for body.
[[nodiscard]] bool inside_parallel_for();

/// Starts workers now so that at least `threads - 1` exist (otherwise they start at first use).
void start_team(int threads);

}  // namespace permeq

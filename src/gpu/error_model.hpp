// src/gpu/error_model.hpp: the numeric engine's rounding tolerance when its kernels run on a GPU.
//
// The CPU model (src/check/numeric_engine.cpp): the two sides of a node's test compute the same
// real numbers and differ only by rounding, each side by at most about (K + 4) u M per element
// (u the unit roundoff, K the reduction length, M the magnitude of the terms); the engine allows a
// factor (--tolerance, default 8) times that. What changes on the device, and the bound used:
//
// - Reduction order. cuBLAS splits and tiles its sums (split-K, tensor-core fragments) and the
//   row kernels add in a tree. The first-order bound on a sum of K terms in floating point,
//   |fl(s) - s| <= gamma(K - 1) sum |terms| with gamma(j) = j u / (1 - j u), holds for every
//   order of summation (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., section
//   4.2): no new term.
// - FMA contraction (a * b + c rounded once): each step of the sum then commits one rounding
//   where the bound allows two, so the bound holds as it is (Higham, section 2.6).
// - Rounding. Hardware accumulation has been measured to truncate, or to align addends with
//   fewer guard bits, instead of rounding to nearest (Fasi, Higham, Mikaitis and Pranesh,
//   "Numerical behavior of NVIDIA tensor cores", PeerJ CS 2021): an error of up to 2u per step
//   instead of u. CUDA's expf is within 2 ulp (CUDA C Programming Guide, mathematical functions),
//   sqrtf and division round correctly (nvcc's defaults -prec-sqrt=true -prec-div=true).
//
// The device model is therefore the CPU one with u replaced by 2u: every first-order term of the
// CPU bound at most doubles, in any order and with or without FMA, and the elementary functions'
// 2 ulp = 4u fall under the "+ 4" already there. It is an upper bound on each side's first-order
// error; the difference of two sides is at most the sum of theirs, which the default factor of 8
// covers together with the second-order terms while K u stays far below 1 (K up to 10^5 in float32
// gives K 2u < 0.012). tests/test_gpu_backend.cpp checks the bound against simulated truncating
// summation in random orders.
#pragma once

namespace permeq::gpu {

/// Factor on the unit roundoff of the CPU error model when the node ran on a device.
inline constexpr double device_rounding_factor = 2.0;

}  // namespace permeq::gpu

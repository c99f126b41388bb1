// src/ops/definitions/activations.hpp: pointwise non-rational functions (exp, log, sqrt, tanh,
// sigmoid, erf, ...), GELU, activations with parameters (LeakyRelu, Elu, HardSigmoid,
// HardSwish) and Softsign. Semantics follow the ONNX operator specification of the same name.
#pragma once

#include "src/ops/definitions/elementwise.hpp"

#include <cmath>

namespace permeq::ops {

/// Each function's derivative rule is written with the functions themselves (Exp, Erf, Sigmoid,
/// Sin, ... nodes on x, or the node's own output y): never a number computed from x, so the rule
/// stays a pointwise map of generic functions in exact evaluation. The trailing argument is the
/// body of `input_cotangent(c, g, x, y)`, which returns g * f'(x). `Positive`: defined for x > 0 only.
#define PERMEQ_FUNCTION_OP(Name, Summary, Real, Range, Exact, Positive, ...)                                                  \
  struct Name : FunctionPointwise<Name> {                                                                                   \
    static constexpr std::string_view name = #Name, summary = Summary, reference = "ONNX " #Name;                          \
    static constexpr PointwiseFunction function{#Name, [](double x, double) { return Real; }, Range, 0.0, Exact, Positive};  \
    static Value input_cotangent([[maybe_unused]] VjpContext& c, [[maybe_unused]] const Value& g,                \
                                 [[maybe_unused]] const Value& x, [[maybe_unused]] const Value& y) { __VA_ARGS__ } \
    static void vjp(VjpContext& c) { c.give(0, input_cotangent(c, *c.cotangent(), c.input(0), c.output())); }     \
  };

// exp' = exp = y
PERMEQ_FUNCTION_OP(Exp, "e^x (generic positive function in exact evaluation)", std::exp(x), FunctionRange::Positive, &one_at_zero, false,
                   return c.mul(g, y);)
// log' = 1/x
PERMEQ_FUNCTION_OP(Log, "natural logarithm (generic function in exact evaluation)", std::log(x), FunctionRange::Any, &zero_at_one, true,
                   return c.div(g, x);)
// sqrt' = 1/(2 sqrt x) = 0.5/y
PERMEQ_FUNCTION_OP(Sqrt, "square root (generic non-negative function in exact evaluation)", std::sqrt(x), FunctionRange::NonNegative, &exact_sqrt, true,
                   return c.div(c.scale(g, 0.5), y);)
// tanh' = 1 - tanh^2 = 1 - y^2
PERMEQ_FUNCTION_OP(Tanh, "hyperbolic tangent (generic function into (-1,1) in exact evaluation)", std::tanh(x), FunctionRange::SignedUnitOpen, &zero_at_zero, false,
                   return c.mul(g, c.sub(c.scalar(1.0), c.mul(y, y)));)
// sigmoid' = y (1 - y)
PERMEQ_FUNCTION_OP(Sigmoid, "1/(1+e^-x) (generic function into (0,1) in exact evaluation)", 1.0 / (1.0 + std::exp(-x)), FunctionRange::UnitOpen, &half_at_zero, false,
                   return c.mul(g, c.mul(y, c.sub(c.scalar(1.0), y)));)
// silu' = s + x s (1 - s) = s (1 + x (1 - s)) with s = sigmoid(x)
PERMEQ_FUNCTION_OP(Silu, "x * sigmoid(x) (generic function in exact evaluation)", x / (1.0 + std::exp(-x)), FunctionRange::Any, &zero_at_zero, false,
                   const auto s = c.emit("Sigmoid", {x});
                   return c.mul(g, c.mul(s, c.add(c.scalar(1.0), c.mul(x, c.sub(c.scalar(1.0), s)))));)
// sin' = cos
PERMEQ_FUNCTION_OP(Sin, "sine (generic function into [-1,1] in exact evaluation)", std::sin(x), FunctionRange::SignedUnitClosed, &zero_at_zero, false,
                   return c.mul(g, c.emit("Cos", {x}));)
// erf' = 2/sqrt(pi) e^(-x^2)
PERMEQ_FUNCTION_OP(Erf, "Gauss error function (generic function into (-1,1) in exact evaluation)", std::erf(x), FunctionRange::SignedUnitOpen, &zero_at_zero, false,
                   return c.mul(g, c.scale(c.emit("Exp", {c.neg(c.mul(x, x))}), M_2_SQRTPI));)
// cos' = -sin
PERMEQ_FUNCTION_OP(Cos, "cosine (generic function into [-1,1] in exact evaluation)", std::cos(x), FunctionRange::SignedUnitClosed, &one_at_zero, false,
                   return c.neg(c.mul(g, c.emit("Sin", {x})));)
// softplus' = sigmoid
PERMEQ_FUNCTION_OP(Softplus, "log(1 + e^x) (generic positive function in exact evaluation)", std::max(x, 0.0) + std::log1p(std::exp(-std::fabs(x))),
                   FunctionRange::Positive, nullptr, false, return c.mul(g, c.emit("Sigmoid", {x}));)
// sinh' = cosh
PERMEQ_FUNCTION_OP(Sinh, "hyperbolic sine (generic function in exact evaluation)", std::sinh(x), FunctionRange::Any, &zero_at_zero, false,
                   return c.mul(g, c.emit("Cosh", {x}));)
// cosh' = sinh
PERMEQ_FUNCTION_OP(Cosh, "hyperbolic cosine (generic positive function in exact evaluation)", std::cosh(x), FunctionRange::Positive, &one_at_zero, false,
                   return c.mul(g, c.emit("Sinh", {x}));)
#undef PERMEQ_FUNCTION_OP

/// Erf in float: Eigen's rational approximation in packets (a couple of ulp; std::erf element by
/// element dominated BERT's GELU).
template <>
struct PacketFunction<Erf> {
  static constexpr bool available = true;
  template <class F>
  static void run(const F* in, F* out, std::size_t n) {
    numeric::erf_kernel(in, out, n);
  }
};

/// GELU in its erf form (approximate = "none") or its tanh form (approximate = "tanh"); the two
/// are distinct generic functions in exact evaluation.
struct Gelu : UnaryPointwise<Gelu> {
  static constexpr std::string_view name = "Gelu", summary = "Gaussian error linear unit, erf or tanh form", reference = "ONNX Gelu (opset 20)";
  static constexpr std::array<AttrSpec, 1> attributes{{{"approximate", AttrType::String, false, "\"none\" (erf, default) or \"tanh\""}}};
  static constexpr PointwiseFunction erf_form{
      "Gelu", [](double x, double) { return 0.5 * x * (1.0 + std::erf(x / std::sqrt(2.0))); }, FunctionRange::Any, 0.0, &zero_at_zero};
  static constexpr PointwiseFunction tanh_form{
      "GeluTanh",
      [](double x, double) { return 0.5 * x * (1.0 + std::tanh(std::sqrt(2.0 / M_PI) * (x + 0.044715 * x * x * x))); },
      FunctionRange::Any, 0.0, &zero_at_zero};
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    const auto form = node.get_string("approximate", "none");
    if (form != "none" && form != "tanh") fail(node, "attribute 'approximate' must be \"none\" or \"tanh\", got \"" + form + "\"");
    return UnaryPointwise<Gelu>::infer(node, in);
  }
  template <class S> static S apply(const S& x, const Node& node, const EvalOptions& options) {
    return Domain<S>::function(node.get_string("approximate", "none") == "tanh" ? tanh_form : erf_form, x, options);
  }
  /// erf form: Phi(x) + x phi(x) = 0.5 (1 + erf(x / sqrt 2)) + x e^(-x^2/2) / sqrt(2 pi).
  /// tanh form, t = tanh(k (x + a x^3)) with k = sqrt(2/pi), a = 0.044715:
  ///   0.5 (1 + t) + 0.5 x (1 - t^2) k (1 + 3 a x^2).
  static void vjp(VjpContext& c) {
    const auto x = c.input(0);
    const auto one = c.scalar(1.0);
    const auto x2 = c.mul(x, x);
    Value derivative;
    if (c.node().get_string("approximate", "none") == "tanh") {
      const double k = std::sqrt(2.0 / M_PI), a = 0.044715;
      const auto t = c.emit("Tanh", {c.mul(c.scale(x, k), c.add(one, c.scale(x2, a)))});
      const auto outer = c.scale(c.add(one, t), 0.5);
      const auto inner = c.mul(c.mul(c.scale(x, 0.5 * k), c.sub(one, c.mul(t, t))), c.add(one, c.scale(x2, 3.0 * a)));
      derivative = c.add(outer, inner);
    } else {
      const auto cdf = c.scale(c.add(one, c.emit("Erf", {c.scale(x, M_SQRT1_2)})), 0.5);
      const auto density = c.scale(c.emit("Exp", {c.scale(x2, -0.5)}), 0.5 * M_2_SQRTPI * M_SQRT1_2);  // 1/sqrt(2 pi)
      derivative = c.add(cdf, c.mul(x, density));
    }
    c.give(0, c.mul(*c.cotangent(), derivative));
  }
};

// --- Activations with parameters -------------------------------------------------------------

/// A float attribute as an exact constant of the domain.
template <class S>
S float_attr(const Node& node, std::string_view key, double fallback) {
  return Domain<S>::constant(rational_from_double(node.get_float(key, fallback)));
}

struct LeakyRelu : UnaryPointwise<LeakyRelu> {
  static constexpr std::string_view name = "LeakyRelu", summary = "x if x >= 0 else alpha x", reference = "ONNX LeakyRelu";
  static constexpr std::array<AttrSpec, 1> attributes{{{"alpha", AttrType::Float, false, "negative slope (default 0.01)"}}};
  template <class S> static S apply(const S& x, const Node& node, const EvalOptions&) {
    return Domain<S>::select(Domain<S>::less(x, Domain<S>::from_int(0)), float_attr<S>(node, "alpha", 0.01) * x, x);
  }
  static void vjp(VjpContext& c) {
    c.kink("LeakyRelu is not differentiable at x = 0; the rule takes the slope 1 there (as torch does)");
    const auto& g = *c.cotangent();
    c.give(0, c.emit("Where", {c.emit("Less", {c.input(0), c.scalar(0.0)}), c.scale(g, c.node().get_float("alpha", 0.01)), g}));
  }
};

struct Elu : UnaryPointwise<Elu> {
  static constexpr std::string_view name = "Elu", summary = "x if x > 0 else alpha (e^x - 1)", reference = "ONNX Elu";
  static constexpr std::array<AttrSpec, 1> attributes{{{"alpha", AttrType::Float, false, "scale of the negative part (default 1)"}}};
  template <class S> static S apply(const S& x, const Node& node, const EvalOptions& options) {
    const S zero = Domain<S>::from_int(0);
    const S negative = float_attr<S>(node, "alpha", 1.0) * (Domain<S>::function(Exp::function, x, options) - Domain<S>::from_int(1));
    return Domain<S>::select(Domain<S>::less(zero, x), x, negative);
  }
  /// 1 where x > 0, else alpha e^x = y + alpha.
  static void vjp(VjpContext& c) {
    const auto& g = *c.cotangent();
    const auto inside = c.mul(g, c.add(c.output(), c.scalar(c.node().get_float("alpha", 1.0))));
    c.give(0, c.emit("Where", {c.emit("Less", {c.scalar(0.0), c.input(0)}), g, inside}));
  }
};

struct HardSigmoid : UnaryPointwise<HardSigmoid> {
  static constexpr std::string_view name = "HardSigmoid", summary = "max(0, min(1, alpha x + beta))", reference = "ONNX HardSigmoid";
  static constexpr std::array<AttrSpec, 2> attributes{{
      {"alpha", AttrType::Float, false, "slope (default 0.2)"},
      {"beta", AttrType::Float, false, "offset (default 0.5)"},
  }};
  template <class S> static S unclipped(const S& x, const Node& node) { return float_attr<S>(node, "alpha", 0.2) * x + float_attr<S>(node, "beta", 0.5); }
  template <class S> static S apply(const S& x, const Node& node, const EvalOptions&) {
    const S v = unclipped(x, node), zero = Domain<S>::from_int(0), one = Domain<S>::from_int(1);
    return Domain<S>::select(Domain<S>::less(v, zero), zero, Domain<S>::select(Domain<S>::less(one, v), one, v));
  }
  /// alpha inside (0, 1), 0 outside.
  static void vjp(VjpContext& c) {
    c.kink("HardSigmoid is not differentiable where it saturates; the rule takes 0 at the corners");
    const double alpha = c.node().get_float("alpha", 0.2), beta = c.node().get_float("beta", 0.5);
    const auto v = c.add(c.scale(c.input(0), alpha), c.scalar(beta));
    const auto inside = c.emit("And", {c.emit("Less", {c.scalar(0.0), v}), c.emit("Less", {v, c.scalar(1.0)})});
    c.give(0, c.emit("Where", {inside, c.scale(*c.cotangent(), alpha), c.scalar(0.0)}));
  }
};

struct HardSwish : UnaryPointwise<HardSwish> {
  static constexpr std::string_view name = "HardSwish", summary = "x max(0, min(1, x/6 + 1/2))", reference = "ONNX HardSwish";
  template <class S> static S apply(const S& x, const Node&, const EvalOptions&) {
    const S zero = Domain<S>::from_int(0), one = Domain<S>::from_int(1);
    const S v = Domain<S>::divide(x, Domain<S>::from_int(6)) + Domain<S>::constant(Rational(1, 2));
    return x * Domain<S>::select(Domain<S>::less(v, zero), zero, Domain<S>::select(Domain<S>::less(one, v), one, v));
  }
  /// 0 below -3, 1 above 3, (2x + 3) / 6 between (torch's rule, the inner piece at the corners).
  static void vjp(VjpContext& c) {
    c.kink("HardSwish is not differentiable at x = -3 and x = 3; the rule takes the inner piece's slope there (as torch does)");
    const auto x = c.input(0);
    const auto& g = *c.cotangent();
    const auto middle = c.mul(g, c.add(c.scale(x, 1.0 / 3.0), c.scalar(0.5)));
    const auto upper = c.emit("Where", {c.emit("Less", {c.scalar(3.0), x}), g, middle});
    c.give(0, c.emit("Where", {c.emit("Less", {x, c.scalar(-3.0)}), c.scalar(0.0), upper}));
  }
};

/// A rational function of x (no generic function needed in exact evaluation).
struct Softsign : UnaryPointwise<Softsign> {
  static constexpr std::string_view name = "Softsign", summary = "x / (1 + |x|)", reference = "ONNX Softsign";
  template <class S> static S apply(const S& x, const Node&, const EvalOptions&) {
    const S magnitude = Domain<S>::select(Domain<S>::less(x, Domain<S>::from_int(0)), -x, x);
    return Domain<S>::divide(x, Domain<S>::from_int(1) + magnitude);
  }
  /// 1 / (1 + |x|)^2, smooth at 0 (both sides' slopes are 1).
  static void vjp(VjpContext& c) {
    const auto denominator = c.add(c.scalar(1.0), c.emit("Abs", {c.input(0)}));
    c.give(0, c.div(*c.cotangent(), c.mul(denominator, denominator)));
  }
};

/// The operators this file defines, in the order `permeq ops` lists them.
using ActivationOperators = OperatorList<Gelu, Silu, Tanh, Sigmoid, Exp, Log, Sqrt, Sin, Cos, Erf, Softplus, Sinh, Cosh, LeakyRelu, Elu, HardSigmoid, HardSwish, Softsign>;

}  // namespace permeq::ops

// src/ops/definitions/elementwise.hpp: pointwise operators (arithmetic, comparisons, selection,
// activations). Semantics follow the ONNX operator specification of the same name unless noted.
#pragma once

#include "src/ops/definitions/op_base.hpp"

#include <cmath>

namespace permeq::ops {

struct Add : BinaryBroadcast<Add> {
  static constexpr std::string_view name = "Add", summary = "a + b, numpy broadcasting", reference = "ONNX Add";
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_max(in); }
  template <class S> static S apply(const Node&, const S& a, const S& b) { return a + b; }
  static void vjp(VjpContext& c) {
    c.give_unbroadcast(0, *c.cotangent());
    c.give_unbroadcast(1, *c.cotangent());
  }
};

struct Sub : BinaryBroadcast<Sub> {
  static constexpr std::string_view name = "Sub", summary = "a - b, numpy broadcasting", reference = "ONNX Sub";
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_max(in); }
  template <class S> static S apply(const Node&, const S& a, const S& b) { return a - b; }
  static void vjp(VjpContext& c) {
    c.give_unbroadcast(0, *c.cotangent());
    if (c.wants(1)) c.give_unbroadcast(1, c.neg(*c.cotangent()));
  }
};

struct Mul : BinaryBroadcast<Mul> {
  static constexpr std::string_view name = "Mul", summary = "a * b, numpy broadcasting", reference = "ONNX Mul";
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_sum(in); }
  template <class S> static S apply(const Node&, const S& a, const S& b) { return a * b; }
  static void vjp(VjpContext& c) {
    const auto& g = *c.cotangent();
    if (c.wants(0)) c.give_unbroadcast(0, c.mul(g, c.input(1)));
    if (c.wants(1)) c.give_unbroadcast(1, c.mul(g, c.input(0)));
  }
};

struct Div : BinaryBroadcast<Div> {
  static constexpr std::string_view name = "Div", summary = "a / b, numpy broadcasting", reference = "ONNX Div";
  static Degree degree(const Node&, std::span<const Degree> in) {
    return in[1] && *in[1] == 0 ? in[0] : degree_nonpolynomial(in);  // division by a constant is linear
  }
  template <class S> static S apply(const Node&, const S& a, const S& b) { return Domain<S>::divide(a, b); }
  /// d(a/b) = da / b - (a/b) db / b.
  static void vjp(VjpContext& c) {
    const auto g_over_b = c.div(*c.cotangent(), c.input(1));
    c.give_unbroadcast(0, g_over_b);
    if (c.wants(1)) c.give_unbroadcast(1, c.neg(c.mul(g_over_b, c.output())));
  }
  /// Integer tensors divide like ONNX: truncating toward zero.
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions& options) {
    if (in[0]->dtype != DType::Int64) return BinaryBroadcast<Div>::eval<S>(node, in, options);
    return {map_broadcast<S>(in, DType::Int64, [&](const S& a, const S& b) {
      const auto d = Domain<S>::index(b);
      if (d == 0) fail_eval(node, "integer division by zero");
      return Domain<S>::from_int(Domain<S>::index(a) / d);
    })};
  }
};

struct Equal : BinaryBroadcast<Equal, DType::Bool> {
  static constexpr std::string_view name = "Equal", summary = "a == b (bool), numpy broadcasting", reference = "ONNX Equal";
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  template <class S> static S apply(const Node&, const S& a, const S& b) {
    return Domain<S>::select(Domain<S>::equal(a, b), Domain<S>::from_int(1), Domain<S>::from_int(0));
  }
};

struct Less : BinaryBroadcast<Less, DType::Bool> {
  static constexpr std::string_view name = "Less", summary = "a < b (bool), numpy broadcasting", reference = "ONNX Less";
  static constexpr std::array<std::string_view, 2> onnx_names{"Less", "Greater"};
  static OnnxTranslation from_onnx(const OnnxNode& n) {  // a > b is b < a
    return {"Less", n.op_type == "Greater" ? std::vector{n.input(1), n.input(0)} : n.inputs, {}};
  }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  template <class S> static S apply(const Node&, const S& a, const S& b) {
    return Domain<S>::select(Domain<S>::less(a, b), Domain<S>::from_int(1), Domain<S>::from_int(0));
  }
};

struct Where : OpBase {
  static constexpr std::string_view name = "Where", summary = "cond ? a : b, numpy broadcasting", reference = "ONNX Where";
  static constexpr int min_inputs = 3, max_inputs = 3;
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Bool, "condition");
    if (in[1].dtype != in[2].dtype) fail(node, "branches differ in dtype: " + to_string(in[1]) + " and " + to_string(in[2]));
    return {infer_broadcast(node, in, in[1].dtype)};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return claim_broadcast(in, actions, infer(node, in)[0].shape.size());
  }
  static Degree degree(const Node&, std::span<const Degree> in) {
    return in[0] && *in[0] == 0 ? degree_max(in.subspan(1)) : degree_nonpolynomial(in);
  }
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return family_broadcast(in, actions, infer(node, in)[0].shape.size());
  }
  template <class S>
  static Outputs<S> eval(const Node&, Inputs<S> in, const EvalOptions&) {
    return {map_broadcast<S>(in, in[1]->dtype, [](const S& c, const S& a, const S& b) {
      return Domain<S>::select(Domain<S>::is_true(c), a, b);
    })};
  }
  /// The cotangent goes to the branch each element was taken from; the condition gets none.
  static void vjp(VjpContext& c) {
    const auto& g = *c.cotangent();
    if (c.wants(1)) c.give_unbroadcast(1, c.emit("Where", {c.input(0), g, c.scalar(0.0)}));
    if (c.wants(2)) c.give_unbroadcast(2, c.emit("Where", {c.input(0), c.scalar(0.0), g}));
  }
};

struct Neg : TypedPointwise<Neg, DType::Float, DType::Int64> {
  static constexpr std::string_view name = "Neg", summary = "-x", reference = "ONNX Neg";
  static Degree degree(const Node&, std::span<const Degree> in) { return in[0]; }
  template <class S> static S apply(const S& x, const Node&, const EvalOptions&) { return -x; }
  static void vjp(VjpContext& c) { c.give(0, c.neg(*c.cotangent())); }
};

struct Reciprocal : UnaryPointwise<Reciprocal> {
  static constexpr std::string_view name = "Reciprocal", summary = "1 / x", reference = "ONNX Reciprocal";
  template <class S> static S apply(const S& x, const Node&, const EvalOptions&) {
    return Domain<S>::divide(Domain<S>::from_int(1), x);
  }
  /// d(1/x) = -1/x^2 = -y^2.
  static void vjp(VjpContext& c) { c.give(0, c.neg(c.mul(*c.cotangent(), c.mul(c.output(), c.output())))); }
};

struct Relu : UnaryPointwise<Relu> {
  static constexpr std::string_view name = "Relu", summary = "max(x, 0)", reference = "ONNX Relu";
  template <class S> static S apply(const S& x, const Node&, const EvalOptions&) {
    const S zero = Domain<S>::from_int(0);
    return Domain<S>::select(Domain<S>::less(zero, x), x, zero);
  }
  /// 1 where x > 0, else 0 (the subgradient 0 at the kink x = 0, as torch and jax take it).
  static void vjp(VjpContext& c) {
    c.kink("Relu is not differentiable at x = 0; the rule takes the subgradient 0 there (gradient passes only where x > 0)");
    const auto positive = c.emit("Less", {c.scalar(0.0), c.input(0)});
    c.give(0, c.emit("Where", {positive, *c.cotangent(), c.scalar(0.0)}));
  }
};

/// Exact-value hooks (PointwiseFunction::exact): the real function's value where it is rational.
inline std::optional<Rational> point_value(const Rational& x, int at, const Rational& value) {
  return x == at ? std::optional<Rational>(value) : std::nullopt;
}
inline std::optional<Rational> zero_at_zero(const Rational& x, double) { return point_value(x, 0, Rational(0)); }
inline std::optional<Rational> one_at_zero(const Rational& x, double) { return point_value(x, 0, Rational(1)); }
inline std::optional<Rational> half_at_zero(const Rational& x, double) { return point_value(x, 0, Rational(1, 2)); }
inline std::optional<Rational> zero_at_one(const Rational& x, double) { return point_value(x, 1, Rational(0)); }
/// sqrt(p/q) for perfect squares p and q (sqrt(0) = 0, sqrt(9/4) = 3/2).
inline std::optional<Rational> exact_sqrt(const Rational& x, double) {
  if (x < 0) return std::nullopt;
  const auto num = boost::multiprecision::numerator(x), den = boost::multiprecision::denominator(x);
  const auto root_num = boost::multiprecision::sqrt(num), root_den = boost::multiprecision::sqrt(den);
  if (root_num * root_num != num || root_den * root_den != den) return std::nullopt;
  return Rational(root_num, root_den);
}
/// x^p for a non-integer exponent: 0^p = 0 for p > 0 and 1^p = 1.
inline std::optional<Rational> exact_power(const Rational& x, double p) {
  if (x == 1) return Rational(1);
  if (x == 0 && p > 0) return Rational(0);
  return std::nullopt;
}

/// x^y: a constant exponent (attribute) or, elementwise, an exponent tensor (numpy broadcasting,
/// e.g. rotary inv_freq = base ^ (-arange / d)). Integer exponents are exact repeated products;
/// any other exponent is a generic positive function of x with the exponent as its parameter
/// (x^0.5 is sqrt, which is not rational), so each exponent value is a pointwise function of its
/// own. A symbolic exponent term that is not a number is unknown to bounded proofs.
struct Pow : OpBase {
  static constexpr std::string_view name = "Pow", summary = "x ^ y, y a constant (attribute) or a tensor (numpy broadcasting)",
                                    reference = "ONNX Pow (a single constant exponent folded to an attribute)";
  /// Rearranging positions commutes with this operator's claim, head blocks included.
  static constexpr bool structured_actions = true;
  static constexpr int min_inputs = 1, max_inputs = 2;
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    if (n.constants.size() > 1 && n.constants[1] && n.constants[1]->data.size() == 1 && n.type(0).dtype == DType::Float)
      return {"Pow", {n.input(0)}, {{"exponent", n.constant_scalar(1, "exponent Y")}}};
    return {"Pow", {n.input(0), n.input(1)}, {}};
  }
  static constexpr std::array<AttrSpec, 1> attributes{{{"exponent", AttrType::Float, false, "the constant exponent (one input)"}}};
  static constexpr int max_integer_exponent = 16;
  static std::optional<int> integer_exponent(double p) {
    if (std::nearbyint(p) != p || std::fabs(p) > max_integer_exponent) return std::nullopt;
    return static_cast<int>(p);
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    if (in.size() == 1) {
      expect_dtype(node, in[0], DType::Float, "X");
      if (!node.has("exponent")) fail(node, "with one input the exponent attribute is required");
      return {in[0]};
    }
    if (node.has("exponent")) fail(node, "takes the exponent as an attribute or as input Y, not both");
    for (std::size_t k = 0; k < 2; ++k)
      if (in[k].dtype == DType::Bool) fail(node, std::string(k == 0 ? "X" : "Y") + " must be float or int64, got " + to_string(in[k]));
    return {infer_broadcast(node, in, in[0].dtype)};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return claim_broadcast(in, actions, infer(node, in)[0].shape.size());
  }
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    if (in.size() == 1) return "pointwise-function";
    return family_broadcast(in, actions, infer(node, in)[0].shape.size());
  }
  static Degree degree(const Node& node, std::span<const Degree> in) {
    if (in.size() == 1) {
      const auto e = integer_exponent(node.get_float("exponent", 1.0));
      if (e && *e >= 0 && in[0]) return *in[0] * *e;
    }
    return degree_nonpolynomial(in);
  }
  template <class S>
  static S power(const Node& node, const S& x, double p, const EvalOptions& options) {
    if (const auto e = integer_exponent(p)) {
      S result = Domain<S>::from_int(1);
      for (int i = 0; i < std::abs(*e); ++i) result = result * x;
      return *e < 0 ? Domain<S>::divide(Domain<S>::from_int(1), result) : result;
    }
    (void)node;
    const PointwiseFunction f{"pow", [](double v, double q) { return std::pow(v, q); }, FunctionRange::NonNegative, p, &exact_power};
    return Domain<S>::function(f, x, options);
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions& options) {
    if (in.size() == 1) {
      const double p = node.get_float("exponent", 1.0);
      return {map_unary(*in[0], [&](const S& x) { return power<S>(node, x, p, options); })};
    }
    const bool integer_result = in[0]->dtype == DType::Int64;
    return {map_broadcast<S>(in, in[0]->dtype, [&](const S& x, const S& y) {
      const auto exponent = Domain<S>::known(y);
      if (!exponent) fail_eval(node, "the exponent is not a known number here; bounded proofs need Pow's exponent fixed");
      const S value = power<S>(node, x, to_double(*exponent), options);
      // ONNX casts the result to X's integer type: truncation toward zero.
      if (!integer_result) return value;
      return Domain<S>::select(Domain<S>::less(value, Domain<S>::from_int(0)), -Domain<S>::floor(-value), Domain<S>::floor(value));
    })};
  }
  /// d(x^p)/dx = p x^(p-1), the power again a Pow node (exact products for integer p); with an
  /// exponent tensor also d(x^y)/dy = x^y log x.
  static void vjp(VjpContext& c) {
    const auto& g = *c.cotangent();
    if (c.input_count() == 2) {
      const auto y = c.input(1);
      if (c.wants(0)) c.give_unbroadcast(0, c.mul(g, c.mul(y, c.emit("Pow", {c.input(0), c.sub(y, c.scalar(1.0))}))));
      if (c.wants(1)) c.give_unbroadcast(1, c.mul(g, c.mul(c.output(), c.emit("Log", {c.input(0)}))));
      return;
    }
    const double p = c.node().get_float("exponent", 1.0);
    if (p == 0.0) return c.give(0, c.zeros_like(c.input(0)));
    if (p == 1.0) return c.give(0, g);
    const auto power = p == 2.0 ? c.input(0) : c.emit("Pow", {c.input(0)}, {{"exponent", p - 1.0}});
    c.give(0, c.mul(g, c.scale(power, p)));
  }
};

/// Each function's derivative rule is written with the functions themselves (Exp, Erf, Sigmoid,
/// Sin, ... nodes on x, or the node's own output y): never a number computed from x, so the rule
/// stays a pointwise map of generic functions in exact evaluation. The trailing argument is the
/// body of `input_cotangent(c, g, x, y)`, which returns g * f'(x).
#define PERMEQ_FUNCTION_OP(Name, Summary, Real, Range, Exact, ...)                                                  \
  struct Name : FunctionPointwise<Name> {                                                                         \
    static constexpr std::string_view name = #Name, summary = Summary, reference = "ONNX " #Name;                \
    static constexpr PointwiseFunction function{#Name, [](double x, double) { return Real; }, Range, 0.0, Exact};  \
    static Value input_cotangent([[maybe_unused]] VjpContext& c, [[maybe_unused]] const Value& g,                \
                                 [[maybe_unused]] const Value& x, [[maybe_unused]] const Value& y) { __VA_ARGS__ } \
    static void vjp(VjpContext& c) { c.give(0, input_cotangent(c, *c.cotangent(), c.input(0), c.output())); }     \
  };

// exp' = exp = y
PERMEQ_FUNCTION_OP(Exp, "e^x (generic positive function in exact evaluation)", std::exp(x), FunctionRange::Positive, &one_at_zero,
                   return c.mul(g, y);)
// log' = 1/x
PERMEQ_FUNCTION_OP(Log, "natural logarithm (generic function in exact evaluation)", std::log(x), FunctionRange::Any, &zero_at_one,
                   return c.div(g, x);)
// sqrt' = 1/(2 sqrt x) = 0.5/y
PERMEQ_FUNCTION_OP(Sqrt, "square root (generic non-negative function in exact evaluation)", std::sqrt(x), FunctionRange::NonNegative, &exact_sqrt,
                   return c.div(c.scale(g, 0.5), y);)
// tanh' = 1 - tanh^2 = 1 - y^2
PERMEQ_FUNCTION_OP(Tanh, "hyperbolic tangent (generic function into (-1,1) in exact evaluation)", std::tanh(x), FunctionRange::SignedUnitOpen, &zero_at_zero,
                   return c.mul(g, c.sub(c.scalar(1.0), c.mul(y, y)));)
// sigmoid' = y (1 - y)
PERMEQ_FUNCTION_OP(Sigmoid, "1/(1+e^-x) (generic function into (0,1) in exact evaluation)", 1.0 / (1.0 + std::exp(-x)), FunctionRange::UnitOpen, &half_at_zero,
                   return c.mul(g, c.mul(y, c.sub(c.scalar(1.0), y)));)
// silu' = s + x s (1 - s) = s (1 + x (1 - s)) with s = sigmoid(x)
PERMEQ_FUNCTION_OP(Silu, "x * sigmoid(x) (generic function in exact evaluation)", x / (1.0 + std::exp(-x)), FunctionRange::Any, &zero_at_zero,
                   const auto s = c.emit("Sigmoid", {x});
                   return c.mul(g, c.mul(s, c.add(c.scalar(1.0), c.mul(x, c.sub(c.scalar(1.0), s)))));)
// sin' = cos
PERMEQ_FUNCTION_OP(Sin, "sine (generic function into [-1,1] in exact evaluation)", std::sin(x), FunctionRange::SignedUnitClosed, &zero_at_zero,
                   return c.mul(g, c.emit("Cos", {x}));)
// erf' = 2/sqrt(pi) e^(-x^2)
PERMEQ_FUNCTION_OP(Erf, "Gauss error function (generic function into (-1,1) in exact evaluation)", std::erf(x), FunctionRange::SignedUnitOpen, &zero_at_zero,
                   return c.mul(g, c.scale(c.emit("Exp", {c.neg(c.mul(x, x))}), M_2_SQRTPI));)
// cos' = -sin
PERMEQ_FUNCTION_OP(Cos, "cosine (generic function into [-1,1] in exact evaluation)", std::cos(x), FunctionRange::SignedUnitClosed, &one_at_zero,
                   return c.neg(c.mul(g, c.emit("Sin", {x})));)
// softplus' = sigmoid
PERMEQ_FUNCTION_OP(Softplus, "log(1 + e^x) (generic positive function in exact evaluation)", std::max(x, 0.0) + std::log1p(std::exp(-std::fabs(x))),
                   FunctionRange::Positive, nullptr, return c.mul(g, c.emit("Sigmoid", {x}));)
// sinh' = cosh
PERMEQ_FUNCTION_OP(Sinh, "hyperbolic sine (generic function in exact evaluation)", std::sinh(x), FunctionRange::Any, &zero_at_zero,
                   return c.mul(g, c.emit("Cosh", {x}));)
// cosh' = sinh
PERMEQ_FUNCTION_OP(Cosh, "hyperbolic cosine (generic positive function in exact evaluation)", std::cosh(x), FunctionRange::Positive, &one_at_zero,
                   return c.mul(g, c.emit("Sinh", {x}));)
#undef PERMEQ_FUNCTION_OP

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


// --- Logic, ordering and rounding ------------------------------------------------------------

/// A boolean of the domain as a 0/1 value.
template <class S>
S indicator(const typename Domain<S>::Bool& condition) {
  return Domain<S>::select(condition, Domain<S>::from_int(1), Domain<S>::from_int(0));
}

struct Abs : TypedPointwise<Abs, DType::Float, DType::Int64> {
  static constexpr std::string_view name = "Abs", summary = "|x|", reference = "ONNX Abs";
  template <class S> static S apply(const S& x, const Node&, const EvalOptions&) {
    return Domain<S>::select(Domain<S>::less(x, Domain<S>::from_int(0)), -x, x);
  }
  /// sign(x), with the subgradient 0 at x = 0 (as torch takes it).
  static void vjp(VjpContext& c) {
    c.kink("Abs is not differentiable at x = 0; the rule takes the subgradient 0 there (as torch does)");
    const auto& g = *c.cotangent();
    const auto zero = c.scalar(0.0);
    const auto negative = c.emit("Where", {c.emit("Less", {c.input(0), zero}), c.neg(g), zero});
    c.give(0, c.emit("Where", {c.emit("Less", {zero, c.input(0)}), g, negative}));
  }
};

struct Ceil : TypedPointwise<Ceil, DType::Float> {
  static constexpr std::string_view name = "Ceil", summary = "the smallest integer not below x", reference = "ONNX Ceil";
  template <class S> static S apply(const S& x, const Node&, const EvalOptions&) { return -Domain<S>::floor(-x); }
  /// Piecewise constant: zero almost everywhere (torch's rule too).
  static void vjp(VjpContext& c) {
    c.kink("Ceil is piecewise constant; the rule takes its derivative 0 everywhere, jumps included (as torch does)");
    c.give(0, c.zeros_like(c.input(0)));
  }
};

struct Not : TypedPointwise<Not, DType::Bool> {
  static constexpr std::string_view name = "Not", summary = "logical not (bool)", reference = "ONNX Not";
  template <class S> static S apply(const S& x, const Node&, const EvalOptions&) { return indicator<S>(!Domain<S>::is_true(x)); }
};

/// Bool operands to a bool result, numpy broadcasting.
template <class Def>
struct LogicalBinary : BinaryBroadcast<Def, DType::Bool> {
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Bool, "A");
    expect_dtype(node, in[1], DType::Bool, "B");
    return {infer_broadcast(node, in, DType::Bool)};
  }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
};

struct And : LogicalBinary<And> {
  static constexpr std::string_view name = "And", summary = "a and b (bool), numpy broadcasting", reference = "ONNX And";
  template <class S> static S apply(const Node&, const S& a, const S& b) {
    return Domain<S>::select(Domain<S>::is_true(a), indicator<S>(Domain<S>::is_true(b)), Domain<S>::from_int(0));
  }
};
struct Or : LogicalBinary<Or> {
  static constexpr std::string_view name = "Or", summary = "a or b (bool), numpy broadcasting", reference = "ONNX Or";
  template <class S> static S apply(const Node&, const S& a, const S& b) {
    return Domain<S>::select(Domain<S>::is_true(a), Domain<S>::from_int(1), indicator<S>(Domain<S>::is_true(b)));
  }
};
struct Xor : LogicalBinary<Xor> {
  static constexpr std::string_view name = "Xor", summary = "a xor b (bool), numpy broadcasting", reference = "ONNX Xor";
  template <class S> static S apply(const Node&, const S& a, const S& b) {
    return Domain<S>::select(Domain<S>::is_true(a), indicator<S>(!Domain<S>::is_true(b)), indicator<S>(Domain<S>::is_true(b)));
  }
};

struct LessOrEqual : BinaryBroadcast<LessOrEqual, DType::Bool> {
  static constexpr std::string_view name = "LessOrEqual", summary = "a <= b (bool), numpy broadcasting", reference = "ONNX LessOrEqual";
  static constexpr std::array<std::string_view, 2> onnx_names{"LessOrEqual", "GreaterOrEqual"};
  static OnnxTranslation from_onnx(const OnnxNode& n) {  // a >= b is b <= a
    return {"LessOrEqual", n.op_type == "GreaterOrEqual" ? std::vector{n.input(1), n.input(0)} : n.inputs, {}};
  }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  template <class S> static S apply(const Node&, const S& a, const S& b) { return indicator<S>(!Domain<S>::less(b, a)); }
};

/// Remainder: with fmod = 0 (default) it takes the divisor's sign (Python's %, integers), with
/// fmod = 1 the dividend's (C fmod).
struct Mod : BinaryBroadcast<Mod> {
  static constexpr std::string_view name = "Mod", summary = "a mod b (fmod = 0: sign of b; 1: sign of a)", reference = "ONNX Mod";
  static constexpr std::array<AttrSpec, 1> attributes{{{"fmod", AttrType::Int, false, "0 (default): floor division remainder; 1: truncated"}}};
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    if (node.get_int("fmod", 0) == 0 && in[0].dtype == DType::Float) fail(node, "fmod must be 1 for float operands (as ONNX requires)");
    return BinaryBroadcast<Mod>::infer(node, in);
  }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  template <class S> static S apply(const Node& node, const S& a, const S& b) {
    const S q = Domain<S>::divide(a, b);
    const S floor_q = Domain<S>::floor(q);
    if (node.get_int("fmod", 0) == 0) return a - floor_q * b;
    const S truncated = Domain<S>::select(Domain<S>::less(q, Domain<S>::from_int(0)), -Domain<S>::floor(-q), floor_q);
    return a - truncated * b;
  }
  /// d(a mod b)/da = 1 and d/db = -trunc(a/b) (or -floor): the quotient is piecewise constant.
  static void vjp(VjpContext& c) {
    c.kink("Mod jumps where a/b is an integer; the rule takes the one-sided derivative of the piece (as torch does)");
    c.give_unbroadcast(0, *c.cotangent());
    if (c.wants(1)) {
      const auto quotient = c.div(c.sub(c.input(0), c.output()), c.input(1));
      c.give_unbroadcast(1, c.neg(c.mul(*c.cotangent(), quotient)));
    }
  }
};

/// Clamps into [min, max] (each bound optional); bounds are constants (attributes).
struct Clip : TypedPointwise<Clip, DType::Float, DType::Int64> {
  static constexpr std::string_view name = "Clip", summary = "min(max(x, min), max); bounds optional", reference = "ONNX Clip (bounds as attributes)";
  static constexpr std::array<AttrSpec, 2> attributes{{
      {"min", AttrType::Float, false, "lower bound (default: none)"},
      {"max", AttrType::Float, false, "upper bound (default: none)"},
  }};
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    Attributes attrs;
    for (const auto& [key, input] : {std::pair<const char*, std::size_t>{"min", 1}, {"max", 2}}) {
      if (n.present(input)) attrs[key] = n.constant_scalar(input, key);
      else if (n.attrs.count(key)) attrs[key] = n.attrs.at(key);  // opset 6
    }
    return {"Clip", {n.input(0)}, attrs};
  }
  static Degree degree(const Node& node, std::span<const Degree> in) {
    return node.has("min") || node.has("max") ? degree_nonpolynomial(in) : in[0];
  }
  template <class S> static S apply(const S& x, const Node& node, const EvalOptions&) {
    S y = x;
    if (node.has("min")) {
      const S low = Domain<S>::constant(rational_from_double(node.get_float("min", 0.0)));
      y = Domain<S>::select(Domain<S>::less(y, low), low, y);
    }
    if (node.has("max")) {
      const S high = Domain<S>::constant(rational_from_double(node.get_float("max", 0.0)));
      y = Domain<S>::select(Domain<S>::less(high, y), high, y);
    }
    return y;
  }
  /// g where min <= x <= max (torch passes the gradient at the bounds themselves).
  static void vjp(VjpContext& c) {
    c.kink("Clip is not differentiable at its bounds; the rule passes the gradient there (as torch does)");
    const auto x = c.input(0);
    Value pass = *c.cotangent();
    const auto zero = c.scalar(0.0);
    if (c.node().has("min")) pass = c.emit("Where", {c.emit("Less", {x, c.scalar(c.node().get_float("min", 0.0))}), zero, pass});
    if (c.node().has("max")) pass = c.emit("Where", {c.emit("Less", {c.scalar(c.node().get_float("max", 0.0)), x}), zero, pass});
    c.give(0, pass);
  }
};

/// Max, Min, Sum and Mean of any number of operands, numpy broadcasting.
template <class Def>
struct Variadic : OpBase {
  /// Rearranging positions commutes with this operator's claim, head blocks included.
  static constexpr bool structured_actions = true;
  static constexpr int min_inputs = 1, max_inputs = 64;
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    for (std::size_t k = 1; k < in.size(); ++k)
      if (in[k].dtype != in[0].dtype) fail(node, "operands must have the same dtype, got " + to_string(in[0]) + " and " + to_string(in[k]));
    if (in[0].dtype == DType::Bool) fail(node, "operands must be float or int64, got " + to_string(in[0]));
    return {infer_broadcast(node, in, in[0].dtype)};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return claim_broadcast(in, actions, infer(node, in)[0].shape.size());
  }
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return family_broadcast(in, actions, infer(node, in)[0].shape.size());
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    std::vector<TensorType> types;
    for (const auto* t : in) types.push_back(t->type());
    Tensor<S> out = broadcast_to(*in[0], infer(node, types)[0].shape);
    for (std::size_t k = 1; k < in.size(); ++k) {
      const std::array<const Tensor<S>*, 2> pair{&out, in[k]};
      out = map_broadcast<S>(pair, out.dtype, [](const S& a, const S& b) { return Def::template combine<S>(a, b); });
    }
    if constexpr (requires { Def::mean; }) {
      const S count = Domain<S>::from_int(static_cast<std::int64_t>(in.size()));
      for (auto& v : out.data) v = Domain<S>::divide(v, count);
    }
    return {out};
  }
};

struct Sum : Variadic<Sum> {
  static constexpr std::string_view name = "Sum", summary = "sum of the operands, numpy broadcasting", reference = "ONNX Sum";
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_max(in); }
  template <class S> static S combine(const S& a, const S& b) { return a + b; }
  static void vjp(VjpContext& c) {
    for (std::size_t k = 0; k < c.input_count(); ++k) c.give_unbroadcast(k, *c.cotangent());
  }
};
struct Mean : Variadic<Mean> {
  static constexpr std::string_view name = "Mean", summary = "mean of the operands, numpy broadcasting", reference = "ONNX Mean";
  static constexpr bool mean = true;
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_max(in); }
  template <class S> static S combine(const S& a, const S& b) { return a + b; }
  static void vjp(VjpContext& c) {
    const auto share = c.div(*c.cotangent(), c.scalar(static_cast<double>(c.input_count())));
    for (std::size_t k = 0; k < c.input_count(); ++k) c.give_unbroadcast(k, share);
  }
};

/// Max and Min: the cotangent is split evenly among the operands that attain the result (torch's
/// rule for maximum/minimum), so tied operands are treated alike.
template <class Def>
struct Extremum : Variadic<Def> {
  static Degree degree(const Node&, std::span<const Degree> in) { return in.size() == 1 ? in[0] : degree_nonpolynomial(in); }
  static void vjp(VjpContext& c) {
    if (c.input_count() == 1) return c.give(0, *c.cotangent());
    c.kink(std::string(Def::name) + " is not differentiable where operands tie; the rule splits the cotangent evenly among the tied operands (as torch does)");
    std::vector<Value> shares;
    for (std::size_t k = 0; k < c.input_count(); ++k)
      shares.push_back(c.emit("Cast", {c.emit("Equal", {c.input(k), c.output()})}, {{"to", std::string("float")}}));
    const auto count = c.emit("Sum", shares);
    const auto per_share = c.div(*c.cotangent(), count);
    for (std::size_t k = 0; k < c.input_count(); ++k)
      if (c.wants(k)) c.give_unbroadcast(k, c.mul(per_share, shares[k]));
  }
};
struct Max : Extremum<Max> {
  static constexpr std::string_view name = "Max", summary = "elementwise maximum of the operands, numpy broadcasting", reference = "ONNX Max";
  template <class S> static S combine(const S& a, const S& b) { return Domain<S>::select(Domain<S>::less(a, b), b, a); }
};
struct Min : Extremum<Min> {
  static constexpr std::string_view name = "Min", summary = "elementwise minimum of the operands, numpy broadcasting", reference = "ONNX Min";
  template <class S> static S combine(const S& a, const S& b) { return Domain<S>::select(Domain<S>::less(b, a), b, a); }
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

/// Element type conversion. To float keeps the value; to bool is x != 0; to int64 needs an integer
/// value (permeq meets Cast to int64 only in folded shape arithmetic and on integer tensors).
struct Cast : OpBase {
  static constexpr std::string_view name = "Cast", summary = "converts to float, int64 or bool (x != 0)", reference = "ONNX Cast (to as a dtype name)";
  static constexpr std::array<AttrSpec, 1> attributes{{{"to", AttrType::String, true, "float, int64 or bool"}}};
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    // TensorProto.DataType: 1 float, 10 float16, 11 double, 16 bfloat16; 2-7, 12, 13 integers; 9 bool.
    const auto to = n.int_attr("to", 0);
    std::string dtype;
    if (to == 1 || to == 10 || to == 11 || to == 16) dtype = "float";
    else if (to == 9) dtype = "bool";
    else if ((to >= 2 && to <= 7) || to == 12 || to == 13) dtype = "int64";
    else n.fail("Cast to TensorProto type " + std::to_string(to) + " is not supported");
    return {"Cast", {n.input(0)}, {{"to", dtype}}};
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) { return {{dtype_attr(node, "float", "to"), in[0].shape}}; }
  static Claim claim(const Node&, std::span<const TensorType>, std::span<const Action> actions) { return claim_first_input(actions); }
  static Degree degree(const Node& node, std::span<const Degree> in) {
    return node.get_string("to", "float") == "float" ? in[0] : degree_nonpolynomial(in);
  }
  static std::string_view family(const Node&, std::span<const TensorType>, std::span<const Action>) { return "pointwise-function"; }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const DType to = dtype_attr(node, "float", "to");
    Tensor<S> out = map_unary(*in[0], [&](const S& x) {
      if (to == DType::Bool) return Domain<S>::select(Domain<S>::is_true(x), Domain<S>::from_int(1), Domain<S>::from_int(0));
      // Float to int64 truncates toward zero (ONNX Cast, torch's .long()).
      if (to == DType::Int64 && in[0]->dtype == DType::Float)
        return Domain<S>::select(Domain<S>::less(x, Domain<S>::from_int(0)), -Domain<S>::floor(-x), Domain<S>::floor(x));
      return x;
    });
    out.dtype = to;
    return {out};
  }
  /// Float to float keeps the value: the identity. Casts from or to int64 or bool have no float
  /// gradient path (their results are piecewise constant, and nothing is given).
  static void vjp(VjpContext& c) {
    if (c.input_type(0).dtype == DType::Float && c.output_type().dtype == DType::Float) c.give(0, *c.cotangent());
  }
};

}  // namespace permeq::ops

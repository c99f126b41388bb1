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

struct Neg : UnaryPointwise<Neg> {
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

/// x^p for a constant p: exact repeated products for integer p, a generic positive function
/// otherwise (x^0.5 is sqrt, which is not rational).
struct Pow : UnaryPointwise<Pow> {
  static constexpr std::string_view name = "Pow", summary = "x ^ exponent for a constant exponent", reference = "ONNX Pow (exponent folded to an attribute)";
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    return {"Pow", {n.input(0)}, {{"exponent", n.constant_scalar(1, "exponent Y")}}};
  }
  static constexpr std::array<AttrSpec, 1> attributes{{{"exponent", AttrType::Float, true, "the constant exponent"}}};
  static constexpr int max_integer_exponent = 16;
  static std::optional<int> integer_exponent(const Node& node) {
    const double p = node.get_float("exponent", 1.0);
    if (std::nearbyint(p) != p || std::fabs(p) > max_integer_exponent) return std::nullopt;
    return static_cast<int>(p);
  }
  static Degree degree(const Node& node, std::span<const Degree> in) {
    const auto e = integer_exponent(node);
    if (e && *e >= 0 && in[0]) return *in[0] * *e;
    return degree_nonpolynomial(in);
  }
  template <class S> static S apply(const S& x, const Node& node, const EvalOptions& options) {
    if (const auto e = integer_exponent(node)) {
      S result = Domain<S>::from_int(1);
      for (int i = 0; i < std::abs(*e); ++i) result = result * x;
      return *e < 0 ? Domain<S>::divide(Domain<S>::from_int(1), result) : result;
    }
    const PointwiseFunction power{"pow", [](double v, double p) { return std::pow(v, p); }, FunctionRange::NonNegative,
                                  node.get_float("exponent", 1.0), &exact_power};
    return Domain<S>::function(power, x, options);
  }
  /// d(x^p) = p x^(p-1), the power again a Pow node (exact products for integer p).
  static void vjp(VjpContext& c) {
    const double p = c.node().get_float("exponent", 1.0);
    const auto& g = *c.cotangent();
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
      if (to == DType::Int64 && in[0]->dtype == DType::Float) return Domain<S>::from_int(Domain<S>::index(x));
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

// src/ops/definitions/elementwise.hpp: pointwise operators (arithmetic, comparisons, selection,
// logic, rounding, casts; functions and activations in activations.hpp). Semantics follow the ONNX operator specification of the same name unless noted.
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
  static bool positive_input(const Node&, std::size_t k) { return k == 1; }  // the divisor
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
  /// Reads only the entries at the same positions, whatever n is (witness lifting).
  static bool prefix_local(const Node&) { return true; }
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
    return family_broadcast_alike(in, actions, infer(node, in)[0].shape.size());
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
  static bool positive_input(const Node&, std::size_t) { return true; }
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
  /// Real powers with any exponent need a positive base (and the exponent row is drawn positive).
  static bool positive_input(const Node&, std::size_t) { return true; }
  /// Rearranging positions commutes with this operator's claim, head blocks included.
  static constexpr bool structured_actions = true;
  static constexpr int min_inputs = 1, max_inputs = 2;
  /// Reads only the entries at the same positions, whatever n is (witness lifting).
  static bool prefix_local(const Node&) { return true; }
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
    return family_broadcast_alike(in, actions, infer(node, in)[0].shape.size());
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
    // Its range is a fact the prover assumes: x^p >= 0 holds for a fractional exponent (defined
    // on x >= 0) and an even one, but x^17 of a negative x is negative.
    const bool odd = std::nearbyint(p) == p && std::fmod(std::fabs(p), 2.0) == 1.0;
    const PointwiseFunction f{"pow", [](double v, double q) { return std::pow(v, q); }, odd ? FunctionRange::Any : FunctionRange::NonNegative, p,
                              &exact_power};
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
  /// A constant exponent on float operands read in place.
  template <class F>
  static std::optional<std::vector<Tensor<F>>> fast(const Node& node, std::span<const numeric::Operand<F>> ops, const FastContext& context) {
    if (ops.size() != 1 || ops[0].dtype != DType::Float) return std::nullopt;
    const double p = node.get_float("exponent", 1.0);
    Tensor<F> out(DType::Float, ops[0].shape);
    const F* x = ops[0].data;
    F* o = out.data.data();
    if (const auto e = integer_exponent(p); e && *e > 0) {
      // power()'s products in power()'s order (1 x x ...), as one loop the compiler vectorises
      // (layer norm's square: 2.4 million calls for BERT-base).
      if (*e == 2)
        for (std::size_t i = 0; i < ops[0].size; ++i) o[i] = (F(1) * x[i]) * x[i];
      else
        for (std::size_t i = 0; i < ops[0].size; ++i) {
          F result = F(1);
          for (int k = 0; k < *e; ++k) result = result * x[i];
          o[i] = result;
        }
      return single<F>(std::move(out));
    }
    for (std::size_t i = 0; i < ops[0].size; ++i) o[i] = power<F>(node, x[i], p, context.functions);
    return single<F>(std::move(out));
  }
  static bool commutes_bitwise(const BitwiseQuery& q) { return commutes_like_input(q); }
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

struct Floor : TypedPointwise<Floor, DType::Float> {
  static constexpr std::string_view name = "Floor", summary = "the largest integer not above x", reference = "ONNX Floor";
  template <class S> static S apply(const S& x, const Node&, const EvalOptions&) { return Domain<S>::floor(x); }
  /// Piecewise constant: zero almost everywhere (torch's rule too).
  static void vjp(VjpContext& c) {
    c.kink("Floor is piecewise constant; the rule takes its derivative 0 everywhere, jumps included (as torch does)");
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
  /// Reads only the entries at the same positions, whatever n is (witness lifting).
  static bool prefix_local(const Node&) { return true; }
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
    return family_broadcast_alike(in, actions, infer(node, in)[0].shape.size());
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

/// Element type conversion. To float keeps the value; to bool is x != 0; to int64 needs an integer
/// value (permeq meets Cast to int64 only in folded shape arithmetic and on integer tensors).
struct Cast : OpBase {
  static constexpr std::string_view name = "Cast", summary = "converts to float, int64 or bool (x != 0)", reference = "ONNX Cast (to as a dtype name)";
  static constexpr std::array<AttrSpec, 1> attributes{{{"to", AttrType::String, true, "float, int64 or bool"}}};
  /// Reads only the entries at the same positions, whatever n is (witness lifting).
  static bool prefix_local(const Node&) { return true; }
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

/// The operators this file defines, in the order `permeq ops` lists them.
using ElementwiseOperators = OperatorList<Add, Sub, Mul, Div, Neg, Reciprocal, Pow, Relu, Equal, Less, LessOrEqual, Where, Cast, Abs, Ceil, Not, And, Or, Xor, Mod, Clip, Sum, Mean, Max, Min, Floor>;

}  // namespace permeq::ops

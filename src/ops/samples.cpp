#include "permeq/ops/samples.hpp"

namespace permeq {

namespace {

const TensorType f43{DType::Float, {4, 3}};
TensorType f(Shape s) { return {DType::Float, std::move(s)}; }
TensorType i64(Shape s) { return {DType::Int64, std::move(s)}; }
TensorType b(Shape s) { return {DType::Bool, std::move(s)}; }
std::vector<std::int64_t> ints(std::initializer_list<std::int64_t> v) { return v; }
std::vector<Dim> dims(std::initializer_list<std::int64_t> v) { return {v.begin(), v.end()}; }
const std::optional<int> none = std::nullopt;

std::vector<OperatorSample> make_samples() {
  std::vector<OperatorSample> c;
  auto unary = [&](const std::string& op, Attributes attrs = {}) { c.push_back({op, op, std::move(attrs), {f43}, {0}}); };
  for (const auto* op : {"Neg", "Reciprocal", "Relu", "Silu", "Tanh", "Sigmoid", "Exp", "Log", "Sqrt", "Sin", "Cos", "Erf", "Gelu"}) unary(op);
  unary("Gelu", {{"approximate", std::string("tanh")}});
  c.push_back({"Cast of token ids to float", "Cast", {{"to", std::string("float")}}, {i64({4, 3})}, {0}});
  c.push_back({"Cast to bool", "Cast", {{"to", std::string("bool")}}, {f43}, {0}});
  unary("Pow", {{"exponent", 3.0}});
  unary("Pow", {{"exponent", -2.0}});
  unary("Pow", {{"exponent", 0.5}});
  for (const auto* op : {"Add", "Sub", "Mul", "Div"}) {
    c.push_back({std::string(op) + " with a broadcast row", op, {}, {f43, f({3})}, {0, none}});
    c.push_back({std::string(op) + " of two permuted operands", op, {}, {f43, f43}, {0, 0}});
  }
  c.push_back({"Add of a fixed [n, d] table (positional encoding)", "Add", {}, {f43, f43}, {0, none}, SampleExpect::Breaks});
  c.push_back({"Equal", "Equal", {}, {f43, f({3})}, {0, none}});
  c.push_back({"Less", "Less", {}, {f43, f43}, {0, 0}});
  c.push_back({"Where", "Where", {}, {b({4, 3}), f43, f({3})}, {0, 0, none}});
  c.push_back({"Where with a fixed [n, n] mask", "Where", {}, {b({4, 4}), f({4, 4}), f({1})}, {none, 0, none}, SampleExpect::Breaks});
  c.push_back({"MatMul token rows", "MatMul", {}, {f43, f({3, 5})}, {0, none}});
  c.push_back({"MatMul scores (both sides)", "MatMul", {}, {f({2, 4, 3}), f({2, 3, 4})}, {1, 2}});
  c.push_back({"MatMul mixing (scores times values)", "MatMul", {}, {f({4, 4}), f43}, {0, 0}, SampleExpect::Breaks});
  c.push_back({"MatMul with a 1-D right operand", "MatMul", {}, {f43, f({3})}, {0, none}});
  c.push_back({"MatMul contracting the tokens (weight gradient)", "MatMul", {}, {f({3, 4}), f({4, 5})}, {1, 0}});
  c.push_back({"MatMul fixed weights times token columns", "MatMul", {}, {f({2, 3}), f({2, 3, 4})}, {none, 2}});
  c.push_back({"MatMul with a 1-D left operand", "MatMul", {}, {f({3}), f({4, 3, 5})}, {none, 0}});
  c.push_back({"MatMul broadcasting a batch of one", "MatMul", {}, {f({2, 4, 3}), f({1, 3, 5})}, {1, none}});
  c.push_back({"Gemm", "Gemm", {{"alpha", 0.5}, {"beta", 2.0}}, {f43, f({3, 5}), f({5})}, {0, none, none}});
  c.push_back({"Gemm transB", "Gemm", {{"transB", std::int64_t{1}}}, {f43, f({5, 3})}, {0, none}});
  c.push_back({"Gemm transA transB", "Gemm", {{"transA", std::int64_t{1}}, {"transB", std::int64_t{1}}, {"alpha", -1.5}, {"beta", 0.25}}, {f({3, 4}), f({5, 3}), f({1, 5})}, {1, none, none}});
  c.push_back({"Gemm transA", "Gemm", {{"transA", std::int64_t{1}}}, {f({3, 4}), f({3, 2}), f({4, 1})}, {1, none, 0}});
  c.push_back({"Linear", "Linear", {}, {f43, f({3, 5}), f({5})}, {0, none, none}});
  c.push_back({"Linear over a batch of sequences", "Linear", {}, {f({2, 4, 3}), f({3, 5})}, {1, none}});
  c.push_back({"Softmax over features", "Softmax", {{"axis", std::int64_t{-1}}}, {f43}, {0}});
  c.push_back({"Softmax over tokens", "Softmax", {{"axis", std::int64_t{0}}}, {f43}, {0}});
  c.push_back({"LayerNorm", "LayerNorm", {{"epsilon", 0.0009765625}}, {f({4, 4}), f({4}), f({4})}, {0, none, none}});
  c.push_back({"RMSNorm", "RMSNorm", {{"epsilon", 0.0009765625}}, {f({4, 4}), f({4})}, {0, none}});
  c.push_back({"LayerNorm with per-token scale", "LayerNorm", {{"axis", std::int64_t{0}}, {"epsilon", 0.0009765625}}, {f({4, 4}), f({4, 4})}, {0, none}, SampleExpect::Breaks});
  for (const auto* op : {"ReduceSum", "ReduceMean", "ReduceMax"}) {
    c.push_back({std::string(op) + " over tokens", op, {{"axes", ints({0})}, {"keepdims", std::int64_t{0}}}, {f43}, {0}});
    c.push_back({std::string(op) + " over features", op, {{"axes", ints({1})}}, {f43}, {0}});
  }
  c.push_back({"ArgMax over features", "ArgMax", {{"axis", std::int64_t{1}}}, {f43}, {0}});
  c.push_back({"ArgMax over tokens", "ArgMax", {{"axis", std::int64_t{0}}}, {f43}, {0}, SampleExpect::Breaks});
  c.push_back({"CumSum over features", "CumSum", {{"axis", std::int64_t{1}}}, {f43}, {0}});
  c.push_back({"CumSum over tokens", "CumSum", {{"axis", std::int64_t{0}}, {"exclusive", std::int64_t{1}}}, {f43}, {0}, SampleExpect::Breaks});
  c.push_back({"Reshape splitting features", "Reshape", {{"shape", dims({0, 2, 3})}}, {f({4, 6})}, {0}});
  // Tokens flattened into features: the permutation moves blocks of 6 (a head-block action).
  c.push_back({"Reshape flattening tokens into features", "Reshape", {{"shape", dims({-1})}}, {f({4, 6})}, {0}});
  c.push_back({"Transpose", "Transpose", {{"perm", ints({1, 0})}}, {f43}, {0}});
  c.push_back({"Transpose rotating three axes", "Transpose", {{"perm", ints({1, 2, 0})}}, {f({4, 2, 3})}, {0}});
  c.push_back({"Concat features", "Concat", {{"axis", std::int64_t{1}}}, {f43, f({4, 2})}, {0, 0}});
  c.push_back({"Concat a CLS row before the tokens", "Concat", {{"axis", std::int64_t{0}}}, {f({1, 3}), f43}, {none, 0}});
  c.push_back({"Concat rows around the tokens", "Concat", {{"axis", std::int64_t{0}}}, {f({1, 3}), f43, f({2, 3})}, {none, 0, none}});
  c.push_back({"Split features", "Split", {{"axis", std::int64_t{1}}}, {f({4, 6})}, {0}, SampleExpect::Holds, 2});
  c.push_back({"Split tokens", "Split", {{"axis", std::int64_t{0}}, {"split", ints({1, 3})}}, {f43}, {0}, SampleExpect::Breaks, 2});
  c.push_back({"Slice features", "Slice", {{"starts", dims({1})}, {"ends", dims({3})}, {"axes", ints({1})}}, {f43}, {0}});
  c.push_back({"Slice reversed features", "Slice", {{"starts", dims({-1})}, {"ends", dims({-100})}, {"axes", ints({1})}, {"steps", ints({-1})}}, {f43}, {0}});
  c.push_back({"Slice every other feature", "Slice", {{"starts", dims({0})}, {"ends", dims({100})}, {"axes", ints({1})}, {"steps", ints({2})}}, {f({4, 5})}, {0}});
  c.push_back({"Slice features backwards by two", "Slice", {{"starts", dims({-1, 0})}, {"ends", dims({0, 100})}, {"axes", ints({1, 0})}, {"steps", ints({-2, 1})}}, {f({4, 6})}, {0}});
  c.push_back({"Slice the first tokens", "Slice", {{"starts", dims({0})}, {"ends", dims({2})}}, {f43}, {0}, SampleExpect::Breaks});
  c.push_back({"Expand", "Expand", {{"shape", dims({4, 3})}}, {f({4, 1})}, {0}});
  c.push_back({"Expand adding a leading axis", "Expand", {{"shape", dims({2, 1, 3})}}, {f({4, 1})}, {0}});
  c.push_back({"Pad tokens (like a CLS slot)", "Pad", {{"pads", ints({1, 0, 0, 2})}, {"value", 0.5}}, {f43}, {0}});
  c.push_back({"Gather embedding lookup", "Gather", {}, {f({6, 3}), i64({4})}, {none, 0}});
  c.push_back({"Gather feature select", "Gather", {{"axis", std::int64_t{1}}}, {f43, i64({2})}, {0, none}});
  c.push_back({"Gather token 0 (readout)", "Gather", {}, {f43, i64({})}, {0, none}, SampleExpect::Breaks});
  c.push_back({"GatherElements", "GatherElements", {{"axis", std::int64_t{1}}}, {f43, i64({4, 2})}, {0, 0}});
  c.push_back({"Constant", "Constant", {{"shape", dims({2, 3})}, {"values", std::vector<double>{1, -2, 0.5, 3, 0.25, -1}}}, {}, {}});
  c.push_back({"Constant fill", "Constant", {{"shape", dims({4, 4})}, {"values", std::vector<double>{-8}}}, {}, {}});
  c.push_back({"Range", "Range", {{"start", std::int64_t{1}}, {"limit", dims({9})}, {"delta", std::int64_t{2}}}, {}, {}});
  c.push_back({"Trilu over batched matrices", "Trilu", {{"upper", std::int64_t{0}}}, {f({4, 3, 3})}, {0}});
  c.push_back({"Trilu of permuted scores (causal mask)", "Trilu", {{"k", std::int64_t{1}}}, {f({2, 4, 4})}, {1}, SampleExpect::Breaks});
  c.push_back({"Conv1d kernel 1 over tokens", "Conv1d", {}, {f({1, 3, 4}), f({2, 3, 1}), f({2})}, {2, none, none}});
  c.push_back({"Conv1d over a permuted batch", "Conv1d", {{"pads", ints({1, 1})}}, {f({4, 3, 5}), f({2, 3, 3})}, {0, none}});
  c.push_back({"Conv1d kernel 3 over tokens", "Conv1d", {{"pads", ints({1, 1})}}, {f({1, 3, 4}), f({2, 3, 3}), f({2})}, {2, none, none}, SampleExpect::Breaks});
  c.push_back({"Conv1d grouped", "Conv1d", {{"group", std::int64_t{3}}}, {f({1, 3, 4}), f({3, 1, 1})}, {2, none}});
  c.push_back({"Conv1d strided and dilated over a permuted batch", "Conv1d", {{"pads", ints({2, 1})}, {"strides", ints({2})}, {"dilations", ints({2})}},
               {f({4, 3, 9}), f({2, 3, 3}), f({2})}, {0, none, none}});
  c.push_back({"Conv1d grouped with kernel 3", "Conv1d", {{"group", std::int64_t{2}}, {"pads", ints({1, 0})}, {"strides", ints({2})}},
               {f({4, 4, 6}), f({6, 2, 3}), f({6})}, {0, none, none}});
  c.push_back({"SumLike over the tokens (weight gradient)", "SumLike", {}, {f43, f({3})}, {0, none}});
  c.push_back({"SumLike over features", "SumLike", {}, {f43, f({4, 1})}, {0, 0}});
  c.push_back({"ExpandLike of a pooled cotangent", "ExpandLike", {{"mean", std::int64_t{1}}}, {f({3}), f43}, {none, 0}});
  c.push_back({"ExpandLike inserting a feature axis", "ExpandLike", {{"axes", ints({1})}}, {f({4}), f43}, {0, 0}});
  c.push_back({"ExpandLike of a value already in shape", "ExpandLike", {}, {f43, f43}, {none, 0}});
  c.push_back({"ExpandLike of a per-token mean", "ExpandLike", {{"axes", ints({1})}, {"mean", std::int64_t{1}}}, {f({4}), f43}, {0, 0}});
  c.push_back({"ReshapeLike merging heads", "ReshapeLike", {}, {f({4, 2, 3}), f({4, 6})}, {0, 0}});
  c.push_back({"SliceScatter of a feature window", "SliceScatter", {{"starts", dims({1})}, {"ends", dims({3})}, {"axes", ints({1})}}, {f({4, 2}), f43}, {0, 0}});
  c.push_back({"SliceScatter after the first token", "SliceScatter", {{"starts", dims({1})}, {"ends", dims({100})}}, {f43, f({5, 3})}, {0, none}});
  c.push_back({"SliceScatter of every other feature, reversed", "SliceScatter", {{"starts", dims({-1})}, {"ends", dims({-100})}, {"axes", ints({1})}, {"steps", ints({-2})}},
               {f({4, 3}), f({4, 5})}, {0, 0}});
  c.push_back({"SliceScatter into rows after the tokens", "SliceScatter", {{"starts", dims({4})}, {"ends", dims({6})}}, {f({2, 3}), f({6, 3})}, {none, 0}});
  c.push_back({"SliceScatter of a fixed value over the tokens", "SliceScatter", {{"starts", dims({0})}, {"ends", dims({3})}}, {f({3, 3}), f43}, {none, 0}, SampleExpect::Breaks});
  c.push_back({"ScatterAdd of a readout at a fixed row", "ScatterAdd", {}, {f({3}), i64({}), f43}, {none, none, 0}, SampleExpect::Breaks});
  c.push_back({"ScatterAdd of an embedding's cotangent", "ScatterAdd", {}, {f43, i64({4}), f({6, 3})}, {0, 0, none}});
  c.push_back({"ScatterAdd of selected features", "ScatterAdd", {{"axis", std::int64_t{1}}}, {f({4, 2}), i64({2}), f43}, {0, none, 0}});
  c.push_back({"ScatterElementsAdd (cross-entropy cotangent)", "ScatterElementsAdd", {{"axis", std::int64_t{1}}}, {f({4, 2}), i64({4, 2}), f43}, {0, 0, 0}});
  // Operators of real exports (issue 14).
  for (const auto* op : {"Abs", "Ceil", "Softplus", "Sinh", "Cosh", "Elu", "HardSigmoid", "HardSwish"}) unary(op);
  unary("LeakyRelu", {{"alpha", 0.25}});
  unary("Clip", {{"min", -1.0}, {"max", 2.0}});
  c.push_back({"Neg of int64 positions", "Neg", {}, {i64({4, 3})}, {0}});
  c.push_back({"Not", "Not", {}, {b({4, 3})}, {0}});
  for (const auto* op : {"And", "Or", "Xor"}) c.push_back({op, op, {}, {b({4, 3}), b({3})}, {0, none}});
  c.push_back({"LessOrEqual", "LessOrEqual", {}, {f43, f43}, {0, 0}});
  c.push_back({"Mod (fmod)", "Mod", {{"fmod", std::int64_t{1}}}, {f43, f({3})}, {0, none}});
  for (const auto* op : {"Sum", "Mean", "Max", "Min"})
    c.push_back({std::string(op) + " of three operands", op, {}, {f43, f({3}), f43}, {0, none, 0}});
  c.push_back({"Max with a fixed [n, d] table", "Max", {}, {f43, f43}, {0, none}, SampleExpect::Breaks});
  c.push_back({"Pow with an exponent row (rotary inv_freq)", "Pow", {}, {f43, f({3})}, {0, none}});
  c.push_back({"LogSoftmax over features", "LogSoftmax", {{"axis", std::int64_t{-1}}}, {f43}, {0}});
  c.push_back({"LogSoftmax over tokens", "LogSoftmax", {{"axis", std::int64_t{0}}}, {f43}, {0}});
  c.push_back({"LayerNorm with its Mean and InvStdDev", "LayerNorm", {{"epsilon", 0.0009765625}}, {f({4, 4}), f({4}), f({4})}, {0, none, none},
               SampleExpect::Holds, 3});
  c.push_back({"BatchNormalization over a permuted batch", "BatchNormalization", {{"epsilon", 0.0009765625}},
               {f({4, 3, 2}), f({3}), f({3}), f({3}), f({3})}, {0, none, none, none, none}});
  c.push_back({"BatchNormalization over permuted channels", "BatchNormalization", {{"epsilon", 0.0009765625}}, {f({2, 4, 3}), f({4}), f({4}), f({4}), f({4})},
               {1, none, none, none, none}, SampleExpect::Breaks});
  c.push_back({"InstanceNormalization over permuted positions", "InstanceNormalization", {{"epsilon", 0.0009765625}},
               {f({2, 3, 4}), f({3}), f({3})}, {2, none, none}});
  for (const auto* op : {"ReduceSumSquare", "ReduceL2"}) {
    c.push_back({std::string(op) + " over tokens", op, {{"axes", ints({0})}, {"keepdims", std::int64_t{0}}}, {f43}, {0}});
    c.push_back({std::string(op) + " over features", op, {{"axes", ints({1})}}, {f43}, {0}});
  }
  c.push_back({"TopK over features (expert routing)", "TopK", {{"k", std::int64_t{2}}, {"axis", std::int64_t{1}}}, {f43}, {0}, SampleExpect::Holds, 2});
  c.push_back({"TopK over tokens (indices move)", "TopK", {{"k", std::int64_t{2}}, {"axis", std::int64_t{0}}}, {f43}, {0}, SampleExpect::Breaks, 2});
  c.push_back({"Pad cropping features", "Pad", {{"pads", ints({0, 1, 0, -2})}}, {f43}, {0}});
  c.push_back({"Pad shifting tokens by one (token shift)", "Pad", {{"pads", ints({1, 0, -1, 0})}}, {f43}, {0}, SampleExpect::Breaks});
  c.push_back({"Tile repeating features", "Tile", {{"repeats", ints({1, 2})}}, {f43}, {0}});
  c.push_back({"Tile repeating the tokens", "Tile", {{"repeats", ints({2, 1})}}, {f43}, {0}});
  c.push_back({"ScatterND of rows carrying the tokens", "ScatterND", {}, {f({3, 4}), i64({1, 1}), f({1, 4})}, {1, none, 1}});
  c.push_back({"Einsum attention scores", "Einsum", {{"equation", std::string("bqd,bkd->bqk")}}, {f({2, 4, 3}), f({2, 4, 3})}, {1, 1}});
  c.push_back({"Einsum batch diagonal", "Einsum", {{"equation", std::string("bii->bi")}}, {f({4, 3, 3})}, {0}});
  c.push_back({"Einsum with an ellipsis", "Einsum", {{"equation", std::string("...d,de->...e")}}, {f({4, 2, 3}), f({3, 5})}, {0, none}});
  c.push_back({"Einsum summing the tokens (implicit output)", "Einsum", {{"equation", std::string("td,te")}}, {f43, f({4, 2})}, {0, 0}});
  c.push_back({"Einsum mixing tokens with a fixed matrix", "Einsum", {{"equation", std::string("ij,jd->id")}}, {f({4, 4}), f43}, {none, 0},
               SampleExpect::Breaks});
  c.push_back({"EyeLike", "EyeLike", {{"k", std::int64_t{1}}}, {f43}, {0}});
  c.push_back({"AveragePool over a permuted batch", "AveragePool", {{"kernel_shape", ints({2})}, {"pads", ints({1, 0})}}, {f({4, 3, 5})}, {0}});
  c.push_back({"AveragePool 2-D counting pads", "AveragePool", {{"kernel_shape", ints({2, 2})}, {"pads", ints({1, 0, 0, 1})}, {"count_include_pad", std::int64_t{1}}},
               {f({4, 2, 3, 3})}, {0}});
  c.push_back({"MaxPool over permuted channels", "MaxPool", {{"kernel_shape", ints({3})}, {"strides", ints({2})}, {"ceil_mode", std::int64_t{1}}},
               {f({2, 4, 6})}, {1}});
  c.push_back({"AveragePool along the tokens", "AveragePool", {{"kernel_shape", ints({2})}}, {f({1, 2, 4})}, {2}, SampleExpect::Breaks});
  c.push_back({"Conv2d over a permuted batch", "Conv2d", {{"pads", ints({1, 1, 1, 1})}, {"strides", ints({2, 1})}},
               {f({4, 2, 4, 3}), f({2, 2, 3, 3}), f({2})}, {0, none, none}});
  unary("Floor");
  for (const auto* op : {"ReduceMin", "ReduceL1", "ReduceLogSum", "ReduceLogSumExp"}) {
    c.push_back({std::string(op) + " over tokens", op, {{"axes", ints({0})}, {"keepdims", std::int64_t{0}}}, {f43}, {0}});
    c.push_back({std::string(op) + " over features", op, {{"axes", ints({1})}}, {f43}, {0}});
  }
  unary("Softsign");
  c.push_back({"TopK over tokens, values only (sort pooling)", "TopK", {{"k", std::int64_t{2}}, {"axis", std::int64_t{0}}}, {f43}, {0}, SampleExpect::Holds, 1});
  c.push_back({"OneHot of each token's expert (top-1 dispatch)", "OneHot", {{"depth", std::int64_t{3}}}, {i64({4})}, {0}});
  c.push_back({"OneHot with the classes first, off -1", "OneHot", {{"depth", std::int64_t{2}}, {"axis", std::int64_t{0}}, {"off", -1.0}, {"on", 2.0}, {"dtype", std::string("float")}},
               {i64({4, 2})}, {0}});
  c.push_back({"ArgMax of token ids over the tokens (end-of-text position)", "ArgMax", {{"axis", std::int64_t{0}}}, {i64({4, 2})}, {0}, SampleExpect::Breaks});
  return c;
}

}  // namespace

Node OperatorSample::node() const {
  Node node;
  node.name = "sample";
  node.op = op;
  node.attrs = attrs;
  for (std::size_t i = 0; i < inputs.size(); ++i) node.inputs.push_back("in" + std::to_string(i));
  for (int k = 0; k < outputs; ++k) node.outputs.push_back("out" + std::to_string(k));
  return node;
}

std::vector<Action> OperatorSample::actions() const {
  std::vector<Action> result;
  for (const auto& axis : acted) {
    Action a;
    if (axis) a.add(*axis, 0);
    result.push_back(a);
  }
  return result;
}

std::span<const OperatorSample> operator_samples() {
  static const std::vector<OperatorSample> samples = make_samples();
  return samples;
}

}  // namespace permeq

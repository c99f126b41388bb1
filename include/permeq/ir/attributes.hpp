// permeq/ir/attributes.hpp: typed node attributes and the schema each operator declares for them.
//
// Attributes are a closed variant, never raw integer arrays read back through casts. Every
// operator lists its attributes (name, type, required, documented default) in its definition; the
// validator and the JSON reader both work from that list.
#pragma once

#include "permeq/core/shape.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace permeq {

enum class AttrType { Int, Float, String, Ints, Floats, Dims };

[[nodiscard]] std::string_view to_string(AttrType type);

/// `Dims` holds sizes that may name a dimension ("seq"); they become integers on instantiation.
using AttrValue = std::variant<std::int64_t, double, std::string, std::vector<std::int64_t>,
                               std::vector<double>, std::vector<Dim>>;

[[nodiscard]] AttrType attr_type_of(const AttrValue& value);

struct AttrSpec {
  std::string_view name;
  AttrType type;
  bool required = false;
  std::string_view doc;  ///< meaning and default, shown by `permeq ops`
};

using Attributes = std::map<std::string, AttrValue, std::less<>>;

}  // namespace permeq

// permeq/report/report.hpp: rendering a CheckReport for people (text) and for machines (JSON).
//
// The JSON schema is versioned ("schema": "permeq-report/1") and documented in
// docs/report-format.md; fields are only ever added within a version.
#pragma once

#include "permeq/check/checker.hpp"

#include <string>

namespace permeq {

inline constexpr const char* report_schema = "permeq-report/1";

struct TextOptions {
  bool all_nodes = true;  ///< one row per node; false lists only culprits and unknowns
  bool color = false;     ///< ANSI colours for verdicts
};

[[nodiscard]] std::string format_text(const CheckReport& report, const TextOptions& options = {});
[[nodiscard]] std::string format_json(const CheckReport& report);

/// "[[1/2, 3], [0, -1]]", eliding the middle of large tensors.
[[nodiscard]] std::string format_tensor(const Tensor<Rational>& tensor, std::size_t max_elements = 24);

}  // namespace permeq

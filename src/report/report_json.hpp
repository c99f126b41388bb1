// src/report/report_json.hpp: the JSON tree of a report ("permeq-report/1", json_report.cpp), for
// the reports that carry it whole (the HTML report embeds it as its data).
#pragma once

#include "permeq/check/checker.hpp"

#include <nlohmann/json.hpp>

namespace permeq::detail {

[[nodiscard]] nlohmann::json report_json(const CheckReport& report);

}  // namespace permeq::detail

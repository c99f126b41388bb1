// src/report/html/html_assets.hpp: the HTML report's script and style sheet (report.js and
// report.css beside this file), compiled in as strings by CMake (html_assets.cpp.in).
#pragma once

namespace permeq::detail {

extern const char* const html_script;
extern const char* const html_style;

}  // namespace permeq::detail

// src/report/measure_report.cpp: `permeq measure` as text, JSON and an SVG plot drawn by hand
// (error by node on a log scale, symmetric fraction against n).

#include "permeq/report/report.hpp"
#include "src/report/wording.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

namespace permeq {

namespace {

std::string number(double v, const char* format = "%.3g") {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, format, v);
  return buffer;
}

std::string distribution_text(const ErrorDistribution& d) {
  return "mean " + number(d.mean) + ", median " + number(d.median) + ", p95 " + number(d.p95) + ", max " + number(d.max);
}

std::string estimate_text(const Estimate& e) {
  return number(e.value, "%.4f") + " (95% CI " + number(e.low, "%.4f") + " .. " + number(e.high, "%.4f") + ")";
}

std::string padded(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

}  // namespace

std::string format_measurement_text(const Measurement& m) {
  std::ostringstream out;
  out << "permeq measure: " << m.graph << " (" << m.weights << " weights, " << m.precision << ", seed " << m.seed << ", "
      << (m.inputs == "random" ? std::string("random inputs") : "inputs from " + m.inputs) << ")\n";
  out << "relative error ||f(sigma x) - sigma f(x)|| / ||f(x)||; up to " << number(m.rounding_level) << " is rounding (2^10 unit roundoffs)\n";
  for (const auto& s : m.sizes) {
    out << "\nn = " << s.tokens << ": " << s.inputs << " inputs x " << s.permutations << " uniformly random permutations\n";
    out << "outputs:\n";
    for (const auto& o : s.outputs) {
      out << "  " << o.output << " (" << o.action << ")";
      if (!o.note.empty()) {
        out << ": " << o.note << "\n";
        continue;
      }
      out << ": relative error " << distribution_text(o.error) << "\n";
      if (o.symmetric_fraction) out << "    symmetric fraction " << estimate_text(*o.symmetric_fraction) << "\n";
      if (o.standard_fraction) out << "    invariant readout: trivial component " << estimate_text(*o.trivial_fraction) << ", standard component "
                                   << estimate_text(*o.standard_fraction) << "\n";
      out << "    by displaced tokens (mean error):";
      for (const auto& d : o.by_displacement) out << " " << d.displaced << ": " << number(d.error.mean) << ";";
      out << "\n    transpositions (mean error): adjacent (i i+1) " << number(o.adjacent.mean) << ", distant (i i+" << s.tokens / 2 << ") "
          << number(o.distant.mean) << "\n";
    }
    std::size_t name_width = 4, op_width = 2;
    for (const auto& n : s.nodes) {
      name_width = std::max(name_width, n.node.size());
      op_width = std::max(op_width, n.op.size());
    }
    out << "nodes that depend on the permuted inputs (" << s.nodes.size() << "), error over " << s.inputs * s.permutations << " draws:\n";
    auto row = [&](const std::string& node, const std::string& op, const std::string& rest) {
      auto line = "  " + padded(node, name_width) + "  " + padded(op, op_width) + "  " + rest;
      line.erase(line.find_last_not_of(' ') + 1);
      out << line << "\n";
    };
    row("node", "op", padded("median", 10) + padded("p95", 10) + "max");
    for (const auto& n : s.nodes) {
      if (!n.error.samples) row(n.node, n.op, "not measured (action " + n.action + ")");
      else
        row(n.node, n.op, padded(number(n.error.median), 10) + padded(number(n.error.p95), 10) + padded(number(n.error.max), 10) +
                              (n.error.max > m.rounding_level ? "above rounding" : ""));
    }
    if (s.first_above_rounding) {
      const auto it = std::find_if(s.nodes.begin(), s.nodes.end(), [&](const NodeMeasurement& n) { return n.node == *s.first_above_rounding; });
      out << "first node above the rounding level: " << *s.first_above_rounding << " (" << it->op << "), largest error " << number(it->error.max) << "\n";
    } else {
      out << "every node is within rounding: equivariant for these weights, as far as floating point shows\n";
    }
  }
  char line[64];
  std::snprintf(line, sizeof line, "\n%.2f s\n", m.seconds);
  out << line;
  return out.str();
}

std::string format_measurement_json(const Measurement& m) {
  using nlohmann::json;
  auto distribution = [](const ErrorDistribution& d) {
    return json{{"samples", d.samples}, {"mean", d.mean}, {"median", d.median}, {"p95", d.p95}, {"max", d.max}};
  };
  auto estimate = [](const std::optional<Estimate>& e) -> json {
    if (!e) return nullptr;
    return json{{"value", e->value}, {"low", e->low}, {"high", e->high}};
  };
  json sizes = json::array();
  for (const auto& s : m.sizes) {
    json outputs = json::array(), nodes = json::array();
    for (const auto& o : s.outputs) {
      json displaced = json::array();
      for (const auto& d : o.by_displacement) displaced.push_back({{"displaced", d.displaced}, {"error", distribution(d.error)}});
      outputs.push_back({{"output", o.output},
                         {"action", o.action},
                         {"invariant", o.invariant},
                         {"note", o.note},
                         {"error", distribution(o.error)},
                         {"by_displacement", displaced},
                         {"adjacent", distribution(o.adjacent)},
                         {"distant", distribution(o.distant)},
                         {"symmetric_fraction", estimate(o.symmetric_fraction)},
                         {"trivial_fraction", estimate(o.trivial_fraction)},
                         {"standard_fraction", estimate(o.standard_fraction)}});
    }
    for (const auto& n : s.nodes)
      nodes.push_back({{"node", n.node}, {"op", n.op}, {"scope", n.scope}, {"action", n.action}, {"error", distribution(n.error)}});
    sizes.push_back({{"tokens", s.tokens},
                     {"inputs", s.inputs},
                     {"permutations", s.permutations},
                     {"first_above_rounding", s.first_above_rounding ? json(*s.first_above_rounding) : json(nullptr)},
                     {"outputs", outputs},
                     {"nodes", nodes}});
  }
  json j{{"schema", "permeq-measure/1"}, {"graph", m.graph},         {"weights", m.weights}, {"precision", m.precision}, {"seed", m.seed},
         {"inputs", m.inputs},          {"rounding_level", m.rounding_level}, {"seconds", m.seconds}, {"sizes", sizes}};
  return j.dump(2) + "\n";
}

namespace {

constexpr const char* palette[] = {"#c0392b", "#2471a3", "#1e8449", "#7d3c98", "#b9770e", "#17202a"};

struct Panel {
  double left, top, width, height;
};

}  // namespace

std::string format_measurement_svg(const Measurement& m) {
  constexpr double width = 900, error_height = 300, fraction_height = 260, margin_left = 70, margin_right = 170;
  std::size_t longest_name = 0, most_nodes = 1;
  for (const auto& s : m.sizes) {
    most_nodes = std::max(most_nodes, s.nodes.size());
    for (const auto& n : s.nodes) longest_name = std::max(longest_name, n.node.size());
  }
  const double label_room = std::min(220.0, 5.5 * static_cast<double>(longest_name) + 10);
  const Panel errors{margin_left, 70, width - margin_left - margin_right, error_height};
  const Panel fractions{margin_left, errors.top + errors.height + label_room + 70, width - margin_left - margin_right, fraction_height};
  const double height = fractions.top + fractions.height + 60;
  std::ostringstream svg;
  svg << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << number(height, "%.0f") << "\" viewBox=\"0 0 " << width << " "
      << number(height, "%.0f") << "\" font-family=\"sans-serif\" font-size=\"11\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<text x=\"" << margin_left << "\" y=\"22\" font-size=\"14\" font-weight=\"bold\">" << markup_text("permeq measure: " + m.graph) << "</text>\n"
      << "<text x=\"" << margin_left << "\" y=\"38\">" << markup_text(m.weights + " weights, " + m.precision + ", seed " + std::to_string(m.seed))
      << "</text>\n";

  // Panel 1: relative error by node, log scale.
  double low = m.rounding_level, high = 1.0;
  for (const auto& s : m.sizes)
    for (const auto& n : s.nodes) {
      if (n.error.samples && n.error.median > 0 && std::isfinite(n.error.median)) low = std::min(low, n.error.median);
      if (n.error.samples && std::isfinite(n.error.max)) high = std::max(high, n.error.max);
    }
  const double floor_decade = std::floor(std::log10(std::max(low, 1e-300))), ceil_decade = std::ceil(std::log10(high));
  auto error_y = [&](double v) {
    // Zero (a node that commutes exactly) sits on the bottom edge; infinities on the top.
    const double decade = v > 0 ? std::clamp(std::log10(v), floor_decade, ceil_decade) : (std::isinf(v) ? ceil_decade : floor_decade);
    return errors.top + errors.height * (ceil_decade - decade) / std::max(ceil_decade - floor_decade, 1.0);
  };
  auto node_x = [&](std::size_t k) {
    return errors.left + (most_nodes > 1 ? errors.width * static_cast<double>(k) / static_cast<double>(most_nodes - 1) : errors.width / 2);
  };
  svg << "<text x=\"" << errors.left << "\" y=\"" << errors.top - 6 << "\" font-weight=\"bold\">relative equivariance error by node (evaluation order), "
      << "largest (solid) and median (dashed)</text>\n";
  svg << "<rect x=\"" << errors.left << "\" y=\"" << errors.top << "\" width=\"" << errors.width << "\" height=\"" << errors.height
      << "\" fill=\"none\" stroke=\"#888\"/>\n";
  for (double d = floor_decade; d <= ceil_decade; d += std::max(1.0, std::ceil((ceil_decade - floor_decade) / 8))) {
    const double y = error_y(std::pow(10.0, d));
    svg << "<line x1=\"" << errors.left << "\" x2=\"" << errors.left + errors.width << "\" y1=\"" << number(y, "%.1f") << "\" y2=\"" << number(y, "%.1f")
        << "\" stroke=\"#eee\"/>\n<text x=\"" << errors.left - 6 << "\" y=\"" << number(y + 4, "%.1f") << "\" text-anchor=\"end\">1e" << number(d, "%.0f")
        << "</text>\n";
  }
  const double rounding_y = error_y(m.rounding_level);
  svg << "<line x1=\"" << errors.left << "\" x2=\"" << errors.left + errors.width << "\" y1=\"" << number(rounding_y, "%.1f") << "\" y2=\""
      << number(rounding_y, "%.1f") << "\" stroke=\"#555\" stroke-dasharray=\"2,3\"/>\n<text x=\"" << errors.left + errors.width + 6 << "\" y=\""
      << number(rounding_y + 4, "%.1f") << "\">rounding level</text>\n";
  for (std::size_t si = 0; si < m.sizes.size(); ++si) {
    const auto& s = m.sizes[si];
    const char* colour = palette[si % std::size(palette)];
    for (const bool median : {false, true}) {
      std::string points;
      for (std::size_t k = 0; k < s.nodes.size(); ++k) {
        const auto& e = s.nodes[k].error;
        if (!e.samples) continue;
        points += number(node_x(k), "%.1f") + "," + number(error_y(median ? e.median : e.max), "%.1f") + " ";
      }
      svg << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"1.5\"" << (median ? " stroke-dasharray=\"4,3\"" : "") << " points=\""
          << points << "\"/>\n";
    }
    for (std::size_t k = 0; k < s.nodes.size(); ++k) {
      const auto& n = s.nodes[k];
      if (!n.error.samples) continue;
      svg << "<circle cx=\"" << number(node_x(k), "%.1f") << "\" cy=\"" << number(error_y(n.error.max), "%.1f") << "\" r=\"2.5\" fill=\"" << colour
          << "\"><title>" << markup_text(n.node + " (" + n.op + "), n = " + std::to_string(s.tokens) + ": max " + number(n.error.max) + ", median " +
                                         number(n.error.median))
          << "</title></circle>\n";
    }
    svg << "<text x=\"" << errors.left + errors.width + 6 << "\" y=\"" << errors.top + 14 + 16 * static_cast<double>(si) << "\" fill=\"" << colour
        << "\">n = " << s.tokens << "</text>\n";
  }
  if (!m.sizes.empty()) {
    const auto& s = m.sizes.front();
    for (std::size_t k = 0; k < s.nodes.size(); ++k) {
      const double x = node_x(k), y = errors.top + errors.height + 8;
      const bool first = s.first_above_rounding && *s.first_above_rounding == s.nodes[k].node;
      svg << "<text x=\"" << number(x, "%.1f") << "\" y=\"" << number(y, "%.1f") << "\" font-size=\"8\" transform=\"rotate(60 " << number(x, "%.1f")
          << " " << number(y, "%.1f") << ")\"" << (first ? " fill=\"#c0392b\" font-weight=\"bold\"" : "") << ">" << markup_text(s.nodes[k].node)
          << "</text>\n";
      if (first)
        svg << "<line x1=\"" << number(x, "%.1f") << "\" x2=\"" << number(x, "%.1f") << "\" y1=\"" << errors.top << "\" y2=\""
            << errors.top + errors.height << "\" stroke=\"#c0392b\" stroke-dasharray=\"3,3\"/>\n";
    }
  }

  // Panel 2: symmetric fraction against n, with the confidence intervals.
  std::vector<std::int64_t> ns;
  for (const auto& s : m.sizes) ns.push_back(s.tokens);
  const double n_low = ns.empty() ? 0 : static_cast<double>(*std::min_element(ns.begin(), ns.end()));
  const double n_high = ns.empty() ? 1 : static_cast<double>(*std::max_element(ns.begin(), ns.end()));
  auto n_x = [&](double n) { return fractions.left + (n_high > n_low ? fractions.width * (n - n_low) / (n_high - n_low) : fractions.width / 2); };
  // The axis runs from the tenth below the lowest interval bound to 1, so that fractions near 1 are
  // told apart.
  double lowest = 1.0;
  for (const auto& s : m.sizes)
    for (const auto& o : s.outputs)
      if (o.symmetric_fraction && std::isfinite(o.symmetric_fraction->low)) lowest = std::min(lowest, o.symmetric_fraction->low);
  const double bottom = std::clamp(std::min(std::floor(lowest * 10) / 10, 0.9), 0.0, 0.9);
  auto fraction_y = [&](double f) { return fractions.top + fractions.height * (1.0 - std::clamp(f, bottom, 1.0)) / (1.0 - bottom); };
  svg << "<text x=\"" << fractions.left << "\" y=\"" << fractions.top - 6 << "\" font-weight=\"bold\">symmetric fraction of each output against n "
      << "(95% confidence intervals)</text>\n";
  svg << "<rect x=\"" << fractions.left << "\" y=\"" << fractions.top << "\" width=\"" << fractions.width << "\" height=\"" << fractions.height
      << "\" fill=\"none\" stroke=\"#888\"/>\n";
  for (int tick = 0; tick <= 4; ++tick) {
    const double f = bottom + (1.0 - bottom) * tick / 4;
    svg << "<line x1=\"" << fractions.left << "\" x2=\"" << fractions.left + fractions.width << "\" y1=\"" << number(fraction_y(f), "%.1f") << "\" y2=\""
        << number(fraction_y(f), "%.1f") << "\" stroke=\"#eee\"/>\n<text x=\"" << fractions.left - 6 << "\" y=\"" << number(fraction_y(f) + 4, "%.1f")
        << "\" text-anchor=\"end\">" << number(f, "%.3g") << "</text>\n";
  }
  for (const auto n : ns)
    svg << "<text x=\"" << number(n_x(static_cast<double>(n)), "%.1f") << "\" y=\"" << fractions.top + fractions.height + 16
        << "\" text-anchor=\"middle\">n = " << n << "</text>\n";
  std::vector<std::string> outputs;
  for (const auto& s : m.sizes)
    for (const auto& o : s.outputs)
      if (o.symmetric_fraction && std::find(outputs.begin(), outputs.end(), o.output) == outputs.end()) outputs.push_back(o.output);
  for (std::size_t oi = 0; oi < outputs.size(); ++oi) {
    const char* colour = palette[oi % std::size(palette)];
    std::string points;
    for (const auto& s : m.sizes)
      for (const auto& o : s.outputs) {
        if (o.output != outputs[oi] || !o.symmetric_fraction || std::isnan(o.symmetric_fraction->value)) continue;
        const auto& e = *o.symmetric_fraction;
        const double x = n_x(static_cast<double>(s.tokens));
        points += number(x, "%.1f") + "," + number(fraction_y(e.value), "%.1f") + " ";
        svg << "<line x1=\"" << number(x, "%.1f") << "\" x2=\"" << number(x, "%.1f") << "\" y1=\"" << number(fraction_y(e.low), "%.1f") << "\" y2=\""
            << number(fraction_y(e.high), "%.1f") << "\" stroke=\"" << colour << "\"/>\n"
            << "<circle cx=\"" << number(x, "%.1f") << "\" cy=\"" << number(fraction_y(e.value), "%.1f") << "\" r=\"3\" fill=\"" << colour << "\"><title>"
            << markup_text(o.output + ", n = " + std::to_string(s.tokens) + ": " + number(e.value, "%.4f") + " (" + number(e.low, "%.4f") + " .. " +
                           number(e.high, "%.4f") + ")")
            << "</title></circle>\n";
      }
    svg << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"1.5\" points=\"" << points << "\"/>\n"
        << "<text x=\"" << fractions.left + fractions.width + 6 << "\" y=\"" << fractions.top + 14 + 16 * static_cast<double>(oi) << "\" fill=\"" << colour
        << "\">" << markup_text(outputs[oi]) << "</text>\n";
  }
  svg << "</svg>\n";
  return svg.str();
}

}  // namespace permeq

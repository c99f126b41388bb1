#include "permeq/check/policy.hpp"
#include "permeq/report/report.hpp"
#include "src/report/wording.hpp"

#include <tinyxml2.h>

namespace permeq {

std::string format_junit(const CheckReport& report) {
  const PolicyOutcome outcome = report.policy ? *report.policy : judge(Policy{}, report);
  tinyxml2::XMLDocument doc;
  doc.InsertFirstChild(doc.NewDeclaration());
  auto* suites = doc.NewElement("testsuites");
  doc.InsertEndChild(suites);
  auto* suite = suites->InsertNewChildElement("testsuite");
  suite->SetAttribute("name", ("permeq." + report.graph).c_str());
  suite->SetAttribute("time", report.seconds);
  auto* properties = suite->InsertNewChildElement("properties");
  auto property = [&](const char* name, const std::string& value) {
    auto* p = properties->InsertNewChildElement("property");
    p->SetAttribute("name", name);
    p->SetAttribute("value", value.c_str());
  };
  property("tokens", std::to_string(report.tokens));
  property("scope", report.scope);
  if (report.policy) property("policy", report.policy->source);

  int tests = 0, failures = 0, skipped = 0;
  for (const auto& e : outcome.expectations) {
    ++tests;
    auto* test = suite->InsertNewChildElement("testcase");
    test->SetAttribute("classname", ("permeq." + report.graph + ".outputs").c_str());
    test->SetAttribute("name", (e.output + " is " + e.expected).c_str());
    if (!e.met) {
      ++failures;
      auto* failure = test->InsertNewChildElement("failure");
      failure->SetAttribute("message", e.explanation.c_str());
      failure->SetAttribute("type", "permeq.expectation");
      failure->SetText(e.explanation.c_str());
    }
  }
  for (const auto& n : report.nodes) {
    if (n.verdict != Verdict::Breaks) continue;
    ++tests;
    auto* test = suite->InsertNewChildElement("testcase");
    test->SetAttribute("classname", ("permeq." + report.graph + ".culprits").c_str());
    test->SetAttribute("name", (n.node + " (" + n.op + ") keeps the symmetry").c_str());
    std::string detail = n.note;
    if (n.witness) detail += "; witness at " + witness_line(report, *n.witness) + " (" + n.witness->first_difference.value + ")";
    if (n.permitted) {
      ++skipped;
      test->InsertNewChildElement("skipped")->SetAttribute("message", ("permitted by policy: " + *n.permitted).c_str());
    } else {
      ++failures;
      auto* failure = test->InsertNewChildElement("failure");
      failure->SetAttribute("message", ("breaks: " + n.node).c_str());
      failure->SetAttribute("type", "permeq.culprit");
      failure->SetText(detail.c_str());
    }
  }
  for (auto* element : {suites, suite}) {
    element->SetAttribute("tests", tests);
    element->SetAttribute("failures", failures);
  }
  suite->SetAttribute("skipped", skipped);
  suite->SetAttribute("errors", 0);
  tinyxml2::XMLPrinter printer;
  doc.Print(&printer);
  return printer.CStr();
}

}  // namespace permeq

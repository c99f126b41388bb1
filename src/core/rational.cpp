#include "permeq/core/rational.hpp"

#include "permeq/core/error.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <regex>

namespace permeq {

namespace {
using Integer = boost::multiprecision::mpz_int;

Integer power_of_ten(long exponent) {
  Integer result = 1;
  for (long i = 0; i < exponent; ++i) result *= 10;
  return result;
}
}  // namespace

Rational parse_rational(const std::string& text) {
  static const std::regex fraction(R"(\s*([+-]?\d+)\s*/\s*(\d+)\s*)");
  static const std::regex decimal(R"(\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*)");
  std::smatch m;
  if (std::regex_match(text, m, fraction)) {
    auto decimal_integer = [](std::string digits) {
      const bool negative = !digits.empty() && digits[0] == '-';
      if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.erase(0, 1);
      digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size()));
      const Integer value(digits.empty() ? "0" : digits);
      return negative ? Integer(-value) : value;
    };
    const Integer denominator = decimal_integer(m[2].str());
    if (denominator == 0) throw Error(ErrorKind::Input, "rational '" + text + "' has a zero denominator");
    return Rational(decimal_integer(m[1].str()), denominator);
  }
  if (std::regex_match(text, m, decimal) && (m[2].length() + m[3].length()) > 0) {
    std::string digits = m[2].str() + m[3].str();
    // mpz_int reads a leading 0 as octal: strip leading zeros.
    digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size()));
    long exponent = m[4].matched ? std::stol(m[4].str()) : 0;
    exponent -= static_cast<long>(m[3].length());
    if (exponent > 4000 || exponent < -4000) throw Error(ErrorKind::Input, "number '" + text + "' is out of range");
    Rational value(Integer(digits.empty() ? "0" : digits));
    if (exponent >= 0) value *= Rational(power_of_ten(exponent));
    else value /= Rational(power_of_ten(-exponent));
    return m[1].str() == "-" ? Rational(-value) : value;
  }
  throw Error(ErrorKind::Input, "'" + text + "' is not a number (expected e.g. 3, -7/4, 0.125 or 1e-5)");
}

const Rational& infinite_rational() {
  static const Rational value = [] {
    Rational r(1);
    for (int i = 0; i < 1000; ++i) r *= 2;
    return r;
  }();
  return value;
}

bool is_infinite(const Rational& value) {
  static const Rational threshold = [] {
    Rational r(1);
    for (int i = 0; i < 900; ++i) r *= 2;
    return r;
  }();
  return value >= threshold || value <= -threshold;
}

Rational rational_from_double(double value) {
  if (std::isinf(value)) return value < 0 ? Rational(-infinite_rational()) : infinite_rational();
  if (!std::isfinite(value)) throw Error(ErrorKind::Input, "value " + std::to_string(value) + " is not a number");
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return parse_rational(std::string(buffer, result.ptr));
}

std::string to_string(const Rational& value) { return value.str(); }

double to_double(const Rational& value) {
  if (is_infinite(value)) return value < 0 ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  return value.convert_to<double>();
}

}  // namespace permeq

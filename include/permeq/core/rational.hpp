// permeq/core/rational.hpp: the exact scalar type and exact conversions into it.
//
// Exact evaluation uses GMP rationals through Boost.Multiprecision with expression templates
// off, so the type behaves like a plain value type inside generic operator code.
#pragma once

#include <boost/multiprecision/gmp.hpp>

#include <cstdint>
#include <string>

namespace permeq {

using Rational = boost::multiprecision::number<boost::multiprecision::gmp_rational,
                                               boost::multiprecision::et_off>;

/// The decimal a double prints as (shortest round trip), as an exact rational: 1e-5 -> 1/100000.
/// Attributes and stored weights are written by people and tools in decimal; reading them back as
/// their decimal value keeps rationals small, where the binary value of 1e-5 would not.
/// +inf and -inf (attention masks) become +/- infinite_rational(); NaN is an input error.
[[nodiscard]] Rational rational_from_double(double value);

/// Exact evaluation holds the infinities of masks as +/- 2^1000 ("extended rationals"): every
/// value of magnitude 2^900 or more is infinite (is_infinite, to_double gives +/-inf), and
/// adding finite values or scaling by finite nonzero factors of ordinary size keeps it so, as
/// adding to or scaling an infinity does. exp of -infinity is exactly 0 in every domain (a
/// masked softmax entry), and a softmax row that is masked throughout is an error, as it is NaN
/// in PyTorch. What PyTorch makes NaN otherwise (inf - inf, 0 * inf) is not detected here.
[[nodiscard]] const Rational& infinite_rational();
[[nodiscard]] bool is_infinite(const Rational& value);

/// Parses "3", "-7/4", "0.125" or "1e-5" exactly; throws permeq::Error on anything else.
[[nodiscard]] Rational parse_rational(const std::string& text);

/// "3", "-7/4": numerator/denominator in lowest terms.
[[nodiscard]] std::string to_string(const Rational& value);

[[nodiscard]] double to_double(const Rational& value);

}  // namespace permeq

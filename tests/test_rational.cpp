// Exact scalars: parsing, decimal reading of doubles, formatting.
#include <doctest/doctest.h>

#include <permeq/permeq.hpp>

#include <cmath>
#include <limits>

using permeq::Rational;

TEST_CASE("rationals parse exactly from fractions and decimals") {
  CHECK(permeq::parse_rational("-7/4") == Rational(-7, 4));
  CHECK(permeq::parse_rational("0.125") == Rational(1, 8));
  CHECK(permeq::parse_rational("1e-5") == Rational(1, 100000));
  CHECK(permeq::parse_rational("-2.5E2") == Rational(-250));
  CHECK(permeq::to_string(Rational(-6, 4)) == "-3/2");
  CHECK_THROWS_AS((void)permeq::parse_rational("abc"), permeq::Error);
  CHECK_THROWS_AS((void)permeq::parse_rational("1/0"), permeq::Error);
}

TEST_CASE("doubles are read as the decimal they print as") {
  CHECK(permeq::rational_from_double(1e-5) == Rational(1, 100000));
  CHECK(permeq::rational_from_double(0.1) == Rational(1, 10));
  CHECK(permeq::rational_from_double(-3.0) == Rational(-3));
  CHECK_THROWS_AS((void)permeq::rational_from_double(std::numeric_limits<double>::quiet_NaN()), permeq::Error);
}

using namespace permeq;

TEST_CASE("infinities are extended rationals: +/- 2^1000, infinite from 2^900 on, back to +/-inf as doubles") {
  const double inf = std::numeric_limits<double>::infinity();
  const Rational minus = rational_from_double(-inf), plus = rational_from_double(inf);
  CHECK(minus == -infinite_rational());
  CHECK(plus == infinite_rational());
  CHECK(is_infinite(minus + Rational(1000)));
  CHECK(is_infinite(minus * Rational(1, 8)));
  CHECK_FALSE(is_infinite(Rational(1) / Rational(3)));
  CHECK(to_double(minus + Rational(5)) == -inf);
  CHECK(to_double(plus) == inf);
  CHECK_THROWS_WITH_AS((void)rational_from_double(std::nan("")), doctest::Contains("not a number"), Error);
}

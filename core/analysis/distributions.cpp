#include "analysis/distributions.h"

// Boost.Math's default policy (used by a few of its internal helpers, such as rounding) throws
// with a message built in a std::stringstream, which links iostreams and every locale facet
// into the wasm module. Errors become NaN/∞ with errno everywhere instead, as in NoThrow below.
// The default policy does not promote double to long double either: ibeta's binomial helper
// uses it, and its long double beta linked 7 KB of software 128-bit arithmetic into the module.
#define BOOST_MATH_DOMAIN_ERROR_POLICY errno_on_error
#define BOOST_MATH_POLE_ERROR_POLICY errno_on_error
#define BOOST_MATH_OVERFLOW_ERROR_POLICY errno_on_error
#define BOOST_MATH_EVALUATION_ERROR_POLICY errno_on_error
#define BOOST_MATH_ROUNDING_ERROR_POLICY errno_on_error
#define BOOST_MATH_INDETERMINATE_RESULT_ERROR_POLICY errno_on_error
#define BOOST_MATH_PROMOTE_DOUBLE_POLICY false

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <unordered_map>

namespace basketlift {

namespace {

namespace bm = boost::math;
namespace bp = boost::math::policies;

// Errors become NaN/∞ with errno set, never exceptions. Everything is computed in double:
// Boost's default promotes to long double, which WebAssembly emulates in software (128 bits,
// slow, and most of the module's size), and which natively is another width (80 bits).
using NoThrow =
    bp::policy<bp::domain_error<bp::errno_on_error>, bp::pole_error<bp::errno_on_error>,
               bp::overflow_error<bp::errno_on_error>, bp::underflow_error<bp::ignore_error>,
               bp::evaluation_error<bp::errno_on_error>, bp::rounding_error<bp::errno_on_error>,
               bp::indeterminate_result_error<bp::errno_on_error>, bp::promote_double<false>>;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// At most this many t quantiles are kept (then forgotten at once).
constexpr std::size_t kKeptQuantiles = 1 << 16;

}  // namespace

double normal_cdf(double z) {
  if (std::isnan(z)) return kNaN;
  if (std::isinf(z)) return z > 0 ? 1 : 0;
  return bm::cdf(bm::normal_distribution<double, NoThrow>(), z);
}

double normal_quantile(double p) {
  if (!(p > 0 && p < 1)) return kNaN;
  return bm::quantile(bm::normal_distribution<double, NoThrow>(), p);
}

double t_survival(double t, double df) {
  if (std::isnan(t) || !(df > 0)) return kNaN;
  if (std::isinf(t)) return t > 0 ? 0 : 1;
  return bm::cdf(bm::complement(bm::students_t_distribution<double, NoThrow>(df), t));
}

double t_quantile(double p, double df) {
  if (!(p > 0 && p < 1) || !(df > 0)) return kNaN;
  // A report asks for the same quantiles over and over (one confidence, the sizes of its
  // groups: 30,000 calls for 2,563 offers' segments and channels, about 1,500 distinct),
  // and Boost inverts the distribution in microseconds: each answer is kept (per thread).
  struct Key {
    double p, df;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      return std::hash<double>{}(k.p) * 1000003u ^ std::hash<double>{}(k.df);
    }
  };
  thread_local std::unordered_map<Key, double, KeyHash> known;
  if (const auto found = known.find({p, df}); found != known.end()) return found->second;
  const double q = bm::quantile(bm::students_t_distribution<double, NoThrow>(df), p);
  if (known.size() >= kKeptQuantiles) known.clear();
  known.emplace(Key{p, df}, q);
  return q;
}

double chi_square_survival(double x, double df) {
  if (std::isnan(x) || !(df > 0) || x < 0) return kNaN;
  return bm::cdf(bm::complement(bm::chi_squared_distribution<double, NoThrow>(df), x));
}

}  // namespace basketlift

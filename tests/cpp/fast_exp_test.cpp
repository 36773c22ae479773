// fastexp: the batch kernel's exp for WASM SIMD, against std::exp and known values; in the
// -msimd128 build also its two-lane form against the scalar one. (The batch kernel's SIMD path
// against the portable functions: batch_test.cpp.)
#include <cfloat>

#include "fast_exp.hpp"
#include "helpers.hpp"

using losscore::fastexp::expNonPositive;

namespace {
// Error allowed against std::exp: 1e-15 relative (about 4.5 units in the last place), plus the
// smallest subnormal, since below 2^-1022 a result has fewer bits and each rounding counts more.
bool nearExp(double fast, double x) {
    const double exact = std::exp(x);
    return std::fabs(fast - exact) <= 1e-15 * exact + DBL_TRUE_MIN;
}
}  // namespace

TEST_CASE("fastexp: known values", "[fastexp]") {
    // By definition: e^0 = 1 exactly; e^-ln2 = 1/2 to rounding; e^-1 = 0.36787944117144233 (1/e, OEIS A068985).
    REQUIRE(expNonPositive(0.0) == 1.0);
    REQUIRE(expNonPositive(-0.0) == 1.0);
    REQUIRE_THAT(expNonPositive(-0x1.62e42fefa39efp-1), testing::close(0.5, 1e-15));
    REQUIRE_THAT(expNonPositive(-1.0), testing::close(0.36787944117144233, 1e-15));
    // e^-745.2 is below half the smallest subnormal (2^-1075 = e^-745.13): 0, as in std::exp; so is
    // everything below, including the clamp at -1100 and far beyond it.
    REQUIRE(expNonPositive(-745.2) == 0.0);
    REQUIRE(expNonPositive(-1100.0) == 0.0);
    REQUIRE(expNonPositive(-1e300) == 0.0);
    REQUIRE(expNonPositive(-DBL_MAX) == 0.0);
}

TEST_CASE("fastexp: within 1e-15 relative of std::exp from 0 down to the last subnormal", "[fastexp]") {
    testing::Random random(11);
    for (int i = 0; i < 200000; ++i) {
        const double x = random.uniform(-746, 0);
        CAPTURE(x);
        REQUIRE(nearExp(expNonPositive(x), x));
    }
    // Small arguments, where e^x - 1 is all in the low bits, and the ends of each reduction interval.
    for (int i = 0; i < 20000; ++i) {
        const double x = -std::ldexp(random.uniform(), -int(random.below(60)));
        CAPTURE(x);
        REQUIRE(nearExp(expNonPositive(x), x));
    }
    // The reduction steps by ln 2 / 256 (a table entry each): both ends and the middle of every step.
    const double step = 0.6931471805599453 / 256;
    for (int k = 0; k < 1075 * 256; ++k) {
        for (double x : {-(k + 0.5) * step, -(k + 0.5) * step + 1e-12, -k * step}) {
            CAPTURE(x);
            REQUIRE(nearExp(expNonPositive(x), x));
        }
    }
}

#ifdef __wasm_simd128__
TEST_CASE("fastexp: the two-lane form equals the scalar one bit for bit", "[fastexp][simd]") {
    testing::Random random(12);
    const auto lanes = losscore::fastexp::laneConstants();
    for (int i = 0; i < 100000; ++i) {
        // One lane often below -708, where both lanes take the subnormal-safe path.
        const double a = random.uniform(-750, 0), b = -std::ldexp(random.uniform(), -int(random.below(40)));
        const v128_t e = expNonPositive(wasm_f64x2_make(a, b), lanes);
        CAPTURE(a, b);
        REQUIRE(wasm_f64x2_extract_lane(e, 0) == expNonPositive(a));
        REQUIRE(wasm_f64x2_extract_lane(e, 1) == expNonPositive(b));
    }
}
#endif

#include <cmath>
#include <limits>

#include "helpers.hpp"

using namespace losscore;
using testing::close;
using testing::requireClose;

TEST_CASE("softmax: the slides' Dog 0.95 / Cat 0.05", "[softmax]") {
    // Slide: logits (z1, z2) = (ln 19, 0) give e^{z1} / (e^{z1} + e^{z2}) = 19 / 20.
    const auto p = softmax({std::log(19.0), 0.0});
    REQUIRE(p.ok());
    requireClose(p.value, {0.95, 0.05});
}

TEST_CASE("softmax: reference values", "[softmax]") {
    // tests/reference/reference.py (Python decimal, 50 digits).
    requireClose(softmax({1, 2, 3}).value,
                 {9.00305731703804580e-2, 2.44728471054797652e-1, 6.65240955774821890e-1});
    requireClose(softmax({1, 2, 3}, 0.5).value,
                 {1.58762399764667663e-2, 1.17310427826198363e-1, 8.66813332197334871e-1});
    requireClose(softmax({1, 2, 3}, 10).value,
                 {3.00609605355727286e-1, 3.32224993533347244e-1, 3.67165401110925469e-1});
    // By hand: one class is certain; equal logits are uniform.
    requireClose(softmax({42}).value, {1});
    requireClose(softmax({-7, -7, -7, -7}).value, {0.25, 0.25, 0.25, 0.25});
}

TEST_CASE("softmax: huge logits are exact", "[softmax]") {
    // By hand: e^{-2000} underflows to 0 after the max shift, so the result is exactly (1, 0).
    const auto a = softmax({1000, -1000});
    REQUIRE(a.value[0] == 1.0);
    REQUIRE(a.value[1] == 0.0);
    const auto b = softmax({1e308, 0});
    REQUIRE(b.value[0] == 1.0);
    REQUIRE(b.value[1] == 0.0);
    const auto c = softmax({1.7e308, -1.7e308, 1.7e308});
    REQUIRE(c.ok());
    requireClose(c.value, {0.5, 0, 0.5});
    // The largest double, at a temperature where the shift alone would overflow.
    const double big = std::numeric_limits<double>::max();
    requireClose(softmax({big, -big}, 4).value, {1, 0});
}

TEST_CASE("softmaxJacobian: the slides' derivatives", "[softmax]") {
    // By hand: y = (0.95, 0.05) for (ln 19, 0): y_1 (1 - y_1) = 0.0475 on the diagonal, -y_1 y_2 = -0.0475 off it.
    requireClose(softmaxJacobian({std::log(19.0), 0.0}).value, {0.0475, -0.0475, -0.0475, 0.0475});
    // By hand: three equal logits, y = 1/3: 1/3 * 2/3 = 2/9 on the diagonal, -1/9 off it; at T = 2, half of each.
    const double d = 2.0 / 9, o = -1.0 / 9;
    requireClose(softmaxJacobian({5, 5, 5}).value, {d, o, o, o, d, o, o, o, d});
    requireClose(softmaxJacobian({5, 5, 5}, 2).value, {d / 2, o / 2, o / 2, o / 2, d / 2, o / 2, o / 2, o / 2, d / 2});
    // By hand: each row sums to 0 (the probabilities sum to 1 whatever z is).
    const auto j = softmaxJacobian({2, -1, 0.5, 3});
    for (int k = 0; k < 4; ++k) REQUIRE_THAT(j.value[k * 4] + j.value[k * 4 + 1] + j.value[k * 4 + 2] + j.value[k * 4 + 3], close(0));
    // Refused as softmax refuses.
    REQUIRE(softmaxJacobian({1, std::nan("")}).error == "logit 2 is not a finite number");
    REQUIRE(!softmaxJacobian({1, 2}, 0).ok());
}

TEST_CASE("logSoftmax: reference values and huge logits", "[softmax]") {
    // tests/reference/reference.py.
    requireClose(logSoftmax({1, 2, 3}).value,
                 {-2.40760596444438030e+0, -1.40760596444438030e+0, -4.07605964444380304e-1});
    // By hand: (z - m) - log(1 + e^{-2000}) = (0, -2000); never log(softmax), which gives -inf.
    const auto l = logSoftmax({1000, -1000});
    REQUIRE(l.value[0] == 0.0);
    REQUIRE(l.value[1] == -2000.0);
    // By hand: at T = 4 the exact value -2 * 1.7e308 / 4 = -8.5e307 is finite.
    REQUIRE_THAT(logSoftmax({1.7e308, -1.7e308}, 4).value[1], close(-8.5e307));
    // By hand: log(1 + e^{-40}) = 4.248354255291589e-18, kept by log1p.
    REQUIRE_THAT(logSoftmax({40, 0}).value[0], Catch::Matchers::WithinRel(-4.248354255291589e-18, 1e-12));
}

TEST_CASE("logSumExp: reference values", "[softmax]") {
    // tests/reference/reference.py.
    REQUIRE_THAT(logSumExp({1, 2, 3}).value, close(3.40760596444438030e+0));
    // By hand: log(e^1000 + e^1000) = 1000 + ln 2.
    REQUIRE_THAT(logSumExp({1000, 1000}).value, close(1000 + std::log(2.0)));
    REQUIRE(logSumExp({1.7e308, 0}).value == 1.7e308);
    REQUIRE(logSumExp({-1.7e308, -1.7e308}).value == -1.7e308);
}

#include <cmath>

#include "helpers.hpp"

using namespace losscore;
using testing::close;
using testing::requireClose;

TEST_CASE("logitGradient: the slides' y - t", "[gradient]") {
    // Slide: dL/dz_i = y_i - t_i. Dog 0.95 / Cat 0.05, true Dog: (0.95 - 1, 0.05 - 0).
    requireClose(logitGradient({std::log(19.0), 0}, Target::classIndex(0)).value, {-0.05, 0.05});
    // True Cat instead: (0.95, -0.95).
    requireClose(logitGradient({std::log(19.0), 0}, Target::classIndex(1)).value, {0.95, -0.95});
}

TEST_CASE("logitGradient: reference values", "[gradient]") {
    const std::vector<double> z{1.5, -0.3, 0.8};
    // reference.py.
    requireClose(logitGradient(z, Target::classIndex(2)).value,
                 {6.01726645458205266e-1, 9.94647455075461054e-2, -7.01191390965751372e-1});
    requireClose(logitGradient(z, Target::classIndex(2), {2, 0.1}).value,
                 {2.20158988622484391e-1, 7.96194594220878951e-2, -2.99778448044572286e-1});
    // By hand: huge logits, right class: softmax = (1, 0), gradient exactly 0.
    const auto g = logitGradient({1000, -1000}, Target::classIndex(0)).value;
    REQUIRE(g[0] == 0.0);
    REQUIRE(g[1] == 0.0);
}

TEST_CASE("logitGradient: equals central finite differences", "[gradient][property]") {
    testing::Random random(20261128);
    for (int trial = 0; trial < 200; ++trial) {
        const std::size_t classes = 2 + random.below(9);
        const std::vector<double> z = random.logits(classes, 3);
        const Options options{random.uniform(0.5, 3), random.uniform() < 0.5 ? 0.0 : random.uniform(0, 0.5)};
        const bool soft = random.uniform() < 0.5;
        const std::vector<double> p = random.distribution(classes);
        const Target target = soft ? Target::distribution(p) : Target::classIndex(double(random.below(classes)));
        CAPTURE(trial, classes, options.temperature, options.labelSmoothing, soft);
        const auto loss = [&](const std::vector<double>& x) {
            return crossEntropyFromLogits(x, target, options).value;
        };
        // Central differences with h = 1e-5 are accurate to about 1e-9 here.
        requireClose(logitGradient(z, target, options).value, testing::numericGradient(loss, z), 1e-7);
    }
}

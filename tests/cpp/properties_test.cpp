// Properties over many seeded random inputs: 1 to 1,000 classes, logit scales 1e-3 to 1e3.
#include <cmath>
#include <numeric>

#include "helpers.hpp"

using namespace losscore;
using testing::close;

namespace {
double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

struct Case {
    std::vector<double> z;
    std::size_t classes;
    double scale;
};

// Random cases: class counts 1..1000 (log-spread) and scales 1e-3..1e3.
std::vector<Case> randomCases(std::uint64_t seed, int n) {
    testing::Random random(seed);
    std::vector<Case> cases;
    for (int i = 0; i < n; ++i) {
        const std::size_t classes = 1 + static_cast<std::size_t>(std::floor(std::pow(1000.0, random.uniform())));
        const double scale = std::pow(10.0, random.uniform(-3, 3));
        cases.push_back({random.logits(std::min<std::size_t>(classes, 1000), scale), classes, scale});
    }
    return cases;
}
}  // namespace

TEST_CASE("softmax: sums to 1, lies in [0, 1], ignores an added constant", "[softmax][property]") {
    testing::Random random(7);
    for (const Case& c : randomCases(1, 300)) {
        CAPTURE(c.z.size(), c.scale);
        const auto p = softmax(c.z).value;
        REQUIRE_THAT(sum(p), close(1, 1e-12));
        for (double x : p) REQUIRE((x >= 0 && x <= 1));
        std::vector<double> moved = c.z;
        const double shift = random.uniform(-100, 100);
        for (double& x : moved) x += shift;
        // Adding a constant rounds each logit once (|z| up to 1e3 + 100): the shift moves
        // the max-shifted differences by at most a few ulps of 1e3, so compare at 1e-10.
        testing::requireClose(softmax(moved).value, p, 1e-10);
    }
}

TEST_CASE("softmax: large T tends to uniform, small T to one-hot", "[softmax][property]") {
    for (const Case& c : randomCases(2, 100)) {
        const std::size_t n = c.z.size();
        CAPTURE(n, c.scale);
        // |z_i - z_j| / T <= 2 scale / T; at T = scale * 1e9 every p_i is 1/n within 2e-9 relative.
        for (double x : softmax(c.z, c.scale * 1e9).value) REQUIRE_THAT(x, Catch::Matchers::WithinRel(1.0 / n, 1e-8));
        // At T = 1e-300 every gap (at least 1e-3 * 2^-53 * scale... here any nonzero gap) dominates: one-hot at argmax.
        const auto sharp = softmax(c.z, 1e-300).value;
        const std::size_t top = std::max_element(c.z.begin(), c.z.end()) - c.z.begin();
        REQUIRE(sharp[top] == 1.0);
        REQUIRE(sum(sharp) == 1.0);
    }
}

TEST_CASE("cross-entropy and KL are never negative; the gradient sums to 0", "[cross-entropy][property]") {
    testing::Random random(3);
    for (const Case& c : randomCases(4, 300)) {
        const std::size_t n = c.z.size();
        CAPTURE(n, c.scale);
        const Target target = Target::classIndex(double(random.below(n)));
        const Options options{random.uniform(0.1, 10), random.uniform(0, 1)};
        REQUIRE(crossEntropyFromLogits(c.z, target, options).value >= 0);
        const auto g = logitGradient(c.z, target, options).value;
        // Each term is at most 1 / T in size; the sum cancels to rounding: n * 2^-52 / T.
        REQUIRE(std::fabs(sum(g)) <= 4 * n * 2.3e-16 / options.temperature);
        const std::vector<double> p = random.distribution(n);
        const std::vector<double> q = softmax(c.z).value;
        REQUIRE(crossEntropy(p, q).value >= 0);
        REQUIRE(klDivergence(p, q).value >= 0);
        REQUIRE(klDivergence(p, p).value == 0);
        // H(p, q) = H(p) + KL(p || q), where everything is finite.
        const double h = crossEntropy(p, q).value;
        if (std::isfinite(h))
            REQUIRE_THAT(h, Catch::Matchers::WithinRel(entropy(p).value + klDivergence(p, q).value, 1e-9));
    }
}

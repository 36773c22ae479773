#include <cmath>
#include <limits>

#include "helpers.hpp"

using namespace losscore;
using testing::close;

const double kInf = std::numeric_limits<double>::infinity();

TEST_CASE("crossEntropy: the slides' single image", "[cross-entropy]") {
    // Slide: true Dog (1, 0), predicted (0.9, 0.1): H = -ln 0.9 = 0.1054 (reference.py for 17 digits).
    REQUIRE_THAT(crossEntropy({1, 0}, {0.9, 0.1}).value, close(1.05360515657826301e-1));
    // Slide: Dog 0.95 / Cat 0.05 from logits (ln 19, 0), true Dog: -ln 0.95 = 0.0513.
    REQUIRE_THAT(crossEntropyFromLogits({std::log(19.0), 0}, Target::classIndex(0)).value,
                 close(5.12932943875505334e-2));
}

TEST_CASE("crossEntropy: soft targets, zeros and infinity", "[cross-entropy]") {
    // reference.py.
    REQUIRE_THAT(crossEntropy({0.2, 0.3, 0.5}, {0.1, 0.6, 0.3}).value, close(1.21575110789157434e+0));
    // By hand: a term with p_i = 0 counts 0, also where q_i = 0.
    REQUIRE_THAT(crossEntropy({1, 0}, {1, 0}).value, close(0));
    REQUIRE_THAT(crossEntropy({0.5, 0, 0.5}, {0.5, 0, 0.5}).value, close(std::log(2.0)));
    // By hand: q_i = 0 where p_i > 0 is a certain mistake: +infinity, not an error.
    const auto r = crossEntropy({0, 1}, {1, 0});
    REQUIRE(r.ok());
    REQUIRE(r.value == kInf);
}

TEST_CASE("crossEntropyFromLogits: reference values", "[cross-entropy]") {
    const std::vector<double> z{1.5, -0.3, 0.8};
    // reference.py; equals F.cross_entropy(z / T, target, label_smoothing=eps) by its definition.
    REQUIRE_THAT(crossEntropyFromLogits(z, Target::classIndex(2)).value, close(1.20795201410958880e+0));
    REQUIRE_THAT(crossEntropyFromLogits(z, Target::classIndex(2), {2, 0.1}).value, close(1.10395052635483556e+0));
    const std::vector<double> soft{0.2, 0.3, 0.5};
    REQUIRE_THAT(crossEntropyFromLogits(z, Target::distribution(soft), {0.7, 0.25}).value,
                 close(1.61881921735496124e+0));
    // A one-hot distribution and the class index are the same target.
    REQUIRE_THAT(crossEntropyFromLogits(z, Target::distribution(std::vector<double>{0, 0, 1})).value,
                 close(1.20795201410958880e+0));
}

TEST_CASE("crossEntropyFromLogits: huge logits", "[cross-entropy]") {
    // By hand: logSoftmax(1000, -1000) = (0, -2000).
    REQUIRE(crossEntropyFromLogits({1000, -1000}, Target::classIndex(0)).value == 0.0);
    REQUIRE(crossEntropyFromLogits({1000, -1000}, Target::classIndex(1)).value == 2000.0);
    // By hand: -(0.9 * 0 + 0.1 * -2000) = 200 with eps = 0.2 over 2 classes (t = 0.9, 0.1).
    REQUIRE_THAT(crossEntropyFromLogits({1000, -1000}, Target::classIndex(0), {1, 0.2}).value, close(200));
    // The exact -3.4e308 overflows: the loss of the wrong class is +infinity, never NaN.
    REQUIRE(crossEntropyFromLogits({1.7e308, -1.7e308}, Target::classIndex(1)).value == kInf);
    REQUIRE(crossEntropyFromLogits({1.7e308, -1.7e308}, Target::classIndex(0)).value == 0.0);
}

TEST_CASE("entropy and klDivergence: reference values", "[cross-entropy]") {
    // reference.py.
    REQUIRE_THAT(entropy({0.2, 0.3, 0.5}).value, close(1.02965301406457353e+0));
    REQUIRE_THAT(klDivergence({0.2, 0.3, 0.5}, {0.1, 0.6, 0.3}).value, close(1.86098093827000811e-1));
    // By hand: H(uniform over 4) = ln 4; H(one-hot) = 0; KL(p || p) = 0; KL to a zero where p > 0 is +inf.
    REQUIRE_THAT(entropy({0.25, 0.25, 0.25, 0.25}).value, close(std::log(4.0)));
    REQUIRE(entropy({0, 1, 0}).value == 0.0);
    REQUIRE(klDivergence({0.2, 0.8}, {0.2, 0.8}).value == 0.0);
    REQUIRE(klDivergence({0.5, 0.5}, {1, 0}).value == kInf);
}

TEST_CASE("explain: every number the page shows, consistent with the single functions", "[explain]") {
    const std::vector<double> z{1.5, -0.3, 0.8};
    const auto e = explain(z, Target::classIndex(2), {2, 0});
    REQUIRE(e.ok());
    // By hand: z / T and log10 e^{z/T} = z / (T ln 10).
    testing::requireClose(e.value.scaledLogits, {0.75, -0.15, 0.4});
    testing::requireClose(e.value.log10Terms, {0.75 / std::log(10.0), -0.15 / std::log(10.0), 0.4 / std::log(10.0)});
    // By hand: log10(e^0.75 + e^-0.15 + e^0.4).
    REQUIRE_THAT(e.value.log10Sum, close(std::log10(std::exp(0.75) + std::exp(-0.15) + std::exp(0.4))));
    // By hand: the loss for class 2 is ln sum_k e^{z_k/T} - z_2 / T.
    REQUIRE_THAT(e.value.logSum, close(std::log(std::exp(0.75) + std::exp(-0.15) + std::exp(0.4))));
    REQUIRE_THAT(e.value.logSum - 0.4, close(e.value.loss));
    testing::requireClose(e.value.probabilities, softmax(z, 2).value);
    REQUIRE_THAT(e.value.probabilitySum, close(1));
    // By hand: sum_i (y_i - t_i) / T = (1 - 1) / T = 0.
    REQUIRE(std::fabs(e.value.gradientSum) < 1e-15);
    testing::requireClose(e.value.logProbabilities, logSoftmax(z, 2).value);
    testing::requireClose(e.value.target, {0, 0, 1});
    testing::requireClose(e.value.lossTerms, {0, 0, -logSoftmax(z, 2).value[2]});
    REQUIRE_THAT(e.value.loss, close(crossEntropyFromLogits(z, Target::classIndex(2), {2, 0}).value));
    testing::requireClose(e.value.gradient, logitGradient(z, Target::classIndex(2), {2, 0}).value);
    // Slide: Dog 0.95 / Cat 0.05, true Dog: L = -ln 0.95 = 0.0513 (reference.py), gradient (-0.05, 0.05).
    const auto slide = explain({std::log(19.0), 0}, Target::classIndex(0));
    REQUIRE_THAT(slide.value.loss, close(5.12932943875505334e-2));
    testing::requireClose(slide.value.gradient, {-0.05, 0.05});
    // By hand: e^{1000} = 10^{1000 / ln 10} = 10^{434.294...}; the sum is e^{1000}(1 + e^{-2000}).
    const auto huge = explain({1000, -1000}, Target::classIndex(1));
    REQUIRE_THAT(huge.value.log10Sum, close(1000 / std::log(10.0)));
    REQUIRE(huge.value.loss == 2000.0);
    // By hand: e^{-2000} = 10^{-2000 / ln 10} = 10^{-868.588...}; the double probability is 0.
    REQUIRE(huge.value.probabilities[1] == 0.0);
    REQUIRE_THAT(huge.value.log10Probabilities[1], close(-2000 / std::log(10.0)));
    REQUIRE(explain({1, 2}, Target::classIndex(3)).error == "class index 3 is out of range: 2 classes have indices 0 to 1");
}

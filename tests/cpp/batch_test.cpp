#include "helpers.hpp"

using namespace losscore;
using testing::close;

namespace {
std::vector<View> views(const std::vector<std::vector<double>>& rows) {
    return std::vector<View>(rows.begin(), rows.end());
}
// Slide: the three images, true Dog / Cat / Dog, and the two networks' predictions.
const std::vector<std::vector<double>> kTruth{{1, 0}, {0, 1}, {1, 0}};
const std::vector<std::vector<double>> kNN1{{0.9, 0.1}, {0.1, 0.9}, {0.4, 0.6}};
const std::vector<std::vector<double>> kNN2{{0.6, 0.4}, {0.3, 0.7}, {0.1, 0.9}};
}  // namespace

TEST_CASE("batchMetrics: the slides' NN1 / NN2 table", "[batch]") {
    const auto nn1 = batchMetrics(views(kNN1), BatchTarget::distributions(views(kTruth)));
    const auto nn2 = batchMetrics(views(kNN2), BatchTarget::distributions(views(kTruth)));
    REQUIRE(nn1.ok());
    REQUIRE(nn2.ok());
    // Slide: classification error 1/3 = 0.33 for both.
    REQUIRE_THAT(nn1.value.classificationError, close(1.0 / 3));
    REQUIRE_THAT(nn2.value.classificationError, close(1.0 / 3));
    // Slide: MSE 0.25 and 0.71; to full precision 0.76 / 3 and 2.12 / 3 (reference.py).
    REQUIRE_THAT(nn1.value.meanSquaredError, close(2.53333333333333333e-1));
    REQUIRE_THAT(nn2.value.meanSquaredError, close(7.06666666666666667e-1));
    // Slide: cross-entropy 0.38 and 1.06 (reference.py for 17 digits).
    REQUIRE_THAT(nn1.value.crossEntropy, close(3.75670587729935889e-1));
    REQUIRE_THAT(nn2.value.crossEntropy, close(1.05669522023292292e+0));
    // Each row's share: NN1 gets row 3 wrong, NN2 row 3 too; NN2's row 3 costs -ln 0.1.
    REQUIRE(nn1.value.rowError == std::vector<double>{0, 0, 1});
    REQUIRE(nn2.value.rowError == std::vector<double>{0, 0, 1});
    REQUIRE_THAT(nn2.value.rowCrossEntropy[2], close(-std::log(0.1)));
    REQUIRE_THAT(nn1.value.rowSquaredError[2], close(0.72));
}

TEST_CASE("batchMetrics: class indices equal one-hot rows", "[batch]") {
    const std::vector<double> labels{0, 1, 0};
    const auto byIndex = batchMetrics(views(kNN1), BatchTarget::classIndices(labels));
    REQUIRE(byIndex.ok());
    REQUIRE_THAT(byIndex.value.crossEntropy, close(3.75670587729935889e-1));
    REQUIRE_THAT(byIndex.value.meanSquaredError, close(2.53333333333333333e-1));
}

TEST_CASE("batchMetrics: a tie for the top prediction counts as wrong", "[batch]") {
    const std::vector<std::vector<double>> tie{{0.5, 0.5}};
    const std::vector<double> dog{0};
    const auto r = batchMetrics(views(tie), BatchTarget::classIndices(dog));
    REQUIRE(r.value.classificationError == 1.0);
    // By hand: (0.5 - 1)^2 + 0.5^2 = 0.5; -ln 0.5.
    REQUIRE_THAT(r.value.meanSquaredError, close(0.5));
    REQUIRE_THAT(r.value.crossEntropy, close(std::log(2.0)));
}

TEST_CASE("batchMetricsFromLogits: the slides' table through softmax", "[batch]") {
    // Logits (ln a, ln b) give softmax (a, b) / (a + b) = (a, b) for rows summing to 1.
    std::vector<std::vector<double>> logits;
    for (const auto& row : kNN1) logits.push_back({std::log(row[0]), std::log(row[1])});
    const std::vector<double> labels{0, 1, 0};
    const auto r = batchMetricsFromLogits(views(logits), BatchTarget::classIndices(labels));
    REQUIRE(r.ok());
    REQUIRE_THAT(r.value.classificationError, close(1.0 / 3));
    REQUIRE_THAT(r.value.meanSquaredError, close(2.53333333333333333e-1));
    REQUIRE_THAT(r.value.crossEntropy, close(3.75670587729935889e-1));
    // By hand: logits (1000, -1000), wrong label: -logSoftmax = 2000, exact.
    const std::vector<std::vector<double>> huge{{1000, -1000}};
    const std::vector<double> cat{1};
    REQUIRE(batchMetricsFromLogits(views(huge), BatchTarget::classIndices(cat)).value.crossEntropy == 2000.0);
}

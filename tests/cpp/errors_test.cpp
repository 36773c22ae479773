// Every bad input gets a message that says what is wrong and where.
#include <cmath>
#include <limits>

#include "helpers.hpp"

using namespace losscore;

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

template <class R>
void requireError(const R& result, const std::string& message) {
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.error == message);
}
std::vector<View> views(const std::vector<std::vector<double>>& rows) {
    return std::vector<View>(rows.begin(), rows.end());
}
}  // namespace

TEST_CASE("errors: logits", "[errors]") {
    requireError(softmax(std::vector<double>{}), "logits are empty");
    requireError(softmax({1, 2, kNaN}), "logit 3 is not a finite number");
    requireError(logSoftmax({kInf, 0}), "logit 1 is not a finite number");
    requireError(logSumExp({0, -kInf}), "logit 2 is not a finite number");
    requireError(softmax(std::vector<double>(1001, 0.0)), "1001 logits, more than the limit of 1000 classes");
    REQUIRE(softmax(std::vector<double>(1000, 0.0)).ok());
}

TEST_CASE("errors: temperature and label smoothing", "[errors]") {
    const std::string t = "temperature must be a finite number greater than 0, got ";
    requireError(softmax({1, 2}, 0), t + "0");
    requireError(softmax({1, 2}, -1), t + "-1");
    requireError(logSoftmax({1, 2}, kNaN), t + "nan");
    requireError(softmax({1, 2}, kInf), t + "inf");
    requireError(crossEntropyFromLogits({1, 2}, Target::classIndex(0), {1, 1.5}),
                 "label smoothing must be in [0, 1], got 1.5");
    requireError(logitGradient({1, 2}, Target::classIndex(0), {1, -0.1}),
                 "label smoothing must be in [0, 1], got -0.1");
    requireError(logitGradient({1, 2}, Target::classIndex(0), {1, kNaN}), "label smoothing must be in [0, 1], got nan");
    REQUIRE(crossEntropyFromLogits({1, 2}, Target::classIndex(0), {1, 1}).ok());
}

TEST_CASE("errors: class indices", "[errors]") {
    requireError(crossEntropyFromLogits({1, 2}, Target::classIndex(2)),
                 "class index 2 is out of range: 2 classes have indices 0 to 1");
    requireError(crossEntropyFromLogits({1, 2}, Target::classIndex(-1)),
                 "class index -1 is out of range: 2 classes have indices 0 to 1");
    requireError(logitGradient({1, 2}, Target::classIndex(0.5)), "class index 0.5 is not an integer");
    requireError(logitGradient({1, 2}, Target::classIndex(kNaN)), "class index nan is not an integer");
}

TEST_CASE("errors: probability vectors", "[errors]") {
    requireError(crossEntropy({1, 0}, {0.7, 0.5}), "predicted probabilities sum to 1.2, not 1");
    requireError(crossEntropy({1.5, -0.5}, {0.5, 0.5}), "target probability 1 is 1.5, outside [0, 1]");
    requireError(crossEntropy({1, 0}, {0.5, kNaN}), "predicted probability 2 is not a finite number");
    requireError(crossEntropy({1, 0}, {0.5, 0.25, 0.25}), "target has 2 probabilities but the prediction has 3");
    requireError(klDivergence(std::vector<double>{}, {1}), "target probabilities are empty");
    requireError(entropy({0.5, 0.5 + 2e-9}), "probabilities sum to 1.000000002, not 1");
    REQUIRE(entropy({0.5, 0.5 + 5e-10}).ok());
    requireError(crossEntropyFromLogits({1, 2}, Target::distribution(std::vector<double>{1, 0, 0})),
                 "target has 3 probabilities but there are 2 logits");
    requireError(logitGradient({1, 2}, Target::distribution(std::vector<double>{0.2, 0.2})),
                 "target probabilities sum to 0.4, not 1");
}

TEST_CASE("errors: batches", "[errors]") {
    const std::vector<std::vector<double>> good{{0.9, 0.1}, {0.2, 0.8}};
    const std::vector<double> labels{0, 1};
    requireError(batchMetrics({}, BatchTarget::classIndices(labels)), "there are no rows");
    requireError(batchMetrics(views({{0.9, 0.1}, {0.2, 0.3, 0.5}}), BatchTarget::classIndices(labels)),
                 "row 2 has 3 probabilities, not 2 like row 1");
    requireError(batchMetrics(views({{0.9, 0.1}, {0.7, 0.5}}), BatchTarget::classIndices(labels)),
                 "row 2: predicted probabilities sum to 1.2, not 1");
    requireError(batchMetrics(views(good), BatchTarget::classIndices(std::vector<double>{0})),
                 "1 class indices for 2 rows");
    requireError(batchMetrics(views(good), BatchTarget::classIndices(std::vector<double>{0, 2})),
                 "row 2: class index 2 is out of range: 2 classes have indices 0 to 1");
    requireError(batchMetrics(views(good), BatchTarget::distributions(views({{1, 0}, {0.5, 0.6}}))),
                 "row 2: target probabilities sum to 1.1, not 1");
    requireError(batchMetrics(views(good), BatchTarget::distributions(views({{1, 0}, {0, 0, 1}}))),
                 "row 2: target has 3 probabilities, not 2");
    requireError(batchMetricsFromLogits(views({{1, 2}, {3, kNaN}}), BatchTarget::classIndices(labels)),
                 "row 2: logit 2 is not a finite number");
    requireError(batchMetricsFromLogits(views(good), BatchTarget::classIndices(labels), 0),
                 "temperature must be a finite number greater than 0, got 0");
    requireError(batchMetricsFromLogits(views({std::vector<double>(1001, 0.0)}),
                                        BatchTarget::classIndices(std::vector<double>{0})),
                 "1001 classes, more than the limit of 1000");
}

TEST_CASE("errors: more than 10,000,000 values in one call", "[errors]") {
    // 10,001 rows of 1,000 logits = 10,001,000 values, one row shared to keep the test light.
    const std::vector<double> row(1000, 0.0);
    const std::vector<View> rows(10001, View(row));
    const std::vector<double> labels(10001, 0.0);
    requireError(batchMetricsFromLogits(rows, BatchTarget::classIndices(labels)),
                 "10001000 values, more than the limit of 10000000 per call");
}

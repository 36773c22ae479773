#include "helpers.hpp"
#include <limits>

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

TEST_CASE("batchMetricsSkippingInvalidRows: bad rows are listed, the rest evaluated", "[batch]") {
    // Rows 2 and 4 are bad; rows 1, 3, 5 are the slide's NN1 rows.
    const std::vector<std::vector<double>> rows{{0.9, 0.1}, {0.7, 0.5}, {0.1, 0.9}, {0.2, 0.3, 0.5}, {0.4, 0.6}};
    const std::vector<double> labels{0, 0, 1, 0, 0};
    const auto r = batchMetricsSkippingInvalidRows(views(rows), BatchTarget::classIndices(labels), false);
    REQUIRE(r.ok());
    REQUIRE(r.value.usedRows == std::vector<double>{0, 2, 4});
    REQUIRE(r.value.skippedRows == std::vector<double>{1, 3});
    REQUIRE(r.value.skippedReasons[0] == "row 2: predicted probabilities sum to 1.2, not 1");
    REQUIRE(r.value.skippedReasons[1] == "row 4 has 3 probabilities, not 2 like row 1");
    // Slide: NN1 over its three rows (reference.py).
    REQUIRE_THAT(r.value.crossEntropy, close(3.75670587729935889e-1));
    REQUIRE_THAT(r.value.meanSquaredError, close(2.53333333333333333e-1));
    // A bad label is a bad row too; all rows bad is an error.
    const std::vector<double> badLabels{0, 0, 5, 0, 0.5};
    const auto l = batchMetricsSkippingInvalidRows(views(rows), BatchTarget::classIndices(badLabels), false);
    REQUIRE(l.value.skippedReasons[1] == "row 3: class index 5 is out of range: 2 classes have indices 0 to 1");
    REQUIRE(l.value.skippedReasons[3] == "row 5: class index 0.5 is not an integer");
    const std::vector<std::vector<double>> allBad{{0.5, 0.6}};
    REQUIRE(batchMetricsSkippingInvalidRows(views(allBad), BatchTarget::classIndices(std::vector<double>{0}), false).error ==
            "no valid rows; the first problem: row 1: predicted probabilities sum to 1.1, not 1");
}

TEST_CASE("squaredErrorGradient: by hand and by finite differences", "[gradient]") {
    // By hand, 2 classes, true class 0: SE = 2 (1 - p)^2, dSE/dz_0 = -4 p (1 - p)^2.
    // Slide's p = 0.95: -4 * 0.95 * 0.0025 = -0.0095.
    testing::requireClose(squaredErrorGradient({std::log(19.0), 0}, Target::classIndex(0)).value, {-0.0095, 0.0095});
    // A confident mistake: p = 1e-6 for the true class. Squared error's gradient all but vanishes,
    // cross-entropy's stays near -1: the reason training with cross-entropy does not stall.
    const std::vector<double> wrong{0, std::log(1e6 - 1)};
    REQUIRE(std::fabs(squaredErrorGradient(wrong, Target::classIndex(0)).value[0]) < 5e-6);
    REQUIRE_THAT(logitGradient(wrong, Target::classIndex(0)).value[0], close(1e-6 - 1));
    testing::Random random(99);
    for (int trial = 0; trial < 100; ++trial) {
        const std::size_t classes = 2 + random.below(6);
        const std::vector<double> z = random.logits(classes, 3);
        const Target target = Target::classIndex(double(random.below(classes)));
        const Options options{random.uniform(0.5, 2), 0};
        const auto se = [&](const std::vector<double>& x) {
            const std::vector<double> q = softmax(x, options.temperature).value;
            double sum = 0;
            for (std::size_t k = 0; k < q.size(); ++k) sum += (q[k] - (k == std::size_t(target.index))) * (q[k] - (k == std::size_t(target.index)));
            return sum;
        };
        CAPTURE(trial);
        testing::requireClose(squaredErrorGradient(z, target, options).value, testing::numericGradient(se, z), 1e-7);
    }
}

TEST_CASE("softmaxCrossEntropyBatch: the same numbers as the single functions", "[batch]") {
    // Two rows: the slide's (ln 19, 0) with true Dog, and (1000, -1000) with true Cat.
    const std::vector<double> logits{std::log(19.0), 0, 1000, -1000};
    const std::vector<double> labels{0, 1};
    std::vector<double> losses(2), gradient(4);
    const auto r = softmaxCrossEntropyBatch(logits.data(), 2, 2, labels.data(), losses.data(), gradient.data());
    REQUIRE(r.ok());
    // reference.py: -ln 0.95; by hand: 2000 exactly; the mean of the two.
    REQUIRE_THAT(losses[0], close(5.12932943875505334e-2));
    REQUIRE(losses[1] == 2000.0);
    REQUIRE_THAT(r.value, close((5.12932943875505334e-2 + 2000) / 2));
    // Slide: y - t = (-0.05, 0.05); by hand: (1, -1).
    testing::requireClose(gradient, {-0.05, 0.05, 1, -1});
    // Random batches within 1e-12 of the single functions: logits within 40 of each other, and
    // 800 apart, so that some e^{z - m} are subnormal or 0. Odd and even widths, so that in the
    // SIMD build both the two-lane loop and its one-value tail run; 1 to 20 rows, so that rows go
    // two at a time (up to 32 classes) and one at a time (an odd last row, wider rows).
    REQUIRE(batchKernelUsesSimd() == bool(LOSSCORE_EXPECT_SIMD));
    testing::Random random(5);
    for (int trial = 0; trial < 200; ++trial) {
        const double spread = trial % 2 ? 800 : 40;
        const std::size_t rows = 1 + random.below(20), classes = 1 + random.below(40);
        std::vector<double> z(rows * classes), y(rows), l(rows), g(rows * classes);
        for (double& x : z) x = random.uniform(-spread / 2, spread / 2);
        for (double& x : y) x = double(random.below(classes));
        REQUIRE(softmaxCrossEntropyBatch(z.data(), rows, classes, y.data(), l.data(), g.data()).ok());
        for (std::size_t row = 0; row < rows; ++row) {
            const std::vector<double> zr(z.begin() + row * classes, z.begin() + (row + 1) * classes);
            REQUIRE_THAT(l[row], close(crossEntropyFromLogits(zr, Target::classIndex(y[row])).value, 1e-12));
            const std::vector<double> gr(g.begin() + row * classes, g.begin() + (row + 1) * classes);
            testing::requireClose(gr, logitGradient(zr, Target::classIndex(y[row])).value, 1e-12);
        }
    }
    std::vector<double> bad{1, std::nan("")};
    REQUIRE(softmaxCrossEntropyBatch(bad.data(), 1, 2, labels.data(), losses.data(), gradient.data()).error ==
            "row 1: logit 2 is not a finite number");
}

TEST_CASE("softmaxCrossEntropyBatch: a bad value or label is named in either row of a pair", "[batch]") {
    // The SIMD build takes rows of up to 32 classes two at a time; each position of a pair must
    // still get the row-at-a-time message.
    const auto errorOf = [](std::vector<double> z, std::vector<double> y) {
        const std::size_t rows = y.size();
        std::vector<double> l(rows), g(z.size());
        return softmaxCrossEntropyBatch(z.data(), rows, z.size() / rows, y.data(), l.data(), g.data()).error;
    };
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<double> good{1, 2, 3, 3, 2, 1, 0, 0, 0, -1, 5, 2};  // 4 rows of 3
    const std::vector<double> labels{0, 1, 2, 0};
    REQUIRE(errorOf(good, labels).empty());
    auto z = good;
    z[5] = std::nan("");
    REQUIRE(errorOf(z, labels) == "row 2: logit 3 is not a finite number");
    z = good;
    z[9] = -inf;
    REQUIRE(errorOf(z, labels) == "row 4: logit 1 is not a finite number");
    REQUIRE(errorOf(good, {3, 1, 2, 0}) == "row 1: class index 3 is out of range: 3 classes have indices 0 to 2");
    REQUIRE(errorOf(good, {0, 1, 0.5, 0}) == "row 3: class index 0.5 is not an integer");
    REQUIRE(errorOf(good, {0, 1, 2, -1}) == "row 4: class index -1 is out of range: 3 classes have indices 0 to 2");
}

TEST_CASE("squaredErrorBatch: each row's squared error equals the metrics' and the hand form", "[batch]") {
    // Rows of logits and labels; the reference per row is batchMetricsFromLogits' row share.
    const std::vector<double> logits{std::log(19.0), 0, 4, -2, 0, 0, 2, 1, 0.1, 1000, -1000, 0};
    // Two-class rows first, then the same numbers as three-class rows below.
    const std::vector<double> labels2{0, 1, 0, 1};
    std::vector<double> losses(4);
    const auto r = squaredErrorBatch(logits.data(), 4, 2, labels2.data(), losses.data());
    REQUIRE(r.ok());
    // By hand, two classes: 2 (1 - p_true)^2. Slide: p = 0.95 gives 2 * 0.05^2 = 0.005.
    REQUIRE_THAT(losses[0], close(0.005));
    std::vector<View> rows;
    for (std::size_t k = 0; k < 4; ++k) rows.emplace_back(logits.data() + 2 * k, 2);
    const auto metrics = batchMetricsFromLogits(rows, BatchTarget::classIndices(labels2));
    REQUIRE(metrics.ok());
    for (std::size_t k = 0; k < 4; ++k) {
        CAPTURE(k);
        REQUIRE_THAT(losses[k], close(metrics.value.rowSquaredError[k]) || Catch::Matchers::WithinAbs(metrics.value.rowSquaredError[k], 1e-15));
    }
    REQUIRE_THAT(r.value, close(metrics.value.meanSquaredError));
    // Three classes, true class 2.
    const std::vector<double> labels3{2, 0, 1, 2};
    std::vector<double> losses3(4);
    REQUIRE(squaredErrorBatch(logits.data(), 4, 3, labels3.data(), losses3.data()).ok());
    const std::vector<double> q = softmax({std::log(19.0), 0, 4}).value;
    REQUIRE_THAT(losses3[0], close(q[0] * q[0] + q[1] * q[1] + (q[2] - 1) * (q[2] - 1)));
    // A bad row is named.
    std::vector<double> bad{1, std::nan("")};
    REQUIRE(squaredErrorBatch(bad.data(), 1, 2, labels2.data(), losses.data()).error == "row 1: logit 2 is not a finite number");
    REQUIRE(squaredErrorBatch(logits.data(), 1, 2, std::vector<double>{2}.data(), losses.data()).error ==
            "row 1: class index 2 is out of range: 2 classes have indices 0 to 1");
}

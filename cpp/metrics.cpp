// The slides' three metrics over a batch: classification error, mean squared error and
// cross-entropy, each row's share, and (for files) the rows left out with their reasons.
#include "loss.hpp"

#include <algorithm>
#include <cmath>

#include "checks.hpp"
#include "stable.hpp"

namespace losscore {
using namespace detail;
namespace {

// Checks what is shared by the whole batch: rows present, limits, a target per row.
std::string checkBatch(const std::vector<View>& rows, const BatchTarget& target, double temperature) {
    if (rows.empty()) return "there are no rows";
    const std::size_t width = rows[0].size;
    if (width == 0) return "rows are empty";
    if (width > kMaxClasses) return count(width) + " classes, more than the limit of " + count(kMaxClasses);
    std::size_t total = 0;
    for (const View& row : rows) total += row.size;
    if (total > kMaxValues) return count(total) + " values, more than the limit of " + count(kMaxValues) + " per call";
    const std::size_t targets = target.isIndex ? target.indices.size : target.rows.size();
    if (targets != rows.size())
        return count(targets) + (target.isIndex ? " class indices" : " target rows") + " for " + count(rows.size()) + " rows";
    return checkTemperature(temperature);
}

// Checks one row and its target; the message names the row.
std::string checkRow(const std::vector<View>& rows, const BatchTarget& target, std::size_t r, bool fromLogits) {
    const std::size_t width = rows[0].size;
    if (rows[r].size != width)
        return "row " + count(r + 1) + " has " + count(rows[r].size) + (fromLogits ? " logits" : " probabilities") +
               ", not " + count(width) + " like row 1";
    std::string error = fromLogits ? checkLogits(rows[r], rowPrefix(r)) : checkDistribution(rows[r], "predicted ", rowPrefix(r));
    if (!error.empty()) return error;
    if (target.isIndex) return checkClassIndex(target.indices[r], width, rowPrefix(r));
    if (target.rows[r].size != width)
        return rowPrefix(r) + "target has " + count(target.rows[r].size) + " probabilities, not " + count(width);
    return checkDistribution(target.rows[r], "target ", rowPrefix(r));
}

// The target probabilities of row r (class indices become one-hot).
std::vector<double> targetRow(const BatchTarget& target, std::size_t r, std::size_t classes) {
    if (!target.isIndex) return std::vector<double>(target.rows[r].data, target.rows[r].data + classes);
    std::vector<double> t(classes, 0.0);
    t[static_cast<std::size_t>(target.indices[r])] = 1;
    return t;
}

// 1 if the unique top score is not a top class of the target, else 0. A tie for the top is wrong.
double rowError(View scores, View t) {
    const std::size_t top = argmax(scores);
    if (std::count(scores.data, scores.data + scores.size, scores[top]) > 1) return 1;
    return t[top] == t[argmax(t)] ? 0 : 1;
}

double squaredError(View q, View t) {
    double sum = 0;
    for (std::size_t i = 0; i < q.size; ++i) sum += (q[i] - t[i]) * (q[i] - t[i]);
    return sum;
}

// The three metrics over the rows; with skipInvalidRows, bad rows are listed instead of failing the call.
Result<BatchMetrics> evaluateBatch(const std::vector<View>& rows, const BatchTarget& target, bool fromLogits,
                                   double temperature, bool skipInvalidRows) {
    const std::string error = checkBatch(rows, target, temperature);
    if (!error.empty()) return failure<BatchMetrics>(error);
    BatchMetrics m;
    const std::size_t classes = rows[0].size;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::string rowError_ = checkRow(rows, target, r, fromLogits);
        if (!rowError_.empty()) {
            if (!skipInvalidRows) return failure<BatchMetrics>(rowError_);
            m.skippedRows.push_back(static_cast<double>(r));
            m.skippedReasons.push_back(rowError_);
            continue;
        }
        const std::vector<double> t = targetRow(target, r, classes);
        const Shifted sh = fromLogits ? shift(rows[r], temperature) : Shifted{};
        const std::vector<double> q = fromLogits ? probabilitiesOf(sh)
                                                 : std::vector<double>(rows[r].data, rows[r].data + classes);
        const double ce = fromLogits ? crossEntropyOfLogs(t, logProbabilitiesOf(sh)) : crossEntropyUnchecked(t, q);
        m.usedRows.push_back(static_cast<double>(r));
        m.rowError.push_back(rowError(rows[r], t));
        m.rowSquaredError.push_back(squaredError(q, t));
        m.rowCrossEntropy.push_back(ce);
        m.classificationError += m.rowError.back();
        m.meanSquaredError += m.rowSquaredError.back();
        m.crossEntropy += ce;
    }
    if (m.usedRows.empty()) return failure<BatchMetrics>("no valid rows; the first problem: " + m.skippedReasons[0]);
    const double n = static_cast<double>(m.usedRows.size());
    m.classificationError /= n;
    m.meanSquaredError /= n;
    m.crossEntropy /= n;
    return {m, ""};
}

}  // namespace

Result<double> squaredErrorBatch(const double* logits, std::size_t rows, std::size_t classes, const double* labels,
                                 double* losses) {
    if (rows == 0 || classes == 0) return failure<double>("there are no rows");
    if (classes > kMaxClasses) return failure<double>(count(classes) + " classes, more than the limit of " + count(kMaxClasses));
    if (rows > kMaxValues / classes)
        return failure<double>(count(rows * classes) + " values, more than the limit of " + count(kMaxValues) + " per call");
    // A map redraws 16,384 rows at a time: one buffer for the exponentials, messages only on failure.
    std::vector<double> e(classes);
    double total = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        const double* z = logits + r * classes;
        double m = z[0];
        bool finite = true;
        for (std::size_t k = 0; k < classes; ++k) {
            finite = finite && std::isfinite(z[k]);
            m = std::max(m, z[k]);
        }
        if (!finite || !isClassIndex(labels[r], classes)) {
            std::string error = checkLogits(View(z, classes), rowPrefix(r));
            if (error.empty()) error = checkClassIndex(labels[r], classes, rowPrefix(r));
            return failure<double>(error);
        }
        double sum = 0;
        for (std::size_t k = 0; k < classes; ++k) sum += (e[k] = std::exp(z[k] - m));
        const auto label = static_cast<std::size_t>(labels[r]);
        double loss = 0;
        for (std::size_t k = 0; k < classes; ++k) {
            const double d = e[k] / sum - (k == label ? 1.0 : 0.0);
            loss += d * d;
        }
        losses[r] = loss;
        total += loss;
    }
    return {total / static_cast<double>(rows), ""};
}

Result<BatchMetrics> batchMetrics(const std::vector<View>& predicted, const BatchTarget& target) {
    return evaluateBatch(predicted, target, false, 1.0, false);
}

Result<BatchMetrics> batchMetricsFromLogits(const std::vector<View>& logits, const BatchTarget& target,
                                            double temperature) {
    return evaluateBatch(logits, target, true, temperature, false);
}

Result<BatchMetrics> batchMetricsSkippingInvalidRows(const std::vector<View>& rows, const BatchTarget& target,
                                                     bool fromLogits, double temperature) {
    return evaluateBatch(rows, target, fromLogits, temperature, true);
}

}  // namespace losscore

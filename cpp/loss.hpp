// The loss core: softmax, cross-entropy and their gradients in double precision.
// Pure C++17, no web dependency. Every function validates its input and returns
// an error message instead of crashing, returning NaN or clamping silently.
// Positions in messages count from 1 ("logit 1" is the first logit); class
// indices count from 0, as in PyTorch.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace losscore {

// Limits on one call, so a hostile or mistaken input cannot exhaust memory.
constexpr std::size_t kMaxClasses = 1000;
constexpr std::size_t kMaxValues = 10000000;
// How far a probability vector's sum may be from 1.
constexpr double kSumTolerance = 1e-9;

// A read-only view of contiguous doubles (std::span is C++20): rows of a batch, targets.
struct View {
    const double* data = nullptr;
    std::size_t size = 0;
    View() = default;
    View(const double* d, std::size_t n) : data(d), size(n) {}
    View(const std::vector<double>& v) : data(v.data()), size(v.size()) {}  // NOLINT: implicit on purpose
    double operator[](std::size_t i) const { return data[i]; }
};

// A value or the message saying why there is none.
template <class T>
struct Result {
    T value{};
    std::string error;  // empty when ok
    bool ok() const { return error.empty(); }
};

struct Options {
    double temperature = 1.0;     // T: softmax(z / T)
    double labelSmoothing = 0.0;  // eps: t = (1 - eps) t + eps / C
};

// A target for one example: a class index or a probability vector.
struct Target {
    bool isIndex = true;
    double index = 0;  // double so that 1.5 or NaN can be reported, not truncated
    View probabilities;
    static Target classIndex(double i) { return {true, i, {}}; }
    static Target distribution(View p) { return {false, 0, p}; }
};

// softmax(z, T)_j = e^{(z_j - m)/T} / sum_k e^{(z_k - m)/T}, m = max z.
Result<std::vector<double>> softmax(const std::vector<double>& z, double temperature = 1.0);
// logSoftmax(z, T)_j = (z_j - m)/T - log sum_k e^{(z_k - m)/T}.
Result<std::vector<double>> logSoftmax(const std::vector<double>& z, double temperature = 1.0);
// The softmax's derivatives, row-major C x C: entry (k, i) is d softmax(z, T)_k / d z_i =
// y_k (delta_ki - y_i) / T (the slides' y_i (1 - y_i) on the diagonal, -y_k y_i off it, at T = 1).
Result<std::vector<double>> softmaxJacobian(const std::vector<double>& z, double temperature = 1.0);
// logSumExp(z) = m + log sum_k e^{z_k - m}.
Result<double> logSumExp(const std::vector<double>& z);
// H(p, q) = -sum_i p_i ln q_i; terms with p_i = 0 count 0; q_i = 0 < p_i gives +inf.
Result<double> crossEntropy(const std::vector<double>& p, const std::vector<double>& q);
// -sum_i t_i logSoftmax(z, T)_i with t smoothed; equals F.cross_entropy(z / T, target, label_smoothing=eps).
Result<double> crossEntropyFromLogits(const std::vector<double>& z, const Target& target, const Options& options = {});
// dL/dz_i = (softmax(z, T)_i - t_i) / T; at T = 1 the slides' y_i - t_i.
Result<std::vector<double>> logitGradient(const std::vector<double>& z, const Target& target, const Options& options = {});
// H(p) = -sum_i p_i ln p_i.
Result<double> entropy(const std::vector<double>& p);
// KL(p || q) = sum_i p_i (ln p_i - ln q_i) = H(p, q) - H(p).
Result<double> klDivergence(const std::vector<double>& p, const std::vector<double>& q);

// Softmax cross-entropy and its gradient over a batch, in place, for throughput: `logits` holds
// rows x classes values (row-major), `labels` one class index per row. Writes each row's loss
// -logSoftmax(z)_y to `losses` and (softmax(z) - t) to `gradient` (rows x classes); returns the
// mean loss. The same checks as above (finite logits, valid labels, the limits); on an error, rows
// before the bad one may have been written.
Result<double> softmaxCrossEntropyBatch(const double* logits, std::size_t rows, std::size_t classes,
                                        const double* labels, double* losses, double* gradient);
// The slides' squared error over a batch of logits, for maps of the loss: each row's
// sum_k (softmax(z)_k - t_k)^2 with t one-hot at its label, written to `losses`; returns the mean.
// The same checks as softmaxCrossEntropyBatch.
Result<double> squaredErrorBatch(const double* logits, std::size_t rows, std::size_t classes, const double* labels,
                                 double* losses);
// True where the build has WASM SIMD (-msimd128): the batch kernel then runs two lanes at a time
// with fastexp, within 1e-12 of the portable path (see fast_exp.hpp).
bool batchKernelUsesSimd();

// Everything the page shows for one example, from one call.
struct Explanation {
    std::vector<double> scaledLogits;      // z_j / T
    std::vector<double> log10Terms;        // log10 e^{z_j / T}: e^{1000} is shown as 10^{434.29...}
    double log10Sum = 0;                   // log10 sum_k e^{z_k / T}
    double logSum = 0;                     // ln sum_k e^{z_k / T}: the loss is logSum - z_true / T
    std::vector<double> probabilities;     // softmax(z, T)
    double probabilitySum = 0;             // sum of the probabilities: 1 up to rounding
    std::vector<double> logProbabilities;  // logSoftmax(z, T)
    std::vector<double> log10Probabilities;  // logSoftmax / ln 10: e^{-2000} is 10^{-868.6}, not 0
    std::vector<double> target;            // t, smoothed
    std::vector<double> lossTerms;         // -t_i ln q_i (0 where t_i = 0)
    double loss = 0;                       // sum of lossTerms
    std::vector<double> gradient;          // (q - t) / T
    double gradientSum = 0;                // sum of the gradient: 0 up to rounding (both q and t sum to 1)
};
Result<Explanation> explain(const std::vector<double>& z, const Target& target, const Options& options = {});

// Targets for a batch: one class index per row, or one probability row per row.
struct BatchTarget {
    bool isIndex = true;
    View indices;
    std::vector<View> rows;
    static BatchTarget classIndices(View i) { return {true, i, {}}; }
    static BatchTarget distributions(std::vector<View> r) { return {false, {}, std::move(r)}; }
};

struct BatchMetrics {
    double classificationError = 0;  // share of rows whose top prediction is wrong (a tie is wrong)
    double meanSquaredError = 0;     // mean over rows of sum_i (q_i - p_i)^2
    double crossEntropy = 0;         // mean over rows of -sum_i p_i ln q_i
    // Each used row's own value of the three metrics (the batch value is their mean).
    std::vector<double> rowError, rowSquaredError, rowCrossEntropy;
    std::vector<double> usedRows;              // indices (from 0) of the rows evaluated
    std::vector<double> skippedRows;           // with batchMetricsSkippingInvalidRows: rows left out
    std::vector<std::string> skippedReasons;   // and why ("row 3: logit 2 is not a finite number")
};

// The slides' three metrics over predicted probability rows.
Result<BatchMetrics> batchMetrics(const std::vector<View>& predicted, const BatchTarget& target);
// The same from logit rows, through softmax(z, T); cross-entropy from logSoftmax.
Result<BatchMetrics> batchMetricsFromLogits(const std::vector<View>& logits, const BatchTarget& target,
                                            double temperature = 1.0);
// Either of the above over the valid rows only, listing each invalid row with its reason
// (for files with bad lines). Fails only if no row is valid.
Result<BatchMetrics> batchMetricsSkippingInvalidRows(const std::vector<View>& rows, const BatchTarget& target,
                                                     bool fromLogits, double temperature = 1.0);

// The gradient of the squared error sum_k (softmax(z, T)_k - t_k)^2 with respect to the logits:
// for comparing with cross-entropy's (q - t) / T, which does not vanish on confident mistakes.
Result<std::vector<double>> squaredErrorGradient(const std::vector<double>& z, const Target& target,
                                                 const Options& options = {});

}  // namespace losscore

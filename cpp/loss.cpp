#include "loss.hpp"
#include "fast_exp.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace losscore {
namespace {

const double kInfinity = std::numeric_limits<double>::infinity();

std::string format(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", x);
    return buffer;
}

std::string count(std::size_t n) { return std::to_string(n); }

// Checks a vector of logits: not empty, not too long, every value finite.
std::string checkLogits(View z, const std::string& prefix = "") {
    if (z.size == 0) return prefix + "logits are empty";
    if (z.size > kMaxClasses)
        return prefix + count(z.size) + " logits, more than the limit of " + count(kMaxClasses) + " classes";
    for (std::size_t i = 0; i < z.size; ++i)
        if (!std::isfinite(z[i])) return prefix + "logit " + count(i + 1) + " is not a finite number";
    return "";
}

// Checks a probability vector: every value in [0, 1], summing to 1 within kSumTolerance.
// `role` names it in messages ("target ", "predicted ", or "").
std::string checkDistribution(View p, const std::string& role, const std::string& prefix = "") {
    if (p.size == 0) return prefix + role + "probabilities are empty";
    if (p.size > kMaxClasses)
        return prefix + count(p.size) + " " + role + "probabilities, more than the limit of " +
               count(kMaxClasses) + " classes";
    double sum = 0;
    for (std::size_t i = 0; i < p.size; ++i) {
        const std::string name = prefix + role + "probability " + count(i + 1);
        if (!std::isfinite(p[i])) return name + " is not a finite number";
        if (p[i] < 0 || p[i] > 1) return name + " is " + format(p[i]) + ", outside [0, 1]";
        sum += p[i];
    }
    if (std::fabs(sum - 1) > kSumTolerance)
        return prefix + role + "probabilities sum to " + format(sum) + ", not 1";
    return "";
}

std::string checkTemperature(double t) {
    if (!std::isfinite(t) || t <= 0) return "temperature must be a finite number greater than 0, got " + format(t);
    return "";
}

std::string checkLabelSmoothing(double eps) {
    if (!std::isfinite(eps) || eps < 0 || eps > 1) return "label smoothing must be in [0, 1], got " + format(eps);
    return "";
}

std::string checkClassIndex(double index, std::size_t classes, const std::string& prefix = "") {
    if (!std::isfinite(index) || index != std::floor(index))
        return prefix + "class index " + format(index) + " is not an integer";
    if (index < 0 || index >= static_cast<double>(classes))
        return prefix + "class index " + format(index) + " is out of range: " + count(classes) +
               " classes have indices 0 to " + count(classes - 1);
    return "";
}

// The batch kernel's quick test of a label; checkClassIndex says what is wrong where it fails.
bool isClassIndex(double y, std::size_t classes) {
    return y >= 0 && y < static_cast<double>(classes) && y == std::floor(y);
}

std::string checkTarget(const Target& target, std::size_t classes) {
    if (target.isIndex) return checkClassIndex(target.index, classes);
    if (target.probabilities.size != classes)
        return "target has " + count(target.probabilities.size) + " probabilities but there are " + count(classes) +
               " logits";
    return checkDistribution(target.probabilities, "target ");
}

// (z_j - m) / T without overflow where the exact result is finite.
double shifted(double z, double m, double temperature) {
    const double d = z - m;
    return std::isinf(d) ? z / temperature - m / temperature : d / temperature;
}

std::size_t argmax(View z) { return static_cast<std::size_t>(std::max_element(z.data, z.data + z.size) - z.data); }

// The shifted exponents s_j = (z_j - m) / T, the index of the max, and the sum of
// e^{s_j} over the other classes. The max term is e^0 = 1, so the sum is 1 + rest and
// its log is log1p(rest): exact where rest is tiny.
struct Shifted {
    std::vector<double> s;
    std::size_t top = 0;
    double rest = 0;
};

Shifted shift(View z, double temperature) {
    Shifted out;
    out.top = argmax(z);
    const double m = z[out.top];
    out.s.resize(z.size);
    for (std::size_t j = 0; j < z.size; ++j) {
        out.s[j] = j == out.top ? 0.0 : shifted(z[j], m, temperature);
        if (j != out.top) out.rest += std::exp(out.s[j]);
    }
    return out;
}

// softmax and logSoftmax from one shift, so callers that need both shift once.
std::vector<double> probabilitiesOf(Shifted sh) {
    for (double& s : sh.s) s = std::exp(s) / (1 + sh.rest);
    return sh.s;
}

std::vector<double> logProbabilitiesOf(Shifted sh) {
    const double logSum = std::log1p(sh.rest);
    for (double& s : sh.s) s -= logSum;
    return sh.s;
}

std::vector<double> softmaxUnchecked(View z, double temperature) { return probabilitiesOf(shift(z, temperature)); }
std::vector<double> logSoftmaxUnchecked(View z, double temperature) { return logProbabilitiesOf(shift(z, temperature)); }

// The target as a probability vector, smoothed: t = (1 - eps) t + eps / C.
std::vector<double> smoothedTarget(const Target& target, std::size_t classes, double eps) {
    std::vector<double> t(classes, 0.0);
    if (target.isIndex)
        t[static_cast<std::size_t>(target.index)] = 1;
    else
        std::copy(target.probabilities.data, target.probabilities.data + classes, t.begin());
    if (eps > 0)
        for (double& ti : t) ti = (1 - eps) * ti + eps / static_cast<double>(classes);
    return t;
}

// -sum_i t_i logq_i, where a term with t_i = 0 counts 0 even if logq_i = -inf.
double crossEntropyOfLogs(View t, View logq) {
    double sum = 0;
    for (std::size_t i = 0; i < t.size; ++i)
        if (t[i] > 0) sum -= t[i] * logq[i];
    return sum;
}

std::string rowPrefix(std::size_t r) { return "row " + count(r + 1) + ": "; }

std::string checkLogitsAndOptions(View z, const Target& target, const Options& options) {
    std::string error = checkLogits(z);
    if (error.empty()) error = checkTemperature(options.temperature);
    if (error.empty()) error = checkLabelSmoothing(options.labelSmoothing);
    if (error.empty()) error = checkTarget(target, z.size);
    return error;
}

// A target distribution p and a prediction q of the same length.
std::string checkPair(View p, View q) {
    std::string error = checkDistribution(p, "target ");
    if (error.empty()) error = checkDistribution(q, "predicted ");
    if (error.empty() && p.size != q.size)
        error = "target has " + count(p.size) + " probabilities but the prediction has " + count(q.size);
    return error;
}

// -sum_i p_i ln q_i; p_i = 0 counts 0, q_i = 0 < p_i gives +inf.
double crossEntropyUnchecked(View p, View q) {
    double sum = 0;
    for (std::size_t i = 0; i < p.size; ++i) {
        if (p[i] == 0) continue;
        if (q[i] == 0) return kInfinity;
        sum -= p[i] * std::log(q[i]);
    }
    return sum;
}

template <class T>
Result<T> failure(std::string error) {
    Result<T> r;
    r.error = std::move(error);
    return r;
}

}  // namespace

Result<std::vector<double>> softmax(const std::vector<double>& z, double temperature) {
    std::string error = checkLogits(z);
    if (error.empty()) error = checkTemperature(temperature);
    if (!error.empty()) return failure<std::vector<double>>(error);
    return {softmaxUnchecked(z, temperature), ""};
}

Result<std::vector<double>> logSoftmax(const std::vector<double>& z, double temperature) {
    std::string error = checkLogits(z);
    if (error.empty()) error = checkTemperature(temperature);
    if (!error.empty()) return failure<std::vector<double>>(error);
    return {logSoftmaxUnchecked(z, temperature), ""};
}

Result<double> logSumExp(const std::vector<double>& z) {
    std::string error = checkLogits(z);
    if (!error.empty()) return failure<double>(error);
    const Shifted sh = shift(z, 1.0);
    return {z[sh.top] + std::log1p(sh.rest), ""};
}

Result<double> crossEntropy(const std::vector<double>& p, const std::vector<double>& q) {
    const std::string error = checkPair(p, q);
    if (!error.empty()) return failure<double>(error);
    return {crossEntropyUnchecked(p, q), ""};
}

Result<double> crossEntropyFromLogits(const std::vector<double>& z, const Target& target, const Options& options) {
    const std::string error = checkLogitsAndOptions(z, target, options);
    if (!error.empty()) return failure<double>(error);
    const std::vector<double> t = smoothedTarget(target, z.size(), options.labelSmoothing);
    return {crossEntropyOfLogs(t, logSoftmaxUnchecked(z, options.temperature)), ""};
}

Result<std::vector<double>> logitGradient(const std::vector<double>& z, const Target& target, const Options& options) {
    const std::string error = checkLogitsAndOptions(z, target, options);
    if (!error.empty()) return failure<std::vector<double>>(error);
    const std::vector<double> t = smoothedTarget(target, z.size(), options.labelSmoothing);
    std::vector<double> gradient = softmaxUnchecked(z, options.temperature);
    for (std::size_t i = 0; i < z.size(); ++i) gradient[i] = (gradient[i] - t[i]) / options.temperature;
    return {gradient, ""};
}

Result<double> entropy(const std::vector<double>& p) {
    const std::string error = checkDistribution(p, "");
    if (!error.empty()) return failure<double>(error);
    double sum = 0;
    for (double x : p)
        if (x > 0) sum -= x * std::log(x);
    return {sum, ""};
}

Result<double> klDivergence(const std::vector<double>& p, const std::vector<double>& q) {
    const std::string error = checkPair(p, q);
    if (!error.empty()) return failure<double>(error);
    double sum = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i] == 0) continue;
        if (q[i] == 0) return {kInfinity, ""};
        sum += p[i] * (std::log(p[i]) - std::log(q[i]));
    }
    // KL >= 0 exactly; rounding can leave a sum of about -1e-17 where p = q.
    return {std::max(sum, 0.0), ""};
}

namespace {

// The batch kernel's three loops over a row, written twice: portable C++ with std::exp, and
// with WASM SIMD (two lanes, fastexp) where the build has it. They differ by the exp's error
// and the order of a sum: at most a few units in the last place (tests bound it by 1e-12).
#ifdef __wasm_simd128__
// Checks that every value is finite and finds the largest, in one pass. x * 0 is 0 for finite
// x and NaN for inf or NaN, and NaN stays in the sum. Two accumulators each, so that consecutive
// pairs do not wait for each other.
bool largestIfFinite(const double* z, std::size_t n, double& m) {
    const v128_t zero = wasm_f64x2_splat(0);
    v128_t probeA = zero, probeB = zero, topA = wasm_f64x2_splat(z[0]), topB = topA;
    std::size_t j = 0;
    for (; j + 4 <= n; j += 4) {
        const v128_t a = wasm_v128_load(z + j), b = wasm_v128_load(z + j + 2);
        probeA = wasm_f64x2_add(probeA, wasm_f64x2_mul(a, zero));
        probeB = wasm_f64x2_add(probeB, wasm_f64x2_mul(b, zero));
        topA = wasm_f64x2_pmax(topA, a);
        topB = wasm_f64x2_pmax(topB, b);
    }
    const v128_t probe = wasm_f64x2_add(probeA, probeB), top = wasm_f64x2_pmax(topA, topB);
    double rest = wasm_f64x2_extract_lane(probe, 0) + wasm_f64x2_extract_lane(probe, 1);
    m = std::max(wasm_f64x2_extract_lane(top, 0), wasm_f64x2_extract_lane(top, 1));
    for (; j < n; ++j) {
        rest += z[j] * 0;
        m = std::max(m, z[j]);
    }
    return rest == 0;
}

// Writes e^{z_j - m} to g; returns their sum.
double exponentials(const double* z, std::size_t n, double m, double* g, const fastexp::LaneConstants& c) {
    const v128_t shift = wasm_f64x2_splat(m);
    v128_t sums = wasm_f64x2_splat(0);
    std::size_t j = 0;
    for (; j + 2 <= n; j += 2) {
        const v128_t e = fastexp::expNonPositive(wasm_f64x2_sub(wasm_v128_load(z + j), shift), c);
        wasm_v128_store(g + j, e);
        sums = wasm_f64x2_add(sums, e);
    }
    double sum = wasm_f64x2_extract_lane(sums, 0) + wasm_f64x2_extract_lane(sums, 1);
    for (; j < n; ++j) sum += (g[j] = fastexp::expNonPositive(z[j] - m));
    return sum;
}

// Two rows at once, one per lane, for rows of up to kPairClasses: the row-at-a-time loops above
// spend as long on sums across lanes and odd tails as on the exp at 10 classes; here every step
// is vertical. 23% faster at 10 classes, 35% at 2 (measured); no faster from about 40. Returns
// false, having written nothing, if either row has a value that is not finite or a bad label:
// the caller then takes the row-at-a-time path, which names the problem.
constexpr std::size_t kPairClasses = 32;
bool rowPair(const double* z0, const double* z1, std::size_t n, double y0, double y1, double* g0, double* g1,
             double* losses, const fastexp::LaneConstants& c) {
    v128_t column[kPairClasses];
    const v128_t zero = wasm_f64x2_splat(0);
    v128_t probe = zero, top = wasm_v128_load64_lane(z1, wasm_v128_load64_zero(z0), 1);
    std::size_t j = 0;
    for (; j + 2 <= n; j += 2) {
        const v128_t a = wasm_v128_load(z0 + j), b = wasm_v128_load(z1 + j);
        const v128_t u = wasm_i64x2_shuffle(a, b, 0, 2), v = wasm_i64x2_shuffle(a, b, 1, 3);
        column[j] = u;
        column[j + 1] = v;
        probe = wasm_f64x2_add(probe, wasm_f64x2_add(wasm_f64x2_mul(u, zero), wasm_f64x2_mul(v, zero)));
        top = wasm_f64x2_pmax(top, wasm_f64x2_pmax(u, v));
    }
    if (j < n) {
        const v128_t v = wasm_v128_load64_lane(z1 + j, wasm_v128_load64_zero(z0 + j), 1);
        column[j] = v;
        probe = wasm_f64x2_add(probe, wasm_f64x2_mul(v, zero));
        top = wasm_f64x2_pmax(top, v);
    }
    if (!isClassIndex(y0, n) || !isClassIndex(y1, n) || !wasm_i64x2_all_true(wasm_f64x2_eq(probe, zero))) return false;
    v128_t sums = zero;
    for (j = 0; j < n; ++j) {
        column[j] = fastexp::expNonPositive(wasm_f64x2_sub(column[j], top), c);
        sums = wasm_f64x2_add(sums, column[j]);
    }
    const v128_t inverse = wasm_f64x2_div(wasm_f64x2_splat(1), sums);
    for (j = 0; j + 2 <= n; j += 2) {
        const v128_t u = wasm_f64x2_mul(column[j], inverse), v = wasm_f64x2_mul(column[j + 1], inverse);
        wasm_v128_store(g0 + j, wasm_i64x2_shuffle(u, v, 0, 2));
        wasm_v128_store(g1 + j, wasm_i64x2_shuffle(u, v, 1, 3));
    }
    if (j < n) {
        const v128_t p = wasm_f64x2_mul(column[j], inverse);
        wasm_v128_store64_lane(g0 + j, p, 0);
        wasm_v128_store64_lane(g1 + j, p, 1);
    }
    const auto label0 = static_cast<std::size_t>(y0), label1 = static_cast<std::size_t>(y1);
    g0[label0] -= 1;
    g1[label1] -= 1;
    losses[0] = std::log(wasm_f64x2_extract_lane(sums, 0)) - (z0[label0] - wasm_f64x2_extract_lane(top, 0));
    losses[1] = std::log(wasm_f64x2_extract_lane(sums, 1)) - (z1[label1] - wasm_f64x2_extract_lane(top, 1));
    return true;
}
#else
bool largestIfFinite(const double* z, std::size_t n, double& m) {
    double probe = 0;  // as above: NaN if any value is not finite
    m = z[0];
    for (std::size_t j = 0; j < n; ++j) {
        probe += z[j] * 0;
        m = z[j] > m ? z[j] : m;
    }
    return probe == 0;
}

struct NoConstants {};
double exponentials(const double* z, std::size_t n, double m, double* g, NoConstants) {
    double sum = 0;
    for (std::size_t j = 0; j < n; ++j) sum += (g[j] = std::exp(z[j] - m));
    return sum;
}
#endif

}  // namespace

#ifdef __wasm_simd128__
namespace fastexp {
Constants<double> laneConstantSource = kConstants;
}  // namespace fastexp
#endif

bool batchKernelUsesSimd() {
#ifdef __wasm_simd128__
    return true;
#else
    return false;
#endif
}

Result<double> softmaxCrossEntropyBatch(const double* logits, std::size_t rows, std::size_t classes,
                                        const double* labels, double* losses, double* gradient) {
    if (rows == 0 || classes == 0) return failure<double>("there are no rows");
    if (classes > kMaxClasses) return failure<double>(count(classes) + " classes, more than the limit of " + count(kMaxClasses));
    if (rows > kMaxValues / classes)
        return failure<double>(count(rows * classes) + " values, more than the limit of " + count(kMaxValues) + " per call");
#ifdef __wasm_simd128__
    const fastexp::LaneConstants constants = fastexp::laneConstants();
#else
    const NoConstants constants;
#endif
    // One pass checks a row and finds its largest logit; messages are built only for a row that fails.
    // Rows before a bad one may have been written.
    double total = 0;
    std::size_t r = 0;
#ifdef __wasm_simd128__
    if (classes <= kPairClasses)
        for (; r + 2 <= rows; r += 2) {
            const double* z = logits + r * classes;
            if (!rowPair(z, z + classes, classes, labels[r], labels[r + 1], gradient + r * classes,
                         gradient + (r + 1) * classes, losses + r, constants))
                break;
            total += losses[r];
            total += losses[r + 1];
        }
#endif
    for (; r < rows; ++r) {
        const double* z = logits + r * classes;
        const double y = labels[r];
        double m = 0;
        if (!largestIfFinite(z, classes, m) || !isClassIndex(y, classes)) {
            std::string error = checkLogits(View(z, classes), rowPrefix(r));
            if (error.empty()) error = checkClassIndex(y, classes, rowPrefix(r));
            return failure<double>(error);
        }
        double* g = gradient + r * classes;
        const double sum = exponentials(z, classes, m, g, constants);
        const auto label = static_cast<std::size_t>(y);
        losses[r] = std::log(sum) - (z[label] - m);
        total += losses[r];
        const double inverse = 1 / sum;
        for (std::size_t j = 0; j < classes; ++j) g[j] *= inverse;
        g[label] -= 1;
    }
    return {total / static_cast<double>(rows), ""};
}

Result<Explanation> explain(const std::vector<double>& z, const Target& target, const Options& options) {
    const std::string error = checkLogitsAndOptions(z, target, options);
    if (!error.empty()) return failure<Explanation>(error);
    const double T = options.temperature;
    const double ln10 = std::log(10.0);
    Explanation e;
    const Shifted sh = shift(z, T);
    for (double x : z) e.scaledLogits.push_back(x / T);
    for (double x : e.scaledLogits) e.log10Terms.push_back(x / ln10);
    e.log10Sum = (z[sh.top] / T + std::log1p(sh.rest)) / ln10;
    e.probabilities = probabilitiesOf(sh);
    for (double p : e.probabilities) e.probabilitySum += p;
    e.logProbabilities = logProbabilitiesOf(sh);
    for (double l : e.logProbabilities) e.log10Probabilities.push_back(l / ln10);
    e.target = smoothedTarget(target, z.size(), options.labelSmoothing);
    for (std::size_t i = 0; i < z.size(); ++i) {
        e.lossTerms.push_back(e.target[i] > 0 ? -e.target[i] * e.logProbabilities[i] : 0.0);
        e.loss += e.lossTerms.back();
        e.gradient.push_back((e.probabilities[i] - e.target[i]) / T);
    }
    return {e, ""};
}

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

Result<std::vector<double>> squaredErrorGradient(const std::vector<double>& z, const Target& target,
                                                 const Options& options) {
    const std::string error = checkLogitsAndOptions(z, target, options);
    if (!error.empty()) return failure<std::vector<double>>(error);
    const std::vector<double> t = smoothedTarget(target, z.size(), options.labelSmoothing);
    const std::vector<double> q = softmaxUnchecked(z, options.temperature);
    // d/dz_j sum_k (q_k - t_k)^2 = (2 / T) q_j ((q_j - t_j) - sum_k q_k (q_k - t_k)), through the softmax Jacobian.
    double mean = 0;
    for (std::size_t k = 0; k < q.size(); ++k) mean += q[k] * (q[k] - t[k]);
    std::vector<double> g(q.size());
    for (std::size_t j = 0; j < q.size(); ++j) g[j] = 2 * q[j] * ((q[j] - t[j]) - mean) / options.temperature;
    return {g, ""};
}

}  // namespace losscore

// Softmax, the losses and their gradients for one example, on the stable forms below.
#include "loss.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "checks.hpp"
#include "stable.hpp"

namespace losscore {
namespace detail {

// (z_j - m) / T without overflow where the exact result is finite.
namespace {
double shifted(double z, double m, double temperature) {
    const double d = z - m;
    return std::isinf(d) ? z / temperature - m / temperature : d / temperature;
}
}  // namespace

std::size_t argmax(View z) { return static_cast<std::size_t>(std::max_element(z.data, z.data + z.size) - z.data); }

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

double crossEntropyOfLogs(View t, View logq) {
    double sum = 0;
    for (std::size_t i = 0; i < t.size; ++i)
        if (t[i] > 0) sum -= t[i] * logq[i];
    return sum;
}

double crossEntropyUnchecked(View p, View q) {
    double sum = 0;
    for (std::size_t i = 0; i < p.size; ++i) {
        if (p[i] == 0) continue;
        if (q[i] == 0) return std::numeric_limits<double>::infinity();
        sum -= p[i] * std::log(q[i]);
    }
    return sum;
}

}  // namespace detail

using namespace detail;

Result<std::vector<double>> softmax(const std::vector<double>& z, double temperature) {
    std::string error = checkLogits(z);
    if (error.empty()) error = checkTemperature(temperature);
    if (!error.empty()) return failure<std::vector<double>>(error);
    return {softmaxUnchecked(z, temperature), ""};
}

Result<std::vector<double>> softmaxJacobian(const std::vector<double>& z, double temperature) {
    const Result<std::vector<double>> y = softmax(z, temperature);
    if (!y.ok()) return y;
    const std::size_t c = z.size();
    std::vector<double> jacobian(c * c);
    for (std::size_t k = 0; k < c; ++k)
        for (std::size_t i = 0; i < c; ++i)
            jacobian[k * c + i] = y.value[k] * ((k == i ? 1.0 : 0.0) - y.value[i]) / temperature;
    return {jacobian, ""};
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
        if (q[i] == 0) return {std::numeric_limits<double>::infinity(), ""};
        sum += p[i] * (std::log(p[i]) - std::log(q[i]));
    }
    // KL >= 0 exactly; rounding can leave a sum of about -1e-17 where p = q.
    return {std::max(sum, 0.0), ""};
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
    e.logSum = z[sh.top] / T + std::log1p(sh.rest);
    e.log10Sum = e.logSum / ln10;
    e.probabilities = probabilitiesOf(sh);
    for (double p : e.probabilities) e.probabilitySum += p;
    e.logProbabilities = logProbabilitiesOf(sh);
    for (double l : e.logProbabilities) e.log10Probabilities.push_back(l / ln10);
    e.target = smoothedTarget(target, z.size(), options.labelSmoothing);
    for (std::size_t i = 0; i < z.size(); ++i) {
        e.lossTerms.push_back(e.target[i] > 0 ? -e.target[i] * e.logProbabilities[i] : 0.0);
        e.loss += e.lossTerms.back();
        e.gradient.push_back((e.probabilities[i] - e.target[i]) / T);
        e.gradientSum += e.gradient.back();
    }
    return {e, ""};
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

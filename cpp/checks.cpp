#include "checks.hpp"

#include <cstdio>

namespace losscore::detail {

std::string format(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", x);
    return buffer;
}

std::string count(std::size_t n) { return std::to_string(n); }

// Checks a vector of logits: not empty, not too long, every value finite.
std::string checkLogits(View z, const std::string& prefix) {
    if (z.size == 0) return prefix + "logits are empty";
    if (z.size > kMaxClasses)
        return prefix + count(z.size) + " logits, more than the limit of " + count(kMaxClasses) + " classes";
    for (std::size_t i = 0; i < z.size; ++i)
        if (!std::isfinite(z[i])) return prefix + "logit " + count(i + 1) + " is not a finite number";
    return "";
}

// Checks a probability vector: every value in [0, 1], summing to 1 within kSumTolerance.
// `role` names it in messages ("target ", "predicted ", or "").
std::string checkDistribution(View p, const std::string& role, const std::string& prefix) {
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

std::string checkClassIndex(double index, std::size_t classes, const std::string& prefix) {
    if (!std::isfinite(index) || index != std::floor(index))
        return prefix + "class index " + format(index) + " is not an integer";
    if (index < 0 || index >= static_cast<double>(classes))
        return prefix + "class index " + format(index) + " is out of range: " + count(classes) +
               " classes have indices 0 to " + count(classes - 1);
    return "";
}

std::string checkTarget(const Target& target, std::size_t classes) {
    if (target.isIndex) return checkClassIndex(target.index, classes);
    if (target.probabilities.size != classes)
        return "target has " + count(target.probabilities.size) + " probabilities but there are " + count(classes) +
               " logits";
    return checkDistribution(target.probabilities, "target ");
}

std::string rowPrefix(std::size_t r) { return "row " + count(r + 1) + ": "; }

std::string checkLogitsAndOptions(View z, const Target& target, const Options& options) {
    std::string error = checkLogits(z);
    if (error.empty()) error = checkTemperature(options.temperature);
    if (error.empty()) error = checkLabelSmoothing(options.labelSmoothing);
    if (error.empty()) error = checkTarget(target, z.size);
    return error;
}

std::string checkPair(View p, View q) {
    std::string error = checkDistribution(p, "target ");
    if (error.empty()) error = checkDistribution(q, "predicted ");
    if (error.empty() && p.size != q.size)
        error = "target has " + count(p.size) + " probabilities but the prediction has " + count(q.size);
    return error;
}

}  // namespace losscore::detail

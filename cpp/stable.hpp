// The stable forms every loss is built from: max-shifted exponents, softmax and log-softmax
// from one shift, smoothed targets and cross-entropy from log-probabilities. Unchecked: the
// callers check their input first (checks.hpp).
#pragma once

#include <vector>

#include "loss.hpp"

namespace losscore::detail {

std::size_t argmax(View z);

// The shifted exponents s_j = (z_j - m) / T, the index of the max, and the sum of
// e^{s_j} over the other classes. The max term is e^0 = 1, so the sum is 1 + rest and
// its log is log1p(rest): exact where rest is tiny.
struct Shifted {
    std::vector<double> s;
    std::size_t top = 0;
    double rest = 0;
};
Shifted shift(View z, double temperature);
std::vector<double> probabilitiesOf(Shifted sh);
std::vector<double> logProbabilitiesOf(Shifted sh);
std::vector<double> softmaxUnchecked(View z, double temperature);
std::vector<double> logSoftmaxUnchecked(View z, double temperature);
// The target as a probability vector, smoothed: t = (1 - eps) t + eps / C.
std::vector<double> smoothedTarget(const Target& target, std::size_t classes, double eps);
// -sum_i t_i logq_i, where a term with t_i = 0 counts 0 even if logq_i = -inf.
double crossEntropyOfLogs(View t, View logq);
// -sum_i p_i ln q_i; p_i = 0 counts 0, q_i = 0 < p_i gives +inf.
double crossEntropyUnchecked(View p, View q);

}  // namespace losscore::detail

// Input checks and their messages, shared by the core's entry points. Each returns "" when
// the input is fine, else a message that names the position ("row 3: logit 2 is not a finite number").
#pragma once

#include <cmath>
#include <string>

#include "loss.hpp"

namespace losscore::detail {

std::string format(double x);
std::string count(std::size_t n);
std::string rowPrefix(std::size_t r);

// Logits: not empty, within kMaxClasses, every value finite.
std::string checkLogits(View z, const std::string& prefix = "");
// A probability vector: values in [0, 1] summing to 1 within kSumTolerance; `role` names it
// in messages ("target ", "predicted ", or "").
std::string checkDistribution(View p, const std::string& role, const std::string& prefix = "");
std::string checkTemperature(double t);
std::string checkLabelSmoothing(double eps);
std::string checkClassIndex(double index, std::size_t classes, const std::string& prefix = "");
std::string checkTarget(const Target& target, std::size_t classes);
std::string checkLogitsAndOptions(View z, const Target& target, const Options& options);
// A target distribution p and a prediction q of the same length.
std::string checkPair(View p, View q);

// The batch kernel's quick test of a label; checkClassIndex says what is wrong where it fails.
inline bool isClassIndex(double y, std::size_t classes) {
    return y >= 0 && y < static_cast<double>(classes) && y == std::floor(y);
}

template <class T>
Result<T> failure(std::string error) {
    Result<T> r;
    r.error = std::move(error);
    return r;
}

}  // namespace losscore::detail

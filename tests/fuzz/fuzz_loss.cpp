// libFuzzer target over every entry point of the loss core, with arbitrary doubles (NaN,
// infinities, subnormals, huge values) and sizes (including past the limits). A crash, a
// sanitizer report or a broken invariant (trap) is a finding.
//   clang++-14 -fsanitize=fuzzer,address,undefined ... ; see scripts/fuzz.js
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "loss.hpp"

using namespace losscore;

namespace {

void require(bool condition) {
    if (!condition) __builtin_trap();
}

// Doubles from raw bytes (any bit pattern) or from "nice" ranges, so both edge cases
// and realistic inputs are reached.
double anyDouble(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegralInRange<int>(0, 3)) {
        case 0: {
            const auto bits = in.ConsumeIntegral<std::uint64_t>();
            double x;
            static_assert(sizeof x == sizeof bits);
            __builtin_memcpy(&x, &bits, sizeof x);
            return x;
        }
        case 1: return in.ConsumeFloatingPointInRange<double>(-1e3, 1e3);
        case 2: return in.ConsumeProbability<double>();
        default: return in.ConsumeFloatingPoint<double>();
    }
}

std::vector<double> anyVector(FuzzedDataProvider& in) {
    // Mostly small, sometimes past the 1,000-class limit.
    const std::size_t n = in.ConsumeBool() ? in.ConsumeIntegralInRange<std::size_t>(0, 12)
                                           : in.ConsumeIntegralInRange<std::size_t>(0, 1100);
    std::vector<double> v(n);
    for (double& x : v) x = anyDouble(in);
    return v;
}

// A probability vector that is often valid: random weights normalised.
std::vector<double> anyDistribution(FuzzedDataProvider& in) {
    if (in.ConsumeBool()) return anyVector(in);
    std::vector<double> v(in.ConsumeIntegralInRange<std::size_t>(1, 12));
    double sum = 0;
    for (double& x : v) sum += (x = in.ConsumeProbability<double>());
    for (double& x : v) x = sum > 0 ? x / sum : 1.0 / static_cast<double>(v.size());
    return v;
}

Target anyTarget(FuzzedDataProvider& in, std::vector<double>& storage) {
    if (in.ConsumeBool()) return Target::classIndex(in.ConsumeBool() ? in.ConsumeIntegralInRange<int>(-2, 14) : anyDouble(in));
    storage = anyDistribution(in);
    return Target::distribution(storage);
}

Options anyOptions(FuzzedDataProvider& in) {
    Options o;
    if (in.ConsumeBool()) o.temperature = in.ConsumeBool() ? in.ConsumeFloatingPointInRange<double>(0.01, 100) : anyDouble(in);
    if (in.ConsumeBool()) o.labelSmoothing = in.ConsumeBool() ? in.ConsumeProbability<double>() : anyDouble(in);
    return o;
}

bool finiteOrPlusInfinity(double x) { return !std::isnan(x) && x != -INFINITY; }

void checkProbabilities(const std::vector<double>& p) {
    double sum = 0;
    for (double x : p) {
        require(x >= 0 && x <= 1);
        sum += x;
    }
    require(std::fabs(sum - 1) <= 1e-12 * static_cast<double>(p.size()) + 1e-12);
}

template <class R>
bool failedWithMessage(const R& r) {
    if (r.ok()) return false;
    require(!r.error.empty());
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    std::vector<double> storage;
    switch (in.ConsumeIntegralInRange<int>(0, 11)) {
        case 0: {
            const auto z = anyVector(in);
            const auto r = softmax(z, anyOptions(in).temperature);
            if (!failedWithMessage(r)) checkProbabilities(r.value);
            break;
        }
        case 1: {
            const auto r = logSoftmax(anyVector(in), anyOptions(in).temperature);
            if (!failedWithMessage(r)) for (double x : r.value) require(!std::isnan(x) && x <= 0);
            break;
        }
        case 2: {
            const auto z = anyVector(in);
            const auto r = logSumExp(z);
            if (!failedWithMessage(r)) require(std::isfinite(r.value) && r.value >= *std::max_element(z.begin(), z.end()));
            break;
        }
        case 3: {
            const auto p = anyDistribution(in), q = anyDistribution(in);
            const auto r = crossEntropy(p, q);
            if (!failedWithMessage(r)) require(r.value >= 0 && finiteOrPlusInfinity(r.value));
            break;
        }
        case 4: {
            const auto z = anyVector(in);
            const Target t = anyTarget(in, storage);
            const auto r = crossEntropyFromLogits(z, t, anyOptions(in));
            if (!failedWithMessage(r)) require(r.value >= 0 && finiteOrPlusInfinity(r.value));
            break;
        }
        case 5: {
            const auto z = anyVector(in);
            const Target t = anyTarget(in, storage);
            const auto r = logitGradient(z, t, anyOptions(in));
            if (!failedWithMessage(r)) for (double g : r.value) require(!std::isnan(g));
            break;
        }
        case 6: {
            const auto r = entropy(anyDistribution(in));
            if (!failedWithMessage(r)) require(r.value >= 0 && std::isfinite(r.value));
            break;
        }
        case 7: {
            const auto p = anyDistribution(in), q = anyDistribution(in);
            const auto r = klDivergence(p, q);
            if (!failedWithMessage(r)) require(r.value >= 0 && finiteOrPlusInfinity(r.value));
            break;
        }
        case 8: case 9: {
            const bool fromLogits = in.ConsumeBool();
            const std::size_t rows = in.ConsumeIntegralInRange<std::size_t>(0, 8);
            std::vector<std::vector<double>> values(rows);
            for (auto& row : values) row = fromLogits ? anyVector(in) : anyDistribution(in);
            std::vector<View> views(values.begin(), values.end());
            std::vector<double> labels(rows);
            for (double& y : labels) y = in.ConsumeBool() ? in.ConsumeIntegralInRange<int>(0, 3) : anyDouble(in);
            const bool skip = in.ConsumeBool();
            const double t = anyOptions(in).temperature;
            const auto r = skip ? batchMetricsSkippingInvalidRows(views, BatchTarget::classIndices(labels), fromLogits, t)
                         : fromLogits ? batchMetricsFromLogits(views, BatchTarget::classIndices(labels), t)
                                      : batchMetrics(views, BatchTarget::classIndices(labels));
            if (!failedWithMessage(r)) {
                require(r.value.classificationError >= 0 && r.value.classificationError <= 1);
                require(r.value.meanSquaredError >= 0 && r.value.meanSquaredError <= 2 + 1e-12);
                require(r.value.crossEntropy >= 0 && finiteOrPlusInfinity(r.value.crossEntropy));
                require(r.value.usedRows.size() + r.value.skippedRows.size() == rows);
            }
            break;
        }
        case 10: {
            const auto z = anyVector(in);
            const Target t = anyTarget(in, storage);
            const auto r = explain(z, t, anyOptions(in));
            if (!failedWithMessage(r)) {
                checkProbabilities(r.value.probabilities);
                require(r.value.loss >= 0 && finiteOrPlusInfinity(r.value.loss));
                for (double g : r.value.gradient) require(!std::isnan(g));
            }
            break;
        }
        default: {
            const auto z = anyVector(in);
            const Target t = anyTarget(in, storage);
            const auto r = squaredErrorGradient(z, t, anyOptions(in));
            if (!failedWithMessage(r)) for (double g : r.value) require(!std::isnan(g));
            break;
        }
    }
    return 0;
}

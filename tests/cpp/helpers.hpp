// Shared helpers for the loss-core tests: tolerances, a portable seeded generator
// and a central-difference gradient check.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <functional>
#include <vector>

#include "loss.hpp"
#include "pictures.hpp"

namespace testing {

// Within a relative tolerance, or the same absolute tolerance near zero. (A function
// returning `WithinRel(..) || WithinAbs(..)` would dangle: Catch2 v2 combines by pointer.)
class Close : public Catch::MatcherBase<double> {
public:
    Close(double expected, double tolerance) : expected_(expected), tolerance_(tolerance) {}
    bool match(const double& actual) const override {
        if (actual == expected_) return true;  // also equal infinities
        const double diff = std::fabs(actual - expected_);
        return diff <= tolerance_ || diff <= tolerance_ * std::max(std::fabs(actual), std::fabs(expected_));
    }
    std::string describe() const override {
        char text[96];
        std::snprintf(text, sizeof text, "is within %.3g (relative or absolute) of %.17g", tolerance_, expected_);
        return text;
    }

private:
    double expected_, tolerance_;
};

inline Close close(double expected, double tolerance = 1e-12) { return {expected, tolerance}; }

inline void requireClose(const std::vector<double>& actual, const std::vector<double>& expected,
                         double tolerance = 1e-12) {
    REQUIRE(actual.size() == expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        CAPTURE(i);
        REQUIRE_THAT(actual[i], close(expected[i], tolerance));
    }
}

// The core's splitmix64 (the same numbers natively and in wasm; std distributions differ
// between libstdc++ and libc++), with the draws the tests need.
class Random : public losscore::SplitMix {
public:
    using SplitMix::SplitMix;
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    std::vector<double> logits(std::size_t n, double scale) {
        std::vector<double> z(n);
        for (double& x : z) x = uniform(-scale, scale);
        return z;
    }
    std::vector<double> distribution(std::size_t n) {
        std::vector<double> p(n);
        double sum = 0;
        for (double& x : p) sum += (x = uniform() + 1e-3);
        for (double& x : p) x /= sum;
        return p;
    }
};

// Central differences (f(x + h) - f(x - h)) / 2h for each coordinate.
inline std::vector<double> numericGradient(const std::function<double(const std::vector<double>&)>& f,
                                           std::vector<double> x, double h = 1e-5) {
    std::vector<double> g(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double saved = x[i];
        x[i] = saved + h;
        const double up = f(x);
        x[i] = saved - h;
        const double down = f(x);
        x[i] = saved;
        g[i] = (up - down) / (2 * h);
    }
    return g;
}

}  // namespace testing

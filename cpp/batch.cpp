// The throughput path: softmax cross-entropy and its gradient over a batch, in place.
#include "loss.hpp"
#include "fast_exp.hpp"

#include <algorithm>
#include <cmath>

#include "checks.hpp"

namespace losscore {
using namespace detail;
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
// is vertical: faster up to about 32 classes, not beyond (docs/performance.md). Returns
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

}  // namespace losscore

// Throughput of the loss core: softmax + cross-entropy + gradient over N rows x C classes,
// against a plain read-scale-write pass over the same bytes (the memory-bandwidth reference).
// Built twice by scripts/bench.js, natively (g++ -O2) and as wasm (em++ -O2, run in Node),
// so both run the same code; prints one JSON line per case.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "loss.hpp"

namespace {

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Repeats `run` until at least 0.25 s have passed; returns seconds per run (best of 3 batches).
template <class F>
double timePerRun(F run) {
    double best = 1e300;
    for (int batch = 0; batch < 3; ++batch) {
        int runs = 0;
        const auto start = std::chrono::steady_clock::now();
        do {
            run();
            ++runs;
        } while (seconds(start) < 0.25 / 3);
        best = std::min(best, seconds(start) / runs);
    }
    return best;
}

}  // namespace

int main() {
    const std::size_t classCounts[] = {2, 10, 1000};
    const std::size_t rowCounts[] = {1000, 10000, 100000, 1000000};
    volatile double sink = 0;
    for (std::size_t c : classCounts) {
        for (std::size_t n : rowCounts) {
            if (n * c > losscore::kMaxValues) continue;  // the core's per-call limit
            std::vector<double> logits(n * c), labels(n), losses(n), gradient(n * c), scaled(n * c);
            std::uint64_t state = 42;
            for (double& z : logits) {
                state = state * 6364136223846793005ULL + 1442695040888963407ULL;
                z = static_cast<double>(state >> 11) * 0x1.0p-53 * 8 - 4;
            }
            for (std::size_t r = 0; r < n; ++r) labels[r] = static_cast<double>(r % c);
            const double core = timePerRun([&] {
                sink = sink + losscore::softmaxCrossEntropyBatch(logits.data(), n, c, labels.data(), losses.data(),
                                                              gradient.data()).value;
            });
            const double memory = timePerRun([&] {
                const double s = 1.0000001;
                for (std::size_t i = 0; i < logits.size(); ++i) scaled[i] = logits[i] * s;
                sink = sink + scaled[n * c / 2];
            });
            const double elements = static_cast<double>(n * c);
            std::printf("{\"rows\":%zu,\"classes\":%zu,\"coreNs\":%.4f,\"memoryNs\":%.4f}\n", n, c, core / elements * 1e9,
                        memory / elements * 1e9);
        }
    }
    return sink == 12345.678 ? 1 : 0;
}

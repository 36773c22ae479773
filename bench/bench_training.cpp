// Training speed of the tiny CNN: SGD steps (batches of 10 pictures, forward + backward +
// update) per second, and forward passes per second. Built natively (g++ -O2) and as wasm
// (em++ -O2, run in Node) by scripts/bench.js from the same sources; prints one JSON line.
#include <chrono>
#include <cstdio>

#include "cnn.hpp"

int main() {
    using clock = std::chrono::steady_clock;
    auto start = clock::now();
    losscore::Trainer trainer(1);
    const double setupMs = std::chrono::duration<double, std::milli>(clock::now() - start).count();
    trainer.train(20);  // warm-up
    const int steps = 500;
    start = clock::now();
    trainer.train(steps);
    const double trainSeconds = std::chrono::duration<double>(clock::now() - start).count();
    const auto& picture = trainer.testSet().pixels[0];
    const int passes = 2000;
    volatile double sink = 0;
    start = clock::now();
    for (int i = 0; i < passes; ++i) sink = sink + trainer.network().forward(picture).value.logits[0];
    const double forwardSeconds = std::chrono::duration<double>(clock::now() - start).count();
    std::printf("{\"setupMs\":%.2f,\"stepsPerSecond\":%.1f,\"forwardUs\":%.2f,\"testAccuracy\":%.3f}\n", setupMs,
                steps / trainSeconds, forwardSeconds / passes * 1e6, trainer.evaluate(trainer.testSet()).accuracy);
    return 0;
}

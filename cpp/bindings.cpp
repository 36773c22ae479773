// The one place the loss core meets JavaScript (Embind). Arrays come in as JS arrays
// or typed arrays and leave as Float64Array copies; errors leave as an `error` field,
// since C++ exceptions are off in this build. web/loss-core.js is the public API on top.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <cmath>

#include "cnn.hpp"
#include "loss.hpp"

using emscripten::val;
using namespace losscore;

namespace {

std::vector<double> toVector(const val& array) { return emscripten::convertJSArrayToNumberVector<double>(array); }

val toArray(const std::vector<double>& v) {
    return val(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice");
}

val failure(const std::string& error) {
    val out = val::object();
    out.set("error", error);
    return out;
}

template <class T>
val wrap(const Result<T>& r) {
    if (!r.ok()) return failure(r.error);
    val out = val::object();
    if constexpr (std::is_same_v<T, double>)
        out.set("value", r.value);
    else
        out.set("value", toArray(r.value));
    return out;
}

// Rows arrive flattened: all values in one array and each row's width in another.
std::vector<View> splitRows(const std::vector<double>& values, const std::vector<double>& widths) {
    std::vector<View> rows;
    rows.reserve(widths.size());
    std::size_t offset = 0;
    for (double w : widths) {
        const auto width = static_cast<std::size_t>(w);
        if (offset + width > values.size()) break;  // the wrapper never sends this; never read past the end
        rows.emplace_back(values.data() + offset, width);
        offset += width;
    }
    return rows;
}

val softmaxJs(const val& z, double t) { return wrap(softmax(toVector(z), t)); }
val logSoftmaxJs(const val& z, double t) { return wrap(logSoftmax(toVector(z), t)); }
val logSumExpJs(const val& z) { return wrap(logSumExp(toVector(z))); }
val crossEntropyJs(const val& p, const val& q) { return wrap(crossEntropy(toVector(p), toVector(q))); }
val entropyJs(const val& p) { return wrap(entropy(toVector(p))); }
val klDivergenceJs(const val& p, const val& q) { return wrap(klDivergence(toVector(p), toVector(q))); }

// `target` is a class index (a number) or an array of probabilities; `f` is a core function
// taking (logits, target, options).
template <class F>
val withTarget(const val& z, const val& target, double t, double eps, F f) {
    const std::vector<double> p = target.isNumber() ? std::vector<double>{} : toVector(target);
    const Target tg = target.isNumber() ? Target::classIndex(target.as<double>()) : Target::distribution(p);
    return wrap(f(toVector(z), tg, Options{t, eps}));
}

val crossEntropyFromLogitsJs(const val& z, const val& target, double t, double eps) {
    return withTarget(z, target, t, eps, [](auto&&... a) { return crossEntropyFromLogits(a...); });
}
val logitGradientJs(const val& z, const val& target, double t, double eps) {
    return withTarget(z, target, t, eps, [](auto&&... a) { return logitGradient(a...); });
}
val squaredErrorGradientJs(const val& z, const val& target, double t, double eps) {
    return withTarget(z, target, t, eps, [](auto&&... a) { return squaredErrorGradient(a...); });
}

val explainJs(const val& z, const val& target, double t, double eps) {
    const std::vector<double> logits = toVector(z);
    const std::vector<double> p = target.isNumber() ? std::vector<double>{} : toVector(target);
    const Target tg = target.isNumber() ? Target::classIndex(target.as<double>()) : Target::distribution(p);
    const Result<Explanation> r = explain(logits, tg, {t, eps});
    if (!r.ok()) return failure(r.error);
    val out = val::object();
    out.set("scaledLogits", toArray(r.value.scaledLogits));
    out.set("log10Terms", toArray(r.value.log10Terms));
    out.set("log10Sum", r.value.log10Sum);
    out.set("probabilities", toArray(r.value.probabilities));
    out.set("probabilitySum", r.value.probabilitySum);
    out.set("logProbabilities", toArray(r.value.logProbabilities));
    out.set("log10Probabilities", toArray(r.value.log10Probabilities));
    out.set("target", toArray(r.value.target));
    out.set("lossTerms", toArray(r.value.lossTerms));
    out.set("loss", r.value.loss);
    out.set("gradient", toArray(r.value.gradient));
    return out;
}

// N rows x C classes of logits (row-major) and one class index per row: each row's loss and
// the gradient softmax(z) - t, from the throughput kernel.
val softmaxCrossEntropyBatchJs(const val& logits, double classes, const val& labels) {
    const std::vector<double> z = toVector(logits), y = toVector(labels);
    if (!(classes >= 1 && classes <= static_cast<double>(kMaxClasses)) || classes != std::floor(classes))
        return failure("classes must be a whole number from 1 to " + std::to_string(kMaxClasses));
    const auto c = static_cast<std::size_t>(classes);
    if (z.size() != y.size() * c)
        return failure(std::to_string(z.size()) + " logits for " + std::to_string(y.size()) + " rows of " +
                       std::to_string(c) + " classes");
    std::vector<double> losses(y.size()), gradient(z.size());
    const Result<double> r = softmaxCrossEntropyBatch(z.data(), y.size(), c, y.data(), losses.data(), gradient.data());
    if (!r.ok()) return failure(r.error);
    val out = val::object();
    out.set("meanLoss", r.value);
    out.set("losses", toArray(losses));
    out.set("gradient", toArray(gradient));
    return out;
}

// Rows as (values, widths); targets as class indices (targetWidths null) or rows.
val batchMetricsJs(const val& values, const val& widths, const val& targetValues, const val& targetWidths,
                   bool fromLogits, double t, bool skipInvalidRows) {
    const std::vector<double> v = toVector(values), w = toVector(widths), tv = toVector(targetValues);
    const std::vector<double> tw = targetWidths.isNull() ? std::vector<double>{} : toVector(targetWidths);
    const std::vector<View> rows = splitRows(v, w);
    const BatchTarget target =
        targetWidths.isNull() ? BatchTarget::classIndices(tv) : BatchTarget::distributions(splitRows(tv, tw));
    const Result<BatchMetrics> r = skipInvalidRows ? batchMetricsSkippingInvalidRows(rows, target, fromLogits, t)
                                   : fromLogits    ? batchMetricsFromLogits(rows, target, t)
                                                   : batchMetrics(rows, target);
    if (!r.ok()) return failure(r.error);
    val out = val::object();
    out.set("classificationError", r.value.classificationError);
    out.set("meanSquaredError", r.value.meanSquaredError);
    out.set("crossEntropy", r.value.crossEntropy);
    out.set("rowError", toArray(r.value.rowError));
    out.set("rowSquaredError", toArray(r.value.rowSquaredError));
    out.set("rowCrossEntropy", toArray(r.value.rowCrossEntropy));
    out.set("usedRows", toArray(r.value.usedRows));
    out.set("skippedRows", toArray(r.value.skippedRows));
    val reasons = val::array();
    for (const std::string& reason : r.value.skippedReasons) reasons.call<void>("push", reason);
    out.set("skippedReasons", reasons);
    return out;
}

// The tiny CNN with its picture sets, for the page: one object the JS wrapper owns.
class TrainerJs {
public:
    explicit TrainerJs(double seed) : trainer_(static_cast<std::uint64_t>(seed)) {}

    val picture(bool test, int index) const {
        if (index < 0 || index >= trainer_.setSize(test))
            return failure("there is no picture " + std::to_string(index + 1) + " in the " + (test ? "test" : "training") + " set");
        int label = 0;
        val out = val::object();
        out.set("pixels", toArray(trainer_.picture(test, index, label)));
        out.set("label", label);
        return out;
    }
    int count(bool test) const { return trainer_.setSize(test); }

    val forward(const val& pixels) const {
        const Result<Activations> r = trainer_.network().forward(toVector(pixels));
        if (!r.ok()) return failure(r.error);
        const NetworkShape& s = trainer_.network().shape();
        val out = val::object();
        out.set("conv", toArray(r.value.conv));
        out.set("relu", toArray(r.value.relu));
        out.set("pooled", toArray(r.value.pooled));
        out.set("logits", toArray(r.value.logits));
        out.set("filters", s.filters);
        out.set("convSide", s.convSide());
        out.set("pooledSide", s.pooledSide());
        return out;
    }

    double train(int count) { return trainer_.train(count); }
    val stepOn(const val& pixels, int target) { return wrap(trainer_.stepOn(toVector(pixels), target)); }

    val evaluate(bool test) const {
        const Trainer::Score score = trainer_.evaluate(test ? trainer_.testSet() : trainer_.trainingSet());
        val out = val::object();
        out.set("loss", score.loss);
        out.set("accuracy", score.accuracy);
        return out;
    }
    // Running sums {lossSum, correct, count} over pictures count .. end - 1 of a set.
    val evaluateMore(bool test, double lossSum, double correct, int count, int end) const {
        const Trainer::Tally t = trainer_.evaluateMore(test, {lossSum, correct, count}, end);
        val out = val::object();
        out.set("lossSum", t.lossSum);
        out.set("correct", t.correct);
        out.set("count", t.count);
        return out;
    }
    void reset() { trainer_.reset(); }
    double steps() const { return static_cast<double>(trainer_.stepsTaken()); }

private:
    Trainer trainer_;
};

// Bytes the allocator has handed out and not taken back: a leak check for tests.
double heapBytesInUse() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace

EMSCRIPTEN_BINDINGS(loss_core) {
    emscripten::function("softmax", &softmaxJs);
    emscripten::function("logSoftmax", &logSoftmaxJs);
    emscripten::function("logSumExp", &logSumExpJs);
    emscripten::function("crossEntropy", &crossEntropyJs);
    emscripten::function("crossEntropyFromLogits", &crossEntropyFromLogitsJs);
    emscripten::function("logitGradient", &logitGradientJs);
    emscripten::function("entropy", &entropyJs);
    emscripten::function("klDivergence", &klDivergenceJs);
    emscripten::function("batchMetrics", &batchMetricsJs);
    emscripten::function("softmaxCrossEntropyBatch", &softmaxCrossEntropyBatchJs);
    emscripten::function("explain", &explainJs);
    emscripten::function("squaredErrorGradient", &squaredErrorGradientJs);
    emscripten::function("heapBytesInUse", &heapBytesInUse);
    emscripten::class_<TrainerJs>("Trainer")
        .constructor<double>()
        .function("picture", &TrainerJs::picture)
        .function("count", &TrainerJs::count)
        .function("forward", &TrainerJs::forward)
        .function("train", &TrainerJs::train)
        .function("stepOn", &TrainerJs::stepOn)
        .function("evaluate", &TrainerJs::evaluate)
        .function("evaluateMore", &TrainerJs::evaluateMore)
        .function("reset", &TrainerJs::reset)
        .function("steps", &TrainerJs::steps);
    emscripten::constant("pictureSide", kPictureSide);
    emscripten::constant("simd", batchKernelUsesSimd());
    emscripten::constant("maxClasses", static_cast<double>(kMaxClasses));
    emscripten::constant("maxValues", static_cast<double>(kMaxValues));
}

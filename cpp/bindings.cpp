// The one place the loss core meets JavaScript (Embind). Arrays come in as JS arrays or typed
// arrays; every function returns {value} or {error} (C++ exceptions are off in this build),
// with structs converted by one generic converter from their field lists below. Arrays leave
// as Float64Array copies. web/loss-core.js is the public API on top.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <cmath>
#include <tuple>

#include "cnn.hpp"
#include "loss.hpp"

using emscripten::val;
using namespace losscore;

namespace {

// --- what leaves: numbers, arrays, and structs through their field lists -------------------

struct BatchLoss {
    double meanLoss = 0;
    std::vector<double> losses, gradient;
};
struct ForwardPass {
    Activations activations;
    NetworkShape shape;
};
struct Picture {
    std::vector<double> pixels;
    int label = 0;
};

template <class S, class M>
struct Field {
    const char* name;
    M S::*member;
};
template <class S, class M>
constexpr Field<S, M> field(const char* name, M S::*member) {
    return {name, member};
}

// Each struct that crosses the boundary, as (name, member) pairs.
constexpr auto fieldsOf(const Explanation*) {
    using E = Explanation;
    return std::make_tuple(field("scaledLogits", &E::scaledLogits), field("log10Terms", &E::log10Terms),
                           field("log10Sum", &E::log10Sum), field("logSum", &E::logSum), field("probabilities", &E::probabilities),
                           field("probabilitySum", &E::probabilitySum), field("logProbabilities", &E::logProbabilities),
                           field("log10Probabilities", &E::log10Probabilities), field("target", &E::target),
                           field("lossTerms", &E::lossTerms), field("loss", &E::loss), field("gradient", &E::gradient),
                           field("gradientSum", &E::gradientSum));
}
constexpr auto fieldsOf(const BatchMetrics*) {
    using B = BatchMetrics;
    return std::make_tuple(field("classificationError", &B::classificationError),
                           field("meanSquaredError", &B::meanSquaredError), field("crossEntropy", &B::crossEntropy),
                           field("rowError", &B::rowError), field("rowSquaredError", &B::rowSquaredError),
                           field("rowCrossEntropy", &B::rowCrossEntropy), field("usedRows", &B::usedRows),
                           field("skippedRows", &B::skippedRows), field("skippedReasons", &B::skippedReasons));
}
constexpr auto fieldsOf(const BatchLoss*) {
    return std::make_tuple(field("meanLoss", &BatchLoss::meanLoss), field("losses", &BatchLoss::losses),
                           field("gradient", &BatchLoss::gradient));
}
constexpr auto fieldsOf(const Activations*) {
    using A = Activations;
    return std::make_tuple(field("conv", &A::conv), field("relu", &A::relu), field("pooled", &A::pooled),
                           field("logits", &A::logits));
}
constexpr auto fieldsOf(const Picture*) {
    return std::make_tuple(field("pixels", &Picture::pixels), field("label", &Picture::label));
}
constexpr auto fieldsOf(const Trainer::Score*) {
    return std::make_tuple(field("loss", &Trainer::Score::loss), field("accuracy", &Trainer::Score::accuracy));
}
constexpr auto fieldsOf(const Trainer::Tally*) {
    using T = Trainer::Tally;
    return std::make_tuple(field("lossSum", &T::lossSum), field("correct", &T::correct), field("count", &T::count));
}

val toJs(double x) { return val(x); }
val toJs(int x) { return val(x); }
val toJs(const std::string& s) { return val(s); }
val toJs(const std::vector<double>& v) { return val(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice"); }
val toJs(const std::vector<std::string>& v) {
    val out = val::array();
    for (const std::string& s : v) out.call<void>("push", s);
    return out;
}
template <class S>
val toJs(const S& s) {
    val out = val::object();
    std::apply([&](auto... f) { (out.set(f.name, toJs(s.*(f.member))), ...); }, fieldsOf(static_cast<const S*>(nullptr)));
    return out;
}
// The forward pass: every layer, and the shape the page needs to lay the maps out.
val toJs(const ForwardPass& p) {
    val out = toJs(p.activations);
    out.set("filters", p.shape.filters);
    out.set("convSide", p.shape.convSide());
    out.set("pooledSide", p.shape.pooledSide());
    return out;
}

val failure(const std::string& error) {
    val out = val::object();
    out.set("error", error);
    return out;
}
template <class T>
val success(const T& value) {
    val out = val::object();
    out.set("value", toJs(value));
    return out;
}
template <class T>
val wrap(const Result<T>& r) {
    return r.ok() ? success(r.value) : failure(r.error);
}

// --- what comes in -----------------------------------------------------------------------

std::vector<double> toVector(const val& array) { return emscripten::convertJSArrayToNumberVector<double>(array); }

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

// `target` is a class index (a number) or an array of probabilities; `f` is a core function
// taking (logits, target, options).
template <class F>
val withTarget(const val& z, const val& target, double t, double eps, F f) {
    const std::vector<double> p = target.isNumber() ? std::vector<double>{} : toVector(target);
    const Target tg = target.isNumber() ? Target::classIndex(target.as<double>()) : Target::distribution(p);
    return wrap(f(toVector(z), tg, Options{t, eps}));
}
#define WITH_TARGET(name) \
    val name##Js(const val& z, const val& target, double t, double eps) { \
        return withTarget(z, target, t, eps, [](auto&&... a) { return name(a...); }); \
    }
WITH_TARGET(crossEntropyFromLogits)
WITH_TARGET(logitGradient)
WITH_TARGET(squaredErrorGradient)
WITH_TARGET(explain)

val softmaxJs(const val& z, double t) { return wrap(softmax(toVector(z), t)); }
val softmaxJacobianJs(const val& z, double t) { return wrap(softmaxJacobian(toVector(z), t)); }
val logSoftmaxJs(const val& z, double t) { return wrap(logSoftmax(toVector(z), t)); }
val logSumExpJs(const val& z) { return wrap(logSumExp(toVector(z))); }
val crossEntropyJs(const val& p, const val& q) { return wrap(crossEntropy(toVector(p), toVector(q))); }
val entropyJs(const val& p) { return wrap(entropy(toVector(p))); }
val klDivergenceJs(const val& p, const val& q) { return wrap(klDivergence(toVector(p), toVector(q))); }

// N rows x C classes of logits (row-major) and one class index per row, checked for shape; then
// `kernel(z, rows, classes, labels, out)` fills each row's loss (and, for cross-entropy, the gradient).
template <class Kernel>
val batchLoss(const val& logits, double classes, const val& labels, bool withGradient, Kernel kernel) {
    const std::vector<double> z = toVector(logits), y = toVector(labels);
    if (!(classes >= 1 && classes <= static_cast<double>(kMaxClasses)) || classes != std::floor(classes))
        return failure("classes must be a whole number from 1 to " + std::to_string(kMaxClasses));
    const auto c = static_cast<std::size_t>(classes);
    if (z.size() != y.size() * c)
        return failure(std::to_string(z.size()) + " logits for " + std::to_string(y.size()) + " rows of " +
                       std::to_string(c) + " classes");
    BatchLoss out;
    out.losses.resize(y.size());
    if (withGradient) out.gradient.resize(z.size());
    const Result<double> r = kernel(z, y.size(), c, y, out);
    if (!r.ok()) return failure(r.error);
    out.meanLoss = r.value;
    return success(out);
}

// Each row's loss -ln softmax(z)_y and the gradient softmax(z) - t, from the throughput kernel.
val softmaxCrossEntropyBatchJs(const val& logits, double classes, const val& labels) {
    return batchLoss(logits, classes, labels, true, [](const auto& z, std::size_t n, std::size_t c, const auto& y, BatchLoss& out) {
        return softmaxCrossEntropyBatch(z.data(), n, c, y.data(), out.losses.data(), out.gradient.data());
    });
}

// The slides' squared error per row of logits, for the loss landscape's map.
val squaredErrorBatchJs(const val& logits, double classes, const val& labels) {
    return batchLoss(logits, classes, labels, false, [](const auto& z, std::size_t n, std::size_t c, const auto& y, BatchLoss& out) {
        return squaredErrorBatch(z.data(), n, c, y.data(), out.losses.data());
    });
}

// Rows as (values, widths); targets as class indices (targetWidths null) or rows.
val batchMetricsJs(const val& values, const val& widths, const val& targetValues, const val& targetWidths,
                   bool fromLogits, double t, bool skipInvalidRows) {
    const std::vector<double> v = toVector(values), w = toVector(widths), tv = toVector(targetValues);
    const std::vector<double> tw = targetWidths.isNull() ? std::vector<double>{} : toVector(targetWidths);
    const std::vector<View> rows = splitRows(v, w);
    const BatchTarget target =
        targetWidths.isNull() ? BatchTarget::classIndices(tv) : BatchTarget::distributions(splitRows(tv, tw));
    return wrap(skipInvalidRows ? batchMetricsSkippingInvalidRows(rows, target, fromLogits, t)
                : fromLogits    ? batchMetricsFromLogits(rows, target, t)
                                : batchMetrics(rows, target));
}

// The tiny CNN with its picture sets, for the page: one object the JS wrapper owns. A set is
// named by a number from JS: 0 training, 1 test.
class TrainerJs {
public:
    explicit TrainerJs(double seed) : trainer_(static_cast<std::uint64_t>(seed)) {}

    val picture(int set, int index) const {
        const Split split = splitOf(set);
        if (index < 0 || index >= trainer_.setSize(split))
            return failure("there is no picture " + std::to_string(index + 1) + " in the " +
                           (split == Split::test ? "test" : "training") + " set");
        Picture p;
        p.pixels = trainer_.picture(split, index, p.label);
        return success(p);
    }
    int count(int set) const { return trainer_.setSize(splitOf(set)); }

    val forward(const val& pixels) const {
        const Result<Activations> r = trainer_.network().forward(toVector(pixels));
        return r.ok() ? success(ForwardPass{r.value, trainer_.network().shape()}) : failure(r.error);
    }

    val train(int count) { return success(trainer_.train(count)); }
    val stepOn(const val& pixels, int target) { return wrap(trainer_.stepOn(toVector(pixels), target)); }

    val evaluate(int set) const {
        const Split split = splitOf(set);
        return success(trainer_.evaluate(split == Split::test ? trainer_.testSet() : trainer_.trainingSet()));
    }
    // Running sums {lossSum, correct, count} over pictures count .. end - 1 of a set.
    val evaluateMore(int set, double lossSum, double correct, int count, int end) const {
        return success(trainer_.evaluateMore(splitOf(set), {lossSum, correct, count}, end));
    }
    void reset() { trainer_.reset(); }
    double steps() const { return static_cast<double>(trainer_.stepsTaken()); }

private:
    static Split splitOf(int set) { return set == 1 ? Split::test : Split::training; }
    Trainer trainer_;
};

// Bytes the allocator has handed out and not taken back: a leak check for tests.
double heapBytesInUse() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace

EMSCRIPTEN_BINDINGS(loss_core) {
    emscripten::function("softmax", &softmaxJs);
    emscripten::function("softmaxJacobian", &softmaxJacobianJs);
    emscripten::function("logSoftmax", &logSoftmaxJs);
    emscripten::function("logSumExp", &logSumExpJs);
    emscripten::function("crossEntropy", &crossEntropyJs);
    emscripten::function("crossEntropyFromLogits", &crossEntropyFromLogitsJs);
    emscripten::function("logitGradient", &logitGradientJs);
    emscripten::function("entropy", &entropyJs);
    emscripten::function("klDivergence", &klDivergenceJs);
    emscripten::function("batchMetrics", &batchMetricsJs);
    emscripten::function("softmaxCrossEntropyBatch", &softmaxCrossEntropyBatchJs);
    emscripten::function("squaredErrorBatch", &squaredErrorBatchJs);
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

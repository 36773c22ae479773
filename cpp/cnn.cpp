#include "cnn.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace losscore {
namespace {

// Pixels enter the network centred on 0 (as x - 0.5): training is steadier than on [0, 1].
constexpr double kInputCentre = 0.5;

// Offsets of the four parameter blocks in the flat vector.
struct Layout {
    int convWeights, convBiases, denseWeights, denseBiases;
    explicit Layout(const NetworkShape& s)
        : convWeights(0),
          convBiases(s.convWeights()),
          denseWeights(s.convWeights() + s.filters),
          denseBiases(s.convWeights() + s.filters + s.denseWeights()) {}
};

std::string checkPicture(const std::vector<double>& picture, const NetworkShape& shape) {
    const std::size_t expected = static_cast<std::size_t>(shape.side) * shape.side;
    if (picture.size() != expected)
        return "the picture has " + std::to_string(picture.size()) + " pixels; the network takes " +
               std::to_string(shape.side) + " x " + std::to_string(shape.side) + " = " + std::to_string(expected);
    for (std::size_t i = 0; i < picture.size(); ++i)
        if (!std::isfinite(picture[i]))
            return "pixel " + std::to_string(i + 1) + " is not a finite number";
    return {};
}

}  // namespace

Network::Network(NetworkShape shape, std::uint64_t seed, Training training)
    : shape_(shape), training_(training), parameters_(shape.parameters(), 0.0), velocity_(shape.parameters(), 0.0) {
    const Layout at(shape_);
    SplitMix random(seed);
    const double convLimit = std::sqrt(6.0 / (shape_.kernel * shape_.kernel));
    for (int i = 0; i < shape_.convWeights(); ++i) parameters_[at.convWeights + i] = random.uniform(-convLimit, convLimit);
    const double denseLimit = std::sqrt(6.0 / shape_.features());
    for (int i = 0; i < shape_.denseWeights(); ++i) parameters_[at.denseWeights + i] = random.uniform(-denseLimit, denseLimit);
}

Result<Activations> Network::forward(const std::vector<double>& picture) const {
    if (std::string error = checkPicture(picture, shape_); !error.empty()) return {{}, error};
    const Layout at(shape_);
    const double* w = parameters_.data();
    const int S = shape_.side, K = shape_.kernel, M = shape_.convSide(), P = shape_.pooledSide(), Q = shape_.pool;
    const int F = shape_.filters, C = shape_.classes, D = shape_.features();
    Activations a;
    a.conv.assign(static_cast<std::size_t>(F) * M * M, 0.0);
    a.relu.resize(a.conv.size());
    for (int f = 0; f < F; ++f) {
        const double* kernel = w + at.convWeights + f * K * K;
        for (int y = 0; y < M; ++y) {
            for (int x = 0; x < M; ++x) {
                double sum = w[at.convBiases + f];
                for (int ky = 0; ky < K; ++ky)
                    for (int kx = 0; kx < K; ++kx) sum += kernel[ky * K + kx] * (picture[(y + ky) * S + x + kx] - kInputCentre);
                const int i = (f * M + y) * M + x;
                a.conv[i] = sum;
                a.relu[i] = sum > 0 ? sum : 0;
            }
        }
    }
    a.pooled.resize(D);
    a.poolSource.resize(D);
    for (int f = 0; f < F; ++f) {
        for (int py = 0; py < P; ++py) {
            for (int px = 0; px < P; ++px) {
                int best = (f * M + py * Q) * M + px * Q;  // ties go to the first, scanning rows
                for (int dy = 0; dy < Q; ++dy)
                    for (int dx = 0; dx < Q; ++dx) {
                        const int i = (f * M + py * Q + dy) * M + px * Q + dx;
                        if (a.relu[i] > a.relu[best]) best = i;
                    }
                const int o = (f * P + py) * P + px;
                a.pooled[o] = a.relu[best];
                a.poolSource[o] = best;
            }
        }
    }
    a.logits.assign(C, 0.0);
    for (int c = 0; c < C; ++c) {
        const double* row = w + at.denseWeights + c * D;
        double sum = w[at.denseBiases + c];
        for (int d = 0; d < D; ++d) sum += row[d] * a.pooled[d];
        a.logits[c] = sum;
    }
    return {a, {}};
}

Result<double> Network::backward(const std::vector<double>& picture, int target, std::vector<double>& parameterGradient,
                                 std::vector<double>& pictureGradient) const {
    const Result<Activations> forwardPass = forward(picture);
    if (!forwardPass.ok()) return {0, forwardPass.error};
    const Activations& a = forwardPass.value;
    const Target t = Target::classIndex(target);
    const Result<double> loss = crossEntropyFromLogits(a.logits, t);
    if (!loss.ok()) return {0, loss.error};
    const std::vector<double> dLogits = logitGradient(a.logits, t).value;  // y - t: the slides' derivative
    parameterGradient.resize(parameters_.size(), 0.0);
    pictureGradient.resize(picture.size(), 0.0);

    const Layout at(shape_);
    const double* w = parameters_.data();
    double* g = parameterGradient.data();
    const int S = shape_.side, K = shape_.kernel, M = shape_.convSide();
    const int F = shape_.filters, C = shape_.classes, D = shape_.features();
    // Dense layer: dW = dz . x^T, db = dz, dx = W^T . dz.
    std::vector<double> dPooled(D, 0.0);
    for (int c = 0; c < C; ++c) {
        const double* row = w + at.denseWeights + c * D;
        double* gRow = g + at.denseWeights + c * D;
        for (int d = 0; d < D; ++d) {
            gRow[d] += dLogits[c] * a.pooled[d];
            dPooled[d] += row[d] * dLogits[c];
        }
        g[at.denseBiases + c] += dLogits[c];
    }
    // Max pooling passes the gradient to the value it chose; ReLU passes it where conv > 0.
    std::vector<double> dConv(a.conv.size(), 0.0);
    for (int d = 0; d < D; ++d) {
        const int i = a.poolSource[d];
        if (a.conv[i] > 0) dConv[i] += dPooled[d];
    }
    // Convolution: dW[f] = sum over positions of dConv . patch, db[f] = sum dConv, dx += dConv . W[f].
    for (int f = 0; f < F; ++f) {
        const double* kernel = w + at.convWeights + f * K * K;
        double* gKernel = g + at.convWeights + f * K * K;
        for (int y = 0; y < M; ++y) {
            for (int x = 0; x < M; ++x) {
                const double d = dConv[(f * M + y) * M + x];
                if (d == 0) continue;
                g[at.convBiases + f] += d;
                for (int ky = 0; ky < K; ++ky)
                    for (int kx = 0; kx < K; ++kx) {
                        const int p = (y + ky) * S + x + kx;
                        gKernel[ky * K + kx] += d * (picture[p] - kInputCentre);
                        pictureGradient[p] += d * kernel[ky * K + kx];
                    }
            }
        }
    }
    return loss;
}

Result<double> Network::step(const std::vector<const std::vector<double>*>& pictures, const std::vector<int>& targets,
                             Update update) {
    if (pictures.empty() || pictures.size() != targets.size()) return {0, "a step needs one target per picture"};
    std::vector<double> gradient(parameters_.size(), 0.0), unused;
    double lossSum = 0;
    for (std::size_t i = 0; i < pictures.size(); ++i) {
        unused.assign(pictures[i]->size(), 0.0);
        const Result<double> loss = backward(*pictures[i], targets[i], gradient, unused);
        if (!loss.ok()) return loss;
        lossSum += loss.value;
    }
    const double scale = 1.0 / static_cast<double>(pictures.size());
    for (std::size_t k = 0; k < parameters_.size(); ++k) {
        if (update == Update::plain) {
            parameters_[k] -= training_.learningRate * gradient[k] * scale;
            continue;
        }
        velocity_[k] = training_.momentum * velocity_[k] - training_.learningRate * gradient[k] * scale;
        parameters_[k] += velocity_[k];
    }
    return {lossSum * scale, {}};
}

Trainer::Trainer(std::uint64_t seed, NetworkShape shape, Training training)
    : seed_(seed),
      shape_(shape),
      settings_(training),
      network_(shape, seed, training) {}

const PictureSet& Trainer::drawnUpTo(Split split, int count) const {
    PictureSet& set = setOf(split);
    extendPictureSet(set, setSeed(split), count);
    return set;
}

const PictureSet& Trainer::trainingSet() const { return drawnUpTo(Split::training, setSize(Split::training)); }

const PictureSet& Trainer::testSet() const { return drawnUpTo(Split::test, setSize(Split::test)); }

std::vector<double> Trainer::picture(Split split, int k, int& label) const {
    const PictureSet& set = setOf(split);
    const bool drawn = k < static_cast<int>(set.pixels.size());
    label = drawn ? set.labels[k] : setPictureLabel(k);
    return drawn ? set.pixels[k] : setPicture(setSeed(split), k);
}

double Trainer::train(int count) {
    const PictureSet& training = trainingSet();
    const std::uint64_t n = training.pixels.size();
    const std::uint64_t batch = static_cast<std::uint64_t>(settings_.batchSize);
    double loss = 0;
    for (int k = 0; k < count; ++k) {
        std::vector<const std::vector<double>*> pictures;
        std::vector<int> targets;
        for (std::uint64_t b = 0; b < batch; ++b) {
            const std::uint64_t position = steps_ * batch + b;
            const std::uint64_t epoch = position / n;
            if (epoch != orderEpoch_) {  // a fresh shuffle each epoch (Fisher-Yates), from seed and epoch
                order_.resize(n);
                std::iota(order_.begin(), order_.end(), 0);
                SplitMix random(seed_ ^ (0x5eed0000ULL + epoch * 0x9e3779b97f4a7c15ULL));
                for (std::uint64_t i = n - 1; i > 0; --i) std::swap(order_[i], order_[random.next() % (i + 1)]);
                orderEpoch_ = epoch;
            }
            const int index = order_[position % n];
            pictures.push_back(&training.pixels[index]);
            targets.push_back(training.labels[index]);
        }
        loss = network_.step(pictures, targets).value;  // the shipped set is always valid
        ++steps_;
    }
    return loss;
}

Result<double> Trainer::stepOn(const std::vector<double>& picture, int target) {
    if (target < 0 || target >= shape_.classes)
        return {0, "the target class " + std::to_string(target) + " is not between 0 and " + std::to_string(shape_.classes - 1)};
    return network_.step({&picture}, {target}, Network::Update::plain);
}

namespace {

// Adds one picture's loss and whether its top logit (a unique one) is its label.
void addToTally(const Network& network, const std::vector<double>& pixels, int label, Trainer::Tally& tally) {
    const std::vector<double> z = network.forward(pixels).value.logits;
    tally.lossSum += crossEntropyFromLogits(z, Target::classIndex(label)).value;
    const auto top = std::max_element(z.begin(), z.end()) - z.begin();
    const bool unique = std::count(z.begin(), z.end(), z[top]) == 1;
    tally.correct += (unique && top == label) ? 1 : 0;
    ++tally.count;
}

}  // namespace

Trainer::Score Trainer::evaluate(const PictureSet& set) const {
    Tally tally;
    for (std::size_t i = 0; i < set.pixels.size(); ++i) addToTally(network_, set.pixels[i], set.labels[i], tally);
    const auto n = static_cast<double>(set.pixels.size());
    return {tally.lossSum / n, tally.correct / n};
}

Trainer::Tally Trainer::evaluateMore(Split split, Tally tally, int end) const {
    end = std::min(end, setSize(split));
    const PictureSet& set = drawnUpTo(split, end);
    for (int i = std::max(tally.count, 0); i < end; ++i) addToTally(network_, set.pixels[i], set.labels[i], tally);
    return tally;
}

void Trainer::reset() {
    network_ = Network(shape_, seed_, settings_);
    steps_ = 0;
}

}  // namespace losscore

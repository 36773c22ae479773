// A tiny convolutional network for the dog/cat pictures, trained with the loss core's
// own gradient y - t. Pure C++17, deterministic from a seed (the same numbers natively
// and in wasm up to the last bits of exp and log).
//
//   picture 32x32 -> conv 3x3 (F filters) -> ReLU -> max pool 2x2 -> flatten (F*15*15)
//                 -> fully connected -> C logits -> softmax cross-entropy
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "loss.hpp"
#include "pictures.hpp"

namespace losscore {

struct NetworkShape {
    int side = kPictureSide;  // input pictures are side x side
    int filters = 4;
    int kernel = 3;
    int pool = 2;
    int classes = 2;
    int convSide() const { return side - kernel + 1; }   // 30: no padding
    int pooledSide() const { return convSide() / pool; }  // 15
    int features() const { return filters * pooledSide() * pooledSide(); }
    // Parameters, in this order in one flat vector: conv weights [F][k][k], conv biases [F],
    // dense weights [C][features], dense biases [C].
    int convWeights() const { return filters * kernel * kernel; }
    int denseWeights() const { return classes * features(); }
    int parameters() const { return convWeights() + filters + denseWeights() + classes; }
};

// Everything the forward pass computes, kept for drawing and for the backward pass.
struct Activations {
    std::vector<double> conv;     // [F][30][30], before ReLU
    std::vector<double> relu;     // [F][30][30]
    std::vector<double> pooled;   // [F][15][15]: also the flattened vector, in this order
    std::vector<int> poolSource;  // for each pooled value, the index in `relu` it came from
    std::vector<double> logits;   // [C]
};

struct Training {
    double learningRate = 0.02;
    double momentum = 0.9;
    int batchSize = 10;
};

class Network {
public:
    // Weights drawn uniformly in +-sqrt(6 / fan-in) (He), biases 0, from `seed`.
    Network(NetworkShape shape, std::uint64_t seed, Training training = {});

    const NetworkShape& shape() const { return shape_; }
    const std::vector<double>& parameters() const { return parameters_; }
    std::vector<double>& parameters() { return parameters_; }

    // Input: shape().side^2 pixels in [0, 1]. Errors on a wrong size or a non-finite pixel.
    Result<Activations> forward(const std::vector<double>& picture) const;
    // The loss -ln softmax(z)_target and, added into the two gradients (sized like the
    // parameters and the picture), its gradient by backpropagation from dL/dz = y - t.
    Result<double> backward(const std::vector<double>& picture, int target, std::vector<double>& parameterGradient,
                            std::vector<double>& pictureGradient) const;

    // How a step moves the weights: SGD with momentum (training), or plain SGD, w -= lr * gradient,
    // which neither uses nor changes the momentum (one step on one picture: Step on the page).
    enum class Update { momentum, plain };
    // One SGD step on the mean loss over the given pictures; returns that mean loss before the step.
    Result<double> step(const std::vector<const std::vector<double>*>& pictures, const std::vector<int>& targets,
                        Update update = Update::momentum);

private:
    NetworkShape shape_;
    Training training_;
    std::vector<double> parameters_;
    std::vector<double> velocity_;
};

// Which of the shipped picture sets: the one training draws from, or the one held out.
enum class Split { training, test };

// The network with the shipped training and test sets: reproducible training from
// (seed, number of steps). Training step n takes batch n of a sequence of shuffled
// epochs drawn from the seed.
class Trainer {
public:
    explicit Trainer(std::uint64_t seed, NetworkShape shape = {}, Training training = {});

    const Network& network() const { return network_; }
    // The sets are drawn when first needed, a picture at a time (300 take tens of milliseconds).
    const PictureSet& trainingSet() const;
    const PictureSet& testSet() const;
    // Picture k of a set and its label, drawing only that picture if the set is not drawn yet.
    std::vector<double> picture(Split split, int k, int& label) const;
    int setSize(Split split) const { return 2 * (split == Split::test ? kTestPerClass : kTrainingPerClass); }
    std::uint64_t stepsTaken() const { return steps_; }

    // `count` training steps; returns the last step's batch loss (0 if count is 0).
    double train(int count);
    // One plain SGD step on one picture with the given target (Step on the page): the momentum
    // training built up is left out, so the step goes down this picture's gradient.
    Result<double> stepOn(const std::vector<double>& picture, int target);
    // Mean loss and accuracy (share of pictures whose top logit is the label) over a set.
    struct Score {
        double loss = 0, accuracy = 0;
    };
    Score evaluate(const PictureSet& set) const;
    // The same a few pictures at a time, so that a page can score a set in short tasks: adds
    // pictures tally.count .. end - 1 of a set to the running sums (drawing them if need be).
    // Continuing from {} to the set's size gives evaluate()'s numbers bit for bit.
    struct Tally {
        double lossSum = 0, correct = 0;
        int count = 0;
    };
    Tally evaluateMore(Split split, Tally tally, int end) const;
    // Back to the seeded start.
    void reset();

private:
    std::uint64_t seed_;
    NetworkShape shape_;
    Training settings_;
    static std::uint64_t setSeed(Split split) { return split == Split::test ? kTestSeed : kTrainingSeed; }
    // The set with at least its first `count` pictures drawn; pictures are kept once drawn.
    const PictureSet& drawnUpTo(Split split, int count) const;
    PictureSet& setOf(Split split) const { return split == Split::test ? test_ : training_; }
    mutable PictureSet training_, test_;
    Network network_;
    std::uint64_t steps_ = 0;
    std::vector<int> order_;  // the current epoch's order
    std::uint64_t orderEpoch_ = ~0ULL;
};

}  // namespace losscore

// The tiny CNN and its pictures: a forward pass derived by hand, backpropagation against
// central differences for every parameter and every pixel, and a recorded training run.
#include "cnn.hpp"
#include "helpers.hpp"

using losscore::Network;
using losscore::NetworkShape;
using losscore::Trainer;
using testing::close;

namespace {

// The loss of one picture as a function of the parameters, or of the picture.
double lossAt(Network network, const std::vector<double>& parameters, const std::vector<double>& picture, int target) {
    network.parameters() = parameters;
    std::vector<double> unusedP, unusedX;
    return network.backward(picture, target, unusedP, unusedX).value;
}

}  // namespace

TEST_CASE("pictures: the same seed draws the same pixels, 8-bit values in [0, 1]", "[cnn][pictures]") {
    const std::vector<double> dog = losscore::drawPicture(losscore::kDog, 1);
    REQUIRE(dog == losscore::drawPicture(losscore::kDog, 1));
    REQUIRE(dog != losscore::drawPicture(losscore::kCat, 1));
    REQUIRE(dog != losscore::drawPicture(losscore::kDog, 2));
    REQUIRE(dog.size() == 32u * 32u);
    for (double v : dog) {
        REQUIRE(v >= 0);
        REQUIRE(v <= 1);
        REQUIRE(v * 255 == static_cast<int>(v * 255 + 0.5));
    }
    // Recorded from the native build when the drawing was written; wasm must draw the same
    // pixels, since the drawing uses no libm function.
    double dogSum = 0, catSum = 0;
    for (double v : dog) dogSum += v;
    for (double v : losscore::drawPicture(losscore::kCat, 1)) catSum += v;
    REQUIRE_THAT(dogSum, close(831.11764705881671, 1e-15));
    REQUIRE_THAT(catSum, close(892.49411764706588, 1e-15));
}

TEST_CASE("pictures: the training and test sets are labelled, balanced and disjoint", "[cnn][pictures]") {
    const auto training = losscore::makePictureSet(losscore::kTrainingPerClass, losscore::kTrainingSeed);
    const auto test = losscore::makePictureSet(losscore::kTestPerClass, losscore::kTestSeed);
    REQUIRE(training.pixels.size() == 200u);
    REQUIRE(test.pixels.size() == 100u);
    int dogs = 0;
    for (int label : training.labels) dogs += label == losscore::kDog;
    REQUIRE(dogs == 100);
    for (const auto& picture : test.pixels)
        for (const auto& seen : training.pixels) REQUIRE(picture != seen);
}

TEST_CASE("cnn: forward pass of a 4x4 picture, derived by hand", "[cnn]") {
    // One 3x3 filter that passes the centre pixel (weight 1), so conv = pixel - 0.5 for the
    // four inner pixels 0.9, 0.2 / 0.7, 0.6: 0.4, -0.3 / 0.2, 0.1; ReLU: 0.4, 0 / 0.2, 0.1;
    // max pool 2x2: 0.4. Dense weights (2, -1), biases (0.5, 0): logits (1.3, -0.4).
    NetworkShape shape;
    shape.side = 4;
    shape.filters = 1;
    Network network(shape, 1);
    REQUIRE(shape.parameters() == 9 + 1 + 2 + 2);
    network.parameters() = {0, 0, 0, 0, 1, 0, 0, 0, 0, /* conv bias */ 0, /* dense */ 2, -1, /* biases */ 0.5, 0};
    const std::vector<double> picture = {0, 0, 0, 0, 0, 0.9, 0.2, 0, 0, 0.7, 0.6, 0, 0, 0, 0, 0};
    const auto a = network.forward(picture);
    REQUIRE(a.ok());
    testing::requireClose(a.value.conv, {0.4, -0.3, 0.2, 0.1}, 1e-15);
    testing::requireClose(a.value.relu, {0.4, 0, 0.2, 0.1}, 1e-15);
    testing::requireClose(a.value.pooled, {0.4}, 1e-15);
    REQUIRE(a.value.poolSource == std::vector<int>{0});
    testing::requireClose(a.value.logits, {1.3, -0.4}, 1e-15);
    // Loss for target Dog: ln(1 + e^{-1.7}) (Python math, float64).
    std::vector<double> gp, gx;
    REQUIRE_THAT(network.backward(picture, 0, gp, gx).value, close(0.16778602938626586));
    // dL/d(dense bias) is y - t: y(Dog) = 0.8455347349164654 (Python math, float64).
    REQUIRE_THAT(gp[12], close(0.8455347349164654 - 1));
    REQUIRE_THAT(gp[13], close(1 - 0.8455347349164654));
}

TEST_CASE("cnn: backpropagation equals central differences for every parameter and pixel", "[cnn][gradient]") {
    const std::uint64_t seed = GENERATE(1, 7);
    const int target = GENERATE(0, 1);
    CAPTURE(seed, target);
    Network network(NetworkShape{}, seed);
    testing::Random random(seed + 100);
    // A shipped picture with noise, so no pixel sits on a ReLU or pooling tie.
    std::vector<double> picture = losscore::drawPicture(target, seed);
    for (double& x : picture) x += random.uniform(-0.01, 0.01);
    // Larger dense weights, so the loss is not flat in them.
    for (double& w : network.parameters()) w *= 3;

    std::vector<double> parameterGradient, pictureGradient;
    REQUIRE(network.backward(picture, target, parameterGradient, pictureGradient).ok());
    const auto byParameters = testing::numericGradient(
        [&](const std::vector<double>& p) { return lossAt(network, p, picture, target); }, network.parameters(), 1e-6);
    const auto byPixels = testing::numericGradient(
        [&](const std::vector<double>& x) { return lossAt(network, network.parameters(), x, target); }, picture, 1e-6);
    // Central differences have error O(h^2) plus rounding O(eps / h): about 1e-9 here.
    testing::requireClose(parameterGradient, byParameters, 1e-6);
    testing::requireClose(pictureGradient, byPixels, 1e-6);
    double largest = 0;
    for (double g : parameterGradient) largest = std::max(largest, std::fabs(g));
    REQUIRE(largest > 1e-3);  // the check compared real gradients, not zeros
}

TEST_CASE("cnn: a step on one picture lowers that picture's loss", "[cnn]") {
    Trainer trainer(3);
    const auto& picture = trainer.testSet().pixels[5];
    const int label = trainer.testSet().labels[5];
    auto lossOf = [&] {
        return losscore::crossEntropyFromLogits(trainer.network().forward(picture).value.logits,
                                                losscore::Target::classIndex(label)).value;
    };
    const double before = lossOf();
    REQUIRE_THAT(trainer.stepOn(picture, label).value, close(before));
    REQUIRE(lossOf() < before);
}

TEST_CASE("cnn: after training, a step on one picture is plain SGD and lowers that picture's loss", "[cnn]") {
    // Momentum built up by training would carry the weights on in its own direction: a step on
    // one picture must go down that picture's gradient alone. By hand: w - lr * dL/dw.
    Trainer trainer(1);
    trainer.train(150);
    const auto& set = trainer.testSet();
    for (int k = 0; k < 100; k += 3) {
        const int label = set.labels[k];
        const auto lossOf = [&](const Trainer& t) {
            return losscore::crossEntropyFromLogits(t.network().forward(set.pixels[k]).value.logits,
                                                    losscore::Target::classIndex(label)).value;
        };
        CAPTURE(k);
        const double before = lossOf(trainer);
        std::vector<double> gradient(trainer.network().parameters().size(), 0.0), unused(set.pixels[k].size(), 0.0);
        REQUIRE(trainer.network().backward(set.pixels[k], label, gradient, unused).ok());
        std::vector<double> expected = trainer.network().parameters();
        for (std::size_t i = 0; i < expected.size(); ++i) expected[i] -= losscore::Training{}.learningRate * gradient[i];
        REQUIRE(trainer.stepOn(set.pixels[k], label).ok());
        testing::requireClose(trainer.network().parameters(), expected, 1e-15);
        REQUIRE(lossOf(trainer) < before);
    }
}

TEST_CASE("cnn: training from seed 2 for 100 steps reaches the recorded test score", "[cnn][training]") {
    Trainer trainer(2);
    // Recorded from the native build (g++ -O2) when the network was written; wasm matches
    // to the tolerance below (exp and log may differ in their last bit between libms).
    const auto start = trainer.evaluate(trainer.testSet());
    REQUIRE_THAT(start.loss, close(0.68161599211592416, 1e-9));
    REQUIRE_THAT(start.accuracy, close(0.60, 1e-12));
    trainer.train(100);
    REQUIRE(trainer.stepsTaken() == 100u);
    const auto test = trainer.evaluate(trainer.testSet());
    REQUIRE_THAT(test.loss, close(0.065886024612333949, 1e-6));
    REQUIRE_THAT(test.accuracy, close(0.99, 1e-12));
    REQUIRE_THAT(trainer.evaluate(trainer.trainingSet()).accuracy, close(1.0, 1e-12));
    const auto z = trainer.network().forward(trainer.testSet().pixels[0]).value.logits;
    testing::requireClose(z, {2.7953652494569821, -2.7617234892622009}, 1e-6);

    SECTION("the same seed and steps give the same network, bit for bit") {
        Trainer again(2);
        again.train(60);
        again.train(40);
        REQUIRE(again.network().parameters() == trainer.network().parameters());
    }
    SECTION("scoring a set a few pictures at a time gives the same numbers, bit for bit") {
        for (const losscore::Split split : {losscore::Split::test, losscore::Split::training}) {
            const bool testSet = split == losscore::Split::test;
            const Trainer fresh(2);  // its sets not drawn yet: evaluateMore draws them as it goes
            const int n = fresh.setSize(split);
            Trainer::Tally tally;
            for (int end = 7; tally.count < n; end += 7) tally = fresh.evaluateMore(split, tally, end);
            const Trainer other(2);
            const auto whole = other.evaluate(testSet ? other.testSet() : other.trainingSet());
            REQUIRE(tally.count == n);
            REQUIRE(tally.lossSum / n == whole.loss);
            REQUIRE(tally.correct / n == whole.accuracy);
            REQUIRE((testSet ? fresh.testSet() : fresh.trainingSet()).pixels ==
                    losscore::makePictureSet(n / 2, testSet ? losscore::kTestSeed : losscore::kTrainingSeed).pixels);
        }
    }
    SECTION("reset goes back to the seeded start") {
        trainer.reset();
        REQUIRE(trainer.stepsTaken() == 0u);
        REQUIRE(trainer.network().parameters() == Trainer(2).network().parameters());
    }
}

TEST_CASE("cnn: bad input gets a message, not a crash", "[cnn][errors]") {
    Trainer trainer(1);
    const auto tooSmall = trainer.network().forward(std::vector<double>(10, 0.5));
    REQUIRE(tooSmall.error == "the picture has 10 pixels; the network takes 32 x 32 = 1024");
    std::vector<double> picture(1024, 0.5);
    picture[6] = std::nan("");
    REQUIRE(trainer.network().forward(picture).error == "pixel 7 is not a finite number");
    picture[6] = 0.5;
    REQUIRE(trainer.stepOn(picture, 2).error == "the target class 2 is not between 0 and 1");
    REQUIRE(trainer.stepOn(picture, -1).error == "the target class -1 is not between 0 and 1");
    REQUIRE(trainer.stepOn(picture, 1).ok());
}

TEST_CASE("cnn: a set's picture drawn alone is the one in the drawn set", "[cnn][pictures]") {
    const Trainer trainer(1);
    int label = -1;
    const std::vector<double> alone = trainer.picture(losscore::Split::test, 7, label);  // before the set is drawn
    REQUIRE(label == losscore::kCat);
    REQUIRE(alone == trainer.testSet().pixels[7]);
    REQUIRE(trainer.picture(losscore::Split::training, 12, label) == trainer.trainingSet().pixels[12]);
    REQUIRE(label == losscore::kDog);
    REQUIRE(trainer.setSize(losscore::Split::test) == 100);
    REQUIRE(trainer.setSize(losscore::Split::training) == 200);
}

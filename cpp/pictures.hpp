// The project's own dog and cat pictures, drawn from a seed: no files, no network, and the
// same pixels natively and in wasm (only +, -, *, / and comparisons; no libm calls).
// Each picture is a random variation of a simple face (position, size, tilt, mirror,
// ear and muzzle shape, shades, noise): that is the augmentation.
#pragma once

#include <cstdint>
#include <vector>

namespace losscore {

constexpr int kPictureSide = 32;                                // pixels per side
constexpr int kPicturePixels = kPictureSide * kPictureSide;
enum PictureLabel { kDog = 0, kCat = 1 };

// One grayscale picture, row-major, values k / 255 in [0, 1] (0 black, 1 white).
std::vector<double> drawPicture(int label, std::uint64_t seed);

// The labelled set: `perClass` pictures of each class, alternating dog, cat, dog, ...
// Training and test sets come from different seeds, so no picture is in both.
struct PictureSet {
    std::vector<std::vector<double>> pixels;
    std::vector<int> labels;
};
PictureSet makePictureSet(int perClass, std::uint64_t seed);
// Adds pictures set.size() .. count - 1 of the set drawn from `seed` (none if it has them).
void extendPictureSet(PictureSet& set, std::uint64_t seed, int count);
// Picture k of the set drawn from `seed`, and its label, without drawing the rest.
int setPictureLabel(int k);
std::vector<double> setPicture(std::uint64_t seed, int k);

// The sets the page and the tests use.
constexpr int kTrainingPerClass = 100;
constexpr int kTestPerClass = 50;
constexpr std::uint64_t kTrainingSeed = 1;
constexpr std::uint64_t kTestSeed = 2;

// splitmix64: a portable seeded generator (std distributions differ between libraries).
class SplitMix {
public:
    explicit SplitMix(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

private:
    std::uint64_t state_;
};

}  // namespace losscore

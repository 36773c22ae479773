#include "pictures.hpp"

namespace losscore {
namespace {

struct Point {
    double x, y;
};

bool inEllipse(Point p, Point centre, double rx, double ry) {
    const double dx = (p.x - centre.x) / rx, dy = (p.y - centre.y) / ry;
    return dx * dx + dy * dy <= 1;
}

double cross(Point a, Point b, Point p) { return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x); }

bool inTriangle(Point p, Point a, Point b, Point c) {
    const double d1 = cross(a, b, p), d2 = cross(b, c, p), d3 = cross(c, a, p);
    const bool hasNegative = d1 < 0 || d2 < 0 || d3 < 0, hasPositive = d1 > 0 || d2 > 0 || d3 > 0;
    return !(hasNegative && hasPositive);
}

// Within half a width of the segment ab (squared distances: no sqrt needed).
bool nearSegment(Point p, Point a, Point b, double width) {
    const double vx = b.x - a.x, vy = b.y - a.y;
    double s = ((p.x - a.x) * vx + (p.y - a.y) * vy) / (vx * vx + vy * vy);
    s = s < 0 ? 0 : (s > 1 ? 1 : s);
    const double dx = p.x - (a.x + s * vx), dy = p.y - (a.y + s * vy);
    return dx * dx + dy * dy <= width * width / 4;
}

// The random choices that make one picture.
struct Style {
    double scale, centreX, centreY, cosTilt, sinTilt, mirror;
    double ear, snout;                        // shape variations around 1
    double background, gradient, head, earShade, feature, noise;
};

Style randomStyle(SplitMix& random) {
    Style s{};
    s.scale = random.uniform(7.5, 10.5);  // pixels per face unit
    s.centreX = kPictureSide / 2.0 + random.uniform(-3, 3);
    s.centreY = kPictureSide / 2.0 + random.uniform(-2, 3);
    const double t = random.uniform(-0.12, 0.12);  // tilt of about +-14 degrees, as a rational rotation
    s.cosTilt = (1 - t * t) / (1 + t * t);
    s.sinTilt = 2 * t / (1 + t * t);
    s.mirror = random.uniform() < 0.5 ? -1 : 1;
    s.ear = random.uniform(0.8, 1.2);
    s.snout = random.uniform(0.85, 1.2);
    s.background = random.uniform(0.75, 1.0);
    s.gradient = random.uniform(-0.15, 0.15);
    s.head = random.uniform(0.3, 0.65);
    s.earShade = s.head + (random.uniform() < 0.5 ? -1 : 1) * random.uniform(0.15, 0.3);
    s.feature = random.uniform(0.0, 0.15);
    s.noise = random.uniform(0.02, 0.06);
    return s;
}

// The shade at point p of face space (head centre at 0, y down, head radius about 1).
double catShade(Point p, const Style& s) {
    const double e = s.ear;
    double v = -1;  // -1: background
    const Point leftTip{-0.8, -0.55 - 0.9 * e}, rightTip{0.8, -0.55 - 0.9 * e};
    if (inTriangle(p, {-0.95, -0.2}, {-0.15, -0.75}, leftTip) || inTriangle(p, {0.95, -0.2}, {0.15, -0.75}, rightTip))
        v = s.head;
    if (inEllipse(p, {0, 0}, 1.0, 0.88)) v = s.head;
    if (inTriangle(p, {-0.75, -0.45}, {-0.35, -0.75}, {-0.75, -0.35 - 0.85 * e}) ||
        inTriangle(p, {0.75, -0.45}, {0.35, -0.75}, {0.75, -0.35 - 0.85 * e}))
        v = (s.head + s.feature) / 2;  // inner ears
    if (inEllipse(p, {-0.38, -0.12}, 0.17, 0.09) || inEllipse(p, {0.38, -0.12}, 0.17, 0.09)) v = s.feature;
    if (inTriangle(p, {-0.12, 0.18}, {0.12, 0.18}, {0, 0.32})) v = s.feature;
    for (int k = 0; k < 3; ++k) {
        const double y = 0.2 + 0.16 * k * s.snout;
        if (nearSegment(p, {-0.25, 0.35}, {-1.35, y}, 0.07) || nearSegment(p, {0.25, 0.35}, {1.35, y}, 0.07))
            v = s.feature;
    }
    return v;
}

double dogShade(Point p, const Style& s) {
    const double e = s.ear, m = s.snout;
    double v = -1;
    if (inEllipse(p, {0, 0}, 0.85, 0.95)) v = s.head;
    if (inEllipse(p, {0, 0.5}, 0.45 * m, 0.36 * m)) v = (s.head + 1) / 2;  // muzzle
    if (inEllipse(p, {-0.92, 0.05 * e}, 0.3, 0.62 * e) || inEllipse(p, {0.92, 0.05 * e}, 0.3, 0.62 * e))
        v = s.earShade;  // floppy ears hanging beside the head
    if (inEllipse(p, {0, 0.32}, 0.2 * m, 0.13 * m)) v = s.feature;  // nose
    if (inEllipse(p, {-0.33, -0.22}, 0.11, 0.11) || inEllipse(p, {0.33, -0.22}, 0.11, 0.11)) v = s.feature;
    if (nearSegment(p, {0, 0.42}, {0, 0.62 * m}, 0.06)) v = s.feature;
    return v;
}

double clamp01(double v) { return v < 0 ? 0 : (v > 1 ? 1 : v); }

}  // namespace

std::vector<double> drawPicture(int label, std::uint64_t seed) {
    SplitMix random(seed * 2 + static_cast<std::uint64_t>(label == kCat));
    const Style s = randomStyle(random);
    constexpr int kSamples = 2;  // per side: 4 samples a pixel smooth the edges
    std::vector<double> pixels(kPicturePixels);
    for (int row = 0; row < kPictureSide; ++row) {
        for (int col = 0; col < kPictureSide; ++col) {
            double sum = 0;
            const double background = s.background + s.gradient * (row - kPictureSide / 2.0) / kPictureSide;
            for (int i = 0; i < kSamples; ++i) {
                for (int j = 0; j < kSamples; ++j) {
                    const double x = (col + (j + 0.5) / kSamples - s.centreX) / s.scale;
                    const double y = (row + (i + 0.5) / kSamples - s.centreY) / s.scale;
                    const Point p{s.mirror * (s.cosTilt * x + s.sinTilt * y), -s.sinTilt * x + s.cosTilt * y};
                    const double shade = label == kCat ? catShade(p, s) : dogShade(p, s);
                    sum += shade < 0 ? background : shade;
                }
            }
            // Noise: a sum of four uniforms is close to normal, with standard deviation 0.58 * noise.
            const double noise = (random.uniform() + random.uniform() + random.uniform() + random.uniform() - 2) * s.noise;
            const double value = clamp01(sum / (kSamples * kSamples) + noise);
            pixels[row * kPictureSide + col] = static_cast<int>(value * 255 + 0.5) / 255.0;
        }
    }
    return pixels;
}

int setPictureLabel(int k) { return k % 2 == 0 ? kDog : kCat; }

std::vector<double> setPicture(std::uint64_t seed, int k) {
    return drawPicture(setPictureLabel(k), seed * 100003 + static_cast<std::uint64_t>(k));
}

void extendPictureSet(PictureSet& set, std::uint64_t seed, int count) {
    for (int k = static_cast<int>(set.pixels.size()); k < count; ++k) {
        set.pixels.push_back(setPicture(seed, k));
        set.labels.push_back(setPictureLabel(k));
    }
}

PictureSet makePictureSet(int perClass, std::uint64_t seed) {
    PictureSet set;
    extendPictureSet(set, seed, 2 * perClass);
    return set;
}

}  // namespace losscore

// e^x for x <= 0 without libm, in a form that vectorizes: the batch kernel's exp for WASM SIMD.
// Pure C++17. The scalar and the SIMD (f64x2) versions do the same operations in the same
// order, so they agree bit for bit; both are within 1e-15 relative of std::exp (tests check it).
//
// Method (Cody and Waite, "Software Manual for the Elementary Functions", 1980):
//   k = round(x / ln 2), r = x - k ln 2 with ln 2 split in two parts so the product is exact,
//   so |r| <= ln 2 / 2 and e^x = 2^k e^r.
//   e^r by its Taylor series to r^13: the first term left out, r^14 / 14!, is below 4.2e-18
//   for |r| <= ln 2 / 2, so the error is the rounding of about 30 operations.
//   The same template code runs on one double and on two lanes.
//   2^k is built from exponent bits as 2^(k - k/2) * 2^(k/2), so that results below 2^-1022
//   come out as correctly rounded subnormals, not garbage; x < -1100 gives 0 like std::exp.
#pragma once

#include <cstdint>
#include <cstring>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace losscore::fastexp {

// The constants as values of V (a double, or two lanes).
template <class V>
struct Constants {
    V lowest;   // e^-1100 is 0 in double; clamping there keeps |k| small
    V log2e;    // 1 / ln 2
    V round;    // adding it rounds to an integer, which lands in the low bits
    V ln2High;  // ln 2 = high + low; high * k is exact for |k| < 2^11
    V ln2Low;
    V taylor[14];  // 1/n! for n = 0 .. 13
};

constexpr Constants<double> kConstants{
    -1100, 0x1.71547652b82fep0, 0x1.8p52, 0x1.62e42fee00000p-1, 0x1.a39ef35793c76p-33,
    {1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880, 1.0 / 3628800,
     1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800}};
constexpr std::int64_t kExponentBias = 1023;

// Arithmetic on one double or on two lanes, so that the polynomial below is one code for both.
inline double add(double a, double b) { return a + b; }
inline double sub(double a, double b) { return a - b; }
inline double mul(double a, double b) { return a * b; }
#ifdef __wasm_simd128__
inline v128_t add(v128_t a, v128_t b) { return wasm_f64x2_add(a, b); }
inline v128_t sub(v128_t a, v128_t b) { return wasm_f64x2_sub(a, b); }
inline v128_t mul(v128_t a, v128_t b) { return wasm_f64x2_mul(a, b); }
#endif

// sum_n kTaylor[n] r^n in Estrin's order (pairs, then pairs of pairs), which has a third of
// Horner's chain of dependent operations, so that consecutive values overlap in the CPU.
template <class V>
V taylor(V r, const Constants<V>& c) {
    auto pair = [&](int n) { return add(c.taylor[n], mul(c.taylor[n + 1], r)); };
    const V r2 = mul(r, r), r4 = mul(r2, r2), r8 = mul(r4, r4);
    const V low = add(add(pair(0), mul(pair(2), r2)), mul(add(pair(4), mul(pair(6), r2)), r4));
    const V high = add(add(pair(8), mul(pair(10), r2)), mul(pair(12), r4));
    return add(low, mul(high, r8));
}

// r = x - k ln 2 (Cody-Waite), from kd = k as a double.
template <class V>
V reduce(V x, V kd, const Constants<V>& c) {
    return sub(sub(x, mul(kd, c.ln2High)), mul(kd, c.ln2Low));
}

inline std::int64_t bitsOf(double x) {
    std::int64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}
inline double doubleOf(std::int64_t b) {
    double x;
    std::memcpy(&x, &b, sizeof x);
    return x;
}

inline double expNonPositive(double x) {
    const Constants<double>& c = kConstants;
    x = x < c.lowest ? c.lowest : x;
    const double shifted = x * c.log2e + c.round;
    const std::int64_t k = bitsOf(shifted) - bitsOf(c.round);
    const double p = taylor(reduce(x, shifted - c.round, c), c);
    const std::int64_t half = k >> 1;
    const double scaleA = doubleOf((half + kExponentBias) << 52);
    const double scaleB = doubleOf((k - half + kExponentBias) << 52);
    return p * scaleA * scaleB;
}

#ifdef __wasm_simd128__
// The constants on two lanes, from a mutable copy of kConstants (defined in loss.cpp): the
// compiler then loads them once per call instead of writing each as a v128.const inside the
// loop, which V8 rebuilds from immediates on every use (15% of the time, measured).
extern Constants<double> laneConstantSource;
inline Constants<v128_t> laneConstants() {
    const Constants<double>& s = laneConstantSource;
    Constants<v128_t> c{wasm_f64x2_splat(s.lowest), wasm_f64x2_splat(s.log2e), wasm_f64x2_splat(s.round),
                        wasm_f64x2_splat(s.ln2High), wasm_f64x2_splat(s.ln2Low), {}};
    for (int i = 0; i < 14; ++i) c.taylor[i] = wasm_f64x2_splat(s.taylor[i]);
    return c;
}

// The same as the scalar form, on two lanes.
inline v128_t expNonPositive(v128_t x, const Constants<v128_t>& c) {
    x = wasm_f64x2_pmax(x, c.lowest);
    const v128_t shifted = wasm_f64x2_add(wasm_f64x2_mul(x, c.log2e), c.round);
    const v128_t k = wasm_i64x2_sub(shifted, c.round);
    const v128_t p = taylor(reduce(x, wasm_f64x2_sub(shifted, c.round), c), c);
    const v128_t half = wasm_i64x2_shr(k, 1);
    const v128_t bias = wasm_i64x2_splat(kExponentBias);
    const v128_t scaleA = wasm_i64x2_shl(wasm_i64x2_add(half, bias), 52);
    const v128_t scaleB = wasm_i64x2_shl(wasm_i64x2_add(wasm_i64x2_sub(k, half), bias), 52);
    return wasm_f64x2_mul(wasm_f64x2_mul(p, scaleA), scaleB);
}
#endif

}  // namespace losscore::fastexp

// e^x for x <= 0 without libm's exp, in a form that vectorizes: the batch kernel's exp for WASM
// SIMD. Pure C++17. The scalar and the SIMD (f64x2) versions do the same operations in the same
// order, so they agree bit for bit; both are within 1e-15 relative of std::exp (tests check it).
//
// Method (Tang, "Table-driven implementation of the exponential function in IEEE floating-point
// arithmetic", ACM TOMS 15(2), 1989):
//   k = round(x * 256 / ln 2), r = x - k ln 2 / 256 with ln 2 / 256 split in two parts so the
//   product is exact (Cody and Waite), so |r| <= ln 2 / 512 and e^x = 2^(k / 256) e^r.
//   2^(k / 256) = 2^(k >> 8) * 2^((k & 255) / 256): a table of 256 powers and exponent bits.
//   e^r = 1 + r + r^2/2 + r^3/6 + r^4/24: the first term left out, r^5/120, is below 4e-17.
//   This costs half the operations of a Taylor series to r^13 over |r| <= ln 2 / 2 (timings in
//   docs/performance.md); the table lookup is two scalar loads per pair of lanes.
//   Below x = -708 the result is near or below the smallest normal double, where 2^(k >> 8) is
//   not a normal double: there 2^(k >> 8) is applied in two halves, so that subnormal results
//   come out right; x < -1100 gives 0 like std::exp.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace losscore::fastexp {

constexpr int kTableBits = 8;
constexpr int kTableSize = 1 << kTableBits;

// The constants as values of V (a double, or two lanes).
template <class V>
struct Constants {
    V normalLimit;  // from here down, 2^(k >> 8) is not a normal double
    V lowest;       // e^-1100 is 0 in double; clamping there keeps |k| small
    V scale;        // 256 / ln 2
    V round;        // adding it rounds to an integer, which lands in the low bits
    V stepHigh;     // ln 2 / 256 = high + low; high * k is exact for |k| < 2^19
    V stepLow;
    V one, half, sixth, twentyFourth;  // e^r's Taylor coefficients
};

constexpr Constants<double> kConstants{-708.0,
                                       -1100.0,
                                       0x1.71547652b82fep0 * kTableSize,
                                       0x1.8p52,
                                       0x1.62e42fee00000p-1 / kTableSize,
                                       0x1.a39ef35793c76p-33 / kTableSize,
                                       1.0,
                                       1.0 / 2,
                                       1.0 / 6,
                                       1.0 / 24};

// 2^(j / 256) for j = 0 .. 255, from libm's exp2 once (correct to an ulp; tests bound the total).
inline const double* powersOfTwo() {
    struct Table {
        double powers[kTableSize];
        Table() {
            for (int j = 0; j < kTableSize; ++j) powers[j] = std::exp2(static_cast<double>(j) / kTableSize);
        }
    };
    static const Table table;
    return table.powers;
}

// Arithmetic on one double or on two lanes, so that the reduction and polynomial below are one
// code for both.
inline double add(double a, double b) { return a + b; }
inline double sub(double a, double b) { return a - b; }
inline double mul(double a, double b) { return a * b; }
#ifdef __wasm_simd128__
inline v128_t add(v128_t a, v128_t b) { return wasm_f64x2_add(a, b); }
inline v128_t sub(v128_t a, v128_t b) { return wasm_f64x2_sub(a, b); }
inline v128_t mul(v128_t a, v128_t b) { return wasm_f64x2_mul(a, b); }
#endif

// e^r for r = x - k ln 2 / 256, from `shifted` = k + round (k in its low bits).
template <class V>
V expOfRemainder(V x, V shifted, const Constants<V>& c) {
    const V kd = sub(shifted, c.round);
    const V r = sub(sub(x, mul(kd, c.stepHigh)), mul(kd, c.stepLow));
    const V r2 = mul(r, r);
    const V q = add(c.half, add(mul(r, c.sixth), mul(r2, c.twentyFourth)));
    return add(c.one, add(r, mul(r2, q)));
}

inline std::uint64_t bitsOf(double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}
inline double doubleOf(std::uint64_t b) {
    double x;
    std::memcpy(&x, &b, sizeof x);
    return x;
}
// 2^e for a normal exponent e, as bits.
inline double powerOfTwo(std::int64_t e) { return doubleOf(static_cast<std::uint64_t>(e + 1023) << 52); }

inline double expNonPositive(double x) {
    const Constants<double>& c = kConstants;
    const double* powers = powersOfTwo();
    if (x < c.normalLimit) {
        x = x < c.lowest ? c.lowest : x;
        const double shifted = x * c.scale + c.round;
        const auto k = static_cast<std::int64_t>(bitsOf(shifted) - bitsOf(c.round));
        const double p = expOfRemainder(x, shifted, c) * powers[k & (kTableSize - 1)];
        const std::int64_t e = k >> kTableBits, half = e >> 1;
        return p * powerOfTwo(half) * powerOfTwo(e - half);
    }
    const double shifted = x * c.scale + c.round;
    const std::uint64_t k = bitsOf(shifted) - bitsOf(c.round), j = k & (kTableSize - 1);
    // 2^(k >> 8) * 2^(j / 256) exactly, by adding k >> 8 to the table entry's exponent bits.
    return expOfRemainder(x, shifted, c) * doubleOf(bitsOf(powers[j]) + ((k - j) << (52 - kTableBits)));
}

#ifdef __wasm_simd128__
// The constants on two lanes, and the table's address in both, from a mutable copy of
// kConstants (defined in batch.cpp): the compiler then loads them once per call instead of
// writing each as a v128.const inside the loop, which V8 rebuilds from immediates on every use
// (docs/performance.md).
extern Constants<double> laneConstantSource;
struct LaneConstants : Constants<v128_t> {
    v128_t table;
};
inline LaneConstants laneConstants() {
    const Constants<double>& s = laneConstantSource;
    return {{wasm_f64x2_splat(s.normalLimit), wasm_f64x2_splat(s.lowest), wasm_f64x2_splat(s.scale),
             wasm_f64x2_splat(s.round), wasm_f64x2_splat(s.stepHigh), wasm_f64x2_splat(s.stepLow),
             wasm_f64x2_splat(s.one), wasm_f64x2_splat(s.half), wasm_f64x2_splat(s.sixth),
             wasm_f64x2_splat(s.twentyFourth)},
            wasm_i64x2_splat(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(powersOfTwo())))};
}

// The table entries for k & 255 in each lane, from `shifted` (k in its low bits). The addresses
// are computed on both lanes at once, which is faster than per lane (docs/performance.md). WASM
// SIMD has no gather.
inline v128_t powersAt(v128_t shifted, const LaneConstants& c) {
    const v128_t offsets = wasm_v128_and(wasm_i64x2_shl(shifted, 3), wasm_i64x2_splat((kTableSize - 1) * 8));
    const v128_t addresses = wasm_i64x2_add(offsets, c.table);
    auto at = [&](int lane) {
        const auto address = static_cast<std::uint32_t>(lane ? wasm_i64x2_extract_lane(addresses, 1)
                                                              : wasm_i64x2_extract_lane(addresses, 0));
        return reinterpret_cast<const double*>(static_cast<std::uintptr_t>(address));
    };
    return wasm_v128_load64_lane(at(1), wasm_v128_load64_zero(at(0)), 1);
}

// e^x for -708 <= x <= 0 on two lanes: the scalar form's main path. 2^(k >> 8) goes into the
// exponent bits as (k << 44) without the bits below the exponent (k's low bits are shifted's).
inline v128_t expNormal(v128_t x, const LaneConstants& c) {
    const v128_t shifted = wasm_f64x2_add(wasm_f64x2_mul(x, c.scale), c.round);
    const v128_t exponent = wasm_v128_and(wasm_i64x2_shl(shifted, 52 - kTableBits), wasm_i64x2_splat(-(std::int64_t{1} << 52)));
    return wasm_f64x2_mul(expOfRemainder(x, shifted, c), wasm_i64x2_add(powersAt(shifted, c), exponent));
}

// The same as the scalar form, on two lanes. If either lane is below -708, both take the
// two-halves path, which gives the same bits as the other for results above -708.
inline v128_t expNonPositive(v128_t x, const LaneConstants& c) {
    if (!wasm_v128_any_true(wasm_f64x2_lt(x, c.normalLimit))) return expNormal(x, c);
    x = wasm_f64x2_pmax(x, c.lowest);
    const v128_t shifted = wasm_f64x2_add(wasm_f64x2_mul(x, c.scale), c.round);
    const v128_t k = wasm_i64x2_sub(shifted, c.round);
    const v128_t p = wasm_f64x2_mul(expOfRemainder(x, shifted, c), powersAt(shifted, c));
    const v128_t e = wasm_i64x2_shr(k, kTableBits), half = wasm_i64x2_shr(e, 1);
    const v128_t bias = wasm_i64x2_splat(1023);
    const v128_t scaleA = wasm_i64x2_shl(wasm_i64x2_add(half, bias), 52);
    const v128_t scaleB = wasm_i64x2_shl(wasm_i64x2_add(wasm_i64x2_sub(e, half), bias), 52);
    return wasm_f64x2_mul(wasm_f64x2_mul(p, scaleA), scaleB);
}
#endif

}  // namespace losscore::fastexp

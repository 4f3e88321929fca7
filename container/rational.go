package container

import (
	"math"
	"math/big"
)

// Rescale returns a*b/c rounded to nearest with halves away from zero,
// exactly as av_rescale_rnd(a, b, c, AV_ROUND_NEAR_INF) without overflow.
// NoPTS stays NoPTS.
func Rescale(a, b, c int64) int64 {
	if a == NoPTS {
		return NoPTS
	}
	if c == 0 {
		return 0
	}
	if ab := a * b; a == 0 || (ab/a == b && ab != -1<<63 && b != -1<<63) {
		if c > 0 && ab >= -(1<<62) && ab <= 1<<62 {
			if ab >= 0 {
				return (ab + c/2) / c
			}
			return -((-ab + c/2) / c)
		}
	}
	x := new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
	den := big.NewInt(c)
	neg := x.Sign()*den.Sign() < 0
	x.Abs(x)
	den.Abs(den)
	half := new(big.Int).Rsh(den, 1)
	x.Add(x, half)
	x.Quo(x, den)
	if neg {
		x.Neg(x)
	}
	if !x.IsInt64() {
		return NoPTS
	}
	return x.Int64()
}

// RescaleQ converts a from time base from to time base to (av_rescale_q).
func RescaleQ(a int64, from, to Rational) int64 {
	return Rescale(a, from.Num*to.Den, from.Den*to.Num)
}

// reduce brings num/den to lowest terms with both at most max in magnitude,
// choosing the best approximation when they must shrink (av_reduce).
func reduce(num, den, max int64) (int64, int64, bool) {
	sign := (num < 0) != (den < 0)
	if num < 0 {
		num = -num
	}
	if den < 0 {
		den = -den
	}
	g := gcd(num, den)
	if g != 0 {
		num /= g
		den /= g
	}
	exact := true
	if num > max || den > max {
		exact = false
		// continued-fraction convergents (av_reduce)
		a0n, a0d := int64(0), int64(1)
		a1n, a1d := int64(1), int64(0)
		n, d := num, den
		for d != 0 {
			x := n / d
			nextDen := n - d*x
			a2n := x*a1n + a0n
			a2d := x*a1d + a0d
			if a2n > max || a2d > max {
				if a1n != 0 {
					x = (max - a0n) / a1n
				}
				if a1d != 0 {
					if y := (max - a0d) / a1d; y < x {
						x = y
					}
				}
				// n and d are the loop's current terms, as num and den are in av_reduce.
				if d*(2*x*a1d+a0d) > n*a1d {
					a1n, a1d = x*a1n+a0n, x*a1d+a0d
				}
				break
			}
			a0n, a0d = a1n, a1d
			a1n, a1d = a2n, a2d
			n, d = d, nextDen
		}
		num, den = a1n, a1d
	}
	if sign {
		num = -num
	}
	return num, den, exact
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// D2Q converts a float to the nearest rational with numerator and
// denominator of at most limit, as av_d2q does (libavutil/rational.c): NaN
// is 0/0 and a magnitude past INT_MAX+3 is ±1/0.
func D2Q(d float64, limit int64) Rational {
	if math.IsNaN(d) {
		return Rational{}
	}
	if math.Abs(d) > math.MaxInt32+3 {
		if d < 0 {
			return Rational{-1, 0}
		}
		return Rational{1, 0}
	}
	_, exp := math.Frexp(d)
	exp = max(exp-1, 0)
	den := int64(1) << (62 - exp)
	num := int64(math.Floor(d*float64(den) + 0.5))
	r := Rational{num, den}.Reduce(limit)
	if (r.Num == 0 || r.Den == 0) && d != 0 && limit > 0 && limit < math.MaxInt32 {
		r = Rational{num, den}.Reduce(math.MaxInt32)
	}
	return r
}

package bif

import "testing"

func TestMathOracle(t *testing.T) {
	libOracle(t, []string{
		`math:pi()`, `math:sin(1)`, `math:cos(0.5)`, `math:asin(0.5)`, `math:acos(2)`, `math:atan(1)`,
		`math:atan2(0,-1)`, `math:atan2(1.5,2)`, `math:sinh(1)`, `math:cosh(1)`, `math:tanh(0.3)`, `math:asinh(1)`, `math:acosh(0.5)`, `math:acosh(2)`,
		`math:atanh(0.5)`, `math:atanh(1)`, `math:exp(1)`, `math:exp(1000)`, `math:log(0)`, `math:log(-1)`, `math:log(10)`, `math:log2(8)`, `math:log2(0)`,
		`math:log10(1000)`, `math:pow(2,10)`, `math:pow(10,400)`, `math:pow(0,-1)`, `math:pow(-8,0.5)`, `math:pow(-2,3)`, `math:pow(2,0.5)`,
		`math:sqrt(2)`, `math:sqrt(-1)`, `math:erf(0.5)`, `math:erfc(0.5)`, `math:ceil(1.5)`, `math:ceil(1)`, `math:floor(-1.5)`, `math:floor(-0.0)`,
		`math:fmod(5.5,2)`, `math:fmod(-5.5,2)`, `math:fmod(1,0)`, `math:sin(a)`, `math:pow(2,x)`,
		`math:sqrt(100000000000000000000000000000000000000)`, `math:sin(1 bsl 1100)`,
	})
}

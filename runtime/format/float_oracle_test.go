package format

import "testing"

const floatGen = oracleHeader + `
edge() ->
    [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 0.125, 0.05, 1.0e10,
     1.2345678901234567e-5, 1.0e15, 1.0e16, 1.0e17, 123456789.0, 1234567890.0,
     12345678900.0, 0.001, 1.0e-4, 1.23e-4, 5.0e-324, 2.2250738585072014e-308,
     1.7976931348623157e308, 1.0e21, 1.0e22, 1.0e23, 9007199254740992.0,
     9007199254740994.0, 18014398509481984.0, 4503599627370496.5,
     1801439850948198.4, 720575940379279.4, 100.0, 1000.0, 2.0e2, 3.0e3,
     0.3, 2/3, 1/3, 3.14159, 2.718281828459045, 999999.9999999, 0.99999999,
     9.999999999999999e22, 1.0e100, 1.0e-100, 123.456, 1.005, 0.145,
     12.5000001, 1.0e300, 4.35, 0.0001234, 1.0e-5, 1.0e-10].

rand_float() ->
    case rand:uniform(4) of
        1 -> <<F/float>> = <<(rand:uniform(1 bsl 62 - 1) bor (rand:uniform(2) - 1) bsl 63):64>>,
             F;
        2 -> (rand:uniform() - 0.5) * math:pow(10, rand:uniform(40) - 20);
        3 -> float(rand:uniform(100000000)) / 100;
        4 -> float(rand:uniform(1000) - 500) * math:pow(2, rand:uniform(120) - 60)
    end.

cases() ->
    Fs = edge() ++ [rand_float() || _ <- lists:seq(1, 1500)],
    Opts = [[short], [], [compact], [{scientific, 0}], [{scientific, 3}], [{scientific, 17}],
            [{decimals, 0}], [{decimals, 2}], [{decimals, 4}, compact], [{decimals, 10}],
            [{decimals, 18}], [{decimals, 19}, compact], [{decimals, 30}],
            [{decimals, 253}], [{decimals, 252}, compact], [{scientific, 249}], [{scientific, 248}],
            [short, {decimals, 2}], [{decimals, 2}, short], [{scientific, 250}], [{decimals, -1}],
            [bad], [compact | short]],
    [{f2l, [F, O]} || F <- Fs, O <- Opts] ++
    [{format, [Fmt, [F]]} || F <- Fs,
        Fmt <- ["~e", "~f", "~g", "~.2e", "~.3f", "~.1g", "~.3g", "~.10g", "~.0f", "~.1e",
                "~15.4e", "~-15.4f|", "~8.3.0f", "~3f", "~.12f", "~.20e", "~w", "~p"]].
`

// TestFloatsAgainstErl checks float_to_list/2 (every option) and the ~e,
// ~f, ~g, ~w and ~p directives on edge and random floats.
func TestFloatsAgainstErl(t *testing.T) {
	checkCases(t, runOracle(t, floatGen))
}

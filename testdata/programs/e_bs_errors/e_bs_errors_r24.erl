%% e_bs_errors compiled for OTP 24: bs_init2 and bs_put_* instead of
%% bs_create_bin, whose failures OTP 25 gives no error_info.
-module(e_bs_errors_r24).
-compile(r24).
-export([cases/0, level1/1]).

-include("e_bs_errors_cases.hrl").

%% Links, trap_exit, exit signals, monitors and 'DOWN' messages.
-module(e_links).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    Self = self(),
    %% linked process exits normally
    P1 = spawn_link(fun() -> ok end),
    receive {'EXIT', P1, R1} -> p({exit, R1}) end,
    %% linked process exits with a reason
    P2 = spawn_link(fun() -> exit(custom) end),
    receive {'EXIT', P2, R2} -> p({exit, R2}) end,
    %% linked process crashes with an error: reason is {Error, Stack}
    P3 = spawn_link(fun() -> error(boom) end),
    receive {'EXIT', P3, {R3, St}} -> p({exit, R3, is_list(St)}) end,
    P3b = spawn_link(fun() -> throw(ball) end),
    receive {'EXIT', P3b, {R3b, _}} -> p({exit, R3b}) end,
    %% exit/2 sent to a linked process that does not trap
    P4 = spawn_link(fun() -> receive never -> ok end end),
    exit(P4, shutdown),
    receive {'EXIT', P4, R4} -> p({exit, R4}) end,
    %% kill becomes killed
    P5 = spawn_link(fun() -> process_flag(trap_exit, true), receive never -> ok end end),
    exit(P5, kill),
    receive {'EXIT', P5, R5} -> p({exit, R5}) end,
    %% a trapping process receives exit signals as messages
    P6 = spawn(fun() ->
                       process_flag(trap_exit, true),
                       Self ! ready,
                       receive {'EXIT', From, Why} -> Self ! {trapped, From =:= Self, Why} end
               end),
    receive ready -> ok end,
    exit(P6, please_stop),
    receive {trapped, FromMe, Why6} -> p({trapped, FromMe, Why6}) end,
    %% exit(Pid, normal) does not kill a non-trapping process
    P7 = spawn(fun() -> receive ping -> Self ! pong end end),
    exit(P7, normal),
    P7 ! ping,
    receive pong -> p(still_alive_after_normal) end,
    %% link to a dead process gives noproc
    Dead = spawn(fun() -> ok end),
    M0 = monitor(process, Dead),
    receive {'DOWN', M0, _, _, _} -> ok end,
    link(Dead),
    receive {'EXIT', Dead, R8} -> p({link_dead, R8}) end,
    %% monitors
    P9 = spawn(fun() -> receive go -> exit(monitored_reason) end end),
    M9 = monitor(process, P9),
    P9 ! go,
    receive {'DOWN', M9, process, P9, R9} -> p({down, R9}) end,
    M10 = monitor(process, Dead),
    receive {'DOWN', M10, process, Dead, R10} -> p({down, R10}) end,
    P11 = spawn(fun() -> receive _ -> ok end end),
    M11 = monitor(process, P11),
    p(demonitor(M11, [flush, info])),
    P11 ! bye,
    p(receive {'DOWN', M11, _, _, _} -> got_down after 50 -> no_down_after_demonitor end),
    %% spawn_monitor
    {P12, M12} = spawn_monitor(fun() -> exit({tuple, reason}) end),
    receive {'DOWN', M12, process, P12, R12} -> p({down, R12}) end,
    %% chain of links: killing the head propagates
    Top = spawn(fun() ->
                        process_flag(trap_exit, false),
                        Child = spawn_link(fun() -> receive never -> ok end end),
                        Self ! {child, Child},
                        receive never -> ok end
                end),
    Child = receive {child, C} -> C end,
    MC = monitor(process, Child),
    MT = monitor(process, Top),
    exit(Top, die),
    receive {'DOWN', MT, process, Top, RT} -> p({top_down, RT}) end,
    receive {'DOWN', MC, process, Child, RC} -> p({child_down, RC}) end,
    %% unlink before exit: no signal
    P13 = spawn_link(fun() -> receive go -> exit(unlinked_reason) end end),
    unlink(P13),
    M13 = monitor(process, P13),
    P13 ! go,
    receive {'DOWN', M13, process, P13, R13} -> p({down, R13}) end,
    p(receive {'EXIT', P13, _} -> got_exit after 50 -> no_exit_after_unlink end),
    %% a crash in a linked non-trapping process kills its partner
    Parent = spawn(fun() ->
                           spawn_link(fun() -> error(child_crash) end),
                           receive never -> ok end
                   end),
    MP = monitor(process, Parent),
    receive {'DOWN', MP, process, Parent, {RP, _}} -> p({partner_down, RP}) end,
    %% process_flag returns the old value
    p(process_flag(trap_exit, false)),
    p(process_flag(trap_exit, false)),
    ok.

p(X) -> io:format("~p~n", [X]).

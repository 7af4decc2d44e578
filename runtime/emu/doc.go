// Package emu is the Erlang runtime system proper: loaded code, processes,
// the scheduler, the interpreter, exceptions, and the table of built-in
// functions (BIFs).
//
// BIFs are Go functions registered by name; the implementations live in
// runtime/bif (and its files per Erlang module) and register themselves
// with Register. Library functions that call funs (lists:map/2 and the
// like) are written in Erlang instead, in runtime/otp, and run in the
// interpreter like any other module.
package emu

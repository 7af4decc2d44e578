package emu

import (
	"unicode/utf8"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// The BIFs in this file need the emulator's internals (the scheduler,
// the process table, the interpreter's traps), so they live here rather
// than in runtime/bif, and are registered as intrinsics: a registration of
// the same MFA elsewhere is ignored.
func init() {
	for _, b := range []struct {
		m, f string
		a    int
		fn   BIF
	}{
		{"erlang", "apply", 2, bifApply2},
		{"erlang", "apply", 3, bifApply3},
		{"erlang", "self", 0, func(p *Process, _ []term.Term) term.Term { return p.Self }},
		{"erlang", "error", 1, func(p *Process, a []term.Term) term.Term { return p.Raise(ClassError, a[0]) }},
		{"erlang", "error", 2, bifError2},
		{"erlang", "error", 3, bifError2},
		{"erlang", "exit", 1, func(p *Process, a []term.Term) term.Term { return p.Raise(ClassExit, a[0]) }},
		{"erlang", "throw", 1, func(p *Process, a []term.Term) term.Term { return p.Raise(ClassThrow, a[0]) }},
		{"erlang", "nif_error", 1, func(p *Process, a []term.Term) term.Term { return p.Raise(ClassError, a[0]) }},
		{"erlang", "nif_error", 2, bifError2},
		{"erlang", "raise", 3, bifRaise3},
		{"erlang", "exit", 2, bifExit2},
		{"erlang", "halt", 0, func(p *Process, _ []term.Term) term.Term { return p.halt(0) }},
		{"erlang", "halt", 1, bifHalt},
		{"erlang", "halt", 2, bifHalt},
		{"erlang", "yield", 0, func(p *Process, _ []term.Term) term.Term { return p.TrapYield(term.True) }},
		{"erlang", "spawn", 1, bifSpawn1},
		{"erlang", "spawn", 3, bifSpawn3},
		{"erlang", "spawn_link", 1, bifSpawnLink1},
		{"erlang", "spawn_link", 3, bifSpawnLink3},
		{"erlang", "spawn_monitor", 1, bifSpawnMonitor1},
		{"erlang", "spawn_monitor", 3, bifSpawnMonitor3},
		{"erlang", "spawn_opt", 2, bifSpawnOpt2},
		{"erlang", "spawn_opt", 4, bifSpawnOpt4},
		{"erlang", "send", 2, bifSend},
		{"erlang", "send", 3, bifSend},
		{"erlang", "!", 2, bifSend},
		{"erlang", "is_process_alive", 1, bifIsProcessAlive},
		{"erlang", "register", 2, bifRegister},
		{"erlang", "unregister", 1, bifUnregister},
		{"erlang", "whereis", 1, bifWhereis},
		{"erlang", "registered", 0, bifRegistered},
		{"erlang", "get", 0, bifGet0},
		{"erlang", "get", 1, bifGet1},
		{"erlang", "put", 2, bifPut},
		{"erlang", "erase", 0, bifErase0},
		{"erlang", "erase", 1, bifErase1},
		{"erlang", "get_keys", 0, bifGetKeys0},
		{"erlang", "get_keys", 1, bifGetKeys1},
		{"erlang", "link", 1, bifLink},
		{"erlang", "unlink", 1, bifUnlink},
		{"erlang", "monitor", 2, bifMonitor},
		{"erlang", "monitor", 3, bifMonitor},
		{"erlang", "demonitor", 1, bifDemonitor},
		{"erlang", "demonitor", 2, bifDemonitor},
		{"erlang", "process_flag", 2, bifProcessFlag},
		{"erlang", "process_info", 1, bifProcessInfo1},
		{"erlang", "process_info", 2, bifProcessInfo2},
		{"erlang", "processes", 0, bifProcesses},
		{"erlang", "group_leader", 0, bifGroupLeader0},
		{"erlang", "group_leader", 2, func(p *Process, a []term.Term) term.Term { return term.True }},
		{"erlang", "garbage_collect", 0, bifGarbageCollect},
		{"erlang", "garbage_collect", 1, bifGarbageCollect},
		{"erlang", "garbage_collect", 2, bifGarbageCollect},
		{"erlang", "send_after", 3, bifSendAfter},
		{"erlang", "send_after", 4, bifSendAfter},
		{"erlang", "start_timer", 3, bifStartTimer},
		{"erlang", "start_timer", 4, bifStartTimer},
		{"erlang", "cancel_timer", 1, bifCancelTimer},
		{"erlang", "cancel_timer", 2, bifCancelTimer},
		{"erlang", "read_timer", 1, bifReadTimer},
		{"erlang", "function_exported", 3, bifFunctionExported},
		{"erlang", "make_fun", 3, bifMakeFun},
		{"erlang", "fun_info", 2, bifFunInfo},
		{"erlang", "fun_info", 1, bifFunInfo1},
		{"erlang", "module_loaded", 1, bifModuleLoaded},
		{"erlang", "get_module_info", 1, bifGetModuleInfo1},
		{"erlang", "get_module_info", 2, bifGetModuleInfo2},
		{"erlang", "pre_loaded", 0, func(p *Process, _ []term.Term) term.Term { return term.Nil }},
		{"code", "ensure_loaded", 1, bifEnsureLoaded},
		{"code", "is_loaded", 1, bifCodeIsLoaded},
		{"code", "which", 1, bifCodeWhich},
		{"code", "priv_dir", 1, func(p *Process, a []term.Term) term.Term {
			return term.Tuple2(p.Heap, term.AtomError, term.Intern("bad_name"))
		}},
		{"init", "get_plain_arguments", 0, bifPlainArguments},
		{"init", "get_arguments", 0, func(p *Process, _ []term.Term) term.Term { return term.Nil }},
		{"init", "stop", 0, func(p *Process, _ []term.Term) term.Term { return p.halt(0) }},
		{"init", "stop", 1, bifInitStop},
		{"application", "ensure_all_started", 1, bifEnsureAllStarted},
		{"application", "ensure_all_started", 2, bifEnsureAllStarted},
		{"application", "start", 1, func(p *Process, _ []term.Term) term.Term { return term.Ok }},
		{"application", "start", 2, func(p *Process, _ []term.Term) term.Term { return term.Ok }},
		// proc_lib's spawns: beamrc has no proc_lib process metadata or
		// crash reports, so they are plain spawns.
		{"proc_lib", "spawn", 1, bifSpawn1},
		{"proc_lib", "spawn", 3, bifSpawn3},
		{"proc_lib", "spawn_link", 1, bifSpawnLink1},
		{"proc_lib", "spawn_link", 3, bifSpawnLink3},
		{"proc_lib", "spawn_opt", 2, bifSpawnOpt2},
		{"proc_lib", "spawn_opt", 4, bifSpawnOpt4},
		// sys:debug_options/1 makes the debug state of a special process;
		// beamrc supports no sys debugging, so it is always empty.
		{"sys", "debug_options", 1, func(p *Process, _ []term.Term) term.Term { return term.Nil }},
		{"timer", "sleep", 1, bifSleep},
		{"timer", "send_after", 3, bifTimerSendAfter},
		{"timer", "send_after", 2, func(p *Process, a []term.Term) term.Term {
			return bifTimerSendAfter(p, []term.Term{a[0], p.Self, a[1]})
		}},
		{"timer", "cancel", 1, bifTimerCancel},
	} {
		registerIntrinsic(b.m, b.f, b.a, b.fn)
	}
}

// --- calling code --------------------------------------------------------

// bifApply3 is apply(Module, Function, Args).
func bifApply3(p *Process, a []term.Term) term.Term {
	mod, fun, args := a[0], a[1], a[2]
	n := term.ListLength(args)
	if n < 0 || !mod.IsAtom() || !fun.IsAtom() {
		return p.Badarg()
	}
	if n > NumXRegs-2 {
		return p.Error(term.SystemLimit)
	}
	loadArgs(p, args)
	return p.callMFA(mod, fun, n, false)
}

// loadArgs puts the elements of list into x0, x1, ...
func loadArgs(p *Process, list term.Term) {
	i := 0
	for list.IsCons() {
		p.x[i] = list.Head()
		list = list.Tail()
		i++
	}
}

// callMFA makes the calling BIF call mod:fun with x[0:n]: a trap into
// Erlang code, the value of a BIF, or undef. byFun says the call is of a
// fun (apply/2) rather than by apply/3, for the stack trace.
func (p *Process) callMFA(mod, fun term.Term, n int, byFun bool) term.Term {
	if target, ok := p.sys.lookupExport(mod, fun, n); ok {
		p.trap, p.trapPC = trapCall, int(target)
		return term.NonValue
	}
	mfa := MFA{mod, fun, n}
	if b, ok := LookupBIF(mfa); ok {
		r := b.Fn(p, p.x[:n])
		if r == term.NonValue && p.trap == trapNone {
			p.noteBIFFrame(mfa, p.x[:n])
			p.calleeFailed(mfa, byFun)
		}
		return r
	}
	p.undef(mfa, p.x[:n])
	p.excVia = viaCallee
	return term.NonValue
}

// bifApply2 is apply(Fun, Args).
func bifApply2(p *Process, a []term.Term) term.Term {
	f, args := a[0], a[1]
	n := term.ListLength(args)
	if n < 0 {
		return p.Badarg()
	}
	if n > NumXRegs-2 {
		return p.Error(term.SystemLimit)
	}
	if !f.IsFun() {
		// OTP 25 has no tuple funs: apply({M, F}, Args) is badfun too.
		p.excVia = viaFunValue
		return p.Error(term.Tuple2(p.Heap, term.Badfun, f))
	}
	loadArgs(p, args)
	target, ok := p.funTarget(f, n)
	if !ok {
		p.excVia = viaFunValue
		return term.NonValue
	}
	if target >= 0 {
		p.trap, p.trapPC = trapCall, target
		return term.NonValue
	}
	m, fn, _ := f.ExportMFA()
	return p.callMFA(m, fn, n, true)
}

// --- exceptions ----------------------------------------------------------

// bifError2 is error(Reason, Args) (and error/3): the current
// function's frame shows Args. error/3's options may give the frame an
// error_info (see errorInfoOption).
func bifError2(p *Process, a []term.Term) term.Term {
	p.Raise(ClassError, a[0])
	if a[1].IsList() {
		p.Exc.Args = a[1]
	}
	if len(a) == 3 {
		p.Exc.Info = errorInfoOption(a[2])
	}
	return term.NonValue
}

// errorInfoOption is the error_info map error/3's options give the
// frame, or NonValue. OTP 25 takes the last {error_info, Map} of a proper
// list of nothing else; any other option, or a map that is not one,
// gives no error_info at all (the error is raised all the same).
func errorInfoOption(opts term.Term) term.Term {
	info := term.NonValue
	l := opts
	for ; l.IsCons(); l = l.Tail() {
		o := l.Head()
		if !o.IsTuple() || o.TupleArity() != 2 || o.Word(1) != atomErrorInfo || !o.Word(2).IsMap() {
			return term.NonValue
		}
		info = o.Word(2)
	}
	if l != term.Nil {
		return term.NonValue
	}
	return info
}

// bifRaise3 is erlang:raise(Class, Reason, Stacktrace).
func bifRaise3(p *Process, a []term.Term) term.Term {
	c, ok := classOf(a[0])
	trace := p.rawTrace(a[2])
	if !ok || !validTrace(trace) {
		// OTP returns (not raises) badarg for bad arguments.
		return term.Badarg
	}
	p.Raise(c, a[1])
	p.Exc.Trace = trace
	return term.NonValue
}

// validTrace checks the shape erlang:raise/3 accepts: a list of
// {M,F,A,Loc} (or {Fun,A,Loc}) tuples.
func validTrace(t term.Term) bool {
	for t.IsCons() {
		e := t.Head()
		if !e.IsTuple() || (e.TupleArity() != 4 && e.TupleArity() != 3) {
			return false
		}
		t = t.Tail()
	}
	return t == term.Nil
}

// bifExit2 is exit(Pid, Reason).
func bifExit2(p *Process, a []term.Term) term.Term {
	to, reason := a[0], a[1]
	if !to.IsPid() && !to.IsPort() {
		return p.Badarg()
	}
	q := p.sys.process(to)
	if q == nil {
		return term.True
	}
	if q == p {
		switch {
		case reason == term.Kill:
			p.killReason = term.Killed
		case p.trapExit:
			p.sys.sendTerm(p, exitMessage(p.Self, reason))
			return term.True
		default:
			p.killReason = reason
		}
		// The process ends as soon as the BIF returns.
		return p.TrapYield(term.True)
	}
	p.sys.exitSignalFrom(p.Self, q, reason, false)
	return term.True
}

// --- halting -------------------------------------------------------------

func bifHalt(p *Process, a []term.Term) term.Term {
	st := a[0]
	switch {
	case st.IsSmall() && st.SmallValue() >= 0:
		return p.halt(int(st.SmallValue() & 0xff))
	case st == term.Intern("abort"):
		return p.halt(134)
	case st.IsList() || st.IsBinary():
		// halt("message"): OTP writes a crash dump slogan and exits 1.
		return p.halt(1)
	}
	return p.Badarg()
}

func bifInitStop(p *Process, a []term.Term) term.Term {
	st := a[0]
	if st.IsSmall() && st.SmallValue() >= 0 {
		return p.halt(int(st.SmallValue() & 0xff))
	}
	if st.IsList() {
		return p.halt(1)
	}
	return p.Badarg()
}

// halt stops the whole system with the given exit status.
func (p *Process) halt(status int) term.Term {
	p.sys.halt(status)
	p.trap = trapExit
	p.exitReason = term.Normal
	return term.NonValue
}

// --- spawning ------------------------------------------------------------

func spawnFunChecked(p *Process, f term.Term, opts SpawnOpts) (*Process, bool) {
	if !f.IsFun() || f.FunArity() != 0 {
		p.Badarg()
		return nil, false
	}
	return p.sys.spawnFun(p, f, opts), true
}

func spawnMFAChecked(p *Process, m, f, args term.Term, opts SpawnOpts) (*Process, bool) {
	if !m.IsAtom() || !f.IsAtom() || term.ListLength(args) < 0 {
		p.Badarg()
		return nil, false
	}
	return p.sys.spawnApply(p, m, f, args, opts), true
}

func bifSpawn1(p *Process, a []term.Term) term.Term {
	q, ok := spawnFunChecked(p, a[0], SpawnOpts{})
	if !ok {
		return term.NonValue
	}
	return q.Self
}

func bifSpawn3(p *Process, a []term.Term) term.Term {
	q, ok := spawnMFAChecked(p, a[0], a[1], a[2], SpawnOpts{})
	if !ok {
		return term.NonValue
	}
	return q.Self
}

func bifSpawnLink1(p *Process, a []term.Term) term.Term {
	q, ok := spawnFunChecked(p, a[0], SpawnOpts{Link: true})
	if !ok {
		return term.NonValue
	}
	return q.Self
}

func bifSpawnLink3(p *Process, a []term.Term) term.Term {
	q, ok := spawnMFAChecked(p, a[0], a[1], a[2], SpawnOpts{Link: true})
	if !ok {
		return term.NonValue
	}
	return q.Self
}

func bifSpawnMonitor1(p *Process, a []term.Term) term.Term {
	q, ok := spawnFunChecked(p, a[0], SpawnOpts{})
	if !ok {
		return term.NonValue
	}
	ref := p.addMonitor(q)
	return term.Tuple2(p.Heap, q.Self, ref)
}

func bifSpawnMonitor3(p *Process, a []term.Term) term.Term {
	q, ok := spawnMFAChecked(p, a[0], a[1], a[2], SpawnOpts{})
	if !ok {
		return term.NonValue
	}
	ref := p.addMonitor(q)
	return term.Tuple2(p.Heap, q.Self, ref)
}

// spawnOptions reads a spawn_opt option list: link and monitor matter,
// the rest (priority, heap sizes, ...) is accepted and ignored.
func spawnOptions(opts term.Term) (SpawnOpts, bool) {
	var o SpawnOpts
	for opts.IsCons() {
		switch h := opts.Head(); {
		case h == term.Intern("link"):
			o.Link = true
		case h == term.Intern("monitor"):
			o.Monitor = true
		case h.IsTuple() && h.TupleArity() == 2 && h.Word(1) == term.Intern("monitor"):
			o.Monitor = true
		}
		opts = opts.Tail()
	}
	return o, opts == term.Nil
}

func spawnResult(p *Process, q *Process, o SpawnOpts) term.Term {
	if o.Monitor {
		ref := p.addMonitor(q)
		return term.Tuple2(p.Heap, q.Self, ref)
	}
	return q.Self
}

func bifSpawnOpt2(p *Process, a []term.Term) term.Term {
	o, ok := spawnOptions(a[1])
	if !ok {
		return p.Badarg()
	}
	q, ok := spawnFunChecked(p, a[0], SpawnOpts{Link: o.Link})
	if !ok {
		return term.NonValue
	}
	return spawnResult(p, q, o)
}

func bifSpawnOpt4(p *Process, a []term.Term) term.Term {
	o, ok := spawnOptions(a[3])
	if !ok {
		return p.Badarg()
	}
	q, ok := spawnMFAChecked(p, a[0], a[1], a[2], SpawnOpts{Link: o.Link})
	if !ok {
		return term.NonValue
	}
	return spawnResult(p, q, o)
}

// --- messages and names --------------------------------------------------

func bifSend(p *Process, a []term.Term) term.Term {
	return p.sendOp(a[0], a[1])
}

func bifIsProcessAlive(p *Process, a []term.Term) term.Term {
	if !a[0].IsPid() {
		return p.Badarg()
	}
	q := p.sys.process(a[0])
	return term.Bool(q != nil && q.killReason == 0)
}

func bifRegister(p *Process, a []term.Term) term.Term {
	name, pid := a[0], a[1]
	if !name.IsAtom() || name == term.Undefined {
		return p.Badarg()
	}
	q := p.sys.process(pid)
	if q == nil {
		return p.Badarg()
	}
	s := p.sys
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, taken := s.registry[name]; taken || q.registered != term.NonValue {
		return p.Badarg()
	}
	s.registry[name] = q
	q.registered = name
	return term.True
}

func bifUnregister(p *Process, a []term.Term) term.Term {
	s := p.sys
	s.mu.Lock()
	defer s.mu.Unlock()
	q, ok := s.registry[a[0]]
	if !ok {
		return p.Badarg()
	}
	delete(s.registry, a[0])
	q.registered = term.NonValue
	return term.True
}

func bifWhereis(p *Process, a []term.Term) term.Term {
	if !a[0].IsAtom() {
		return p.Badarg()
	}
	if q := p.sys.whereis(a[0]); q != nil {
		return q.Self
	}
	return term.Undefined
}

func bifRegistered(p *Process, _ []term.Term) term.Term {
	s := p.sys
	s.mu.Lock()
	names := make([]term.Term, 0, len(s.registry))
	for n := range s.registry {
		names = append(names, n)
	}
	s.mu.Unlock()
	return term.ListFrom(p.Heap, names)
}

// --- the process dictionary ------------------------------------------------

func (p *Process) dictFind(key term.Term) int {
	for i := 0; i < len(p.dict); i += 2 {
		if eqExact(p.dict[i], key) {
			return i
		}
	}
	return -1
}

// DictGet returns the value of key in p's dictionary.
func (p *Process) DictGet(key term.Term) (term.Term, bool) {
	if i := p.dictFind(key); i >= 0 {
		return p.dict[i+1], true
	}
	return term.NonValue, false
}

func bifGet0(p *Process, _ []term.Term) term.Term {
	out := term.Nil
	for i := len(p.dict) - 2; i >= 0; i -= 2 {
		out = term.Cons(p.Heap, term.Tuple2(p.Heap, p.dict[i], p.dict[i+1]), out)
	}
	return out
}

func bifGet1(p *Process, a []term.Term) term.Term {
	if v, ok := p.DictGet(a[0]); ok {
		return v
	}
	return term.Undefined
}

func bifPut(p *Process, a []term.Term) term.Term {
	if i := p.dictFind(a[0]); i >= 0 {
		old := p.dict[i+1]
		p.dict[i+1] = a[1]
		return old
	}
	p.dict = append(p.dict, a[0], a[1])
	return term.Undefined
}

func bifErase0(p *Process, a []term.Term) term.Term {
	out := bifGet0(p, a)
	p.dict = nil
	return out
}

func bifErase1(p *Process, a []term.Term) term.Term {
	i := p.dictFind(a[0])
	if i < 0 {
		return term.Undefined
	}
	old := p.dict[i+1]
	p.dict = append(p.dict[:i], p.dict[i+2:]...)
	return old
}

func bifGetKeys0(p *Process, _ []term.Term) term.Term {
	out := term.Nil
	for i := len(p.dict) - 2; i >= 0; i -= 2 {
		out = term.Cons(p.Heap, p.dict[i], out)
	}
	return out
}

func bifGetKeys1(p *Process, a []term.Term) term.Term {
	out := term.Nil
	for i := len(p.dict) - 2; i >= 0; i -= 2 {
		if eqExact(p.dict[i+1], a[0]) {
			out = term.Cons(p.Heap, p.dict[i], out)
		}
	}
	return out
}

// --- links and monitors --------------------------------------------------

func bifLink(p *Process, a []term.Term) term.Term {
	if !a[0].IsPid() {
		return p.Badarg()
	}
	q := p.sys.process(a[0])
	if q == nil || q.killReason != 0 {
		if p.trapExit {
			p.sys.sendTerm(p, exitMessage(a[0], term.Noproc))
			return term.True
		}
		return p.Error(term.Noproc)
	}
	link(p, q)
	return term.True
}

func bifUnlink(p *Process, a []term.Term) term.Term {
	if !a[0].IsPid() && !a[0].IsPort() {
		return p.Badarg()
	}
	if q := p.sys.process(a[0]); q != nil {
		unlinkOne(p, q)
		unlinkOne(q, p)
	}
	return term.True
}

// addMonitor makes p monitor q and returns the reference.
func (p *Process) addMonitor(q *Process) term.Term {
	ref := term.NewRef(p.Heap)
	id := ref.RefID()
	p.monitors = append(p.monitors, monitor{refID: id, other: q.Self})
	q.monitoredBy = append(q.monitoredBy, monitor{refID: id, other: p.Self})
	return ref
}

func bifMonitor(p *Process, a []term.Term) term.Term {
	if a[0] != term.AtomProcess {
		return p.Badarg()
	}
	target := a[1]
	var q *Process
	switch {
	case target.IsPid():
		q = p.sys.process(target)
	case target.IsAtom():
		q = p.sys.whereis(target)
		if q == nil {
			ref := term.NewRef(p.Heap)
			var f scratchAlloc
			who := term.Tuple2(&f, target, term.Intern("nonode@nohost"))
			p.sys.sendDown(p, ref.RefID(), who, term.Noproc)
			return ref
		}
	case target.IsTuple() && target.TupleArity() == 2:
		q = p.sys.whereis(target.Word(1))
	default:
		return p.Badarg()
	}
	if q == nil || q.status == statusExited {
		ref := term.NewRef(p.Heap)
		p.sys.sendDown(p, ref.RefID(), target, term.Noproc)
		return ref
	}
	return p.addMonitor(q)
}

func bifDemonitor(p *Process, a []term.Term) term.Term {
	ref := a[0]
	if !ref.IsRef() {
		return p.Badarg()
	}
	flush, info := false, false
	if len(a) > 1 {
		for o := a[1]; o.IsCons(); o = o.Tail() {
			switch o.Head() {
			case term.Intern("flush"):
				flush = true
			case term.Intern("info"):
				info = true
			}
		}
	}
	m, found := p.removeMonitor(ref.RefID())
	if found {
		if q := p.sys.process(m.other); q != nil {
			q.removeMonitoredBy(m.refID)
		}
	}
	if flush {
		p.flushDown(ref.RefID())
	}
	if info {
		return term.Bool(found)
	}
	return term.True
}

// flushDown removes {_, Ref, _, _, _} messages (demonitor's flush).
func (p *Process) flushDown(refID uint64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.msgs[:0]
	for _, m := range p.msgs {
		t := m.t
		if t.IsTuple() && t.TupleArity() == 5 && t.Word(2).IsRef() && t.Word(2).RefID() == refID {
			continue
		}
		out = append(out, m)
	}
	for i := len(out); i < len(p.msgs); i++ {
		p.msgs[i] = message{}
	}
	p.msgs = out
	p.cursor = 0
	p.markers = nil
}

func bifProcessFlag(p *Process, a []term.Term) term.Term {
	switch a[0] {
	case term.Intern("trap_exit"):
		if a[1] != term.True && a[1] != term.False {
			return p.Badarg()
		}
		old := term.Bool(p.trapExit)
		p.trapExit = a[1] == term.True
		return old
	case term.Intern("priority"):
		return term.Intern("normal")
	case term.Intern("min_heap_size"), term.Intern("min_bin_vheap_size"), term.Intern("max_heap_size"):
		return term.MakeSmall(233)
	case term.Intern("message_queue_data"):
		return term.Intern("on_heap")
	case term.Intern("sensitive"), term.Intern("save_calls"):
		return term.False
	}
	return p.Badarg()
}

// --- process_info ----------------------------------------------------------

var processInfoDefault = []string{"registered_name", "current_function", "initial_call", "status",
	"message_queue_len", "links", "dictionary", "trap_exit", "error_handler", "priority",
	"group_leader", "total_heap_size", "heap_size", "stack_size", "reductions", "garbage_collection",
	"suspending"}

func bifProcessInfo1(p *Process, a []term.Term) term.Term {
	q := p.sys.process(a[0])
	if !a[0].IsPid() {
		return p.Badarg()
	}
	if q == nil {
		return term.Undefined
	}
	var items []term.Term
	for _, k := range processInfoDefault {
		v := processInfoItem(p, q, term.Intern(k))
		if v == term.NonValue || (k == "registered_name" && v.IsTuple() && v.Word(2) == term.Nil) {
			continue
		}
		items = append(items, v)
	}
	return term.ListFrom(p.Heap, items)
}

func bifProcessInfo2(p *Process, a []term.Term) term.Term {
	if !a[0].IsPid() {
		return p.Badarg()
	}
	q := p.sys.process(a[0])
	if q == nil {
		return term.Undefined
	}
	if a[1].IsList() {
		var items []term.Term
		for l := a[1]; l.IsCons(); l = l.Tail() {
			v := processInfoItem(p, q, l.Head())
			if v == term.NonValue {
				return p.Badarg()
			}
			items = append(items, v)
		}
		return term.ListFrom(p.Heap, items)
	}
	v := processInfoItem(p, q, a[1])
	if v == term.NonValue {
		return p.Badarg()
	}
	if a[1] == term.Intern("registered_name") && v.Word(2) == term.Nil {
		return term.Nil
	}
	return v
}

// processInfoItem returns {Item, Value} for process q, or NonValue for
// an unknown item.
func processInfoItem(p, q *Process, item term.Term) term.Term {
	h := p.Heap
	var v term.Term
	switch term.AtomName(item) {
	case "message_queue_len":
		v = term.MakeSmall(int64(q.MessageQueueLen()))
	case "messages":
		q.mu.Lock()
		ms := make([]term.Term, len(q.msgs))
		for i, m := range q.msgs {
			ms[i] = heap.Copy(h, m.t)
		}
		q.mu.Unlock()
		v = term.ListFrom(h, ms)
	case "dictionary":
		pairs := make([]term.Term, 0, len(q.dict)/2)
		for i := 0; i < len(q.dict); i += 2 {
			pairs = append(pairs, term.Tuple2(h, heap.Copy(h, q.dict[i]), heap.Copy(h, q.dict[i+1])))
		}
		v = term.ListFrom(h, pairs)
	case "registered_name":
		if q.registered != term.NonValue {
			v = q.registered
		} else {
			v = term.Nil
		}
	case "status":
		switch {
		case q == p:
			v = term.Intern("running")
		case q.status == statusWaiting:
			v = term.Intern("waiting")
		default:
			v = term.Intern("runnable")
		}
	case "links":
		pids := make([]term.Term, len(q.links))
		for i, l := range q.links {
			pids[i] = l.Self
		}
		v = term.ListFrom(h, pids)
	case "monitors":
		ms := make([]term.Term, len(q.monitors))
		for i, m := range q.monitors {
			ms[i] = term.Tuple2(h, term.AtomProcess, m.other)
		}
		v = term.ListFrom(h, ms)
	case "monitored_by":
		ms := make([]term.Term, len(q.monitoredBy))
		for i, m := range q.monitoredBy {
			ms[i] = m.other
		}
		v = term.ListFrom(h, ms)
	case "trap_exit":
		v = term.Bool(q.trapExit)
	case "group_leader":
		v = groupLeader(q)
	case "priority":
		v = term.Intern("normal")
	case "error_handler":
		v = term.Intern("error_handler")
	case "initial_call":
		m := q.initialCall
		if m.Module == 0 {
			v = term.NewTuple(h, term.Intern("erlang"), term.Intern("apply"), term.MakeSmall(2))
		} else {
			v = term.NewTuple(h, m.Module, m.Function, term.MakeSmall(int64(m.Arity)))
		}
	case "current_function":
		v = term.Undefined
		if f := p.sys.funcAt(q.pc); f != nil {
			v = term.NewTuple(h, f.mod.Name, f.name, term.MakeSmall(int64(f.arity)))
		}
	case "heap_size", "total_heap_size", "memory":
		v = term.MakeSmall(int64(q.Heap.Used()))
	case "stack_size":
		v = term.MakeSmall(int64(q.sp))
	case "reductions":
		v = term.MakeSmall(0)
	case "garbage_collection", "suspending":
		v = term.Nil
	default:
		return term.NonValue
	}
	return term.Tuple2(h, item, v)
}

func bifProcesses(p *Process, _ []term.Term) term.Term {
	s := p.sys
	s.mu.Lock()
	ids := make([]uint64, 0, len(s.procs))
	for id := range s.procs {
		ids = append(ids, id)
	}
	s.mu.Unlock()
	sortUint64(ids)
	pids := make([]term.Term, len(ids))
	for i, id := range ids {
		pids[i] = term.MakePid(id)
	}
	return term.ListFrom(p.Heap, pids)
}

func sortUint64(a []uint64) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// groupLeaderPid is the pid group_leader/0 reports: beamrc has no I/O
// server process; the io BIFs write to stdout directly.
var groupLeaderPid = term.MakePid(64)

func groupLeader(p *Process) term.Term {
	if p.groupLeader != term.NonValue && p.groupLeader != 0 {
		return p.groupLeader
	}
	return groupLeaderPid
}

func bifGroupLeader0(p *Process, _ []term.Term) term.Term { return groupLeader(p) }

func bifGarbageCollect(p *Process, a []term.Term) term.Term {
	if len(a) == 0 {
		p.GarbageCollect(0)
		return term.True
	}
	if !a[0].IsPid() {
		return p.Badarg()
	}
	if q := p.sys.process(a[0]); q == p {
		// The arguments are x registers; keep them as roots.
		p.GarbageCollect(len(a))
	} else if q == nil {
		return term.False
	}
	return term.True
}

// --- code ----------------------------------------------------------------

func bifFunctionExported(p *Process, a []term.Term) term.Term {
	m, f, ar := a[0], a[1], a[2]
	if !m.IsAtom() || !f.IsAtom() || !ar.IsSmall() {
		return p.Badarg()
	}
	n := int(ar.SmallValue())
	if p.sys.Exported(m, f, n) {
		return term.True
	}
	_, ok := LookupBIF(MFA{m, f, n})
	return term.Bool(ok && m == term.AtomErlang)
}

func bifMakeFun(p *Process, a []term.Term) term.Term {
	m, f, ar := a[0], a[1], a[2]
	if !m.IsAtom() || !f.IsAtom() || !ar.IsSmall() || ar.SmallValue() < 0 || ar.SmallValue() > 255 {
		return p.Badarg()
	}
	return term.NewExport(p.Heap, m, f, int(ar.SmallValue()))
}

func bifFunInfo1(p *Process, a []term.Term) term.Term {
	f := a[0]
	if !f.IsFun() {
		return p.Badarg()
	}
	keys := []string{"module", "name", "arity", "env", "type"}
	if f.IsClosure() {
		keys = []string{"pid", "module", "new_index", "new_uniq", "index", "uniq", "name", "arity", "env", "type"}
	}
	items := make([]term.Term, 0, len(keys))
	for _, k := range keys {
		items = append(items, bifFunInfo(p, []term.Term{f, term.Intern(k)}))
	}
	return term.ListFrom(p.Heap, items)
}

func bifFunInfo(p *Process, a []term.Term) term.Term {
	f, item := a[0], a[1]
	if !f.IsFun() || !item.IsAtom() {
		return p.Badarg()
	}
	h := p.Heap
	var v term.Term
	if f.IsExport() {
		m, fn, ar := f.ExportMFA()
		switch term.AtomName(item) {
		case "module":
			v = m
		case "name":
			v = fn
		case "arity":
			v = term.MakeSmall(int64(ar))
		case "env":
			v = term.Nil
		case "type":
			v = term.Intern("external")
		case "pid", "index", "new_index", "new_uniq", "uniq":
			v = term.Undefined
		default:
			return p.Badarg()
		}
		return term.Tuple2(h, item, v)
	}
	info := f.FunInfo()
	switch term.AtomName(item) {
	case "module":
		v = info.Module
	case "name":
		v = info.Name
	case "arity":
		v = term.MakeSmall(int64(info.Arity))
	case "env":
		v = term.ListFrom(h, f.FunFree())
	case "type":
		v = term.Intern("local")
	case "pid":
		v = p.Self
	case "index", "new_index":
		v = term.MakeSmall(int64(info.Index))
	case "uniq", "new_uniq":
		v = term.MakeSmall(int64(info.Uniq))
	default:
		return p.Badarg()
	}
	return term.Tuple2(h, item, v)
}

func bifModuleLoaded(p *Process, a []term.Term) term.Term {
	if !a[0].IsAtom() {
		return p.Badarg()
	}
	_, ok := p.sys.modules[a[0]]
	return term.Bool(ok)
}

func bifEnsureLoaded(p *Process, a []term.Term) term.Term {
	if !a[0].IsAtom() {
		return p.Badarg()
	}
	if _, ok := p.sys.modules[a[0]]; ok || a[0] == term.AtomErlang {
		return term.Tuple2(p.Heap, term.Intern("module"), a[0])
	}
	return term.Tuple2(p.Heap, term.AtomError, term.Intern("nofile"))
}

func bifCodeIsLoaded(p *Process, a []term.Term) term.Term {
	if _, ok := p.sys.modules[a[0]]; ok {
		return term.Tuple2(p.Heap, term.AtomFile, term.Intern("preloaded"))
	}
	return term.False
}

func bifCodeWhich(p *Process, a []term.Term) term.Term {
	if m, ok := p.sys.modules[a[0]]; ok {
		return charlist(p.Heap, m.Beam.File)
	}
	return term.Intern("non_existing")
}

func charlist(a term.Allocator, s string) term.Term {
	rs := []rune(s)
	ts := make([]term.Term, len(rs))
	for i, r := range rs {
		ts[i] = term.MakeSmall(int64(r))
	}
	return term.ListFrom(a, ts)
}

// bifGetModuleInfo1 backs every module's module_info/0.
func bifGetModuleInfo1(p *Process, a []term.Term) term.Term {
	m := a[0]
	if _, ok := p.sys.modules[m]; !ok {
		return p.Badarg()
	}
	keys := []string{"module", "exports", "attributes", "compile", "md5"}
	items := make([]term.Term, len(keys))
	for i, k := range keys {
		items[i] = term.Tuple2(p.Heap, term.Intern(k), bifGetModuleInfo2(p, []term.Term{m, term.Intern(k)}))
	}
	return term.ListFrom(p.Heap, items)
}

// bifGetModuleInfo2 backs module_info/1.
func bifGetModuleInfo2(p *Process, a []term.Term) term.Term {
	mod, ok := p.sys.modules[a[0]]
	if !ok {
		return p.Badarg()
	}
	h := p.Heap
	switch term.AtomName(a[1]) {
	case "module":
		return mod.Name
	case "exports", "functions":
		refs := mod.Beam.Exports
		if term.AtomName(a[1]) == "functions" {
			refs = append(append([]beam.FuncRef{}, mod.Beam.Exports...), mod.Beam.Locals...)
		}
		out := term.Nil
		for i := len(refs) - 1; i >= 0; i-- {
			out = term.Cons(h, term.Tuple2(h, term.Intern(refs[i].Name), term.MakeSmall(int64(refs[i].Arity))), out)
		}
		return out
	case "attributes", "compile":
		return term.Nil
	case "md5":
		return term.NewBinary(h, make([]byte, 16))
	case "nifs":
		return term.Nil
	}
	return p.Badarg()
}

// --- init, application ---------------------------------------------------

func bifPlainArguments(p *Process, _ []term.Term) term.Term {
	args := p.sys.PlainArgs
	ts := make([]term.Term, len(args))
	for i, s := range args {
		// Like OTP (native file name encoding UTF-8), an argument is the
		// list of its code points; one that is not valid UTF-8 is the
		// list of its bytes.
		var cs []term.Term
		if utf8.ValidString(s) {
			for _, r := range s {
				cs = append(cs, term.MakeSmall(int64(r)))
			}
		} else {
			for j := 0; j < len(s); j++ {
				cs = append(cs, term.MakeSmall(int64(s[j])))
			}
		}
		ts[i] = term.ListFrom(p.Heap, cs)
	}
	return term.ListFrom(p.Heap, ts)
}

// bifEnsureAllStarted: beamrc has no OTP applications to start (kernel
// and stdlib are the runtime itself), so every application counts as
// started already.
func bifEnsureAllStarted(p *Process, a []term.Term) term.Term {
	if !a[0].IsAtom() {
		return p.Badarg()
	}
	return term.Tuple2(p.Heap, term.Ok, term.Nil)
}

// bifSleep is timer:sleep/1: the process waits, ignoring messages.
func bifSleep(p *Process, a []term.Term) term.Term {
	t := a[0]
	switch {
	case t == term.Infinity:
		p.sleepMs = -1
	case t.IsSmall() && t.SmallValue() >= 0:
		p.sleepMs = t.SmallValue()
	case t.IsBig() && !t.BigNegative():
		p.sleepMs = 1 << 40
	default:
		return p.Error(term.Tuple2(p.Heap, term.Intern("timeout_value"), t))
	}
	p.trap = trapSleep
	return term.NonValue
}

// bifTimerSendAfter is timer:send_after/3: {ok, TRef} with OTP 25's
// TRef shape for local destinations, {send_local, Ref}.
func bifTimerSendAfter(p *Process, a []term.Term) term.Term {
	ref := p.setTimer(a[0], a[1], a[2], false)
	if ref == term.NonValue {
		p.clearException()
		return term.Tuple2(p.Heap, term.AtomError, term.Badarg)
	}
	return term.Tuple2(p.Heap, term.Ok, term.Tuple2(p.Heap, term.Intern("send_local"), ref))
}

// bifTimerCancel is timer:cancel/1.
func bifTimerCancel(p *Process, a []term.Term) term.Term {
	t := a[0]
	if t.IsTuple() && t.TupleArity() == 2 && t.Word(2).IsRef() {
		bifCancelTimer(p, []term.Term{t.Word(2)})
		return term.Tuple2(p.Heap, term.Ok, term.Intern("cancel"))
	}
	return term.Tuple2(p.Heap, term.AtomError, term.Badarg)
}

package beam

// The BEAM generic instruction set, as numbered in OTP's
// lib/compiler/src/genop.tab. This file is the only place the opcode
// numbers, names and arities are written down: the decoder, the
// disassembler, the interpreter's dispatch and codegen's coverage report all
// read opTable.

// Opcode is a generic BEAM instruction number as stored in the Code chunk.
type Opcode uint8

// OpInfo describes one generic instruction.
type OpInfo struct {
	Name  string // genop name, e.g. "bs_create_bin"
	Arity int    // number of operands; a list operand ({z,1}) counts as one
	// Since is the release that introduced the instruction: the OTP major
	// version (17, 25, ...) or, for the R-era, its number (R12B is 12).
	// 0 means it was part of the original instruction set.
	Since int
	// Deprecated instructions are no longer emitted by current compilers;
	// most of them are rejected by the modern loader.
	Deprecated bool
}

// The opcodes, one constant per genop.tab row.
const (
	OpLabel             Opcode = 1   // label
	OpFuncInfo          Opcode = 2   // func_info
	OpIntCodeEnd        Opcode = 3   // int_code_end
	OpCall              Opcode = 4   // call
	OpCallLast          Opcode = 5   // call_last
	OpCallOnly          Opcode = 6   // call_only
	OpCallExt           Opcode = 7   // call_ext
	OpCallExtLast       Opcode = 8   // call_ext_last
	OpBif0              Opcode = 9   // bif0
	OpBif1              Opcode = 10  // bif1
	OpBif2              Opcode = 11  // bif2
	OpAllocate          Opcode = 12  // allocate
	OpAllocateHeap      Opcode = 13  // allocate_heap
	OpAllocateZero      Opcode = 14  // allocate_zero
	OpAllocateHeapZero  Opcode = 15  // allocate_heap_zero
	OpTestHeap          Opcode = 16  // test_heap
	OpInit              Opcode = 17  // init
	OpDeallocate        Opcode = 18  // deallocate
	OpReturn            Opcode = 19  // return
	OpSend              Opcode = 20  // send
	OpRemoveMessage     Opcode = 21  // remove_message
	OpTimeout           Opcode = 22  // timeout
	OpLoopRec           Opcode = 23  // loop_rec
	OpLoopRecEnd        Opcode = 24  // loop_rec_end
	OpWait              Opcode = 25  // wait
	OpWaitTimeout       Opcode = 26  // wait_timeout
	OpMPlus             Opcode = 27  // m_plus
	OpMMinus            Opcode = 28  // m_minus
	OpMTimes            Opcode = 29  // m_times
	OpMDiv              Opcode = 30  // m_div
	OpIntDiv            Opcode = 31  // int_div
	OpIntRem            Opcode = 32  // int_rem
	OpIntBand           Opcode = 33  // int_band
	OpIntBor            Opcode = 34  // int_bor
	OpIntBxor           Opcode = 35  // int_bxor
	OpIntBsl            Opcode = 36  // int_bsl
	OpIntBsr            Opcode = 37  // int_bsr
	OpIntBnot           Opcode = 38  // int_bnot
	OpIsLt              Opcode = 39  // is_lt
	OpIsGe              Opcode = 40  // is_ge
	OpIsEq              Opcode = 41  // is_eq
	OpIsNe              Opcode = 42  // is_ne
	OpIsEqExact         Opcode = 43  // is_eq_exact
	OpIsNeExact         Opcode = 44  // is_ne_exact
	OpIsInteger         Opcode = 45  // is_integer
	OpIsFloat           Opcode = 46  // is_float
	OpIsNumber          Opcode = 47  // is_number
	OpIsAtom            Opcode = 48  // is_atom
	OpIsPid             Opcode = 49  // is_pid
	OpIsReference       Opcode = 50  // is_reference
	OpIsPort            Opcode = 51  // is_port
	OpIsNil             Opcode = 52  // is_nil
	OpIsBinary          Opcode = 53  // is_binary
	OpIsConstant        Opcode = 54  // is_constant
	OpIsList            Opcode = 55  // is_list
	OpIsNonemptyList    Opcode = 56  // is_nonempty_list
	OpIsTuple           Opcode = 57  // is_tuple
	OpTestArity         Opcode = 58  // test_arity
	OpSelectVal         Opcode = 59  // select_val
	OpSelectTupleArity  Opcode = 60  // select_tuple_arity
	OpJump              Opcode = 61  // jump
	OpCatch             Opcode = 62  // catch
	OpCatchEnd          Opcode = 63  // catch_end
	OpMove              Opcode = 64  // move
	OpGetList           Opcode = 65  // get_list
	OpGetTupleElement   Opcode = 66  // get_tuple_element
	OpSetTupleElement   Opcode = 67  // set_tuple_element
	OpPutString         Opcode = 68  // put_string
	OpPutList           Opcode = 69  // put_list
	OpPutTuple          Opcode = 70  // put_tuple
	OpPut               Opcode = 71  // put
	OpBadmatch          Opcode = 72  // badmatch
	OpIfEnd             Opcode = 73  // if_end
	OpCaseEnd           Opcode = 74  // case_end
	OpCallFun           Opcode = 75  // call_fun
	OpMakeFun           Opcode = 76  // make_fun
	OpIsFunction        Opcode = 77  // is_function
	OpCallExtOnly       Opcode = 78  // call_ext_only
	OpBsStartMatch      Opcode = 79  // bs_start_match
	OpBsGetInteger      Opcode = 80  // bs_get_integer
	OpBsGetFloat        Opcode = 81  // bs_get_float
	OpBsGetBinary       Opcode = 82  // bs_get_binary
	OpBsSkipBits        Opcode = 83  // bs_skip_bits
	OpBsTestTail        Opcode = 84  // bs_test_tail
	OpBsSave            Opcode = 85  // bs_save
	OpBsRestore         Opcode = 86  // bs_restore
	OpBsInit            Opcode = 87  // bs_init
	OpBsFinal           Opcode = 88  // bs_final
	OpBsPutInteger      Opcode = 89  // bs_put_integer
	OpBsPutBinary       Opcode = 90  // bs_put_binary
	OpBsPutFloat        Opcode = 91  // bs_put_float
	OpBsPutString       Opcode = 92  // bs_put_string
	OpBsNeedBuf         Opcode = 93  // bs_need_buf
	OpFclearerror       Opcode = 94  // fclearerror
	OpFcheckerror       Opcode = 95  // fcheckerror
	OpFmove             Opcode = 96  // fmove
	OpFconv             Opcode = 97  // fconv
	OpFadd              Opcode = 98  // fadd
	OpFsub              Opcode = 99  // fsub
	OpFmul              Opcode = 100 // fmul
	OpFdiv              Opcode = 101 // fdiv
	OpFnegate           Opcode = 102 // fnegate
	OpMakeFun2          Opcode = 103 // make_fun2
	OpTry               Opcode = 104 // try
	OpTryEnd            Opcode = 105 // try_end
	OpTryCase           Opcode = 106 // try_case
	OpTryCaseEnd        Opcode = 107 // try_case_end
	OpRaise             Opcode = 108 // raise
	OpBsInit2           Opcode = 109 // bs_init2
	OpBsBitsToBytes     Opcode = 110 // bs_bits_to_bytes
	OpBsAdd             Opcode = 111 // bs_add
	OpApply             Opcode = 112 // apply
	OpApplyLast         Opcode = 113 // apply_last
	OpIsBoolean         Opcode = 114 // is_boolean
	OpIsFunction2       Opcode = 115 // is_function2
	OpBsStartMatch2     Opcode = 116 // bs_start_match2
	OpBsGetInteger2     Opcode = 117 // bs_get_integer2
	OpBsGetFloat2       Opcode = 118 // bs_get_float2
	OpBsGetBinary2      Opcode = 119 // bs_get_binary2
	OpBsSkipBits2       Opcode = 120 // bs_skip_bits2
	OpBsTestTail2       Opcode = 121 // bs_test_tail2
	OpBsSave2           Opcode = 122 // bs_save2
	OpBsRestore2        Opcode = 123 // bs_restore2
	OpGcBif1            Opcode = 124 // gc_bif1
	OpGcBif2            Opcode = 125 // gc_bif2
	OpBsFinal2          Opcode = 126 // bs_final2
	OpBsBitsToBytes2    Opcode = 127 // bs_bits_to_bytes2
	OpPutLiteral        Opcode = 128 // put_literal
	OpIsBitstr          Opcode = 129 // is_bitstr
	OpBsContextToBinary Opcode = 130 // bs_context_to_binary
	OpBsTestUnit        Opcode = 131 // bs_test_unit
	OpBsMatchString     Opcode = 132 // bs_match_string
	OpBsInitWritable    Opcode = 133 // bs_init_writable
	OpBsAppend          Opcode = 134 // bs_append
	OpBsPrivateAppend   Opcode = 135 // bs_private_append
	OpTrim              Opcode = 136 // trim
	OpBsInitBits        Opcode = 137 // bs_init_bits
	OpBsGetUtf8         Opcode = 138 // bs_get_utf8
	OpBsSkipUtf8        Opcode = 139 // bs_skip_utf8
	OpBsGetUtf16        Opcode = 140 // bs_get_utf16
	OpBsSkipUtf16       Opcode = 141 // bs_skip_utf16
	OpBsGetUtf32        Opcode = 142 // bs_get_utf32
	OpBsSkipUtf32       Opcode = 143 // bs_skip_utf32
	OpBsUtf8Size        Opcode = 144 // bs_utf8_size
	OpBsPutUtf8         Opcode = 145 // bs_put_utf8
	OpBsUtf16Size       Opcode = 146 // bs_utf16_size
	OpBsPutUtf16        Opcode = 147 // bs_put_utf16
	OpBsPutUtf32        Opcode = 148 // bs_put_utf32
	OpOnLoad            Opcode = 149 // on_load
	OpRecvMark          Opcode = 150 // recv_mark
	OpRecvSet           Opcode = 151 // recv_set
	OpGcBif3            Opcode = 152 // gc_bif3
	OpLine              Opcode = 153 // line
	OpPutMapAssoc       Opcode = 154 // put_map_assoc
	OpPutMapExact       Opcode = 155 // put_map_exact
	OpIsMap             Opcode = 156 // is_map
	OpHasMapFields      Opcode = 157 // has_map_fields
	OpGetMapElements    Opcode = 158 // get_map_elements
	OpIsTaggedTuple     Opcode = 159 // is_tagged_tuple
	OpBuildStacktrace   Opcode = 160 // build_stacktrace
	OpRawRaise          Opcode = 161 // raw_raise
	OpGetHd             Opcode = 162 // get_hd
	OpGetTl             Opcode = 163 // get_tl
	OpPutTuple2         Opcode = 164 // put_tuple2
	OpBsGetTail         Opcode = 165 // bs_get_tail
	OpBsStartMatch3     Opcode = 166 // bs_start_match3
	OpBsGetPosition     Opcode = 167 // bs_get_position
	OpBsSetPosition     Opcode = 168 // bs_set_position
	OpSwap              Opcode = 169 // swap
	OpBsStartMatch4     Opcode = 170 // bs_start_match4
	OpMakeFun3          Opcode = 171 // make_fun3
	OpInitYregs         Opcode = 172 // init_yregs
	OpRecvMarkerBind    Opcode = 173 // recv_marker_bind
	OpRecvMarkerClear   Opcode = 174 // recv_marker_clear
	OpRecvMarkerReserve Opcode = 175 // recv_marker_reserve
	OpRecvMarkerUse     Opcode = 176 // recv_marker_use
	OpBsCreateBin       Opcode = 177 // bs_create_bin
	OpCallFun2          Opcode = 178 // call_fun2
	OpNifStart          Opcode = 179 // nif_start
	OpBadRecord         Opcode = 180 // badrecord
	OpUpdateRecord      Opcode = 181 // update_record
	OpBsMatch           Opcode = 182 // bs_match
	OpExecutableLine    Opcode = 183 // executable_line
	OpDebugLine         Opcode = 184 // debug_line
)

// MaxOpcode is the highest opcode this package knows (OTP 28's debug_line).
const MaxOpcode = OpDebugLine

// opTable is indexed by Opcode; entry 0 is unused.
var opTable = [MaxOpcode + 1]OpInfo{
	OpLabel:             {"label", 1, 0, false},
	OpFuncInfo:          {"func_info", 3, 0, false},
	OpIntCodeEnd:        {"int_code_end", 0, 0, false},
	OpCall:              {"call", 2, 0, false},
	OpCallLast:          {"call_last", 3, 0, false},
	OpCallOnly:          {"call_only", 2, 0, false},
	OpCallExt:           {"call_ext", 2, 0, false},
	OpCallExtLast:       {"call_ext_last", 3, 0, false},
	OpBif0:              {"bif0", 2, 0, false},
	OpBif1:              {"bif1", 4, 0, false},
	OpBif2:              {"bif2", 5, 0, false},
	OpAllocate:          {"allocate", 2, 0, false},
	OpAllocateHeap:      {"allocate_heap", 3, 0, false},
	OpAllocateZero:      {"allocate_zero", 2, 0, false},
	OpAllocateHeapZero:  {"allocate_heap_zero", 3, 0, false},
	OpTestHeap:          {"test_heap", 2, 0, false},
	OpInit:              {"init", 1, 0, false},
	OpDeallocate:        {"deallocate", 1, 0, false},
	OpReturn:            {"return", 0, 0, false},
	OpSend:              {"send", 0, 0, false},
	OpRemoveMessage:     {"remove_message", 0, 0, false},
	OpTimeout:           {"timeout", 0, 0, false},
	OpLoopRec:           {"loop_rec", 2, 0, false},
	OpLoopRecEnd:        {"loop_rec_end", 1, 0, false},
	OpWait:              {"wait", 1, 0, false},
	OpWaitTimeout:       {"wait_timeout", 2, 0, false},
	OpMPlus:             {"m_plus", 4, 0, true},
	OpMMinus:            {"m_minus", 4, 0, true},
	OpMTimes:            {"m_times", 4, 0, true},
	OpMDiv:              {"m_div", 4, 0, true},
	OpIntDiv:            {"int_div", 4, 0, true},
	OpIntRem:            {"int_rem", 4, 0, true},
	OpIntBand:           {"int_band", 4, 0, true},
	OpIntBor:            {"int_bor", 4, 0, true},
	OpIntBxor:           {"int_bxor", 4, 0, true},
	OpIntBsl:            {"int_bsl", 4, 0, true},
	OpIntBsr:            {"int_bsr", 4, 0, true},
	OpIntBnot:           {"int_bnot", 3, 0, true},
	OpIsLt:              {"is_lt", 3, 0, false},
	OpIsGe:              {"is_ge", 3, 0, false},
	OpIsEq:              {"is_eq", 3, 0, false},
	OpIsNe:              {"is_ne", 3, 0, false},
	OpIsEqExact:         {"is_eq_exact", 3, 0, false},
	OpIsNeExact:         {"is_ne_exact", 3, 0, false},
	OpIsInteger:         {"is_integer", 2, 0, false},
	OpIsFloat:           {"is_float", 2, 0, false},
	OpIsNumber:          {"is_number", 2, 0, false},
	OpIsAtom:            {"is_atom", 2, 0, false},
	OpIsPid:             {"is_pid", 2, 0, false},
	OpIsReference:       {"is_reference", 2, 0, false},
	OpIsPort:            {"is_port", 2, 0, false},
	OpIsNil:             {"is_nil", 2, 0, false},
	OpIsBinary:          {"is_binary", 2, 0, false},
	OpIsConstant:        {"is_constant", 2, 0, true},
	OpIsList:            {"is_list", 2, 0, false},
	OpIsNonemptyList:    {"is_nonempty_list", 2, 0, false},
	OpIsTuple:           {"is_tuple", 2, 0, false},
	OpTestArity:         {"test_arity", 3, 0, false},
	OpSelectVal:         {"select_val", 3, 0, false},
	OpSelectTupleArity:  {"select_tuple_arity", 3, 0, false},
	OpJump:              {"jump", 1, 0, false},
	OpCatch:             {"catch", 2, 0, false},
	OpCatchEnd:          {"catch_end", 1, 0, false},
	OpMove:              {"move", 2, 0, false},
	OpGetList:           {"get_list", 3, 0, false},
	OpGetTupleElement:   {"get_tuple_element", 3, 0, false},
	OpSetTupleElement:   {"set_tuple_element", 3, 0, false},
	OpPutString:         {"put_string", 3, 0, true},
	OpPutList:           {"put_list", 3, 0, false},
	OpPutTuple:          {"put_tuple", 2, 0, true},
	OpPut:               {"put", 1, 0, true},
	OpBadmatch:          {"badmatch", 1, 0, false},
	OpIfEnd:             {"if_end", 0, 0, false},
	OpCaseEnd:           {"case_end", 1, 0, false},
	OpCallFun:           {"call_fun", 1, 0, false},
	OpMakeFun:           {"make_fun", 3, 0, true},
	OpIsFunction:        {"is_function", 2, 0, false},
	OpCallExtOnly:       {"call_ext_only", 2, 5, false},
	OpBsStartMatch:      {"bs_start_match", 2, 7, true},
	OpBsGetInteger:      {"bs_get_integer", 5, 7, true},
	OpBsGetFloat:        {"bs_get_float", 5, 7, true},
	OpBsGetBinary:       {"bs_get_binary", 5, 7, true},
	OpBsSkipBits:        {"bs_skip_bits", 4, 7, true},
	OpBsTestTail:        {"bs_test_tail", 2, 7, true},
	OpBsSave:            {"bs_save", 1, 7, true},
	OpBsRestore:         {"bs_restore", 1, 7, true},
	OpBsInit:            {"bs_init", 2, 7, true},
	OpBsFinal:           {"bs_final", 2, 7, true},
	OpBsPutInteger:      {"bs_put_integer", 5, 7, false},
	OpBsPutBinary:       {"bs_put_binary", 5, 7, false},
	OpBsPutFloat:        {"bs_put_float", 5, 7, false},
	OpBsPutString:       {"bs_put_string", 2, 7, false},
	OpBsNeedBuf:         {"bs_need_buf", 1, 7, true},
	OpFclearerror:       {"fclearerror", 0, 8, false},
	OpFcheckerror:       {"fcheckerror", 1, 8, false},
	OpFmove:             {"fmove", 2, 8, false},
	OpFconv:             {"fconv", 2, 8, false},
	OpFadd:              {"fadd", 4, 8, false},
	OpFsub:              {"fsub", 4, 8, false},
	OpFmul:              {"fmul", 4, 8, false},
	OpFdiv:              {"fdiv", 4, 8, false},
	OpFnegate:           {"fnegate", 3, 8, false},
	OpMakeFun2:          {"make_fun2", 1, 8, true},
	OpTry:               {"try", 2, 10, false},
	OpTryEnd:            {"try_end", 1, 10, false},
	OpTryCase:           {"try_case", 1, 10, false},
	OpTryCaseEnd:        {"try_case_end", 1, 10, false},
	OpRaise:             {"raise", 2, 10, false},
	OpBsInit2:           {"bs_init2", 6, 10, false},
	OpBsBitsToBytes:     {"bs_bits_to_bytes", 3, 10, true},
	OpBsAdd:             {"bs_add", 5, 10, false},
	OpApply:             {"apply", 1, 10, false},
	OpApplyLast:         {"apply_last", 2, 10, false},
	OpIsBoolean:         {"is_boolean", 2, 10, false},
	OpIsFunction2:       {"is_function2", 3, 10, false},
	OpBsStartMatch2:     {"bs_start_match2", 5, 11, true},
	OpBsGetInteger2:     {"bs_get_integer2", 7, 11, false},
	OpBsGetFloat2:       {"bs_get_float2", 7, 11, false},
	OpBsGetBinary2:      {"bs_get_binary2", 7, 11, false},
	OpBsSkipBits2:       {"bs_skip_bits2", 5, 11, false},
	OpBsTestTail2:       {"bs_test_tail2", 3, 11, false},
	OpBsSave2:           {"bs_save2", 2, 11, true},
	OpBsRestore2:        {"bs_restore2", 2, 11, true},
	OpGcBif1:            {"gc_bif1", 5, 11, false},
	OpGcBif2:            {"gc_bif2", 6, 11, false},
	OpBsFinal2:          {"bs_final2", 2, 11, true},
	OpBsBitsToBytes2:    {"bs_bits_to_bytes2", 2, 11, true},
	OpPutLiteral:        {"put_literal", 2, 11, true},
	OpIsBitstr:          {"is_bitstr", 2, 11, false},
	OpBsContextToBinary: {"bs_context_to_binary", 1, 12, true},
	OpBsTestUnit:        {"bs_test_unit", 3, 12, false},
	OpBsMatchString:     {"bs_match_string", 4, 12, false},
	OpBsInitWritable:    {"bs_init_writable", 0, 12, false},
	OpBsAppend:          {"bs_append", 8, 12, false},
	OpBsPrivateAppend:   {"bs_private_append", 6, 12, false},
	OpTrim:              {"trim", 2, 12, false},
	OpBsInitBits:        {"bs_init_bits", 6, 12, false},
	OpBsGetUtf8:         {"bs_get_utf8", 5, 12, false},
	OpBsSkipUtf8:        {"bs_skip_utf8", 4, 12, false},
	OpBsGetUtf16:        {"bs_get_utf16", 5, 12, false},
	OpBsSkipUtf16:       {"bs_skip_utf16", 4, 12, false},
	OpBsGetUtf32:        {"bs_get_utf32", 5, 12, false},
	OpBsSkipUtf32:       {"bs_skip_utf32", 4, 12, false},
	OpBsUtf8Size:        {"bs_utf8_size", 3, 12, false},
	OpBsPutUtf8:         {"bs_put_utf8", 3, 12, false},
	OpBsUtf16Size:       {"bs_utf16_size", 3, 12, false},
	OpBsPutUtf16:        {"bs_put_utf16", 3, 12, false},
	OpBsPutUtf32:        {"bs_put_utf32", 3, 12, false},
	OpOnLoad:            {"on_load", 0, 13, false},
	OpRecvMark:          {"recv_mark", 1, 14, true},
	OpRecvSet:           {"recv_set", 1, 14, true},
	OpGcBif3:            {"gc_bif3", 7, 14, false},
	OpLine:              {"line", 1, 15, false},
	OpPutMapAssoc:       {"put_map_assoc", 5, 17, false},
	OpPutMapExact:       {"put_map_exact", 5, 17, false},
	OpIsMap:             {"is_map", 2, 17, false},
	OpHasMapFields:      {"has_map_fields", 3, 17, false},
	OpGetMapElements:    {"get_map_elements", 3, 17, false},
	OpIsTaggedTuple:     {"is_tagged_tuple", 4, 20, false},
	OpBuildStacktrace:   {"build_stacktrace", 0, 21, false},
	OpRawRaise:          {"raw_raise", 0, 21, false},
	OpGetHd:             {"get_hd", 2, 21, false},
	OpGetTl:             {"get_tl", 2, 21, false},
	OpPutTuple2:         {"put_tuple2", 2, 22, false},
	OpBsGetTail:         {"bs_get_tail", 3, 22, false},
	OpBsStartMatch3:     {"bs_start_match3", 4, 22, false},
	OpBsGetPosition:     {"bs_get_position", 3, 22, false},
	OpBsSetPosition:     {"bs_set_position", 2, 22, false},
	OpSwap:              {"swap", 2, 23, false},
	OpBsStartMatch4:     {"bs_start_match4", 4, 23, false},
	OpMakeFun3:          {"make_fun3", 3, 24, false},
	OpInitYregs:         {"init_yregs", 1, 24, false},
	OpRecvMarkerBind:    {"recv_marker_bind", 2, 24, false},
	OpRecvMarkerClear:   {"recv_marker_clear", 1, 24, false},
	OpRecvMarkerReserve: {"recv_marker_reserve", 1, 24, false},
	OpRecvMarkerUse:     {"recv_marker_use", 1, 24, false},
	OpBsCreateBin:       {"bs_create_bin", 6, 25, false},
	OpCallFun2:          {"call_fun2", 3, 25, false},
	OpNifStart:          {"nif_start", 0, 25, false},
	OpBadRecord:         {"badrecord", 1, 25, false},
	OpUpdateRecord:      {"update_record", 5, 26, false},
	OpBsMatch:           {"bs_match", 3, 26, false},
	OpExecutableLine:    {"executable_line", 2, 27, false},
	OpDebugLine:         {"debug_line", 4, 28, false},
}

// opByName maps genop names back to opcodes; built once from opTable.
var opByName = func() map[string]Opcode {
	m := make(map[string]Opcode, len(opTable))
	for op := Opcode(1); op <= MaxOpcode; op++ {
		m[opTable[op].Name] = op
	}
	return m
}()

// Valid reports whether op is a known opcode.
func (op Opcode) Valid() bool { return op >= 1 && op <= MaxOpcode }

// Info returns the table row for op; the zero OpInfo if op is unknown.
func (op Opcode) Info() OpInfo {
	if !op.Valid() {
		return OpInfo{}
	}
	return opTable[op]
}

// String returns the genop name, or "opcode(N)" for an unknown opcode.
func (op Opcode) String() string {
	if !op.Valid() {
		return "opcode(" + itoa(int64(op)) + ")"
	}
	return opTable[op].Name
}

// Arity returns the number of operands of op, or -1 if op is unknown.
func (op Opcode) Arity() int {
	if !op.Valid() {
		return -1
	}
	return opTable[op].Arity
}

// Lookup finds an opcode by its genop name.
func Lookup(name string) (Opcode, bool) {
	op, ok := opByName[name]
	return op, ok
}

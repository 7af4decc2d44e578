package beam

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// corpusDir is the shared corpus of real Gleam/OTP 28 output. It lives
// next to the repository and is never copied into it.
func corpusDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpus not present at %s (it sits next to the repository in CI): %v", dir, err)
	}
	return dir
}

// corpusFiles lists every .beam under the corpus, sorted.
func corpusFiles(t testing.TB) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(corpusDir(t), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".beam") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

const malformedName = "malformed_not_beam.beam"

// otpLibDir asks the local erl where OTP's libraries are.
func otpLibDir(t testing.TB) string {
	t.Helper()
	if _, err := exec.LookPath("erl"); err != nil {
		t.Skip("erl not on PATH; install Erlang/OTP (Debian: erlang-base) to run this test")
	}
	out, err := exec.Command("erl", "-noshell", "-eval", `io:format("~s",[code:lib_dir()]),halt().`).Output()
	if err != nil {
		t.Fatalf("erl: %v", err)
	}
	return strings.TrimSpace(string(out))
}

func otpFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(otpLibDir(t), "*", "ebin", "*.beam"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no OTP .beam files found: %v", err)
	}
	sort.Strings(files)
	return files
}

// tinyModule builds a minimal valid module by hand:
//
//	-module(m). -export([f/0]). f() -> ok.
//
// It lets tests and the fuzzer run without any external files.
func tinyModule() []byte {
	be := func(vs ...uint32) []byte {
		var b []byte
		for _, v := range vs {
			b = append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
		}
		return b
	}
	chunkOf := func(id string, data []byte) []byte {
		b := append([]byte(id), be(uint32(len(data)))...)
		b = append(b, data...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		return b
	}
	atoms := append(be(3), 1, 'm', 1, 'f', 2, 'o', 'k')
	code := be(16, 0, uint32(OpReturn), 3, 1)
	code = append(code,
		byte(OpLabel), 0x10, // label 1
		byte(OpFuncInfo), 0x12, 0x22, 0x00, // func_info m f 0
		byte(OpLabel), 0x20, // label 2
		byte(OpMove), 0x32, 0x03, // move ok x0
		byte(OpReturn),
		byte(OpIntCodeEnd))
	body := []byte("BEAM")
	body = append(body, chunkOf("AtU8", atoms)...)
	body = append(body, chunkOf("Code", code)...)
	body = append(body, chunkOf("StrT", nil)...)
	body = append(body, chunkOf("ImpT", be(0))...)
	body = append(body, chunkOf("ExpT", be(1, 2, 0, 2))...)
	return append(append([]byte("FOR1"), be(uint32(len(body)))...), body...)
}

package beam

import (
	"os"
	"testing"
)

// BenchmarkDecodeOTP decodes every .beam of the local OTP install per
// iteration and reports files/s and MB/s.
func BenchmarkDecodeOTP(b *testing.B) {
	files := otpFiles(b)
	datas := make([][]byte, len(files))
	total := 0
	for i, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		datas[i] = d
		total += len(d)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, d := range datas {
			if _, err := Parse(files[i], d); err != nil {
				b.Fatal(err)
			}
		}
	}
	secs := b.Elapsed().Seconds()
	if secs > 0 {
		b.ReportMetric(float64(b.N*len(datas))/secs, "files/s")
		b.ReportMetric(float64(b.N)*float64(total)/1e6/secs, "MB/s")
	}
}

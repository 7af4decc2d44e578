package boot

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTimeEntry(t *testing.T) {
	path := filepath.Join(t.TempDir(), "entry-time")
	t.Setenv(EntryTimeEnv, path)
	stop := timeEntry()
	time.Sleep(5 * time.Millisecond)
	stop()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(string(data), "\n"), "one line")
	ns, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, ns, int64(5*time.Millisecond))

	// Unset: nothing is written.
	t.Setenv(EntryTimeEnv, "")
	require.NoError(t, os.Remove(path))
	timeEntry()()
	assert.NoFileExists(t, path)
}

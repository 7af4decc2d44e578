package deflate

// longestMatch follows the hash chain from cur and returns the length of
// the longest match for the string at strstart (setting matchStart), as
// zlib's longest_match does: candidates are checked at the current best
// length first; the third byte is not compared (the hash implies it);
// bytes past the data count while searching, and only the result is cut
// to the lookahead.
func (d *deflater) longestMatch(cur int) int {
	w := d.window
	chain := d.cfg.chain
	scan := d.strstart
	best := d.prevLength
	nice := d.cfg.nice
	limit := 0
	if d.strstart > maxDist {
		limit = d.strstart - maxDist
	}
	if d.prevLength >= d.cfg.good {
		chain >>= 2
	}
	if nice > d.lookahead {
		nice = d.lookahead
	}
	end1, end := w[scan+best-1], w[scan+best]
	for {
		m := cur
		if w[m+best] == end && w[m+best-1] == end1 && w[m] == w[scan] && w[m+1] == w[scan+1] {
			n := 3
			for n < maxMatch && w[scan+n] == w[m+n] {
				n++
			}
			if n > best {
				d.matchStart = cur
				best = n
				if n >= nice {
					break
				}
				end1, end = w[scan+best-1], w[scan+best]
			}
		}
		cur = int(d.prev[cur&wMask])
		if cur <= limit {
			break
		}
		if chain--; chain == 0 {
			break
		}
	}
	return min(best, d.lookahead)
}

// advance refills the window when the lookahead runs low and inserts the
// current position in the hash chains, returning the chain's previous
// head (0: none); done says that no input is left.
func (d *deflater) advance() (head int, done bool) {
	if d.lookahead < minLookahead {
		d.fillWindow()
		if d.lookahead == 0 {
			return 0, true
		}
	}
	if d.lookahead >= minMatch {
		head = d.insert(d.strstart)
	}
	return head, false
}

// deflateSlow is zlib's deflate_slow (levels 4 to 9): a match is emitted
// only if the match at the next byte is not longer.
func (d *deflater) deflateSlow() {
	for {
		head, done := d.advance()
		if done {
			break
		}
		d.prevLength, d.prevMatch = d.matchLength, d.matchStart
		d.matchLength = minMatch - 1
		if head != 0 && d.prevLength < d.cfg.maxLazy && d.strstart-head <= maxDist {
			d.matchLength = d.longestMatch(head)
			if d.matchLength == minMatch && d.strstart-d.matchStart > tooFar {
				d.matchLength = minMatch - 1
			}
		}
		switch {
		case d.prevLength >= minMatch && d.matchLength <= d.prevLength:
			maxInsert := d.strstart + d.lookahead - minMatch
			full := d.tallyMatch(d.strstart-1-d.prevMatch, d.prevLength)
			// The match started at the previous byte, whose string is in
			// the hash already; insert the rest.
			d.lookahead -= d.prevLength - 1
			for n := d.prevLength - 2; n > 0; n-- {
				if d.strstart++; d.strstart <= maxInsert {
					d.insert(d.strstart)
				}
			}
			d.matchAvailable = false
			d.matchLength = minMatch - 1
			d.strstart++
			if full {
				d.flushBlock(false)
			}
		case d.matchAvailable:
			if d.tallyLit(d.window[d.strstart-1]) {
				d.flushBlock(false)
			}
			d.strstart++
			d.lookahead--
		default:
			d.matchAvailable = true
			d.strstart++
			d.lookahead--
		}
	}
	if d.matchAvailable {
		d.tallyLit(d.window[d.strstart-1])
		d.matchAvailable = false
	}
	d.flushBlock(true)
}

// deflateFast is zlib's deflate_fast (levels 1 to 3): every match found
// is taken.
func (d *deflater) deflateFast() {
	for {
		head, done := d.advance()
		if done {
			break
		}
		if head != 0 && d.strstart-head <= maxDist {
			d.matchLength = d.longestMatch(head)
		}
		var full bool
		if d.matchLength >= minMatch {
			full = d.tallyMatch(d.strstart-d.matchStart, d.matchLength)
			d.lookahead -= d.matchLength
			if d.matchLength <= d.cfg.maxLazy && d.lookahead >= minMatch {
				for n := d.matchLength - 1; n > 0; n-- {
					d.strstart++
					d.insert(d.strstart)
				}
				d.strstart++
			} else {
				d.strstart += d.matchLength
			}
			d.matchLength = 0
		} else {
			full = d.tallyLit(d.window[d.strstart])
			d.lookahead--
			d.strstart++
		}
		if full {
			d.flushBlock(false)
		}
	}
	d.flushBlock(true)
}

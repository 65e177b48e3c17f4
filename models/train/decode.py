"""BIO-constrained Viterbi decoding (an I-X only after B-X or I-X) and span extraction; the same
rules as the engine's TypeScript decoder, so dev scores here predict what the CLI measures."""
import numpy as np


def transitions(labels):
    n = len(labels); allowed = np.zeros((n, n), bool); start = np.ones(n, bool)
    for j, b in enumerate(labels):
        if b.startswith("I-"):
            start[j] = False
        for i, a in enumerate(labels):
            allowed[i, j] = not b.startswith("I-") or a[2:] == b[2:]
    return np.where(allowed, 0.0, -1e9), np.where(start, 0.0, -1e9)


_cache = {}


def viterbi(logp, labels):
    key = tuple(labels)
    if key not in _cache:
        _cache[key] = transitions(labels)
    trans, start = _cache[key]
    T, n = logp.shape
    if T == 0:
        return []
    score = logp[0] + start; back = np.zeros((T, n), np.int64)
    for t in range(1, T):
        cand = score[:, None] + trans
        back[t] = cand.argmax(0); score = cand.max(0) + logp[t]
    path = [int(score.argmax())]
    for t in range(T - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def spans(labels):
    """IOB2 word labels -> {(start_word, end_word_exclusive, type)}; a stray I- starts a span."""
    out, cur = [], None
    for i, l in enumerate(labels + ["O"]):
        if cur and (l == "O" or l.startswith("B-") or l[2:] != cur[2]):
            out.append((cur[0], i, cur[2])); cur = None
        if l != "O" and cur is None:
            cur = [i, None, l[2:]]
    return set(out)

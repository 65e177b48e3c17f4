"""Learns a WordPiece vocabulary from the pre-training text: byte-pair-style merges over word
counts (what the HF WordPiece trainer does), written in WordPiece form ('##' continuations).
usage: /usr/bin/python3 build_vocab.py TEXT.txt VOCAB.txt [SIZE]"""
import collections, heapq, sys, time
from text import SPECIALS, basic_tokenize, is_punct

src, out = sys.argv[1], sys.argv[2]
size = int(sys.argv[3]) if len(sys.argv) > 3 else 16000
t0 = time.time()
counts = collections.Counter()
for line in open(src, encoding="utf-8"):
    counts.update(basic_tokenize(line))
words = [(w, c) for w, c in counts.items() if c >= 2 and len(w) <= 40]
chars = sorted({ch for w, _ in counts.items() for ch in w if counts[w] >= 2} |
               {chr(c) for c in range(33, 127) if not chr(c).isupper()})
alphabet = list(chars) + ["##" + c for c in chars if not is_punct(c)]
vocab = list(SPECIALS) + alphabet
have = set(vocab)

# each word as a list of symbols: first char plain, the rest '##'-prefixed
syms = [[w[0]] + ["##" + ch for ch in w[1:]] for w, _ in words]
freq = [c for _, c in words]
pairs = collections.Counter(); where = collections.defaultdict(set)
for i, s in enumerate(syms):
    for a, b in zip(s, s[1:]):
        pairs[(a, b)] += freq[i]; where[(a, b)].add(i)

def merged(a, b):
    return a + b[2:]

heap = [(-n, p) for p, n in pairs.items()]
heapq.heapify(heap)
while len(vocab) < size and heap:
    n, (a, b) = heapq.heappop(heap)
    if -n != pairs.get((a, b), 0):        # stale entry: the count changed since it was pushed
        continue
    if -n < 2:
        break
    new = merged(a, b)
    touched = set()
    for i in list(where[(a, b)]):
        s = syms[i]; f = freq[i]
        for x, y in zip(s, s[1:]):
            pairs[(x, y)] -= f; where[(x, y)].discard(i); touched.add((x, y))
        j, t = 0, []
        while j < len(s):
            if j + 1 < len(s) and s[j] == a and s[j + 1] == b:
                t.append(new); j += 2
            else:
                t.append(s[j]); j += 1
        syms[i] = t
        for x, y in zip(t, t[1:]):
            pairs[(x, y)] += f; where[(x, y)].add(i); touched.add((x, y))
    del pairs[(a, b)]; where.pop((a, b), None)
    for p in touched:
        if p in pairs and pairs[p] > 0:
            heapq.heappush(heap, (-pairs[p], p))
    if new not in have:
        vocab.append(new); have.add(new)
open(out, "w", encoding="utf-8").write("\n".join(vocab) + "\n")
print(f"{len(vocab)} pieces from {len(words)} word types in {time.time() - t0:.0f}s -> {out}")

"""BERT text handling shared by every training step: the BertNormalizer + BertPreTokenizer
behaviour of tokenizers.js (so Python features match what the engine computes in TypeScript),
greedy WordPiece, and the gazetteer matcher whose features feed token_type_ids."""
import re
import unicodedata

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
GAZETTEER_MAX_WORDS = 6   # longest gazetteer key, in words (config.json: biolens.gazetteerMaxWords)


def _is_whitespace(ch):
    return ch in (" ", "\t", "\n", "\r") or unicodedata.category(ch) == "Zs"


def _is_control(ch):
    return ch not in ("\t", "\n", "\r") and unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs")


def is_punct(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2CEAF or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def _norm_char(ch):
    return "".join(c for c in unicodedata.normalize("NFD", ch.lower()) if unicodedata.category(c) != "Mn")


def basic_words(text):
    """Words as the tokenizer sees them (normalised), with [start, end) offsets into text."""
    words, cur, cs, ce = [], [], -1, -1
    def flush():
        nonlocal cur
        if cur:
            words.append(("".join(cur), cs, ce))
        cur = []
    for i, ch in enumerate(text):
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or _is_control(ch):
            continue
        if _is_whitespace(ch):
            flush(); continue
        n = _norm_char(ch)
        if is_punct(ch) or _is_cjk(cp):
            flush(); words.append((n, i, i + 1)); continue
        if not n:
            if cur:
                ce = i + 1
            continue
        if not cur:
            cs = i
        cur.append(n); ce = i + 1
    flush()
    return words


def basic_tokenize(text):
    return [w for w, _, _ in basic_words(text)]


def wordpiece(word, vocab, max_chars=100):
    if len(word) > max_chars:
        return ["[UNK]"]
    pieces, start = [], 0
    while start < len(word):
        end, cur = len(word), None
        while start < end:
            sub = word[start:end] if start == 0 else "##" + word[start:end]
            if sub in vocab:
                cur = sub
                break
            end -= 1
        if cur is None:
            return ["[UNK]"]
        pieces.append(cur)
        start = end
    return pieces


def american(word):
    """haemorrhage -> hemorrhage, oedema -> edema, tumour -> tumor: as src/engine/spelling.ts."""
    if len(word) < 5:
        return word
    word = re.sub(r"(?:ae|oe)(?=[^\W\d_])", "e", word)
    return re.sub(r"isation$", "ization", re.sub(r"yse$", "yze", re.sub(r"our$", "or", word)))


def gazetteer_features(words, gaz, max_words):
    """Per-word bitmask: for each start, the longest gazetteer key beginning there marks its words;
    a key the gazetteer lacks is tried again spelt the American way ("hyperkalaemia").
    Must stay identical to src/engine's TypeScript implementation (gazetteer.ts)."""
    feat = [0] * len(words)
    for i in range(len(words)):
        for n in range(min(max_words, len(words) - i), 0, -1):
            key = " ".join(words[i:i + n])
            mask = gaz.get(key)
            if not mask:
                other = " ".join(american(w) for w in words[i:i + n])
                mask = gaz.get(other) if other != key else None
            if mask:
                for k in range(i, i + n):
                    feat[k] |= mask
                break
    return feat


def encode_words(words, vocab, gaz):
    """Piece ids, each piece's gazetteer mask and the index of its word: the model input the
    engine builds for a sentence, before [CLS]/[SEP]."""
    feats = gazetteer_features(words, gaz, GAZETTEER_MAX_WORDS)
    ids, masks, owner = [], [], []
    for i, (w, f) in enumerate(zip(words, feats)):
        for p in wordpiece(w, vocab):
            ids.append(vocab[p]); masks.append(f); owner.append(i)
    return ids, masks, owner


def load_gazetteer(path):
    gaz = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, mask = line.rstrip("\n").split("\t")
            gaz[key] = int(mask)
    return gaz

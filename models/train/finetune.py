"""Fine-tunes the pre-trained encoder for token classification of Chemical, Disease, Gene,
Species, CellLine and CellType on the train splits of BC5CDR, NCBI-disease, BC2GM, JNLPBA,
linnaeus and s800 together, selecting on their dev splits.

Each corpus annotates only some types. A word a corpus labels O may still be an entity of a type
that corpus does not annotate (a drug in BC2GM), so its loss is the marginal likelihood of
{O} plus every label of the corpus's unannotated types, never plain O.
usage: /usr/bin/python3 finetune.py --init work/pretrain.pt --minutes 35 --out work/ner.pt"""
import argparse, json, os, random, re, time
import numpy as np, torch, torch.nn.functional as F
import corpora
from corpora import LABELS, L2I, TYPES
from model import CONFIG, TokenClassifier
from text import encode_words, load_gazetteer
from decode import viterbi, spans

ap = argparse.ArgumentParser()
ap.add_argument("--init", help="pre-trained checkpoint (omit: random init)")
ap.add_argument("--vocab", default="work/vocab.txt"); ap.add_argument("--gazetteer", default="work/gazetteer.tsv")
ap.add_argument("--out", required=True); ap.add_argument("--minutes", type=float, default=35)
ap.add_argument("--lr", type=float, default=5e-4); ap.add_argument("--batch", type=int, default=32)
ap.add_argument("--eval-every", type=float, default=7, help="minutes between dev evaluations")
ap.add_argument("--threads", type=int, default=2); ap.add_argument("--feature-dropout", type=float, default=0.2)
ap.add_argument("--no-gazetteer", action="store_true")
ap.add_argument("--weak", action="append", default=[], metavar="CORPUS:TYPE",
                help="that corpus's mentions of TYPE are partial labels (the type or O): its notion of the type is wider than the others'")
ap.add_argument("--weak-generic-only", action="store_true",
                help="--weak applies only to generic mentions (all words lowercase, no digit: 'promoter', 'cytokines'); "
                     "named ones ('IL-2', 'STAT5', 'c-Rel') keep their full label")
ap.add_argument("--repeat", action="append", default=[], metavar="CORPUS:N",
                help="use a corpus's training sentences N times per pass (e.g. ncbi:2): more weight to its conventions")
ap.add_argument("--extra", action="append", default=[], metavar="CORPUS",
                help="also train on a corpus of corpora.EXTRA_SPECS, its mentions only (its O words allow any label)")
ap.add_argument("--corpus-heads", action="store_true",
                help="one output layer per training corpus over the shared encoder (each learns its corpus's conventions); "
                     "export.py exports them as type heads (compose_heads.py: one composed layer instead)")
ap.add_argument("--seed", type=int, default=0, help="order of the sentences, dropout, the new head's initial weights")
ap.add_argument("--dev-limit", type=int, default=0, help="smoke tests: first N dev sentences per corpus")
ap.add_argument("--save-rounds", action="store_true", help="also keep every evaluation round's weights (OUT-roundK.pt), for average.py")
args = ap.parse_args()
torch.set_num_threads(args.threads); random.seed(args.seed); torch.manual_seed(args.seed)

vocab = {l.rstrip("\n"): i for i, l in enumerate(open(args.vocab, encoding="utf-8"))}
gaz = {} if args.no_gazetteer else load_gazetteer(args.gazetteer)
CLS, SEP, PAD = vocab["[CLS]"], vocab["[SEP]"], vocab["[PAD]"]
MAXP = 126
KEEP_EMPTY = {"linnaeus": 0.3, "s800": 0.5}      # mostly entity-free sentences: keep a share
KEEP = {"jnlpba": 0.6}
REPEAT = {c: int(n) for c, n in (r.split(":") for r in args.repeat)}
assert set(REPEAT) <= set(corpora.SPECS) | set(args.extra), f"--repeat: unknown corpus in {sorted(REPEAT)}"
assert set(args.extra) <= set(corpora.EXTRA_SPECS), f"--extra: unknown corpus in {sorted(args.extra)}"


NUCLEIC_ACID = re.compile(r"^(?:[mcrt]|sn|mi)?(?:RNA|DNA)s?$")


def named_words(words, labels):
    """Per word (as written, not normalised): whether it belongs to a mention with a name in it,
    not only generic words. A word with a digit or a capital letter after its first character
    ("IL-2", "STAT5", "p65"), or a capitalised word after the sentence's first ("c-Rel"), makes the
    whole mention named; "mRNA" or "DNA" does not (BC2GM leaves a lone "mRNA" out more often than not)."""
    named, start = [False] * len(words), None
    def names(k, w):
        return not NUCLEIC_ACID.match(w) and (any(ch.isdigit() for ch in w) or any(ch.isupper() for ch in w[1:])
                                              or (k > 0 and w[:1].isupper()))
    def close(end):
        if start is not None and any(names(k, w) for k, w in enumerate(words[start:end], start)):
            named[start:end] = [True] * (end - start)
    for k, l in enumerate(labels + ["O"]):
        if l == "O" or l.startswith("B-"):
            close(k); start = k if l.startswith("B-") else None
    return named


def encode(sent):
    """-> list of chunks (piece ids, gazetteer masks, labels, is-first-piece-of-its-word, is-in-a-named-mention)."""
    ids, ft, owner = encode_words(sent["words"], vocab, gaz)
    named = named_words(sent["surfaces"], sent["labels"])
    labs, first, strong = [], [], []
    for k, wi in enumerate(owner):
        l = sent["labels"][wi]
        is_first = k == 0 or owner[k - 1] != wi
        labs.append(L2I[l] if is_first or l == "O" else L2I["I-" + l[2:]])
        first.append(is_first)
        strong.append(named[wi] and args.weak_generic_only)
    chunks = []
    for s in range(0, max(1, len(ids)), MAXP):
        chunks.append((ids[s:s + MAXP], ft[s:s + MAXP], labs[s:s + MAXP], first[s:s + MAXP], strong[s:s + MAXP]))
    return chunks


def weak_labels(corpus):
    """Labels that also allow O in `corpus` (--weak): JNLPBA labels generic DNA and protein terms
    ("promoter", "transcription factors") that BC2GM, the gene corpus, leaves out."""
    row = np.zeros(len(LABELS), bool)
    for spec in args.weak:
        c, _, t = spec.partition(":")
        if c == corpus:
            row[L2I["B-" + t]] = row[L2I["I-" + t]] = True
    return row


def allowed_for_o(annotated):
    row = np.zeros(len(LABELS), bool); row[0] = True
    for t in TYPES:
        if t not in annotated:
            row[L2I["B-" + t]] = row[L2I["I-" + t]] = True
    return row


CORPUS_IDS = {c: i for i, c in enumerate([*corpora.SPECS, *args.extra])}
train = []
for c in [*corpora.SPECS, *args.extra]:
    sents, annotated = corpora.load(c, "train")
    # An extra corpus's O words may be anything: its conventions differ from the evaluated ones.
    o_row = (allowed_for_o([] if c in args.extra else annotated), weak_labels(c), CORPUS_IDS[c])
    rng = random.Random(c)
    for s in sents:
        empty = all(l == "O" for l in s["labels"])
        if rng.random() > KEEP.get(c, 1.0) or (empty and rng.random() > KEEP_EMPTY.get(c, 1.0)):
            continue
        if empty and c in args.extra:   # nothing to learn from: all its words allow any label
            continue
        for ch in encode(s):
            if ch[0]:
                train.extend([(ch, o_row)] * REPEAT.get(c, 1))
print(f"{len(train)} training sequences, {sum(len(c[0]) for c, _ in train)} pieces", flush=True)

DEV = {}
for c in ("bc5cdr", "ncbi", "bc2gm", "linnaeus", "s800", "jnlpba"):
    sents, annotated = corpora.load(c, "dev")
    DEV[c] = (sents[:args.dev_limit] if args.dev_limit else sents, annotated)


def batch_tensors(items, feature_dropout=0.0):
    n = max(len(c[0]) for c, _ in items) + 2
    B = len(items)
    ids = np.full((B, n), PAD, np.int64); tt = np.zeros((B, n), np.int64); mask = np.zeros((B, n), np.int64)
    lab = np.full((B, n), -100, np.int64); allow = np.ones((B, n, len(LABELS)), bool)
    for b, ((i, f, l, _, strong), (o_row, weak, *_)) in enumerate(items):
        k = len(i)
        ids[b, 0] = CLS; ids[b, 1:k + 1] = i; ids[b, k + 1] = SEP; mask[b, :k + 2] = 1
        if random.random() >= feature_dropout:
            tt[b, 1:k + 1] = f
        lab[b, 1:k + 1] = l
        la = np.array(l)
        allow[b, 1:k + 1][la == 0] = o_row
        onehot = np.zeros((k, len(LABELS)), bool); onehot[np.arange(k), la] = True
        onehot[weak[la] & ~np.array(strong, bool), 0] = True   # a weak label: that type or O
        allow[b, 1:k + 1][la != 0] = onehot[la != 0]
    t = torch.from_numpy
    return t(ids), t(mask), t(tt), t(lab), t(allow)


def partial_loss(logits, lab, allow):
    valid = lab != -100
    lg = logits[valid]; al = allow[valid]
    return (torch.logsumexp(lg, -1) - torch.logsumexp(lg.masked_fill(~al, -1e4), -1)).mean()


def predict_words(model, sents, bs=64, corpus=None):
    """Word-level label ids per sentence: first piece's log-probs, BIO-constrained Viterbi."""
    model.eval(); out = [None] * len(sents)
    enc = [(i, encode(s)) for i, s in enumerate(sents)]
    order = sorted(range(len(enc)), key=lambda i: sum(len(c[0]) for c in enc[i][1]))
    with torch.no_grad():
        for b0 in range(0, len(order), bs):
            idx = order[b0:b0 + bs]
            items, owners = [], []
            for i in idx:
                for ch in enc[i][1]:
                    items.append((ch, None)); owners.append(i)
            none = np.zeros(len(LABELS), bool)
            ids, mask, tt, _, _ = batch_tensors([(c, (none, none)) for c, _ in items])
            heads = None if corpus is None or not args.corpus_heads else torch.full((len(items),), CORPUS_IDS[corpus])
            lp = F.log_softmax(model(ids, mask, tt, heads) if heads is not None else model(ids, mask, tt), -1).numpy()
            rows = {}
            for r, (i, (ch, _)) in enumerate(zip(owners, items)):
                firsts = [k for k, fflag in enumerate(ch[3]) if fflag]
                rows.setdefault(i, []).append(lp[r, 1:len(ch[0]) + 1][firsts])
            for i, parts in rows.items():
                out[i] = viterbi(np.concatenate(parts), LABELS)
    model.train()
    return out


def evaluate(model):
    res = {}
    for c, (sents, annotated) in DEV.items():
        pred = predict_words(model, sents, corpus=c)
        tp = fp = fn = 0
        for s, p in zip(sents, pred):
            g = {x for x in spans(s["labels"]) if x[2] in annotated}
            q = {x for x in spans([LABELS[j] for j in p]) if x[2] in annotated}
            tp += len(g & q); fp += len(q - g); fn += len(g - q)
        pr = tp / max(tp + fp, 1); rc = tp / max(tp + fn, 1)
        res[c] = round(100 * 2 * pr * rc / max(pr + rc, 1e-9), 2)
    res["target_mean"] = round(np.mean([res[c] for c in ("bc5cdr", "ncbi", "bc2gm", "linnaeus")]), 2)
    return res


class CorpusHeadsClassifier(TokenClassifier):
    """The shared encoder with one output layer per training corpus (`heads`: corpus ids per row);
    without `heads`, the plain `cls` layer (what compose_heads.py fills in, if one layer is exported)."""
    def __init__(s, c, num_labels, corpora_n):
        super().__init__(c, num_labels)
        s.head_w = torch.nn.Parameter(s.cls.weight.detach().clone().unsqueeze(0).repeat(corpora_n, 1, 1))
        s.head_b = torch.nn.Parameter(s.cls.bias.detach().clone().unsqueeze(0).repeat(corpora_n, 1))

    def forward(s, input_ids, attention_mask, token_type_ids, heads=None):
        if heads is None:
            return super().forward(input_ids, attention_mask, token_type_ids)
        h = s.drop(s.enc(input_ids, attention_mask, token_type_ids))
        return torch.einsum("bth,blh->btl", h, s.head_w[heads]) + s.head_b[heads][:, None, :]


CONFIG["vocab_size"] = len(vocab)
model = CorpusHeadsClassifier(CONFIG, len(LABELS), len(CORPUS_IDS)) if args.corpus_heads else TokenClassifier(CONFIG, len(LABELS))
if args.init:
    ck = torch.load(args.init)
    if "cls.weight" in ck["model"] and args.corpus_heads and ck.get("corpora") and ck["corpora"] != list(CORPUS_IDS):
        # a --corpus-heads checkpoint of other corpora (the shipped model, imported, has no --extra
        # heads): each corpus takes its own head by name; one the checkpoint lacks starts from the
        # checkpoint's one-layer cls (the heads' mean) and learns its corpus's conventions from there
        state = dict(ck["model"]); have = {c: i for i, c in enumerate(ck["corpora"])}
        def by_corpus(heads, mean):
            return torch.stack([state[heads][have[c]] if c in have else state[mean] for c in CORPUS_IDS])
        state["head_w"], state["head_b"] = by_corpus("head_w", "cls.weight"), by_corpus("head_b", "cls.bias")
        model.load_state_dict(state)
        print("heads taken by corpus:", [c for c in CORPUS_IDS if c in have], "new:", [c for c in CORPUS_IDS if c not in have], flush=True)
    elif "cls.weight" in ck["model"]:        # a fine-tuned checkpoint: continue training it
        model.load_state_dict(ck["model"], strict=not args.corpus_heads or "head_w" in ck["model"])
        if args.corpus_heads and "head_w" not in ck["model"]:   # every head starts as its one output layer
            with torch.no_grad():
                model.head_w.copy_(model.cls.weight.unsqueeze(0).expand_as(model.head_w))
                model.head_b.copy_(model.cls.bias.unsqueeze(0).expand_as(model.head_b))
    else:                                    # a pre-trained MLM checkpoint: take its encoder
        model.enc.load_state_dict({k[4:]: v for k, v in ck["model"].items() if k.startswith("enc.")})
    print("initialised from", args.init, flush=True)
pretrain_history = ck.get("pretrain_history", []) if args.init else []   # carried to export.py
opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
budget = args.minutes * 60


def lr_at(frac):
    return args.lr * (frac / 0.05 if frac < 0.05 else max(0.0, (1 - frac) / 0.95))


# length-bucketed batches: shuffle, then sort within pools of 50 batches to limit padding
def batches():
    while True:
        random.shuffle(train)
        pool = args.batch * 50
        for p in range(0, len(train), pool):
            chunk = sorted(train[p:p + pool], key=lambda x: len(x[0][0]))
            bl = [chunk[i:i + args.batch] for i in range(0, len(chunk), args.batch)]
            random.shuffle(bl)
            yield from bl


last_path = args.out[:-3] + "-last.pt" if args.out.endswith(".pt") else args.out + ".last"
t0 = time.time(); last_eval = t0; best = None; step = 0; history = []; pieces = 0
model.train()
for items in batches():
    el = time.time() - t0; frac = el / budget
    done = frac >= 1
    if done or time.time() - last_eval > args.eval_every * 60:
        r = evaluate(model); r["minutes"] = round(el / 60, 1); r["step"] = step; history.append(r)
        print("dev", json.dumps(r), flush=True)
        state = {"model": model.state_dict(), "config": CONFIG, "labels": LABELS, "dev": r, "corpora": list(CORPUS_IDS),
                 "pretrain_history": pretrain_history}
        if best is None or r["target_mean"] > best["target_mean"]:
            best = r
            torch.save(state, args.out)
        # The trainer's decoder has none of the engine's span rules, so its best round is not always
        # the engine's: the last round is kept too, and eval_dev.sh chooses between the two.
        if done:
            torch.save(state, last_path)
        if args.save_rounds:
            torch.save(state, f"{args.out[:-3] if args.out.endswith('.pt') else args.out}-round{len(history)}.pt")
        last_eval = time.time()
    if done:
        break
    for g in opt.param_groups:
        g["lr"] = lr_at(frac)
    ids, mask, tt, lab, allow = batch_tensors(items, args.feature_dropout)
    logits = model(ids, mask, tt, torch.tensor([o[2] for _, o in items])) if args.corpus_heads else model(ids, mask, tt)
    loss = partial_loss(logits, lab, allow)
    opt.zero_grad(); loss.backward(); torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0); opt.step()
    step += 1; pieces += int(mask.sum())
    if step % 100 == 0:
        print(f"step {step} loss {loss.item():.4f} {el / 60:.1f} min {pieces / max(el, 1):.0f} tok/s", flush=True)
json.dump({"best": best, "history": history, "steps": step, "minutes": args.minutes, "init": args.init,
           "gazetteer": not args.no_gazetteer, "weak": args.weak, "weak_generic_only": args.weak_generic_only, "seed": args.seed, "repeat": REPEAT, "extra": args.extra}, open(args.out + ".json", "w"), indent=1)
print("best", json.dumps(best), flush=True)

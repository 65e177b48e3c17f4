"""Masked-language-model pre-training of the BioLens encoder on the in-domain text, from scratch or
continued from an earlier encoder (--init), within a fixed wall-clock budget (the learning-rate schedule follows elapsed time, so a shorter
or longer budget still ends with a full decay). Gazetteer features go into token_type_ids, as
at fine-tuning time (zeroed for a random half of the sequences so both regimes are learned).
Checkpoints every few minutes; --resume continues a killed run.

Pre-training accumulates across sessions: --init takes the encoder of any checkpoint (the shipped
model imported by import_onnx.py, a fine-tuned or an MLM checkpoint); the MLM head is tied to the
word embeddings, so only its small transform (256x256 + LayerNorm) is new when the checkpoint has
none, and its output bias starts at the log unigram frequencies of the text, where a fresh head
would otherwise spend its first steps. The held-out loss always masks 15 % of the same 200
sequences, whatever --mask-rate trains with, so it compares across runs and sessions.
usage: /usr/bin/python3 pretrain.py --text work/pretrain.txt --vocab work/vocab.txt
         --gazetteer work/gazetteer.tsv --minutes 45 --out work/pretrain.pt [--init work/shipped.pt]"""
import argparse, json, os, random, time
import numpy as np, torch
from model import CONFIG, MaskedLM
from text import basic_tokenize, encode_words, load_gazetteer

ap = argparse.ArgumentParser()
ap.add_argument("--text", required=True); ap.add_argument("--vocab", required=True)
ap.add_argument("--gazetteer", required=True); ap.add_argument("--out", required=True)
ap.add_argument("--minutes", type=float, default=45); ap.add_argument("--seq", type=int, default=128)
ap.add_argument("--batch", type=int, default=64); ap.add_argument("--lr", type=float, default=1e-3)
ap.add_argument("--threads", type=int, default=1); ap.add_argument("--resume", action="store_true")
ap.add_argument("--init", help="start from this checkpoint's encoder (and MLM head, if it has one)")
ap.add_argument("--mask-rate", type=float, default=0.15, help="share of pieces masked for training")
ap.add_argument("--warmup", type=float, default=0.06, help="share of the budget the learning rate rises over")
ap.add_argument("--init-optimizer", action="store_true",
                help="also take AdamW's moments from --init (an MLM checkpoint of this script): a continuation "
                     "then starts with calibrated step sizes instead of climbing back from fresh ones")
args = ap.parse_args()
torch.set_num_threads(args.threads); random.seed(0); torch.manual_seed(0)

vocab = {l.rstrip("\n"): i for i, l in enumerate(open(args.vocab, encoding="utf-8"))}
gaz = load_gazetteer(args.gazetteer)
PAD, UNK, CLS, SEP, MASK = (vocab[t] for t in ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
cache = args.out + ".data.npz"
t0 = time.time()
if os.path.exists(cache):
    d = np.load(cache); ids_all, feat_all = d["ids"], d["feat"]
else:
    ids_l, feat_l = [], []
    for line in open(args.text, encoding="utf-8"):
        ids, masks, _ = encode_words(basic_tokenize(line), vocab, gaz)
        ids_l += ids; feat_l += masks
        ids_l.append(SEP); feat_l.append(0)          # document boundary
    ids_all, feat_all = np.array(ids_l, dtype=np.int64), np.array(feat_l, dtype=np.int64)
    np.savez(cache, ids=ids_all, feat=feat_all)
n_tok = len(ids_all)
L = args.seq - 2
held = ids_all[-L * 200:], feat_all[-L * 200:]        # last 200 sequences: held-out loss
ids_tr, feat_tr = ids_all[:-L * 200], feat_all[:-L * 200]
print(f"{n_tok} pieces ({len(ids_tr)} train) prepared in {time.time() - t0:.0f}s", flush=True)

CONFIG["vocab_size"] = len(vocab)
model = MaskedLM(CONFIG)
counts = np.bincount(ids_tr, minlength=len(vocab)).astype(np.float64) + 1.0
with torch.no_grad():                                 # unigram prior: where a fresh head ends up first
    model.bias.copy_(torch.from_numpy(np.log(counts / counts.sum())).float())
prior = []                                            # earlier runs this encoder has been through
if args.init:
    ck = torch.load(args.init)
    sd = ck["model"]
    if "dense.weight" in sd:                          # an MLM checkpoint: encoder and head
        model.load_state_dict(sd)
    else:                                             # a token classifier: its encoder only
        model.enc.load_state_dict({k[4:]: v for k, v in sd.items() if k.startswith("enc.")})
    prior = ck.get("pretrain_history", [])
    print("initialised from", args.init, "(encoder + MLM head)" if "dense.weight" in sd else "(encoder)", flush=True)
opt = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.98), eps=1e-6, weight_decay=0.01)
if args.init and args.init_optimizer:
    if "opt" not in ck:
        raise SystemExit(f"--init-optimizer: {args.init} has no optimizer state (only this script's MLM checkpoints do)")
    opt.load_state_dict(ck["opt"])
state = {"step": 0, "elapsed": 0.0, "tokens": 0, "log": []}
if args.resume and os.path.exists(args.out):
    ck = torch.load(args.out); model.load_state_dict(ck["model"]); opt.load_state_dict(ck["opt"]); state = ck["state"]
    prior = ck.get("prior_history", prior)
budget = args.minutes * 60
WARM = max(args.warmup, 1e-9)


def run_record(h):
    return {"date": time.strftime("%Y-%m-%d", time.gmtime()), "init": args.init, "pieces_in_text": int(n_tok), "steps": state["step"], "tokens_seen": state["tokens"],
            "minutes": round(state["elapsed"] / 60, 1), "batch": args.batch, "seq": args.seq, "lr": args.lr,
            "mask_rate": args.mask_rate, "start_held_out_loss": round(state["start_held_out_loss"], 3),
            "final_held_out_loss": round(h, 3)}


def save(h):
    torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "state": state, "config": CONFIG,
                "prior_history": prior, "pretrain_history": prior + [run_record(h)]}, args.out)


def lr_at(frac):
    return args.lr * (frac / WARM if frac < WARM else max(0.0, (1 - frac) / (1 - WARM)))


def make_batch(ids_src, feat_src, starts, gen, rate=args.mask_rate):
    x = np.stack([ids_src[s:s + L] for s in starts]); f = np.stack([feat_src[s:s + L] for s in starts])
    B = len(starts)
    ids = np.concatenate([np.full((B, 1), CLS), x, np.full((B, 1), SEP)], 1)
    tt = np.concatenate([np.zeros((B, 1), np.int64), f, np.zeros((B, 1), np.int64)], 1)
    tt[gen.random(B) < 0.5] = 0
    cand = (ids != CLS) & (ids != SEP) & (ids != PAD)
    m = cand & (gen.random(ids.shape) < rate)
    targets = ids[m].copy()
    r = gen.random(ids.shape)
    ids = ids.copy()
    ids[m & (r < 0.8)] = MASK
    rnd = m & (r >= 0.8) & (r < 0.9)
    ids[rnd] = gen.integers(5, len(vocab), rnd.sum())
    t = lambda a: torch.from_numpy(np.ascontiguousarray(a))
    return t(ids), torch.ones_like(t(ids)), t(tt), t(m), t(targets)


def held_out_loss():
    model.eval(); gen = np.random.default_rng(123); tot = 0.0
    with torch.no_grad():
        for b in range(0, 200, 50):
            tot += model(*make_batch(held[0], held[1], [i * L for i in range(b, b + 50)], gen, 0.15)).item()
    model.train()
    return tot / 4


gen = np.random.default_rng(state["step"] + 1)
model.train()
h0 = state.get("start_held_out_loss")
if h0 is None:
    h0 = state["start_held_out_loss"] = held_out_loss()
print(f"params {sum(p.numel() for p in model.parameters())}; held-out loss at start {h0:.3f}", flush=True)
last_ck = time.time(); t_start = time.time() - state["elapsed"]
while True:
    elapsed = time.time() - t_start
    frac = elapsed / budget
    if frac >= 1:
        break
    for g in opt.param_groups:
        g["lr"] = lr_at(frac)
    starts = gen.integers(0, len(ids_tr) - L, args.batch)
    loss = model(*make_batch(ids_tr, feat_tr, starts, gen))
    opt.zero_grad(); loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    state["step"] += 1; state["tokens"] += args.batch * args.seq
    if state["step"] % 50 == 0:
        print(f"step {state['step']} loss {loss.item():.3f} lr {lr_at(frac):.2e} {elapsed / 60:.1f} min "
              f"{state['tokens'] / max(elapsed, 1):.0f} tok/s", flush=True)
    if time.time() - last_ck > 300:
        h = held_out_loss(); state["log"].append({"step": state["step"], "minutes": elapsed / 60, "held_out_loss": h})
        print(f"  held-out MLM loss {h:.3f}", flush=True)
        state["elapsed"] = time.time() - t_start
        save(h)
        last_ck = time.time()
h = held_out_loss()
state["elapsed"] = time.time() - t_start
state["log"].append({"step": state["step"], "minutes": state["elapsed"] / 60, "held_out_loss": h})
run = run_record(h); history = prior + [run]
total = {k: round(sum(r[k] for r in history), 1) for k in ("steps", "tokens_seen", "minutes")}
save(h)
json.dump({**run, "log": state["log"], "history": history, "cumulative": total},
          open(args.out + ".json", "w"), indent=1)
print(f"done: {state['step']} steps, held-out loss {h:.3f}", flush=True)

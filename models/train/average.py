"""Averages the weights of fine-tuning rounds (finetune.py --save-rounds): checkpoint averaging
smooths the last rounds' noise, often a little better than any one of them. Also makes a "soup":
the average of several fine-tunings of the same pre-trained encoder (other seeds, other label
settings), which session 7 measured well above any one of them.
Checkpoints of finetune.py --corpus-heads (one output layer per corpus) average head by head: the
six evaluated corpora's heads come first in each, and the heads of --extra corpora after them
are left out (export.py decodes from the six). A checkpoint with one output layer mixed in counts
its layer as every corpus's head.
usage: /usr/bin/python3 average.py OUT.pt ROUND.pt ROUND.pt [...]"""
import sys
import torch

out, paths = sys.argv[1], sys.argv[2:]
if len(paths) < 2:
    sys.exit("average.py OUT.pt ROUND.pt ROUND.pt [...]")
checkpoints = [torch.load(p) for p in paths]
with_heads = [c for c in checkpoints if "head_w" in c["model"]]
first = min(with_heads, key=lambda c: c["model"]["head_w"].shape[0]) if with_heads else checkpoints[0]
if with_heads:
    K = first["model"]["head_w"].shape[0]
    for c in with_heads:
        if c["corpora"][:K] != first["corpora"]:
            sys.exit(f"average.py: heads for {c['corpora']} do not start with {first['corpora']}")
    for c in checkpoints:
        m = c["model"]
        if "head_w" in m:
            m["head_w"], m["head_b"] = m["head_w"][:K], m["head_b"][:K]
        else:
            m["head_w"] = m["cls.weight"].unsqueeze(0).repeat(K, 1, 1)
            m["head_b"] = m["cls.bias"].unsqueeze(0).repeat(K, 1)
averaged = {k: sum(c["model"][k].float() for c in checkpoints) / len(checkpoints) if first["model"][k].is_floating_point() else first["model"][k]
            for k in first["model"]}
torch.save({**first, "model": averaged, "dev": None, "averaged": paths}, out)
print(f"averaged {len(paths)} checkpoints into {out}")

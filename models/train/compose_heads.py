"""Makes the one output layer export.py needs from a --corpus-heads checkpoint: each label's row
(weights and bias) is taken from the heads of the corpora that annotate its type, averaged; the O
row from all six evaluated corpora's heads. The rows are comparable because every head reads the
same encoder.
usage: /usr/bin/python3 compose_heads.py IN.pt OUT.pt [TYPE=corpus+corpus ...]
default: Chemical=bc5cdr Disease=bc5cdr+ncbi Gene=bc2gm Species=linnaeus+s800 CellLine=jnlpba CellType=jnlpba"""
import sys
import torch
from corpora import LABELS, SPECS

src, out = sys.argv[1], sys.argv[2]
choice = {"Chemical": ["bc5cdr"], "Disease": ["bc5cdr", "ncbi"], "Gene": ["bc2gm"], "Species": ["linnaeus", "s800"],
          "CellLine": ["jnlpba"], "CellType": ["jnlpba"]}
for arg in sys.argv[3:]:
    t, _, cs = arg.partition("=")
    choice[t] = cs.split("+")
ck = torch.load(src)
m = ck["model"]
ids = {c: i for i, c in enumerate(ck["corpora"])}
w, b = m["head_w"], m["head_b"]
cls_w, cls_b = torch.zeros_like(m["cls.weight"]), torch.zeros_like(m["cls.bias"])
for k, label in enumerate(LABELS):
    heads = [ids[c] for c in (list(SPECS) if label == "O" else choice[label[2:]])]
    cls_w[k] = w[heads, k].mean(0); cls_b[k] = b[heads, k].mean(0)
model = {k: v for k, v in m.items() if k not in ("head_w", "head_b")}
model["cls.weight"], model["cls.bias"] = cls_w, cls_b
torch.save({**ck, "model": model, "composed_from": choice}, out)
print(f"composed {out}: " + ", ".join(f"{t}={'+'.join(cs)}" for t, cs in choice.items()))

"""Readers for the training corpora (train/dev splits in ../shared/data/corpora) and the
mapping of each corpus's types onto ours. Every corpus annotates only some of our types;
`annotated` says which, so the fine-tuning loss never teaches that another corpus's
unannotated types are O."""
import os
from text import basic_words

DATA = os.environ.get("BIOLENS_DATA", os.path.join(os.path.dirname(__file__), "../../../shared/data"))
CORPORA = os.path.join(DATA, "corpora")

TYPES = ["Chemical", "Disease", "Gene", "Species", "CellLine", "CellType"]
LABELS = ["O"] + [f"{p}-{t}" for t in TYPES for p in ("B", "I")]
L2I = {l: i for i, l in enumerate(LABELS)}

# corpus -> (folder/prefix, type map from the corpus's labels to ours; None = drop the mention)
SPECS = {
    "bc5cdr": ("BC5CDR-IOB", {"Chemical": "Chemical", "Disease": "Disease"}),
    "ncbi": ("NCBI-disease-IOB", {"Disease": "Disease"}),
    "bc2gm": ("BC2GM-IOB", {"GENE": "Gene"}),
    "jnlpba": ("JNLPBA", {"protein": "Gene", "DNA": "Gene", "RNA": "Gene", "cell_line": "CellLine", "cell_type": "CellType"}),
    "linnaeus": ("linnaeus-IOB", {"Species": "Species"}),
    "s800": ("s800", {"": "Species"}),
}

# Further corpora that fine-tuning may add (--extra): they name genes/proteins by other
# conventions than BC2GM (GENIA's proteins leave genes and DNA regions out; CRAFT's GGP is
# full-text mouse genomics), so only their mentions are taken as supervision (finetune.py
# leaves their O words unconstrained) and they are never evaluated on.
EXTRA_SPECS = {
    "bionlp09": ("BioNLP09-IOB", {"Protein": "Gene"}),
    "bionlp11epi": ("BioNLP11EPI-IOB", {"Protein": "Gene"}),
    "bionlp13ge": ("BioNLP13GE-IOB", {"Protein": "Gene"}),
    "exptm": ("Ex-PTM-IOB", {"Protein": "Gene"}),
    "craft": ("CRAFT-IOB", {"GGP": "Gene"}),
    # session 15: the gene products of three more BioNLP shared-task corpora (cancer genetics,
    # pathway curation, infectious diseases); annotations CC BY-SA 3.0 (13CG, 13PC) and CC BY 3.0
    # (11ID): review share-alike before shipping weights trained on them (none are)
    "bionlp13cg": ("BioNLP13CG-IOB", {"Gene_or_gene_product": "Gene"}),
    "bionlp13pc": ("BioNLP13PC-IOB", {"Gene_or_gene_product": "Gene"}),
    "bionlp11id": ("BioNLP11ID-IOB", {"Protein": "Gene"}),
}


def read_conll(path):
    """-> list of (tokens, labels) sentences; -DOCSTART- lines are skipped."""
    sents, toks, labs = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if toks:
                    sents.append((toks, labs))
                toks, labs = [], []
                continue
            tok, lab = line.split("\t")
            if tok == "-DOCSTART-":
                continue
            toks.append(tok); labs.append(lab)
    if toks:
        sents.append((toks, labs))
    return sents


def word_level(tokens, labels, type_map):
    """Corpus tokens joined by spaces -> (text, words, word labels in our scheme, words as written)."""
    text, spans, pos = [], [], 0
    for t in tokens:
        spans.append((pos, pos + len(t))); text.append(t); pos += len(t) + 1
    text = " ".join(text)
    words = basic_words(text)
    out, ti = [], 0
    for w, s, e in words:
        while spans[ti][1] <= s:
            ti += 1
        lab = labels[ti]
        if lab == "O":
            out.append("O"); continue
        prefix, _, typ = lab.partition("-")
        ours = type_map.get(typ)
        if ours is None:
            out.append("O"); continue
        first_word_of_token = s == spans[ti][0]
        out.append(f"B-{ours}" if prefix == "B" and first_word_of_token else f"I-{ours}")
    return text, [w for w, _, _ in words], out, [text[s:e] for _, s, e in words]


def load(corpus, split):
    folder, type_map = SPECS[corpus] if corpus in SPECS else EXTRA_SPECS[corpus]
    name = "train.tsv" if split == "train" else "devel.tsv"
    sents = read_conll(os.path.join(CORPORA, folder, name))
    annotated = sorted(set(type_map.values()))
    out = []
    for toks, labs in sents:
        if corpus == "s800":
            labs = [l if l == "O" else l + "-" for l in labs]   # bare B/I -> 'B-' with empty type
        text, words, wl, surfaces = word_level(toks, labs, type_map)
        out.append({"text": text, "words": words, "labels": wl, "surfaces": surfaces})
    return out, annotated

"""Collects the unlabelled in-domain text for the WordPiece vocabulary and MLM pre-training:
the PubMed abstracts in shared/data/pubmed-text, the texts of the corpora's train/dev splits
(labels ignored), and the definitions of the vocabularies. One document per line."""
import glob, gzip, json, os, re
import corpora

def documents():
    seen = set()
    def emit(t):
        t = re.sub(r"\s+", " ", t).strip()
        if len(t) > 20 and t not in seen:
            seen.add(t)
            return True
        return False
    for p in sorted(glob.glob(os.path.join(corpora.DATA, "pubmed-text", "*.txt"))):
        if "LICENSE" in p:
            continue
        for line in open(p, encoding="utf-8"):
            if emit(line): yield line.strip()
    for p in sorted(glob.glob(os.path.join(corpora.CORPORA, "*pubtator", "*.txt"))):
        doc = []
        for line in open(p, encoding="utf-8"):
            m = re.match(r"^\d+\|[ta]\|(.*)$", line.rstrip("\n"))
            if m:
                doc.append(m.group(1))
            elif not line.strip() and doc:
                if emit(" ".join(doc)): yield " ".join(doc)
                doc = []
        if doc and emit(" ".join(doc)): yield " ".join(doc)
    for folder in sorted(os.listdir(corpora.CORPORA)):
        if not os.path.isdir(os.path.join(corpora.CORPORA, folder)) or folder.startswith(("BC5CDR", "NCBI")):
            continue
        for name in ("train.tsv", "devel.tsv"):
            p = os.path.join(corpora.CORPORA, folder, name)
            if not os.path.exists(p):
                continue
            chunk = []
            for toks, _ in corpora.read_conll(p):
                chunk.append(" ".join(toks))
                if len(chunk) == 8:          # ~an abstract's worth of consecutive sentences
                    if emit(" ".join(chunk)): yield " ".join(chunk)
                    chunk = []
            if chunk and emit(" ".join(chunk)): yield " ".join(chunk)
    v = os.path.join(corpora.DATA, "vocab")
    for line in gzip.open(os.path.join(v, "disease-ontology/doid.obo.gz"), "rt", encoding="utf-8"):
        m = re.match(r'^def: "(.*?)"', line)
        if m and emit(m.group(1)): yield m.group(1)
    g = json.load(gzip.open(os.path.join(v, "hpo/hp.json.gz"), "rt", encoding="utf-8"))["graphs"][0]
    for n in g["nodes"]:
        d = n.get("meta", {}).get("definition", {}).get("val")
        if d and emit(d): yield d

if __name__ == "__main__":
    import sys
    n = 0
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        for d in documents():
            f.write(d + "\n"); n += 1
    print(n, "documents ->", sys.argv[1])

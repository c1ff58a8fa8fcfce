#!/usr/bin/env python3
"""Checks the folder order of Sources/SparseScaling that its README states: a file may use the types
of its own folder, of earlier folders, and of Support and Export, never of a later folder.
Prints every backward use as 'file: Type (folder)' and exits 1 when there is one."""
import os, re, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "SparseScaling")
ORDER = ["Random", "Model", "Features", "Solvers", "Loss", "Point", "Measurement", "Experiments", "GDFailure", "Report", "Reproduction"]
SHARED = {"Support", "Export", "."}

def layer(path):
    top = os.path.relpath(path, ROOT).split(os.sep)[0]
    return top if top in ORDER else "."

declared = {}
files = []
for folder, _, names in os.walk(ROOT):
    for name in names:
        if not name.endswith(".swift"):
            continue
        path = os.path.join(folder, name)
        files.append(path)
        text = open(path, encoding="utf-8").read()
        for match in re.finditer(r"^(?:public |package |private |fileprivate |internal )?(?:final )?(?:struct|enum|class|protocol|actor)\s+(\w+)", text, re.M):
            declared.setdefault(match.group(1), layer(path))

problems = []
for path in files:
    here = layer(path)
    if here in SHARED:
        continue
    text = re.sub(r"//.*", "", open(path, encoding="utf-8").read())
    for name, where in declared.items():
        if where in SHARED or where == here:
            continue
        if ORDER.index(where) > ORDER.index(here) and re.search(r"\b" + name + r"\b", text):
            problems.append(f"{os.path.relpath(path, ROOT)}: {name} ({where})")
for p in sorted(problems):
    print(p)
sys.exit(1 if problems else 0)

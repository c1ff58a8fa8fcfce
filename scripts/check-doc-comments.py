#!/usr/bin/env python3
"""Lists public (and open) types, functions and initializers in Sources/ that have no `///` doc comment.

Protocol witnesses whose meaning the protocol documents (Codable's init(from:) and encode(to:), description,
hash(into:), ==, <, and ExpressibleByArgument's init?(argument:)) are not required to have one.
Usage: scripts/check-doc-comments.py [Sources]   (exit 1 when something is missing)
"""
import os, re, sys

root = sys.argv[1] if len(sys.argv) > 1 else "Sources"
declaration = re.compile(
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:public|open)\s+(?:(?:static|final|override|mutating|nonmutating|convenience|required|indirect|nonisolated)\s+)*"
    r"(struct|enum|class|protocol|actor|typealias|func|init\??|subscript)\b(.*)")
witnesses = re.compile(r"init\(from decoder|func encode\(to encoder|func hash\(into|func ==|func <\(|init\?\(argument|init\?\(rawValue")
missing = []
for folder, _, files in os.walk(root):
    if "/.build" in folder:
        continue
    for name in sorted(files):
        if not name.endswith(".swift"):
            continue
        path = os.path.join(folder, name)
        lines = open(path, encoding="utf-8").read().split("\n")
        for i, line in enumerate(lines):
            match = declaration.match(line)
            if not match or witnesses.search(line):
                continue
            j = i - 1
            while j >= 0 and re.match(r"^\s*@\w+(\(.*\))?\s*$", lines[j]):  # attributes on their own lines
                j -= 1
            if j < 0 or not lines[j].strip().startswith("///"):
                missing.append(f"{path}:{i + 1}: {line.strip()[:110]}")
print("\n".join(missing))
print(f"{len(missing)} public declarations without a doc comment", file=sys.stderr)
sys.exit(1 if missing else 0)

#!/usr/bin/env python3
"""What can be checked of the Swift package without a Swift toolchain.

1. bindings/swift/Package.swift names only paths that exist (the XCFramework is the one that
   build-xcframework.sh creates), and the script packs the generated header and module map.
2. Every call in the ```swift blocks of docs/lang/swift.md to a generated function uses a function
   that exists with exactly those argument labels; every `.case` and `SsiError.Case` it names
   exists in the generated enums.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
SWIFT = ROOT / "bindings/swift"
GENERATED = (SWIFT / "Sources/SsiVerify/SsiVerify.swift").read_text()
problems = []
checked = 0


def check(ok, message):
    global checked
    checked += 1
    if not ok:
        problems.append(message)


# 1. Package.swift and the XCFramework script.
package = (SWIFT / "Package.swift").read_text()
script = (SWIFT / "build-xcframework.sh").read_text()
binary = re.findall(r'\.binaryTarget\(name: "(\w+)", path: "([^"]+)"\)', package)
check(len(binary) == 1, "Package.swift: expected one binaryTarget")
for name, path in binary:
    check(f'"$swift/{path}"' in script, f"build-xcframework.sh does not create {path}")
    check(f"import {name}" in GENERATED, f"the generated Swift does not import the binary target {name}")
target = re.search(r'\.target\(\s*name: "(\w+)".*?path: "([^"]+)".*?exclude: \[([^\]]*)\].*?sources: \[([^\]]*)\]',
                   package, re.S)
check(target is not None, "Package.swift: no source target with path, exclude and sources")
if target:
    src = SWIFT / target.group(2)
    check(src.is_dir(), f"Package.swift: {target.group(2)} is not a directory")
    listed = re.findall(r'"([^"]+)"', target.group(3)) + re.findall(r'"([^"]+)"', target.group(4))
    for f in listed:
        check((src / f).is_file(), f"Package.swift names {target.group(2)}/{f}, which does not exist")
    on_disk = {p.name for p in src.iterdir()}
    check(on_disk == set(listed), f"Package.swift lists {sorted(listed)}, the directory holds {sorted(on_disk)}")
for f in re.findall(r'Sources/SsiVerify/(\S+?)"', script):
    check((SWIFT / "Sources/SsiVerify" / f).is_file(), f"build-xcframework.sh copies missing {f}")
for triple in ("aarch64-apple-ios", "aarch64-apple-ios-sim", "x86_64-apple-ios"):
    check(re.search(rf"\b{re.escape(triple)}\b", script) is not None, f"build-xcframework.sh misses {triple}")

# 2. The doc page's calls against the generated API.
functions = {}
for name, params in re.findall(r"^public func (\w+)\(([^)]*)\)", GENERATED, re.M):
    functions[name] = [p.split(":")[0].split()[0] for p in params.split(",") if p.strip()]
cases = set(re.findall(r"^\s*case (\w+)", GENERATED, re.M))
error_cases = set(re.findall(r"^\s*case (\w+)\(", GENERATED.split("enum SsiError", 1)[1].split("\n}\n", 1)[0], re.M))


def top_level_labels(args):
    depth, labels, start = 0, [], True
    for i, ch in enumerate(args):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            start = True
            continue
        if start and depth == 0 and not ch.isspace():
            m = re.match(r"(\w+)\s*:", args[i:])
            labels.append(m.group(1) if m else "_")
            start = False
    return labels


def call_args(text, open_paren):
    depth = 0
    for i in range(open_paren, len(text)):
        depth += text[i] == "("
        depth -= text[i] == ")"
        if depth == 0:
            return text[open_paren + 1:i]
    return ""


page = (ROOT / "docs/lang/swift.md").read_text()
blocks = re.findall(r"^```swift[ \t]*\n(.*?)^```[ \t]*$", page, re.M | re.S)
check(len(blocks) >= 3, "docs/lang/swift.md: fewer than three swift blocks")
code = "\n".join(blocks)
defined_here = set(re.findall(r"\bfunc (\w+)", code))
for m in re.finditer(r"(?<![.\w])([a-z]\w*)\(", code):
    name = m.group(1)
    if name in functions:
        labels = top_level_labels(call_args(code, m.end() - 1))
        check(labels == functions[name], f"swift.md calls {name} with labels {labels}, generated has {functions[name]}")
    elif name not in defined_here and name not in {"func", "catch", "map", "print", "if"}:
        check(False, f"swift.md calls {name}(), which is neither generated nor defined on the page")
for case in re.findall(r"(?<![\w.])\.([a-z]\w*)\b", code):
    check(case in cases, f"swift.md names .{case}, which no generated enum has")
for case in re.findall(r"SsiError\.(\w+)", code):
    check(case in error_cases, f"swift.md names SsiError.{case}; the generated cases are {sorted(error_cases)}")
called = {m for m in re.findall(r"(?<![.\w])([a-z]\w*)\(", code) if m in functions}
check({"smartidDecode", "proofspaceVerifyBody", "peEvaluate"} <= called, "swift.md misses one of the three tasks")

for p in problems:
    print(f"error: {p}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"swift package and docs/lang/swift.md: {checked} checks passed ({len(called)} generated functions called)")

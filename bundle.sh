#!/usr/bin/env bash
# Build a folder that runs Attention Study with no Python installed, for a lab without
# internet: dist/attention-study-linux-x86_64.tar.gz, which unpacks to attention-study/
# with the attention-study launcher at its top.
#
#   ./bundle.sh
#
# What it does, in a build virtual environment of its own (removed afterwards):
#   1. installs torch (CPU), PyInstaller and this program (`pip install .`);
#   2. freezes main.py with PyInstaller in one-folder mode;
#   3. removes what the program never uses (CUDA, torch's tests and headers, the compiler
#      stack, Qt Quick/QML, unused Qt plugins and translations) and the libraries nothing
#      left needs;
#   4. packs the folder and prints its sizes and the build time.
#
# Environment:
#   ATTENTION_STUDY_TORCH   what pip installs for torch, e.g. "torch==2.13.0"; the default
#                           is torch from PyTorch's CPU index (no CUDA, a much smaller wheel)
#   PYTHON                  the Python to build with (python3); the bundle runs its version
#   BUNDLE_WORK             where the build venv and PyInstaller's work go (a new temporary
#                           folder, removed at the end)
set -euo pipefail

started=$(date +%s)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
name=attention-study
archive="$here/dist/$name-linux-x86_64.tar.gz"

if [[ -n "${BUNDLE_WORK:-}" ]]; then
    work=$BUNDLE_WORK
    mkdir -p "$work"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/attention-study-bundle.XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi

step() { printf '\n== %s (%ss)\n' "$1" "$(($(date +%s) - started))"; }

step "build venv"
"${PYTHON:-python3}" -m venv "$work/venv"
py="$work/venv/bin/python"
pip() {  # quiet, but the whole log when it fails
    "$py" -m pip install "$@" >"$work/pip.log" 2>&1 || { cat "$work/pip.log" >&2; exit 1; }
}
if [[ -n "${ATTENTION_STUDY_TORCH:-}" ]]; then
    read -ra torch_args <<<"$ATTENTION_STUDY_TORCH"
else
    torch_args=(torch --index-url https://download.pytorch.org/whl/cpu)
fi
pip "${torch_args[@]}"
# The program from a copy of its files (those git tracks or would track): building in the
# work tree itself would leave setuptools' build/ there, whose stale files get into wheels.
rm -rf "$work/src"
mkdir -p "$work/src"
if git -C "$here" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$here" ls-files -z --cached --others --exclude-standard |
        tar -C "$here" --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -C "$work/src" -xf -
else
    tar -C "$here" --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist \
        -cf - . | tar -C "$work/src" -xf -
fi
pip "pyinstaller>=6.10" "$work/src"
site=$("$py" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
"$py" - <<'EOF'
import torch
if torch.version.cuda:
    raise SystemExit(f"torch {torch.__version__} is a CUDA build: install the CPU wheel")
print("torch", torch.__version__)
EOF

step "PyInstaller"
# The installed main.py, so that every package and resource comes from the installation
# (the README's screenshots, say, are not installed and so not bundled).
excluded=(
    # the compiler stack and what only it imports: the program never compiles a model
    # (it has an Adam of its own because torch.optim.Adam's first step imports _dynamo)
    torch._inductor torch._dynamo torch.onnx torch.utils.tensorboard torch.utils.benchmark
    torch.distributed.elastic torch.distributed.checkpoint
    triton sympy networkx jinja2 markupsafe
    # not used at all
    setuptools pkg_resources tkinter IPython matplotlib scipy pandas pytest
    PySide6.QtNetwork PySide6.QtDBus PySide6.QtQml PySide6.QtQuick PySide6.QtQuickWidgets
)
exclude_args=()
for module in "${excluded[@]}"; do exclude_args+=(--exclude-module "$module"); done
"$py" -m PyInstaller --noconfirm --noupx --onedir --console --name "$name" \
    --distpath "$work/dist" --workpath "$work/pyinstaller" --specpath "$work" \
    --collect-data resources --log-level WARN \
    "${exclude_args[@]}" "$site/main.py" 2>&1 | grep -v -E 'DeprecationWarning|__import__\(name\)' || true
bundle="$work/dist/$name"
[[ -x "$bundle/$name" ]] || { echo "PyInstaller made no $bundle/$name" >&2; exit 1; }

step "leaving out what the program does not use"
"$py" - "$bundle/_internal" <<'EOF'
"""Remove from the frozen folder what the program never loads, then every bundled shared
library that nothing left needs (a library PyInstaller only took for a removed one)."""
import fnmatch
import os
import shutil
import sys
from pathlib import Path

from PyInstaller.depend.bindepend import get_imports

root = Path(sys.argv[1])
removed = 0


def size(path: Path) -> int:
    if path.is_symlink() or path.is_file():
        return path.lstat().st_size
    return sum(size(p) for p in path.rglob("*") if not p.is_dir() or p.is_symlink())


def remove(path: Path) -> None:
    global removed
    if not (path.exists() or path.is_symlink()):
        return
    removed += size(path)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


qt = root / "PySide6" / "Qt"
gone = [
    # torch: C++ headers, CMake files, test programs and test libraries, the sources of
    # the compiler stack (excluded from the program above)
    "torch/include", "torch/share", "torch/test", "torch/testing/_internal",
    "torch/lib/libjitbackend_test.so", "torch/lib/libtorchbind_test.so",
    "torch/lib/libbackend_with_compiler.so", "torch/lib/libaoti_custom_ops.so",
    "torch/_inductor", "torch/_dynamo", "torch/onnx", "torch/utils/tensorboard",
    "torch/utils/benchmark", "torch/distributed/elastic", "torch/distributed/checkpoint",
    "torch/utils/model_dump", "torch/_export/serde/*.yaml",
    "triton", "nvidia", "torch/lib/libcu*", "torch/lib/libnv*", "torch/lib/libc10_cuda.so",
    "torch/lib/libtorch_cuda*.so",
    # Qt: QML/Quick, WebEngine, the platforms of embedded devices, plugins the window never
    # loads (network, TLS, evdev input), GTK's theme (it brings GTK itself; Qt's own file
    # dialogs are used), image formats the program has none of
    "PySide6/Qt/qml", "PySide6/Qt/lib/libQt6Qml*", "PySide6/Qt/lib/libQt6Quick*",
    "PySide6/Qt/lib/libQt6WebEngine*", "PySide6/Qt/libexec", "PySide6/Qt/resources",
    "PySide6/Qt/plugins/egldeviceintegrations", "PySide6/Qt/plugins/generic",
    "PySide6/Qt/plugins/networkinformation", "PySide6/Qt/plugins/tls",
    "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so", "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/imageformats/libq[!js]*.so",
    "PySide6/Qt/lib/libQt6EglFs*", "PySide6/Qt/lib/libQt6EglFSDeviceIntegration*",
    "PySide6/Qt/lib/libQt6Network*",
    "PySide6/QtNetwork*.so", "PySide6/QtDBus*.so",
]
for pattern in gone:
    for path in sorted(root.glob(pattern)):
        remove(path)

# torch/bin: C++ test programs, protoc, model files of tests; `import torch` checks that
# torch_shm_manager is there (it serves tensors shared between processes).
for path in sorted((root / "torch" / "bin").glob("*")):
    if path.name != "torch_shm_manager":
        remove(path)

# Qt's translations: only Qt's own strings in the program's languages (gui/application.py
# loads "qtbase" for a language other than English).
translations = qt / "translations"
if translations.is_dir():
    for path in translations.iterdir():
        if not fnmatch.fnmatch(path.name, "qtbase_pt*.qm"):
            remove(path)

# Type stubs and C sources are of no use at run time.
for pattern in ("*.pyi", "*.h", "*.hpp", "*.cuh", "*.cpp", "*.c"):
    for path in root.rglob(pattern):
        remove(path)


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            return stream.read(4) == b"\x7fELF"
    except OSError:
        return False


# Libraries kept only if something left needs them: the program's extension modules, Qt's
# plugins and libpython (which the launcher loads) are the roots; the shared libraries at
# the folder's top and Qt's lib/ are kept as far as they are reached from those.
pool = {}
for folder in (root, qt / "lib"):
    if folder.is_dir():
        for path in folder.iterdir():
            if ".so" in path.name and "cpython" not in path.name and "abi3" not in path.name:
                pool.setdefault(path.name, []).append(path)
roots = [
    path
    for path in root.rglob("*")
    if path.is_file() and not path.is_symlink() and is_elf(path)
    and path.name not in pool
]
roots += pool.get(next(n for n in pool if n.startswith("libpython")), [])
# (get_imports gives every library a file needs, through the others, by name.)
needed = {os.path.basename(name) for path in roots for name, _ in get_imports(str(path))}
for name, paths in pool.items():
    if name not in needed and not name.startswith("libpython"):
        for path in paths:
            remove(path)

# Folders left empty.
for path in sorted(root.rglob("*"), key=lambda p: len(p.parts), reverse=True):
    if path.is_dir() and not path.is_symlink() and not any(path.iterdir()):
        path.rmdir()
print(f"removed {removed / 1e6:.0f} MB")
EOF

step "checking the bundle"
"$bundle/$name" --explain 0,1,2 >/dev/null
echo "it runs"

step "packing"
mkdir -p "$here/dist"
rm -f "$archive"
tar -C "$work/dist" -cf - "$name" | gzip -6 >"$archive"
rm -rf "${here:?}/dist/$name"
mv "$bundle" "$here/dist/$name"

unpacked=$(du -sm "$here/dist/$name" | cut -f1)
compressed=$(($(stat -c %s "$archive") / 1048576))
elapsed=$(($(date +%s) - started))
echo
echo "bundle:      dist/$name/ ($unpacked MB)"
echo "archive:     ${archive#"$here"/} ($compressed MB)"
echo "build time:  ${elapsed} s"

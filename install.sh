#!/bin/sh
# Install Attention Study for you alone: no root, no compiler.  From this folder:
#
#     sh install.sh
#
# It makes a Python environment of its own in
#     ${XDG_DATA_HOME:-~/.local/share}/attention-study/env/
# installs PyTorch's CPU build and the program into it, adds "Attention Study" to the
# applications menu, and copies uninstall.sh beside the environment, so that the program can
# be removed after this folder is deleted.  Run it again to upgrade (PyTorch is kept).
#
# Nothing is left half-installed: the new environment is built in env.new and takes the
# place of env only when everything worked, so a failed or interrupted upgrade leaves the
# installed program as it was.  Before anything is written, it checks Python (3.10 or
# newer, with its venv module), the data folder, and the system libraries Qt needs.
#
#     PYTHON=python3.12 sh install.sh           use that Python
#     ATTENTION_STUDY_TORCH=torch==2.13.0 ...   install this torch with plain pip, instead of
#                                               the CPU build from PyTorch's own index
set -eu

# Messages: English, then Portuguese.  A refusal is a paragraph in each, and the one command
# that fixes it on a line of its own.
say() { printf '%s\n%s\n' "$1" "$2"; }
step() { printf '\n==> %s\n    %s\n' "$1" "$2"; }
reported=""
refuse() {
    printf '\n%s\n%s\n' "$1" "$2" >&2
    if [ $# -ge 3 ]; then printf '\n    %s\n' "$3" >&2; fi
    printf '\n' >&2
    reported=1
    exit 1
}

here=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$here/pyproject.toml" ] || [ ! -f "$here/main.py" ] || [ ! -f "$here/uninstall.sh" ]; then
    refuse "Run install.sh from the folder of Attention Study that it came in (with pyproject.toml, main.py and uninstall.sh beside it): sh install.sh" \
        "Execute o install.sh a partir da pasta do Attention Study em que ele veio (com pyproject.toml, main.py e uninstall.sh ao lado): sh install.sh"
fi

# --- Python: 3.10 or newer, with venv and ensurepip -------------------------------------
python=${PYTHON:-python3}
if ! found=$(command -v "$python" 2>/dev/null) || [ -z "$found" ]; then
    refuse "Attention Study needs Python 3.10 or newer, and no '$python' was found. Install Python, then run this again." \
        "O Attention Study precisa do Python 3.10 ou mais recente, e nenhum '$python' foi encontrado. Instale o Python e execute isto de novo." \
        "sudo apt install python3 python3-venv"
fi
python=$found
version=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null) || version=""
case $version in
    [0-9]*.[0-9]*.[0-9]*) ;;
    *) refuse "Attention Study needs Python 3.10 or newer, and $python did not run as a Python. Set PYTHON to a working Python 3.10 or newer, for example: PYTHON=python3.11 sh install.sh" \
           "O Attention Study precisa do Python 3.10 ou mais recente, e $python não funcionou como Python. Indique um Python 3.10 ou mais recente que funcione em PYTHON, por exemplo: PYTHON=python3.11 sh install.sh" ;;
esac
major=${version%%.*}
minor=${version#*.}
minor=${minor%%.*}
case $major$minor in
    *[!0-9]*) refuse "Attention Study needs Python 3.10 or newer, and $python reported the version '$version', which is not one." \
                  "O Attention Study precisa do Python 3.10 ou mais recente, e $python informou a versão '$version', que não é válida." ;;
esac
if [ "$major" -lt 3 ] || { [ "$major" -eq 3 ] && [ "$minor" -lt 10 ]; }; then
    refuse "Attention Study needs Python 3.10 or newer, and $python is Python $version, which is too old. Install a newer Python and run this again, naming it: PYTHON=python3.11 sh install.sh" \
        "O Attention Study precisa do Python 3.10 ou mais recente, e $python é o Python $version, antigo demais. Instale um Python mais recente e execute isto de novo, indicando-o: PYTHON=python3.11 sh install.sh"
fi
if ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    package=python3-venv
    if [ -n "${PYTHON:-}" ]; then package=python$major.$minor-venv; fi
    refuse "Python $version ($python) lacks its venv module (with ensurepip), which Attention Study needs to make an environment of its own. Install it with the command below, then run this again." \
        "O Python $version ($python) não tem o módulo venv (com o ensurepip), de que o Attention Study precisa para criar um ambiente próprio. Instale-o com o comando abaixo e execute isto de novo." \
        "sudo apt install $package"
fi

# --- The data folder: writable ----------------------------------------------------------
data=${XDG_DATA_HOME:-}
case $data in /*) ;; *) data=$HOME/.local/share ;; esac
app=$data/attention-study
env=$app/env
new=$app/env.new
old=$app/env.old
# The nearest folder that exists must be writable; the ones above $app that do not exist yet
# are made by this script, and removed again if it fails.
first_missing=""
existing=$app
while [ ! -e "$existing" ] && [ ! -L "$existing" ]; do
    first_missing=$existing
    existing=$(dirname "$existing")
done
writable() { [ -d "$1" ] && [ -w "$1" ] && [ -x "$1" ]; }
if ! writable "$existing" || { [ -d "$app" ] && ! writable "$app"; }; then
    refuse "Attention Study cannot be installed: the folder $existing cannot be written (it is read-only, or not yours). Make it writable, or choose another data folder, for example: XDG_DATA_HOME=\$HOME/.local/share sh install.sh" \
        "O Attention Study não pode ser instalado: não é possível escrever na pasta $existing (é só de leitura, ou não é sua). Torne-a gravável, ou escolha outra pasta de dados, por exemplo: XDG_DATA_HOME=\$HOME/.local/share sh install.sh"
fi

# --- Qt's system libraries (those of its X11 platform, xcb) -----------------------------
# Each library with the Debian and Ubuntu package that brings it.
qt_libraries="libEGL.so.1:libegl1 libGL.so.1:libgl1 libfontconfig.so.1:libfontconfig1
libdbus-1.so.3:libdbus-1-3 libxkbcommon.so.0:libxkbcommon0
libxkbcommon-x11.so.0:libxkbcommon-x11-0 libX11-xcb.so.1:libx11-xcb1
libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 libxcb-image.so.0:libxcb-image0
libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-randr.so.0:libxcb-randr0
libxcb-render-util.so.0:libxcb-render-util0 libxcb-shape.so.0:libxcb-shape0
libxcb-xfixes.so.0:libxcb-xfixes0 libxcb-xkb.so.1:libxcb-xkb1"
ldconfig=$(command -v ldconfig 2>/dev/null) || ldconfig=""
for folder in /sbin /usr/sbin; do
    if [ -z "$ldconfig" ] && [ -x "$folder/ldconfig" ]; then ldconfig=$folder/ldconfig; fi
done
known=""
if [ -n "$ldconfig" ]; then known=$("$ldconfig" -p 2>/dev/null) || known=""; fi
has_library() {
    if [ -n "$known" ]; then
        case $known in *"$1 ("*) return 0 ;; esac
        return 1
    fi
    # No linker cache to ask: look in the usual folders.
    for folder in /lib /usr/lib /lib64 /usr/lib64 /lib/*-linux-gnu /usr/lib/*-linux-gnu; do
        if [ -e "$folder/$1" ]; then return 0; fi
    done
    return 1
}
missing_files=""
missing_packages=""
for pair in $qt_libraries; do
    if ! has_library "${pair%%:*}"; then
        missing_files="$missing_files ${pair%%:*}"
        missing_packages="$missing_packages ${pair#*:}"
    fi
done
if [ -n "$missing_files" ]; then
    if command -v apt-get >/dev/null 2>&1; then
        refuse "Qt, which draws Attention Study's window, needs system libraries that are missing here:$missing_files. Install them with the command below, then run this again." \
            "O Qt, que desenha a janela do Attention Study, precisa de bibliotecas do sistema que faltam aqui:$missing_files. Instale-as com o comando abaixo e execute isto de novo." \
            "sudo apt install$missing_packages"
    fi
    refuse "Qt, which draws Attention Study's window, needs system libraries that are missing here:$missing_files. Install them with your system's package manager, then run this again." \
        "O Qt, que desenha a janela do Attention Study, precisa de bibliotecas do sistema que faltam aqui:$missing_files. Instale-as com o gerenciador de pacotes do sistema e execute isto de novo."
fi

if [ "$(id -u)" = 0 ] && [ -n "${SUDO_USER:-}" ]; then
    say "Note: run with sudo, this installs Attention Study for root alone. To install it for yourself, run it without sudo: sh install.sh" \
        "Atenção: com sudo, isto instala o Attention Study só para o root. Para instalá-lo para você, execute sem sudo: sh install.sh"
fi

# --- From here on, everything written is undone if anything fails or is interrupted -----
state=building  # then swapping, placed, finished
fresh=1         # no working installation before this run
work=""
began=$(date +%s)
failed_step="starting"
failed_step_pt="o início"

cleanup() {
    status=$?
    set +e
    trap '' INT TERM
    if [ -n "$work" ]; then rm -rf "$work"; fi
    if [ "$state" != finished ]; then
        rm -rf "$new"
        if [ "$state" = placed ]; then
            # The new environment is in place: take it away, and put the old one back.
            if [ "$fresh" = 1 ]; then
                "$env/bin/attention-study" --uninstall-desktop-entry >/dev/null 2>&1
            fi
            rm -rf "$env"
        fi
        if [ ! -e "$env" ] && [ -d "$old" ]; then
            mv "$old" "$env"
            if [ "$state" = placed ]; then
                "$env/bin/attention-study" --install-desktop-entry >/dev/null 2>&1
            fi
        fi
        if [ "$fresh" = 1 ] && [ -n "$first_missing" ]; then
            # Remove the folders this run made, if they are empty.
            folder=$app
            while :; do
                rmdir "$folder" 2>/dev/null || break
                [ "$folder" != "$first_missing" ] || break
                folder=$(dirname "$folder")
            done
        fi
        if [ "$status" != 0 ] && [ -z "$reported" ]; then
            if [ "$fresh" = 1 ]; then
                unchanged="Nothing was installed."
                unchanged_pt="Nada foi instalado."
            else
                unchanged="The installed Attention Study is unchanged."
                unchanged_pt="O Attention Study instalado não foi alterado."
            fi
            printf '\n%s\n%s\n\n' "The installation failed while $failed_step (see the messages above). $unchanged If it says it could not connect, check your internet connection; then run this again." \
                "A instalação falhou durante $failed_step_pt (veja as mensagens acima). $unchanged_pt Se a mensagem disser que não conseguiu se conectar, verifique a conexão com a internet; depois execute isto de novo." >&2
            status=1
        fi
    fi
    exit "$status"
}
interrupted() {
    trap '' INT TERM
    if [ "$fresh" = 1 ]; then
        printf '\n%s\n%s\n\n' "Interrupted: nothing was installed." "Interrompido: nada foi instalado." >&2
    else
        printf '\n%s\n%s\n\n' "Interrupted: the installed Attention Study is unchanged." \
            "Interrompido: o Attention Study instalado não foi alterado." >&2
    fi
    reported=1
    exit "$1"
}
trap cleanup EXIT
trap 'interrupted 130' INT
trap 'interrupted 143' TERM

mkdir -p "$app"
# What an earlier run cut short (a power cut, kill -9) may have left: finish or undo it.
if [ -d "$old" ]; then
    if [ -e "$env" ]; then rm -rf "$old"; else mv "$old" "$env"; fi
fi
rm -rf "$new"

# Python's version as another interpreter reports it ("" when it does not run).
version_of() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true; }

if [ -d "$env" ]; then fresh=0; fi
if [ "$fresh" = 0 ] && [ "$(version_of "$env/bin/python")" = "$major.$minor" ]; then
    failed_step="copying the installed environment"
    failed_step_pt="a cópia do ambiente instalado"
    step "Upgrading Attention Study in $env" \
        "Atualizando o Attention Study em $env"
    cp -RPp "$env" "$new"
else
    failed_step="making the environment"
    failed_step_pt="a criação do ambiente"
    step "Installing Attention Study into $env, with Python $version ($python)" \
        "Instalando o Attention Study em $env, com o Python $version ($python)"
    "$python" -m venv --prompt attention-study "$new"
fi
pip() { "$new/bin/python" -m pip --disable-pip-version-check "$@"; }

failed_step="installing PyTorch"
failed_step_pt="a instalação do PyTorch"
if [ -n "${ATTENTION_STUDY_TORCH:-}" ]; then
    step "PyTorch: $ATTENTION_STUDY_TORCH" "PyTorch: $ATTENTION_STUDY_TORCH"
    pip install "$ATTENTION_STUDY_TORCH"
else
    step "PyTorch, the CPU build (about 200 MB to download the first time; this can take several minutes)" \
        "PyTorch, a versão para CPU (cerca de 200 MB para baixar da primeira vez; pode levar vários minutos)"
    pip install torch --index-url https://download.pytorch.org/whl/cpu
fi

failed_step="building and installing Attention Study"
failed_step_pt="a construção e instalação do Attention Study"
step "Attention Study and the libraries it uses (Qt, NumPy, pyqtgraph)" \
    "O Attention Study e as bibliotecas que ele usa (Qt, NumPy, pyqtgraph)"
# The wheel is built from a copy, so that this folder gets no build/ of its own and may be
# read-only; the environment keeps no link to it.
work=$(mktemp -d "${TMPDIR:-/tmp}/attention-study-install.XXXXXX")
"$python" -c 'import shutil, sys
shutil.copytree(sys.argv[1], sys.argv[2], symlinks=True, ignore=shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", "*.pyc",
    ".*_cache", ".hypothesis", ".benchmarks", "tests"))' "$here" "$work/source"
pip install "$work/source"

failed_step="checking the installed program"
failed_step_pt="a verificação do programa instalado"
if ! problem=$(cd / && "$new/bin/python" -I -c 'import torch, numpy, pyqtgraph, PySide6.QtGui, PySide6.QtWidgets, main' 2>&1); then
    printf '%s\n' "$problem" | tail -n 3 >&2
    refuse "The installed program does not start: a library it needs does not load (the error is above). Nothing was installed." \
        "O programa instalado não inicia: uma biblioteca de que ele precisa não carrega (o erro está acima). Nada foi instalado."
fi

# The environment's scripts name the folder they were installed in: name env, not env.new.
"$new/bin/python" -I -c 'import os, sys
new, env = (os.fsencode(name) for name in sys.argv[1:3])
files = [os.path.join(new, b"bin", name) for name in os.listdir(os.path.join(new, b"bin"))]
for path in files + [os.path.join(new, b"pyvenv.cfg")]:
    if os.path.islink(path) or not os.path.isfile(path):
        continue
    with open(path, "rb") as stream:
        text = stream.read()
    if text.startswith(b"\x7fELF") or new not in text:
        continue
    with open(path + b".tmp", "wb") as stream:
        stream.write(text.replace(new, env))
    os.chmod(path + b".tmp", os.stat(path).st_mode)
    os.replace(path + b".tmp", path)' "$new" "$env"

failed_step="putting the new environment in place"
failed_step_pt="a troca do ambiente"
state=swapping
if [ -e "$env" ]; then mv "$env" "$old"; fi
mv "$new" "$env"
state=placed

failed_step="adding the menu entry"
failed_step_pt="a criação da entrada no menu"
step "The menu entry" "A entrada no menu"
"$env/bin/attention-study" --install-desktop-entry
cp "$here/uninstall.sh" "$app/uninstall.sh.tmp"
chmod 755 "$app/uninstall.sh.tmp"
mv "$app/uninstall.sh.tmp" "$app/uninstall.sh"

state=finished
rm -rf "$old"
seconds=$(( $(date +%s) - began ))

printf '\n'
say "Attention Study is installed (in $seconds s)." "O Attention Study está instalado (em $seconds s)."
say "To start it, choose \"Attention Study\" in the applications menu, or run:" \
    "Para abri-lo, escolha \"Attention Study\" no menu de programas, ou execute:"
printf '    %s\n' "$env/bin/attention-study"
say "To remove it (your sessions and autosaved work are kept), run:" \
    "Para removê-lo (as suas sessões e o trabalho salvo automaticamente são mantidos), execute:"
printf '    sh %s\n' "$app/uninstall.sh"
say "To upgrade it, run install.sh again from a newer copy." \
    "Para atualizá-lo, execute de novo o install.sh de uma cópia mais nova."

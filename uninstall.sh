#!/bin/sh
# Remove Attention Study as install.sh installed it: the menu entry and its icons, the
# program's environment, and the copy of this script beside it.  What is yours stays: the
# sessions you saved, the autosaved work (attention-study/autosave/ in the data folder) and
# the settings (~/.config/Attention Study).  Running it again does no harm.
#
#     sh uninstall.sh
set -eu

say() { printf '%s\n%s\n' "$1" "$2"; }
list() { printf '    %s\n' "$@"; }

data=${XDG_DATA_HOME:-}
case $data in /*) ;; *) data=$HOME/.local/share ;; esac
config=${XDG_CONFIG_HOME:-}
case $config in /*) ;; *) config=$HOME/.config ;; esac
app=$data/attention-study
env=$app/env
entry=$data/applications/attention-study.desktop
removed=""
failed=""

remove() {  # remove "$1" (a file or a folder) if it is there, and note it
    if [ -e "$1" ] || [ -L "$1" ]; then
        if rm -rf "$1" 2>/dev/null && [ ! -e "$1" ]; then
            removed="$removed
$1"
        else
            failed="$failed
$1"
        fi
    fi
}

# The menu entry and its icons: the program removes exactly the files it wrote.  If it
# cannot run (its Python is gone, say), remove them here, but only when the entry is this
# installation's (another installation may have one of the same name).
if [ -x "$env/bin/attention-study" ]; then
    "$env/bin/attention-study" --uninstall-desktop-entry 2>/dev/null || true
fi
if [ -f "$entry" ] && grep '^Exec=' "$entry" | grep -qF "$env/bin/attention-study"; then
    remove "$entry"
    for icon in "$data"/icons/hicolor/*/apps/attention-study.png \
        "$data"/icons/hicolor/scalable/apps/attention-study.svg; do
        remove "$icon"
    done
fi

remove "$env"
remove "$app/env.new"
remove "$app/env.old"
remove "$app/uninstall.sh"
remove "$app/uninstall.sh.tmp"
rmdir "$app" 2>/dev/null || true  # only when nothing of the user's is in it

if [ -n "$removed" ]; then
    say "Attention Study is removed. Removed:" "O Attention Study foi removido. Removido:"
    printf '%s\n' "$removed" | sed -e '/^$/d' -e 's/^/    /'
else
    say "Attention Study is not installed here: nothing to remove." \
        "O Attention Study não está instalado aqui: nada a remover."
fi

kept=""
for folder in "$app/autosave" "$config/Attention Study"; do
    if [ -e "$folder" ]; then kept="$kept
$folder"; fi
done
if [ -d "$app" ]; then
    for other in "$app"/* "$app"/.[!.]*; do
        if [ -e "$other" ] && [ "$other" != "$app/autosave" ]; then kept="$kept
$other"; fi
    done
fi
if [ -n "$kept" ]; then
    say "Kept, because it is your work or your settings:" \
        "Mantido, porque é o seu trabalho ou as suas configurações:"
    printf '%s\n' "$kept" | sed -e '/^$/d' -e 's/^/    /'
fi
say "Sessions you saved elsewhere (your .json files) are never touched." \
    "As sessões que você salvou em outros lugares (os seus arquivos .json) nunca são tocadas."

if [ -n "$failed" ]; then
    say "These could not be removed (check their permissions, and run this again):" \
        "Não foi possível remover estes (verifique as permissões e execute isto de novo):"
    printf '%s\n' "$failed" | sed -e '/^$/d' -e 's/^/    /'
    exit 1
fi

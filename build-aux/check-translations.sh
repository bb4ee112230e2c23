#!/usr/bin/env bash
# check-translations.sh SOURCE_ROOT: fails unless po/zh_CN.po translates every
# message of the current sources, with nothing fuzzy, and every source file
# with translatable strings is listed in po/POTFILES.in.
set -euo pipefail
root=$1
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# Files with strings that po/POTFILES.in forgets.
while read -r f; do
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done < <(grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)\(|translatable="yes"' src data \
           --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' | sort)

# The same extraction as meson's i18n 'glib' preset.
xgettext --package-name=deputy-desk --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_prefix_error:2:c-format --flag=g_printerr:1:c-format --flag=g_print:1:c-format \
  --files-from=po/POTFILES.in --directory="$root" --output="$tmp/deputy-desk.pot" 2>"$tmp/xgettext.log" \
  || { cat "$tmp/xgettext.log"; exit 1; }

# A format macro inside _() (G_GINT64_FORMAT …) cuts the message short at extraction.
if grep -nE '^(msgid|msgid_plural|").*[^%](%%)*%"$' "$tmp/deputy-desk.pot" >"$tmp/cut.txt"; then
  echo "messages cut short by a format macro inside _() (print the number into a string first):"
  grep -B3 -F -f <(cut -d: -f2- "$tmp/cut.txt") "$tmp/deputy-desk.pot" | grep '^#:' | sort -u
  status=1
fi

msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/zh_CN.po" po/zh_CN.po "$tmp/deputy-desk.pot"
stats=$(LC_ALL=C msgfmt --check --statistics --output-file=/dev/null "$tmp/zh_CN.po" 2>&1)
echo "zh_CN: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "po/zh_CN.po is incomplete; these need a translation:"
    msgattrib --untranslated --only-fuzzy --no-obsolete "$tmp/zh_CN.po" 2>/dev/null | grep -E '^msgid ' | head -50 || true
    msgattrib --untranslated --no-obsolete "$tmp/zh_CN.po" | grep -E '^msgid ' | head -50 || true
    status=1 ;;
esac
# Obsolete messages in the file are harmless but mean it was not merged.
exit $status

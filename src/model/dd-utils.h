/* dd-utils.h: small helpers GLib 2.74 lacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Like g_set_str() of GLib 2.76: replaces *@ptr by a copy of @str; TRUE if it changed. */
static inline gboolean
dd_set_str (char       **ptr,
            const char  *str)
{
  char *copy;

  if (*ptr == str || g_strcmp0 (*ptr, str) == 0)
    return FALSE;
  copy = g_strdup (str);
  g_free (*ptr);
  *ptr = copy;
  return TRUE;
}

gboolean dd_date_is_valid (const char *text);
int      dd_date_year     (const char *iso_date);

G_END_DECLS

/* dd-io-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-io"

#include "dd-io-error.h"
#include "dd-io-private.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

G_DEFINE_QUARK (dd-io-error-quark, dd_io_error)

/* The helpers of dd-io-private.h: file-level checks every reader makes. */

gboolean
dd_io_is_zip (const guint8 *data,
              gsize         len)
{
  return len >= 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4;
}

/* The compound document of Excel 97–2003 (.xls) and WPS's .et */
gboolean
dd_io_is_ole (const guint8 *data,
              gsize         len)
{
  static const guint8 magic[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

  return len >= sizeof magic && memcmp (data, magic, sizeof magic) == 0;
}

void
dd_io_set_too_large (GError     **error,
                     const char  *name,
                     guint64      size,
                     guint64      limit)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit_text = g_format_size (limit);

  g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_TOO_LARGE,
               _("“%s” is too large to read (%s; at most %s)."), name, size_text, limit_text);
}

/* The whole file, refused before reading if over @limit bytes. */
GBytes *
dd_io_read_file (const char  *path,
                 const char  *name,
                 guint64      limit,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  char *contents = NULL;
  gsize len = 0;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_IO,
                   _("Could not read “%s”: %s"), name, g_strerror (saved));
      return NULL;
    }
  if ((guint64) st.st_size > limit)
    {
      dd_io_set_too_large (error, name, st.st_size, limit);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_IO,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  if (len > limit)
    {
      g_free (contents);
      dd_io_set_too_large (error, name, len, limit);
      return NULL;
    }
  return g_bytes_new_take (contents, len);
}

/* dd-mask.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "dd-mask.h"

/* Replaces the digits of @text from digit number @from (0-based) up to, not
 * including, digit number @to with stars; every other character is kept. */
static char *
star_digits (const char *text,
             guint       from,
             guint       to)
{
  GString *out = g_string_sized_new (strlen (text));
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (out, n >= from && n < to ? '*' : *p);
          n++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
dd_mask_phone (const char *phone)
{
  g_autofree char *text = NULL;
  const char *start;
  guint digits = 0, skip = 0;

  if (phone == NULL)
    return g_strdup ("");
  text = g_strstrip (g_strdup (phone));
  start = text;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      digits++;
  if (digits == 0)
    return g_steal_pointer (&text);

  /* A country code before a mobile number: +86 or 0086 or 86, then 1… */
  if ((g_str_has_prefix (text, "+86") || g_str_has_prefix (text, "0086") ||
       g_str_has_prefix (text, "86")) && digits >= 13)
    skip = g_str_has_prefix (text, "0086") ? 4 : 2;

  if (digits - skip == 11)
    {
      /* The first digit after the country code */
      guint n = 0;
      char first = 0;

      for (const char *p = start; *p != '\0'; p++)
        if (g_ascii_isdigit (*p) && n++ == skip)
          {
            first = *p;
            break;
          }
      if (first == '1')
        return star_digits (text, skip + 3, skip + 7);
    }

  /* A landline with its area code: 0571-88123456, (010)12345678 */
  if (text[0] == '0' || text[0] == '(')
    {
      const char *sep = strpbrk (text, "-) ");

      if (sep != NULL)
        {
          guint area = 0;

          for (const char *p = text; p < sep; p++)
            if (g_ascii_isdigit (*p))
              area++;
          if (digits > area + 4)
            return star_digits (text, area, digits - 4);
        }
      else if (digits >= 11)
        {
          /* 057188123456: a three- or four-digit area code run together */
          guint area = (text[1] == '1' || text[1] == '2') ? 3 : 4;

          return star_digits (text, area, digits - 4);
        }
    }

  if (digits >= 11)
    return star_digits (text, 3, digits - 4);
  if (digits >= 7)
    return star_digits (text, 0, digits - 4);
  return star_digits (text, 0, digits > 2 ? digits - 2 : digits);
}

char *
dd_mask_name (const char *name)
{
  g_autofree char *text = NULL;
  GString *out;
  const char *p;

  if (name == NULL)
    return g_strdup ("");
  text = g_strstrip (g_strdup (name));
  if (text[0] == '\0' || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  out = g_string_new (NULL);
  p = g_utf8_next_char (text);
  g_string_append_len (out, text, p - text);
  for (; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_c (out, g_unichar_isspace (g_utf8_get_char (p)) ? ' ' : '*');
  return g_string_free (out, FALSE);
}

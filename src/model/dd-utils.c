/* dd-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "dd-utils.h"

/* TRUE for an existing calendar day written as YYYY-MM-DD. */
gboolean
dd_date_is_valid (const char *text)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  for (int i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }
  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  return y >= 1900 && y <= 2999 && g_date_valid_dmy (d, m, y);
}

int
dd_date_year (const char *iso_date)
{
  return iso_date != NULL ? atoi (iso_date) : 0;
}

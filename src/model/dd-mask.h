/* dd-mask.h: personal data hidden in exports meant to leave the office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A phone number with its middle hidden: a mobile 13812341234 (or +86 138
 * 1234 1234) becomes 138****1234; a landline keeps its area code and its
 * last four digits, 0571-88123456 → 0571-****3456, 88123456 → ****3456.
 * Anything else keeps its first three and last four digits when it has
 * eleven or more, else only its last two. Separators are kept; NULL or ""
 * gives "". */
char *dd_mask_phone (const char *phone);

/* A person's name with all but its first character hidden, one star a
 * character: 张三 → 张*, 欧阳娜娜 → 欧***; NULL or "" gives "". */
char *dd_mask_name  (const char *name);

G_END_DECLS

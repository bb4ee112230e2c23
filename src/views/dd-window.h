/* dd-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-context.h"

G_BEGIN_DECLS

/* Where a database path came from: it decides what a missing file means. */
typedef enum
{
  DD_WINDOW_OPEN_DEFAULT,       /* the default path: missing → welcome */
  DD_WINDOW_OPEN_COMMAND_LINE,  /* --database: missing → welcome, created there */
  DD_WINDOW_OPEN_REMEMBERED,    /* the last one opened: missing → an error */
  DD_WINDOW_OPEN_CHOSEN,        /* picked in a file chooser: remembered */
} DdWindowOpenOrigin;

#define DD_TYPE_WINDOW (dd_window_get_type ())
G_DECLARE_FINAL_TYPE (DdWindow, dd_window, DD, WINDOW, AdwApplicationWindow)

DdWindow  *dd_window_new          (GtkApplication     *application,
                                   DdContext          *context);
DdContext *dd_window_get_context  (DdWindow           *self);
void       dd_window_open_initial (DdWindow           *self);
void       dd_window_open_path    (DdWindow           *self,
                                   const char         *path,
                                   DdWindowOpenOrigin  origin);
void       dd_window_add_toast    (DdWindow           *self,
                                   AdwToast           *toast);
const char *dd_window_get_state   (DdWindow           *self);

G_END_DECLS

/* dd-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-context.h"

G_BEGIN_DECLS

#define DD_TYPE_APPLICATION (dd_application_get_type ())
G_DECLARE_FINAL_TYPE (DdApplication, dd_application, DD, APPLICATION, AdwApplication)

DdApplication *dd_application_new         (void);
DdContext     *dd_application_get_context (DdApplication *self);

G_END_DECLS

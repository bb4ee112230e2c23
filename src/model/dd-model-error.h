/* dd-model-error.h: the error domain of the model layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DD_MODEL_ERROR (dd_model_error_quark ())

typedef enum
{
  DD_MODEL_ERROR_INVALID,          /* a field failed validation; the message names it */
  DD_MODEL_ERROR_NOT_FOUND,        /* no row with that id */
  DD_MODEL_ERROR_NEWER_SCHEMA,     /* written by a newer Deputy Desk */
  DD_MODEL_ERROR_NOT_A_DATABASE,   /* a text file, an unrelated SQLite file … */
  DD_MODEL_ERROR_CORRUPT,          /* truncated or damaged */
  DD_MODEL_ERROR_NO_DATABASE,      /* asked to open a file that does not exist */
  DD_MODEL_ERROR_CONSTRAINT,       /* the database refused the write (unique, foreign key …) */
  DD_MODEL_ERROR_BUSY,             /* another program holds the database */
  DD_MODEL_ERROR_IO,               /* the file system failed */
  DD_MODEL_ERROR_FAILED,           /* anything else SQLite reported */
  DD_MODEL_ERROR_ILLEGAL_TRANSITION, /* the workflow does not allow that move; the message names both states */
} DdModelError;

GQuark dd_model_error_quark (void);

G_END_DECLS

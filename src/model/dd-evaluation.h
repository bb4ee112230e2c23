/* dd-evaluation.h: a proposer's verdict on the handling of a suggestion (满意度测评)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-entity.h"

G_BEGIN_DECLS

#define DD_TYPE_EVALUATION (dd_evaluation_get_type ())
G_DECLARE_FINAL_TYPE (DdEvaluation, dd_evaluation, DD, EVALUATION, DdEntity)

DdEvaluation *dd_evaluation_new  (void);
DdEvaluation *dd_evaluation_load (DdStore  *store,
                                  gint64    id,
                                  GError  **error);

G_END_DECLS

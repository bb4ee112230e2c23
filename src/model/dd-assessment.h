/* dd-assessment.h: a deputy's yearly duty score and its review (履职考核)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-entity.h"

G_BEGIN_DECLS

#define DD_TYPE_ASSESSMENT (dd_assessment_get_type ())
G_DECLARE_FINAL_TYPE (DdAssessment, dd_assessment, DD, ASSESSMENT, DdEntity)

DdAssessment *dd_assessment_new  (void);
DdAssessment *dd_assessment_load (DdStore  *store,
                                  gint64    id,
                                  GError  **error);

G_END_DECLS

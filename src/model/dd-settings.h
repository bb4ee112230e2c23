/* dd-settings.h: settings kept in the database, shared by every desk using it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-store.h"

G_BEGIN_DECLS

/* Keys of the settings table */
#define DD_SETTING_OFFICE_NAME      "office-name"       /* e.g. 江州市人大常委会代表工作室 */
#define DD_SETTING_QR_STATION_URL   "qr-station-url"    /* e.g. https://…/station/{code} */
#define DD_SETTING_QR_DEPUTY_URL    "qr-deputy-url"     /* e.g. https://…/deputy/{code} */
/* The unit ranking's weights (dd-analytics.h, DdRankingWeights): each a
 * number 0 … 1 as text ("0.3"); read and written with dd_ranking_weights_get()
 * and dd_ranking_weights_set(), which check them. Defaults 0.3, 0.3, 0.4. */
#define DD_SETTING_RANKING_WEIGHT_ON_TIME      "ranking-weight-on-time"
#define DD_SETTING_RANKING_WEIGHT_CLASSES      "ranking-weight-classes"
#define DD_SETTING_RANKING_WEIGHT_SATISFACTION "ranking-weight-satisfaction"
#define DD_SETTING_RANKING_MIN_REPLIES         "ranking-min-replies"

char     *dd_settings_dup      (DdStore     *store,
                                const char  *key);
/* One transaction with an audit entry; NULL or "" removes the setting.
 * The QR templates must be empty or contain "{code}" (DD_MODEL_ERROR_INVALID). */
gboolean  dd_settings_set      (DdStore     *store,
                                const char  *key,
                                const char  *value,
                                GError     **error);
/* Several settings in one transaction, each audited as by dd_settings_set();
 * all are checked first, and on any error nothing is written. */
gboolean  dd_settings_set_many (DdStore            *store,
                                const char * const *keys,
                                const char * const *values,
                                guint               n_settings,
                                GError            **error);
/* The QR payload of a station's or deputy's code: the URL template with
 * {code} replaced, or the plain code when no template is set. */
char     *dd_qr_payload_dup    (DdStore     *store,
                                const char  *template_key,
                                const char  *code);

G_END_DECLS

/* dd-year-summary.h: the year's chain of figures and its report paragraph
 *
 * "2023年,全市1444名各级人大代表进家接待选民…人次,收到意见建议896条,
 * 采纳576条,帮助群众解决问题705个…": the figures an office's annual
 * report strings together, and that sentence generated from them.
 * Definitions are those of DdAnalytics for the calendar year, no other
 * filter (README.md, "Statistics: how each figure is computed").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dd-analytics.h"
#include "dd-store.h"

G_BEGIN_DECLS

/**
 * DdYearSummary:
 * @year: the calendar year
 * @deputies_receiving_voters: distinct deputies (seats) on the year's
 *   receptions (名代表进家接待选民)
 * @receptions: receptions held in the year (接待…次)
 * @voters_received: their sum of voters_received (接待选民…人次)
 * @opinions_recorded: voters' opinions registered in the year (收到意见建议…条)
 * @opinions_adopted: of those, latest reply A or B (采纳…条)
 * @opinions_solved: of those, latest reply A (帮助群众解决问题…个)
 * @suggestions: deputies' suggestions registered in the year (代表建议…件)
 * @suggestions_replied: of those, with a reply (已答复)
 * @suggestions_closed: of those, in state closed (办结)
 * @evaluated: verdicts on suggestions of both kinds registered in the
 *   year, one per proposer (DdAnalyticsGroup.verdicts)
 * @satisfied: of those, satisfied or basically satisfied
 * @satisfaction_rate: satisfied / evaluated; NAN if nothing was evaluated
 * @on_time_rate: DdAnalyticsGroup.on_time_rate over both kinds; NAN if none
 */
typedef struct
{
  int     year;
  gint64  deputies_receiving_voters;
  gint64  receptions;
  gint64  voters_received;
  gint64  opinions_recorded;
  gint64  opinions_adopted;
  gint64  opinions_solved;
  gint64  suggestions;
  gint64  suggestions_replied;
  gint64  suggestions_closed;
  gint64  evaluated;
  gint64  satisfied;
  double  satisfaction_rate;
  double  on_time_rate;
} DdYearSummary;

/* The summary of @analytics: its figures as they are (computed for one year
 * they are the year's summary; @year is dd_analytics_filter_get_year() of
 * its filter, 0 for another period). */
void           dd_year_summary_from_analytics (DdYearSummary            *summary,
                                               const DdAnalytics        *analytics);
gboolean       dd_year_summary_compute        (DdStore                  *store,
                                               int                       year,
                                               DdYearSummary            *summary,
                                               GError                  **error);
void           dd_year_summary_compute_async  (DdStore                  *store,
                                               int                       year,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
/* Returns: (transfer full): the summary, free with g_free(), or NULL */
DdYearSummary *dd_year_summary_compute_finish (GAsyncResult             *result,
                                               GError                  **error);

/**
 * dd_year_summary_paragraph:
 * @office_name: (nullable): the office's name (DD_SETTING_OFFICE_NAME); it
 *   gives the scope of the figures (dd_year_summary_scope_word())
 *
 * A paragraph in the style of an annual report, translated (English in
 * the C locale): receptions and voters received, opinions received,
 * adopted and solved, suggestions registered, replied and closed, and the
 * satisfaction rate when anything was evaluated. Figures that are 0 are
 * left out of the chain; a year with nothing recorded gives one sentence
 * saying so.
 *
 * Returns: (transfer full): the paragraph
 */
char          *dd_year_summary_paragraph      (const DdYearSummary      *summary,
                                               const char               *office_name);
/* (transfer none): the translated scope of @office_name's figures: the
 * last of 省, 市, 县, 旗, 区 in the name before "人大" (or in the whole name)
 * gives "across the province" (全省), "across the city" (全市), "across the
 * county" (全县), "across the banner" (全旗) or "across the district" (全区;
 * also 自治区); none of them, or NULL: "" and the paragraph has no scope
 * ("2023年,共有…名各级人大代表…"). */
const char    *dd_year_summary_scope_word     (const char               *office_name);

G_END_DECLS

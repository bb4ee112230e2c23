/* dd-export.h: a list as it is shown, with its filters, as a sheet of typed
 * cells for the spreadsheet writers (src/io)
 *
 * How a caller (an Export… button, `deputy-desk-cli export`) drives it:
 * build DdExportOptions with the list's current filters, call
 * dd_export_build() (or _build_async() in a worker), then hand the sheet to
 * the XLSX or CSV writer of src/io. Masking is on unless the caller turns
 * it off: the export is assumed to leave the office.
 *
 * Columns: translated headers; numbers as numbers, dates as dates, codes as
 * their translated names. The sheets:
 *   deputies     name, gender, ethnicity, date of birth, level, term,
 *                constituency, district, township, occupation, group,
 *                phone (masked), status, date of leaving, code
 *   stations     code, name, kind, address, district, township, fixed days,
 *                hours and place, contact person and phone, upgrade date,
 *                deputies attached, archived
 *   suggestions  number, kind, title, category, state, lead proposer, other
 *                proposers, lead unit, co-handling units, station, voter's
 *                name and phone (masked), reply class, verdict, round, then
 *                one date column per milestone: registered, assigned,
 *                replied, evaluated, closed (the suggestion's own dates, kept
 *                by the workflow as it moves), and the reply deadline
 *   receptions   date, station, station code, deputies present, voters
 *                received, petitions handled, topic, opinions recorded
 *   stats        one row per figure of the year (DdYearStats): section,
 *                figure, value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dd-sheet.h"
#include "dd-store.h"
#include "dd-suggestion-list.h"

G_BEGIN_DECLS

typedef enum
{
  DD_EXPORT_DEPUTIES,
  DD_EXPORT_STATIONS,
  DD_EXPORT_SUGGESTIONS,
  DD_EXPORT_RECEPTIONS,
  DD_EXPORT_STATS,
} DdExportKind;

const char *dd_export_kind_to_string   (DdExportKind  kind);
gboolean    dd_export_kind_from_string (const char   *text,
                                        DdExportKind *kind);

/**
 * DdExportOptions:
 * Filters as the lists take them; NULL / 0 / FALSE: no filter.
 * @mask: hide personal data (dd-mask.h): deputies' phones, voters' names
 *   and phones; default TRUE (dd_export_options_init())
 * @year: suggestions registered, receptions held in that year; for stats,
 *   the year (0: the latest year with data)
 * @search, @level, @status, @group_name, @station_id: deputies
 *   (DdDeputyList); @search, @station_kind, @district, @township,
 *   @show_archived: stations (DdStationList)
 * @suggestion_filter: (nullable): suggestions (a board's
 *   DdSuggestionFilter; its year wins over @year when set)
 * @states: (nullable): suggestions: only these states (a board column)
 * @station_id: receptions, deputies: of this station
 */
typedef struct
{
  gboolean             mask;
  int                  year;
  const char          *search;
  const char          *level;
  const char          *status;
  const char          *group_name;
  gint64               station_id;
  const char          *station_kind;
  const char          *district;
  const char          *township;
  gboolean             show_archived;
  DdSuggestionFilter  *suggestion_filter;
  const char * const  *states;
} DdExportOptions;

void      dd_export_options_init  (DdExportOptions   *options);

/* (transfer full): the sheet (row 0 the headers, titled for the XLSX tab),
 * or NULL with @error set. */
DdSheet  *dd_export_build         (DdStore           *store,
                                   DdExportKind       kind,
                                   const DdExportOptions *options,
                                   GCancellable      *cancellable,
                                   GError           **error);
/* In a worker on a reader connection (an in-memory store runs at once);
 * @options is copied (the filter is referenced). */
void      dd_export_build_async   (DdStore           *store,
                                   DdExportKind       kind,
                                   const DdExportOptions *options,
                                   GCancellable      *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer           user_data);
DdSheet  *dd_export_build_finish  (GAsyncResult      *result,
                                   GError           **error);
/* A file name for the sheet: "代表名单-2026-03-01.xlsx" … in the current
 * language, with @extension ("xlsx" or "csv"). */
char     *dd_export_suggest_file_name (DdExportKind  kind,
                                       int           year,
                                       const char   *extension);

G_END_DECLS

/* dd-exchange.h: one office's records to another, as a self-describing JSON file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-store.h"

G_BEGIN_DECLS

#define DD_EXCHANGE_FORMAT   "deputy-desk-exchange"
#define DD_EXCHANGE_VERSION  1
/* The settings key of the office's stable id (a UUID, made on the first export). */
#define DD_SETTING_OFFICE_ID "office-id"

typedef enum
{
  DD_EXCHANGE_TRANSFERRED,  /* suggestions transferred (转交), optionally to @transferred_to */
  DD_EXCHANGE_DATE_RANGE,   /* suggestions registered from @from to @to, inclusive */
  DD_EXCHANGE_TOWNSHIP,     /* a township's stations, their receptions and voters' opinions
                             * from @from to @to (a quarter, say) */
} DdExchangeKind;

/**
 * DdExchangeSelection:
 * What to export. Strings are borrowed; %NULL means "any".
 */
typedef struct
{
  DdExchangeKind  kind;
  const char     *transferred_to;  /* TRANSFERRED: only those transferred to this (exact) */
  const char     *from;            /* YYYY-MM-DD */
  const char     *to;              /* YYYY-MM-DD */
  const char     *district;        /* TOWNSHIP */
  const char     *township;        /* TOWNSHIP */
} DdExchangeSelection;

typedef enum
{
  DD_EXCHANGE_DUPLICATES_SKIP,    /* keep the local record as it is */
  DD_EXCHANGE_DUPLICATES_UPDATE,  /* overwrite the local record with the file's */
  DD_EXCHANGE_DUPLICATES_NEW,     /* import as another record */
} DdExchangeDuplicates;

typedef struct
{
  gboolean              dry_run;
  DdExchangeDuplicates  duplicates;
} DdExchangeOptions;

/* The record kinds of a file, in the order they are imported. */
typedef enum
{
  DD_EXCHANGE_UNITS,
  DD_EXCHANGE_DEPUTIES,
  DD_EXCHANGE_STATIONS,
  DD_EXCHANGE_RECEPTIONS,
  DD_EXCHANGE_SUGGESTIONS,
  DD_EXCHANGE_N_KINDS
} DdExchangeRecordKind;

/**
 * DdExchangeReport:
 * What an import did, or a dry run would do.
 * @office_name, @office_id: the sending office, as the file names it
 * @added, @updated, @skipped: per DdExchangeRecordKind
 * @lines: one translated line per record added, updated or skipped, with
 *   its JSON path ("suggestions[3]: added “…”")
 * @problems: one translated line per problem, with the JSON path of the
 *   record ("suggestions[12].units[0]: unit “X” does not exist"); an import
 *   with problems writes nothing
 */
typedef struct
{
  char       *office_name;
  char       *office_id;
  guint       added[DD_EXCHANGE_N_KINDS];
  guint       updated[DD_EXCHANGE_N_KINDS];
  guint       skipped[DD_EXCHANGE_N_KINDS];
  GPtrArray  *lines;
  GPtrArray  *problems;
} DdExchangeReport;

void        dd_exchange_report_free        (DdExchangeReport        *report);
const char *dd_exchange_record_kind_name   (DdExchangeRecordKind     kind);
char       *dd_exchange_report_dup_summary (const DdExchangeReport  *report);

char       *dd_exchange_dup_office_id      (DdStore                 *store,
                                            GError                 **error);
gboolean    dd_exchange_export             (DdStore                 *store,
                                            const DdExchangeSelection *selection,
                                            const char              *path,
                                            GError                 **error);
gboolean    dd_exchange_import             (DdStore                 *store,
                                            const char              *path,
                                            const DdExchangeOptions *options,
                                            DdExchangeReport       **report,
                                            GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DdExchangeReport, dd_exchange_report_free)

G_END_DECLS

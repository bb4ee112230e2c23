/* dd-import.h: records from an office's spreadsheet (deputies, stations,
 * handling units, suggestions), mapped, checked, then written all at once
 *
 * How a caller (the import wizard, `deputy-desk-cli import`) drives it:
 *
 *   1. Read the file into a DdSheet (src/io: CSV or XLSX). The headers are
 *      row 0, or the first row with two cells or more among the first five
 *      (after a title row such as 江州市第十六届人大代表名册).
 *   2. dd_import_new (store, kind, sheet): every column is mapped to a field
 *      from its header (Chinese or English, see the catalogue), or from the
 *      mapping remembered for the same kind and the same headers
 *      (dd_import_get_mapping_remembered()).
 *   3. Show the mapping (dd_import_get_n_columns(), _get_column_header(),
 *      _get_column_field(), dd_import_kind_get_fields() for the choices);
 *      the user changes it with dd_import_set_column_field() (NULL ignores
 *      the column), or a file with dd_import_load_mapping().
 *   4. Dry run: dd_import_check() (or _check_async() in a worker) validates
 *      every row as the model would and finds the duplicates. Show
 *      dd_import_get_problems() (row, column, reason) and
 *      dd_import_get_duplicates(); the user picks skip / update / import as
 *      new for each (dd_import_set_duplicate_action()) or for all
 *      (dd_import_set_all_duplicates_action()). Changing the mapping makes
 *      the check stale: check again.
 *   5. If there is no problem, dd_import_run() (or _run_async(), with a
 *      progress callback and a GCancellable for Cancel) writes every row in
 *      one transaction and remembers the mapping. On any error or on
 *      cancellation nothing at all is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dd-sheet.h"
#include "dd-store.h"

G_BEGIN_DECLS

typedef enum
{
  DD_IMPORT_DEPUTIES,
  DD_IMPORT_STATIONS,
  DD_IMPORT_UNITS,
  DD_IMPORT_SUGGESTIONS,
} DdImportKind;

#define DD_IMPORT_N_KINDS 4

/* "deputies", "stations", "units", "suggestions" ↔ the kind; FALSE if unknown. */
const char *dd_import_kind_to_string   (DdImportKind  kind);
gboolean    dd_import_kind_from_string (const char   *text,
                                        DdImportKind *kind);
/* Translated plural noun: "deputies", "handling units" … */
const char *dd_import_kind_get_label   (DdImportKind  kind);

typedef enum
{
  DD_IMPORT_TEXT,
  DD_IMPORT_DATE,      /* 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, or a date cell */
  DD_IMPORT_ENUM,      /* the code, its Chinese or English name */
  DD_IMPORT_INT,       /* 12, or 第十二届 / 十二 for a term */
  DD_IMPORT_BOOL,      /* 是/否, yes/no, true/false, 1/0 */
  DD_IMPORT_NAMES,     /* one or more names, separated by 、，,；; or spaces */
} DdImportFieldType;

/**
 * DdImportField:
 * A field a column can be mapped to.
 * @name: the entity's property ("name", "level" …) or an import field
 *   ("lead-unit", "co-units", "proposers", "station", "reply-class",
 *   "replied-on", "verdict" for suggestions)
 * @label: an untranslated msgid: translate with dd_import_field_get_label()
 * @aliases: the header names recognised, normalised (see
 *   dd_import_normalize_header()), separated by '|'
 */
typedef struct
{
  const char          *name;
  const char          *label;
  DdImportFieldType    type;
  gboolean             required;
  const char * const  *codes;      /* DD_IMPORT_ENUM */
  const char          *aliases;
} DdImportField;

/* (transfer none) (array length=n_fields): the fields of @kind */
const DdImportField *dd_import_kind_get_fields   (DdImportKind   kind,
                                                  guint         *n_fields);
const DdImportField *dd_import_kind_find_field   (DdImportKind   kind,
                                                  const char    *name);
const char          *dd_import_field_get_label   (const DdImportField *field);
/* Trimmed, full-width forms made half-width, lower case, without spaces,
 * '*', ':' and brackets: "  *姓 名：" → "姓名", "Phone (mobile)" → "phonemobile". */
char                *dd_import_normalize_header  (const char    *header);

typedef enum
{
  DD_DUPLICATE_SKIP,     /* keep the stored record, ignore the row */
  DD_DUPLICATE_UPDATE,   /* write the row's mapped fields over the stored record */
  DD_DUPLICATE_NEW,      /* import the row as another record */
} DdDuplicateAction;

/* "skip", "update", "new" ↔ the action; FALSE if unknown. */
gboolean    dd_duplicate_action_from_string (const char        *text,
                                             DdDuplicateAction *action);
const char *dd_duplicate_action_to_string   (DdDuplicateAction  action);

/**
 * DdImportProblem:
 * What is wrong with one row (or with the file, @row 0).
 * @row: the row number the user sees in the file (1-based; 0: the file)
 * @column: the column (0-based), or -1 when the problem is the row's
 * @column_name: "D", or %NULL
 * @header: the column's header as written in the file, or %NULL
 * @field: the field's name, or %NULL
 * @message: translated, e.g. "“省级人大” is not a level; expected one of
 *   全国, 省级, 市级, 县级, 乡镇"
 */
typedef struct
{
  guint  row;
  int    column;
  char  *column_name;
  char  *header;
  char  *field;
  char  *message;
} DdImportProblem;

void  dd_import_problem_free      (DdImportProblem *problem);
/* "deputies.csv, row 14, column D (层级): …", translated */
char *dd_import_problem_to_string (const DdImportProblem *problem,
                                   const char            *file_name);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DdImportProblem, dd_import_problem_free)

/**
 * DdImportDuplicate:
 * A row that matches a stored record, or an earlier row of the file.
 * @row: the row number the user sees in the file
 * @existing_id: the stored record, or 0 if it repeats an earlier row
 * @earlier_row: the earlier row of the file it repeats, or 0
 * @description: translated: what matched, e.g. "王芳, City, term 16"
 * @action: what the import will do with it (default: skip); a row
 *   repeating an earlier row cannot be updated: update means skip there
 */
typedef struct
{
  guint              row;
  gint64             existing_id;
  guint              earlier_row;
  char              *description;
  DdDuplicateAction  action;
} DdImportDuplicate;

/**
 * DdImportSummary:
 * What a run wrote (or, after a check, would write).
 */
typedef struct
{
  guint rows;        /* data rows of the sheet, blank rows not counted */
  guint inserted;
  guint updated;
  guint skipped;     /* duplicates skipped */
} DdImportSummary;

/* @fraction: 0 … 1; called on the thread that runs the work (for the
 * async calls: the main context of the caller, through an idle). */
typedef void (*DdImportProgressFunc) (double   fraction,
                                      gpointer user_data);

#define DD_TYPE_IMPORT (dd_import_get_type ())
G_DECLARE_FINAL_TYPE (DdImport, dd_import, DD, IMPORT, GObject)

/* @sheet: row 0 the headers, then the records; blank rows are ignored. */
DdImport     *dd_import_new                   (DdStore            *store,
                                               DdImportKind        kind,
                                               DdSheet            *sheet);
DdImportKind  dd_import_get_kind              (DdImport           *self);
DdSheet      *dd_import_get_sheet             (DdImport           *self);

/* The mapping: one entry per column of the sheet. */
guint         dd_import_get_n_columns         (DdImport           *self);
const char   *dd_import_get_column_header     (DdImport           *self,
                                               guint               column);
/* (nullable): the field's name, or NULL if the column is ignored */
const char   *dd_import_get_column_field      (DdImport           *self,
                                               guint               column);
/* @field: (nullable): a field of the kind, or NULL to ignore the column.
 * A field already mapped from another column is taken from it. */
gboolean      dd_import_set_column_field      (DdImport           *self,
                                               guint               column,
                                               const char         *field,
                                               GError            **error);
/* TRUE if the mapping came from the one remembered for these headers. */
gboolean      dd_import_get_mapping_remembered (DdImport          *self);
/* Lines "header=field" ('#' starts a comment; "header=" ignores the column):
 * the headers named are mapped as given, the others keep theirs. Errors
 * name the file and the line. */
gboolean      dd_import_load_mapping          (DdImport           *self,
                                               const char         *path,
                                               GError            **error);
gboolean      dd_import_set_mapping_text      (DdImport           *self,
                                               const char         *text,
                                               const char         *source_name,
                                               GError            **error);
/* (transfer full): the mapping in the same form, one line per column */
char         *dd_import_dup_mapping_text      (DdImport           *self);
/* Required fields no column is mapped to: (transfer container) (element-type DdImportField) */
GPtrArray    *dd_import_dup_unmapped_required (DdImport           *self);

/* The dry run: validates every row and finds the duplicates; writes nothing.
 * Returns FALSE only on a database error; the problems found are in
 * dd_import_get_problems(). */
gboolean      dd_import_check                 (DdImport           *self,
                                               GCancellable       *cancellable,
                                               DdImportProgressFunc progress,
                                               gpointer            progress_data,
                                               GError            **error);
void          dd_import_check_async           (DdImport           *self,
                                               GCancellable       *cancellable,
                                               DdImportProgressFunc progress,
                                               gpointer            progress_data,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean      dd_import_check_finish          (DdImport           *self,
                                               GAsyncResult       *result,
                                               GError            **error);
gboolean      dd_import_is_checked            (DdImport           *self);
/* (transfer none) (element-type DdImportProblem): by row, then column */
GPtrArray    *dd_import_get_problems          (DdImport           *self);
/* (transfer none) (element-type DdImportDuplicate): by row */
GPtrArray    *dd_import_get_duplicates        (DdImport           *self);
void          dd_import_set_duplicate_action  (DdImport           *self,
                                               guint               index,
                                               DdDuplicateAction   action);
void          dd_import_set_all_duplicates_action (DdImport       *self,
                                                   DdDuplicateAction action);
/* After a check: what a run would write with the actions chosen. */
void          dd_import_get_summary           (DdImport           *self,
                                               DdImportSummary    *summary);

/* Checks again, then writes every row in one transaction (one prepared
 * statement a table, one audit entry per record: field NULL, new value
 * "import: FILE"), and remembers the mapping. Fails with
 * DD_MODEL_ERROR_INVALID if the check found problems (nothing written),
 * G_IO_ERROR_CANCELLED if cancelled (nothing written). */
gboolean      dd_import_run                   (DdImport           *self,
                                               GCancellable       *cancellable,
                                               DdImportProgressFunc progress,
                                               gpointer            progress_data,
                                               DdImportSummary    *summary,
                                               GError            **error);
/* In a worker thread with a connection of its own (an in-memory store runs
 * at once); the store's ::changed is emitted on the caller's thread after
 * the commit. */
void          dd_import_run_async             (DdImport           *self,
                                               GCancellable       *cancellable,
                                               DdImportProgressFunc progress,
                                               gpointer            progress_data,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean      dd_import_run_finish            (DdImport           *self,
                                               GAsyncResult       *result,
                                               DdImportSummary    *summary,
                                               GError            **error);

G_END_DECLS

/* dd-cli-import.c: deputy-desk-cli import, records from an office's CSV or
 * XLSX file, with the wizard's mapping, dry run and duplicate rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "deputy-desk-cli"

#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "dd-cli.h"
#include "dd-csv.h"
#include "dd-import.h"
#include "dd-store-check.h"
#include "dd-xlsx-reader.h"

static gboolean
is_xlsx (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm");
}

static gboolean
parse_encoding (const char    *text,
                DdCsvEncoding *encoding)
{
  g_autofree char *lower = g_ascii_strdown (text != NULL ? text : "auto", -1);

  if (g_str_equal (lower, "auto"))
    *encoding = DD_CSV_ENCODING_AUTO;
  else if (g_str_equal (lower, "utf-8") || g_str_equal (lower, "utf8"))
    *encoding = DD_CSV_ENCODING_UTF8;
  else if (g_str_equal (lower, "gb18030") || g_str_equal (lower, "gbk") ||
           g_str_equal (lower, "gb2312"))
    *encoding = DD_CSV_ENCODING_GB18030;
  else
    return FALSE;
  return TRUE;
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  int *last = user_data;
  int percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100);

  if (percent == *last)
    return;
  *last = percent;
  g_printerr ("\r");
  /* TRANSLATORS: a progress line; %d%% is e.g. "42%" */
  g_printerr (_("Importing… %d%%"), percent);
}

/* "deputies.csv:14:D: message": what editors and scripts read */
static void
print_problems (DdImport   *import,
                const char *file)
{
  GPtrArray *problems = dd_import_get_problems (import);

  for (guint i = 0; i < problems->len; i++)
    {
      DdImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *message = g_strdup (problem->message);

      g_strdelimit (message, "\r\n", ' ');
      if (problem->row == 0)
        g_print ("%s: %s\n", file, message);
      else if (problem->column_name == NULL)
        g_print ("%s:%u: %s\n", file, problem->row, message);
      else
        g_print ("%s:%u:%s: %s\n", file, problem->row, problem->column_name, message);
    }
}

static void
print_mapping (DdImport *import)
{
  DdImportKind kind = dd_import_get_kind (import);

  g_print ("%s\n", dd_import_get_mapping_remembered (import)
                   ? _("Columns (as remembered for these headers):")
                   : _("Columns:"));
  for (guint c = 0; c < dd_import_get_n_columns (import); c++)
    {
      g_autofree char *letter = dd_sheet_column_name (c);
      const char *field = dd_import_get_column_field (import, c);
      const char *header = dd_import_get_column_header (import, c);

      if (field != NULL)
        g_print ("  %-3s %s → %s (%s)\n", letter, header, field,
                 dd_import_field_get_label (dd_import_kind_find_field (kind, field)));
      else
        /* TRANSLATORS: a column of the file that is not imported */
        g_print ("  %-3s %s → %s\n", letter, header, _("(not imported)"));
    }
}

static void
print_duplicates (DdImport *import)
{
  GPtrArray *duplicates = dd_import_get_duplicates (import);

  if (duplicates->len == 0)
    return;
  g_print (ngettext ("%u duplicate:\n", "%u duplicates:\n", duplicates->len), duplicates->len);
  for (guint i = 0; i < duplicates->len; i++)
    {
      DdImportDuplicate *d = g_ptr_array_index (duplicates, i);
      g_autofree char *what = NULL;
      const char *action;

      if (d->existing_id != 0)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, d->existing_id);
          /* TRANSLATORS: a row that matches a stored record, e.g. "王芳, City, term 16 (stored as number 12)" */
          what = g_strdup_printf (_("%s (stored as number %s)"), d->description, id);
        }
      else
        /* TRANSLATORS: a row that repeats an earlier row of the file */
        what = g_strdup_printf (_("%s (as row %u)"), d->description, d->earlier_row);
      switch (d->action)
        {
        case DD_DUPLICATE_UPDATE: action = _("update"); break;
        case DD_DUPLICATE_NEW: action = _("import as new"); break;
        case DD_DUPLICATE_SKIP:
        default: action = _("skip"); break;
        }
      /* TRANSLATORS: row number, the duplicate, what is done with it */
      g_print (_("  row %u: %s: %s\n"), d->row, what, action);
    }
}

int
dd_cli_run_import (int    argc,
                   char **argv)
{
  DdCliContext cli = { "import", NULL };
  g_auto(GStrv) rest = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *mapping = NULL;
  g_autofree char *encoding_text = NULL;
  g_autofree char *sheet_name = NULL;
  g_autofree char *duplicates_text = NULL;
  g_autofree char *file = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(DdSheet) sheet = NULL;
  g_autoptr(DdImport) import = NULL;
  gboolean dry_run = FALSE;
  DdImportKind kind = DD_IMPORT_DEPUTIES;
  DdCsvEncoding encoding = DD_CSV_ENCODING_AUTO;
  DdDuplicateAction action = DD_DUPLICATE_SKIP;
  DdImportSummary summary;
  GError *error = NULL;
  int status, percent = -1;
  GOptionEntry entries[] = {
    { "kind", 'k', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &kind_text,
      N_("What the file holds: deputies, stations, units or suggestions"), N_("KIND") },
    { "mapping", 'm', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &mapping,
      N_("A file of “header=field” lines that maps columns the headers do not"), N_("FILE") },
    { "dry-run", 'n', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &dry_run,
      N_("Check every row and report, but write nothing"), NULL },
    { "encoding", 'e', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &encoding_text,
      N_("The text encoding of a CSV file: auto, utf-8 or gb18030 (default: auto)"), N_("ENCODING") },
    { "sheet", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &sheet_name,
      N_("The sheet of an XLSX file to read (default: the first)"), N_("NAME") },
    { "duplicates", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &duplicates_text,
      N_("What to do with rows already stored or repeated: skip, update or new (default: skip)"),
      N_("ACTION") },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL,
      N_("FILE") },
    { NULL }
  };

  status = dd_cli_parse_options (&cli, entries, &argc, &argv);
  if (status >= 0)
    return status;

  if (rest == NULL || rest[0] == NULL)
    status = dd_cli_usage_error ("import", _("Name the file to import"));
  else if (rest[1] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), rest[1]);
      status = dd_cli_usage_error ("import", message);
    }
  else if (kind_text == NULL)
    status = dd_cli_usage_error ("import", _("Say what the file holds with --kind: deputies, "
                                             "stations, units or suggestions"));
  else if (!dd_import_kind_from_string (kind_text, &kind))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown kind “%s”: use deputies, stations, units or suggestions"),
                         kind_text);
      status = dd_cli_usage_error ("import", message);
    }
  else if (!parse_encoding (encoding_text, &encoding))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown encoding “%s”: use auto, utf-8 or gb18030"), encoding_text);
      status = dd_cli_usage_error ("import", message);
    }
  else if (duplicates_text != NULL && !dd_duplicate_action_from_string (duplicates_text, &action))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown action “%s” for duplicates: use skip, update or new"),
                         duplicates_text);
      status = dd_cli_usage_error ("import", message);
    }
  if (status >= 0)
    {
      dd_cli_context_clear (&cli);
      return status;
    }

  file = g_filename_display_basename (rest[0]);
  if (is_xlsx (rest[0]))
    sheet = dd_xlsx_read_file (rest[0], sheet_name, &error);
  else
    sheet = dd_csv_read_file (rest[0], encoding, 0, NULL, NULL, &error);
  if (sheet == NULL)
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }

  /* A dry run never creates a database: without one, it checks against an empty one */
  if (dry_run && !g_file_test (cli.database, G_FILE_TEST_EXISTS))
    store = dd_store_new_in_memory (&error);
  else if (dry_run)
    store = dd_store_open_existing (cli.database, &error);
  else
    store = dd_store_open (cli.database, DD_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }

  import = dd_import_new (store, kind, sheet);
  if (mapping != NULL && !dd_import_load_mapping (import, mapping, &error))
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }
  print_mapping (import);

  if (!dd_import_check (import, NULL, NULL, NULL, &error))
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }
  dd_import_set_all_duplicates_action (import, action);
  print_problems (import, file);
  print_duplicates (import);
  dd_import_get_summary (import, &summary);

  if (dd_import_get_problems (import)->len > 0)
    {
      guint n = dd_import_get_problems (import)->len;
      g_autofree char *message =
        g_strdup_printf (ngettext ("%s: %u problem; nothing was imported",
                                   "%s: %u problems; nothing was imported", n), file, n);

      dd_cli_context_clear (&cli);
      return dd_cli_fail_message (message);
    }

  if (dry_run)
    {
      /* TRANSLATORS: a dry run's summary: file, rows, then counts */
      g_print (_("%s: %u rows checked, no problems: %u would be imported, %u updated, %u skipped "
                 "(nothing written)\n"),
               file, summary.rows, summary.inserted, summary.updated, summary.skipped);
      dd_cli_context_clear (&cli);
      return DD_CLI_EXIT_OK;
    }

  if (!dd_import_run (import, NULL, isatty (STDERR_FILENO) ? on_progress_cb : NULL, &percent,
                      &summary, &error))
    {
      if (percent >= 0)
        g_printerr ("\n");
      print_problems (import, file);
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }
  if (percent >= 0)
    g_printerr ("\n");

  /* TRANSLATORS: file, rows, kind (deputies …), then counts, then the database */
  g_print (_("%s: %u rows: imported %u %s, updated %u, skipped %u, into “%s”\n"),
           file, summary.rows, summary.inserted, dd_import_kind_get_label (kind),
           summary.updated, summary.skipped, cli.database);
  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}

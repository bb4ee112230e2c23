/* dd-cli-export.c: deputy-desk-cli export, a list or the year's figures as
 * an XLSX or CSV file, personal data masked unless --no-mask
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "deputy-desk-cli"

#include <string.h>
#include <glib/gi18n.h>

#include "dd-cli.h"
#include "dd-csv.h"
#include "dd-export.h"
#include "dd-store-check.h"
#include "dd-xlsx-writer.h"

int
dd_cli_run_export (int    argc,
                   char **argv)
{
  DdCliContext cli = { "export", NULL };
  g_autofree char *kind_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  g_autofree char *encoding_text = NULL;
  g_autofree char *year_text = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(DdSheet) sheet = NULL;
  gboolean mask = FALSE, no_mask = FALSE;
  DdExportKind kind;
  DdExportOptions options;
  DdCsvEncoding encoding = DD_CSV_ENCODING_UTF8;
  GError *error = NULL;
  guint64 year = 0;
  gboolean xlsx = TRUE;
  guint rows;
  int status;
  GOptionEntry entries[] = {
    { "kind", 'k', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &kind_text,
      N_("What to export: deputies, stations, suggestions, receptions or stats"), N_("KIND") },
    { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format,
      N_("xlsx or csv (default: from the file name, else xlsx)"), N_("FORMAT") },
    { "out", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &out,
      N_("The file to write"), N_("FILE") },
    { "mask", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &mask,
      N_("Hide phone numbers and voters’ names (the default)"), NULL },
    { "no-mask", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &no_mask,
      N_("Write personal data in full, for a file that stays in the office"), NULL },
    { "year", 'y', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &year_text,
      N_("Suggestions registered and receptions held in this year; the year of the figures "
         "(default: every year; for stats, the latest)"), N_("YEAR") },
    { "encoding", 'e', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &encoding_text,
      N_("The text encoding of a CSV file: utf-8 (with a BOM, for Excel) or gb18030 "
         "(default: utf-8)"), N_("ENCODING") },
    { NULL }
  };

  status = dd_cli_parse_options (&cli, entries, &argc, &argv);
  if (status >= 0)
    return status;

  if (kind_text == NULL || !dd_export_kind_from_string (kind_text, &kind))
    {
      g_autofree char *message =
        kind_text == NULL
        ? g_strdup (_("Say what to export with --kind: deputies, stations, suggestions, "
                      "receptions or stats"))
        : g_strdup_printf (_("Unknown kind “%s”: use deputies, stations, suggestions, "
                             "receptions or stats"), kind_text);
      status = dd_cli_usage_error ("export", message);
    }
  else if (out == NULL || out[0] == '\0')
    status = dd_cli_usage_error ("export", _("Name the file to write with --out"));
  else if (mask && no_mask)
    status = dd_cli_usage_error ("export", _("--mask and --no-mask cannot go together"));
  else if (year_text != NULL &&
           !g_ascii_string_to_unsigned (year_text, 10, 1949, 2999, &year, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("The year must be a number from 1949 to 2999, not “%s”"), year_text);
      status = dd_cli_usage_error ("export", message);
    }
  else if (format != NULL && g_ascii_strcasecmp (format, "xlsx") != 0 &&
           g_ascii_strcasecmp (format, "csv") != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown format “%s”: use xlsx or csv"), format);
      status = dd_cli_usage_error ("export", message);
    }
  else if (encoding_text != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (encoding_text, -1);

      if (g_str_equal (lower, "utf-8") || g_str_equal (lower, "utf8"))
        encoding = DD_CSV_ENCODING_UTF8;
      else if (g_str_equal (lower, "gb18030") || g_str_equal (lower, "gbk"))
        encoding = DD_CSV_ENCODING_GB18030;
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("Unknown encoding “%s”: use utf-8 or gb18030"), encoding_text);
          status = dd_cli_usage_error ("export", message);
        }
    }
  if (status >= 0)
    {
      dd_cli_context_clear (&cli);
      return status;
    }

  if (format != NULL)
    xlsx = g_ascii_strcasecmp (format, "xlsx") == 0;
  else
    {
      g_autofree char *lower = g_ascii_strdown (out, -1);
      xlsx = !g_str_has_suffix (lower, ".csv");
    }

  store = dd_store_open_existing (cli.database, &error);
  if (store == NULL)
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }

  dd_export_options_init (&options);
  options.mask = !no_mask;
  options.year = (int) year;
  /* Every seat, every station, as a ledger holds them */
  options.show_archived = TRUE;
  sheet = dd_export_build (store, kind, &options, NULL, &error);
  if (sheet == NULL ||
      !(xlsx ? dd_xlsx_write_file (sheet, out, NULL, NULL, NULL, &error)
             : dd_csv_write_file (sheet, out, encoding, ',', NULL, NULL, NULL, &error)))
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }

  rows = dd_sheet_get_n_rows (sheet) - 1;
  g_print (options.mask
           /* TRANSLATORS: rows, the file */
           ? ngettext ("Wrote %u row to “%s”, personal data masked\n",
                       "Wrote %u rows to “%s”, personal data masked\n", rows)
           : ngettext ("Wrote %u row to “%s”, personal data in full\n",
                       "Wrote %u rows to “%s”, personal data in full\n", rows),
           rows, out);
  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}

/* dd-cli-exchange.c: deputy-desk-cli exchange — files between offices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "deputy-desk-cli"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "dd-cli.h"
#include "dd-exchange.h"
#include "dd-store-check.h"
#include "dd-utils.h"

static int run_export (int argc, char **argv);
static int run_import (int argc, char **argv);

static const DdCliAction actions[] = {
  { "export", N_("Write a selection of records as an exchange file for another office"), run_export },
  { "import", N_("Import another office’s exchange file"), run_import },
};

static int
usage_and_clear (DdCliContext *cli,
                 const char   *message)
{
  int status = dd_cli_usage_error (cli->command, message);

  dd_cli_context_clear (cli);
  return status;
}

static int
fail_and_clear (DdCliContext *cli,
                GError       *error)
{
  dd_cli_context_clear (cli);
  return dd_cli_fail (error);
}

static char *
check_date (const char *option,
            const char *value)
{
  if (value == NULL || dd_date_is_valid (value))
    return NULL;
  /* TRANSLATORS: an option, then what was given */
  return g_strdup_printf (_("%s must be a date written as YYYY-MM-DD, not “%s”"), option, value);
}

/* export */

static guint
array_length (JsonObject *root,
              const char *member)
{
  JsonNode *node = json_object_get_member (root, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_array_get_length (json_node_get_array (node)) : 0;
}

static int
run_export (int    argc,
            char **argv)
{
  DdCliContext cli = { "exchange export", NULL };
  g_autofree char *out = NULL;
  g_autofree char *out_abs = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *district = NULL;
  g_autofree char *township = NULL;
  g_autofree char *destination = NULL;
  g_autofree char *usage = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gboolean transferred = FALSE;
  DdExchangeSelection selection = { DD_EXCHANGE_DATE_RANGE, };
  GError *error = NULL;
  int status;
  GOptionEntry entries[] = {
    { "out", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &out,
      N_("The exchange file to write (required)"), N_("FILE") },
    { "transferred", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &transferred,
      N_("The suggestions transferred to another congress"), NULL },
    { "destination", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &destination,
      N_("With --transferred: only those transferred to this congress"), N_("TEXT") },
    { "from", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &from,
      N_("The first day of the period (registration, or the reception’s day)"), N_("YYYY-MM-DD") },
    { "to", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &to,
      N_("The last day of the period"), N_("YYYY-MM-DD") },
    { "district", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &district,
      N_("With --township: the district it lies in"), N_("TEXT") },
    { "township", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &township,
      N_("A township’s stations, their receptions and voters’ opinions"), N_("TEXT") },
    { NULL }
  };

  status = dd_cli_parse_options (&cli, entries, &argc, &argv);
  if (status >= 0)
    return status;

  if (out == NULL || out[0] == '\0')
    return usage_and_clear (&cli, _("Give the file to write with --out"));
  if ((usage = check_date ("--from", from)) != NULL || (usage = check_date ("--to", to)) != NULL)
    return usage_and_clear (&cli, usage);
  if (transferred && township != NULL)
    return usage_and_clear (&cli, _("--transferred and --township choose different records; give one"));
  if (destination != NULL && !transferred)
    return usage_and_clear (&cli, _("--destination goes with --transferred"));
  if (district != NULL && township == NULL)
    return usage_and_clear (&cli, _("--district goes with --township"));

  selection.kind = transferred ? DD_EXCHANGE_TRANSFERRED
                   : township != NULL ? DD_EXCHANGE_TOWNSHIP : DD_EXCHANGE_DATE_RANGE;
  selection.transferred_to = destination;
  selection.from = from;
  selection.to = to;
  selection.district = district;
  selection.township = township;
  out_abs = g_canonicalize_filename (out, NULL);

  store = dd_store_open_existing (cli.database, &error);
  if (store == NULL)
    return fail_and_clear (&cli, error);
  if (!dd_exchange_export (store, &selection, out_abs, &error))
    return fail_and_clear (&cli, error);

  /* What went in, read back from the file. */
  if (json_parser_load_from_file (parser, out_abs, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));

      /* TRANSLATORS: the file, then the number of each kind of record written */
      g_print (_("Wrote “%s”: suggestions %u, receptions %u, stations %u, deputies %u, handling units %u\n"),
               out_abs, array_length (root, "suggestions"), array_length (root, "receptions"),
               array_length (root, "stations"), array_length (root, "deputies"),
               array_length (root, "units"));
    }
  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}

/* import */

static int
run_import (int    argc,
            char **argv)
{
  DdCliContext cli = { "exchange import", NULL };
  g_auto(GStrv) rest = NULL;
  g_autofree char *duplicates = NULL;
  g_autofree char *file = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(DdExchangeReport) report = NULL;
  DdExchangeOptions options = { FALSE, DD_EXCHANGE_DUPLICATES_SKIP };
  gboolean dry_run = FALSE, verbose = FALSE, ok;
  GError *error = NULL;
  int status;
  GOptionEntry entries[] = {
    { "dry-run", 'n', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and report what would be imported, without writing anything"), NULL },
    { "duplicates", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &duplicates,
      N_("What to do with a record that is already here: skip (default), update or new"),
      N_("POLICY") },
    { "verbose", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &verbose,
      N_("Print a line for every record"), NULL },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &rest,
      NULL, N_("FILE") },
    { NULL }
  };

  status = dd_cli_parse_options (&cli, entries, &argc, &argv);
  if (status >= 0)
    return status;

  if (rest == NULL || rest[0] == NULL || rest[0][0] == '\0')
    return usage_and_clear (&cli, _("Give the exchange file to import"));
  if (rest[1] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), rest[1]);
      return usage_and_clear (&cli, message);
    }
  if (duplicates == NULL || g_str_equal (duplicates, "skip"))
    options.duplicates = DD_EXCHANGE_DUPLICATES_SKIP;
  else if (g_str_equal (duplicates, "update"))
    options.duplicates = DD_EXCHANGE_DUPLICATES_UPDATE;
  else if (g_str_equal (duplicates, "new"))
    options.duplicates = DD_EXCHANGE_DUPLICATES_NEW;
  else
    {
      g_autofree char *message =
        g_strdup_printf (_("--duplicates must be skip, update or new, not “%s”"), duplicates);
      return usage_and_clear (&cli, message);
    }
  options.dry_run = dry_run;
  file = g_canonicalize_filename (rest[0], NULL);

  store = dd_store_open_existing (cli.database, &error);
  if (store == NULL)
    return fail_and_clear (&cli, error);
  ok = dd_exchange_import (store, file, &options, &report, &error);

  if (report != NULL)
    {
      if (report->office_name != NULL && report->office_name[0] != '\0')
        /* TRANSLATORS: the sending office's name, then its id */
        g_print (_("From: %s (%s)\n"), report->office_name, report->office_id);
      else
        g_print (_("From: %s\n"), report->office_id);
      if (verbose)
        for (guint i = 0; i < report->lines->len; i++)
          g_print ("%s\n", (char *) g_ptr_array_index (report->lines, i));
      for (guint i = 0; i < report->problems->len; i++)
        g_print ("%s\n", (char *) g_ptr_array_index (report->problems, i));
      summary = dd_exchange_report_dup_summary (report);
      if (ok)
        g_print ("%s", summary);
      if (ok && dry_run)
        g_print ("%s\n", _("Dry run: nothing was written."));
    }
  if (!ok)
    return fail_and_clear (&cli, error);
  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}

/* exchange */

int
dd_cli_run_exchange (int    argc,
                     char **argv)
{
  return dd_cli_run_action ("exchange",
                            _("Exchange records with another office as a JSON file."),
                            _("Give an action: export or import"),
                            actions, G_N_ELEMENTS (actions), argc, argv);
}

/* dd-cli-placards.c: deputy-desk-cli placards, QR placards as an A4 PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "deputy-desk-cli"

#include <glib/gi18n.h>

#include "dd-charts.h"
#include "dd-cli.h"
#include "dd-codes.h"
#include "dd-deputy.h"
#include "dd-deputy-list.h"
#include "dd-model-error.h"
#include "dd-placard.h"
#include "dd-settings.h"
#include "dd-station.h"
#include "dd-station-list.h"
#include "dd-store-check.h"

/* One placard's texts, owned; DdPlacard only borrows them. */
typedef struct
{
  char *name;
  char *kind_label;
  char *code;
  char *payload;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->name);
  g_free (entry->kind_label);
  g_free (entry->code);
  g_free (entry->payload);
}

/* "1,2,5" → ids in the order given; FALSE on anything else. */
static GArray *
parse_ids (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id;

      g_strstrip (parts[i]);
      if (!g_ascii_string_to_signed (parts[i], 10, 1, G_MAXINT64, &id, NULL))
        return NULL;
      g_array_append_val (ids, id);
    }
  if (ids->len == 0)
    return NULL;
  return g_steal_pointer (&ids);
}

/* The ids of every station in use, or every active deputy, by name. */
static GArray *
dup_default_ids (DdStore   *store,
                 gboolean   stations,
                 GError   **error)
{
  g_autoptr(DdQueryModel) list = NULL;
  GArray *ids;
  guint n;

  if (stations)
    list = DD_QUERY_MODEL (dd_station_list_new (store));
  else
    {
      list = DD_QUERY_MODEL (dd_deputy_list_new (store));
      dd_deputy_list_set_status (DD_DEPUTY_LIST (list), "active");
    }
  /* Again, to hear about a failure rather than see an empty list. */
  if (!dd_query_model_refresh (list, error))
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = dd_query_model_get_id (list, i);
      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
load_entry (DdStore   *store,
            gboolean   stations,
            gint64     id,
            Entry     *entry,
            GError   **error)
{
  g_autoptr(DdEntity) entity = NULL;
  const char *code;

  if (stations)
    entity = DD_ENTITY (dd_station_load (store, id, error));
  else
    entity = DD_ENTITY (dd_deputy_load (store, id, error));
  if (entity == NULL)
    return FALSE;

  code = dd_entity_get_string (entity, "code");
  entry->name = g_strdup (dd_entity_get_string (entity, "name"));
  if (code == NULL || code[0] == '\0')
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   stations ? _("The station “%s” has no code to print")
                            : _("The deputy “%s” has no code to print"),
                   entry->name);
      return FALSE;
    }
  entry->code = g_strdup (code);

  if (stations)
    {
      entry->kind_label = g_strdup (dd_code_label (dd_station_kinds,
                                                   dd_station_get_kind (DD_STATION (entity))));
      entry->payload = dd_qr_payload_dup (store, DD_SETTING_QR_STATION_URL, code);
    }
  else
    {
      const char *level = dd_code_label (dd_deputy_levels, dd_deputy_get_level (DD_DEPUTY (entity)));

      /* TRANSLATORS: under a deputy's name on a placard; %s is the level,
       * e.g. "City deputy" (市级人大代表) */
      entry->kind_label = g_strdup_printf (_("%s deputy"), level);
      entry->payload = dd_qr_payload_dup (store, DD_SETTING_QR_DEPUTY_URL, code);
    }
  return TRUE;
}

static int
run_placards (int    argc,
              char **argv)
{
  DdCliContext cli = { "placards", NULL };
  g_autofree char *ids_text = NULL;
  g_autofree char *per_page_text = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *office = NULL;
  g_autofree char *pages_text = NULL;
  g_autofree DdPlacard *placards = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(DdStore) store = NULL;
  gboolean stations = FALSE, deputies = FALSE;
  const char *caption;
  guint per_page = 1;
  GError *error = NULL;
  int status;
  GOptionEntry options[] = {
    { "stations", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &stations,
      N_("Print the stations’ placards (一家一码)"), NULL },
    { "deputies", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &deputies,
      N_("Print the deputies’ placards (一人一码)"), NULL },
    { "ids", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &ids_text,
      N_("Only these, in this order (default: every station in use, or every active deputy, by name)"),
      N_("ID,ID…") },
    { "per-page", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &per_page_text,
      N_("Placards on each A4 page: 1, 2 or 4 (default: 1)"), N_("N") },
    { "pdf", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &pdf,
      N_("The PDF file to write (replaced if it exists)"), N_("FILE") },
    { NULL }
  };

  status = dd_cli_parse_options (&cli, options, &argc, &argv);
  if (status >= 0)
    return status;

  if (stations == deputies)
    {
      dd_cli_context_clear (&cli);
      return dd_cli_usage_error ("placards", _("Say which placards to print: --stations or --deputies"));
    }
  if (ids_text != NULL && (ids = parse_ids (ids_text)) == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("--ids takes ids separated by commas, e.g. 1,2,5, not “%s”"), ids_text);
      dd_cli_context_clear (&cli);
      return dd_cli_usage_error ("placards", message);
    }
  if (per_page_text != NULL)
    {
      if (g_str_equal (per_page_text, "1") || g_str_equal (per_page_text, "2") ||
          g_str_equal (per_page_text, "4"))
        per_page = (guint) (per_page_text[0] - '0');
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("--per-page must be 1, 2 or 4, not “%s”"), per_page_text);
          dd_cli_context_clear (&cli);
          return dd_cli_usage_error ("placards", message);
        }
    }
  if (pdf == NULL || pdf[0] == '\0')
    {
      dd_cli_context_clear (&cli);
      return dd_cli_usage_error ("placards", _("Say where to write the placards: --pdf FILE"));
    }
  pdf_path = g_canonicalize_filename (pdf, NULL);

  /* Never creates a database: printing from one that is not there is a mistake. */
  store = dd_store_open_existing (cli.database, &error);
  if (store == NULL)
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }

  if (ids == NULL && (ids = dup_default_ids (store, stations, &error)) == NULL)
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }
  if (ids->len == 0)
    {
      g_autofree char *message =
        g_strdup_printf (stations ? _("There are no stations in use in “%s” to print placards for")
                                  : _("There are no active deputies in “%s” to print placards for"),
                         cli.database);
      dd_cli_context_clear (&cli);
      return dd_cli_fail_message (message);
    }

  entries = g_array_sized_new (FALSE, TRUE, sizeof (Entry), ids->len);
  g_array_set_clear_func (entries, entry_clear);
  for (guint i = 0; i < ids->len; i++)
    {
      Entry entry = { NULL, NULL, NULL, NULL };

      if (!load_entry (store, stations, g_array_index (ids, gint64, i), &entry, &error))
        {
          entry_clear (&entry);
          dd_cli_context_clear (&cli);
          return dd_cli_fail (error);
        }
      g_array_append_val (entries, entry);
    }

  office = dd_settings_dup (store, DD_SETTING_OFFICE_NAME);
  if (office != NULL && office[0] == '\0')
    g_clear_pointer (&office, g_free);
  /* TRANSLATORS: printed on placards under the QR code (扫码联系代表) */
  caption = stations ? _("Scan to contact the deputies") : _("Scan to contact your deputy");

  placards = g_new0 (DdPlacard, entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);

      placards[i] = (DdPlacard) {
        .name = entry->name,
        .kind_label = entry->kind_label,
        .code = entry->code,
        .payload = entry->payload,
        .office = office,
        .caption = caption,
      };
    }

  if (!dd_placards_write_pdf (pdf_path, placards, entries->len, per_page, &error))
    {
      dd_cli_context_clear (&cli);
      return dd_cli_fail (error);
    }

  {
    guint pages = dd_placards_page_count (entries->len, per_page);

    pages_text = g_strdup_printf (ngettext ("%u page", "%u pages", pages), pages);
    /* TRANSLATORS: e.g. "Wrote 5 placards on 3 pages to “/tmp/x.pdf”" */
    g_print (ngettext ("Wrote %u placard on %s to “%s”\n", "Wrote %u placards on %s to “%s”\n",
                       entries->len),
             entries->len, pages_text, pdf_path);
  }

  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}

int
dd_cli_run_placards (int    argc,
                     char **argv)
{
  int status = run_placards (argc, argv);

  /* The font caches would otherwise outlive every placard: let a leak
   * checker see only what is really lost. */
  dd_charts_release_caches ();
  return status;
}

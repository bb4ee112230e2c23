/* test-stations.c: homes and stations — checklist compliance, receptions and
 * the voters' opinions they record, attached deputies, deletion and
 * archiving, the filtered station list against independent SQL, settings
 * and QR payloads, station statistics on a hand-counted dataset, and the
 * query plans behind them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "dd-checklist.h"
#include "dd-codes.h"
#include "dd-deputy.h"
#include "dd-model-error.h"
#include "dd-reception.h"
#include "dd-settings.h"
#include "dd-station.h"
#include "dd-station-list.h"
#include "dd-stats.h"
#include "dd-store-private.h"
#include "dd-suggestion.h"

/* Helpers */

static DdStore *
make_store (void)
{
  g_autoptr(GError) error = NULL;
  DdStore *store = dd_store_new_in_memory (&error);

  g_assert_no_error (error);
  dd_store_set_frozen_time (store, "2025-03-15T09:30:00");
  dd_store_set_operator (store, "测试员");
  return store;
}

static gint64
query_int (DdStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = dd_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gint64
count_rows (DdStore    *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return query_int (store, sql);
}

static gint64
add_deputy (DdStore    *store,
            const char *name)
{
  g_autoptr(DdDeputy) deputy = dd_deputy_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (deputy, "name", name, "level", "county", "term", (gint64) 18, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (deputy), store, &error));
  g_assert_no_error (error);
  return dd_entity_get_id (DD_ENTITY (deputy));
}

static DdStation *
add_station (DdStore    *store,
             const char *name,
             const char *kind)
{
  DdStation *station = dd_station_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (station, "name", name, "kind", kind, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (station), store, &error));
  g_assert_no_error (error);
  return station;
}

static gint64
station_id (DdStation *station)
{
  return dd_entity_get_id (DD_ENTITY (station));
}

static void
tick_all (DdStore *store,
          gint64   id)
{
  g_autoptr(GPtrArray) items = dd_checklist_dup_items (store, FALSE, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      DdChecklistItem *item = g_ptr_array_index (items, i);

      g_assert_true (dd_checklist_set_tick (store, id, item->id, TRUE, &error));
      g_assert_no_error (error);
    }
}

static gint64
item_id_by_code (DdStore    *store,
                 const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM checklist_items WHERE code = '%s'", code);

  return query_int (store, sql);
}

static void
figures_of (DdStore          *store,
            DdStation        *station,
            const char       *from,
            const char       *to,
            DdStationFigures *figures)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dd_station_compute_figures (station, store, from, to, figures, &error));
  g_assert_no_error (error);
}

static gboolean
list_contains (DdStationList *list,
               gint64         id)
{
  return dd_query_model_find (DD_QUERY_MODEL (list), id) != G_MAXUINT;
}

static int
on_commit_cb (void *data)
{
  (*(guint *) data)++;
  return 0;
}

static void
on_changed_cb (DdStore    *store,
               const char *table,
               GArray     *ids,
               GPtrArray  *tables)
{
  g_ptr_array_add (tables, g_strdup (table));
}

static gboolean
tables_contain (GPtrArray  *tables,
                const char *table)
{
  for (guint i = 0; i < tables->len; i++)
    if (g_str_equal (g_ptr_array_index (tables, i), table))
      return TRUE;
  return FALSE;
}

/* Checklist */

static void
test_checklist_compliance (void)
{
  g_autoptr(DdStore) store = make_store ();
  g_autoptr(DdStation) full = add_station (store, "城关镇人大代表之家", "home");
  g_autoptr(DdStation) partial = add_station (store, "东街代表联络站", "liaison_station");
  g_autoptr(DdStationList) complete = dd_station_list_new (store);
  g_autoptr(DdStationList) incomplete = dd_station_list_new (store);
  g_autoptr(GPtrArray) ticks = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  DdStationFigures f;
  gint64 rules = item_id_by_code (store, "rules");
  gint64 funds = item_id_by_code (store, "funds");
  gint64 added = 0;

  dd_station_list_set_compliance (complete, DD_COMPLIANCE_COMPLETE);
  dd_station_list_set_compliance (incomplete, DD_COMPLIANCE_INCOMPLETE);

  /* The default "八有": eight items, none ticked yet. */
  ticks = dd_checklist_dup_ticks (store, station_id (full), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ticks->len, ==, 8);
  g_assert_cmpstr (((DdChecklistTick *) g_ptr_array_index (ticks, 0))->label, ==, "有场所");
  g_assert_false (((DdChecklistTick *) g_ptr_array_index (ticks, 0))->done);
  g_clear_pointer (&ticks, g_ptr_array_unref);
  figures_of (store, full, NULL, NULL, &f);
  g_assert_cmpuint (f.checklist_done, ==, 0);
  g_assert_cmpuint (f.checklist_total, ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (complete)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (incomplete)), ==, 2);

  /* All eight: complete, and the lists follow without being asked. */
  tick_all (store, station_id (full));
  figures_of (store, full, NULL, NULL, &f);
  g_assert_cmpuint (f.checklist_done, ==, 8);
  g_assert_true (list_contains (complete, station_id (full)));
  g_assert_false (list_contains (incomplete, station_id (full)));
  ticks = dd_checklist_dup_ticks (store, station_id (full), &error);
  g_assert_cmpstr (((DdChecklistTick *) g_ptr_array_index (ticks, 2))->checked_on, ==, "2025-03-15");
  g_clear_pointer (&ticks, g_ptr_array_unref);

  /* Partial: everything but "有经费". */
  tick_all (store, station_id (partial));
  g_assert_true (dd_checklist_set_tick (store, station_id (partial), funds, FALSE, &error));
  g_assert_no_error (error);
  figures_of (store, partial, NULL, NULL, &f);
  g_assert_cmpuint (f.checklist_done, ==, 7);
  g_assert_true (list_contains (incomplete, station_id (partial)));
  /* An untick clears the date; ticking twice writes nothing more. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM station_checklist WHERE done = 0 "
                                     "AND checked_on IS NULL"), ==, 1);
  {
    gint64 audits = count_rows (store, "audit_log");

    g_assert_true (dd_checklist_set_tick (store, station_id (full), funds, TRUE, &error));
    g_assert_cmpint (count_rows (store, "audit_log"), ==, audits);
  }

  /* Retiring the missing item: it no longer counts, so partial is complete,
   * and its ticks elsewhere are kept. */
  g_assert_true (dd_checklist_set_item_active (store, funds, FALSE, &error));
  g_assert_no_error (error);
  figures_of (store, partial, NULL, NULL, &f);
  g_assert_cmpuint (f.checklist_done, ==, 7);
  g_assert_cmpuint (f.checklist_total, ==, 7);
  figures_of (store, full, NULL, NULL, &f);
  g_assert_cmpuint (f.checklist_done, ==, 7);
  g_assert_cmpuint (f.checklist_total, ==, 7);
  g_assert_true (list_contains (complete, station_id (partial)));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM station_checklist WHERE done = 1"), ==, 8 + 7);
  ticks = dd_checklist_dup_ticks (store, station_id (full), &error);
  g_assert_cmpuint (ticks->len, ==, 7);
  g_clear_pointer (&ticks, g_ptr_array_unref);
  /* A retired item cannot be ticked. */
  g_assert_false (dd_checklist_set_tick (store, station_id (partial), funds, TRUE, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "有经费"));
  g_clear_error (&error);

  /* A new item of the office's own: nobody has it yet. */
  g_assert_true (dd_checklist_add_item (store, "  有公示栏 ", &added, &error));
  g_assert_no_error (error);
  g_assert_cmpint (added, >, 0);
  items = dd_checklist_dup_items (store, TRUE, &error);
  g_assert_cmpuint (items->len, ==, 9);
  {
    DdChecklistItem *last = g_ptr_array_index (items, 8);
    g_autofree char *code = g_strdup_printf ("item_%" G_GINT64_FORMAT, added);

    g_assert_cmpint (last->id, ==, added);
    g_assert_cmpstr (last->label, ==, "有公示栏");
    g_assert_cmpstr (last->code, ==, code);
    g_assert_cmpint (last->position, ==, 9);
    g_assert_true (last->active);
  }
  g_clear_pointer (&items, g_ptr_array_unref);
  figures_of (store, full, NULL, NULL, &f);
  g_assert_cmpuint (f.checklist_done, ==, 7);
  g_assert_cmpuint (f.checklist_total, ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (complete)), ==, 0);
  g_assert_true (dd_checklist_set_tick (store, station_id (full), added, TRUE, &error));
  g_assert_true (list_contains (complete, station_id (full)));
  g_assert_false (list_contains (complete, station_id (partial)));

  /* Bringing the retired item back brings its ticks back. */
  g_assert_true (dd_checklist_set_item_active (store, funds, TRUE, &error));
  figures_of (store, full, NULL, NULL, &f);
  g_assert_cmpuint (f.checklist_done, ==, 9);
  g_assert_cmpuint (f.checklist_total, ==, 9);
  figures_of (store, partial, NULL, NULL, &f);
  g_assert_cmpuint (f.checklist_done, ==, 7);

  /* Labels: required, not twice among active items; renames keep ticks. */
  g_assert_false (dd_checklist_add_item (store, "   ", NULL, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Label"));
  g_clear_error (&error);
  g_assert_false (dd_checklist_add_item (store, "有制度", NULL, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dd_checklist_rename_item (store, rules, "有场所", &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dd_checklist_rename_item (store, 999, "有章程", &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (dd_checklist_rename_item (store, rules, "有制度上墙", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'checklist_items' "
                                     "AND field = 'label' AND old_value = '有制度' "
                                     "AND new_value = '有制度上墙' AND operator = '测试员'"), ==, 1);
  figures_of (store, full, NULL, NULL, &f);
  g_assert_cmpuint (f.checklist_done, ==, 9);

  /* Moving: to the top, then past the end; positions stay 1…n. */
  g_assert_true (dd_checklist_move_item (store, added, 1, &error));
  g_assert_no_error (error);
  items = dd_checklist_dup_items (store, TRUE, &error);
  g_assert_cmpint (((DdChecklistItem *) g_ptr_array_index (items, 0))->id, ==, added);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpint (((DdChecklistItem *) g_ptr_array_index (items, i))->position, ==, (int) i + 1);
  g_assert_cmpstr (((DdChecklistItem *) g_ptr_array_index (items, 1))->code, ==, "site");
  g_clear_pointer (&items, g_ptr_array_unref);
  g_assert_true (dd_checklist_move_item (store, added, 100, &error));
  items = dd_checklist_dup_items (store, TRUE, &error);
  g_assert_cmpint (((DdChecklistItem *) g_ptr_array_index (items, 8))->id, ==, added);
  g_assert_cmpint (((DdChecklistItem *) g_ptr_array_index (items, 8))->position, ==, 9);
  g_assert_cmpstr (((DdChecklistItem *) g_ptr_array_index (items, 0))->code, ==, "site");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Every tick was audited on its station. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'stations' "
                                     "AND field = 'checklist' AND old_value = 'funds' "
                                     "AND new_value IS NULL"), ==, 1);
}

/* Receptions */

static void
test_reception_record (void)
{
  g_autoptr(DdStore) store = make_store ();
  g_autoptr(DdStation) station = add_station (store, "城关镇人大代表之家", "home");
  g_autoptr(DdReception) reception = dd_reception_new ();
  g_autoptr(DdReceptionList) history = dd_reception_list_new_for_station (store, station_id (station));
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) present = NULL;
  g_autoptr(GError) error = NULL;
  gint64 wang = add_deputy (store, "王芳");
  gint64 li = add_deputy (store, "李强");
  gint64 zhang = add_deputy (store, "张伟");
  gint64 deputies[] = { wang, li, wang };
  DdVoterOpinion opinions[] = {
    { "小区路灯损坏", "东门三盏路灯坏了半年", "urban_construction", "刘大爷", "13800000000", 0 },
    { "学校门口停车难", NULL, NULL, NULL, NULL, li },
  };
  guint commits = 0;
  gint64 reception_id;
  sqlite3_stmt *stmt;

  g_object_set (reception, "station-id", station_id (station), "held-on", "2025-03-05",
                "voters-received", (gint64) 25, "petitions-handled", (gint64) 2,
                "topic", "老旧小区改造", NULL);
  sqlite3_commit_hook (dd_store_get_db (store), on_commit_cb, &commits);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), changed);

  g_assert_true (dd_reception_record (reception, store, deputies, G_N_ELEMENTS (deputies),
                                      opinions, G_N_ELEMENTS (opinions), &error));
  g_assert_no_error (error);
  sqlite3_commit_hook (dd_store_get_db (store), NULL, NULL);
  g_signal_handlers_disconnect_by_data (store, changed);

  /* One transaction, and a ::changed for each table written. */
  g_assert_cmpuint (commits, ==, 1);
  g_assert_true (tables_contain (changed, "receptions"));
  g_assert_true (tables_contain (changed, "reception_deputies"));
  g_assert_true (tables_contain (changed, "suggestions"));
  g_assert_true (tables_contain (changed, "suggestion_proposers"));

  reception_id = dd_entity_get_id (DD_ENTITY (reception));
  g_assert_cmpint (reception_id, >, 0);
  present = dd_reception_dup_deputy_ids (reception, store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (present->len, ==, 2);  /* 王芳 given twice counts once */
  g_assert_cmpint (g_array_index (present, gint64, 0), ==, wang);
  g_assert_cmpint (g_array_index (present, gint64, 1), ==, li);

  /* Two voters' opinions in the workflow's first state, linked and numbered. */
  stmt = dd_store_prepare (store,
                           "SELECT s.kind, s.state, s.station_id, s.reception_id, s.registered_on,"
                           " s.number, s.category, p.deputy_id, p.position, s.voter_name "
                           "FROM suggestions s JOIN suggestion_proposers p ON p.suggestion_id = s.id "
                           "ORDER BY s.id", NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *number = g_strdup_printf ("YJ2025-%04u", i + 1);

      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr (dd_column_text (stmt, 0), ==, "voter_opinion");
      g_assert_cmpstr (dd_column_text (stmt, 1), ==, "registered");
      g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, station_id (station));
      g_assert_cmpint (sqlite3_column_int64 (stmt, 3), ==, reception_id);
      g_assert_cmpstr (dd_column_text (stmt, 4), ==, "2025-03-05");
      g_assert_cmpstr (dd_column_text (stmt, 5), ==, number);
      g_assert_cmpstr (dd_column_text (stmt, 6), ==, i == 0 ? "urban_construction" : "other");
      /* recorded_by 0 means the first deputy present */
      g_assert_cmpint (sqlite3_column_int64 (stmt, 7), ==, i == 0 ? wang : li);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 8), ==, 1);
      g_assert_cmpstr (dd_column_text (stmt, 9), ==, i == 0 ? "刘大爷" : NULL);
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'receptions' "
                                     "AND field = 'deputies'"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'suggestions' "
                                     "AND field = 'proposers'"), ==, 2);

  /* The station's history follows, newest first; 张伟 was not there. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 1);
  {
    g_autoptr(DdReception) earlier = dd_reception_new ();
    g_autoptr(DdReceptionList) of_wang = dd_reception_list_new_for_deputy (store, wang);
    g_autoptr(DdReceptionList) of_zhang = dd_reception_list_new_for_deputy (store, zhang);
    gint64 only_zhang[] = { zhang };
    DdStationFigures f;

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (of_wang)), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (of_zhang)), ==, 0);
    g_object_set (earlier, "station-id", station_id (station), "held-on", "2024-12-20",
                  "voters-received", (gint64) 8, NULL);
    g_assert_true (dd_reception_record (earlier, store, only_zhang, 1, NULL, 0, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 2);
    g_assert_cmpint (dd_query_model_get_id (DD_QUERY_MODEL (history), 0), ==, reception_id);
    g_assert_cmpint (dd_query_model_get_id (DD_QUERY_MODEL (history), 1), ==,
                     dd_entity_get_id (DD_ENTITY (earlier)));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (of_zhang)), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (of_wang)), ==, 1);

    /* Totals: all time, and one year. */
    figures_of (store, station, NULL, NULL, &f);
    g_assert_cmpint (f.receptions, ==, 2);
    g_assert_cmpint (f.voters_received, ==, 33);
    g_assert_cmpint (f.petitions_handled, ==, 2);
    g_assert_cmpint (f.opinions_recorded, ==, 2);
    g_assert_cmpint (f.opinions_adopted, ==, 0);
    figures_of (store, station, "2025-01-01", "2026-01-01", &f);
    g_assert_cmpint (f.receptions, ==, 1);
    g_assert_cmpint (f.voters_received, ==, 25);
    figures_of (store, station, "2024-01-01", "2025-01-01", &f);
    g_assert_cmpint (f.receptions, ==, 1);
    g_assert_cmpint (f.voters_received, ==, 8);
    g_assert_cmpint (f.opinions_recorded, ==, 0);
    g_assert_false (dd_station_compute_figures (station, store, "2024-13-01", NULL, &f, &error));
    g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
    g_clear_error (&error);
  }
}

static void
assert_nothing_written (DdStore     *store,
                        const gint64 before[6])
{
  static const char * const tables[] = {
    "receptions", "reception_deputies", "suggestions", "suggestion_proposers", "audit_log", "deputies"
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpint (count_rows (store, tables[i]), ==, before[i]);
}

static void
test_reception_invalid (void)
{
  g_autoptr(DdStore) store = make_store ();
  g_autoptr(DdStation) station = add_station (store, "城关镇人大代表之家", "home");
  g_autoptr(GError) error = NULL;
  gint64 wang = add_deputy (store, "王芳");
  gint64 li = add_deputy (store, "李强");
  gint64 zhang = add_deputy (store, "张伟");
  gint64 deputies[] = { wang, li };
  gint64 before[6] = {
    count_rows (store, "receptions"), count_rows (store, "reception_deputies"),
    count_rows (store, "suggestions"), count_rows (store, "suggestion_proposers"),
    count_rows (store, "audit_log"), count_rows (store, "deputies"),
  };
  DdVoterOpinion opinions[] = {
    { "小区路灯损坏", NULL, NULL, NULL, NULL, 0 },
    { "   ", NULL, NULL, "刘大爷", NULL, 0 },
  };
  guint commits = 0;

  sqlite3_commit_hook (dd_store_get_db (store), on_commit_cb, &commits);

  /* Opinion 2 has no title: nothing at all is written, not even opinion 1. */
  {
    g_autoptr(DdReception) reception = dd_reception_new ();

    g_object_set (reception, "station-id", station_id (station), "held-on", "2025-03-05",
                  "voters-received", (gint64) 10, NULL);
    g_assert_false (dd_reception_record (reception, store, deputies, 2, opinions, 2, &error));
    g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "Opinion 2: Title is required");
    g_clear_error (&error);
    g_assert_cmpint (dd_entity_get_id (DD_ENTITY (reception)), ==, 0);
    assert_nothing_written (store, before);

    /* An unknown category, named with the opinion's number. */
    opinions[1].title = "学校门口停车难";
    opinions[1].category = "weather";
    g_assert_false (dd_reception_record (reception, store, deputies, 2, opinions, 2, &error));
    g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "Opinion 2: Category"));
    g_clear_error (&error);

    /* Recorded by someone who was not there. */
    opinions[1].category = "transport";
    opinions[1].recorded_by = zhang;
    g_assert_false (dd_reception_record (reception, store, deputies, 2, opinions, 2, &error));
    g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "Opinion 2: Recorded by"));
    g_clear_error (&error);
    opinions[1].recorded_by = 0;

    /* No deputy present, an unknown deputy. */
    g_assert_false (dd_reception_record (reception, store, deputies, 0, opinions, 2, &error));
    g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "Deputies present"));
    g_clear_error (&error);
    {
      gint64 unknown[] = { wang, 999 };

      g_assert_false (dd_reception_record (reception, store, unknown, 2, opinions, 2, &error));
      g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "999"));
      g_clear_error (&error);
    }

    /* The reception's own fields come first. */
    g_object_set (reception, "held-on", "2025-02-30", NULL);
    g_assert_false (dd_reception_record (reception, store, deputies, 2, opinions, 2, &error));
    g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "Date"));
    g_clear_error (&error);
    g_object_set (reception, "held-on", "2025-03-05", "voters-received", (gint64) -1, NULL);
    g_assert_false (dd_reception_record (reception, store, deputies, 2, opinions, 2, &error));
    g_assert_true (g_str_has_prefix (error->message, "Voters received"));
    g_clear_error (&error);

    g_assert_cmpuint (commits, ==, 0);
    assert_nothing_written (store, before);
    g_assert_cmpint (dd_entity_get_id (DD_ENTITY (reception)), ==, 0);
  }

  /* A failure inside the transaction (the database refuses a row) undoes
   * the reception and the opinions already inserted. */
  {
    g_autoptr(DdReception) reception = dd_reception_new ();

    g_assert_true (dd_store_exec (store,
                                  "CREATE TRIGGER refuse_second BEFORE INSERT ON suggestion_proposers "
                                  "WHEN (SELECT count(*) FROM suggestion_proposers) >= 1 "
                                  "BEGIN SELECT RAISE (ABORT, 'refused'); END", NULL));
    g_object_set (reception, "station-id", station_id (station), "held-on", "2025-03-05", NULL);
    g_assert_false (dd_reception_record (reception, store, deputies, 2, opinions, 2, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpint (dd_entity_get_id (DD_ENTITY (reception)), ==, 0);
    assert_nothing_written (store, before);
  }
  sqlite3_commit_hook (dd_store_get_db (store), NULL, NULL);
}

/* Attached deputies */

static void
test_attached_deputies (void)
{
  g_autoptr(DdStore) store = make_store ();
  g_autoptr(DdStation) home = add_station (store, "城关镇人大代表之家", "home");
  g_autoptr(DdStation) studio = add_station (store, "李强代表工作室", "studio");
  g_autoptr(DdStationList) of_wang = NULL;
  g_autoptr(DdStationList) of_li = NULL;
  g_autoptr(GError) error = NULL;
  gint64 wang = add_deputy (store, "王芳");
  gint64 li = add_deputy (store, "李强");
  DdStationFigures f;

  of_wang = dd_station_list_new_for_deputy (store, wang);
  of_li = dd_station_list_new_for_deputy (store, li);

  /* Many to many: 王芳 at both, 李强 at the home only. */
  g_assert_true (dd_station_attach_deputy (home, store, wang, &error));
  g_assert_true (dd_station_attach_deputy (studio, store, wang, &error));
  g_assert_true (dd_station_attach_deputy (home, store, li, &error));
  g_assert_true (dd_station_attach_deputy (home, store, li, &error));  /* twice: once */
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "station_deputies"), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (of_wang)), ==, 2);
  /* by name: 城关镇… before 李强… in code-point order */
  g_assert_cmpint (dd_query_model_get_id (DD_QUERY_MODEL (of_wang), 0), ==,
                   strcmp ("城关镇人大代表之家", "李强代表工作室") < 0 ? station_id (home) : station_id (studio));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (of_li)), ==, 1);
  figures_of (store, home, NULL, NULL, &f);
  g_assert_cmpint (f.deputies, ==, 2);
  figures_of (store, studio, NULL, NULL, &f);
  g_assert_cmpint (f.deputies, ==, 1);
  g_assert_false (dd_station_attach_deputy (home, store, 999, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  /* On duty ("三定": fixed people) only for attached deputies. */
  g_assert_false (dd_station_is_on_duty (home, store, li));
  g_assert_true (dd_station_set_on_duty (home, store, li, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (dd_station_is_on_duty (home, store, li));
  g_assert_false (dd_station_is_on_duty (home, store, wang));
  g_assert_false (dd_station_set_on_duty (studio, store, li, TRUE, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "On duty"));
  g_assert_nonnull (strstr (error->message, "李强"));
  g_clear_error (&error);
  g_assert_true (dd_station_set_on_duty (home, store, wang, TRUE, &error));
  g_assert_true (dd_station_set_on_duty (home, store, wang, FALSE, &error));
  g_assert_false (dd_station_is_on_duty (home, store, wang));

  /* Detaching: the lists follow; detaching again is no error. */
  g_assert_true (dd_station_detach_deputy (home, store, li, &error));
  g_assert_no_error (error);
  g_assert_false (dd_station_is_on_duty (home, store, li));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (of_li)), ==, 0);
  g_assert_true (dd_station_detach_deputy (home, store, li, &error));
  g_assert_no_error (error);
  g_assert_true (dd_station_detach_deputy (home, store, wang, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (of_wang)), ==, 1);
  g_assert_cmpint (dd_query_model_get_id (DD_QUERY_MODEL (of_wang), 0), ==, station_id (studio));
  figures_of (store, home, NULL, NULL, &f);
  g_assert_cmpint (f.deputies, ==, 0);

  /* The audit log tells the story of the home's roster. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE entity = 'stations' "
                                            "AND entity_id = %" G_GINT64_FORMAT " AND field = 'deputies'",
                                            station_id (home));
    g_autofree char *duty = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE entity = 'stations' "
                                             "AND entity_id = %" G_GINT64_FORMAT " AND field = 'on_duty'",
                                             station_id (home));

    g_assert_cmpint (query_int (store, sql), ==, 4);   /* 2 attached, 2 detached */
    g_assert_cmpint (query_int (store, duty), ==, 4);  /* 李强 on, 王芳 on, off; 李强 off by detaching */
  }
}

/* Deleting and archiving */

static void
test_delete_and_archive (void)
{
  g_autoptr(DdStore) store = make_store ();
  g_autoptr(DdStation) busy = add_station (store, "城关镇人大代表之家", "home");
  g_autoptr(DdStation) quiet = add_station (store, "西山联系点", "contact_point");
  g_autoptr(DdStation) once = add_station (store, "东街代表联络站", "liaison_station");
  g_autoptr(DdStationList) list = dd_station_list_new (store);
  g_autoptr(GError) error = NULL;
  gint64 wang = add_deputy (store, "王芳");
  DdStationDependents d;
  DdVoterOpinion opinions[] = {
    { "小区路灯损坏" }, { "学校门口停车难" }, { "菜市场噪音" },
  };

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DdReception) reception = dd_reception_new ();

      g_object_set (reception, "station-id", station_id (busy), "held-on", i ? "2025-03-01" : "2025-02-01",
                    NULL);
      g_assert_true (dd_reception_record (reception, store, &wang, 1, opinions, i ? 1 : 2, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(DdReception) reception = dd_reception_new ();

    g_object_set (reception, "station-id", station_id (once), "held-on", "2025-03-02", NULL);
    g_assert_true (dd_reception_record (reception, store, &wang, 1, NULL, 0, &error));
  }
  g_assert_true (dd_station_attach_deputy (busy, store, wang, &error));
  g_assert_true (dd_station_attach_deputy (quiet, store, wang, &error));
  g_assert_true (dd_station_set_on_duty (quiet, store, wang, TRUE, &error));
  tick_all (store, station_id (quiet));

  g_assert_true (dd_station_count_dependents (busy, store, &d, &error));
  g_assert_cmpint (d.receptions, ==, 2);
  g_assert_cmpint (d.opinions, ==, 3);
  g_assert_cmpint (d.deputies, ==, 1);

  /* Refused, saying what would be lost and what to do instead. */
  {
    gint64 audits = count_rows (store, "audit_log");

    g_assert_false (dd_station_delete (busy, store, &error));
    g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_CONSTRAINT);
    g_assert_nonnull (strstr (error->message, "城关镇人大代表之家"));
    g_assert_nonnull (strstr (error->message, "2 receptions and 3 voters’ opinions"));
    g_assert_nonnull (strstr (error->message, "Archive it instead"));
    g_clear_error (&error);
    g_assert_false (dd_station_delete (once, store, &error));
    g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_CONSTRAINT);
    g_assert_nonnull (strstr (error->message, "it has 1 reception,"));
    g_clear_error (&error);
    g_assert_cmpint (count_rows (store, "stations"), ==, 3);
    g_assert_cmpint (count_rows (store, "audit_log"), ==, audits);
  }

  /* A station with only deputies and ticks goes, with them, audited. */
  g_assert_true (dd_station_count_dependents (quiet, store, &d, &error));
  g_assert_cmpint (d.receptions + d.opinions, ==, 0);
  g_assert_cmpint (d.deputies, ==, 1);
  g_assert_true (dd_station_delete (quiet, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "stations"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM station_deputies WHERE station_id NOT IN "
                                     "(SELECT id FROM stations)"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM station_checklist WHERE station_id NOT IN "
                                     "(SELECT id FROM stations)"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE field = 'deputies' "
                                     "AND old_value IS NOT NULL AND new_value IS NULL"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE field = 'name' "
                                     "AND old_value = '西山联系点' AND new_value IS NULL"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  /* Archiving: out of the default list and the figures, history kept. */
  g_assert_true (dd_station_set_archived (busy, store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (dd_entity_get_bool (DD_ENTITY (busy), "archived"));
  g_assert_false (list_contains (list, station_id (busy)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  dd_station_list_set_show_archived (list, TRUE);
  g_assert_true (list_contains (list, station_id (busy)));
  dd_station_list_set_show_archived (list, FALSE);
  g_assert_cmpint (count_rows (store, "receptions"), ==, 3);
  g_assert_cmpint (count_rows (store, "suggestions"), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE field = 'archived' "
                                     "AND old_value = '0' AND new_value = '1'"), ==, 1);
  {
    DdStationStats stats;

    g_assert_true (dd_station_stats_compute (store, NULL, NULL, &stats, &error));
    g_assert_cmpint (stats.stations_total, ==, 1);
    g_assert_cmpint (stats.receptions, ==, 3);
  }
  /* Archiving twice writes nothing; unarchiving brings it back. */
  {
    gint64 audits = count_rows (store, "audit_log");

    g_assert_true (dd_station_set_archived (busy, store, TRUE, &error));
    g_assert_cmpint (count_rows (store, "audit_log"), ==, audits);
  }
  g_assert_true (dd_station_set_archived (busy, store, FALSE, &error));
  g_assert_true (list_contains (list, station_id (busy)));
  g_assert_false (dd_entity_get_bool (DD_ENTITY (busy), "archived"));
}

/* The station list against independent SQL */

typedef struct
{
  const char   *search;
  const char   *kind;
  const char   *district;
  const char   *township;
  DdCompliance  compliance;
  DdUpgraded    upgraded;
  gboolean      show_archived;
} Filters;

static const char * const districts[] = { "城关区", "东湖区", "西山区", NULL };
static const char * const townships[] = { "城关镇", "南街街道", "北关镇", NULL };
static const char * const places[] = { "解放路", "人民路", "建设大道", "滨河路" };
static const char * const stems[] = { "幸福", "和平", "光明", "新华", "100%", "a_b" };
static const char * const searches[] = {
  NULL, "幸福", "人民路", "s0001", "S00002", "100%", "a_b", "_", "%", "无此站", "路1",
};

static GArray *
reference_ids (DdStore       *store,
               const Filters *f)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM stations WHERE 1");
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  if (!f->show_archived)
    g_string_append (sql, " AND NOT archived");
  /* instr, not LIKE: no wildcard to escape; lower() folds ASCII as LIKE does */
  if (f->search != NULL)
    g_string_append (sql, " AND (instr(lower(name), lower(?1)) OR instr(lower(coalesce(address, '')), lower(?1))"
                          " OR instr(lower(code), lower(?1)))");
  if (f->kind != NULL)
    g_string_append (sql, " AND kind = ?2");
  if (f->district != NULL)
    g_string_append (sql, " AND district = ?3");
  if (f->township != NULL)
    g_string_append (sql, " AND township = ?4");
  if (f->compliance != DD_COMPLIANCE_ANY)
    g_string_append_printf (sql, " AND (SELECT count(*) FROM station_checklist t JOIN checklist_items i"
                                 " ON i.id = t.item_id WHERE t.station_id = stations.id AND t.done AND i.active)"
                                 " %s (SELECT count(*) FROM checklist_items WHERE active)",
                            f->compliance == DD_COMPLIANCE_COMPLETE ? "=" : "<");
  if (f->upgraded != DD_UPGRADED_ANY)
    g_string_append (sql, f->upgraded == DD_UPGRADED_YES ? " AND length(upgraded_on) = 10"
                                                         : " AND coalesce(upgraded_on, '') = ''");
  g_string_append (sql, " ORDER BY name, id");

  g_assert_cmpint (sqlite3_prepare_v2 (dd_store_get_db (store), sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, f->search, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, f->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, f->district, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, f->township, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

static void
assert_list_matches (DdStore       *store,
                     DdStationList *list,
                     const Filters *f)
{
  g_autoptr(GArray) expected = reference_ids (store, f);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (n != expected->len)
    g_error ("search “%s” kind %s district %s township %s compliance %d upgraded %d archived %d: "
             "%u stations listed, %u expected",
             f->search, f->kind, f->district, f->township, f->compliance, f->upgraded,
             f->show_archived, n, expected->len);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (dd_query_model_get_id (DD_QUERY_MODEL (list), i), ==,
                     g_array_index (expected, gint64, i));
}

static void
apply_filters (DdStationList *list,
               const Filters *f)
{
  dd_station_list_set_search (list, f->search);
  dd_station_list_set_kind (list, f->kind);
  dd_station_list_set_district (list, f->district);
  dd_station_list_set_township (list, f->township);
  dd_station_list_set_compliance (list, f->compliance);
  dd_station_list_set_upgraded (list, f->upgraded);
  dd_station_list_set_show_archived (list, f->show_archived);
}

/* 80 stations with every combination the filters care about, some names
 * alike (the id breaks the tie) and some with LIKE's wildcards in them. */
static void
fill_stations (DdStore *store)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250315);
  g_autoptr(GPtrArray) items = dd_checklist_dup_items (store, FALSE, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 80; i++)
    {
      g_autoptr(DdStation) station = dd_station_new ();
      const char *district = districts[g_rand_int_range (rand, 0, G_N_ELEMENTS (districts))];
      const char *township = townships[g_rand_int_range (rand, 0, G_N_ELEMENTS (townships))];
      const char *kind = dd_station_kinds[g_rand_int_range (rand, 0, 7)];
      g_autofree char *name = g_strdup_printf ("%s%s代表联络站", stems[g_rand_int_range (rand, 0, G_N_ELEMENTS (stems))],
                                               g_rand_boolean (rand) ? "社区" : "村");
      g_autofree char *address = g_rand_int_range (rand, 0, 4) == 0 ? NULL
        : g_strdup_printf ("%s%d号", places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))],
                           g_rand_int_range (rand, 1, 200));
      g_autofree char *upgraded = g_rand_int_range (rand, 0, 5) < 2
        ? g_strdup_printf ("2024-%02d-01", g_rand_int_range (rand, 1, 13)) : NULL;
      gint64 id;

      g_object_set (station, "name", name, "kind", kind, "district", district, "township", township,
                    "address", address, "upgraded-on", upgraded, NULL);
      g_assert_true (dd_entity_save (DD_ENTITY (station), store, &error));
      g_assert_no_error (error);
      id = station_id (station);
      if (g_rand_int_range (rand, 0, 8) == 0)
        g_assert_true (dd_station_set_archived (station, store, TRUE, &error));
      /* Mostly met, as the demo has it; some stations never inspected. */
      if (g_rand_int_range (rand, 0, 10) > 0)
        for (guint k = 0; k < items->len; k++)
          {
            DdChecklistItem *item = g_ptr_array_index (items, k);

            if (g_rand_int_range (rand, 0, 100) < 88)
              g_assert_true (dd_checklist_set_tick (store, id, item->id, TRUE, &error));
          }
    }
}

static void
test_list_filters (void)
{
  g_autoptr(DdStore) store = make_store ();
  g_autoptr(DdStationList) list = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  Filters f = { NULL };
  gint64 extra = 0;

  fill_stations (store);
  /* A retired item's missing ticks must not count; a new one's must. */
  g_assert_true (dd_checklist_set_item_active (store, item_id_by_code (store, "ledger"), FALSE, &error));
  list = dd_station_list_new (store);
  assert_list_matches (store, list, &f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 50);

  /* Each filter alone, every value. */
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      Filters one = { searches[i] };
      apply_filters (list, &one);
      assert_list_matches (store, list, &one);
    }
  for (guint i = 0; dd_station_kinds[i] != NULL; i++)
    {
      Filters one = { .kind = dd_station_kinds[i] };
      apply_filters (list, &one);
      assert_list_matches (store, list, &one);
    }
  for (guint i = 0; districts[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (townships); j++)
      {
        Filters one = { .district = districts[i], .township = townships[j] };
        apply_filters (list, &one);
        assert_list_matches (store, list, &one);
        one.district = NULL;
        apply_filters (list, &one);
        assert_list_matches (store, list, &one);
      }
  for (int c = DD_COMPLIANCE_ANY; c <= DD_COMPLIANCE_INCOMPLETE; c++)
    for (int u = DD_UPGRADED_ANY; u <= DD_UPGRADED_NO; u++)
      for (int a = 0; a < 2; a++)
        {
          Filters one = { .compliance = c, .upgraded = u, .show_archived = a };
          apply_filters (list, &one);
          assert_list_matches (store, list, &one);
          if (c != DD_COMPLIANCE_ANY && u == DD_UPGRADED_ANY && !a)
            g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 5);
        }

  /* Random combinations, each applied on top of the last. */
  for (guint r = 0; r < 300; r++)
    {
      f.search = g_rand_int_range (rand, 0, 3) == 0
        ? searches[g_rand_int_range (rand, 0, G_N_ELEMENTS (searches))] : NULL;
      f.kind = g_rand_int_range (rand, 0, 3) == 0 ? dd_station_kinds[g_rand_int_range (rand, 0, 7)] : NULL;
      f.district = g_rand_int_range (rand, 0, 3) == 0
        ? districts[g_rand_int_range (rand, 0, G_N_ELEMENTS (districts))] : NULL;
      f.township = g_rand_int_range (rand, 0, 4) == 0
        ? townships[g_rand_int_range (rand, 0, G_N_ELEMENTS (townships))] : NULL;
      f.compliance = g_rand_int_range (rand, 0, 3);
      f.upgraded = g_rand_int_range (rand, 0, 3);
      f.show_archived = g_rand_int_range (rand, 0, 4) == 0;
      apply_filters (list, &f);
      assert_list_matches (store, list, &f);
      g_object_get (list, "compliance", &f.compliance, NULL);
    }

  /* The list follows the store: a new item makes everyone incomplete. */
  f = (Filters) { .compliance = DD_COMPLIANCE_COMPLETE };
  apply_filters (list, &f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  g_assert_true (dd_checklist_add_item (store, "有公示栏", &extra, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  assert_list_matches (store, list, &f);
  tick_all (store, 1);
  assert_list_matches (store, list, &f);
  g_assert_true (dd_checklist_set_item_active (store, extra, FALSE, &error));
  assert_list_matches (store, list, &f);
  f.compliance = DD_COMPLIANCE_INCOMPLETE;
  apply_filters (list, &f);
  assert_list_matches (store, list, &f);
  /* No active item at all: every station meets the (empty) standard. */
  {
    g_autoptr(GPtrArray) items = dd_checklist_dup_items (store, FALSE, NULL);

    for (guint i = 0; i < items->len; i++)
      g_assert_true (dd_checklist_set_item_active (store, ((DdChecklistItem *) g_ptr_array_index (items, i))->id,
                                                   FALSE, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
    f.compliance = DD_COMPLIANCE_COMPLETE;
    apply_filters (list, &f);
    assert_list_matches (store, list, &f);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                      (guint) query_int (store, "SELECT count(*) FROM stations WHERE archived = 0"));
  }

  /* The filter menus. */
  {
    g_auto(GStrv) all = dd_station_list_dup_districts (store, &error);
    g_auto(GStrv) in_east = dd_station_list_dup_townships (store, "东湖区", &error);
    g_auto(GStrv) every = dd_station_list_dup_townships (store, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (all), ==,
                      (guint) query_int (store, "SELECT count(DISTINCT district) FROM stations"));
    for (guint i = 1; all[i] != NULL; i++)
      g_assert_cmpint (strcmp (all[i - 1], all[i]), <, 0);
    g_assert_true (g_strv_contains ((const char * const *) all, "城关区"));
    g_assert_cmpuint (g_strv_length (in_east), ==,
                      (guint) query_int (store, "SELECT count(DISTINCT township) FROM stations "
                                                "WHERE district = '东湖区'"));
    g_assert_cmpuint (g_strv_length (every), ==, 3);
  }
}

/* Settings and QR payloads */

static void
test_settings_and_qr (void)
{
  g_autoptr(DdStore) store = make_store ();
  g_autoptr(DdStation) station = add_station (store, "城关镇人大代表之家", "home");
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *url = NULL;
  g_autofree char *deputy = NULL;
  g_autofree char *office = NULL;
  g_autofree char *odd = NULL;
  gint64 audits;

  g_assert_cmpstr (dd_station_get_code (station), ==, "S00001");
  g_assert_null (dd_settings_dup (store, DD_SETTING_QR_STATION_URL));
  plain = dd_qr_payload_dup (store, DD_SETTING_QR_STATION_URL, dd_station_get_code (station));
  g_assert_cmpstr (plain, ==, "S00001");

  g_assert_true (dd_settings_set (store, DD_SETTING_OFFICE_NAME, "江州市人大常委会代表工作室", &error));
  g_assert_no_error (error);
  office = dd_settings_dup (store, DD_SETTING_OFFICE_NAME);
  g_assert_cmpstr (office, ==, "江州市人大常委会代表工作室");

  /* A template without {code} is refused, naming the field; nothing written. */
  audits = count_rows (store, "audit_log");
  g_assert_false (dd_settings_set (store, DD_SETTING_QR_STATION_URL, "https://rd.example.cn/station/", &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Station QR address"));
  g_clear_error (&error);
  g_assert_false (dd_settings_set (store, DD_SETTING_QR_DEPUTY_URL, "https://rd.example.cn/{id}", &error));
  g_assert_true (g_str_has_prefix (error->message, "Deputy QR address"));
  g_clear_error (&error);
  g_assert_null (dd_settings_dup (store, DD_SETTING_QR_STATION_URL));
  g_assert_cmpint (count_rows (store, "audit_log"), ==, audits);

  g_assert_true (dd_settings_set (store, DD_SETTING_QR_STATION_URL,
                                  " https://rd.example.cn/station/{code}?from=qr ", &error));
  g_assert_no_error (error);
  url = dd_qr_payload_dup (store, DD_SETTING_QR_STATION_URL, "S00001");
  g_assert_cmpstr (url, ==, "https://rd.example.cn/station/S00001?from=qr");
  /* The deputy template is separate; reserved characters in a code are escaped. */
  deputy = dd_qr_payload_dup (store, DD_SETTING_QR_DEPUTY_URL, "D00007");
  g_assert_cmpstr (deputy, ==, "D00007");
  g_assert_true (dd_settings_set (store, DD_SETTING_QR_DEPUTY_URL, "https://x.cn/d/{code}/{code}", &error));
  odd = dd_qr_payload_dup (store, DD_SETTING_QR_DEPUTY_URL, "A/1 2");
  g_assert_cmpstr (odd, ==, "https://x.cn/d/A%2F1%202/A%2F1%202");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'settings' "
                                     "AND field = 'qr-station-url' AND old_value IS NULL "
                                     "AND new_value = 'https://rd.example.cn/station/{code}?from=qr'"), ==, 1);

  /* Empty removes: back to the plain code. */
  g_assert_true (dd_settings_set (store, DD_SETTING_QR_STATION_URL, "  ", &error));
  g_assert_null (dd_settings_dup (store, DD_SETTING_QR_STATION_URL));
  g_clear_pointer (&plain, g_free);
  plain = dd_qr_payload_dup (store, DD_SETTING_QR_STATION_URL, "S00001");
  g_assert_cmpstr (plain, ==, "S00001");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE entity = 'settings' "
                                     "AND field = 'qr-station-url' AND new_value IS NULL"), ==, 1);
  g_assert_true (dd_settings_set (store, DD_SETTING_QR_STATION_URL, NULL, &error));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM settings"), ==, 2);
}

/* Station statistics on a hand-made dataset */

static const char dataset[] =
  "INSERT INTO deputies (id, person_id, name, level, term, created_at, updated_at) VALUES"
  " (1, 1, '王芳', 'county', 18, '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (2, 2, '李强', 'county', 18, '2024-01-01T00:00:00', '2024-01-01T00:00:00');"
  "INSERT INTO stations (id, code, name, kind, upgraded_on, archived, created_at, updated_at) VALUES"
  " (1, 'S00001', '城关镇人大代表之家', 'home', '2023-05-01', 0, '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (2, 'S00002', '东街代表联络站', 'liaison_station', NULL, 0, '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (3, 'S00003', '李强代表工作室', 'studio', '2024-02-01', 0, '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (4, 'S00004', '老街联系点', 'contact_point', '2022-01-01', 1, '2024-01-01T00:00:00', '2024-01-01T00:00:00'),"
  " (5, 'S00005', '西山代表之家', 'home', NULL, 0, '2024-01-01T00:00:00', '2024-01-01T00:00:00');"
  "INSERT INTO station_deputies (station_id, deputy_id) VALUES (1, 1), (1, 2), (3, 2);"
  /* Items 1-8 are the default 八有; 'results' (8) is retired below. */
  "INSERT INTO station_checklist (station_id, item_id, done)"
  " SELECT 1, id, 1 FROM checklist_items UNION ALL"
  " SELECT 2, id, id < 8 FROM checklist_items UNION ALL"
  " SELECT 3, id, 1 FROM checklist_items WHERE id <= 6 UNION ALL"
  " SELECT 3, 7, 0 UNION ALL"
  " SELECT 4, id, 1 FROM checklist_items;"
  "UPDATE checklist_items SET active = 0 WHERE code = 'results';"
  "INSERT INTO units (id, name, created_at) VALUES (1, '县住房和城乡建设局', '2024-01-01T00:00:00');"
  "INSERT INTO receptions (id, station_id, held_on, voters_received, petitions_handled, created_at) VALUES"
  " (1, 1, '2024-03-05', 12, 1, '2024-03-05T00:00:00'),"
  " (2, 2, '2024-11-20', 30, 0, '2024-11-20T00:00:00'),"
  " (3, 1, '2023-08-01', 5, 2, '2023-08-01T00:00:00'),"
  " (4, 4, '2024-06-01', 7, 3, '2024-06-01T00:00:00'),"
  " (5, 3, '2025-01-01', 9, 0, '2025-01-01T00:00:00');"
  "INSERT INTO suggestions (id, kind, title, state, registered_on, station_id, reception_id, round, created_at, updated_at) VALUES"
  " (1, 'voter_opinion', '路灯损坏', 'closed', '2024-03-05', 1, 1, 2, '2024-03-05T00:00:00', '2024-03-05T00:00:00'),"
  " (2, 'voter_opinion', '停车难', 'replied', '2024-03-05', 1, 1, 1, '2024-03-05T00:00:00', '2024-03-05T00:00:00'),"
  " (3, 'voter_opinion', '菜市场噪音', 'handling', '2024-11-20', 2, 2, 2, '2024-11-20T00:00:00', '2024-11-20T00:00:00'),"
  " (4, 'voter_opinion', '垃圾清运', 'registered', '2024-11-20', 2, 2, 1, '2024-11-20T00:00:00', '2024-11-20T00:00:00'),"
  " (5, 'deputy_suggestion', '关于公交线路优化的建议', 'closed', '2024-05-01', NULL, NULL, 1, '2024-05-01T00:00:00', '2024-05-01T00:00:00'),"
  " (6, 'voter_opinion', '积水', 'closed', '2023-08-01', 1, 3, 1, '2023-08-01T00:00:00', '2023-08-01T00:00:00'),"
  " (7, 'voter_opinion', '电梯加装', 'closed', '2024-12-31', NULL, NULL, 1, '2024-12-31T00:00:00', '2024-12-31T00:00:00'),"
  " (8, 'voter_opinion', '公园开放', 'replied', '2025-01-01', 1, NULL, 1, '2025-01-01T00:00:00', '2025-01-01T00:00:00'),"
  " (9, 'voter_opinion', '学校午托', 'replied', '2024-02-02', 2, NULL, 1, '2024-02-02T00:00:00', '2024-02-02T00:00:00');"
  "INSERT INTO replies (id, suggestion_id, unit_id, round, class, body, replied_on) VALUES"
  " (1, 1, 1, 1, 'C', '留作参考', '2024-04-01'),"
  " (2, 1, 1, 2, 'A', '已解决', '2024-07-01'),"
  " (3, 2, 1, 1, 'B', '列入计划', '2024-04-01'),"
  /* 3: solved in round 1, then judged unsatisfied; round 2 says C */
  " (4, 3, 1, 1, 'A', '已解决', '2024-12-01'),"
  " (5, 3, 1, 2, 'C', '留作参考', '2025-01-10'),"
  " (6, 5, 1, 1, 'A', '已采纳', '2024-06-01'),"
  " (7, 6, 1, 1, 'A', '已解决', '2023-09-01'),"
  " (8, 7, 1, 1, 'A', '已解决', '2025-01-05'),"
  " (9, 8, 1, 1, 'B', '列入计划', '2025-02-01'),"
  /* 9: two replies of the same round; the later one (higher id) counts */
  " (10, 9, 1, 1, 'A', '已解决', '2024-03-01'),"
  " (11, 9, 1, 1, 'B', '更正：列入计划', '2024-03-02');";

static DdStore *
make_dataset_store (void)
{
  g_autoptr(DdStore) store = make_store ();
  g_autoptr(GError) error = NULL;

  g_assert_true (dd_store_exec (store, dataset, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static int
kind_index (const char *kind)
{
  for (int i = 0; dd_station_kinds[i] != NULL; i++)
    if (g_str_equal (dd_station_kinds[i], kind))
      return i;
  g_assert_not_reached ();
}

static void
test_station_stats (void)
{
  g_autoptr(DdStore) store = make_dataset_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  DdStationStats s;

  /* 2024, counted by hand from the rows above. */
  g_assert_true (dd_station_stats_compute (store, "2024-01-01", "2025-01-01", &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (s.stations_total, ==, 4);          /* 4 is archived */
  g_assert_cmpint (s.stations_by_kind[kind_index ("home")], ==, 2);
  g_assert_cmpint (s.stations_by_kind[kind_index ("liaison_station")], ==, 1);
  g_assert_cmpint (s.stations_by_kind[kind_index ("studio")], ==, 1);
  g_assert_cmpint (s.stations_by_kind[kind_index ("contact_point")], ==, 0);
  g_assert_cmpint (s.stations_compliant, ==, 2);      /* 1; 2 lacks only the retired item */
  g_assert_cmpint (s.stations_upgraded, ==, 2);       /* 1 and 3 */
  g_assert_cmpint (s.receptions, ==, 3);              /* 1, 2, 4; 5 is on 2025-01-01 */
  g_assert_cmpint (s.voters_received, ==, 12 + 30 + 7);
  g_assert_cmpint (s.petitions_handled, ==, 1 + 0 + 3);
  g_assert_cmpint (s.opinions_recorded, ==, 6);       /* 1, 2, 3, 4, 7, 9 */
  g_assert_cmpint (s.opinions_adopted, ==, 4);        /* 1 (A), 2 (B), 7 (A), 9 (B) */
  g_assert_cmpint (s.opinions_solved, ==, 2);         /* 1, 7 */

  json = dd_station_stats_to_json (&s, "2024-01-01", "2025-01-01");
  g_assert_nonnull (strstr (json, "\"from\": \"2024-01-01\""));
  g_assert_nonnull (strstr (json, "\"home\": 2"));
  g_assert_nonnull (strstr (json, "\"compliant\": 2, \"compliance_rate\": 0.5000"));
  g_assert_nonnull (strstr (json, "\"receptions\": {\"count\": 3, \"voters\": 49, \"petitions\": 4}"));
  g_assert_nonnull (strstr (json, "\"opinions\": {\"recorded\": 6, \"adopted\": 4, \"solved\": 2, "
                                  "\"adoption_rate\": 0.6667, \"solution_rate\": 0.3333}"));
  g_clear_pointer (&json, g_free);

  /* An empty period: zeros, and rates with nothing to divide by are null. */
  g_assert_true (dd_station_stats_compute (store, "2019-01-01", "2020-01-01", &s, &error));
  g_assert_cmpint (s.stations_total, ==, 4);
  g_assert_cmpint (s.receptions, ==, 0);
  g_assert_cmpint (s.voters_received, ==, 0);
  g_assert_cmpint (s.petitions_handled, ==, 0);
  g_assert_cmpint (s.opinions_recorded, ==, 0);
  g_assert_cmpint (s.opinions_adopted, ==, 0);
  g_assert_cmpint (s.opinions_solved, ==, 0);
  json = dd_station_stats_to_json (&s, "2019-01-01", "2020-01-01");
  g_assert_nonnull (strstr (json, "\"adoption_rate\": null, \"solution_rate\": null"));
  g_clear_pointer (&json, g_free);

  /* No station at all: no compliance rate either. */
  {
    g_autoptr(DdStore) empty = make_store ();

    g_assert_true (dd_station_stats_compute (empty, NULL, NULL, &s, &error));
    g_assert_cmpint (s.stations_total, ==, 0);
    json = dd_station_stats_to_json (&s, NULL, NULL);
    g_assert_nonnull (strstr (json, "\"from\": null"));
    g_assert_nonnull (strstr (json, "\"compliance_rate\": null"));
    g_clear_pointer (&json, g_free);
  }

  /* Open bounds: everything. */
  g_assert_true (dd_station_stats_compute (store, NULL, NULL, &s, &error));
  g_assert_cmpint (s.receptions, ==, 5);
  g_assert_cmpint (s.opinions_recorded, ==, 8);
  g_assert_cmpint (s.opinions_adopted, ==, 6);        /* + 6 (A), 8 (B) */
  g_assert_cmpint (s.opinions_solved, ==, 3);         /* + 6 */

  g_assert_false (dd_station_stats_compute (store, "2024-01-01", "next year", &s, &error));
  g_assert_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "To"));
  g_clear_error (&error);

  /* One station's figures, the same definitions. */
  {
    g_autoptr(DdStation) home = dd_station_load (store, 1, &error);
    g_autoptr(DdStation) street = dd_station_load (store, 2, &error);
    g_autoptr(DdStation) studio = dd_station_load (store, 3, &error);
    g_autoptr(DdStation) west = dd_station_load (store, 5, &error);
    DdStationFigures f;

    figures_of (store, home, "2024-01-01", "2025-01-01", &f);
    g_assert_cmpint (f.deputies, ==, 2);
    g_assert_cmpint (f.receptions, ==, 1);
    g_assert_cmpint (f.voters_received, ==, 12);
    g_assert_cmpint (f.petitions_handled, ==, 1);
    g_assert_cmpint (f.opinions_recorded, ==, 2);
    g_assert_cmpint (f.opinions_adopted, ==, 2);
    g_assert_cmpint (f.opinions_solved, ==, 1);
    g_assert_cmpuint (f.checklist_done, ==, 7);
    g_assert_cmpuint (f.checklist_total, ==, 7);
    figures_of (store, home, NULL, NULL, &f);
    g_assert_cmpint (f.receptions, ==, 2);
    g_assert_cmpint (f.voters_received, ==, 17);
    g_assert_cmpint (f.petitions_handled, ==, 3);
    g_assert_cmpint (f.opinions_recorded, ==, 4);      /* 1, 2, 6, 8 */
    g_assert_cmpint (f.opinions_adopted, ==, 4);
    g_assert_cmpint (f.opinions_solved, ==, 2);        /* 1, 6 */

    figures_of (store, street, "2024-01-01", "2025-01-01", &f);
    g_assert_cmpint (f.receptions, ==, 1);
    g_assert_cmpint (f.voters_received, ==, 30);
    g_assert_cmpint (f.opinions_recorded, ==, 3);      /* 3, 4, 9 */
    g_assert_cmpint (f.opinions_adopted, ==, 1);       /* 9 (B); 3's latest is C */
    g_assert_cmpint (f.opinions_solved, ==, 0);
    g_assert_cmpuint (f.checklist_done, ==, 7);        /* the missing item is retired */

    figures_of (store, studio, "2024-01-01", "2025-01-01", &f);
    g_assert_cmpint (f.deputies, ==, 1);
    g_assert_cmpint (f.receptions, ==, 0);
    g_assert_cmpuint (f.checklist_done, ==, 6);
    figures_of (store, west, NULL, NULL, &f);
    g_assert_cmpint (f.deputies, ==, 0);
    g_assert_cmpuint (f.checklist_done, ==, 0);
    g_assert_cmpuint (f.checklist_total, ==, 7);
  }
}

static void
on_station_stats_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  DdStationStats **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = dd_station_stats_compute_finish (result, &error);
  g_assert_no_error (error);
}

/* The worker thread on a reader of a file, and at once for a store in memory. */
static void
test_station_stats_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dd-stations-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "stations.sqlite", NULL);
  g_autoptr(DdStore) memory = make_dataset_store ();
  DdStationStats expected;

  g_assert_no_error (error);
  g_assert_true (dd_station_stats_compute (memory, "2024-01-01", "2025-01-01", &expected, &error));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DdStore) store = NULL;
      g_autofree DdStationStats *stats = NULL;

      if (i == 0)
        store = g_object_ref (memory);
      else
        {
          store = dd_store_open (path, DD_STORE_OPEN_CREATE, &error);
          g_assert_no_error (error);
          g_assert_true (dd_store_exec (store, dataset, &error));
        }
      dd_station_stats_compute_async (store, "2024-01-01", "2025-01-01", NULL, on_station_stats_cb, &stats);
      while (stats == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpmem (stats, sizeof *stats, &expected, sizeof expected);
    }

  {
    static const char * const suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
        g_remove (file);
      }
    g_rmdir (dir);
  }
}

/* Query plans: no statement of these pages scans a big table */

static GHashTable *
aliases_of (const char *sql)
{
  static const char * const keywords[] = {
    "WHERE", "ON", "LEFT", "JOIN", "ORDER", "GROUP", "SET", "VALUES", "AS", "USING", "LIMIT",
    "UNION", "INNER", "CROSS", "WHEN", "DEFAULT", NULL
  };
  GHashTable *aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GRegex) regex = g_regex_new ("(?:FROM|JOIN|INTO|UPDATE)\\s+(\\w+)(?:\\s+(?:AS\\s+)?(\\w+))?",
                                         G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, sql, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *table = g_match_info_fetch (match, 1);
      g_autofree char *alias = g_match_info_fetch (match, 2);
      g_autofree char *upper = g_ascii_strup (alias, -1);

      g_hash_table_replace (aliases, g_strdup (table), g_strdup (table));
      if (alias[0] != '\0' && !g_strv_contains (keywords, upper))
        g_hash_table_replace (aliases, g_strdup (alias), g_strdup (table));
      g_match_info_next (match, NULL);
    }
  return aliases;
}

static void
test_query_plans (void)
{
  static const char * const big[] = {
    "suggestions", "receptions", "replies", "reception_deputies", "suggestion_proposers",
    "station_deputies", "evaluations", "audit_log", NULL
  };
  g_autoptr(DdStore) store = make_dataset_store ();
  g_autoptr(GError) error = NULL;
  sqlite3 *db = dd_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  guint n_checked = 0;

  /* Every statement of this model runs once, so that it is cached. */
  {
    g_autoptr(DdStation) home = dd_station_load (store, 1, &error);
    g_autoptr(DdStation) street = dd_station_load (store, 2, &error);
    g_autoptr(DdStationList) list = dd_station_list_new (store);
    g_autoptr(DdStationList) of_deputy = dd_station_list_new_for_deputy (store, 1);
    g_autoptr(DdReceptionList) receptions = dd_reception_list_new_for_station (store, 1);
    g_autoptr(DdReceptionList) of_wang = dd_reception_list_new_for_deputy (store, 1);
    g_autoptr(DdReception) reception = dd_reception_new ();
    g_autoptr(GArray) present = NULL;
    g_autoptr(GPtrArray) ticks = NULL;
    g_auto(GStrv) districts_in_use = NULL;
    g_auto(GStrv) townships_in_use = NULL;
    DdVoterOpinion opinion = { "路灯" };
    DdStationFigures f;
    DdStationDependents d;
    DdStationStats s;
    gint64 deputy = 2;

    dd_station_list_set_search (list, "城关");
    dd_station_list_set_kind (list, "home");
    dd_station_list_set_district (list, "城关区");
    dd_station_list_set_township (list, "城关镇");
    dd_station_list_set_compliance (list, DD_COMPLIANCE_COMPLETE);
    dd_station_list_set_upgraded (list, DD_UPGRADED_YES);
    dd_station_list_set_compliance (of_deputy, DD_COMPLIANCE_INCOMPLETE);
    g_assert_true (dd_station_compute_figures (home, store, "2024-01-01", "2025-01-01", &f, &error));
    g_assert_true (dd_station_count_dependents (home, store, &d, &error));
    g_assert_true (dd_station_stats_compute (store, "2024-01-01", "2025-01-01", &s, &error));
    g_assert_true (dd_station_attach_deputy (street, store, 1, &error));
    g_assert_true (dd_station_set_on_duty (street, store, 1, TRUE, &error));
    g_assert_true (dd_station_detach_deputy (street, store, 1, &error));
    g_assert_true (dd_checklist_set_tick (store, 2, 1, FALSE, &error));
    ticks = dd_checklist_dup_ticks (store, 2, &error);
    g_object_set (reception, "station-id", (gint64) 2, "held-on", "2025-03-01", NULL);
    g_assert_true (dd_reception_record (reception, store, &deputy, 1, &opinion, 1, &error));
    present = dd_reception_dup_deputy_ids (reception, store, &error);
    districts_in_use = dd_station_list_dup_districts (store, &error);
    townships_in_use = dd_station_list_dup_townships (store, "城关区", &error);
    g_assert_no_error (error);
  }

  while ((stmt = sqlite3_next_stmt (db, stmt)) != NULL)
    {
      const char *sql = sqlite3_sql (stmt);
      g_autoptr(GHashTable) aliases = NULL;
      g_autofree char *explain = NULL;
      sqlite3_stmt *plan = NULL;

      if (sql == NULL || g_str_has_prefix (sql, "EXPLAIN"))
        continue;
      aliases = aliases_of (sql);
      explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &plan, NULL), ==, SQLITE_OK);
      while (sqlite3_step (plan) == SQLITE_ROW)
        {
          const char *detail = (const char *) sqlite3_column_text (plan, 3);
          g_auto(GStrv) words = g_strsplit (detail, " ", 3);
          const char *table;

          if (!g_str_equal (words[0], "SCAN") || words[1] == NULL)
            continue;
          table = g_hash_table_lookup (aliases, words[1]);
          if (table != NULL && g_strv_contains (big, table))
            g_error ("%s\n  scans %s: %s", sql, table, detail);
        }
      sqlite3_finalize (plan);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 30);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stations/checklist/compliance", test_checklist_compliance);
  g_test_add_func ("/stations/reception/record", test_reception_record);
  g_test_add_func ("/stations/reception/invalid-writes-nothing", test_reception_invalid);
  g_test_add_func ("/stations/deputies/attach-detach-on-duty", test_attached_deputies);
  g_test_add_func ("/stations/delete-refused-archive", test_delete_and_archive);
  g_test_add_func ("/stations/list/filters-match-sql", test_list_filters);
  g_test_add_func ("/stations/settings/qr-payload", test_settings_and_qr);
  g_test_add_func ("/stations/stats/hand-counted", test_station_stats);
  g_test_add_func ("/stations/stats/async", test_station_stats_async);
  g_test_add_func ("/stations/query-plans", test_query_plans);

  return g_test_run ();
}

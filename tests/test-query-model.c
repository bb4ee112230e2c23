/* test-query-model.c: items-changed against a reference, lazy objects, live refresh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "dd-deputy.h"
#include "dd-deputy-list.h"
#include "dd-station.h"
#include "dd-station-list.h"
#include "dd-store-private.h"

static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄" };
static const char * const given[] = { "芳", "伟", "娜", "强", "敏", "静", "磊", "洋", "艳", "勇" };
static const char * const levels[] = { "national", "provincial", "city", "county", "township" };

/* The list as a client sees it: built only from items-changed and get_item. */
typedef struct
{
  GListModel *model;
  GArray     *ids;
  guint       n_signals;
} Mirror;

static gint64
item_id (GListModel *model,
         guint       position)
{
  g_autoptr(DdEntity) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return dd_entity_get_id (item);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Mirror     *mirror)
{
  mirror->n_signals++;
  g_assert_cmpuint (position + removed, <=, mirror->ids->len);
  g_array_remove_range (mirror->ids, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gint64 id = item_id (model, position + i);
      g_array_insert_val (mirror->ids, position + i, id);
    }
}

static void
mirror_init (Mirror     *mirror,
             GListModel *model)
{
  mirror->model = model;
  mirror->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  mirror->n_signals = 0;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      gint64 id = item_id (model, i);
      g_array_append_val (mirror->ids, id);
    }
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), mirror);
}

static void
mirror_clear (Mirror *mirror)
{
  g_signal_handlers_disconnect_by_data (mirror->model, mirror);
  g_array_unref (mirror->ids);
}

/* What the query should return, computed here without the model. */
static GArray *
reference_ids (DdStore    *store,
               const char *level)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = dd_store_prepare (store,
                                         "SELECT id FROM deputies WHERE ?1 IS NULL OR level = ?1 "
                                         "ORDER BY name, id", NULL);

  if (level != NULL)
    sqlite3_bind_text (stmt, 1, level, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

static void
assert_same_ids (GArray *a,
                 GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (g_array_index (a, gint64, i), ==, g_array_index (b, gint64, i));
}

static void
add_deputy (DdStore    *store,
            const char *name,
            const char *level)
{
  g_autoptr(DdDeputy) deputy = dd_deputy_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (deputy, "name", name, "level", level, "term", (gint64) 3, NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (deputy), store, &error));
  g_assert_no_error (error);
}

static char *
random_name (GRand *rand)
{
  return g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                      given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))],
                      given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))], NULL);
}

static void
test_items_changed_matches_reference (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdDeputyList) all = NULL;
  g_autoptr(DdDeputyList) county = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251121);
  Mirror all_mirror, county_mirror;

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *name = random_name (rand);
      add_deputy (store, name, levels[i % G_N_ELEMENTS (levels)]);
    }

  all = dd_deputy_list_new (store);
  county = dd_deputy_list_new (store);
  dd_deputy_list_set_level (county, "county");
  mirror_init (&all_mirror, G_LIST_MODEL (all));
  mirror_init (&county_mirror, G_LIST_MODEL (county));

  for (int step = 0; step < 300; step++)
    {
      g_autoptr(GArray) expected_all = NULL;
      g_autoptr(GArray) expected_county = NULL;
      guint n = g_list_model_get_n_items (G_LIST_MODEL (all));
      int action = g_rand_int_range (rand, 0, 4);

      if (action == 0 || n == 0)
        {
          g_autofree char *name = random_name (rand);
          add_deputy (store, name, levels[g_rand_int_range (rand, 0, G_N_ELEMENTS (levels))]);
        }
      else
        {
          g_autoptr(DdDeputy) deputy = g_list_model_get_item (G_LIST_MODEL (all),
                                                              g_rand_int_range (rand, 0, n));
          if (action == 1)
            {
              g_autofree char *name = random_name (rand);
              g_object_set (deputy, "name", name, NULL);
              g_assert_true (dd_entity_save (DD_ENTITY (deputy), store, &error));
            }
          else if (action == 2)
            {
              g_object_set (deputy, "level", levels[g_rand_int_range (rand, 0, 5)], NULL);
              g_assert_true (dd_entity_save (DD_ENTITY (deputy), store, &error));
            }
          else
            g_assert_true (dd_entity_delete (DD_ENTITY (deputy), store, &error));
          g_assert_no_error (error);
        }

      expected_all = reference_ids (store, NULL);
      expected_county = reference_ids (store, "county");
      assert_same_ids (all_mirror.ids, expected_all);
      assert_same_ids (county_mirror.ids, expected_county);
    }

  /* Filters change the list the same way. */
  dd_deputy_list_set_level (county, "city");
  {
    g_autoptr(GArray) expected = reference_ids (store, "city");
    assert_same_ids (county_mirror.ids, expected);
  }
  dd_deputy_list_set_level (county, NULL);
  {
    g_autoptr(GArray) expected = reference_ids (store, NULL);
    assert_same_ids (county_mirror.ids, expected);
  }

  mirror_clear (&all_mirror);
  mirror_clear (&county_mirror);
}

static void
test_smallest_change (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdDeputyList) list = NULL;
  Mirror mirror;
  guint before;

  add_deputy (store, "安然", "city");
  add_deputy (store, "白雪", "city");
  add_deputy (store, "程浩", "city");
  list = dd_deputy_list_new (store);
  mirror_init (&mirror, G_LIST_MODEL (list));

  /* Inserting in the middle emits exactly one signal: (1, 0, 1). */
  before = mirror.n_signals;
  add_deputy (store, "白杨", "city");
  g_assert_cmpuint (mirror.n_signals, ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  /* An edit that keeps the order emits nothing: the live object refreshes in place. */
  {
    g_autoptr(DdDeputy) held = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(DdDeputy) other = dd_deputy_load (store, dd_entity_get_id (DD_ENTITY (held)), NULL);

    before = mirror.n_signals;
    g_object_set (other, "occupation", "医生", NULL);
    g_assert_true (dd_entity_save (DD_ENTITY (other), store, &error));
    g_assert_cmpuint (mirror.n_signals, ==, before);
    g_assert_cmpstr (dd_entity_get_string (DD_ENTITY (held), "occupation"), ==, "医生");
  }

  /* The search filter narrows in SQL; LIKE's wildcards are taken literally. */
  dd_deputy_list_set_search (list, "白");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  dd_deputy_list_set_search (list, "%");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  dd_deputy_list_set_search (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  mirror_clear (&mirror);
}

static void
test_lazy_objects (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdDeputyList) list = NULL;
  DdDeputy *weak = NULL;

  for (int i = 0; i < 500; i++)
    {
      g_autofree char *name = g_strdup_printf ("代表%03d", i);
      add_deputy (store, name, "township");
    }

  list = dd_deputy_list_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 500);
  /* 500 ids, no objects. */
  g_assert_cmpuint (dd_query_model_get_n_live (DD_QUERY_MODEL (list)), ==, 0);

  {
    g_autoptr(DdDeputy) a = g_list_model_get_item (G_LIST_MODEL (list), 250);
    g_autoptr(DdDeputy) b = g_list_model_get_item (G_LIST_MODEL (list), 250);

    g_assert_true (a == b);
    g_assert_cmpstr (dd_deputy_get_name (a), ==, "代表250");
    g_assert_cmpuint (dd_query_model_get_n_live (DD_QUERY_MODEL (list)), ==, 1);
    weak = a;
    g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  }

  /* Walking the whole list keeps only a bounded cache alive. */
  for (guint i = 0; i < 500; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  g_assert_cmpuint (dd_query_model_get_n_live (DD_QUERY_MODEL (list)), <=, 128);
  g_assert_null (weak);  /* pushed out of the cache and freed */

  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 500));
  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_stations_of_deputy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DdStore) store = dd_store_new_in_memory (&error);
  g_autoptr(DdStation) home = dd_station_new ();
  g_autoptr(DdStation) station = dd_station_new ();
  g_autoptr(DdStationList) list = NULL;
  g_autoptr(DdDeputy) deputy = NULL;
  gint64 deputy_id;

  add_deputy (store, "刘洋", "county");
  deputy_id = 1;
  g_object_set (home, "name", "城关镇人大代表之家", "kind", "home", NULL);
  g_object_set (station, "name", "东街社区代表联络站", "kind", "liaison_station", NULL);
  g_assert_true (dd_entity_save (DD_ENTITY (home), store, &error));
  g_assert_true (dd_entity_save (DD_ENTITY (station), store, &error));

  list = dd_station_list_new_for_deputy (store, deputy_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* Attaching is noticed through the link table. */
  g_assert_true (dd_station_attach_deputy (station, store, deputy_id, &error));
  g_assert_true (dd_station_attach_deputy (home, store, deputy_id, &error));
  g_assert_true (dd_station_attach_deputy (home, store, deputy_id, &error));  /* twice: once */
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  g_assert_false (dd_station_attach_deputy (home, store, 999, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The other way round: a station's deputies, following attach and detach. */
  add_deputy (store, "孙丽", "township");
  {
    g_autoptr(DdDeputyList) at_home = dd_deputy_list_new (store);

    dd_deputy_list_set_station_id (at_home, dd_entity_get_id (DD_ENTITY (home)));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (at_home)), ==, 1);
    g_assert_true (dd_station_attach_deputy (home, store, 2, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (at_home)), ==, 2);
    g_assert_true (dd_station_detach_deputy (home, store, deputy_id, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (at_home)), ==, 1);
    g_assert_cmpint (dd_query_model_get_id (DD_QUERY_MODEL (at_home), 0), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  }

  deputy = dd_deputy_load (store, deputy_id, NULL);
  g_assert_nonnull (deputy);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/query-model/items-changed-matches-reference", test_items_changed_matches_reference);
  g_test_add_func ("/query-model/smallest-change", test_smallest_change);
  g_test_add_func ("/query-model/lazy-objects", test_lazy_objects);
  g_test_add_func ("/query-model/stations-of-deputy", test_stations_of_deputy);

  return g_test_run ();
}

/* dd-calendar.c: working days over the holidays table
 *
 * A day is a working day by the week (Monday to Friday) unless the holidays
 * table lists it: "holiday" takes a weekday off, "workday" makes a weekend
 * day a make-up workday (调休上班). Counting fetches the listed days of a
 * range once and walks the range in memory, so that a deadline years away
 * costs one query, not one a day.
 *
 * The State Council's arrangements for 2023–2026 ship in the library
 * (data/holidays/cn-holidays.tsv, as a GResource) and are copied into a
 * database the first time it needs them; from then on the table is the
 * office's to edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-calendar"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-calendar.h"
#include "dd-model-error.h"
#include "dd-model-resources.h"
#include "dd-settings.h"
#include "dd-store-private.h"
#include "dd-utils.h"

#define SHIPPED_RESOURCE "/io/github/deputydesk/DeputyDesk/model/cn-holidays.tsv"
#define SHIPPED_YEARS "2023-2026"

/* What the holidays table says of a day. */
enum
{
  LISTED_NONE = 0,
  LISTED_HOLIDAY = 1,
  LISTED_WORKDAY = 2,
};

typedef struct
{
  char        day[11];
  int         kind;      /* LISTED_HOLIDAY or LISTED_WORKDAY */
  const char *name;      /* into the resource's bytes, which live as long as the program */
} ShippedDay;

G_DEFINE_ENUM_TYPE (DdDeadlineStatus, dd_deadline_status,
                    G_DEFINE_ENUM_VALUE (DD_DEADLINE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (DD_DEADLINE_DUE_SOON, "due-soon"),
                    G_DEFINE_ENUM_VALUE (DD_DEADLINE_OVERDUE, "overdue"))

/* Helpers */

static guint32
julian_of (const char *day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_ascii_strtoull (day + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (day + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (day, NULL, 10));
  return g_date_get_julian (&date);
}

static void
format_julian (guint32  julian,
               char    *out)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (out, 11, "%04u-%02u-%02u", (guint) g_date_get_year (&date),
              (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
}

static gboolean
is_weekday (guint32 julian)
{
  /* Julian day 1 (0001-01-01) was a Monday. */
  return (julian - 1) % 7 < 5;
}

static int
kind_from_code (const char *code)
{
  if (g_strcmp0 (code, "holiday") == 0)
    return LISTED_HOLIDAY;
  if (g_strcmp0 (code, "workday") == 0)
    return LISTED_WORKDAY;
  return LISTED_NONE;
}

static const char *
kind_to_code (int kind)
{
  return kind == LISTED_WORKDAY ? "workday" : "holiday";
}

/* The shipped calendar, parsed once; lines are "day<TAB>kind<TAB>name". */
static GArray *
shipped_days (void)
{
  static GArray *days = NULL;

  if (g_once_init_enter (&days))
    {
      GArray *parsed = g_array_new (FALSE, TRUE, sizeof (ShippedDay));
      g_autoptr(GError) error = NULL;
      GBytes *bytes = g_resource_lookup_data (dd_model_get_resource (), SHIPPED_RESOURCE,
                                              G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      char **lines;

      if (bytes == NULL)
        g_error ("The shipped holiday calendar is missing: %s", error->message);

      /* The bytes are kept for the names that point into them. */
      lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) cells = NULL;
          ShippedDay entry = { { 0 } };

          if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
          cells = g_strsplit (lines[i], "\t", 3);
          if (g_strv_length (cells) != 3 || !dd_date_is_valid (cells[0]) ||
              kind_from_code (cells[1]) == LISTED_NONE)
            g_error ("Line %u of the shipped holiday calendar is malformed: %s", i + 1, lines[i]);
          memcpy (entry.day, cells[0], 11);
          entry.kind = kind_from_code (cells[1]);
          entry.name = g_intern_string (cells[2]);
          g_array_append_val (parsed, entry);
        }
      g_strfreev (lines);
      g_bytes_unref (bytes);
      g_once_init_leave (&days, parsed);
    }
  return days;
}

/* TRUE if the database has never had the shipped calendar and lists no day. */
static gboolean
needs_shipped (DdStore *store)
{
  sqlite3_stmt *stmt = dd_store_prepare (store,
                                         "SELECT (SELECT value FROM settings WHERE key = ?) IS NULL "
                                         "AND NOT EXISTS (SELECT 1 FROM holidays)", NULL);
  gboolean needs = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, DD_SETTING_HOLIDAYS_SHIPPED, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    needs = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return needs;
}

static gboolean
seed_in_transaction (DdStore   *store,
                     gpointer   user_data,
                     GError   **error)
{
  GArray *days = shipped_days ();
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;

  /* Another desk may have done it since we looked. */
  if (!needs_shipped (store))
    return TRUE;

  for (guint i = 0; i < days->len; i++)
    {
      const ShippedDay *entry = &g_array_index (days, ShippedDay, i);

      stmt = dd_store_prepare (store, "INSERT INTO holidays (day, kind, name) VALUES (?, ?, ?)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, entry->day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, kind_to_code (entry->kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, entry->name, -1, SQLITE_STATIC);
      if (!dd_store_step_done (store, stmt, error))
        return FALSE;
    }

  /* One audit row for the lot: the rows themselves say what was copied. */
  summary = g_strdup_printf ("cn-holidays %s: %u days", SHIPPED_YEARS, days->len);
  if (!dd_store_audit (store, "holidays", 0, "shipped", NULL, summary, error) ||
      !dd_settings_set (store, DD_SETTING_HOLIDAYS_SHIPPED, SHIPPED_YEARS, error))
    return FALSE;
  dd_store_note_change (store, "holidays", 0);
  return TRUE;
}

static gboolean
is_read_only (DdStore *store)
{
  return sqlite3_db_readonly (dd_store_get_db (store), "main") == 1;
}

/* Makes sure the holidays are there; TRUE if they must be read from the
 * shipped calendar instead of the table (a read-only connection). */
static gboolean
prepare (DdStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!needs_shipped (store))
    return FALSE;
  if (is_read_only (store))
    return TRUE;
  if (!dd_store_write (store, seed_in_transaction, NULL, &error))
    {
      /* The calendar still works, on the shipped days, until a write succeeds. */
      g_debug ("Could not copy the shipped holidays: %s", error->message);
      return TRUE;
    }
  return FALSE;
}

/* Fills @listed (julian day → LISTED_*) with the listed days in (@after, @upto]. */
static void
collect_listed (DdStore    *store,
                gboolean    shipped,
                guint32     after,
                guint32     upto,
                GHashTable *listed)
{
  char after_text[11], upto_text[11];
  sqlite3_stmt *stmt;

  format_julian (after, after_text);
  format_julian (upto, upto_text);

  if (shipped)
    {
      GArray *days = shipped_days ();

      for (guint i = 0; i < days->len; i++)
        {
          const ShippedDay *entry = &g_array_index (days, ShippedDay, i);

          if (strcmp (entry->day, after_text) > 0 && strcmp (entry->day, upto_text) <= 0)
            g_hash_table_insert (listed, GUINT_TO_POINTER (julian_of (entry->day)),
                                 GINT_TO_POINTER (entry->kind));
        }
      return;
    }

  stmt = dd_store_prepare (store, "SELECT day, kind FROM holidays WHERE day > ? AND day <= ?", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, after_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, upto_text, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *day = dd_column_text (stmt, 0);

      if (dd_date_is_valid (day))
        g_hash_table_insert (listed, GUINT_TO_POINTER (julian_of (day)),
                             GINT_TO_POINTER (kind_from_code (dd_column_text (stmt, 1))));
    }
  sqlite3_reset (stmt);
}

static gboolean
works (guint32     julian,
       GHashTable *listed)
{
  switch (GPOINTER_TO_INT (g_hash_table_lookup (listed, GUINT_TO_POINTER (julian))))
    {
    case LISTED_HOLIDAY:
      return FALSE;
    case LISTED_WORKDAY:
      return TRUE;
    default:
      return is_weekday (julian);
    }
}

static GHashTable *
new_listed (void)
{
  return g_hash_table_new (g_direct_hash, g_direct_equal);
}

static int
read_rule (DdStore    *store,
           const char *key,
           int         fallback,
           int         min,
           int         max)
{
  g_autofree char *text = dd_settings_dup (store, key);
  gint64 value;

  if (text != NULL && g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    return (int) value;
  return fallback;
}

typedef struct
{
  const char *key;
  int         value;
} RuleValue;

static gboolean
set_rules_in_transaction (DdStore   *store,
                          gpointer   user_data,
                          GError   **error)
{
  const RuleValue *values = user_data;

  for (guint i = 0; values[i].key != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", values[i].value);

      if (!dd_settings_set (store, values[i].key, text, error))
        return FALSE;
    }
  return TRUE;
}

/* A holiday's audit id: the day as a number, 2025-10-01 → 20251001. */
static gint64
holiday_audit_id (const char *day)
{
  return g_ascii_strtoll (day, NULL, 10) * 10000 +
         g_ascii_strtoll (day + 5, NULL, 10) * 100 +
         g_ascii_strtoll (day + 8, NULL, 10);
}

typedef struct
{
  const char *day;
  const char *kind;    /* NULL: remove */
  const char *name;
} HolidayChange;

static gboolean
change_holiday_in_transaction (DdStore   *store,
                               gpointer   user_data,
                               GError   **error)
{
  const HolidayChange *change = user_data;
  g_autofree char *old_kind = NULL;
  g_autofree char *old_name = NULL;
  gboolean existed = FALSE;
  gint64 audit_id = holiday_audit_id (change->day);
  sqlite3_stmt *stmt;

  stmt = dd_store_prepare (store, "SELECT kind, name FROM holidays WHERE day = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, change->day, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      existed = TRUE;
      old_kind = g_strdup (dd_column_text (stmt, 0));
      old_name = g_strdup (dd_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (change->kind == NULL)
    {
      if (!existed)
        {
          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_NOT_FOUND,
                       _("%s is neither a listed holiday nor a make-up workday"), change->day);
          return FALSE;
        }
      stmt = dd_store_prepare (store, "DELETE FROM holidays WHERE day = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, change->day, -1, SQLITE_TRANSIENT);
    }
  else
    {
      if (existed && g_strcmp0 (old_kind, change->kind) == 0 &&
          g_strcmp0 (old_name, change->name) == 0)
        return TRUE;
      stmt = dd_store_prepare (store,
                               "INSERT INTO holidays (day, kind, name) VALUES (?, ?, ?) "
                               "ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, "
                               "name = excluded.name", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, change->day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, change->kind, -1, SQLITE_TRANSIENT);
      dd_bind_text (stmt, 3, change->name);
    }
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;

  if (g_strcmp0 (old_kind, change->kind) != 0 &&
      !dd_store_audit (store, "holidays", audit_id, "kind", old_kind, change->kind, error))
    return FALSE;
  if (g_strcmp0 (old_name, change->name) != 0 &&
      !dd_store_audit (store, "holidays", audit_id, "name", old_name, change->name, error))
    return FALSE;
  dd_store_note_change (store, "holidays", audit_id);
  return TRUE;
}

/* Public API */

void
dd_holiday_free (DdHoliday *holiday)
{
  g_free (holiday->day);
  g_free (holiday->kind);
  g_free (holiday->name);
  g_free (holiday);
}

const char *
dd_deadline_status_to_code (DdDeadlineStatus status)
{
  switch (status)
    {
    case DD_DEADLINE_DUE_SOON:
      return "due_soon";
    case DD_DEADLINE_OVERDUE:
      return "overdue";
    case DD_DEADLINE_NONE:
    default:
      return "none";
    }
}

const char *
dd_deadline_status_get_label (DdDeadlineStatus status)
{
  switch (status)
    {
    case DD_DEADLINE_DUE_SOON:
      return C_("deadline", "Due soon");
    case DD_DEADLINE_OVERDUE:
      return C_("deadline", "Overdue");
    case DD_DEADLINE_NONE:
    default:
      return "";
    }
}

/**
 * dd_deadline_rules_get:
 * Fills @rules from the settings, with the defaults of
 * DD_DEADLINE_RULES_DEFAULT for any missing or out-of-range value.
 */
void
dd_deadline_rules_get (DdStore         *store,
                       DdDeadlineRules *rules)
{
  const DdDeadlineRules defaults = DD_DEADLINE_RULES_DEFAULT;

  g_return_if_fail (DD_IS_STORE (store));
  g_return_if_fail (rules != NULL);

  rules->suggestion_months = read_rule (store, DD_SETTING_DEADLINE_SUGGESTION_MONTHS,
                                        defaults.suggestion_months, 1, 12);
  rules->opinion_working_days = read_rule (store, DD_SETTING_DEADLINE_OPINION_WORKING_DAYS,
                                           defaults.opinion_working_days, 1, 120);
  rules->unit_return_working_days = read_rule (store, DD_SETTING_UNIT_RETURN_WORKING_DAYS,
                                               defaults.unit_return_working_days, 1, 30);
  rules->due_soon_working_days = read_rule (store, DD_SETTING_DUE_SOON_WORKING_DAYS,
                                            defaults.due_soon_working_days, 0, 60);
}

gboolean
dd_deadline_rules_set (DdStore                *store,
                       const DdDeadlineRules  *rules,
                       GError                **error)
{
  const RuleValue values[] = {
    { DD_SETTING_DEADLINE_SUGGESTION_MONTHS, rules->suggestion_months },
    { DD_SETTING_DEADLINE_OPINION_WORKING_DAYS, rules->opinion_working_days },
    { DD_SETTING_UNIT_RETURN_WORKING_DAYS, rules->unit_return_working_days },
    { DD_SETTING_DUE_SOON_WORKING_DAYS, rules->due_soon_working_days },
    { NULL, 0 },
  };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);

  if (rules->suggestion_months < 1 || rules->suggestion_months > 12)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Reply deadline of deputies’ suggestions: give from %d to %d months"), 1, 12);
      return FALSE;
    }
  if (rules->opinion_working_days < 1 || rules->opinion_working_days > 120)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Reply deadline of voters’ opinions: give from %d to %d working days"), 1, 120);
      return FALSE;
    }
  if (rules->unit_return_working_days < 1 || rules->unit_return_working_days > 30)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Time for a unit to return an item: give from %d to %d working days"), 1, 30);
      return FALSE;
    }
  if (rules->due_soon_working_days < 0 || rules->due_soon_working_days > 60)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Due soon: give from %d to %d working days before the deadline"), 0, 60);
      return FALSE;
    }
  return dd_store_write (store, set_rules_in_transaction, (gpointer) values, error);
}

const char *
dd_calendar_get_shipped_years (void)
{
  return SHIPPED_YEARS;
}

/**
 * dd_calendar_ensure_holidays:
 * Copies the shipped calendar into the holidays table if the table is empty
 * and it was never copied before (DD_SETTING_HOLIDAYS_SHIPPED). One
 * transaction with one audit row. Nothing to do on later calls.
 */
gboolean
dd_calendar_ensure_holidays (DdStore  *store,
                             GError  **error)
{
  g_return_val_if_fail (DD_IS_STORE (store), FALSE);

  if (!needs_shipped (store) || is_read_only (store))
    return TRUE;
  return dd_store_write (store, seed_in_transaction, NULL, error);
}

gboolean
dd_calendar_is_working_day (DdStore    *store,
                            const char *day)
{
  g_autoptr(GHashTable) listed = new_listed ();
  guint32 julian;
  gboolean shipped;

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  g_return_val_if_fail (dd_date_is_valid (day), FALSE);

  shipped = prepare (store);
  julian = julian_of (day);
  collect_listed (store, shipped, julian - 1, julian, listed);
  return works (julian, listed);
}

char *
dd_calendar_add_working_days (DdStore    *store,
                              const char *day,
                              int         n)
{
  guint32 julian;
  gboolean shipped;
  char out[11];

  g_return_val_if_fail (DD_IS_STORE (store), NULL);
  g_return_val_if_fail (dd_date_is_valid (day), NULL);
  g_return_val_if_fail (n >= 0, NULL);

  shipped = prepare (store);
  julian = julian_of (day);
  /* A year of listed days at a time: one query for any real deadline. */
  while (n > 0)
    {
      g_autoptr(GHashTable) listed = new_listed ();
      guint32 end = julian + 366;

      collect_listed (store, shipped, julian, end, listed);
      while (n > 0 && julian < end)
        {
          julian++;
          if (works (julian, listed))
            n--;
        }
    }
  format_julian (julian, out);
  return g_strdup (out);
}

int
dd_calendar_working_days_between (DdStore    *store,
                                  const char *from,
                                  const char *to)
{
  g_autoptr(GHashTable) listed = new_listed ();
  guint32 lo, hi;
  gboolean shipped;
  int count = 0;

  g_return_val_if_fail (DD_IS_STORE (store), 0);
  g_return_val_if_fail (dd_date_is_valid (from), 0);
  g_return_val_if_fail (dd_date_is_valid (to), 0);

  lo = julian_of (from);
  hi = julian_of (to);
  if (lo == hi)
    return 0;
  if (lo > hi)
    return -dd_calendar_working_days_between (store, to, from);

  shipped = prepare (store);
  collect_listed (store, shipped, lo, hi, listed);
  for (guint32 julian = lo + 1; julian <= hi; julian++)
    if (works (julian, listed))
      count++;
  return count;
}

char *
dd_calendar_dup_next_working_day (DdStore    *store,
                                  const char *day)
{
  g_return_val_if_fail (dd_date_is_valid (day), NULL);

  if (dd_calendar_is_working_day (store, day))
    return g_strdup (day);
  return dd_calendar_add_working_days (store, day, 1);
}

char *
dd_calendar_add_months (const char *day,
                        int         months)
{
  GDate date;
  char out[11];

  g_return_val_if_fail (dd_date_is_valid (day), NULL);
  g_return_val_if_fail (months >= 0, NULL);

  /* g_date_add_months() keeps the day or clamps it to the month's end. */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_of (day));
  g_date_add_months (&date, (guint) months);
  format_julian (g_date_get_julian (&date), out);
  return g_strdup (out);
}

/**
 * dd_calendar_dup_deadline:
 *
 * A deputy's suggestion: DdDeadlineRules.suggestion_months calendar months
 * after @assigned_on; if that day is not a working day, the next working
 * day (a period ending on a day off ends on the next working day). A
 * voter's opinion: DdDeadlineRules.opinion_working_days working days after
 * @assigned_on.
 */
char *
dd_calendar_dup_deadline (DdStore    *store,
                          const char *kind,
                          const char *assigned_on)
{
  DdDeadlineRules rules;
  g_autofree char *end = NULL;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);
  g_return_val_if_fail (dd_date_is_valid (assigned_on), NULL);

  dd_deadline_rules_get (store, &rules);
  if (g_strcmp0 (kind, "voter_opinion") == 0)
    return dd_calendar_add_working_days (store, assigned_on, rules.opinion_working_days);

  end = dd_calendar_add_months (assigned_on, rules.suggestion_months);
  return dd_calendar_dup_next_working_day (store, end);
}

GPtrArray *
dd_calendar_list_holidays (DdStore  *store,
                           int       year,
                           GError  **error)
{
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) dd_holiday_free);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);

  if (!dd_calendar_ensure_holidays (store, error))
    return NULL;

  from = year > 0 ? g_strdup_printf ("%04d-01-01", year) : g_strdup ("0000");
  to = year > 0 ? g_strdup_printf ("%04d-01-01", year + 1) : g_strdup ("9999");
  stmt = dd_store_prepare (store,
                           "SELECT day, kind, name FROM holidays WHERE day >= ? AND day < ? "
                           "ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DdHoliday *holiday = g_new0 (DdHoliday, 1);

      holiday->day = g_strdup (dd_column_text (stmt, 0));
      holiday->kind = g_strdup (dd_column_text (stmt, 1));
      holiday->name = g_strdup (dd_column_text (stmt, 2));
      g_ptr_array_add (holidays, holiday);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&holidays);
}

gboolean
dd_calendar_set_holiday (DdStore     *store,
                         const char  *day,
                         const char  *kind,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  HolidayChange change = { day, kind, stripped[0] != '\0' ? stripped : NULL };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);

  if (!dd_date_is_valid (day))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Day: “%s” is not a date; write it as YYYY-MM-DD, for example 2025-10-01"),
                   day != NULL ? day : "");
      return FALSE;
    }
  if (kind_from_code (kind) == LISTED_NONE)
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Kind: “%s” is not one of the allowed values"), kind != NULL ? kind : "");
      return FALSE;
    }
  if (kind_from_code (kind) == LISTED_WORKDAY && is_weekday (julian_of (day)))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("%s is a weekday: only a Saturday or Sunday can be a make-up workday"), day);
      return FALSE;
    }

  if (!dd_calendar_ensure_holidays (store, error))
    return FALSE;
  return dd_store_write (store, change_holiday_in_transaction, &change, error);
}

gboolean
dd_calendar_remove_holiday (DdStore     *store,
                            const char  *day,
                            GError     **error)
{
  HolidayChange change = { day, NULL, NULL };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);

  if (!dd_date_is_valid (day))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("Day: “%s” is not a date; write it as YYYY-MM-DD, for example 2025-10-01"),
                   day != NULL ? day : "");
      return FALSE;
    }
  if (!dd_calendar_ensure_holidays (store, error))
    return FALSE;
  return dd_store_write (store, change_holiday_in_transaction, &change, error);
}

/* dd-import.c: records from a spreadsheet, checked by the model's own rules
 * and written in one transaction
 *
 * One pass does both the dry run and the write: every row is parsed into an
 * entity (DdDeputy, DdStation, DdUnit, DdSuggestion), checked with
 * dd_entity_check() plus the references and the duplicates, and, when
 * writing, inserted with one cached prepared statement a table. If any row
 * has a problem, or the work is cancelled, the transaction is rolled back:
 * nothing is written.
 *
 * Bulk writing follows PERFORMANCE.md: one audit row per imported record
 * (entity, id, field NULL, new value "import: FILE") rather than one per
 * column, ::changed once per table, suggestion numbers given once every row
 * is in (so that the numbers the file brings are never given twice), and
 * the search index filled with one INSERT … SELECT at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-import"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-codes.h"
#include "dd-deputy.h"
#include "dd-import-private.h"
#include "dd-model-error.h"
#include "dd-settings.h"
#include "dd-station.h"
#include "dd-store-private.h"
#include "dd-suggestion.h"
#include "dd-unit.h"
#include "dd-utils.h"

#define MAPPING_KEY_PREFIX "import-mapping"

struct _DdImport
{
  GObject       parent_instance;

  DdStore      *store;
  DdImportKind  kind;
  DdSheet      *sheet;
  guint         header_row;      /* row 0, or the row after a title */
  guint         n_columns;
  char        **headers;         /* as written, stripped */
  int          *mapping;         /* per column: index of the field, or -1 */
  gboolean      remembered;

  gboolean      checked;
  GPtrArray    *problems;
  GPtrArray    *duplicates;
  GHashTable   *actions;         /* source row → action + 1 */
  int           default_action;  /* -1: skip unless chosen */
  DdImportSummary summary;
};

G_DEFINE_FINAL_TYPE (DdImport, dd_import, G_TYPE_OBJECT)

static const char * const kind_names[] = { "deputies", "stations", "units", "suggestions" };

/* Helpers */

static char *
number_text (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

static GType
entity_type (DdImportKind kind)
{
  switch (kind)
    {
    case DD_IMPORT_DEPUTIES: return DD_TYPE_DEPUTY;
    case DD_IMPORT_STATIONS: return DD_TYPE_STATION;
    case DD_IMPORT_UNITS: return DD_TYPE_UNIT;
    case DD_IMPORT_SUGGESTIONS: return DD_TYPE_SUGGESTION;
    default: g_return_val_if_reached (G_TYPE_INVALID);
    }
}

const char *
dd_import_kind_to_string (DdImportKind kind)
{
  g_return_val_if_fail (kind < DD_IMPORT_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
dd_import_kind_from_string (const char   *text,
                            DdImportKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
dd_import_kind_get_label (DdImportKind kind)
{
  switch (kind)
    {
    case DD_IMPORT_DEPUTIES: return _("deputies");
    case DD_IMPORT_STATIONS: return _("stations");
    case DD_IMPORT_UNITS: return _("handling units");
    case DD_IMPORT_SUGGESTIONS: return _("suggestions");
    default: g_return_val_if_reached (NULL);
    }
}

static const char * const action_names[] = { "skip", "update", "new" };

gboolean
dd_duplicate_action_from_string (const char        *text,
                                 DdDuplicateAction *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    if (g_strcmp0 (text, action_names[i]) == 0)
      {
        *action = i;
        return TRUE;
      }
  return FALSE;
}

const char *
dd_duplicate_action_to_string (DdDuplicateAction action)
{
  g_return_val_if_fail (action <= DD_DUPLICATE_NEW, NULL);
  return action_names[action];
}

void
dd_import_problem_free (DdImportProblem *problem)
{
  g_free (problem->column_name);
  g_free (problem->header);
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static void
duplicate_free (gpointer data)
{
  DdImportDuplicate *duplicate = data;

  g_free (duplicate->description);
  g_free (duplicate);
}

char *
dd_import_problem_to_string (const DdImportProblem *problem,
                             const char            *file_name)
{
  g_autofree char *row = number_text (problem->row);

  if (problem->row == 0)
    /* TRANSLATORS: file name, then the problem */
    return g_strdup_printf (_("%s: %s"), file_name, problem->message);
  if (problem->column_name == NULL)
    /* TRANSLATORS: file name, row number, the problem */
    return g_strdup_printf (_("%s, row %s: %s"), file_name, row, problem->message);
  if (problem->header == NULL || problem->header[0] == '\0')
    /* TRANSLATORS: file name, row number, column letter, the problem */
    return g_strdup_printf (_("%s, row %s, column %s: %s"), file_name, row,
                            problem->column_name, problem->message);
  /* TRANSLATORS: file name, row number, column letter, the column's header, the problem */
  return g_strdup_printf (_("%s, row %s, column %s (%s): %s"), file_name, row,
                          problem->column_name, problem->header, problem->message);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (*text != '\0' && (g_ascii_isspace (*text) || (guchar) *text == 0xC2 ||
                           (guchar) *text == 0xA0))
    text++;
  return *text == '\0';
}

/* Mapping */

static const DdImportField *
fields_of (DdImport *self,
           guint    *n)
{
  return dd_import_kind_get_fields (self->kind, n);
}

static int
column_of_field (DdImport   *self,
                 const char *name)
{
  guint n;
  const DdImportField *fields = fields_of (self, &n);

  for (guint c = 0; c < self->n_columns; c++)
    if (self->mapping[c] >= 0 && g_str_equal (fields[self->mapping[c]].name, name))
      return (int) c;
  return -1;
}

static void
invalidate (DdImport *self)
{
  self->checked = FALSE;
}

static void
map_automatically (DdImport *self)
{
  guint n;
  const DdImportField *fields = fields_of (self, &n);
  g_autofree gboolean *taken = g_new0 (gboolean, n);

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *header = dd_import_normalize_header (self->headers[c]);

      self->mapping[c] = -1;
      if (header[0] == '\0')
        continue;
      for (guint f = 0; f < n; f++)
        {
          g_autofree char *label = dd_import_normalize_header (_(fields[f].label));

          if (taken[f])
            continue;
          if (dd_import_aliases_match (fields[f].aliases, header) || g_str_equal (label, header))
            {
              self->mapping[c] = (int) f;
              taken[f] = TRUE;
              break;
            }
        }
    }
}

/* The settings key of this kind and these headers. */
static char *
mapping_key (DdImport *self)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *digest = NULL;

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *header = dd_import_normalize_header (self->headers[c]);

      g_string_append (joined, header);
      g_string_append_c (joined, '\x1f');
    }
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, joined->str, -1);
  return g_strdup_printf ("%s/%s/%s", MAPPING_KEY_PREFIX, kind_names[self->kind], digest);
}

char *
dd_import_dup_mapping_text (DdImport *self)
{
  GString *text = g_string_new (NULL);
  guint n;
  const DdImportField *fields = fields_of (self, &n);

  g_return_val_if_fail (DD_IS_IMPORT (self), NULL);

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *header = g_strdup (self->headers[c]);

      /* A header cannot hold the line's own syntax */
      g_strdelimit (header, "=\r\n", ' ');
      g_string_append_printf (text, "%s=%s\n", header,
                              self->mapping[c] >= 0 ? fields[self->mapping[c]].name : "");
    }
  return g_string_free (text, FALSE);
}

gboolean
dd_import_set_column_field (DdImport    *self,
                            guint        column,
                            const char  *field,
                            GError     **error)
{
  guint n;
  const DdImportField *fields = fields_of (self, &n);
  int index = -1;

  g_return_val_if_fail (DD_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  if (field != NULL && field[0] != '\0')
    {
      for (guint f = 0; f < n; f++)
        if (g_str_equal (fields[f].name, field))
          index = (int) f;
      if (index < 0)
        {
          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("“%s” is not a field of %s"), field, dd_import_kind_get_label (self->kind));
          return FALSE;
        }
      for (guint c = 0; c < self->n_columns; c++)
        if (self->mapping[c] == index)
          self->mapping[c] = -1;
    }
  self->mapping[column] = index;
  invalidate (self);
  return TRUE;
}

gboolean
dd_import_set_mapping_text (DdImport    *self,
                            const char  *text,
                            const char  *source_name,
                            GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autofree int *mapping = NULL;

  g_return_val_if_fail (DD_IS_IMPORT (self), FALSE);

  mapping = g_memdup2 (self->mapping, sizeof (int) * MAX (self->n_columns, 1));
  lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_autofree char *line_number = number_text (i + 1);
      g_autofree char *wanted = NULL;
      const char *eq;
      char *header, *field;
      gboolean found = FALSE;

      if (line[0] == '\0' || line[0] == '#')
        continue;
      eq = strrchr (line, '=');
      if (eq == NULL)
        {
          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("%s, line %s: write “header=field”, not “%s”"),
                       source_name, line_number, line);
          return FALSE;
        }
      header = g_strstrip (g_strndup (line, eq - line));
      field = g_strstrip (g_strdup (eq + 1));
      wanted = dd_import_normalize_header (header);

      {
        int index = -1;
        guint n;
        const DdImportField *fields = fields_of (self, &n);

        if (field[0] != '\0' && g_strcmp0 (field, "-") != 0)
          {
            for (guint f = 0; f < n; f++)
              if (g_str_equal (fields[f].name, field))
                index = (int) f;
            if (index < 0)
              {
                g_autoptr(GString) names = g_string_new (NULL);

                for (guint f = 0; f < n; f++)
                  g_string_append_printf (names, "%s%s", f > 0 ? ", " : "", fields[f].name);
                g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                             _("%s, line %s: “%s” is not a field of %s; the fields are %s"),
                             source_name, line_number, field,
                             dd_import_kind_get_label (self->kind), names->str);
                g_free (header);
                g_free (field);
                return FALSE;
              }
          }
        for (guint c = 0; c < self->n_columns; c++)
          {
            g_autofree char *have = dd_import_normalize_header (self->headers[c]);

            if (g_str_equal (have, wanted) || g_str_equal (self->headers[c], header))
              {
                if (index >= 0)
                  for (guint o = 0; o < self->n_columns; o++)
                    if (mapping[o] == index)
                      mapping[o] = -1;
                mapping[c] = index;
                found = TRUE;
                break;
              }
          }
      }
      if (!found)
        {
          g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                       _("%s, line %s: the file has no column headed “%s”"),
                       source_name, line_number, header);
          g_free (header);
          g_free (field);
          return FALSE;
        }
      g_free (header);
      g_free (field);
    }

  memcpy (self->mapping, mapping, sizeof (int) * self->n_columns);
  invalidate (self);
  return TRUE;
}

gboolean
dd_import_load_mapping (DdImport    *self,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  gsize length;

  if (!g_file_get_contents (path, &text, &length, error))
    return FALSE;
  name = g_filename_display_basename (path);
  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("%s is not UTF-8 text"), name);
      return FALSE;
    }
  /* A BOM from Notepad */
  return dd_import_set_mapping_text (self, g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text,
                                     name, error);
}

static void
remember_lookup (DdImport *self)
{
  g_autofree char *key = mapping_key (self);
  g_autofree char *text = dd_settings_dup (self->store, key);

  if (text != NULL && dd_import_set_mapping_text (self, text, key, NULL))
    self->remembered = TRUE;
}

/* GObject */

static void
dd_import_finalize (GObject *object)
{
  DdImport *self = DD_IMPORT (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->sheet, dd_sheet_unref);
  g_strfreev (self->headers);
  g_free (self->mapping);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->duplicates, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_hash_table_unref);

  G_OBJECT_CLASS (dd_import_parent_class)->finalize (object);
}

static void
dd_import_class_init (DdImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dd_import_finalize;
}

static void
dd_import_init (DdImport *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) dd_import_problem_free);
  self->duplicates = g_ptr_array_new_with_free_func (duplicate_free);
  self->actions = g_hash_table_new (NULL, NULL);
  self->default_action = -1;
}

/**
 * dd_import_new:
 * Returns: (transfer full): the import, its columns mapped from their
 *   headers (or as remembered for these headers)
 */
DdImport *
dd_import_new (DdStore      *store,
               DdImportKind  kind,
               DdSheet      *sheet)
{
  DdImport *self;
  guint n_columns = 0;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < DD_IMPORT_N_KINDS, NULL);
  g_return_val_if_fail (sheet != NULL, NULL);

  self = g_object_new (DD_TYPE_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->sheet = dd_sheet_ref (sheet);

  /* The header row: the first of the first five rows with two cells or
   * more, after a title such as 江州市第十六届人大代表名册 in a row of its
   * own as ledgers have; without the empty cells at its end */
  for (guint r = 0; r < MIN (dd_sheet_get_n_rows (sheet), 5); r++)
    {
      guint filled = 0;

      for (guint c = 0; c < dd_sheet_get_row_n_cells (sheet, r); c++)
        filled += !is_blank (dd_sheet_get_text (sheet, r, c));
      if (filled >= 2)
        {
          self->header_row = r;
          break;
        }
    }
  if (dd_sheet_get_n_rows (sheet) > 0)
    {
      n_columns = dd_sheet_get_row_n_cells (sheet, self->header_row);
      while (n_columns > 0 &&
             is_blank (dd_sheet_get_text (sheet, self->header_row, n_columns - 1)))
        n_columns--;
    }
  self->n_columns = n_columns;
  self->headers = g_new0 (char *, n_columns + 1);
  self->mapping = g_new0 (int, MAX (n_columns, 1));
  for (guint c = 0; c < n_columns; c++)
    {
      const char *text = dd_sheet_get_text (sheet, self->header_row, c);

      self->headers[c] = g_strstrip (g_strdup (text != NULL ? text : ""));
      /* A BOM the reader left */
      if (g_str_has_prefix (self->headers[c], "\xEF\xBB\xBF"))
        memmove (self->headers[c], self->headers[c] + 3, strlen (self->headers[c]) - 2);
    }

  map_automatically (self);
  remember_lookup (self);
  return self;
}

DdImportKind
dd_import_get_kind (DdImport *self)
{
  return self->kind;
}

/**
 * dd_import_get_sheet:
 * Returns: (transfer none): the sheet
 */
DdSheet *
dd_import_get_sheet (DdImport *self)
{
  return self->sheet;
}

guint
dd_import_get_n_columns (DdImport *self)
{
  g_return_val_if_fail (DD_IS_IMPORT (self), 0);
  return self->n_columns;
}

const char *
dd_import_get_column_header (DdImport *self,
                             guint     column)
{
  g_return_val_if_fail (DD_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->headers[column];
}

const char *
dd_import_get_column_field (DdImport *self,
                            guint     column)
{
  guint n;
  const DdImportField *fields;

  g_return_val_if_fail (DD_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  fields = fields_of (self, &n);
  return self->mapping[column] >= 0 ? fields[self->mapping[column]].name : NULL;
}

gboolean
dd_import_get_mapping_remembered (DdImport *self)
{
  return self->remembered;
}

GPtrArray *
dd_import_dup_unmapped_required (DdImport *self)
{
  GPtrArray *missing = g_ptr_array_new ();
  guint n;
  const DdImportField *fields = fields_of (self, &n);

  for (guint f = 0; f < n; f++)
    if (fields[f].required && column_of_field (self, fields[f].name) < 0)
      g_ptr_array_add (missing, (gpointer) &fields[f]);
  return missing;
}

gboolean
dd_import_is_checked (DdImport *self)
{
  return self->checked;
}

GPtrArray *
dd_import_get_problems (DdImport *self)
{
  return self->problems;
}

GPtrArray *
dd_import_get_duplicates (DdImport *self)
{
  return self->duplicates;
}

void
dd_import_set_duplicate_action (DdImport          *self,
                                guint              index,
                                DdDuplicateAction  action)
{
  DdImportDuplicate *duplicate;
  DdImportSummary *s = &self->summary;

  g_return_if_fail (DD_IS_IMPORT (self));
  g_return_if_fail (index < self->duplicates->len);

  duplicate = g_ptr_array_index (self->duplicates, index);
  /* Keep the summary in step without another pass */
  switch (duplicate->action)
    {
    case DD_DUPLICATE_SKIP: s->skipped--; break;
    case DD_DUPLICATE_UPDATE:
      if (duplicate->existing_id != 0) s->updated--; else s->skipped--;
      break;
    case DD_DUPLICATE_NEW: s->inserted--; break;
    default: break;
    }
  duplicate->action = action;
  switch (action)
    {
    case DD_DUPLICATE_SKIP: s->skipped++; break;
    case DD_DUPLICATE_UPDATE:
      if (duplicate->existing_id != 0) s->updated++; else s->skipped++;
      break;
    case DD_DUPLICATE_NEW: s->inserted++; break;
    default: break;
    }
  g_hash_table_insert (self->actions, GUINT_TO_POINTER (duplicate->row), GINT_TO_POINTER (action + 1));
}

void
dd_import_set_all_duplicates_action (DdImport          *self,
                                     DdDuplicateAction  action)
{
  g_return_if_fail (DD_IS_IMPORT (self));

  for (guint i = 0; i < self->duplicates->len; i++)
    dd_import_set_duplicate_action (self, i, action);
  self->default_action = action;
}

void
dd_import_get_summary (DdImport        *self,
                       DdImportSummary *summary)
{
  *summary = self->summary;
}

/* The pass */

typedef struct
{
  DdImport             *self;        /* read only in a worker */
  DdStore              *store;
  gboolean              write;
  GCancellable         *cancellable;
  DdImportProgressFunc  progress;
  gpointer              progress_data;
  GMainContext         *progress_context;   /* NULL: call directly */
  GTask                *task;               /* of an async pass, unowned */

  GPtrArray            *problems;
  GPtrArray            *duplicates;
  DdImportSummary       summary;
  GHashTable           *seen;        /* duplicate key → first source row */
  GHashTable           *cache;       /* lookups: "kind\x1fname" → id or code */
  GHashTable           *actions;     /* copy of the import's */
  int                   default_action;
  char                 *file_name;
  char                 *audit_text;
  char                 *now;
  const char           *operator_name;

  /* this row */
  guint                 source_row;
  guint                 row_problems;
  guint                 row_first_problem;
  gboolean              failed;       /* a problem anywhere: nothing is written */

  /* suggestions */
  GArray               *proposer_ids;
  GArray               *co_unit_ids;
  gint64                lead_unit_id;
  char                 *reply_class;
  char                 *reply_body;
  char                 *verdict;

  gint64                last_id_before;
  GHashTable           *last_numbers;  /* prefix → highest number given */
  gboolean              wrote_suggestions;
  double                last_fraction;
} Pass;

static void
pass_clear_row (Pass *pass)
{
  pass->row_problems = 0;
  g_array_set_size (pass->proposer_ids, 0);
  g_array_set_size (pass->co_unit_ids, 0);
  pass->lead_unit_id = 0;
  g_clear_pointer (&pass->reply_class, g_free);
  g_clear_pointer (&pass->reply_body, g_free);
  g_clear_pointer (&pass->verdict, g_free);
}

static void
pass_free (Pass *pass)
{
  pass_clear_row (pass);
  g_clear_pointer (&pass->problems, g_ptr_array_unref);
  g_clear_pointer (&pass->duplicates, g_ptr_array_unref);
  g_clear_pointer (&pass->seen, g_hash_table_unref);
  g_clear_pointer (&pass->cache, g_hash_table_unref);
  g_clear_pointer (&pass->actions, g_hash_table_unref);
  g_clear_pointer (&pass->last_numbers, g_hash_table_unref);
  g_clear_pointer (&pass->proposer_ids, g_array_unref);
  g_clear_pointer (&pass->co_unit_ids, g_array_unref);
  g_clear_pointer (&pass->progress_context, g_main_context_unref);
  g_clear_object (&pass->store);
  g_clear_object (&pass->self);
  g_free (pass->file_name);
  g_free (pass->audit_text);
  g_free (pass->now);
  g_free (pass);
}

static Pass *
pass_new (DdImport *self,
          DdStore  *store,
          gboolean  write)
{
  Pass *pass = g_new0 (Pass, 1);
  const char *source = dd_sheet_get_source_name (self->sheet);

  pass->self = g_object_ref (self);
  pass->store = g_object_ref (store);
  pass->write = write;
  pass->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) dd_import_problem_free);
  pass->duplicates = g_ptr_array_new_with_free_func (duplicate_free);
  pass->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pass->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  pass->actions = g_hash_table_new (NULL, NULL);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->actions);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_insert (pass->actions, key, value);
  }
  pass->default_action = self->default_action;
  pass->file_name = g_strdup (source != NULL ? source : _("the sheet"));
  /* Not translated: the audit log is read by other tools */
  pass->audit_text = g_strdup_printf ("import: %s", pass->file_name);
  pass->proposer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  pass->co_unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  pass->last_fraction = -1;
  return pass;
}

/* @column: -1 for the row; @message: (transfer full) */
static void
add_problem (Pass       *pass,
             int         column,
             const char *field,
             char       *message)
{
  DdImportProblem *problem = g_new0 (DdImportProblem, 1);
  DdImport *self = pass->self;

  problem->row = pass->source_row;
  problem->column = column;
  if (column >= 0)
    {
      problem->column_name = dd_sheet_column_name ((guint) column);
      problem->header = g_strdup ((guint) column < self->n_columns ? self->headers[column] : NULL);
    }
  problem->field = g_strdup (field);
  problem->message = message;
  g_ptr_array_add (pass->problems, problem);
  pass->row_problems++;
  pass->failed = TRUE;
}

static void
add_file_problem (Pass *pass,
                  char *message)
{
  guint row = pass->source_row;

  pass->source_row = 0;
  add_problem (pass, -1, NULL, message);
  pass->source_row = row;
}

/* The entity's property that a field sets, for the problems dd_entity_check() reports. */
static const char *
entity_property_column (Pass       *pass,
                        const char *property,
                        int        *column)
{
  const char *field = property;

  if (g_strcmp0 (property, "station-id") == 0)
    field = "station";
  *column = property != NULL ? column_of_field (pass->self, field) : -1;
  return field;
}

/* Value parsing */

static gboolean
parse_int (const char *text,
           gint64     *value)
{
  static const char * const digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  g_autofree char *clean = NULL;
  char *end = NULL;
  gint64 n;

  clean = g_strstrip (g_strdup (text));
  /* 第十六届, 16届 */
  if (g_str_has_prefix (clean, "第"))
    memmove (clean, clean + strlen ("第"), strlen (clean) - strlen ("第") + 1);
  if (g_str_has_suffix (clean, "届"))
    clean[strlen (clean) - strlen ("届")] = '\0';
  g_strstrip (clean);
  if (clean[0] == '\0')
    return FALSE;

  n = g_ascii_strtoll (clean, &end, 10);
  if (end != clean)
    {
      /* 16.0 from a spreadsheet number */
      if (g_str_equal (end, ".0") || g_str_equal (end, ".00"))
        end += strlen (end);
      if (*end == '\0')
        {
          *value = n;
          return TRUE;
        }
      return FALSE;
    }

  /* Chinese numerals up to 九十九 */
  {
    gint64 tens = 0, units = 0;
    gboolean seen_ten = FALSE;
    const char *p = clean;

    while (*p != '\0')
      {
        gboolean matched = FALSE;

        if (g_str_has_prefix (p, "十"))
          {
            if (seen_ten)
              return FALSE;
            tens = units == 0 ? 1 : units;
            units = 0;
            seen_ten = TRUE;
            p += strlen ("十");
            continue;
          }
        for (guint d = 0; d < G_N_ELEMENTS (digits); d++)
          if (g_str_has_prefix (p, digits[d]))
            {
              units = d;
              p += strlen (digits[d]);
              matched = TRUE;
              break;
            }
        if (!matched)
          return FALSE;
      }
    *value = tens * 10 + units;
    return *value > 0;
  }
}

/* YYYY-MM-DD from 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301,
 * with any time after it; with @month_ok, 1985.06 and 1985年6月 give the
 * first of the month. */
static gboolean
parse_date_text (const char *text,
                 gboolean    month_ok,
                 char      **iso)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;
  guint64 y = 0, m = 0, d = 1;
  guint n_parts;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        c -= 0xFEE0;
      if (c == 0x5E74 || c == 0x6708 || c == '/' || c == '.' || c == 0xFF0F || c == 0xFF0E)
        c = '-';                          /* 年 月 */
      else if (c == 0x65E5 || c == 0x53F7)   /* 日 号 */
        continue;
      else if (c == ' ' || c == 'T' || c == 0x3000)
        break;                            /* a time follows */
      g_string_append_unichar (clean, c);
    }
  while (clean->len > 0 && clean->str[clean->len - 1] == '-')
    g_string_truncate (clean, clean->len - 1);

  if (clean->len == 8 && strspn (clean->str, "0123456789") == 8)
    {
      y = g_ascii_strtoull (clean->str, NULL, 10) / 10000;
      m = g_ascii_strtoull (clean->str, NULL, 10) / 100 % 100;
      d = g_ascii_strtoull (clean->str, NULL, 10) % 100;
    }
  else
    {
      parts = g_strsplit (clean->str, "-", -1);
      n_parts = g_strv_length (parts);
      if (n_parts != 3 && !(month_ok && n_parts == 2))
        return FALSE;
      if (!g_ascii_string_to_unsigned (parts[0], 10, 1000, 9999, &y, NULL) ||
          !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) ||
          (n_parts == 3 && !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL)))
        return FALSE;
    }
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  *iso = g_strdup_printf ("%04u-%02u-%02u", (guint) y, (guint) m, (guint) d);
  return TRUE;
}

static gboolean
parse_date (const DdCell *cell,
            gboolean      month_ok,
            char        **iso)
{
  if (cell->type == DD_CELL_DATE && strlen (cell->text) >= 10)
    {
      *iso = g_strndup (cell->text, 10);
      if (dd_date_is_valid (*iso))
        return TRUE;
      g_clear_pointer (iso, g_free);
      return FALSE;
    }
  if (cell->type == DD_CELL_NUMBER && cell->number >= 1 && cell->number < 2958466 &&
      cell->number > 10000 && cell->number < 100000)
    {
      /* An Excel serial in a cell without a date format */
      g_autofree char *text = dd_sheet_serial_to_date (cell->number, FALSE);

      if (text != NULL && strlen (text) >= 10)
        {
          *iso = g_strndup (text, 10);
          return TRUE;
        }
    }
  return parse_date_text (cell->text, month_ok, iso);
}

static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  static const char * const yes[] = { "是", "有", "yes", "y", "true", "1", "√", "✓", "on" };
  static const char * const no[] = { "否", "无", "no", "n", "false", "0", "×", "✗", "off" };
  g_autofree char *normalized = dd_import_normalize_header (text);

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_str_equal (normalized, yes[i]))
      return (*value = TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_str_equal (normalized, no[i]))
      {
        *value = FALSE;
        return TRUE;
      }
  return FALSE;
}

/* One or more names: 王芳、李明 / 王芳,李明 / 王芳 李明 */
static GStrv
split_names (const char *text)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;

      if (c == 0 || c == 0x3001 || c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';' ||
          c == 0x3000 || c == ' ' || c == '\n' || c == '\t' || c == '/')
        {
          g_strstrip (name->str);
          if (strlen (name->str) > 0)
            g_ptr_array_add (names, g_strdup (name->str));
          g_string_truncate (name, 0);
          if (c == 0)
            break;
          continue;
        }
      g_string_append_unichar (name, c);
    }
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static char *
codes_list (const char * const *codes)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between the allowed values of a column: 全国、省级… or "national, provincial" */
        g_string_append (list, C_("list", ", "));
      g_string_append (list, dd_code_label (codes, codes[i]));
    }
  return g_string_free (list, FALSE);
}

/* A code, cached per pass: every row of a column tends to hold the same few values. */
static const char *
pass_parse_code (Pass               *pass,
                 const DdImportField *field,
                 const char         *text)
{
  g_autofree char *key = g_strconcat (field->name, "\x1f", text, NULL);
  const char *code;

  if (g_hash_table_lookup_extended (pass->cache, key, NULL, (gpointer *) &code))
    return code;
  code = dd_import_parse_code (field->codes, text);
  g_hash_table_insert (pass->cache, g_steal_pointer (&key), g_strdup (code));
  return code;
}

/* References */

/* The id of the first row @sql returns for @text (bound to ?1), cached; 0 if none. */
static gint64
lookup_id (Pass        *pass,
           const char  *sql,
           const char  *text,
           GError     **error)
{
  g_autofree char *key = g_strconcat (sql, "\x1f", text, NULL);
  const char *cached;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (g_hash_table_lookup_extended (pass->cache, key, NULL, (gpointer *) &cached))
    return g_ascii_strtoll (cached, NULL, 10);

  stmt = dd_store_prepare (pass->store, sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      dd_store_set_error (pass->store, rc, error);
      return -1;
    }
  g_hash_table_insert (pass->cache, g_steal_pointer (&key), number_text (id));
  return id;
}

/* A deputy by name, with the level and term when given; 0 if none, -2 if
 * several people bear the name, -1 on a database error. */
static gint64
lookup_deputy (Pass        *pass,
               const char  *name,
               const char  *level,
               gint64       term,
               GError     **error)
{
  g_autofree char *key = g_strdup_printf ("deputy\x1f%s\x1f%s\x1f%" G_GINT64_FORMAT,
                                          name, level != NULL ? level : "", term);
  const char *cached;
  sqlite3_stmt *stmt;
  gint64 id = 0, person = 0;
  gboolean several = FALSE;
  int rc;

  if (g_hash_table_lookup_extended (pass->cache, key, NULL, (gpointer *) &cached))
    return g_ascii_strtoll (cached, NULL, 10);

  /* The active seat first, then the latest term: one person's seats are one answer. */
  stmt = dd_store_prepare (pass->store,
                           "SELECT id, person_id FROM deputies WHERE name = ?1 "
                           "AND (?2 IS NULL OR level = ?2) AND (?3 = 0 OR term = ?3) "
                           "ORDER BY status = 'active' DESC, term DESC, id", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  dd_bind_text (stmt, 2, level);
  sqlite3_bind_int64 (stmt, 3, term);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (id == 0)
        {
          id = sqlite3_column_int64 (stmt, 0);
          person = sqlite3_column_int64 (stmt, 1);
        }
      else if (sqlite3_column_int64 (stmt, 1) != person)
        several = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dd_store_set_error (pass->store, rc, error);
      return -1;
    }
  if (several)
    id = -2;
  g_hash_table_insert (pass->cache, g_steal_pointer (&key), number_text (id));
  return id;
}

/* The row */

static const DdCell *
cell_at (Pass  *pass,
         guint  row,
         guint  column)
{
  return dd_sheet_get_cell (pass->self->sheet, row, column);
}

static gboolean
row_is_blank (Pass  *pass,
              guint  row)
{
  guint n = dd_sheet_get_row_n_cells (pass->self->sheet, row);

  for (guint c = 0; c < n; c++)
    {
      const DdCell *cell = cell_at (pass, row, c);

      if (cell != NULL && cell->type != DD_CELL_EMPTY && !is_blank (cell->text))
        return FALSE;
    }
  return TRUE;
}

static gboolean
sheet_is_xlsx (Pass *pass)
{
  const char *name = dd_sheet_get_source_name (pass->self->sheet);
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);

  return g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm");
}

static void
check_row_length (Pass  *pass,
                  guint  row)
{
  DdImport *self = pass->self;
  guint n = dd_sheet_get_row_n_cells (self->sheet, row);
  g_autofree char *have = NULL;
  g_autofree char *want = number_text (self->n_columns);

  if (n > self->n_columns)
    {
      for (guint c = self->n_columns; c < n; c++)
        {
          const DdCell *cell = cell_at (pass, row, c);

          if (cell != NULL && !is_blank (cell->text))
            {
              have = number_text (n);
              add_problem (pass, (int) c, NULL,
                           g_strdup_printf (_("This row has %s cells but the header row has %s "
                                              "columns: a separator or a quote may be "
                                              "misplaced"), have, want));
              return;
            }
        }
    }
  /* XLSX leaves out empty cells at the end of a row; CSV writes every one. */
  else if (n < self->n_columns && !sheet_is_xlsx (pass))
    {
      have = number_text (n);
      add_problem (pass, -1, NULL,
                   g_strdup_printf (_("This row has only %s cells but the header row has %s "
                                      "columns: a separator or a quote may be missing"),
                                    have, want));
    }
}

typedef struct
{
  /* Parsed values of the entity's own fields, by property */
  GHashTable *values;     /* property → GValue* */
  /* For the duplicate keys and the references */
  const char *proposer_level;
  gint64      proposer_term;
  char       *station_text;
  gboolean    state_given;
} RowValues;

static void
free_gvalue (gpointer data)
{
  GValue *value = data;

  g_value_unset (value);
  g_free (value);
}

static void
row_values_set_string (RowValues  *values,
                       const char *property,
                       const char *text)
{
  GValue *value = g_new0 (GValue, 1);

  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, text);
  g_hash_table_insert (values->values, (gpointer) property, value);
}

static void
row_values_set_int (RowValues  *values,
                    const char *property,
                    gint64      n)
{
  GValue *value = g_new0 (GValue, 1);

  g_value_init (value, G_TYPE_INT64);
  g_value_set_int64 (value, n);
  g_hash_table_insert (values->values, (gpointer) property, value);
}

static void
row_values_set_bool (RowValues  *values,
                     const char *property,
                     gboolean    b)
{
  GValue *value = g_new0 (GValue, 1);

  g_value_init (value, G_TYPE_BOOLEAN);
  g_value_set_boolean (value, b);
  g_hash_table_insert (values->values, (gpointer) property, value);
}

static const char *
row_values_get_string (RowValues  *values,
                       const char *property)
{
  GValue *value = g_hash_table_lookup (values->values, property);

  return value != NULL && G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;
}

static gint64
row_values_get_int (RowValues  *values,
                    const char *property)
{
  GValue *value = g_hash_table_lookup (values->values, property);

  return value != NULL && G_VALUE_HOLDS_INT64 (value) ? g_value_get_int64 (value) : 0;
}

/* Parses every mapped cell of @row into @values; problems for what cannot be read. */
static gboolean
parse_row (Pass       *pass,
           guint       row,
           RowValues  *values,
           GError    **error)
{
  DdImport *self = pass->self;
  guint n;
  const DdImportField *fields = fields_of (self, &n);
  g_auto(GStrv) proposer_names = NULL;
  g_auto(GStrv) co_proposer_names = NULL;
  int proposers_column = -1, co_proposers_column = -1;

  for (guint c = 0; c < self->n_columns; c++)
    {
      const DdImportField *field;
      const DdCell *cell;
      g_autofree char *text = NULL;

      if (self->mapping[c] < 0)
        continue;
      field = &fields[self->mapping[c]];
      cell = cell_at (pass, row, c);
      if (cell == NULL || cell->type == DD_CELL_EMPTY || is_blank (cell->text))
        continue;
      text = g_strstrip (g_strdup (cell->text));

      switch (field->type)
        {
        case DD_IMPORT_TEXT:
          if (g_str_equal (field->name, "station"))
            values->station_text = g_steal_pointer (&text);
          else if (g_str_equal (field->name, "lead-unit"))
            {
              gint64 id = lookup_id (pass, "SELECT id FROM units WHERE name = ?1", text, error);

              if (id < 0)
                return FALSE;
              if (id == 0)
                add_problem (pass, (int) c, field->name,
                             g_strdup_printf (_("There is no handling unit named “%s”"), text));
              pass->lead_unit_id = id;
            }
          else if (g_str_equal (field->name, "reply-body"))
            pass->reply_body = g_steal_pointer (&text);
          else
            row_values_set_string (values, field->name, text);
          break;

        case DD_IMPORT_DATE:
          {
            g_autofree char *iso = NULL;

            if (!parse_date (cell, g_str_equal (field->name, "birth-on"), &iso))
              add_problem (pass, (int) c, field->name,
                           g_strdup_printf (_("“%s” is not a date; write it as 2026-03-01, "
                                              "2026/3/1 or 2026年3月1日"), text));
            else
              row_values_set_string (values, field->name, iso);
          }
          break;

        case DD_IMPORT_ENUM:
          {
            const char *code = pass_parse_code (pass, field, text);

            if (code == NULL)
              {
                g_autofree char *list = codes_list (field->codes);
                g_autofree char *noun = g_utf8_strdown (_(field->label), -1);

                /* TRANSLATORS: the value, the column's field ("level"), the allowed values */
                add_problem (pass, (int) c, field->name,
                             g_strdup_printf (_("“%s” is not a %s; expected one of %s"),
                                              text, noun, list));
              }
            else if (g_str_equal (field->name, "proposer-level"))
              values->proposer_level = code;
            else if (g_str_equal (field->name, "reply-class"))
              pass->reply_class = g_strdup (code);
            else if (g_str_equal (field->name, "verdict"))
              pass->verdict = g_strdup (code);
            else
              {
                row_values_set_string (values, field->name, code);
                if (g_str_equal (field->name, "state"))
                  values->state_given = TRUE;
              }
          }
          break;

        case DD_IMPORT_INT:
          {
            gint64 value;

            if (!parse_int (text, &value))
              add_problem (pass, (int) c, field->name,
                           g_strdup_printf (_("“%s” is not a whole number"), text));
            else if (g_str_equal (field->name, "proposer-term"))
              values->proposer_term = value;
            else
              row_values_set_int (values, field->name, value);
          }
          break;

        case DD_IMPORT_BOOL:
          {
            gboolean value;

            if (cell->type == DD_CELL_BOOL || cell->type == DD_CELL_NUMBER)
              row_values_set_bool (values, field->name, cell->number != 0);
            else if (!parse_bool (text, &value))
              add_problem (pass, (int) c, field->name,
                           g_strdup_printf (_("“%s” is not yes or no; write 是 or 否"), text));
            else
              row_values_set_bool (values, field->name, value);
          }
          break;

        case DD_IMPORT_NAMES:
          if (g_str_equal (field->name, "proposers"))
            {
              proposer_names = split_names (text);
              proposers_column = (int) c;
            }
          else if (g_str_equal (field->name, "co-proposers"))
            {
              co_proposer_names = split_names (text);
              co_proposers_column = (int) c;
            }
          else if (g_str_equal (field->name, "co-units"))
            {
              g_auto(GStrv) names = split_names (text);

              for (guint i = 0; names[i] != NULL; i++)
                {
                  gint64 id = lookup_id (pass, "SELECT id FROM units WHERE name = ?1",
                                         names[i], error);

                  if (id < 0)
                    return FALSE;
                  if (id == 0)
                    add_problem (pass, (int) c, field->name,
                                 g_strdup_printf (_("There is no handling unit named “%s”"),
                                                  names[i]));
                  else
                    g_array_append_val (pass->co_unit_ids, id);
                }
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* Proposers: after the level and term columns are read */
  for (guint list = 0; list < 2; list++)
    {
      GStrv names = list == 0 ? proposer_names : co_proposer_names;
      int column = list == 0 ? proposers_column : co_proposers_column;

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          gint64 id = lookup_deputy (pass, names[i], values->proposer_level,
                                     values->proposer_term, error);
          gboolean twice = FALSE;

          if (id == -1)
            return FALSE;
          if (id == 0)
            add_problem (pass, column, "proposers",
                         g_strdup_printf (_("There is no deputy named “%s”"), names[i]));
          else if (id == -2)
            add_problem (pass, column, "proposers",
                         g_strdup_printf (_("Several deputies are named “%s”; add the columns "
                                            "of the proposer’s level and term to choose"),
                                          names[i]));
          else
            {
              for (guint j = 0; j < pass->proposer_ids->len; j++)
                twice |= g_array_index (pass->proposer_ids, gint64, j) == id;
              if (!twice)
                g_array_append_val (pass->proposer_ids, id);
            }
        }
    }

  if (values->station_text != NULL)
    {
      gint64 id = lookup_id (pass, "SELECT id FROM stations WHERE code = ?1 OR name = ?1 "
                             "ORDER BY code = ?1 DESC, archived, id", values->station_text, error);

      if (id < 0)
        return FALSE;
      if (id == 0)
        add_problem (pass, column_of_field (self, "station"), "station",
                     g_strdup_printf (_("There is no station with the code or name “%s”"),
                                      values->station_text));
      else
        row_values_set_int (values, "station-id", id);
    }
  return TRUE;
}

/* Duplicates */

/* The key a row is a duplicate by, or NULL if it has none (a station without a code). */
static char *
duplicate_key (Pass      *pass,
               RowValues *values,
               char     **description)
{
  switch (pass->self->kind)
    {
    case DD_IMPORT_DEPUTIES:
      {
        const char *name = row_values_get_string (values, "name");
        const char *level = row_values_get_string (values, "level");
        gint64 term = row_values_get_int (values, "term");
        g_autofree char *term_text = number_text (term);

        if (name == NULL || level == NULL || term == 0)
          return NULL;
        /* TRANSLATORS: a deputy: name, level, term number */
        *description = g_strdup_printf (_("%s, %s, term %s"), name,
                                        dd_code_label (dd_deputy_levels, level), term_text);
        return g_strdup_printf ("%s\x1f%s\x1f%" G_GINT64_FORMAT, name, level, term);
      }
    case DD_IMPORT_STATIONS:
      {
        const char *code = row_values_get_string (values, "code");

        if (code == NULL)
          return NULL;
        /* TRANSLATORS: a station's code */
        *description = g_strdup_printf (_("code %s"), code);
        return g_strdup (code);
      }
    case DD_IMPORT_UNITS:
      {
        const char *name = row_values_get_string (values, "name");

        if (name == NULL)
          return NULL;
        *description = g_strdup (name);
        return g_strdup (name);
      }
    case DD_IMPORT_SUGGESTIONS:
      {
        const char *title = row_values_get_string (values, "title");
        const char *date = row_values_get_string (values, "registered-on");
        gint64 first = pass->proposer_ids->len > 0 ? g_array_index (pass->proposer_ids, gint64, 0) : 0;

        if (title == NULL || date == NULL)
          return NULL;
        /* TRANSLATORS: a suggestion: its title and registration date */
        *description = g_strdup_printf (_("“%s” of %s"), title, date);
        return g_strdup_printf ("%s\x1f%s\x1f%" G_GINT64_FORMAT, title, date, first);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The stored record the row repeats: 0 if none, -1 on error. */
static gint64
find_existing (Pass       *pass,
               RowValues  *values,
               GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;
  int rc;

  switch (pass->self->kind)
    {
    case DD_IMPORT_DEPUTIES:
      stmt = dd_store_prepare (pass->store,
                               "SELECT id FROM deputies WHERE name = ? AND level = ? AND term = ? "
                               "AND id <= ? ORDER BY id LIMIT 1", error);
      if (stmt == NULL)
        return -1;
      dd_bind_text (stmt, 1, row_values_get_string (values, "name"));
      dd_bind_text (stmt, 2, row_values_get_string (values, "level"));
      sqlite3_bind_int64 (stmt, 3, row_values_get_int (values, "term"));
      sqlite3_bind_int64 (stmt, 4, pass->last_id_before);
      break;
    case DD_IMPORT_STATIONS:
      stmt = dd_store_prepare (pass->store, "SELECT id FROM stations WHERE code = ? AND id <= ?", error);
      if (stmt == NULL)
        return -1;
      dd_bind_text (stmt, 1, row_values_get_string (values, "code"));
      sqlite3_bind_int64 (stmt, 2, pass->last_id_before);
      break;
    case DD_IMPORT_UNITS:
      stmt = dd_store_prepare (pass->store, "SELECT id FROM units WHERE name = ? AND id <= ?", error);
      if (stmt == NULL)
        return -1;
      dd_bind_text (stmt, 1, row_values_get_string (values, "name"));
      sqlite3_bind_int64 (stmt, 2, pass->last_id_before);
      break;
    case DD_IMPORT_SUGGESTIONS:
      /* The same title, date and lead proposer; or the same number */
      stmt = dd_store_prepare (pass->store,
                               "SELECT id FROM suggestions WHERE number = ?4 AND id <= ?5 UNION ALL "
                               "SELECT s.id FROM suggestions s WHERE s.registered_on = ?1 "
                               "AND s.id <= ?5 "
                               "AND s.title = ?2 AND (?3 = 0 OR EXISTS (SELECT 1 FROM "
                               "suggestion_proposers p WHERE p.suggestion_id = s.id "
                               "AND p.position = 1 AND p.deputy_id = ?3)) LIMIT 1", error);
      if (stmt == NULL)
        return -1;
      dd_bind_text (stmt, 1, row_values_get_string (values, "registered-on"));
      dd_bind_text (stmt, 2, row_values_get_string (values, "title"));
      sqlite3_bind_int64 (stmt, 3, pass->proposer_ids->len > 0
                                   ? g_array_index (pass->proposer_ids, gint64, 0) : 0);
      dd_bind_text (stmt, 4, row_values_get_string (values, "number"));
      sqlite3_bind_int64 (stmt, 5, pass->last_id_before);
      break;
    default:
      g_return_val_if_reached (-1);
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      dd_store_set_error (pass->store, rc, error);
      return -1;
    }
  return id;
}

static DdDuplicateAction
action_for (Pass  *pass,
            guint  source_row)
{
  gpointer chosen = g_hash_table_lookup (pass->actions, GUINT_TO_POINTER (source_row));

  if (chosen != NULL)
    return GPOINTER_TO_INT (chosen) - 1;
  return pass->default_action >= 0 ? (DdDuplicateAction) pass->default_action : DD_DUPLICATE_SKIP;
}

/* Writing */

static char *
column_name (const char *property)
{
  char *column = g_strdup (property);

  g_strdelimit (column, "-", '_');
  return column;
}

static gboolean
insert_entity (Pass      *pass,
               DdEntity  *entity,
               gint64    *id,
               GError   **error)
{
  DdEntityClass *klass = DD_ENTITY_GET_CLASS (entity);
  g_autofree char *key = g_strdup_printf ("insert\x1f%s", klass->table);
  const char *sql = g_hash_table_lookup (pass->cache, key);
  sqlite3_stmt *stmt;
  int column = 1;

  if (sql == NULL)
    {
      GString *text = g_string_new (NULL);

      g_string_append_printf (text, "INSERT INTO %s (", klass->table);
      for (guint i = 0; i < klass->n_fields; i++)
        {
          g_autofree char *name = column_name (klass->fields[i].name);
          g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", name);
        }
      if (klass->has_created_at)
        g_string_append (text, ", created_at");
      if (klass->has_updated_at)
        g_string_append (text, ", updated_at");
      g_string_append (text, ") VALUES (");
      for (guint i = 0; i < klass->n_fields + klass->has_created_at + klass->has_updated_at; i++)
        g_string_append (text, i > 0 ? ", ?" : "?");
      g_string_append (text, ")");
      sql = text->str;
      g_hash_table_insert (pass->cache, g_steal_pointer (&key), g_string_free (text, FALSE));
    }

  stmt = dd_store_prepare (pass->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const DdField *field = &klass->fields[i];

      switch (field->type)
        {
        case DD_FIELD_TEXT:
        case DD_FIELD_DATE:
        case DD_FIELD_ENUM:
          dd_bind_text (stmt, column++, dd_entity_get_string (entity, field->name));
          break;
        case DD_FIELD_INT:
          sqlite3_bind_int64 (stmt, column++, dd_entity_get_int (entity, field->name));
          break;
        case DD_FIELD_REF:
          if (dd_entity_get_int (entity, field->name) != 0)
            sqlite3_bind_int64 (stmt, column++, dd_entity_get_int (entity, field->name));
          else
            sqlite3_bind_null (stmt, column++);
          break;
        case DD_FIELD_BOOL:
          sqlite3_bind_int (stmt, column++, dd_entity_get_bool (entity, field->name) ? 1 : 0);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (klass->has_created_at)
    sqlite3_bind_text (stmt, column++, pass->now, -1, SQLITE_STATIC);
  if (klass->has_updated_at)
    sqlite3_bind_text (stmt, column++, pass->now, -1, SQLITE_STATIC);
  if (!dd_store_step_done (pass->store, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (dd_store_get_db (pass->store));

  stmt = dd_store_prepare (pass->store,
                           "INSERT INTO audit_log (changed_at, operator, entity, entity_id, field, "
                           "old_value, new_value) VALUES (?, ?, ?, ?, NULL, NULL, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, pass->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, pass->operator_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, klass->table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, *id);
  sqlite3_bind_text (stmt, 5, pass->audit_text, -1, SQLITE_STATIC);
  return dd_store_step_done (pass->store, stmt, error);
}

static gboolean
exec_ids (Pass        *pass,
          const char  *sql,
          gint64       a,
          gint64       b,
          gint64       c,
          const char  *text1,
          const char  *text2,
          GError     **error)
{
  sqlite3_stmt *stmt = dd_store_prepare (pass->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  sqlite3_bind_int64 (stmt, 3, c);
  dd_bind_text (stmt, 4, text1);
  dd_bind_text (stmt, 5, text2);
  return dd_store_step_done (pass->store, stmt, error);
}

/* What follows the record's own row: codes, proposers, units, reply, verdict. */
static gboolean
insert_dependents (Pass      *pass,
                   DdEntity  *entity,
                   gint64     id,
                   GError   **error)
{
  switch (pass->self->kind)
    {
    case DD_IMPORT_DEPUTIES:
      {
        g_autofree char *code = g_strdup_printf ("D%06" G_GINT64_FORMAT, id);

        return exec_ids (pass, "UPDATE deputies SET person_id = ?1, code = ?4 WHERE id = ?1",
                         id, 0, 0, code, NULL, error);
      }
    case DD_IMPORT_STATIONS:
      if (dd_entity_get_string (entity, "code") == NULL)
        {
          g_autofree char *code = g_strdup_printf ("S%05" G_GINT64_FORMAT, id);

          return exec_ids (pass, "UPDATE stations SET code = ?4 WHERE id = ?1",
                           id, 0, 0, code, NULL, error);
        }
      return TRUE;
    case DD_IMPORT_UNITS:
      return TRUE;
    case DD_IMPORT_SUGGESTIONS:
      {
        const char *assigned_on = dd_entity_get_string (entity, "assigned-on");
        const char *evaluated_on = dd_entity_get_string (entity, "evaluated-on");

        pass->wrote_suggestions = TRUE;
        for (guint i = 0; i < pass->proposer_ids->len; i++)
          if (!exec_ids (pass, "INSERT INTO suggestion_proposers (suggestion_id, deputy_id, position) "
                               "VALUES (?1, ?2, ?3)",
                         id, g_array_index (pass->proposer_ids, gint64, i), i + 1, NULL, NULL, error))
            return FALSE;
        if (pass->lead_unit_id != 0 &&
            !exec_ids (pass, "INSERT INTO suggestion_units (suggestion_id, unit_id, role, assigned_on) "
                             "VALUES (?1, ?2, 'lead', ?4)",
                       id, pass->lead_unit_id, 0, assigned_on, NULL, error))
          return FALSE;
        for (guint i = 0; i < pass->co_unit_ids->len; i++)
          if (g_array_index (pass->co_unit_ids, gint64, i) != pass->lead_unit_id &&
              !exec_ids (pass, "INSERT OR IGNORE INTO suggestion_units (suggestion_id, unit_id, role, "
                               "assigned_on) VALUES (?1, ?2, 'co', ?4)",
                         id, g_array_index (pass->co_unit_ids, gint64, i), 0, assigned_on, NULL, error))
            return FALSE;
        if (pass->reply_class != NULL &&
            !exec_ids (pass, "INSERT INTO replies (suggestion_id, unit_id, round, class, body, "
                             "replied_on) VALUES (?1, ?2, 1, ?4, coalesce(?5, ''), "
                             "(SELECT replied_on FROM suggestions WHERE id = ?1))",
                       id, pass->lead_unit_id, 0, pass->reply_class, pass->reply_body, error))
          return FALSE;
        if (pass->verdict != NULL &&
            !exec_ids (pass, "INSERT INTO evaluations (suggestion_id, deputy_id, round, verdict, "
                             "evaluated_on) VALUES (?1, ?2, 1, ?4, ?5)",
                       id, g_array_index (pass->proposer_ids, gint64, 0), 0, pass->verdict,
                       evaluated_on, error))
          return FALSE;
        return TRUE;
      }
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
row_has_problem (Pass       *pass,
                 const char *field)
{
  for (guint i = pass->row_first_problem; i < pass->problems->len; i++)
    if (g_strcmp0 (((DdImportProblem *) g_ptr_array_index (pass->problems, i))->field, field) == 0)
      return TRUE;
  return FALSE;
}

/* Suggestions: the handling columns make a consistent record. */
static void
complete_suggestion (Pass      *pass,
                     RowValues *values,
                     DdEntity  *entity)
{
  DdImport *self = pass->self;
  const char *state = dd_entity_get_string (entity, "state");
  const char *registered_on = dd_entity_get_string (entity, "registered-on");
  int state_column = column_of_field (self, "state");
  int class_column = column_of_field (self, "reply-class");
  int verdict_column = column_of_field (self, "verdict");

  if (row_values_get_string (values, "kind") == NULL)
    g_object_set (entity, "kind", "deputy_suggestion", NULL);

  if (!values->state_given)
    {
      state = pass->verdict != NULL ? "evaluated"
              : pass->reply_class != NULL ? "replied"
              : pass->lead_unit_id != 0 ? "assigned" : "registered";
      if (row_values_get_string (values, "closed-on") != NULL && pass->verdict != NULL)
        state = "closed";
      g_object_set (entity, "state", state, NULL);
    }

  if (pass->proposer_ids->len == 0 && !row_has_problem (pass, "proposers"))
    add_problem (pass, column_of_field (self, "proposers"), "proposers",
                 g_strdup (_("A suggestion needs its proposer: the deputy who made it, or who "
                             "recorded the voter’s opinion")));

  if (g_strcmp0 (state, "merged") == 0)
    add_problem (pass, state_column, "state",
                 g_strdup (_("A merged suggestion cannot be imported: import the suggestion it "
                             "was merged into")));
  else if (pass->lead_unit_id == 0 && g_strv_contains ((const char * const[]) {
             "assigned", "handling", "replied", "evaluated", "closed", NULL }, state))
    add_problem (pass, state_column >= 0 ? state_column : column_of_field (self, "lead-unit"),
                 "lead-unit",
                 g_strdup_printf (_("A suggestion that is %s needs its lead unit"),
                                  dd_code_label (dd_suggestion_states, state)));

  if (pass->reply_class != NULL && pass->lead_unit_id == 0 &&
      column_of_field (self, "lead-unit") < 0)
    add_problem (pass, class_column, "reply-class", g_strdup (_("A reply needs the lead unit that made it")));
  /* What a given state needs; a state read from the columns needs nothing more */
  if (values->state_given && pass->reply_class == NULL && g_strv_contains ((const char * const[]) {
        "replied", "evaluated", NULL }, state))
    add_problem (pass, state_column, "reply-class",
                 g_strdup_printf (_("A suggestion that is %s needs its reply class"),
                                  dd_code_label (dd_suggestion_states, state)));
  if (pass->verdict != NULL && pass->reply_class == NULL)
    add_problem (pass, verdict_column, "verdict", g_strdup (_("A verdict needs a reply class")));
  if (values->state_given && pass->verdict == NULL && g_strcmp0 (state, "evaluated") == 0)
    add_problem (pass, state_column, "verdict",
                 g_strdup (_("An evaluated suggestion needs its verdict")));

  /* Dates the records need, from the ones given */
  if (pass->lead_unit_id != 0 && dd_entity_get_string (entity, "assigned-on") == NULL)
    g_object_set (entity, "assigned-on", registered_on, NULL);
  if (pass->reply_class != NULL && dd_entity_get_string (entity, "replied-on") == NULL)
    add_problem (pass, column_of_field (self, "replied-on") >= 0
                       ? column_of_field (self, "replied-on") : class_column,
                 "replied-on", g_strdup (_("A reply needs the date it was made")));
  if (pass->verdict != NULL && dd_entity_get_string (entity, "evaluated-on") == NULL)
    g_object_set (entity, "evaluated-on", dd_entity_get_string (entity, "replied-on"), NULL);
}

/* Suggestion numbers, JY2026-0001 …, as dd-suggestion.c gives them */

static gboolean
load_last_numbers (Pass     *pass,
                   GError  **error)
{
  GHashTable *last;
  sqlite3_stmt *stmt;
  int rc;

  if (pass->last_numbers != NULL)
    return TRUE;
  last = pass->last_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The highest number given so far, per prefix */
  stmt = dd_store_prepare (pass->store, "SELECT number FROM suggestions WHERE number IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *number = dd_column_text (stmt, 0);
      const char *dash = strrchr (number, '-');
      guint64 n;

      if (dash == NULL || !g_ascii_string_to_unsigned (dash + 1, 10, 1, G_MAXINT32, &n, NULL))
        continue;
      {
        g_autofree char *prefix = g_strndup (number, dash + 1 - number);

        if (n > GPOINTER_TO_SIZE (g_hash_table_lookup (last, prefix)))
          g_hash_table_insert (last, g_steal_pointer (&prefix), GSIZE_TO_POINTER (n));
      }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return dd_store_set_error (pass->store, rc, error);
  return TRUE;
}

/* The next number of @prefix ("JY2026-") */
static char *
next_number (Pass       *pass,
             const char *prefix)
{
  gsize n = GPOINTER_TO_SIZE (g_hash_table_lookup (pass->last_numbers, prefix)) + 1;

  g_hash_table_insert (pass->last_numbers, g_strdup (prefix), GSIZE_TO_POINTER (n));
  return g_strdup_printf ("%s%04" G_GSIZE_FORMAT, prefix, n);
}

static gboolean
process_row (Pass     *pass,
             guint     row,
             GError  **error)
{
  DdImport *self = pass->self;
  RowValues values = { NULL, };
  g_autoptr(DdEntity) entity = NULL;
  g_autofree char *key = NULL;
  g_autofree char *description = NULL;
  gint64 existing = 0;
  guint earlier = 0;
  DdDuplicateAction action = DD_DUPLICATE_NEW;
  gboolean ok = FALSE;
  guint first_problem = pass->problems->len;

  pass_clear_row (pass);
  pass->row_first_problem = first_problem;
  pass->source_row = dd_sheet_get_source_row (self->sheet, row);
  if (pass->source_row == 0)
    pass->source_row = row + 1;
  values.values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_gvalue);

  check_row_length (pass, row);
  if (!parse_row (pass, row, &values, error))
    goto out;

  /* Duplicates: against the database, then the rows before */
  key = duplicate_key (pass, &values, &description);
  if (key != NULL)
    {
      gpointer first;

      existing = find_existing (pass, &values, error);
      if (existing < 0)
        goto out;
      if (existing == 0 && g_hash_table_lookup_extended (pass->seen, key, NULL, &first))
        earlier = GPOINTER_TO_UINT (first);
      else if (existing == 0)
        g_hash_table_insert (pass->seen, g_strdup (key), GUINT_TO_POINTER (pass->source_row));
      if (existing != 0 || earlier != 0)
        {
          DdImportDuplicate *duplicate = g_new0 (DdImportDuplicate, 1);

          action = action_for (pass, pass->source_row);
          if (action == DD_DUPLICATE_UPDATE && existing == 0)
            action = DD_DUPLICATE_SKIP;
          duplicate->row = pass->source_row;
          duplicate->existing_id = existing;
          duplicate->earlier_row = earlier;
          duplicate->description = g_steal_pointer (&description);
          duplicate->action = action;
          g_ptr_array_add (pass->duplicates, duplicate);
        }
    }

  if ((existing != 0 || earlier != 0) && action == DD_DUPLICATE_SKIP)
    {
      pass->summary.skipped++;
      ok = TRUE;
      goto out;
    }

  /* The record: the stored one to update, or a new one */
  if (existing != 0 && action == DD_DUPLICATE_UPDATE)
    {
      entity = dd_entity_load (entity_type (self->kind), pass->store, existing, error);
      if (entity == NULL)
        goto out;
    }
  else
    entity = g_object_new (entity_type (self->kind), NULL);

  {
    GHashTableIter iter;
    gpointer property, value;

    g_hash_table_iter_init (&iter, values.values);
    while (g_hash_table_iter_next (&iter, &property, &value))
      {
        const DdField *field = dd_entity_class_find_field (DD_ENTITY_GET_CLASS (entity), property);

        /* A stored record's handling (state, dates, number) moves only through the workflow */
        if (dd_entity_get_id (entity) != 0 && field != NULL && field->managed)
          continue;
        g_object_set_property (G_OBJECT (entity), property, value);
      }
  }
  /* A copy imported as new takes a code or number of its own */
  if (action == DD_DUPLICATE_NEW && (existing != 0 || earlier != 0))
    {
      if (self->kind == DD_IMPORT_STATIONS)
        g_object_set (entity, "code", NULL, NULL);
      else if (self->kind == DD_IMPORT_SUGGESTIONS)
        g_object_set (entity, "number", NULL, NULL);
      else if (self->kind == DD_IMPORT_UNITS && existing == 0)
        add_problem (pass, column_of_field (self, "name"), "name",
                     g_strdup_printf (_("There is already a handling unit named “%s”: a name "
                                        "cannot be imported twice"),
                                      dd_entity_get_string (entity, "name")));
    }

  if (self->kind == DD_IMPORT_SUGGESTIONS && dd_entity_get_id (entity) == 0)
    complete_suggestion (pass, &values, entity);

  /* The model's own rules, for the fields that could be read */
  {
    g_autoptr(GPtrArray) problems = dd_entity_check (entity, pass->store);
    guint n_parse_problems = pass->problems->len;

    for (guint i = 0; i < problems->len; i++)
      {
        DdProblem *problem = g_ptr_array_index (problems, i);
        int column;
        const char *field = entity_property_column (pass, problem->field, &column);

        gboolean told = FALSE;

        for (guint j = first_problem; j < n_parse_problems; j++)
          told |= g_strcmp0 (((DdImportProblem *) g_ptr_array_index (pass->problems, j))->field,
                             field) == 0;
        if (told)
          continue;
        /* Reported once: a required field with no column */
        if (column < 0 && field != NULL && dd_import_kind_find_field (self->kind, field) != NULL &&
            dd_import_kind_find_field (self->kind, field)->required)
          continue;
        add_problem (pass, column, field, g_strdup (problem->message));
      }
  }

  if (pass->row_problems > 0 || !pass->write || pass->failed)
    {
      if (pass->row_problems == 0)
        {
          if (dd_entity_get_id (entity) != 0)
            pass->summary.updated++;
          else
            pass->summary.inserted++;
        }
      ok = TRUE;
      goto out;
    }

  if (dd_entity_get_id (entity) != 0)
    {
      if (!dd_entity_save (entity, pass->store, error))
        goto out;
      pass->summary.updated++;
    }
  else
    {
      gint64 id;

      /* Numbered at once when the file brings no numbers at all: none can collide */
      if (self->kind == DD_IMPORT_SUGGESTIONS && column_of_field (self, "number") < 0 &&
          dd_entity_get_string (entity, "number") == NULL)
        {
          g_autofree char *prefix = NULL;
          g_autofree char *number = NULL;

          if (!load_last_numbers (pass, error))
            goto out;
          prefix = g_strdup_printf ("%s%.4s-", g_strcmp0 (dd_entity_get_string (entity, "kind"),
                                                          "voter_opinion") == 0 ? "YJ" : "JY",
                                    dd_entity_get_string (entity, "registered-on"));
          number = next_number (pass, prefix);
          g_object_set (entity, "number", number, NULL);
        }
      if (!insert_entity (pass, entity, &id, error) ||
          !insert_dependents (pass, entity, id, error))
        goto out;
      pass->summary.inserted++;
    }
  ok = TRUE;

out:
  g_hash_table_unref (values.values);
  g_free (values.station_text);
  return ok;
}

typedef struct
{
  DdImportProgressFunc func;
  gpointer             data;
  double               fraction;
  GTask               *task;
} ProgressCall;

static gboolean
progress_idle (gpointer data)
{
  ProgressCall *call = data;

  /* Never after the caller was told the work is done */
  if (!g_task_get_completed (call->task))
    call->func (call->fraction, call->data);
  return G_SOURCE_REMOVE;
}

static void
progress_call_free (gpointer data)
{
  ProgressCall *call = data;

  g_object_unref (call->task);
  g_free (call);
}

static void
report_progress (Pass   *pass,
                 double  fraction)
{
  if (pass->progress == NULL || fraction - pass->last_fraction < 0.01)
    return;
  pass->last_fraction = fraction;
  if (pass->progress_context == NULL)
    pass->progress (fraction, pass->progress_data);
  else
    {
      ProgressCall *call = g_new (ProgressCall, 1);

      call->func = pass->progress;
      call->data = pass->progress_data;
      call->fraction = fraction;
      call->task = g_object_ref (pass->task);
      g_main_context_invoke_full (pass->progress_context, G_PRIORITY_DEFAULT,
                                  progress_idle, call, progress_call_free);
    }
}

/* Numbers for the suggestions that brought none: JY2026-0001 …, as dd-suggestion.c gives them. */
static gboolean
number_new_suggestions (Pass     *pass,
                        GError  **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) prefixes = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (!load_last_numbers (pass, error))
    return FALSE;
  stmt = dd_store_prepare (pass->store,
                           "SELECT id, CASE kind WHEN 'voter_opinion' THEN 'YJ' ELSE 'JY' END "
                           "|| substr(registered_on, 1, 4) || '-' FROM suggestions "
                           "WHERE id > ? AND number IS NULL ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pass->last_id_before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (prefixes, g_strdup (dd_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return dd_store_set_error (pass->store, rc, error);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *number = next_number (pass, g_ptr_array_index (prefixes, i));

      if (!exec_ids (pass, "UPDATE suggestions SET number = ?4 WHERE id = ?1",
                     g_array_index (ids, gint64, i), 0, 0, number, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_pass (Pass     *pass,
          GError  **error)
{
  DdImport *self = pass->self;
  guint n_rows = dd_sheet_get_n_rows (self->sheet);

  pass->now = dd_store_dup_now (pass->store);
  pass->operator_name = dd_store_get_operator (pass->store);
  pass->source_row = 0;

  if (n_rows == 0 || self->n_columns == 0)
    {
      add_file_problem (pass, g_strdup (_("The file is empty: it has no header row")));
      return TRUE;
    }

  {
    g_autoptr(GPtrArray) missing = dd_import_dup_unmapped_required (self);

    for (guint i = 0; i < missing->len; i++)
      {
        const DdImportField *field = g_ptr_array_index (missing, i);

        add_file_problem (pass, g_strdup_printf (_("No column is mapped to %s, which is required"),
                                                 _(field->label)));
      }
    if (missing->len > 0)
      return TRUE;
  }

  /* The records stored before: rows this import writes are duplicates of
   * earlier rows of the file, not of the database, as in the dry run. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(id), 0) FROM %s",
                                            kind_names[self->kind]);
    sqlite3_stmt *stmt = dd_store_prepare (pass->store, sql, error);

    if (stmt == NULL)
      return FALSE;
    if (sqlite3_step (stmt) == SQLITE_ROW)
      pass->last_id_before = sqlite3_column_int64 (stmt, 0);
    sqlite3_reset (stmt);
  }

  for (guint row = self->header_row + 1; row < n_rows; row++)
    {
      if ((row & 255) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (pass->cancellable, error))
            return FALSE;
          report_progress (pass, (double) row / n_rows);
        }
      if (row_is_blank (pass, row))
        continue;
      pass->summary.rows++;
      if (!process_row (pass, row, error))
        return FALSE;
    }
  pass->source_row = 0;

  if (pass->summary.rows == 0)
    add_file_problem (pass, g_strdup (_("The file has a header row but no records")));
  if (g_cancellable_set_error_if_cancelled (pass->cancellable, error))
    return FALSE;

  if (pass->write && !pass->failed)
    {
      const char *table = kind_names[self->kind];

      if (pass->wrote_suggestions)
        {
          sqlite3_stmt *stmt;

          if (!number_new_suggestions (pass, error))
            return FALSE;
          /* The search index, in one statement (PERFORMANCE.md) */
          stmt = dd_store_prepare (pass->store,
                                   "INSERT INTO suggestions_fts (rowid, title, body) "
                                   "SELECT id, title, body FROM suggestions WHERE id > ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, pass->last_id_before);
          if (!dd_store_step_done (pass->store, stmt, error))
            return FALSE;
          dd_store_note_change (pass->store, "suggestion_proposers", 0);
          dd_store_note_change (pass->store, "suggestion_units", 0);
          dd_store_note_change (pass->store, "replies", 0);
          dd_store_note_change (pass->store, "evaluations", 0);
        }
      dd_store_note_change (pass->store, table, 0);
      dd_store_note_change (pass->store, "audit_log", 0);
    }
  report_progress (pass, 1.0);
  return TRUE;
}

static gint
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const DdImportProblem *pa = *(DdImportProblem **) a;
  const DdImportProblem *pb = *(DdImportProblem **) b;

  if (pa->row != pb->row)
    return pa->row < pb->row ? -1 : 1;
  return (pa->column > pb->column) - (pa->column < pb->column);
}

/* The results of a pass become the import's. */
static void
adopt_pass (DdImport *self,
            Pass     *pass)
{
  g_ptr_array_sort (pass->problems, compare_problems);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->duplicates, g_ptr_array_unref);
  self->problems = g_steal_pointer (&pass->problems);
  self->duplicates = g_steal_pointer (&pass->duplicates);
  self->summary = pass->summary;
  self->checked = TRUE;
  pass->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) dd_import_problem_free);
  pass->duplicates = g_ptr_array_new_with_free_func (duplicate_free);
}

/* Check */

gboolean
dd_import_check (DdImport             *self,
                 GCancellable         *cancellable,
                 DdImportProgressFunc  progress,
                 gpointer              progress_data,
                 GError              **error)
{
  Pass *pass;
  gboolean ok;

  g_return_val_if_fail (DD_IS_IMPORT (self), FALSE);

  pass = pass_new (self, self->store, FALSE);
  pass->cancellable = cancellable;
  pass->progress = progress;
  pass->progress_data = progress_data;
  ok = run_pass (pass, error);
  if (ok)
    adopt_pass (self, pass);
  pass_free (pass);
  return ok;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Pass *pass = task_data;
  GError *error = NULL;

  if (run_pass (pass, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
dd_import_check_async (DdImport             *self,
                       GCancellable         *cancellable,
                       DdImportProgressFunc  progress,
                       gpointer              progress_data,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(DdStore) reader = NULL;
  GError *error = NULL;
  Pass *pass;

  g_return_if_fail (DD_IS_IMPORT (self));
  g_task_set_source_tag (task, dd_import_check_async);

  reader = dd_store_open_reader (self->store, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  pass = pass_new (self, reader, FALSE);
  pass->cancellable = cancellable;
  pass->progress = progress;
  pass->progress_data = progress_data;
  g_task_set_task_data (task, pass, (GDestroyNotify) pass_free);

  if (reader == self->store)
    check_thread (task, self, pass, cancellable);
  else
    {
      pass->progress_context = g_main_context_ref_thread_default ();
      pass->task = task;
      g_task_run_in_thread (task, check_thread);
    }
}

gboolean
dd_import_check_finish (DdImport      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  adopt_pass (self, g_task_get_task_data (task));
  return TRUE;
}

/* Run */

static gboolean
write_in_transaction (DdStore   *store,
                      gpointer   user_data,
                      GError   **error)
{
  Pass *pass = user_data;
  guint n_problems;

  if (!run_pass (pass, error))
    return FALSE;
  n_problems = pass->problems->len;
  if (n_problems > 0)
    {
      g_autofree char *count = number_text (n_problems);

      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %s problem; nothing was imported",
                                "%s: %s problems; nothing was imported", n_problems),
                   pass->file_name, count);
      return FALSE;
    }

  /* The next import of the same layout maps itself */
  {
    g_autofree char *key = mapping_key (pass->self);
    g_autofree char *text = dd_import_dup_mapping_text (pass->self);

    if (!dd_settings_set (store, key, text, error))
      return FALSE;
  }
  return TRUE;
}

/* A bulk write touches every index of the table at random: a page cache of
 * 64 MiB for its time keeps them in memory rather than spilling pages to the
 * WAL mid-transaction (SQLite's default is 2 MiB). */
#define BULK_CACHE_KIB 65536

static gboolean
run_with_store (Pass     *pass,
                GError  **error)
{
  sqlite3 *db = dd_store_get_db (pass->store);
  sqlite3_stmt *stmt = NULL;
  gint64 cache_size = -2000;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    cache_size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (dd_sheet_get_n_rows (pass->self->sheet) > 1000)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%d", BULK_CACHE_KIB);
      sqlite3_exec (db, sql, NULL, NULL, NULL);
    }

  ok = dd_store_write (pass->store, write_in_transaction, pass, error);

  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
    sqlite3_exec (db, sql, NULL, NULL, NULL);
  }
  return ok;
}

gboolean
dd_import_run (DdImport             *self,
               GCancellable         *cancellable,
               DdImportProgressFunc  progress,
               gpointer              progress_data,
               DdImportSummary      *summary,
               GError              **error)
{
  Pass *pass;
  gboolean ok;

  g_return_val_if_fail (DD_IS_IMPORT (self), FALSE);

  pass = pass_new (self, self->store, TRUE);
  pass->cancellable = cancellable;
  pass->progress = progress;
  pass->progress_data = progress_data;
  ok = run_with_store (pass, error);
  /* The problems of a refused run are the user's to see */
  adopt_pass (self, pass);
  if (ok)
    {
      self->remembered = TRUE;
      if (summary != NULL)
        *summary = self->summary;
    }
  pass_free (pass);
  return ok;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Pass *pass = task_data;
  GError *error = NULL;

  if (run_with_store (pass, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
dd_import_run_async (DdImport             *self,
                     GCancellable         *cancellable,
                     DdImportProgressFunc  progress,
                     gpointer              progress_data,
                     GAsyncReadyCallback   callback,
                     gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(DdStore) writer = NULL;
  GError *error = NULL;
  Pass *pass;

  g_return_if_fail (DD_IS_IMPORT (self));
  g_task_set_source_tag (task, dd_import_run_async);

  /* A connection of the worker's own: the caller's stays free for the UI */
  if (dd_store_get_path (self->store) == NULL)
    writer = g_object_ref (self->store);
  else
    {
      writer = dd_store_open (dd_store_get_path (self->store), DD_STORE_OPEN_EXISTING, &error);
      if (writer == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      dd_store_set_operator (writer, dd_store_get_operator (self->store));
    }

  pass = pass_new (self, writer, TRUE);
  pass->cancellable = cancellable;
  pass->progress = progress;
  pass->progress_data = progress_data;
  g_task_set_task_data (task, pass, (GDestroyNotify) pass_free);

  if (writer == self->store)
    run_thread (task, self, pass, cancellable);
  else
    {
      pass->progress_context = g_main_context_ref_thread_default ();
      pass->task = task;
      g_task_run_in_thread (task, run_thread);
    }
}

/* Tells the caller's connection what the worker's wrote: ::changed per table. */
static gboolean
note_tables (DdStore   *store,
             gpointer   user_data,
             GError   **error)
{
  DdImport *self = user_data;

  dd_store_note_change (store, kind_names[self->kind], 0);
  if (self->kind == DD_IMPORT_SUGGESTIONS)
    {
      dd_store_note_change (store, "suggestion_proposers", 0);
      dd_store_note_change (store, "suggestion_units", 0);
      dd_store_note_change (store, "replies", 0);
      dd_store_note_change (store, "evaluations", 0);
    }
  dd_store_note_change (store, "audit_log", 0);
  dd_store_note_change (store, "settings", 0);
  return TRUE;
}

gboolean
dd_import_run_finish (DdImport         *self,
                      GAsyncResult     *result,
                      DdImportSummary  *summary,
                      GError          **error)
{
  GTask *task = G_TASK (result);
  Pass *pass;
  gboolean ok;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  pass = g_task_get_task_data (task);
  ok = g_task_propagate_boolean (task, error);
  adopt_pass (self, pass);
  if (!ok)
    return FALSE;
  self->remembered = TRUE;
  if (pass->store != self->store)
    dd_store_write (self->store, note_tables, self, NULL);
  if (summary != NULL)
    *summary = self->summary;
  return TRUE;
}

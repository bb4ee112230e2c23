/* dd-settings.c: settings kept in the database, shared by every desk using it
 *
 * A change is audited as entity "settings", id 0, field = the key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-settings"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dd-model-error.h"
#include "dd-settings.h"
#include "dd-store-private.h"

#define CODE_PLACEHOLDER "{code}"

typedef struct
{
  const char *key;
  const char *value;   /* stripped; NULL removes */
} Setting;

/* Helpers */

/* What messages call a key; NULL for keys without a form field. */
static const char *
key_label (const char *key)
{
  if (g_str_equal (key, DD_SETTING_OFFICE_NAME))
    return _("Office name");
  if (g_str_equal (key, DD_SETTING_QR_STATION_URL))
    return _("Station QR address");
  if (g_str_equal (key, DD_SETTING_QR_DEPUTY_URL))
    return _("Deputy QR address");
  return NULL;
}

static gboolean
check_setting (const char  *key,
               const char  *value,
               GError     **error)
{
  gboolean is_template = g_str_equal (key, DD_SETTING_QR_STATION_URL) ||
                         g_str_equal (key, DD_SETTING_QR_DEPUTY_URL);

  if (is_template && value != NULL && strstr (value, CODE_PLACEHOLDER) == NULL)
    {
      /* TRANSLATORS: {code} is written as is; it stands for the placard's code. */
      g_set_error (error, DD_MODEL_ERROR, DD_MODEL_ERROR_INVALID,
                   _("%s must contain {code} where the code goes, for example "
                     "https://example.org/station/{code}, or be empty"),
                   key_label (key));
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_in_transaction (DdStore   *store,
                    gpointer   user_data,
                    GError   **error)
{
  Setting *setting = user_data;
  g_autofree char *old_value = dd_settings_dup (store, setting->key);
  sqlite3_stmt *stmt;

  if (g_strcmp0 (old_value, setting->value) == 0)
    return TRUE;

  if (setting->value == NULL)
    {
      stmt = dd_store_prepare (store, "DELETE FROM settings WHERE key = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, setting->key, -1, SQLITE_TRANSIENT);
    }
  else
    {
      stmt = dd_store_prepare (store,
                               "INSERT INTO settings (key, value) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, setting->key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, setting->value, -1, SQLITE_TRANSIENT);
    }
  if (!dd_store_step_done (store, stmt, error))
    return FALSE;

  dd_store_note_change (store, "settings", 0);
  return dd_store_audit (store, "settings", 0, setting->key, old_value, setting->value, error);
}

/* Public API */

/**
 * dd_settings_dup:
 * Returns: (transfer full) (nullable): the value of @key, or %NULL if unset
 */
char *
dd_settings_dup (DdStore    *store,
                 const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = dd_store_prepare (store, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (dd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

/**
 * dd_settings_set:
 * @value: (nullable): the new value; leading and trailing white space is
 *   dropped (a stray space would break a URL)
 */
gboolean
dd_settings_set (DdStore     *store,
                 const char  *key,
                 const char  *value,
                 GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value != NULL ? value : ""));
  Setting setting = { key, stripped[0] != '\0' ? stripped : NULL };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL && key[0] != '\0', FALSE);

  if (!check_setting (key, setting.value, error))
    return FALSE;
  return dd_store_write (store, set_in_transaction, &setting, error);
}

typedef struct
{
  Setting *settings;
  guint    n_settings;
} Settings;

static gboolean
set_many_in_transaction (DdStore   *store,
                         gpointer   user_data,
                         GError   **error)
{
  Settings *all = user_data;

  for (guint i = 0; i < all->n_settings; i++)
    if (!set_in_transaction (store, &all->settings[i], error))
      return FALSE;
  return TRUE;
}

/**
 * dd_settings_set_many:
 * @keys: (array length=n_settings): the keys
 * @values: (array length=n_settings): their values, nullable as for
 *   dd_settings_set()
 */
gboolean
dd_settings_set_many (DdStore            *store,
                      const char * const *keys,
                      const char * const *values,
                      guint               n_settings,
                      GError            **error)
{
  g_autofree Setting *settings = g_new0 (Setting, n_settings + 1);
  g_autoptr(GPtrArray) stripped = g_ptr_array_new_with_free_func (g_free);
  Settings all = { settings, n_settings };

  g_return_val_if_fail (DD_IS_STORE (store), FALSE);

  for (guint i = 0; i < n_settings; i++)
    {
      char *value;

      g_return_val_if_fail (keys[i] != NULL && keys[i][0] != '\0', FALSE);
      value = g_strstrip (g_strdup (values[i] != NULL ? values[i] : ""));
      g_ptr_array_add (stripped, value);
      settings[i].key = keys[i];
      settings[i].value = value[0] != '\0' ? value : NULL;
      if (!check_setting (keys[i], settings[i].value, error))
        return FALSE;
    }
  return dd_store_write (store, set_many_in_transaction, &all, error);
}

/**
 * dd_qr_payload_dup:
 * @template_key: DD_SETTING_QR_STATION_URL or DD_SETTING_QR_DEPUTY_URL
 * @code: the station's or deputy's code
 *
 * Every {code} of the template is replaced by @code, percent-encoded where
 * a URL needs it.
 *
 * Returns: (transfer full): what the QR code encodes
 */
char *
dd_qr_payload_dup (DdStore    *store,
                   const char *template_key,
                   const char *code)
{
  g_autofree char *template = NULL;
  g_autofree char *escaped = NULL;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (DD_IS_STORE (store), NULL);
  g_return_val_if_fail (template_key != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  template = dd_settings_dup (store, template_key);
  if (template == NULL || strstr (template, CODE_PLACEHOLDER) == NULL)
    return g_strdup (code);

  escaped = g_uri_escape_string (code, NULL, FALSE);
  parts = g_strsplit (template, CODE_PLACEHOLDER, -1);
  return g_strjoinv (escaped, parts);
}

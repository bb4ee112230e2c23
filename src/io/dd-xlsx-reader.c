/* dd-xlsx-reader.c: reading Excel workbooks (XLSX) with libzip and libxml2
 *
 * The parts are streamed out of the zip into libxml2's reader, so a sheet is
 * never held in memory as XML, and every part is cut off at
 * DD_XLSX_MAX_PART_BYTES whatever its entry claims. Elements are matched by
 * local name: some writers prefix SpreadsheetML ("x:row").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-io"

#include "dd-xlsx-reader.h"
#include "dd-io-error.h"
#include "dd-io-private.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define REL_NS          "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_NS_STRICT   "http://purl.oclc.org/ooxml/officeDocument/relationships"
#define MAX_SHARED_STRINGS 16000000

typedef struct
{
  zip_t       *zip;
  GBytes      *bytes;
  const char  *name;      /* the file, for messages */
} Xlsx;

typedef struct
{
  zip_file_t  *file;
  guint64      n_read;
  gboolean     too_large;
  gboolean     zip_failed;
} PartStream;

static guint64 part_limit = DD_XLSX_MAX_PART_BYTES;

/* What a handler tells read_part */
typedef enum
{
  NODE_CONTINUE,
  NODE_STOP,     /* done with this part */
  NODE_FAILED,   /* error set */
} NodeResult;

typedef NodeResult (*NodeFunc) (xmlTextReaderPtr   reader,
                                gpointer           user_data,
                                GError           **error);

typedef struct
{
  char     *name;
  char     *part;          /* path in the zip; NULL if its relationship is missing */
  gboolean  hidden;
  gboolean  is_worksheet;
} SheetInfo;

typedef struct
{
  char       *path;
  gboolean    date1904;
  GPtrArray  *sheets;        /* of SheetInfo */
  char       *shared_strings;
  char       *styles;
} Workbook;

typedef enum
{
  FORMAT_PLAIN,
  FORMAT_DATE,
  FORMAT_DATE_TIME,
  FORMAT_TIME,
} FormatKind;

/* Helpers */

static void
sheet_info_free (gpointer data)
{
  SheetInfo *info = data;

  g_free (info->name);
  g_free (info->part);
  g_free (info);
}

static void
workbook_clear (Workbook *wb)
{
  g_free (wb->path);
  g_clear_pointer (&wb->sheets, g_ptr_array_unref);
  g_free (wb->shared_strings);
  g_free (wb->styles);
}

static void
xlsx_close (Xlsx *x)
{
  if (x->zip != NULL)
    zip_discard (x->zip);
  x->zip = NULL;
  g_clear_pointer (&x->bytes, g_bytes_unref);
}

static gboolean
is_element (xmlTextReaderPtr  reader,
            const char       *local_name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), local_name) == 0;
}

static gboolean
is_end_element (xmlTextReaderPtr  reader,
                const char       *local_name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), local_name) == 0;
}

static gboolean
is_text (xmlTextReaderPtr reader)
{
  int type = xmlTextReaderNodeType (reader);

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* An attribute by its local name, whatever its prefix; free with xmlFree */
static char *
get_attribute (xmlTextReaderPtr  reader,
               const char       *local_name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) local_name);

  if (value != NULL)
    return (char *) value;
  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    {
      if (g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), local_name) == 0)
        {
          value = xmlTextReaderValue (reader);
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return (char *) value;
}

static char *
dup_attribute (xmlTextReaderPtr  reader,
               const char       *local_name)
{
  char *value = get_attribute (reader, local_name);
  char *copy = g_strdup (value);

  xmlFree (value);
  return copy;
}

static gboolean
parse_uint (const char *text,
            guint64     max,
            guint64    *value)
{
  guint64 v = 0;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  for (; g_ascii_isdigit (*text); text++)
    {
      v = v * 10 + (*text - '0');
      if (v > max)
        return FALSE;
    }
  if (*text != '\0')
    return FALSE;
  *value = v;
  return TRUE;
}

/* "AB12" → column 27, row 12 (0-based column, 1-based row) */
static gboolean
parse_cell_ref (const char *ref,
                guint      *col,
                guint      *row)
{
  guint64 c = 0, r = 0;
  const char *p = ref;

  if (ref == NULL)
    return FALSE;
  while (*p == '$')
    p++;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (c > DD_IO_MAX_COLS)
        return FALSE;
    }
  if (*p == '$')
    p++;
  if (!parse_uint (p, DD_IO_MAX_ROWS, &r) || r == 0)
    return FALSE;
  *col = (guint) c - 1;
  *row = (guint) r;
  return TRUE;
}

/* Excel writes characters XML cannot hold as "_xHHHH_" (and "_" before such
 * a text as "_x005F_"). */
static void
append_unescaped (GString    *out,
                  const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      if (p[0] == '_' && p[1] == 'x' &&
          g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
          g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (g_ascii_xdigit_value (p[2]) << 12) | (g_ascii_xdigit_value (p[3]) << 8) |
                       (g_ascii_xdigit_value (p[4]) << 4) | g_ascii_xdigit_value (p[5]);

          if (c != 0 && g_unichar_validate (c))
            {
              g_string_append_unichar (out, c);
              p += 7;
              continue;
            }
        }
      g_string_append_c (out, *p);
      p++;
    }
}

/* "xl/worksheets/../sharedStrings.xml" → "xl/sharedStrings.xml"; an absolute
 * target is taken from the package root. */
static char *
resolve_target (const char *base_dir,
                const char *target)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else if (base_dir[0] == '\0')
    joined = g_strdup (target);
  else
    joined = g_strconcat (base_dir, "/", target, NULL);

  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (out->len > 0)
            g_ptr_array_remove_index (out, out->len - 1);
          continue;
        }
      g_ptr_array_add (out, parts[i]);
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("/", (char **) out->pdata);
}

/* "xl/workbook.xml" → "xl/_rels/workbook.xml.rels" */
static char *
rels_path (const char *part)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;

  if (part[0] == '\0')
    return g_strdup ("_rels/.rels");
  dir = g_path_get_dirname (part);
  base = g_path_get_basename (part);
  if (strcmp (dir, ".") == 0)
    return g_strconcat ("_rels/", base, ".rels", NULL);
  return g_strconcat (dir, "/_rels/", base, ".rels", NULL);
}

static char *
part_dir (const char *part)
{
  char *dir = g_path_get_dirname (part);

  if (strcmp (dir, ".") == 0)
    {
      g_free (dir);
      return g_strdup ("");
    }
  return dir;
}

static void
set_damaged (GError     **error,
             const char  *name,
             const char  *part,
             const char  *detail)
{
  g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_CORRUPT,
               _("“%s” is damaged: its part %s cannot be read (%s)."), name, part, detail);
}

/* Reading a part */

static int
part_read_cb (void *context,
              char *buffer,
              int   len)
{
  PartStream *stream = context;
  zip_int64_t n;

  n = zip_fread (stream->file, buffer, len);
  if (n < 0)
    {
      stream->zip_failed = TRUE;
      return -1;
    }
  stream->n_read += n;
  if (stream->n_read > part_limit)
    {
      stream->too_large = TRUE;
      return -1;
    }
  return (int) n;
}

static int
part_close_cb (void *context)
{
  return 0;
}

/* libxml2 reports some errors (a bad encoding) through its generic handler,
 * which prints them; the structured one below already has what we need */
static void G_GNUC_PRINTF (2, 3)
xml_generic_error_cb (void       *user_data,
                      const char *format,
                      ...)
{
}

static void
xml_error_cb (void        *user_data,
              xmlErrorPtr  xml_error)
{
  char **message = user_data;

  if (*message == NULL && xml_error != NULL && xml_error->message != NULL)
    *message = g_strstrip (g_strdup (xml_error->message));
}

/* Streams @part through @func; a missing part is an error only if @required
 * (otherwise FALSE is returned in *found). */
static gboolean
read_part (Xlsx        *x,
           const char  *part,
           gboolean     required,
           gboolean    *found,
           NodeFunc     func,
           gpointer     user_data,
           GError     **error)
{
  PartStream stream = { NULL, 0, FALSE, FALSE };
  xmlTextReaderPtr reader;
  g_autofree char *xml_message = NULL;
  gboolean ok = TRUE;
  int status;

  if (found != NULL)
    *found = FALSE;

  stream.file = zip_fopen (x->zip, part, ZIP_FL_NOCASE);
  if (stream.file == NULL)
    {
      zip_error_t *zerr = zip_get_error (x->zip);

      if (zip_error_code_zip (zerr) != ZIP_ER_NOENT)
        {
          set_damaged (error, x->name, part, zip_error_strerror (zerr));
          zip_error_clear (x->zip);
          return FALSE;
        }
      zip_error_clear (x->zip);
      if (required)
        {
          g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_CORRUPT,
                       _("“%s” is damaged: its part %s is missing."), x->name, part);
          return FALSE;
        }
      return TRUE;
    }
  if (found != NULL)
    *found = TRUE;

  xmlSetGenericErrorFunc (NULL, xml_generic_error_cb);   /* for this thread */
  reader = xmlReaderForIO (part_read_cb, part_close_cb, &stream, part, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (reader == NULL)
    {
      zip_fclose (stream.file);
      set_damaged (error, x->name, part, "libxml2");
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, xml_error_cb, &xml_message);

  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      NodeResult result = func (reader, user_data, error);

      if (result == NODE_FAILED)
        {
          ok = FALSE;
          break;
        }
      if (result == NODE_STOP)
        break;
    }

  if (ok && status < 0)
    {
      if (stream.too_large)
        {
          g_autofree char *limit = g_format_size (part_limit);

          g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_TOO_LARGE,
                       _("“%s” is too large to read: its part %s unpacks to more than %s."),
                       x->name, part, limit);
        }
      else if (stream.zip_failed)
        set_damaged (error, x->name, part, zip_error_strerror (zip_file_get_error (stream.file)));
      else
        set_damaged (error, x->name, part, xml_message != NULL ? xml_message : "XML");
      ok = FALSE;
    }

  xmlFreeTextReader (reader);
  zip_fclose (stream.file);
  return ok;
}

/* For tests and fuzzing: a zip bomb without gigabytes of work */
void
dd_xlsx_set_part_limit (guint64 limit)
{
  part_limit = limit > 0 ? limit : DD_XLSX_MAX_PART_BYTES;
}

/* Opening */

static gboolean
xlsx_open (Xlsx        *x,
           GBytes      *bytes,
           const char  *name,
           GError     **error)
{
  zip_error_t zerr;
  zip_source_t *source;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  x->name = name;
  x->bytes = g_bytes_ref (bytes);

  if (len > DD_XLSX_MAX_BYTES)
    {
      dd_io_set_too_large (error, name, len, DD_XLSX_MAX_BYTES);
      return FALSE;
    }
  if (len == 0)
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_EMPTY, _("“%s” is empty."), name);
      return FALSE;
    }
  if (dd_io_is_ole (data, len))
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_NOT_XLSX,
                   _("“%s” is an old Excel workbook (.xls): open it in Excel or WPS and save it as .xlsx or CSV."),
                   name);
      return FALSE;
    }

  zip_error_init (&zerr);
  source = zip_source_buffer_create (data, len, 0, &zerr);
  if (source == NULL)
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_FAILED, "%s", zip_error_strerror (&zerr));
      zip_error_fini (&zerr);
      return FALSE;
    }
  x->zip = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  if (x->zip == NULL)
    {
      int code = zip_error_code_zip (&zerr);

      zip_source_free (source);
      /* A zip's first entry but no readable archive: cut short or damaged */
      if (!dd_io_is_zip (data, len) && (code == ZIP_ER_NOZIP || len < 22))
        g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_NOT_XLSX,
                     _("“%s” is not an Excel workbook (XLSX)."), name);
      else
        g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_CORRUPT,
                     _("“%s” is damaged or incomplete: its zip archive cannot be read (%s)."),
                     name, zip_error_strerror (&zerr));
      zip_error_fini (&zerr);
      return FALSE;
    }
  zip_error_fini (&zerr);
  return TRUE;
}

/* Relationships */

typedef struct
{
  const char *base_dir;
  GHashTable *targets;       /* id → resolved part */
  GHashTable *types;         /* id → type */
} Rels;

static NodeResult
rels_node (xmlTextReaderPtr   reader,
           gpointer           user_data,
           GError           **error)
{
  Rels *rels = user_data;
  g_autofree char *id = NULL;
  g_autofree char *target = NULL;
  g_autofree char *type = NULL;
  g_autofree char *mode = NULL;

  if (!is_element (reader, "Relationship"))
    return NODE_CONTINUE;

  id = dup_attribute (reader, "Id");
  target = dup_attribute (reader, "Target");
  type = dup_attribute (reader, "Type");
  mode = dup_attribute (reader, "TargetMode");
  if (id == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
    return NODE_CONTINUE;

  g_hash_table_replace (rels->targets, g_strdup (id), resolve_target (rels->base_dir, target));
  g_hash_table_replace (rels->types, g_steal_pointer (&id), g_strdup (type != NULL ? type : ""));
  return NODE_CONTINUE;
}

static gboolean
read_rels (Xlsx        *x,
           const char  *part,
           Rels        *rels,
           GError     **error)
{
  g_autofree char *path = rels_path (part);
  g_autofree char *dir = part_dir (part);

  rels->base_dir = dir;
  rels->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rels->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!read_part (x, path, FALSE, NULL, rels_node, rels, error))
    return FALSE;
  rels->base_dir = NULL;
  return TRUE;
}

static void
rels_clear (Rels *rels)
{
  g_clear_pointer (&rels->targets, g_hash_table_unref);
  g_clear_pointer (&rels->types, g_hash_table_unref);
}

static const char *
rels_find_type (Rels       *rels,
                const char *suffix)
{
  GHashTableIter iter;
  gpointer id, type;

  g_hash_table_iter_init (&iter, rels->types);
  while (g_hash_table_iter_next (&iter, &id, &type))
    if (g_str_has_suffix (type, suffix))
      return g_hash_table_lookup (rels->targets, id);
  return NULL;
}

/* The workbook */

typedef struct
{
  Workbook  *wb;
  GPtrArray *rel_ids;
} WorkbookState;

static NodeResult
workbook_node (xmlTextReaderPtr   reader,
               gpointer           user_data,
               GError           **error)
{
  WorkbookState *state = user_data;

  if (is_element (reader, "workbookPr"))
    {
      g_autofree char *date1904 = dup_attribute (reader, "date1904");

      state->wb->date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
    }
  else if (is_element (reader, "sheet"))
    {
      SheetInfo *info = g_new0 (SheetInfo, 1);
      g_autofree char *state_attr = dup_attribute (reader, "state");
      xmlChar *rid;

      info->name = dup_attribute (reader, "name");
      if (info->name == NULL || !g_utf8_validate (info->name, -1, NULL))
        {
          g_free (info->name);
          info->name = g_strdup_printf ("%u", state->wb->sheets->len + 1);
        }
      info->hidden = state_attr != NULL && strcmp (state_attr, "visible") != 0;

      rid = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id", (const xmlChar *) REL_NS);
      if (rid == NULL)
        rid = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id", (const xmlChar *) REL_NS_STRICT);
      g_ptr_array_add (state->rel_ids, g_strdup ((const char *) rid));
      xmlFree (rid);
      g_ptr_array_add (state->wb->sheets, info);
      if (state->wb->sheets->len >= 10000)   /* Excel's own limit is far below */
        return NODE_STOP;
    }
  else if (is_end_element (reader, "sheets"))
    return NODE_STOP;

  return NODE_CONTINUE;
}

static gboolean
read_workbook (Xlsx      *x,
               Workbook  *wb,
               GError   **error)
{
  Rels root = { 0 }, rels = { 0 };
  g_autoptr(GPtrArray) rel_ids = g_ptr_array_new_with_free_func (g_free);
  WorkbookState state = { wb, rel_ids };
  const char *office;
  gboolean found;

  wb->sheets = g_ptr_array_new_with_free_func (sheet_info_free);

  if (!read_rels (x, "", &root, error))
    {
      rels_clear (&root);
      return FALSE;
    }
  office = rels_find_type (&root, "/officeDocument");
  wb->path = g_strdup (office != NULL ? office : "xl/workbook.xml");
  rels_clear (&root);

  if (!read_part (x, wb->path, FALSE, &found, workbook_node, &state, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_NOT_XLSX,
                   _("“%s” is a zip archive but not an Excel workbook (XLSX)."), x->name);
      return FALSE;
    }

  if (!read_rels (x, wb->path, &rels, error))
    {
      rels_clear (&rels);
      return FALSE;
    }
  for (guint i = 0; i < wb->sheets->len; i++)
    {
      SheetInfo *info = g_ptr_array_index (wb->sheets, i);
      const char *rid = g_ptr_array_index (rel_ids, i);
      const char *type = rid != NULL ? g_hash_table_lookup (rels.types, rid) : NULL;

      if (type == NULL)
        continue;
      info->part = g_strdup (g_hash_table_lookup (rels.targets, rid));
      info->is_worksheet = g_str_has_suffix (type, "/worksheet");
    }
  wb->shared_strings = g_strdup (rels_find_type (&rels, "/sharedStrings"));
  wb->styles = g_strdup (rels_find_type (&rels, "/styles"));
  rels_clear (&rels);
  return TRUE;
}

/* Shared strings */

typedef struct
{
  const char *name;
  GPtrArray *strings;
  GString   *text;
  gboolean   in_si;
  gboolean   in_t;
  guint      rph_depth;
} SharedStrings;

static NodeResult
shared_strings_node (xmlTextReaderPtr   reader,
                     gpointer           user_data,
                     GError           **error)
{
  SharedStrings *ss = user_data;

  if (is_element (reader, "si"))
    {
      g_string_truncate (ss->text, 0);
      ss->in_si = !xmlTextReaderIsEmptyElement (reader);
      ss->in_t = FALSE;
      ss->rph_depth = 0;
      if (!ss->in_si)
        g_ptr_array_add (ss->strings, g_strdup (""));
    }
  else if (is_end_element (reader, "si") && ss->in_si)
    {
      GString *out = g_string_sized_new (ss->text->len);

      append_unescaped (out, ss->text->str);
      g_ptr_array_add (ss->strings, g_string_free (out, FALSE));
      ss->in_si = FALSE;
      if (ss->strings->len > MAX_SHARED_STRINGS)
        {
          g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_TOO_LARGE,
                       _("“%s” has too many cells to read at once (at most %u)."),
                       ss->name, (guint) MAX_SHARED_STRINGS);
          return NODE_FAILED;
        }
    }
  else if (!ss->in_si)
    return NODE_CONTINUE;
  else if (is_element (reader, "rPh") && !xmlTextReaderIsEmptyElement (reader))
    ss->rph_depth++;   /* phonetic guides: not part of the text */
  else if (is_end_element (reader, "rPh") && ss->rph_depth > 0)
    ss->rph_depth--;
  else if (is_element (reader, "t") && ss->rph_depth == 0)
    ss->in_t = !xmlTextReaderIsEmptyElement (reader);
  else if (is_end_element (reader, "t"))
    ss->in_t = FALSE;
  else if (ss->in_t && is_text (reader))
    g_string_append (ss->text, (const char *) xmlTextReaderConstValue (reader));

  return NODE_CONTINUE;
}

/* Styles: which cell formats show a date */

static const char *
builtin_format (guint id)
{
  switch (id)
    {
    case 14: return "yyyy-mm-dd";
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "yyyy-mm-dd h:mm";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mm:ss.0";
    /* The CJK built-ins as Excel in zh-CN shows them */
    case 27: case 36: case 50: case 52: case 57: return "yyyy\"年\"m\"月\"";
    case 28: case 29: case 51: case 53: case 54: case 58: return "m\"月\"d\"日\"";
    case 30: return "m-d-yy";
    case 31: return "yyyy\"年\"m\"月\"d\"日\"";
    case 32: return "h\"时\"mm\"分\"";
    case 33: return "h\"时\"mm\"分\"ss\"秒\"";
    case 34: case 55: return "上午/下午h\"时\"mm\"分\"";
    case 35: case 56: return "上午/下午h\"时\"mm\"分\"ss\"秒\"";
    default: return NULL;
    }
}

/* Reads a number format's first section for date and time codes, outside
 * quoted text, escapes and [colour]/[$-804] brackets ([h] [m] [s] count). */
static FormatKind
classify_format (const char *code)
{
  gboolean date = FALSE, time = FALSE, month = FALSE;

  if (code == NULL)
    return FORMAT_PLAIN;

  for (const char *p = code; *p != '\0' && *p != ';'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (*p == '"')
        {
          p++;
          while (*p != '\0' && *p != '"')
            p++;
          if (*p == '\0')
            break;
          continue;
        }
      if (*p == '\\' || *p == '_' || *p == '*')
        {
          if (p[1] == '\0')
            break;
          p++;
          continue;
        }
      if (*p == '[')
        {
          const char *end = strchr (p, ']');

          if (end == NULL)
            break;
          if (end - p >= 2 && (g_ascii_tolower (p[1]) == 'h' || g_ascii_tolower (p[1]) == 's' ||
                               g_ascii_tolower (p[1]) == 'm') &&
              strspn (p + 1, "hHmMsS") == (gsize) (end - p - 1))
            time = TRUE;
          p = end;
          continue;
        }
      /* ("e", the era year, is left out: it is also the exponent of 0.0E+0) */
      if (c == 'y' || c == 'd')
        date = TRUE;
      else if (c == 'h' || c == 's')
        time = TRUE;
      else if (c == 'm')
        month = TRUE;
      else if (c == 'g' && g_ascii_strncasecmp (p, "general", 7) == 0)
        p += 6;
    }

  /* "m" is a month unless the format shows only a time */
  if (month && !time)
    date = TRUE;
  if (date && time)
    return FORMAT_DATE_TIME;
  if (date)
    return FORMAT_DATE;
  if (time)
    return FORMAT_TIME;
  return FORMAT_PLAIN;
}

typedef struct
{
  GHashTable *formats;     /* numFmtId → formatCode */
  GArray     *xf_formats;  /* of guint: numFmtId per cell format */
  gboolean    in_cell_xfs;
} Styles;

static NodeResult
styles_node (xmlTextReaderPtr   reader,
             gpointer           user_data,
             GError           **error)
{
  Styles *styles = user_data;

  if (is_element (reader, "numFmt"))
    {
      g_autofree char *id = dup_attribute (reader, "numFmtId");
      g_autofree char *code = dup_attribute (reader, "formatCode");
      guint64 n;

      if (parse_uint (id, G_MAXUINT, &n) && code != NULL)
        g_hash_table_replace (styles->formats, GUINT_TO_POINTER ((guint) n), g_steal_pointer (&code));
    }
  else if (is_element (reader, "cellXfs"))
    styles->in_cell_xfs = !xmlTextReaderIsEmptyElement (reader);
  else if (is_end_element (reader, "cellXfs"))
    {
      styles->in_cell_xfs = FALSE;
      return NODE_STOP;
    }
  else if (styles->in_cell_xfs && is_element (reader, "xf"))
    {
      g_autofree char *id = dup_attribute (reader, "numFmtId");
      guint64 n = 0;
      guint v;

      if (!parse_uint (id, G_MAXUINT, &n))
        n = 0;
      v = (guint) n;
      if (styles->xf_formats->len < 1000000)
        g_array_append_val (styles->xf_formats, v);
    }
  return NODE_CONTINUE;
}

static GArray *
read_styles (Xlsx        *x,
             const char  *part,
             GError     **error)
{
  Styles styles = { 0 };
  GArray *kinds = g_array_new (FALSE, TRUE, sizeof (guint8));

  if (part == NULL)
    return kinds;

  styles.formats = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  styles.xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  if (!read_part (x, part, FALSE, NULL, styles_node, &styles, error))
    {
      g_hash_table_unref (styles.formats);
      g_array_unref (styles.xf_formats);
      g_array_unref (kinds);
      return NULL;
    }

  for (guint i = 0; i < styles.xf_formats->len; i++)
    {
      guint id = g_array_index (styles.xf_formats, guint, i);
      const char *code = g_hash_table_lookup (styles.formats, GUINT_TO_POINTER (id));
      guint8 kind = classify_format (code != NULL ? code : builtin_format (id));

      g_array_append_val (kinds, kind);
    }
  g_hash_table_unref (styles.formats);
  g_array_unref (styles.xf_formats);
  return kinds;
}

/* The sheet */

typedef enum
{
  CELL_NUMBER,
  CELL_SHARED,
  CELL_INLINE,
  CELL_BOOL,
  CELL_ERROR,
  CELL_FORMULA_TEXT,
  CELL_DATE_ISO,
} CellKind;

typedef struct
{
  Xlsx        *x;
  const char  *sheet_name;
  DdSheet     *sheet;
  GPtrArray   *strings;
  GArray      *formats;       /* FormatKind per style index */
  gboolean     date1904;

  gboolean     in_data;
  guint        row_number;    /* 1-based, in the file */
  gint64       row;           /* in the DdSheet, -1 until the row has a value */
  guint        next_col;
  guint64      n_cells;

  gboolean     in_cell;
  guint        col;
  CellKind     kind;
  guint        style;
  gboolean     has_value;
  gboolean     in_v;
  gboolean     in_is;
  gboolean     in_t;
  guint        rph_depth;
  GString     *value;
} SheetState;

static void
set_cell_error (SheetState  *state,
                GError     **error,
                const char  *detail)
{
  g_autofree char *col_name = dd_sheet_column_name (state->col);
  g_autofree char *where = g_strdup_printf ("%s%u", col_name, state->row_number);

  g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_CORRUPT,
               _("“%s” is damaged: cell %s of the sheet “%s” cannot be read (%s)."),
               state->x->name, where, state->sheet_name, detail);
}

static guint
ensure_row (SheetState *state)
{
  if (state->row < 0)
    {
      state->row = dd_sheet_append_row (state->sheet);
      dd_sheet_set_source_row (state->sheet, state->row, state->row_number);
    }
  return (guint) state->row;
}

static char *
format_time_of_day (double serial)
{
  gint64 secs = (gint64) round ((serial - floor (serial)) * 86400);

  if (secs >= 86400)
    secs -= 86400;
  return g_strdup_printf ("%02d:%02d:%02d", (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60));
}

static gboolean
finish_cell (SheetState  *state,
             GError     **error)
{
  const char *value = state->value->str;
  guint row, col = state->col;

  if (!state->has_value)
    return TRUE;

  switch (state->kind)
    {
    case CELL_SHARED:
      {
        guint64 index;
        const char *text;

        if (!parse_uint (g_strstrip (state->value->str), G_MAXUINT, &index) || index >= state->strings->len)
          {
            set_cell_error (state, error, "sharedStrings");
            return FALSE;
          }
        text = g_ptr_array_index (state->strings, index);
        if (text[0] == '\0')
          return TRUE;
        row = ensure_row (state);
        dd_sheet_set_text (state->sheet, row, col, text);
      }
      break;

    case CELL_INLINE:
    case CELL_FORMULA_TEXT:
    case CELL_ERROR:
      {
        g_autoptr(GString) text = g_string_sized_new (state->value->len);

        append_unescaped (text, value);
        if (text->len == 0)
          return TRUE;
        row = ensure_row (state);
        dd_sheet_set_text_len (state->sheet, row, col, text->str, text->len);
      }
      break;

    case CELL_BOOL:
      g_strstrip (state->value->str);
      if (value[0] == '\0')
        return TRUE;
      row = ensure_row (state);
      dd_sheet_set_bool (state->sheet, row, col,
                         strcmp (value, "0") != 0 && g_ascii_strcasecmp (value, "false") != 0);
      break;

    case CELL_DATE_ISO:
      {
        char date[20];

        g_strstrip (state->value->str);
        if (value[0] == '\0')
          return TRUE;
        row = ensure_row (state);
        /* "2024-03-05T08:30:00" or "2024-03-05T00:00:00Z" or a bare date */
        g_strlcpy (date, value, sizeof date);
        if (strlen (date) == 19 && g_str_has_suffix (date, "T00:00:00"))
          date[10] = '\0';
        if (!dd_sheet_set_date (state->sheet, row, col, date))
          dd_sheet_set_text (state->sheet, row, col, value);
      }
      break;

    case CELL_NUMBER:
    default:
      {
        char *end = NULL;
        double number;
        FormatKind kind = FORMAT_PLAIN;

        g_strstrip (state->value->str);
        if (value[0] == '\0')
          return TRUE;
        row = ensure_row (state);
        number = g_ascii_strtod (value, &end);
        if (end == value || *end != '\0' || !isfinite (number))
          {
            dd_sheet_set_text (state->sheet, row, col, value);
            break;
          }
        if (state->style < state->formats->len)
          kind = g_array_index (state->formats, guint8, state->style);

        if ((kind == FORMAT_DATE || kind == FORMAT_DATE_TIME) && number >= 0)
          {
            double serial = number;

            if (state->date1904)
              serial += 1462;
            else if (serial < 60)   /* Excel counts a 29 February 1900 that never was */
              serial += 1;
            dd_sheet_set_date_serial (state->sheet, row, col, serial, kind == FORMAT_DATE_TIME);
          }
        else if (kind == FORMAT_TIME && number >= 0 && number < 1)
          {
            g_autofree char *text = format_time_of_day (number);

            /* A number still, but shown as the time it is */
            dd_sheet_set_number_shown (state->sheet, row, col, number, text);
          }
        else
          dd_sheet_set_number (state->sheet, row, col, number);
      }
      break;
    }

  state->n_cells++;
  if (state->n_cells > DD_IO_MAX_CELLS)
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_TOO_LARGE,
                   _("“%s” has too many cells to read at once (at most %u)."),
                   state->x->name, (guint) DD_IO_MAX_CELLS);
      return FALSE;
    }
  return TRUE;
}

static NodeResult
sheet_node (xmlTextReaderPtr   reader,
            gpointer           user_data,
            GError           **error)
{
  SheetState *state = user_data;

  if (!state->in_data)
    {
      if (is_element (reader, "sheetData"))
        {
          if (xmlTextReaderIsEmptyElement (reader))
            return NODE_STOP;
          state->in_data = TRUE;
          state->row_number = 0;
        }
      return NODE_CONTINUE;
    }

  if (state->in_cell)
    {
      if (is_end_element (reader, "c"))
        {
          state->in_cell = FALSE;
          return finish_cell (state, error) ? NODE_CONTINUE : NODE_FAILED;
        }
      if (is_element (reader, "v"))
        {
          state->in_v = !xmlTextReaderIsEmptyElement (reader);
          if (state->kind != CELL_INLINE)
            {
              g_string_truncate (state->value, 0);
              state->has_value = TRUE;
            }
        }
      else if (is_end_element (reader, "v"))
        state->in_v = FALSE;
      else if (is_element (reader, "is"))
        {
          state->in_is = !xmlTextReaderIsEmptyElement (reader);
          state->has_value = TRUE;
        }
      else if (is_end_element (reader, "is"))
        state->in_is = FALSE;
      else if (state->in_is && is_element (reader, "rPh") && !xmlTextReaderIsEmptyElement (reader))
        state->rph_depth++;
      else if (state->in_is && is_end_element (reader, "rPh") && state->rph_depth > 0)
        state->rph_depth--;
      else if (state->in_is && state->rph_depth == 0 && is_element (reader, "t"))
        state->in_t = !xmlTextReaderIsEmptyElement (reader);
      else if (is_end_element (reader, "t"))
        state->in_t = FALSE;
      else if (is_text (reader))
        {
          if ((state->in_v && state->kind != CELL_INLINE) || (state->in_is && state->in_t))
            {
              g_string_append (state->value, (const char *) xmlTextReaderConstValue (reader));
              if (state->value->len > 10 * 1024 * 1024)
                {
                  set_cell_error (state, error, "length");
                  return NODE_FAILED;
                }
            }
        }
      return NODE_CONTINUE;
    }

  if (is_element (reader, "row"))
    {
      g_autofree char *r = dup_attribute (reader, "r");
      guint64 n;

      if (parse_uint (r, DD_IO_MAX_ROWS, &n) && n > 0)
        state->row_number = (guint) n;
      else if (state->row_number < DD_IO_MAX_ROWS)
        state->row_number++;
      state->row = -1;
      state->next_col = 0;
    }
  else if (is_element (reader, "c"))
    {
      g_autofree char *r = dup_attribute (reader, "r");
      g_autofree char *t = dup_attribute (reader, "t");
      g_autofree char *s = dup_attribute (reader, "s");
      guint col, row_number;
      guint64 style;

      if (state->row_number == 0)
        state->row_number = 1;
      if (parse_cell_ref (r, &col, &row_number))
        {
          /* A cell's own reference wins over its row's */
          if (row_number != state->row_number)
            {
              state->row_number = row_number;
              state->row = -1;
            }
          state->col = col;
        }
      else
        state->col = state->next_col;
      if (state->col >= DD_IO_MAX_COLS)
        {
          set_cell_error (state, error, r != NULL ? r : "r");
          return NODE_FAILED;
        }
      state->next_col = state->col + 1;

      state->style = parse_uint (s, G_MAXUINT, &style) ? (guint) style : 0;
      if (t == NULL || strcmp (t, "n") == 0)
        state->kind = CELL_NUMBER;
      else if (strcmp (t, "s") == 0)
        state->kind = CELL_SHARED;
      else if (strcmp (t, "inlineStr") == 0)
        state->kind = CELL_INLINE;
      else if (strcmp (t, "b") == 0)
        state->kind = CELL_BOOL;
      else if (strcmp (t, "e") == 0)
        state->kind = CELL_ERROR;
      else if (strcmp (t, "d") == 0)
        state->kind = CELL_DATE_ISO;
      else
        state->kind = CELL_FORMULA_TEXT;   /* "str" */

      g_string_truncate (state->value, 0);
      state->has_value = FALSE;
      state->in_v = state->in_is = state->in_t = FALSE;
      state->rph_depth = 0;
      state->in_cell = !xmlTextReaderIsEmptyElement (reader);
    }
  else if (is_end_element (reader, "sheetData"))
    return NODE_STOP;

  return NODE_CONTINUE;
}

/* Public API */

static char **
list_sheets (Workbook *wb)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **names;

  for (guint i = 0; i < wb->sheets->len; i++)
    g_strv_builder_add (builder, ((SheetInfo *) g_ptr_array_index (wb->sheets, i))->name);
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}

/**
 * dd_xlsx_list_sheets_bytes:
 * @bytes: the file's content
 * @source_name: how messages name the file
 *
 * Returns: (transfer full): the names of the workbook's sheets in their
 *   order (hidden ones too), or %NULL with a translated %DD_IO_ERROR
 */
char **
dd_xlsx_list_sheets_bytes (GBytes      *bytes,
                           const char  *source_name,
                           GError     **error)
{
  Xlsx x = { 0 };
  Workbook wb = { 0 };
  char **names = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (source_name == NULL)
    source_name = "XLSX";
  if (xlsx_open (&x, bytes, source_name, error) && read_workbook (&x, &wb, error))
    names = list_sheets (&wb);

  workbook_clear (&wb);
  xlsx_close (&x);
  return names;
}

/**
 * dd_xlsx_list_sheets:
 *
 * The sheets of the file at @path, as dd_xlsx_list_sheets_bytes() lists them.
 */
char **
dd_xlsx_list_sheets (const char  *path,
                     GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  bytes = dd_io_read_file (path, name, DD_XLSX_MAX_BYTES, error);
  if (bytes == NULL)
    return NULL;
  return dd_xlsx_list_sheets_bytes (bytes, name, error);
}

static SheetInfo *
choose_sheet (Xlsx         *x,
              Workbook     *wb,
              const char   *sheet_name,
              GError      **error)
{
  if (wb->sheets->len == 0)
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_NO_SHEET, _("“%s” has no sheets."), x->name);
      return NULL;
    }

  for (guint i = 0; i < wb->sheets->len; i++)
    {
      SheetInfo *info = g_ptr_array_index (wb->sheets, i);

      if (sheet_name != NULL ? strcmp (info->name, sheet_name) == 0 : !info->hidden)
        return info;
    }
  if (sheet_name == NULL)
    return g_ptr_array_index (wb->sheets, 0);

  g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_NO_SHEET,
               _("“%s” has no sheet named “%s”."), x->name, sheet_name);
  return NULL;
}

/**
 * dd_xlsx_read_bytes:
 * @bytes: the file's content
 * @source_name: how messages name the file
 * @sheet_name: (nullable): the sheet to read; %NULL for the first visible one
 *
 * Reads one sheet: shared strings (rich text runs joined, phonetic guides
 * left out), inline strings and formulas' cached values as %DD_CELL_TEXT;
 * numbers as %DD_CELL_NUMBER, or %DD_CELL_DATE when their cell format shows
 * a date (built-in formats 14–17 and 22, the CJK ones, custom formats with
 * y, m or d; in the 1900 or 1904 date system); a time-only format keeps a
 * number whose text is "HH:MM:SS"; booleans as %DD_CELL_BOOL; error values
 * as their text ("#N/A"). Rows without any value are skipped, the source
 * rows keep the sheet's own numbers; missing cells are empty. The sheet's
 * title is the sheet's name.
 *
 * Returns: (transfer full): the sheet, or %NULL with a translated
 *   %DD_IO_ERROR naming the file
 */
DdSheet *
dd_xlsx_read_bytes (GBytes      *bytes,
                    const char  *source_name,
                    const char  *sheet_name,
                    GError     **error)
{
  Xlsx x = { 0 };
  Workbook wb = { 0 };
  SheetState state = { 0 };
  SharedStrings ss = { 0 };
  SheetInfo *info;
  g_autoptr(GArray) formats = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DdSheet) sheet = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (source_name == NULL)
    source_name = "XLSX";

  if (!xlsx_open (&x, bytes, source_name, error) || !read_workbook (&x, &wb, error))
    goto out;

  info = choose_sheet (&x, &wb, sheet_name, error);
  if (info == NULL)
    goto out;
  if (info->part == NULL)
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_CORRUPT,
                   _("“%s” is damaged: the sheet “%s” is missing."), x.name, info->name);
      goto out;
    }
  if (!info->is_worksheet)
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_NO_SHEET,
                   _("The sheet “%s” of “%s” is a chart, not a table."), info->name, x.name);
      goto out;
    }

  if (wb.shared_strings != NULL)
    {
      ss.name = x.name;
      ss.strings = strings;
      ss.text = g_string_new (NULL);
      ok = read_part (&x, wb.shared_strings, FALSE, NULL, shared_strings_node, &ss, error);
      g_string_free (ss.text, TRUE);
      if (!ok)
        goto out;
      ok = FALSE;
    }

  formats = read_styles (&x, wb.styles, error);
  if (formats == NULL)
    goto out;

  sheet = dd_sheet_new (NULL);
  dd_sheet_set_source_name (sheet, x.name);
  dd_sheet_set_title (sheet, info->name);

  state.x = &x;
  state.sheet_name = info->name;
  state.sheet = sheet;
  state.strings = strings;
  state.formats = formats;
  state.date1904 = wb.date1904;
  state.row = -1;
  state.value = g_string_new (NULL);
  ok = read_part (&x, info->part, TRUE, NULL, sheet_node, &state, error);
  g_string_free (state.value, TRUE);
  if (!ok)
    goto out;

  if (dd_sheet_get_n_rows (sheet) == 0)
    {
      g_set_error (error, DD_IO_ERROR, DD_IO_ERROR_EMPTY,
                   _("The sheet “%s” of “%s” is empty."), info->name, x.name);
      ok = FALSE;
    }

out:
  workbook_clear (&wb);
  xlsx_close (&x);
  return ok ? g_steal_pointer (&sheet) : NULL;
}

/**
 * dd_xlsx_read_file:
 * @sheet_name: (nullable): the sheet to read; %NULL for the first visible one
 *
 * Reads @path as dd_xlsx_read_bytes() does; files over %DD_XLSX_MAX_BYTES
 * are refused before reading them.
 */
DdSheet *
dd_xlsx_read_file (const char  *path,
                   const char  *sheet_name,
                   GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  bytes = dd_io_read_file (path, name, DD_XLSX_MAX_BYTES, error);
  if (bytes == NULL)
    return NULL;
  return dd_xlsx_read_bytes (bytes, name, sheet_name, error);
}

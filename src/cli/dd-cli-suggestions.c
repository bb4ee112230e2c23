/* dd-cli-suggestions.c: deputy-desk-cli suggestions — list them, and move
 * one through its handling with the same checks and errors as the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "deputy-desk-cli"

#include <string.h>
#include <glib/gi18n.h>

#include "dd-calendar.h"
#include "dd-cli.h"
#include "dd-codes.h"
#include "dd-model-error.h"
#include "dd-store-check.h"
#include "dd-suggestion.h"
#include "dd-suggestion-list.h"
#include "dd-supervision-flag.h"
#include "dd-unit.h"
#include "dd-utils.h"
#include "dd-workflow.h"

static int run_list (int argc, char **argv);
static int run_move (int argc, char **argv);
static int run_transfer (int argc, char **argv);

static const DdCliAction actions[] = {
  { "list", N_("List suggestions, newest first (those awaiting a reply by deadline)"), run_list },
  { "move", N_("Move a suggestion to another state, with the data the move needs"), run_move },
  { "transfer", N_("Give an assigned or handling suggestion another lead unit"), run_transfer },
};

/* The options of `move`, and the moves each applies to. */
enum
{
  OPT_UNIT = 1 << 0,
  OPT_CO_UNIT = 1 << 1,
  OPT_DEADLINE = 1 << 2,
  OPT_CLASS = 1 << 3,
  OPT_TEXT = 1 << 4,
  OPT_SIGNED_OFF = 1 << 5,
  OPT_DATE = 1 << 6,
  OPT_VERDICT = 1 << 7,
  OPT_REASON = 1 << 8,
  OPT_INTO = 1 << 9,
  OPT_DESTINATION = 1 << 10,
  OPT_PUBLISH = 1 << 11,
};

static const struct { guint flag; const char *name; } option_names[] = {
  { OPT_UNIT, "--unit" }, { OPT_CO_UNIT, "--co-unit" }, { OPT_DEADLINE, "--deadline" },
  { OPT_CLASS, "--class" }, { OPT_TEXT, "--text" }, { OPT_SIGNED_OFF, "--signed-off" },
  { OPT_DATE, "--date" }, { OPT_VERDICT, "--verdict" }, { OPT_REASON, "--reason" },
  { OPT_INTO, "--into" }, { OPT_DESTINATION, "--destination" }, { OPT_PUBLISH, "--publish" },
};

/* Helpers */

/* Terminal columns of @text: CJK characters take two. */
static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
append_padded (GString    *line,
               const char *text,
               int         width)
{
  g_string_append (line, text);
  for (int pad = width - display_width (text); pad > 0; pad--)
    g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

static void
append_json_string (GString    *json,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (json, "null");
      return;
    }
  g_string_append_c (json, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (json, "\\%c", c);
      else if (c == '\n')
        g_string_append (json, "\\n");
      else if (c == '\t')
        g_string_append (json, "\\t");
      else if (c < 0x20)
        g_string_append_printf (json, "\\u%04x", c);
      else
        g_string_append_c (json, (char) c);
    }
  g_string_append_c (json, '"');
}

static char *
dup_unit_name (DdStore *store,
               gint64   unit_id)
{
  g_autoptr(DdUnit) unit = unit_id != 0 ? dd_unit_load (store, unit_id, NULL) : NULL;

  return unit != NULL ? g_strdup (dd_entity_get_string (DD_ENTITY (unit), "name")) : NULL;
}

/* The positive id written in @text, or 0. */
static gint64
parse_id (const char *text)
{
  guint64 id = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    return 0;
  return (gint64) id;
}

/* A usage error for a malformed date option, or NULL if @date is fine. */
static char *
check_date_option (const char *option,
                   const char *date)
{
  if (date == NULL || dd_date_is_valid (date))
    return NULL;
  /* TRANSLATORS: the first %s is the option, e.g. --date */
  return g_strdup_printf (_("%s must be a date written YYYY-MM-DD, not “%s”"), option, date);
}

static char *
dup_state_list (void)
{
  return g_strjoinv (", ", (char **) dd_suggestion_states);
}

static char *
check_state (const char *option,
             const char *state)
{
  g_autofree char *states = NULL;

  if (g_strv_contains (dd_suggestion_states, state))
    return NULL;
  states = dup_state_list ();
  /* TRANSLATORS: "--state must be one of registered, …, not “open”" */
  return g_strdup_printf (_("%s must be one of %s, not “%s”"), option, states, state);
}

static int
usage_and_clear (DdCliContext *cli,
                 const char   *command,
                 const char   *message)
{
  dd_cli_context_clear (cli);
  return dd_cli_usage_error (command, message);
}

static int
fail_and_clear (DdCliContext *cli,
                GError       *error)
{
  dd_cli_context_clear (cli);
  return dd_cli_fail (error);
}

/* list */

typedef struct
{
  gint64            id;
  DdSuggestion     *suggestion;
  DdDeadlineStatus  status;
  int               left;
  char             *lead_unit;
  char             *supervision;
} Listed;

static void
listed_clear (gpointer data)
{
  Listed *listed = data;

  g_clear_object (&listed->suggestion);
  g_free (listed->lead_unit);
  g_free (listed->supervision);
}

static void
print_list_json (GArray *rows,
                 guint   total)
{
  g_autoptr(GString) json = g_string_new (NULL);

  g_string_append_printf (json, "{\"total\": %u, \"count\": %u, \"suggestions\": [", total, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const Listed *row = &g_array_index (rows, Listed, i);
      DdEntity *entity = DD_ENTITY (row->suggestion);
      gboolean running = row->status != DD_DEADLINE_NONE ||
                         g_strcmp0 (dd_entity_get_string (entity, "state"), "assigned") == 0 ||
                         g_strcmp0 (dd_entity_get_string (entity, "state"), "handling") == 0;
      static const char * const text_fields[][2] = {
        { "number", "number" }, { "kind", "kind" }, { "category", "category" },
        { "state", "state" }, { "title", "title" }, { "registered_on", "registered-on" },
        { "assigned_on", "assigned-on" }, { "deadline_on", "deadline-on" },
      };

      g_string_append (json, i > 0 ? ",\n  {" : "\n  {");
      g_string_append_printf (json, "\"id\": %" G_GINT64_FORMAT, row->id);
      for (guint f = 0; f < G_N_ELEMENTS (text_fields); f++)
        {
          g_string_append_printf (json, ", \"%s\": ", text_fields[f][0]);
          append_json_string (json, dd_entity_get_string (entity, text_fields[f][1]));
        }
      g_string_append_printf (json, ", \"round\": %" G_GINT64_FORMAT, dd_entity_get_int (entity, "round"));
      g_string_append (json, ", \"deadline_status\": ");
      append_json_string (json, dd_deadline_status_to_code (row->status));
      g_string_append (json, ", \"working_days_left\": ");
      if (running && dd_entity_get_string (entity, "deadline-on") != NULL)
        g_string_append_printf (json, "%d", row->left);
      else
        g_string_append (json, "null");
      g_string_append (json, ", \"lead_unit\": ");
      append_json_string (json, row->lead_unit);
      g_string_append (json, ", \"supervision\": ");
      append_json_string (json, row->supervision);
      g_string_append_c (json, '}');
    }
  g_string_append (json, rows->len > 0 ? "\n]}\n" : "]}\n");
  g_print ("%s", json->str);
}

static void
print_list_table (GArray *rows,
                  guint   total)
{
  const char *headings[] = {
    C_("column", "Number"), C_("column", "State"), C_("column", "Deadline"), C_("column", "Flag"),
    C_("column", "Title"),
  };
  int widths[4];
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint c = 0; c < 4; c++)
    widths[c] = display_width (headings[c]);
  for (guint i = 0; i < rows->len; i++)
    {
      const Listed *row = &g_array_index (rows, Listed, i);
      DdEntity *entity = DD_ENTITY (row->suggestion);
      const char *number = dd_entity_get_string (entity, "number");
      const char *deadline = dd_entity_get_string (entity, "deadline-on");

      widths[0] = MAX (widths[0], display_width (number != NULL ? number : ""));
      widths[1] = MAX (widths[1], display_width (dd_code_label (dd_suggestion_states,
                                                                dd_entity_get_string (entity, "state"))));
      widths[2] = MAX (widths[2], display_width (deadline != NULL ? deadline : ""));
      widths[3] = MAX (widths[3], display_width (dd_deadline_status_get_label (row->status)));
    }

  for (guint c = 0; c < 4; c++)
    append_padded (line, headings[c], widths[c]);
  g_string_append (line, headings[4]);
  g_print ("%s\n", line->str);

  for (guint i = 0; i < rows->len; i++)
    {
      const Listed *row = &g_array_index (rows, Listed, i);
      DdEntity *entity = DD_ENTITY (row->suggestion);
      const char *number = dd_entity_get_string (entity, "number");
      const char *deadline = dd_entity_get_string (entity, "deadline-on");
      gboolean shown = g_strcmp0 (dd_entity_get_string (entity, "state"), "assigned") == 0 ||
                       g_strcmp0 (dd_entity_get_string (entity, "state"), "handling") == 0;

      g_string_truncate (line, 0);
      append_padded (line, number != NULL ? number : "", widths[0]);
      append_padded (line, dd_code_label (dd_suggestion_states, dd_entity_get_string (entity, "state")),
                     widths[1]);
      /* A deadline matters only while the reply is awaited. */
      append_padded (line, shown && deadline != NULL ? deadline : "", widths[2]);
      append_padded (line, dd_deadline_status_get_label (row->status), widths[3]);
      g_string_append (line, dd_entity_get_string (entity, "title"));
      g_print ("%s\n", line->str);
    }

  if (total == 0)
    g_print ("%s\n", _("No suggestion matches."));
  else if (rows->len < total)
    {
      g_autofree char *shown = g_strdup_printf ("%u", rows->len);
      g_autofree char *all = g_strdup_printf ("%u", total);
      g_autofree char *more = g_strdup_printf (_("%s of %s shown; --limit 0 shows all"), shown, all);

      g_print ("%s\n", more);
    }
}

static int
run_list (int    argc,
          char **argv)
{
  DdCliContext cli = { "suggestions list", NULL };
  g_auto(GStrv) states = NULL;
  g_autofree char *search = NULL;
  g_autofree char *limit_text = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(DdSuggestionList) list = NULL;
  g_autoptr(GArray) rows = NULL;
  gboolean overdue = FALSE;
  gboolean json = FALSE;
  guint64 limit = 0;
  guint total, n;
  GError *error = NULL;
  int status;
  GOptionEntry entries[] = {
    { "state", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &states,
      N_("Only suggestions in this state (a stored code such as handling; repeat for several)"),
      N_("STATE") },
    { "search", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &search,
      N_("Only suggestions whose title or text contains every word of TEXT"), N_("TEXT") },
    { "overdue", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &overdue,
      N_("Only suggestions assigned or being handled past their reply deadline"), NULL },
    { "limit", 'n', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &limit_text,
      N_("At most N suggestions (default: all)"), N_("N") },
    { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &json,
      N_("Print JSON, with the stored codes, instead of a table"), NULL },
    { NULL }
  };

  status = dd_cli_parse_options (&cli, entries, &argc, &argv);
  if (status >= 0)
    return status;

  for (guint i = 0; states != NULL && states[i] != NULL; i++)
    {
      g_autofree char *message = check_state ("--state", states[i]);

      if (message != NULL)
        return usage_and_clear (&cli, "suggestions list", message);
    }
  if (limit_text != NULL && !g_ascii_string_to_unsigned (limit_text, 10, 0, G_MAXUINT, &limit, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("--limit must be a whole number, 0 for all, not “%s”"), limit_text);
      return usage_and_clear (&cli, "suggestions list", message);
    }

  store = dd_store_open_existing (cli.database, &error);
  if (store == NULL)
    return fail_and_clear (&cli, error);

  /* The board's own list: the same filter, search and order. */
  list = dd_suggestion_list_new (store, (const char * const *) states, NULL);
  dd_suggestion_filter_set_search (dd_suggestion_list_get_filter (list), search);
  dd_suggestion_filter_set_overdue_only (dd_suggestion_list_get_filter (list), overdue);

  total = g_list_model_get_n_items (G_LIST_MODEL (list));
  n = limit > 0 ? MIN (total, (guint) limit) : total;
  rows = g_array_sized_new (FALSE, TRUE, sizeof (Listed), n);
  g_array_set_clear_func (rows, listed_clear);
  for (guint i = 0; i < n; i++)
    {
      Listed row = { dd_query_model_get_id (DD_QUERY_MODEL (list), i) };

      row.suggestion = dd_suggestion_load (store, row.id, &error);
      if (row.suggestion == NULL)
        return fail_and_clear (&cli, error);
      row.status = dd_suggestion_deadline_status (store, row.suggestion, &row.left);
      row.lead_unit = dup_unit_name (store, dd_suggestion_get_lead_unit_id (store, row.id));
      row.supervision = dd_supervision_dup_current_mode (store, row.id);
      g_array_append_val (rows, row);
    }

  if (json)
    print_list_json (rows, total);
  else
    print_list_table (rows, total);

  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}

/* move */

static guint
options_of (DdTransitionKind kind)
{
  switch (kind)
    {
    case DD_TRANSITION_ASSIGN:
      return OPT_UNIT | OPT_CO_UNIT | OPT_DEADLINE | OPT_DATE;
    case DD_TRANSITION_REJECT:
      return OPT_REASON;
    case DD_TRANSITION_MERGE:
      return OPT_INTO;
    case DD_TRANSITION_TRANSFER_OUT:
      return OPT_DESTINATION;
    case DD_TRANSITION_RETURN_BY_UNIT:
      return OPT_REASON | OPT_DATE;
    case DD_TRANSITION_REPLY:
      return OPT_UNIT | OPT_CLASS | OPT_TEXT | OPT_SIGNED_OFF | OPT_DATE;
    case DD_TRANSITION_EVALUATE:
      return OPT_VERDICT | OPT_DATE;
    case DD_TRANSITION_CLOSE:
      return OPT_DATE | OPT_PUBLISH;
    case DD_TRANSITION_TRANSFER_UNIT:
      return OPT_UNIT | OPT_DATE | OPT_REASON;
    case DD_TRANSITION_START_REVIEW:
    case DD_TRANSITION_START_HANDLING:
    case DD_TRANSITION_NONE:
    default:
      return 0;
    }
}

/* A usage error if an option was given that the move does not take. */
static char *
check_options (guint        given,
               guint        allowed,
               const char  *what)
{
  for (guint i = 0; i < G_N_ELEMENTS (option_names); i++)
    if ((given & option_names[i].flag) && !(allowed & option_names[i].flag))
      /* TRANSLATORS: "--class does not apply to assign" (the move's name follows) */
      return g_strdup_printf (_("%s does not apply to “%s”"), option_names[i].name, what);
  return NULL;
}

/* The one positional argument, a suggestion's id. */
static char *
take_id (GStrv    rest,
         gint64  *id)
{
  if (rest == NULL || rest[0] == NULL)
    return g_strdup (_("Give the number (id) of the suggestion"));
  if (rest[1] != NULL)
    return g_strdup_printf (_("Unexpected argument “%s”"), rest[1]);
  *id = parse_id (rest[0]);
  if (*id == 0)
    return g_strdup_printf (_("The suggestion’s number must be a whole number above 0, not “%s”"),
                            rest[0]);
  return NULL;
}

static char *
describe (DdStore      *store,
          DdSuggestion *suggestion,
          const char   *from)
{
  DdEntity *entity = DD_ENTITY (suggestion);
  const char *to = dd_entity_get_string (entity, "state");
  const char *number = dd_entity_get_string (entity, "number");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, dd_entity_get_id (entity));
  g_autofree char *line = NULL;

  /* TRANSLATORS: "JY2025-0012: Under review → Assigned" */
  line = g_strdup_printf (_("%s: %s → %s"), number != NULL ? number : id_text,
                          dd_code_label (dd_suggestion_states, from),
                          dd_code_label (dd_suggestion_states, to));
  if (dd_entity_get_int (entity, "round") > 1 && g_strcmp0 (to, "handling") == 0)
    {
      g_autofree char *round = g_strdup_printf ("%" G_GINT64_FORMAT, dd_entity_get_int (entity, "round"));
      g_autofree char *longer = g_strdup_printf (_("%s, round %s"), line, round);

      g_free (line);
      line = g_steal_pointer (&longer);
    }
  if ((g_strcmp0 (to, "assigned") == 0 || g_strcmp0 (to, "handling") == 0) &&
      dd_entity_get_string (entity, "deadline-on") != NULL)
    {
      g_autofree char *longer = g_strdup_printf (_("%s, reply deadline %s"), line,
                                                 dd_entity_get_string (entity, "deadline-on"));

      g_free (line);
      line = g_steal_pointer (&longer);
    }
  return g_steal_pointer (&line);
}

/* Resolves each --unit/--co-unit to an id; FALSE with @error if one is unknown. */
static gboolean
resolve_units (DdStore   *store,
               GStrv      names,
               GArray    *ids,
               GError   **error)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gint64 id = dd_workflow_lookup_unit (store, names[i], error);

      if (id == 0)
        return FALSE;
      g_array_append_val (ids, id);
    }
  return TRUE;
}

static int
run_move (int    argc,
          char **argv)
{
  DdCliContext cli = { "suggestions move", NULL };
  g_auto(GStrv) rest = NULL;
  g_auto(GStrv) co_units = NULL;
  g_auto(GStrv) verdict_texts = NULL;
  g_autofree char *to = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *reply_class = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *into_text = NULL;
  g_autofree char *destination = NULL;
  g_autofree char *usage = NULL;
  g_autofree char *from = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(DdSuggestion) suggestion = NULL;
  g_autoptr(GArray) co_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) verdicts = g_array_new (FALSE, TRUE, sizeof (DdVerdict));
  gboolean signed_off = FALSE, publish = FALSE;
  gint64 id = 0, into = 0, unit_id = 0;
  guint given = 0;
  DdTransitionKind kind;
  GError *error = NULL;
  int status;
  GOptionEntry entries[] = {
    { "to", 't', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &to,
      N_("The state to move to, a stored code such as assigned (required)"), N_("STATE") },
    { "unit", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &unit,
      N_("Assign: the lead unit; reply: the replying unit (the lead), by name or number"),
      N_("UNIT") },
    { "co-unit", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &co_units,
      N_("Assign: a co-handling unit, by name or number (repeat for several)"), N_("UNIT") },
    { "deadline", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &deadline,
      N_("Assign: the reply deadline (default: by the deadline rules)"), N_("YYYY-MM-DD") },
    { "class", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &reply_class,
      N_("Reply: A (solved or adopted), B (being solved) or C (kept for reference)"), N_("CLASS") },
    { "text", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &text,
      N_("Reply: the reply’s text"), N_("TEXT") },
    { "signed-off", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &signed_off,
      N_("Reply: the co-handling units signed the reply off"), NULL },
    { "date", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &date,
      N_("The day of the move: assigned, returned, replied (required), evaluated or closed; "
         "default today"), N_("YYYY-MM-DD") },
    { "verdict", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &verdict_texts,
      N_("Evaluate: a proposer’s verdict, e.g. 12=satisfied (satisfied, basically_satisfied or "
         "unsatisfied); one for every proposer"), N_("DEPUTY=VERDICT") },
    { "reason", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &reason,
      N_("Reject, or the unit’s return: why"), N_("TEXT") },
    { "into", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &into_text,
      N_("Merge: the number (id) of the suggestion it duplicates"), N_("ID") },
    { "destination", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &destination,
      N_("Transfer out: the congress it goes to"), N_("TEXT") },
    { "publish", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &publish,
      N_("Close: publish it on the station’s publicity board"), NULL },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &rest,
      NULL, N_("ID") },
    { NULL }
  };

  status = dd_cli_parse_options (&cli, entries, &argc, &argv);
  if (status >= 0)
    return status;

  given = (unit != NULL ? OPT_UNIT : 0) | (co_units != NULL ? OPT_CO_UNIT : 0) |
          (deadline != NULL ? OPT_DEADLINE : 0) | (reply_class != NULL ? OPT_CLASS : 0) |
          (text != NULL ? OPT_TEXT : 0) | (signed_off ? OPT_SIGNED_OFF : 0) |
          (date != NULL ? OPT_DATE : 0) | (verdict_texts != NULL ? OPT_VERDICT : 0) |
          (reason != NULL ? OPT_REASON : 0) | (into_text != NULL ? OPT_INTO : 0) |
          (destination != NULL ? OPT_DESTINATION : 0) | (publish ? OPT_PUBLISH : 0);

  if ((usage = take_id (rest, &id)) != NULL)
    return usage_and_clear (&cli, "suggestions move", usage);
  if (to == NULL)
    return usage_and_clear (&cli, "suggestions move", _("Give the state to move to with --to"));
  if ((usage = check_state ("--to", to)) != NULL ||
      (usage = check_date_option ("--date", date)) != NULL ||
      (usage = check_date_option ("--deadline", deadline)) != NULL)
    return usage_and_clear (&cli, "suggestions move", usage);
  if (into_text != NULL && (into = parse_id (into_text)) == 0)
    {
      usage = g_strdup_printf (_("--into must be the number of a suggestion, not “%s”"), into_text);
      return usage_and_clear (&cli, "suggestions move", usage);
    }
  for (guint i = 0; verdict_texts != NULL && verdict_texts[i] != NULL; i++)
    {
      const char *equals = strchr (verdict_texts[i], '=');
      g_autofree char *deputy = equals != NULL ? g_strndup (verdict_texts[i], equals - verdict_texts[i])
                                               : NULL;
      DdVerdict verdict = { parse_id (deputy), equals != NULL ? equals + 1 : NULL, NULL };

      if (verdict.deputy_id == 0)
        {
          usage = g_strdup_printf (_("--verdict must be written DEPUTY=VERDICT, e.g. 12=satisfied, "
                                     "not “%s”"), verdict_texts[i]);
          return usage_and_clear (&cli, "suggestions move", usage);
        }
      g_array_append_val (verdicts, verdict);
    }

  store = dd_store_open_existing (cli.database, &error);
  if (store == NULL)
    return fail_and_clear (&cli, error);
  suggestion = dd_suggestion_load (store, id, &error);
  if (suggestion == NULL)
    return fail_and_clear (&cli, error);
  from = g_strdup (dd_entity_get_string (DD_ENTITY (suggestion), "state"));

  /* An illegal move gets the model's own error below, whatever the options. */
  kind = dd_workflow_transition_for (from, to);
  if (kind != DD_TRANSITION_NONE &&
      (usage = check_options (given, options_of (kind), dd_transition_kind_get_label (kind))) != NULL)
    return usage_and_clear (&cli, "suggestions move", usage);

  if (unit != NULL && (unit_id = dd_workflow_lookup_unit (store, unit, &error)) == 0)
    return fail_and_clear (&cli, error);
  if (!resolve_units (store, co_units, co_ids, &error))
    return fail_and_clear (&cli, error);

  {
    DdAssignment assignment = { unit_id, (const gint64 *) (gpointer) co_ids->data, co_ids->len, date,
                                deadline };
    DdReplyInput reply = { unit_id, reply_class, text, date, signed_off };
    DdEvaluationInput evaluation = { (const DdVerdict *) (gpointer) verdicts->data, verdicts->len, date };
    DdClosing closing = { date, publish };
    DdUnitReturn unit_return = { reason, date };
    DdMove move = { &assignment, &reply, &evaluation, &closing, &unit_return, reason, into,
                    destination };

    if (!dd_workflow_move (store, id, to, &move, &error))
      return fail_and_clear (&cli, error);
  }

  if (!dd_entity_reload (DD_ENTITY (suggestion), store, &error))
    return fail_and_clear (&cli, error);
  {
    g_autofree char *line = describe (store, suggestion, from);
    g_print ("%s\n", line);
  }
  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}

/* transfer */

static int
run_transfer (int    argc,
              char **argv)
{
  DdCliContext cli = { "suggestions transfer", NULL };
  g_auto(GStrv) rest = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *usage = NULL;
  g_autofree char *old_unit = NULL;
  g_autofree char *new_unit = NULL;
  g_autofree char *line = NULL;
  g_autoptr(DdStore) store = NULL;
  g_autoptr(DdSuggestion) suggestion = NULL;
  gint64 id = 0;
  GError *error = NULL;
  int status;
  GOptionEntry entries[] = {
    { "unit", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &unit,
      N_("The new lead unit, by name or number (required)"), N_("UNIT") },
    { "date", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &date,
      N_("The day of the transfer (default today)"), N_("YYYY-MM-DD") },
    { "reason", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &reason,
      N_("Why, for the record"), N_("TEXT") },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &rest,
      NULL, N_("ID") },
    { NULL }
  };

  status = dd_cli_parse_options (&cli, entries, &argc, &argv);
  if (status >= 0)
    return status;

  if ((usage = take_id (rest, &id)) != NULL ||
      (usage = check_date_option ("--date", date)) != NULL)
    return usage_and_clear (&cli, "suggestions transfer", usage);
  if (unit == NULL)
    return usage_and_clear (&cli, "suggestions transfer", _("Give the new lead unit with --unit"));

  store = dd_store_open_existing (cli.database, &error);
  if (store == NULL)
    return fail_and_clear (&cli, error);
  suggestion = dd_suggestion_load (store, id, &error);
  if (suggestion == NULL)
    return fail_and_clear (&cli, error);

  {
    DdUnitTransfer transfer = { dd_workflow_lookup_unit (store, unit, &error), date, reason };

    if (transfer.unit_id == 0)
      return fail_and_clear (&cli, error);
    old_unit = dup_unit_name (store, dd_suggestion_get_lead_unit_id (store, id));
    if (!dd_workflow_transfer_unit (store, id, &transfer, &error))
      return fail_and_clear (&cli, error);
    new_unit = dup_unit_name (store, transfer.unit_id);
  }

  /* TRANSLATORS: "JY2025-0012: 区民政局 → 区住房和城乡建设局" */
  line = g_strdup_printf (_("%s: %s → %s"), dd_entity_get_string (DD_ENTITY (suggestion), "number"),
                          old_unit != NULL ? old_unit : "—", new_unit);
  g_print ("%s\n", line);
  dd_cli_context_clear (&cli);
  return DD_CLI_EXIT_OK;
}

/* suggestions */

int
dd_cli_run_suggestions (int    argc,
                        char **argv)
{
  return dd_cli_run_action ("suggestions",
                            _("Follow suggestions through their handling."),
                            _("Give an action: list, move or transfer"),
                            actions, G_N_ELEMENTS (actions), argc, argv);
}

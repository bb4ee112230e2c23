/* dd-calendar.h: working days, public holidays and make-up workdays (调休),
 * and the deadline rules that count on them
 *
 * Dates are ISO-8601 text, YYYY-MM-DD, as stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dd-store.h"

G_BEGIN_DECLS

/* Keys of the settings table (see dd-settings.h) for the deadline rules.
 * A missing or malformed value means the default. */
#define DD_SETTING_DEADLINE_SUGGESTION_MONTHS    "deadline-suggestion-months"     /* 3 */
#define DD_SETTING_DEADLINE_OPINION_WORKING_DAYS "deadline-opinion-working-days"  /* 15 */
#define DD_SETTING_UNIT_RETURN_WORKING_DAYS      "unit-return-working-days"       /* 5 */
#define DD_SETTING_DUE_SOON_WORKING_DAYS         "due-soon-working-days"          /* 5 */
/* Set once the shipped calendar was copied into the holidays table, so that
 * holidays an office deleted are never filled in again. */
#define DD_SETTING_HOLIDAYS_SHIPPED              "holidays-shipped"

/**
 * DdDeadlineRules:
 * @suggestion_months: a deputy's suggestion is due this many calendar
 *   months after its assignment (the same day of the month, or the month's
 *   last day), moved on to the next working day if that is not one
 * @opinion_working_days: a voter's opinion is due this many working days
 *   after its assignment
 * @unit_return_working_days: a unit may return an item outside its remit up
 *   to this many working days after its assignment
 * @due_soon_working_days: an open item is "due soon" from this many working
 *   days before its deadline
 */
typedef struct
{
  int suggestion_months;
  int opinion_working_days;
  int unit_return_working_days;
  int due_soon_working_days;
} DdDeadlineRules;

#define DD_DEADLINE_RULES_DEFAULT { 3, 15, 5, 5 }

void        dd_deadline_rules_get           (DdStore               *store,
                                             DdDeadlineRules       *rules);
/* One transaction, audited as settings; DD_MODEL_ERROR_INVALID names a value
 * out of range (months 1–12, working days 1–120, return window 1–30,
 * due soon 0–60). */
gboolean    dd_deadline_rules_set           (DdStore               *store,
                                             const DdDeadlineRules *rules,
                                             GError               **error);

/**
 * DdDeadlineStatus:
 * @DD_DEADLINE_NONE: no deadline running, or more than the due-soon window left
 * @DD_DEADLINE_DUE_SOON: assigned or handling, due within the due-soon window
 *   (today included)
 * @DD_DEADLINE_OVERDUE: assigned or handling, and today is past the deadline
 */
typedef enum
{
  DD_DEADLINE_NONE,
  DD_DEADLINE_DUE_SOON,
  DD_DEADLINE_OVERDUE,
} DdDeadlineStatus;

GType       dd_deadline_status_get_type     (void) G_GNUC_CONST;
#define DD_TYPE_DEADLINE_STATUS (dd_deadline_status_get_type ())

/* "none", "due_soon", "overdue": the codes of the CLI's JSON. */
const char *dd_deadline_status_to_code      (DdDeadlineStatus       status);
/* Translated: "", "Due soon", "Overdue". */
const char *dd_deadline_status_get_label    (DdDeadlineStatus       status);

/**
 * DdHoliday:
 * One row of the holidays table: a day off (@kind "holiday") or a weekend
 * day worked in exchange (@kind "workday").
 */
typedef struct
{
  char *day;
  char *kind;
  char *name;
} DdHoliday;

void        dd_holiday_free                 (DdHoliday             *holiday);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DdHoliday, dd_holiday_free)

/* Copies the shipped calendar (2023–2026) into an empty holidays table, once
 * per database, in one transaction. Every function below calls it first; a
 * read-only connection uses the shipped calendar without copying it. */
gboolean    dd_calendar_ensure_holidays     (DdStore               *store,
                                             GError               **error);
/* The years the shipped calendar covers, e.g. "2023-2026". */
const char *dd_calendar_get_shipped_years   (void);

/* Monday to Friday unless a holiday, and any make-up workday. */
gboolean    dd_calendar_is_working_day      (DdStore               *store,
                                             const char            *day);
/* (transfer full): the @n-th working day after @day (@n ≥ 0; 0 gives @day). */
char       *dd_calendar_add_working_days    (DdStore               *store,
                                             const char            *day,
                                             int                    n);
/* The working days after @from up to and including @to; negative when @to
 * is before @from. add_working_days (d, n) is always n days from d. */
int         dd_calendar_working_days_between (DdStore              *store,
                                              const char           *from,
                                              const char           *to);
/* (transfer full): @day if it is a working day, else the next one. */
char       *dd_calendar_dup_next_working_day (DdStore              *store,
                                              const char           *day);
/* (transfer full): the same day @months later, or that month's last day
 * (2023-11-30 + 3 = 2024-02-29). Pure calendar arithmetic, like GDate's. */
char       *dd_calendar_add_months          (const char            *day,
                                             int                    months);
/* (transfer full): the reply deadline of a suggestion of @kind
 * (deputy_suggestion or voter_opinion) assigned on @assigned_on, by the
 * database's DdDeadlineRules. */
char       *dd_calendar_dup_deadline        (DdStore               *store,
                                             const char            *kind,
                                             const char            *assigned_on);

/* (transfer full) (element-type DdHoliday): the holidays and make-up
 * workdays of @year (0: all), by day. */
GPtrArray  *dd_calendar_list_holidays       (DdStore               *store,
                                             int                    year,
                                             GError               **error);
/* Adds or changes one day, audited (entity "holidays", id YYYYMMDD).
 * @kind is "holiday" or "workday"; a make-up workday must be a Saturday or
 * Sunday (DD_MODEL_ERROR_INVALID). */
gboolean    dd_calendar_set_holiday         (DdStore               *store,
                                             const char            *day,
                                             const char            *kind,
                                             const char            *name,
                                             GError               **error);
/* Removes one day, audited; DD_MODEL_ERROR_NOT_FOUND if it was not listed. */
gboolean    dd_calendar_remove_holiday      (DdStore               *store,
                                             const char            *day,
                                             GError               **error);

G_END_DECLS

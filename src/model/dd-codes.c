/* dd-codes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "dd-codes.h"

const char * const dd_deputy_levels[] = { "national", "provincial", "city", "county", "township", NULL };
const char * const dd_deputy_statuses[] = { "active", "resigned", "terminated", NULL };
const char * const dd_genders[] = { "male", "female", NULL };
const char * const dd_station_kinds[] = {
  "home", "professional_home", "liaison_station", "work_station", "studio", "activity_centre",
  "contact_point", NULL
};
const char * const dd_unit_kinds[] = {
  "government_department", "court", "procuratorate", "state_enterprise", "public_institution",
  "other", NULL
};
const char * const dd_suggestion_kinds[] = { "deputy_suggestion", "voter_opinion", NULL };
const char * const dd_suggestion_states[] = {
  "registered", "under_review", "assigned", "handling", "replied", "evaluated", "closed",
  "rejected", "merged", "transferred_out", NULL
};
const char * const dd_suggestion_categories[] = {
  "economy", "urban_construction", "education", "health", "environment", "agriculture",
  "social_security", "transport", "culture", "public_safety", "governance", "other", NULL
};
const char * const dd_reply_classes[] = { "A", "B", "C", NULL };
const char * const dd_verdicts[] = { "satisfied", "basically_satisfied", "unsatisfied", NULL };
const char * const dd_supervision_modes[] = { "on_site", "key", "tracking", NULL };
const char * const dd_activity_kinds[] = {
  "inspection", "research", "training", "law_enforcement_check", "group_activity",
  "attending_meeting", "reporting_to_voters", NULL
};
const char * const dd_attendance_statuses[] = { "present", "excused", "absent", NULL };
const char * const dd_assessment_grades[] = { "excellent", "good", "pass", "fail", NULL };
const char * const dd_assessment_stages[] = { "self", "township", "district", "approved", NULL };
const char * const dd_project_results[] = { "pending", "adopted", "rejected", NULL };
const char * const dd_project_votes[] = { "for", "against", "abstain", NULL };
const char * const dd_holiday_kinds[] = { "holiday", "workday", NULL };

static const struct { const char *code; const char *context; const char *label; } labels[] = {
  /* Deputies' levels (五级) */
  { "national", "level", NC_("level", "National") },
  { "provincial", "level", NC_("level", "Provincial") },
  { "city", "level", NC_("level", "City") },
  { "county", "level", NC_("level", "County") },
  { "township", "level", NC_("level", "Township") },
  { "active", "status", NC_("status", "Active") },
  { "resigned", "status", NC_("status", "Resigned") },
  { "terminated", "status", NC_("status", "Terminated") },
  { "male", "gender", NC_("gender", "Male") },
  { "female", "gender", NC_("gender", "Female") },
  { "home", "station", NC_("station", "Deputies’ home") },
  { "professional_home", "station", NC_("station", "Professional deputies’ home") },
  { "liaison_station", "station", NC_("station", "Liaison station") },
  { "work_station", "station", NC_("station", "Work station") },
  { "studio", "station", NC_("station", "Deputy’s studio") },
  { "activity_centre", "station", NC_("station", "Activity centre") },
  { "contact_point", "station", NC_("station", "Contact point") },
  { "government_department", "unit", NC_("unit", "Government department") },
  { "court", "unit", NC_("unit", "Court") },
  { "procuratorate", "unit", NC_("unit", "Procuratorate") },
  { "state_enterprise", "unit", NC_("unit", "State enterprise") },
  { "public_institution", "unit", NC_("unit", "Public institution") },
  { "other", "unit", NC_("unit", "Other") },
  { "other", "category", NC_("category", "Other") },
  { "deputy_suggestion", "kind", NC_("kind", "Deputy’s suggestion") },
  { "voter_opinion", "kind", NC_("kind", "Voter’s opinion") },
  { "registered", "state", NC_("state", "Registered") },
  { "under_review", "state", NC_("state", "Under review") },
  { "assigned", "state", NC_("state", "Assigned") },
  { "handling", "state", NC_("state", "Handling") },
  { "replied", "state", NC_("state", "Replied") },
  { "evaluated", "state", NC_("state", "Evaluated") },
  { "closed", "state", NC_("state", "Closed") },
  { "rejected", "state", NC_("state", "Rejected") },
  { "merged", "state", NC_("state", "Merged") },
  { "transferred_out", "state", NC_("state", "Transferred out") },
  { "economy", "category", NC_("category", "Economy") },
  { "urban_construction", "category", NC_("category", "Urban construction") },
  { "education", "category", NC_("category", "Education") },
  { "health", "category", NC_("category", "Health") },
  { "environment", "category", NC_("category", "Environment") },
  { "agriculture", "category", NC_("category", "Agriculture") },
  { "social_security", "category", NC_("category", "Social security") },
  { "transport", "category", NC_("category", "Transport") },
  { "culture", "category", NC_("category", "Culture") },
  { "public_safety", "category", NC_("category", "Public safety") },
  { "governance", "category", NC_("category", "Governance") },
  { "A", "reply", NC_("reply", "A: solved or adopted") },
  { "B", "reply", NC_("reply", "B: being solved") },
  { "C", "reply", NC_("reply", "C: kept for reference") },
  { "satisfied", "verdict", NC_("verdict", "Satisfied") },
  { "basically_satisfied", "verdict", NC_("verdict", "Basically satisfied") },
  { "unsatisfied", "verdict", NC_("verdict", "Unsatisfied") },
  { "on_site", "supervision", NC_("supervision", "On-site") },
  { "key", "supervision", NC_("supervision", "Key") },
  { "tracking", "supervision", NC_("supervision", "Tracking") },
  { "inspection", "activity", NC_("activity", "Inspection") },
  { "research", "activity", NC_("activity", "Research") },
  { "training", "activity", NC_("activity", "Training") },
  { "law_enforcement_check", "activity", NC_("activity", "Law-enforcement check") },
  { "group_activity", "activity", NC_("activity", "Group activity") },
  { "attending_meeting", "activity", NC_("activity", "Attending a meeting") },
  { "reporting_to_voters", "activity", NC_("activity", "Reporting to voters") },
  { "present", "attendance", NC_("attendance", "Present") },
  { "excused", "attendance", NC_("attendance", "Excused") },
  { "absent", "attendance", NC_("attendance", "Absent") },
  { "excellent", "grade", NC_("grade", "Excellent") },
  { "good", "grade", NC_("grade", "Good") },
  { "pass", "grade", NC_("grade", "Pass") },
  { "fail", "grade", NC_("grade", "Fail") },
  /* The assessment's chain of review: self → township → district → approved */
  { "self", "stage", NC_("stage", "Self-assessment") },
  { "township", "stage", NC_("stage", "Township review") },
  { "district", "stage", NC_("stage", "District review") },
  { "approved", "stage", NC_("stage", "Approved") },
  { "pending", "result", NC_("result", "Pending") },
  { "adopted", "result", NC_("result", "Adopted") },
  { "rejected", "result", NC_("result", "Rejected") },
  { "for", "vote", NC_("vote", "For") },
  { "against", "vote", NC_("vote", "Against") },
  { "abstain", "vote", NC_("vote", "Abstain") },
  /* The holidays table: a day off, or a weekend day worked in exchange (调休上班) */
  { "holiday", "holiday", NC_("holiday", "Holiday") },
  { "workday", "holiday", NC_("holiday", "Make-up workday") },
};

static const char *
context_of (const char * const *codes)
{
  if (codes == dd_deputy_levels) return "level";
  if (codes == dd_deputy_statuses) return "status";
  if (codes == dd_genders) return "gender";
  if (codes == dd_station_kinds) return "station";
  if (codes == dd_unit_kinds) return "unit";
  if (codes == dd_suggestion_kinds) return "kind";
  if (codes == dd_suggestion_states) return "state";
  if (codes == dd_suggestion_categories) return "category";
  if (codes == dd_reply_classes) return "reply";
  if (codes == dd_verdicts) return "verdict";
  if (codes == dd_supervision_modes) return "supervision";
  if (codes == dd_activity_kinds) return "activity";
  if (codes == dd_attendance_statuses) return "attendance";
  if (codes == dd_assessment_grades) return "grade";
  if (codes == dd_assessment_stages) return "stage";
  if (codes == dd_project_results) return "result";
  if (codes == dd_project_votes) return "vote";
  if (codes == dd_holiday_kinds) return "holiday";
  return NULL;
}

const char *
dd_code_label (const char * const *codes,
               const char         *code)
{
  const char *context = context_of (codes);

  if (code == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].code, code) &&
        (context == NULL || g_str_equal (labels[i].context, context)))
      return g_dpgettext2 (GETTEXT_PACKAGE, labels[i].context, labels[i].label);
  return code;
}

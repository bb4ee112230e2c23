/* dd-schema.c: the database schema, one script a version
 *
 * Names are fixed by DESIGN.md so that other tools can read the file:
 * plural snake_case tables, ISO-8601 text dates (`_on`) and times (`_at`),
 * `<entity>_id` references, enums as text codes with a CHECK each.
 * A later version appends a script; a published one never changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "dd-store-private.h"

#define DATE_CHECK(col) "CHECK (" col " IS NULL OR (length(" col ") = 10 AND date(" col ") = " col "))"
#define TIME_CHECK(col) "CHECK (length(" col ") = 19 AND datetime(" col ") = replace(" col ", 'T', ' '))"

static const char schema_v1[] =
  /* Settings kept in the database, so that every desk sharing it agrees
   * (office name, deadline rules …). */
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT"
  ");"

  /* One row per seat: a person who sits at several levels has one row per
   * level, grouped by person_id (the id of the person's first seat). */
  "CREATE TABLE deputies ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER,"
  "  code TEXT UNIQUE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  gender TEXT CHECK (gender IN ('male', 'female')),"
  "  ethnicity TEXT,"
  "  birth_on TEXT " DATE_CHECK ("birth_on") ","
  "  level TEXT NOT NULL CHECK (level IN ('national', 'provincial', 'city', 'county', 'township')),"
  "  term INTEGER NOT NULL CHECK (term BETWEEN 1 AND 99),"
  "  constituency TEXT,"
  "  district TEXT,"
  "  township TEXT,"
  "  occupation TEXT,"
  "  group_name TEXT,"
  "  phone TEXT,"
  "  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'resigned', 'terminated')),"
  "  status_on TEXT " DATE_CHECK ("status_on") ","
  "  status_reason TEXT,"
  "  note TEXT,"
  "  created_at TEXT NOT NULL " TIME_CHECK ("created_at") ","
  "  updated_at TEXT NOT NULL " TIME_CHECK ("updated_at") ","
  "  CHECK ((status = 'active') = (status_on IS NULL))"
  ");"
  "CREATE INDEX deputies_by_name ON deputies (name, id);"
  "CREATE INDEX deputies_by_level ON deputies (level, status, name);"
  "CREATE INDEX deputies_by_status ON deputies (status, name);"
  "CREATE INDEX deputies_by_group ON deputies (group_name, name);"
  "CREATE INDEX deputies_by_person ON deputies (person_id);"
  "CREATE INDEX deputies_by_place ON deputies (district, township);"

  "CREATE TABLE stations ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT UNIQUE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  kind TEXT NOT NULL CHECK (kind IN ('home', 'professional_home', 'liaison_station',"
  "    'work_station', 'studio', 'activity_centre', 'contact_point')),"
  "  address TEXT,"
  "  district TEXT,"
  "  township TEXT,"
  "  schedule_days TEXT,"      /* 三定: fixed time … */
  "  schedule_hours TEXT,"
  "  schedule_place TEXT,"     /* … and place; the people are station_deputies.on_duty */
  "  contact_name TEXT,"
  "  contact_phone TEXT,"
  "  upgraded_on TEXT " DATE_CHECK ("upgraded_on") ","
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  note TEXT,"
  "  created_at TEXT NOT NULL " TIME_CHECK ("created_at") ","
  "  updated_at TEXT NOT NULL " TIME_CHECK ("updated_at")
  ");"
  "CREATE INDEX stations_by_kind ON stations (kind, name);"
  "CREATE INDEX stations_by_place ON stations (district, township, name);"
  "CREATE INDEX stations_by_name ON stations (name);"

  /* The office's standards checklist ("八有" by default) and each station's ticks. */
  "CREATE TABLE checklist_items ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  label TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
  ");"
  "INSERT INTO checklist_items (code, label, position) VALUES"
  "  ('site', '有场所', 1), ('sign', '有标识', 2), ('rules', '有制度', 3),"
  "  ('staff', '有人员', 4), ('funds', '有经费', 5), ('activities', '有活动', 6),"
  "  ('ledger', '有台账', 7), ('results', '有成效', 8);"
  "CREATE TABLE station_checklist ("
  "  station_id INTEGER NOT NULL REFERENCES stations (id) ON DELETE CASCADE,"
  "  item_id INTEGER NOT NULL REFERENCES checklist_items (id) ON DELETE CASCADE,"
  "  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
  "  checked_on TEXT " DATE_CHECK ("checked_on") ","
  "  PRIMARY KEY (station_id, item_id)"
  ");"

  "CREATE TABLE station_deputies ("
  "  station_id INTEGER NOT NULL REFERENCES stations (id) ON DELETE CASCADE,"
  "  deputy_id INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,"
  "  on_duty INTEGER NOT NULL DEFAULT 0 CHECK (on_duty IN (0, 1)),"
  "  since_on TEXT " DATE_CHECK ("since_on") ","
  "  PRIMARY KEY (station_id, deputy_id)"
  ");"
  "CREATE INDEX station_deputies_by_deputy ON station_deputies (deputy_id, station_id);"

  "CREATE TABLE receptions ("
  "  id INTEGER PRIMARY KEY,"
  "  station_id INTEGER NOT NULL REFERENCES stations (id) ON DELETE RESTRICT,"
  "  held_on TEXT NOT NULL " DATE_CHECK ("held_on") ","
  "  voters_received INTEGER NOT NULL DEFAULT 0 CHECK (voters_received >= 0),"
  "  petitions_handled INTEGER NOT NULL DEFAULT 0 CHECK (petitions_handled >= 0),"
  "  topic TEXT,"
  "  note TEXT,"
  "  created_at TEXT NOT NULL " TIME_CHECK ("created_at")
  ");"
  "CREATE INDEX receptions_by_station ON receptions (station_id, held_on);"
  "CREATE INDEX receptions_by_date ON receptions (held_on, station_id);"
  "CREATE TABLE reception_deputies ("
  "  reception_id INTEGER NOT NULL REFERENCES receptions (id) ON DELETE CASCADE,"
  "  deputy_id INTEGER NOT NULL REFERENCES deputies (id) ON DELETE RESTRICT,"
  "  PRIMARY KEY (reception_id, deputy_id)"
  ");"
  "CREATE INDEX reception_deputies_by_deputy ON reception_deputies (deputy_id, reception_id);"

  "CREATE TABLE units ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  kind TEXT NOT NULL DEFAULT 'government_department' CHECK (kind IN ('government_department',"
  "    'court', 'procuratorate', 'state_enterprise', 'public_institution', 'other')),"
  "  contact_name TEXT,"
  "  contact_phone TEXT,"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
  "  created_at TEXT NOT NULL " TIME_CHECK ("created_at")
  ");"

  "CREATE TABLE suggestions ("
  "  id INTEGER PRIMARY KEY,"
  "  number TEXT UNIQUE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('deputy_suggestion', 'voter_opinion')),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  body TEXT,"
  "  category TEXT NOT NULL DEFAULT 'other' CHECK (category IN ('economy', 'urban_construction',"
  "    'education', 'health', 'environment', 'agriculture', 'social_security', 'transport',"
  "    'culture', 'public_safety', 'governance', 'other')),"
  "  state TEXT NOT NULL DEFAULT 'registered' CHECK (state IN ('registered', 'under_review',"
  "    'assigned', 'handling', 'replied', 'evaluated', 'closed', 'rejected', 'merged',"
  "    'transferred_out')),"
  "  registered_on TEXT NOT NULL " DATE_CHECK ("registered_on") ","
  "  station_id INTEGER REFERENCES stations (id) ON DELETE SET NULL,"
  "  reception_id INTEGER REFERENCES receptions (id) ON DELETE SET NULL,"
  "  voter_name TEXT,"
  "  voter_phone TEXT,"
  "  assigned_on TEXT " DATE_CHECK ("assigned_on") ","
  "  deadline_on TEXT " DATE_CHECK ("deadline_on") ","
  "  replied_on TEXT " DATE_CHECK ("replied_on") ","
  "  evaluated_on TEXT " DATE_CHECK ("evaluated_on") ","
  "  closed_on TEXT " DATE_CHECK ("closed_on") ","
  "  round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),"
  "  merged_into_id INTEGER REFERENCES suggestions (id) ON DELETE RESTRICT,"
  "  rejection_reason TEXT,"
  "  transferred_to TEXT,"
  "  published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),"
  "  created_at TEXT NOT NULL " TIME_CHECK ("created_at") ","
  "  updated_at TEXT NOT NULL " TIME_CHECK ("updated_at") ","
  "  CHECK ((state = 'merged') = (merged_into_id IS NOT NULL))"
  ");"
  /* One index per board column and dashboard query (PERFORMANCE.md). */
  "CREATE INDEX suggestions_by_state ON suggestions (state, registered_on, id);"
  "CREATE INDEX suggestions_by_date ON suggestions (registered_on, state);"
  "CREATE INDEX suggestions_by_kind ON suggestions (kind, state, registered_on);"
  "CREATE INDEX suggestions_by_category ON suggestions (category, state);"
  "CREATE INDEX suggestions_by_station ON suggestions (station_id, registered_on);"
  "CREATE INDEX suggestions_by_reception ON suggestions (reception_id);"
  "CREATE INDEX suggestions_by_deadline ON suggestions (deadline_on) WHERE deadline_on IS NOT NULL;"
  "CREATE INDEX suggestions_by_merge ON suggestions (merged_into_id) WHERE merged_into_id IS NOT NULL;"

  "CREATE TABLE suggestion_proposers ("
  "  suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,"
  "  deputy_id INTEGER NOT NULL REFERENCES deputies (id) ON DELETE RESTRICT,"
  "  position INTEGER NOT NULL DEFAULT 1,"   /* 1 = the lead proposer (领衔) */
  "  PRIMARY KEY (suggestion_id, deputy_id)"
  ");"
  "CREATE INDEX suggestion_proposers_by_deputy ON suggestion_proposers (deputy_id, suggestion_id);"

  "CREATE TABLE suggestion_units ("
  "  suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,"
  "  unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,"
  "  role TEXT NOT NULL CHECK (role IN ('lead', 'co')),"
  "  assigned_on TEXT NOT NULL " DATE_CHECK ("assigned_on") ","
  "  PRIMARY KEY (suggestion_id, unit_id)"
  ");"
  "CREATE UNIQUE INDEX suggestion_units_one_lead ON suggestion_units (suggestion_id) WHERE role = 'lead';"
  "CREATE INDEX suggestion_units_by_unit ON suggestion_units (unit_id, role, suggestion_id);"

  "CREATE TABLE supervisions ("
  "  id INTEGER PRIMARY KEY,"
  "  suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,"
  "  mode TEXT NOT NULL CHECK (mode IN ('on_site', 'key', 'tracking')),"
  "  leader_name TEXT,"
  "  started_on TEXT NOT NULL " DATE_CHECK ("started_on") ","
  "  ended_on TEXT " DATE_CHECK ("ended_on") ","
  "  note TEXT,"
  "  CHECK (mode <> 'key' OR leader_name IS NOT NULL)"
  ");"
  "CREATE INDEX supervisions_by_suggestion ON supervisions (suggestion_id, started_on);"
  "CREATE INDEX supervisions_by_mode ON supervisions (mode, ended_on);"

  "CREATE TABLE replies ("
  "  id INTEGER PRIMARY KEY,"
  "  suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,"
  "  unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,"
  "  round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),"
  "  class TEXT NOT NULL CHECK (class IN ('A', 'B', 'C')),"
  "  body TEXT NOT NULL,"
  "  replied_on TEXT NOT NULL " DATE_CHECK ("replied_on") ","
  "  co_units_signed_off INTEGER NOT NULL DEFAULT 0 CHECK (co_units_signed_off IN (0, 1))"
  ");"
  "CREATE INDEX replies_by_suggestion ON replies (suggestion_id, round);"
  "CREATE INDEX replies_by_unit ON replies (unit_id, class);"

  "CREATE TABLE evaluations ("
  "  id INTEGER PRIMARY KEY,"
  "  suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,"
  "  deputy_id INTEGER NOT NULL REFERENCES deputies (id) ON DELETE RESTRICT,"
  "  round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),"
  "  verdict TEXT NOT NULL CHECK (verdict IN ('satisfied', 'basically_satisfied', 'unsatisfied')),"
  "  evaluated_on TEXT NOT NULL " DATE_CHECK ("evaluated_on") ","
  "  comment TEXT,"
  "  UNIQUE (suggestion_id, deputy_id, round)"
  ");"
  "CREATE INDEX evaluations_by_verdict ON evaluations (verdict, suggestion_id);"

  "CREATE TABLE activities ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('inspection', 'research', 'training',"
  "    'law_enforcement_check', 'group_activity', 'attending_meeting', 'reporting_to_voters')),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  held_on TEXT NOT NULL " DATE_CHECK ("held_on") ","
  "  ends_on TEXT " DATE_CHECK ("ends_on") ","
  "  place TEXT,"
  "  organizer TEXT,"
  "  note TEXT,"
  "  created_at TEXT NOT NULL " TIME_CHECK ("created_at")
  ");"
  "CREATE INDEX activities_by_kind ON activities (kind, held_on);"
  "CREATE INDEX activities_by_date ON activities (held_on);"
  "CREATE TABLE attendances ("
  "  activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,"
  "  deputy_id INTEGER NOT NULL REFERENCES deputies (id) ON DELETE RESTRICT,"
  "  status TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent')),"
  "  PRIMARY KEY (activity_id, deputy_id)"
  ");"
  "CREATE INDEX attendances_by_deputy ON attendances (deputy_id, status);"

  /* Yearly duty assessment: configurable rules, one score a deputy a year. */
  "CREATE TABLE assessment_rules ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  label TEXT NOT NULL,"
  "  max_points REAL NOT NULL CHECK (max_points >= 0),"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE assessments ("
  "  id INTEGER PRIMARY KEY,"
  "  deputy_id INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2999),"
  "  score REAL CHECK (score IS NULL OR score BETWEEN 0 AND 100),"
  "  grade TEXT CHECK (grade IN ('excellent', 'good', 'pass', 'fail')),"
  "  stage TEXT NOT NULL DEFAULT 'self' CHECK (stage IN ('self', 'township', 'district', 'approved')),"
  "  note TEXT,"
  "  UNIQUE (deputy_id, year)"
  ");"
  "CREATE TABLE assessment_scores ("
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
  "  rule_id INTEGER NOT NULL REFERENCES assessment_rules (id) ON DELETE RESTRICT,"
  "  points REAL NOT NULL CHECK (points >= 0),"
  "  PRIMARY KEY (assessment_id, rule_id)"
  ");"

  /* 民生实事票决: livelihood projects voted by deputies. */
  "CREATE TABLE projects ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2999),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  description TEXT,"
  "  budget_yuan INTEGER CHECK (budget_yuan IS NULL OR budget_yuan >= 0),"
  "  unit_id INTEGER REFERENCES units (id) ON DELETE SET NULL,"
  "  voted_on TEXT " DATE_CHECK ("voted_on") ","
  "  result TEXT NOT NULL DEFAULT 'pending' CHECK (result IN ('pending', 'adopted', 'rejected'))"
  ");"
  "CREATE INDEX projects_by_year ON projects (year);"
  "CREATE TABLE project_votes ("
  "  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,"
  "  deputy_id INTEGER NOT NULL REFERENCES deputies (id) ON DELETE RESTRICT,"
  "  vote TEXT NOT NULL CHECK (vote IN ('for', 'against', 'abstain')),"
  "  PRIMARY KEY (project_id, deputy_id)"
  ");"

  /* Public holidays and make-up workdays (调休) for deadlines on working days. */
  "CREATE TABLE holidays ("
  "  day TEXT PRIMARY KEY " DATE_CHECK ("day") ","
  "  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),"
  "  name TEXT"
  ");"

  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  changed_at TEXT NOT NULL " TIME_CHECK ("changed_at") ","
  "  operator TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  entity_id INTEGER NOT NULL,"
  "  field TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT"
  ");"
  "CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, id);"
  "CREATE INDEX audit_log_by_time ON audit_log (changed_at);";

/* Version 2: search and the board (issue 4).
 *
 * suggestions_fts indexes title and body with the dd_bigram tokenizer
 * (dd-fts.c: every character as a bigram with the next and on its own, so
 * that a search equals a LIKE scan). It keeps no copy of the text
 * (external content: content='suggestions'), and no column sizes, which
 * only ranking would read; a search is ordered by date, not rank.
 * An inserted suggestion is indexed by its writer (DdSuggestion, or one
 * INSERT … SELECT after a bulk load: a per-row trigger would cut a bulk
 * insert to a tenth, PERFORMANCE.md); a changed title or text and a
 * deletion by the triggers, which alone know the old text that an
 * external-content index must be told to forget. Without the tokenizer
 * (another program) the table, and so those two writes, are refused
 * rather than left out of step.
 *
 * Indexes for each board column and filter, so that none reads the whole
 * suggestions table: the deadline order of the columns awaiting a reply
 * (and the overdue filter), category with the date order, and the
 * suggestions under a mode of supervision that has not ended, without
 * reading the supervisions themselves. */
static const char schema_v2[] =
  "CREATE VIRTUAL TABLE suggestions_fts USING fts5 ("
  "  title, body,"
  "  content = 'suggestions', content_rowid = 'id',"
  "  tokenize = 'dd_bigram',"
  "  columnsize = 0"
  ");"
  "INSERT INTO suggestions_fts (rowid, title, body) SELECT id, title, body FROM suggestions;"
  "CREATE TRIGGER suggestions_fts_update AFTER UPDATE OF id, title, body ON suggestions"
  "  WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.body IS NOT new.body "
  "BEGIN"
  "  INSERT INTO suggestions_fts (suggestions_fts, rowid, title, body)"
  "    VALUES ('delete', old.id, old.title, old.body);"
  "  INSERT INTO suggestions_fts (rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"
  "CREATE TRIGGER suggestions_fts_delete AFTER DELETE ON suggestions "
  "BEGIN"
  "  INSERT INTO suggestions_fts (suggestions_fts, rowid, title, body)"
  "    VALUES ('delete', old.id, old.title, old.body);"
  "END;"

  "CREATE INDEX suggestions_by_state_deadline ON suggestions (state, deadline_on);"
  "DROP INDEX suggestions_by_category;"
  "CREATE INDEX suggestions_by_category ON suggestions (category, state, registered_on);"
  "DROP INDEX supervisions_by_mode;"
  "CREATE INDEX supervisions_by_mode ON supervisions (mode, ended_on, suggestion_id);";

/* Version 3: exchange between offices (issue 6).
 *
 * What an import from another office's exchange file made of each of its
 * records: the sending office's id (a UUID, its settings' "office-id"),
 * the record's table and id there, and the id of the local row. Importing
 * the same file again finds its records here and adds nothing. A local
 * row deleted later takes its entries with it (a trigger per table: the
 * origin is not a foreign key, since it points into five tables). */
static const char schema_v3[] =
  "CREATE TABLE exchange_origins ("
  "  office_id TEXT NOT NULL CHECK (length(office_id) > 0),"
  "  origin_table TEXT NOT NULL CHECK (origin_table IN ('units', 'deputies', 'stations',"
  "    'receptions', 'suggestions')),"
  "  origin_id INTEGER NOT NULL,"
  "  local_id INTEGER NOT NULL,"
  "  imported_at TEXT NOT NULL " TIME_CHECK ("imported_at") ","
  "  PRIMARY KEY (office_id, origin_table, origin_id)"
  ");"
  "CREATE INDEX exchange_origins_by_local ON exchange_origins (origin_table, local_id);"
  /* The statistics' closures by month (dd-analytics.c) read closed suggestions
   * by closing date; without it every suggestion of the state is visited. */
  "CREATE INDEX suggestions_by_closed_on ON suggestions (state, closed_on);"
  "CREATE TRIGGER exchange_origins_units AFTER DELETE ON units BEGIN"
  "  DELETE FROM exchange_origins WHERE origin_table = 'units' AND local_id = old.id; END;"
  "CREATE TRIGGER exchange_origins_deputies AFTER DELETE ON deputies BEGIN"
  "  DELETE FROM exchange_origins WHERE origin_table = 'deputies' AND local_id = old.id; END;"
  "CREATE TRIGGER exchange_origins_stations AFTER DELETE ON stations BEGIN"
  "  DELETE FROM exchange_origins WHERE origin_table = 'stations' AND local_id = old.id; END;"
  "CREATE TRIGGER exchange_origins_receptions AFTER DELETE ON receptions BEGIN"
  "  DELETE FROM exchange_origins WHERE origin_table = 'receptions' AND local_id = old.id; END;"
  "CREATE TRIGGER exchange_origins_suggestions AFTER DELETE ON suggestions BEGIN"
  "  DELETE FROM exchange_origins WHERE origin_table = 'suggestions' AND local_id = old.id; END;";

const char * const dd_schema_migrations[] = {
  NULL,
  schema_v1,
  schema_v2,
  schema_v3,
};

G_STATIC_ASSERT (G_N_ELEMENTS (dd_schema_migrations) == DD_STORE_SCHEMA_VERSION + 1);

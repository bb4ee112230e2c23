/* dd-entity.h: the base of every stored record (deputy, station, unit …)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dd-store.h"

G_BEGIN_DECLS

typedef enum
{
  DD_FIELD_TEXT,   /* string property, TEXT column */
  DD_FIELD_DATE,   /* string property YYYY-MM-DD */
  DD_FIELD_ENUM,   /* string property, one of DdField.codes */
  DD_FIELD_INT,    /* gint64 property, INTEGER column */
  DD_FIELD_REF,    /* gint64 property, the id of a row of DdField.ref_table; 0 = none */
  DD_FIELD_BOOL,   /* boolean property, INTEGER 0/1 column */
} DdFieldType;

/**
 * DdField:
 * One column of an entity. The property name is the column name with
 * dashes ("group-name" ↔ group_name).
 */
typedef struct
{
  const char          *name;
  DdFieldType          type;
  const char          *label;      /* an untranslated msgid ("Name"): what messages call it */
  gboolean             required;
  gboolean             managed;    /* set by the model (code, person id), never by forms */
  const char * const  *codes;      /* DD_FIELD_ENUM */
  const char          *ref_table;  /* DD_FIELD_REF */
  gint64               min;        /* DD_FIELD_INT, checked when max > min */
  gint64               max;
  const char          *fallback;   /* the value of a new record, if any */
} DdField;

/**
 * DdProblem:
 * One validation failure: the property at fault and a translated message.
 */
typedef struct
{
  char *field;
  char *message;
} DdProblem;

void dd_problem_free (DdProblem *problem);
void dd_problems_add (GPtrArray  *problems,
                      const char *field,
                      char       *message);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DdProblem, dd_problem_free)

#define DD_TYPE_ENTITY (dd_entity_get_type ())
G_DECLARE_DERIVABLE_TYPE (DdEntity, dd_entity, DD, ENTITY, GObject)

struct _DdEntityClass
{
  GObjectClass parent_class;

  const char    *table;
  const DdField *fields;
  guint          n_fields;
  gboolean       has_created_at;
  gboolean       has_updated_at;

  /* Cross-field checks; append DdProblems. */
  void     (*check)    (DdEntity   *self,
                        DdStore    *store,
                        GPtrArray  *problems);
  /* Runs in the insert's transaction once the id is known. */
  gboolean (*inserted) (DdEntity   *self,
                        DdStore    *store,
                        GError    **error);

  /*< private >*/
  char          *select_sql;
  GParamSpec   **field_pspecs;
  gpointer       padding[8];
};

void        dd_entity_class_install_fields (DdEntityClass  *klass,
                                            const char     *table,
                                            const DdField  *fields,
                                            guint           n_fields);

gpointer    dd_entity_load          (GType          type,
                                     DdStore       *store,
                                     gint64         id,
                                     GError       **error);
gboolean    dd_entity_reload        (DdEntity      *self,
                                     DdStore       *store,
                                     GError       **error);
GPtrArray  *dd_entity_check         (DdEntity      *self,
                                     DdStore       *store);
gboolean    dd_entity_validate      (DdEntity      *self,
                                     DdStore       *store,
                                     GError       **error);
gboolean    dd_entity_save          (DdEntity      *self,
                                     DdStore       *store,
                                     GError       **error);
gboolean    dd_entity_delete        (DdEntity      *self,
                                     DdStore       *store,
                                     GError       **error);

gint64      dd_entity_get_id        (DdEntity      *self);
const char *dd_entity_get_table     (DdEntity      *self);
const char *dd_entity_get_created_at (DdEntity     *self);
const char *dd_entity_get_string    (DdEntity      *self,
                                     const char    *field);
gint64      dd_entity_get_int       (DdEntity      *self,
                                     const char    *field);
gboolean    dd_entity_get_bool      (DdEntity      *self,
                                     const char    *field);
const DdField *dd_entity_class_find_field (DdEntityClass *klass,
                                           const char    *name);
const char *dd_field_get_label      (const DdField *field);

G_END_DECLS

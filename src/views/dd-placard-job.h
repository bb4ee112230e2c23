/* dd-placard-job.h: placards ("一家一码 / 一人一码") saved as a PDF or printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dd-deputy.h"
#include "dd-station.h"

G_BEGIN_DECLS

#define DD_TYPE_PLACARD_JOB (dd_placard_job_get_type ())
G_DECLARE_FINAL_TYPE (DdPlacardJob, dd_placard_job, DD, PLACARD_JOB, GObject)

DdPlacardJob *dd_placard_job_new              (DdStore            *store);
void          dd_placard_job_add_station      (DdPlacardJob       *self,
                                               DdStation          *station);
void          dd_placard_job_add_deputy       (DdPlacardJob       *self,
                                               DdDeputy           *deputy);
guint         dd_placard_job_get_n_placards   (DdPlacardJob       *self);
const char   *dd_placard_job_get_payload      (DdPlacardJob       *self,
                                               guint               index);
guint         dd_placard_job_get_per_page     (DdPlacardJob       *self);
void          dd_placard_job_set_per_page     (DdPlacardJob       *self,
                                               guint               per_page);
gboolean      dd_placard_job_get_busy         (DdPlacardJob       *self);

void          dd_placard_job_write_pdf_async  (DdPlacardJob       *self,
                                               const char         *path,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean      dd_placard_job_write_pdf_finish (DdPlacardJob       *self,
                                               GAsyncResult       *result,
                                               GError            **error);
void          dd_placard_job_save_as          (DdPlacardJob       *self,
                                               GtkWindow          *parent);
void          dd_placard_job_print            (DdPlacardJob       *self,
                                               GtkWindow          *parent);

G_END_DECLS

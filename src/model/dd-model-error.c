/* dd-model-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "dd-model-error.h"

G_DEFINE_QUARK (dd-model-error-quark, dd_model_error)

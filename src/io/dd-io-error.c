/* dd-io-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "dd-io-error.h"

G_DEFINE_QUARK (dd-io-error-quark, dd_io_error)

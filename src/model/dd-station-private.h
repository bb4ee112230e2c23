/* dd-station-private.h: SQL the station list and the figures share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* TRUE when the station aliased `s` has every active checklist item ticked
 * (vacuously when no item is active). One ordered pass over
 * station_checklist builds the set of complete stations; a NOT EXISTS per
 * station and item took twice as long at 5 000 stations. station_id is
 * NOT NULL, so NOT (…) is the exact complement. */
#define DD_SQL_STATION_COMPLETE \
  "(s.id IN (SELECT sc.station_id FROM station_checklist sc WHERE sc.done = 1" \
  " AND sc.item_id IN (SELECT id FROM checklist_items WHERE active = 1)" \
  " GROUP BY sc.station_id HAVING count(*) = (SELECT count(*) FROM checklist_items WHERE active = 1))" \
  " OR NOT EXISTS (SELECT 1 FROM checklist_items WHERE active = 1))"

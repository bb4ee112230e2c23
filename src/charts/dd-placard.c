/* dd-placard.c: QR placards for stations and deputies ("一家一码 / 一人一码")
 *
 * One placard fills the rectangle it is given: a thin dark-red frame, the
 * office small at the top over a short rule, the name large, the kind
 * between two short rules, the QR code as large as the rest allows with the
 * code under it, and the caption white on a dark-red band at the foot. A
 * rectangle wider than tall (two to a page) puts the QR code on the right.
 * Only black, white and one dark red, which prints as a dark grey.
 *
 * Every size is a multiple of one unit derived from the rectangle, so the
 * same design scales from a widget to a wall; layouts use unhinted metrics
 * so a PNG, the screen and a PDF break lines in the same places.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dd-charts"

#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "dd-charts-error.h"
#include "dd-placard.h"
#include "dd-placard-private.h"
#include "dd-qr-private.h"

/* Asked for by name: outside a Chinese locale fontconfig would otherwise
 * pick the Japanese cut of the same family. */
#define SANS_FAMILY "Noto Sans CJK SC, Source Han Sans SC, Noto Sans SC, WenQuanYi Micro Hei, sans-serif"
#define MONO_FAMILY "Noto Sans Mono CJK SC, DejaVu Sans Mono, monospace"

/* Page margin as a share of the page's shorter side: 10 mm on A4. Between
 * placards twice that, with the cut line in the middle, so each placard cut
 * out keeps the same white margin all round. */
#define PAGE_MARGIN_SHARE (28.35 / DD_PLACARD_PAGE_WIDTH)

typedef struct
{
  double r, g, b;
} Rgb;

/* A dark red that stays legible as grey on a monochrome printer. */
static const Rgb red = { 0.604, 0.086, 0.102 };
static const Rgb ink = { 0.08, 0.08, 0.08 };
static const Rgb white = { 1, 1, 1 };

typedef struct
{
  PangoLayout *layout;   /* NULL when not shown */
  double       x, y;     /* top left of the layout's box */
  double       width;    /* the box, for centring */
  double       height;   /* logical height */
  Rgb          colour;
} Text;

typedef struct
{
  double   width, height, unit;
  gboolean wide;

  double   frame_outer, frame_inner;  /* insets of the two rules of the frame */
  double   frame_outer_line, frame_inner_line;

  Text     office, name, kind, code, caption;

  double   rule_y, rule_x0, rule_x1, rule_line;  /* under the office */
  double   kind_rule;                            /* length of the rules beside the kind */
  double   band_x, band_y, band_w, band_h;       /* behind the caption; band_h 0 = none */

  QRcode  *qr;
  double   qr_x, qr_y, qr_size;
} Layout;

static void
text_clear (Text *text)
{
  g_clear_object (&text->layout);
}

static void
layout_clear (Layout *l)
{
  text_clear (&l->office);
  text_clear (&l->name);
  text_clear (&l->kind);
  text_clear (&l->code);
  text_clear (&l->caption);
  g_clear_pointer (&l->qr, QRcode_free);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* Chinese set in a formal style is spaced out a little; Latin letters
 * spaced as much look like a telegram. */
static gboolean
mostly_han (const char *text)
{
  int han = 0, other = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script == G_UNICODE_SCRIPT_HAN)
        han++;
      else if (script != G_UNICODE_SCRIPT_COMMON && script != G_UNICODE_SCRIPT_INHERITED)
        other++;
    }
  return han >= other;
}

/* A centred paragraph of @text in a box @width wide, at most @lines lines,
 * ellipsized beyond. @spacing is letter spacing in ems. */
static PangoLayout *
new_text (cairo_t     *cr,
          const char  *text,
          const char  *family,
          PangoWeight  weight,
          double       size,
          double       spacing,
          double       width,
          int          lines)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *desc = pango_font_description_from_string (family);
  PangoAttrList *attrs = pango_attr_list_new ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  /* Simplified Chinese glyph shapes, whatever the locale. */
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  pango_layout_context_changed (layout);

  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  if (!g_str_equal (family, MONO_FAMILY) && !mostly_han (text))
    {
      spacing /= 4;
      /* The CJK font's quotes and apostrophes are full width, which in a
       * Latin phrase ("deputies’ home") opens a gap: ask for its
       * proportional forms. */
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("pwid 1"));
    }
  if (spacing > 0)
    pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (spacing * size * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -lines);
  return layout;
}

static double
logical_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static double
logical_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static void
set_text (Text        *text,
          PangoLayout *layout,
          double       width,
          Rgb          colour)
{
  text->layout = layout;
  text->width = width;
  text->height = logical_height (layout);
  text->colour = colour;
}

/* The name as large as fits @width: one line from @largest down to
 * @one_line, then two balanced lines down to @smallest, then ellipsized.
 * @box is set to the width of the layout's box, at most @width. */
static PangoLayout *
fit_name (cairo_t    *cr,
          const char *name,
          double      width,
          double      largest,
          double      one_line,
          double      smallest,
          double     *box)
{
  PangoLayout *layout;
  double size;

  *box = width;
  for (size = largest; size >= one_line; size *= 0.96)
    {
      layout = new_text (cr, name, SANS_FAMILY, PANGO_WEIGHT_BOLD, size, 0.06, width, 1);
      if (!pango_layout_is_ellipsized (layout))
        return layout;
      g_object_unref (layout);
    }

  for (size = one_line; size >= smallest; size *= 0.96)
    {
      double natural, balanced;

      /* Two lines of about the same length, not a line and an orphan. */
      layout = new_text (cr, name, SANS_FAMILY, PANGO_WEIGHT_BOLD, size, 0.06, width, 1);
      pango_layout_set_width (layout, -1);
      natural = logical_width (layout);
      g_object_unref (layout);

      balanced = MIN (width, natural / 2 + 1.2 * size);
      layout = new_text (cr, name, SANS_FAMILY, PANGO_WEIGHT_BOLD, size, 0.06, balanced, 2);
      if (!pango_layout_is_ellipsized (layout))
        {
          *box = balanced;
          return layout;
        }
      g_object_unref (layout);

      layout = new_text (cr, name, SANS_FAMILY, PANGO_WEIGHT_BOLD, size, 0.06, width, 2);
      if (!pango_layout_is_ellipsized (layout))
        return layout;
      g_object_unref (layout);
    }

  return new_text (cr, name, SANS_FAMILY, PANGO_WEIGHT_BOLD, smallest, 0.06, width, 2);
}

/* The name fitted into [x, x + width), its box centred there. */
static void
layout_name (Layout          *l,
             cairo_t         *cr,
             const DdPlacard *placard,
             double           x,
             double           width,
             double           largest,
             double           one_line,
             double           smallest)
{
  PangoLayout *layout;
  double box;

  if (!has_text (placard->name))
    return;
  layout = fit_name (cr, placard->name, width, largest, one_line, smallest, &box);
  set_text (&l->name, layout, box, ink);
  l->name.x = x + (width - box) / 2;
}

/* The office over a short rule, and the caption's band: shared by both
 * arrangements. Returns where the body may start and end. */
static void
layout_header_and_band (Layout          *l,
                        cairo_t         *cr,
                        const DdPlacard *placard,
                        double           inset,
                        double           office_size,
                        double           caption_size,
                        double          *body_top,
                        double          *body_bottom)
{
  double u = l->unit, W = l->width, H = l->height;

  if (has_text (placard->office))
    {
      double w = W - 2 * inset, rule;

      set_text (&l->office,
                new_text (cr, placard->office, SANS_FAMILY, PANGO_WEIGHT_MEDIUM, office_size, 0.08, w, 2),
                w, red);
      l->office.x = inset;
      l->office.y = inset - 0.4 * u;
      l->rule_y = l->office.y + l->office.height + 0.9 * u;
      rule = CLAMP (logical_width (l->office.layout) + 6 * u, 0.5 * w, w);
      l->rule_x0 = (W - rule) / 2;
      l->rule_x1 = (W + rule) / 2;
      l->rule_line = 0.2 * u;
      *body_top = l->rule_y + 2.0 * u;
    }
  else
    *body_top = inset;

  if (has_text (placard->caption))
    {
      double w;

      l->band_h = 2.3 * caption_size;
      l->band_x = l->frame_inner + 1.0 * u;
      l->band_w = W - 2 * l->band_x;
      l->band_y = H - l->band_x - l->band_h;
      w = l->band_w - 2 * u;
      set_text (&l->caption,
                new_text (cr, placard->caption, SANS_FAMILY, PANGO_WEIGHT_BOLD, caption_size, 0.2, w, 1),
                w, white);
      l->caption.x = l->band_x + u;
      l->caption.y = l->band_y + (l->band_h - l->caption.height) / 2;
      *body_bottom = l->band_y - 1.2 * u;
    }
  else
    *body_bottom = H - inset;
}

/* The kind between two short rules, centred in [x, x + width). */
static void
layout_kind (Layout          *l,
             cairo_t         *cr,
             const DdPlacard *placard,
             double           x,
             double           width,
             double           size)
{
  double u = l->unit, natural;

  if (!has_text (placard->kind_label))
    return;

  set_text (&l->kind,
            new_text (cr, placard->kind_label, SANS_FAMILY, PANGO_WEIGHT_MEDIUM, size, 0.15, width, 1),
            width, red);
  l->kind.x = x;
  natural = logical_width (l->kind.layout);
  l->kind_rule = MIN (8 * u, (width - natural) / 2 - 1.6 * u);
  if (l->kind_rule < 2 * u)
    l->kind_rule = 0;
}

static void
layout_portrait (Layout          *l,
                 cairo_t         *cr,
                 const DdPlacard *placard)
{
  double u = l->unit, W = l->width;
  double inset = 5.5 * u, text_w = W - 2 * inset;
  double top, bottom, fixed, qr_max, spare, y;
  double name_gap = 1.0 * u, kind_gap = 0.4 * u;

  layout_header_and_band (l, cr, placard, inset, 3.4 * u, 3.8 * u, &top, &bottom);

  layout_name (l, cr, placard, inset, text_w, 12 * u, 6.5 * u, 4.4 * u);
  layout_kind (l, cr, placard, inset, text_w, 3.6 * u);
  if (has_text (placard->code))
    set_text (&l->code,
              new_text (cr, placard->code, MONO_FAMILY, PANGO_WEIGHT_NORMAL, 3.9 * u, 0.18, text_w, 1),
              text_w, ink);

  fixed = l->name.height + (l->name.layout != NULL ? name_gap : 0)
          + l->kind.height + (l->kind.layout != NULL ? kind_gap : 0)
          + l->code.height;
  /* The quiet zone is white anyway: the square may reach past the text
   * margin, up to the inner rule. */
  qr_max = W - 2 * (l->frame_inner + 1.2 * u);
  l->qr_size = MAX (MIN (bottom - top - fixed, qr_max), 0);
  spare = bottom - top - fixed - l->qr_size;

  y = top + spare / 2;
  l->name.y = y;
  y += l->name.height + (l->name.layout != NULL ? name_gap : 0);
  l->kind.y = y;
  y += l->kind.height + (l->kind.layout != NULL ? kind_gap : 0);
  l->qr_x = (W - l->qr_size) / 2;
  l->qr_y = y;
  y += l->qr_size;
  l->code.x = inset;
  l->code.y = y;
}

static void
layout_wide (Layout          *l,
             cairo_t         *cr,
             const DdPlacard *placard)
{
  double u = l->unit, W = l->width;
  double inset = 5.5 * u;
  double top, bottom, qr_room, text_x1, text_w, column, y;
  double name_gap = 1.2 * u;

  layout_header_and_band (l, cr, placard, inset, 3.0 * u, 3.5 * u, &top, &bottom);

  /* The QR code on the right, as tall as the body allows with the code under it. */
  if (has_text (placard->code))
    set_text (&l->code,
              new_text (cr, placard->code, MONO_FAMILY, PANGO_WEIGHT_NORMAL, 3.6 * u, 0.18, W, 1),
              W, ink);
  qr_room = bottom - top - l->code.height;
  l->qr_size = MAX (MIN (qr_room, 0.56 * W), 0);
  l->qr_x = W - (l->frame_inner + 1.2 * u) - l->qr_size;
  l->qr_y = top + (qr_room - l->qr_size) / 2;
  if (l->code.layout != NULL)
    {
      l->code.x = l->qr_x;
      l->code.y = l->qr_y + l->qr_size;
      l->code.width = l->qr_size;
      pango_layout_set_width (l->code.layout, pango_units_from_double (MAX (l->qr_size, 1)));
    }

  /* The text column stops where the QR code's white square starts. */
  text_x1 = l->qr_x - 0.5 * u;
  text_w = text_x1 - inset;

  layout_name (l, cr, placard, inset, text_w, 11 * u, 6.5 * u, 4.2 * u);
  layout_kind (l, cr, placard, inset, text_w, 3.4 * u);

  column = l->name.height + l->kind.height
           + (l->name.layout != NULL && l->kind.layout != NULL ? name_gap : 0);
  y = top + (bottom - top - column) / 2;
  l->name.y = y;
  y += l->name.height + (l->name.layout != NULL ? name_gap : 0);
  l->kind.y = y;
}

static gboolean
layout_compute (Layout           *l,
                cairo_t          *cr,
                double            width,
                double            height,
                const DdPlacard  *placard,
                GError          **error)
{
  memset (l, 0, sizeof *l);

  l->qr = dd_qr_encode (placard->payload, error);
  if (l->qr == NULL)
    return FALSE;

  l->width = width;
  l->height = height;
  l->wide = width > 1.15 * height;
  /* One unit: a hundredth of a portrait A-series placard's width. */
  if (l->wide)
    l->unit = MIN (width / 1.46, height) / 70;
  else
    l->unit = MIN (width, height / 1.414) / 100;

  l->frame_outer = 1.4 * l->unit;
  l->frame_outer_line = 0.55 * l->unit;
  l->frame_inner = 2.4 * l->unit;
  l->frame_inner_line = 0.16 * l->unit;

  if (l->wide)
    layout_wide (l, cr, placard);
  else
    layout_portrait (l, cr, placard);
  return TRUE;
}

static void
set_colour (cairo_t *cr,
            Rgb      colour)
{
  cairo_set_source_rgb (cr, colour.r, colour.g, colour.b);
}

static void
paint_text (cairo_t    *cr,
            const Text *text)
{
  if (text->layout == NULL)
    return;
  set_colour (cr, text->colour);
  cairo_move_to (cr, text->x, text->y);
  pango_cairo_update_layout (cr, text->layout);
  pango_cairo_show_layout (cr, text->layout);
}

static void
paint_kind_rules (cairo_t      *cr,
                  const Layout *l)
{
  PangoRectangle ink_rect, logical;
  double mid, left, right, gap = 1.6 * l->unit;

  if (l->kind.layout == NULL || l->kind_rule <= 0)
    return;

  pango_layout_get_extents (l->kind.layout, &ink_rect, &logical);
  mid = l->kind.y + (ink_rect.y + ink_rect.height / 2.0) / PANGO_SCALE;
  left = l->kind.x + (double) logical.x / PANGO_SCALE;
  right = left + (double) logical.width / PANGO_SCALE;

  set_colour (cr, red);
  cairo_set_line_width (cr, 0.22 * l->unit);
  cairo_move_to (cr, left - gap - l->kind_rule, mid);
  cairo_line_to (cr, left - gap, mid);
  cairo_move_to (cr, right + gap, mid);
  cairo_line_to (cr, right + gap + l->kind_rule, mid);
  cairo_stroke (cr);
}

static void
layout_paint (const Layout *l,
              cairo_t      *cr)
{
  double W = l->width, H = l->height;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, W, H);
  cairo_clip (cr);

  set_colour (cr, white);
  cairo_paint (cr);

  /* The frame: a rule and a hairline inside it. */
  set_colour (cr, red);
  cairo_set_line_width (cr, l->frame_outer_line);
  cairo_rectangle (cr, l->frame_outer, l->frame_outer, W - 2 * l->frame_outer, H - 2 * l->frame_outer);
  cairo_stroke (cr);
  cairo_set_line_width (cr, l->frame_inner_line);
  cairo_rectangle (cr, l->frame_inner, l->frame_inner, W - 2 * l->frame_inner, H - 2 * l->frame_inner);
  cairo_stroke (cr);

  if (l->office.layout != NULL)
    {
      paint_text (cr, &l->office);
      set_colour (cr, red);
      cairo_set_line_width (cr, l->rule_line);
      cairo_move_to (cr, l->rule_x0, l->rule_y);
      cairo_line_to (cr, l->rule_x1, l->rule_y);
      cairo_stroke (cr);
    }

  if (l->band_h > 0)
    {
      set_colour (cr, red);
      cairo_rectangle (cr, l->band_x, l->band_y, l->band_w, l->band_h);
      cairo_fill (cr);
      paint_text (cr, &l->caption);
    }

  paint_text (cr, &l->name);
  paint_text (cr, &l->kind);
  paint_kind_rules (cr, l);
  paint_text (cr, &l->code);

  if (l->qr_size > 0)
    dd_qr_paint (cr, l->qr, l->qr_x, l->qr_y, l->qr_size);

  cairo_restore (cr);
}

static gboolean
check_cairo (cairo_t  *cr,
             GError  **error)
{
  cairo_status_t status = cairo_status (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_FAILED,
               "Could not draw: %s", cairo_status_to_string (status));
  return FALSE;
}

/**
 * dd_placard_draw:
 * @cr: where to draw; the placard's top left is the origin of user space
 * @width: the placard's width in user units
 * @height: the placard's height in user units
 * @placard: what to print
 *
 * Draws one placard filling @width × @height, white background included.
 *
 * Returns: %FALSE with DD_CHARTS_ERROR_QR, drawing nothing, if the payload
 *   cannot be encoded
 */
gboolean
dd_placard_draw (cairo_t          *cr,
                 double            width,
                 double            height,
                 const DdPlacard  *placard,
                 GError          **error)
{
  Layout l;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (placard != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!layout_compute (&l, cr, width, height, placard, error))
    return FALSE;
  layout_paint (&l, cr);
  layout_clear (&l);
  return check_cairo (cr, error);
}

gboolean
dd_placard_get_qr_area (cairo_t          *cr,
                        double            width,
                        double            height,
                        const DdPlacard  *placard,
                        double           *x,
                        double           *y,
                        double           *size,
                        int              *modules,
                        GError          **error)
{
  Layout l;

  if (!layout_compute (&l, cr, width, height, placard, error))
    return FALSE;
  *x = l.qr_x;
  *y = l.qr_y;
  *size = l.qr_size;
  *modules = l.qr->width + 2 * DD_QR_QUIET_ZONE;
  layout_clear (&l);
  return TRUE;
}

/* Pages */

static gboolean
check_per_page (guint    per_page,
                GError **error)
{
  if (per_page == 1 || per_page == 2 || per_page == 4)
    return TRUE;
  g_set_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_INVALID,
               "%u placards a page is not a layout (1, 2 or 4)", per_page);
  return FALSE;
}

/**
 * dd_placards_page_count:
 *
 * Returns: the pages @n placards take at @per_page a page
 */
guint
dd_placards_page_count (guint n,
                        guint per_page)
{
  g_return_val_if_fail (per_page > 0, 0);
  return (n + per_page - 1) / per_page;
}

/* The rectangle of the @index-th placard of a page. */
static void
cell_rect (double  width,
           double  height,
           guint   per_page,
           guint   index,
           double *x,
           double *y,
           double *w,
           double *h)
{
  double m = PAGE_MARGIN_SHARE * MIN (width, height), gutter = 2 * m;

  switch (per_page)
    {
    case 1:
      *w = width - 2 * m;
      *h = height - 2 * m;
      *x = m;
      *y = m;
      break;
    case 2:
      *w = width - 2 * m;
      *h = (height - 2 * m - gutter) / 2;
      *x = m;
      *y = m + index * (*h + gutter);
      break;
    default:
      *w = (width - 2 * m - gutter) / 2;
      *h = (height - 2 * m - gutter) / 2;
      *x = m + (index % 2) * (*w + gutter);
      *y = m + (index / 2) * (*h + gutter);
      break;
    }
}

/* Dashed lines across the whole sheet, midway between placards, to cut along. */
static void
paint_cut_lines (cairo_t *cr,
                 double   width,
                 double   height,
                 guint    per_page)
{
  double scale = MIN (width, height) / DD_PLACARD_PAGE_WIDTH;
  double dashes[] = { 4 * scale, 3 * scale };

  if (per_page < 2)
    return;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_set_line_width (cr, 0.5 * scale);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, 0, height / 2);
  cairo_line_to (cr, width, height / 2);
  if (per_page == 4)
    {
      cairo_move_to (cr, width / 2, 0);
      cairo_line_to (cr, width / 2, height);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * dd_placards_draw_page:
 * @cr: where to draw; the page's top left is the origin of user space
 * @width: the page's width (e.g. DD_PLACARD_PAGE_WIDTH points)
 * @height: the page's height
 * @placards: (array length=n): every placard of the document
 * @per_page: 1, 2 (one above the other) or 4 (two by two)
 * @page: which page to draw, from 0
 *
 * Draws one page of placards with margins, and cut lines between them when
 * there are several to a page: what a GtkPrintOperation's ::draw-page and
 * dd_placards_write_pdf() both call.
 *
 * Returns: %FALSE with DD_CHARTS_ERROR_INVALID for a bad layout or page, or
 *   DD_CHARTS_ERROR_QR if a payload cannot be encoded
 */
gboolean
dd_placards_draw_page (cairo_t          *cr,
                       double            width,
                       double            height,
                       const DdPlacard  *placards,
                       guint             n,
                       guint             per_page,
                       guint             page,
                       GError          **error)
{
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (placards != NULL || n == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_per_page (per_page, error))
    return FALSE;
  if (page >= dd_placards_page_count (n, per_page))
    {
      g_set_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_INVALID,
                   "There is no page %u of %u placards at %u a page", page + 1, n, per_page);
      return FALSE;
    }

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_restore (cr);

  for (guint i = 0; i < per_page && page * per_page + i < n; i++)
    {
      double x, y, w, h;
      gboolean ok;

      cell_rect (width, height, per_page, i, &x, &y, &w, &h);
      cairo_save (cr);
      cairo_translate (cr, x, y);
      ok = dd_placard_draw (cr, w, h, &placards[page * per_page + i], error);
      cairo_restore (cr);
      if (!ok)
        return FALSE;
    }

  paint_cut_lines (cr, width, height, per_page);
  return check_cairo (cr, error);
}

/* PDF output: through GIO, so the file is replaced only once it is complete
 * and a failure leaves any earlier file as it was. */

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} Sink;

static cairo_status_t
write_to_stream_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* An IO error that names @path: GIO's own message when it already does. */
static void
set_io_error (GError     **error,
              const char  *path,
              const char  *message)
{
  g_autofree char *display = g_filename_display_name (path);

  if (strstr (message, display) != NULL)
    g_set_error_literal (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_IO, message);
  else
    g_set_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_IO, "“%s”: %s", display, message);
}

static gboolean
draw_document (cairo_t          *cr,
               const DdPlacard  *placards,
               guint             n,
               guint             per_page,
               GError          **error)
{
  guint pages = dd_placards_page_count (n, per_page);

  for (guint page = 0; page < pages; page++)
    {
      if (!dd_placards_draw_page (cr, DD_PLACARD_PAGE_WIDTH, DD_PLACARD_PAGE_HEIGHT,
                                  placards, n, per_page, page, error))
        return FALSE;
      cairo_show_page (cr);
    }
  return check_cairo (cr, error);
}

/**
 * dd_placards_write_pdf:
 * @path: the PDF file to write (replaced if it exists)
 * @placards: (array length=n): what to print, in order
 * @per_page: 1, 2 or 4
 *
 * Writes @n placards on A4 portrait pages, @per_page a page. Every payload
 * is encoded before the file is touched, and the file is replaced only when
 * the whole document is written.
 *
 * Returns: %FALSE with DD_CHARTS_ERROR_INVALID (no placards, bad layout),
 *   DD_CHARTS_ERROR_QR (a payload, prefixed with its code) or
 *   DD_CHARTS_ERROR_IO (a message naming @path)
 */
gboolean
dd_placards_write_pdf (const char       *path,
                       const DdPlacard  *placards,
                       guint             n,
                       guint             per_page,
                       GError          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) draw_error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  Sink sink = { NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (placards != NULL || n == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_per_page (per_page, error))
    return FALSE;
  if (n == 0)
    {
      g_set_error_literal (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_INVALID, "No placards to write");
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QRcode) code = dd_qr_encode (placards[i].payload, error);

      if (code == NULL)
        {
          g_prefix_error (error, "%s: ", has_text (placards[i].code) ? placards[i].code : placards[i].name);
          return FALSE;
        }
    }

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local_error);
  if (stream == NULL)
    {
      set_io_error (error, path, local_error->message);
      return FALSE;
    }

  sink.stream = G_OUTPUT_STREAM (stream);
  surface = cairo_pdf_surface_create_for_stream (write_to_stream_cb, &sink,
                                                 DD_PLACARD_PAGE_WIDTH, DD_PLACARD_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Deputy Desk");
  cr = cairo_create (surface);
  ok = draw_document (cr, placards, n, per_page, &draw_error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!ok || status != CAIRO_STATUS_SUCCESS || sink.error != NULL)
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      /* A cancelled close leaves the file as it was before. */
      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);

      if (sink.error != NULL)
        set_io_error (error, path, sink.error->message);
      else if (draw_error != NULL)
        g_propagate_error (error, g_steal_pointer (&draw_error));
      else
        set_io_error (error, path, cairo_status_to_string (status));
      g_clear_error (&sink.error);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      set_io_error (error, path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

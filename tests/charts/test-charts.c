/* test-charts.c: the chart renderers on image, SVG and PDF surfaces
 *
 * Every kind is drawn at several sizes with no, one and many items; the
 * pixels are read back for each series' colour, hit tests are checked
 * against data built so that only one item can own a colour, and files are
 * checked by their headers and with pdfinfo (poppler-utils).
 *
 * With DD_CHARTS_LOOK=DIR set, the test only writes sample PNGs of every
 * kind (English and Chinese, three palettes, three sizes) to DIR, to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "dd-charts.h"
#include "dd-chart-private.h"

static char *tmp_dir;

static const char *unit_prefixes[] = {
  "市城市管理综合行政执法局", "市住房和城乡建设局", "市交通运输局", "市教育局", "市卫生健康委员会",
  "市自然资源和规划局", "市生态环境局", "市人力资源和社会保障局", "市农业农村局", "市水务局",
  "市发展和改革委员会", "市市场监督管理局", "国网某某供电公司", "市公安局交通警察支队",
};

/* Chinese or English labels for the same data. */
typedef struct
{
  gboolean chinese;
} Lang;

static const char *
tr (const Lang *lang,
    const char *en,
    const char *zh)
{
  return lang->chinese ? zh : en;
}

static char *
unit_name (const Lang *lang,
           guint       i)
{
  if (lang->chinese)
    return g_strdup_printf ("%s%s", unit_prefixes[i % G_N_ELEMENTS (unit_prefixes)],
                            i >= G_N_ELEMENTS (unit_prefixes) ? "第二分局" : "");
  return g_strdup_printf ("Municipal Bureau of Public Works and Services No. %u", i + 1);
}

static DdChart *
new_donut (const Lang *lang,
           guint       n)
{
  DdChart *chart = dd_chart_new_donut ();
  const double counts[] = { 1204, 312, 41, 17, 9 };
  const char *en[] = { "Satisfied", "Basically satisfied", "Unsatisfied", "Not evaluated", "Other" };
  const char *zh[] = { "满意", "基本满意", "不满意", "未评价", "其他" };

  dd_chart_set_title (chart, tr (lang, "Satisfaction with the handling of suggestions", "代表建议办理满意度"));
  dd_chart_set_subtitle (chart, tr (lang, "2023, all units, 1,557 evaluations", "2023年 · 全部承办单位 · 共1,557份评价"));
  for (guint i = 0; i < n; i++)
    dd_chart_add_slice (chart, 100 + i, tr (lang, en[i % 5], zh[i % 5]), counts[i % 5]);
  dd_chart_set_centre (chart, "97.4%", tr (lang, "Satisfaction rate", "满意率"));
  return chart;
}

static DdChart *
new_stacked (const Lang *lang,
             guint       n)
{
  DdChart *chart = dd_chart_new_stacked_bars ();

  dd_chart_set_title (chart, tr (lang, "Satisfaction by unit", "各承办单位满意度"));
  dd_chart_add_series (chart, tr (lang, "Satisfied", "满意"));
  dd_chart_add_series (chart, tr (lang, "Basically satisfied", "基本满意"));
  dd_chart_add_series (chart, tr (lang, "Unsatisfied", "不满意"));
  dd_chart_set_trailing_header (chart, tr (lang, "Rate", "满意率"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = unit_name (lang, i);
      double values[3] = { 40 - (i * 7) % 30, 3 + (i * 5) % 11, (i * 3) % 4 };
      double rate = 100 * (values[0] + values[1]) / (values[0] + values[1] + values[2]);
      g_autofree char *rate_text = dd_chart_format_percent (rate);
      guint index = dd_chart_add_item (chart, 1000 + i, name, values, 3);

      dd_chart_set_item_trailing (chart, index, rate_text);
    }
  return chart;
}

static DdChart *
new_grouped (const Lang *lang,
             guint       n)
{
  DdChart *chart = dd_chart_new_grouped_bars ();
  const char *en[] = { "Urban construction", "Education", "Health", "Transport", "Environment", "Agriculture",
                       "Social security", "Economy" };
  const char *zh[] = { "城乡建设", "教育科技", "医疗卫生", "交通出行", "生态环境", "农业农村", "社会保障", "经济发展" };

  dd_chart_set_title (chart, tr (lang, "Suggestions by category", "各类别建议数量"));
  dd_chart_add_series (chart, tr (lang, "Received", "收到"));
  dd_chart_add_series (chart, tr (lang, "Adopted", "采纳"));
  for (guint i = 0; i < n; i++)
    {
      double values[2] = { 120 + (i * 37) % 90, 60 + (i * 23) % 50 };
      g_autofree char *label = n <= 8 ? g_strdup (tr (lang, en[i], zh[i]))
                                      : g_strdup_printf ("%s%u", tr (lang, "Station ", "代表联络站"), i + 1);

      dd_chart_add_item (chart, i, label, values, 2);
    }
  return chart;
}

static DdChart *
new_line (const Lang *lang,
          guint       n)
{
  DdChart *chart = dd_chart_new_line ();

  dd_chart_set_title (chart, tr (lang, "Suggestions received and closed by month", "每月收到与办结建议"));
  dd_chart_add_series (chart, tr (lang, "Received", "收到"));
  dd_chart_add_series (chart, tr (lang, "Closed", "办结"));
  for (guint i = 0; i < n; i++)
    {
      const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
      g_autofree char *label = lang->chinese ? g_strdup_printf ("%u月", i % 12 + 1) : g_strdup (months[i % 12]);
      double values[2] = { 80 + 60 * sin (i * 0.7) + i * 4, 50 + 40 * cos (i * 0.5) + i * 6 };

      dd_chart_add_item (chart, i, label, values, 2);
    }
  return chart;
}

static DdChart *
new_tiles (const Lang *lang,
           guint       n)
{
  DdChart *chart = dd_chart_new_tiles ();
  const char *values[] = { "1,444", "896", "576", "705", "97.4%", "63" };
  const char *en[] = { "Deputies received voters", "Opinions received", "Opinions adopted", "Problems solved",
                       "Satisfaction rate", "Units evaluated" };
  const char *zh[] = { "名代表进家接待选民", "条意见建议", "条被采纳", "个问题得到解决", "满意率", "个承办单位" };
  const char *en_caption[] = { "+12% on 2022", NULL, "64.3% of opinions", NULL, "1,557 evaluations", NULL };
  const char *zh_caption[] = { "比2022年增长12%", NULL, "占意见建议的64.3%", NULL, "共1,557份评价", NULL };

  dd_chart_set_title (chart, tr (lang, "2023 in figures", "2023年主要数据"));
  for (guint i = 0; i < n; i++)
    dd_chart_add_tile (chart, i, values[i % 6], tr (lang, en[i % 6], zh[i % 6]),
                       tr (lang, en_caption[i % 6], zh_caption[i % 6]));
  return chart;
}

static DdChart *
new_text (const Lang *lang,
          guint       n)
{
  DdChart *chart = dd_chart_new_text (n == 0 ? NULL
                                      : tr (lang,
                                            "In 2023, 1,444 deputies at all levels received voters at their stations, "
                                            "recorded 896 opinions and suggestions, of which 576 were adopted, and helped "
                                            "solve 705 problems for the people.",
                                            "2023年，全市1,444名各级人大代表进家接待选民，收到意见建议896条，采纳576条，"
                                            "帮助群众解决问题705个，代表履职服务群众的成效进一步显现。"));

  dd_chart_set_title (chart, tr (lang, "The year's summary", "年度工作综述"));
  dd_chart_set_subtitle (chart, tr (lang, "Standing Committee of the City People's Congress", "某某市人大常委会"));
  return chart;
}

typedef DdChart *(*ChartBuilder) (const Lang *lang, guint n);

static const struct
{
  const char   *name;
  ChartBuilder  build;
  guint         many;
  guint         slots;       /* palette slots (bits) that must show with many items */
} kinds[] = {
  { "donut", new_donut, 3, 0x7 },
  { "stacked", new_stacked, 63, 0x7 },
  { "grouped", new_grouped, 8, 0x3 },
  { "stations", new_grouped, 25, 0x3 },
  { "line", new_line, 12, 0x5 },   /* lines take slots 0, then 2 */
  { "tiles", new_tiles, 6, 0x1 },
  { "text", new_text, 1, 0x1 },    /* the rule under the heading */
};

static const struct
{
  double width, height;
} sizes[] = {
  { 320, 200 }, { 480, 320 }, { 1024, 768 }, { 1920, 1080 },
};

/* Pixels */

static cairo_surface_t *
render (DdChart              *chart,
        int                   width,
        int                   height,
        const DdChartPalette *palette)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  dd_chart_draw (chart, cr, width, height, palette);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (data + y * stride))[x] & 0xffffff;
}

static gboolean
pixel_is (guint32             pixel,
          const DdChartColor *colour)
{
  int r = pixel >> 16 & 0xff, g = pixel >> 8 & 0xff, b = pixel & 0xff;

  return abs (r - (int) round (colour->red * 255)) <= 2
         && abs (g - (int) round (colour->green * 255)) <= 2
         && abs (b - (int) round (colour->blue * 255)) <= 2;
}

/* How many pixels have @colour; the middle one's place, in reading order,
 * in @x, @y: on the largest mark of that colour, not a legend's swatch. */
static guint
count_colour (cairo_surface_t    *surface,
              const DdChartColor *colour,
              int                *x,
              int                *y)
{
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  guint count = 0, seen = 0;

  for (int j = 0; j < height; j++)
    for (int i = 0; i < width; i++)
      if (pixel_is (pixel_at (surface, i, j), colour))
        count++;
  if (x == NULL || count == 0)
    return count;
  for (int j = 0; j < height; j++)
    for (int i = 0; i < width; i++)
      if (pixel_is (pixel_at (surface, i, j), colour) && seen++ == count / 2)
        {
          *x = i;
          *y = j;
        }
  return count;
}

static guint
count_not_background (cairo_surface_t      *surface,
                      const DdChartPalette *palette)
{
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);

  return width * height - count_colour (surface, &palette->background, NULL, NULL);
}

/* Every kind, size, palette and count of items draws without a Cairo
 * error, and with many items every series colour shows. */
static void
test_draw_all (void)
{
  const DdChartPalette *palettes[] = { dd_chart_palette_light (), dd_chart_palette_dark (), dd_chart_palette_print () };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      for (guint p = 0; p < G_N_ELEMENTS (palettes); p++)
        for (guint chinese = 0; chinese < 2; chinese++)
          {
            const guint counts[] = { 0, 1, kinds[k].many };
            Lang lang = { chinese };

            /* English once, on the light palette: the layout is the same. */
            if (!chinese && p > 0)
              continue;

            for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
              {
                g_autoptr(DdChart) chart = kinds[k].build (&lang, counts[c]);
                cairo_surface_t *surface = render (chart, sizes[z].width, sizes[z].height, palettes[p]);

                /* Something beyond the background is always drawn: marks, or the no-data message. */
                g_assert_cmpuint (count_not_background (surface, palettes[p]), >, 100);

                if (c == 2 && sizes[z].width >= 480)
                  for (guint s = 0; s < DD_CHART_PALETTE_SIZE; s++)
                    {
                      guint n;

                      if (!(kinds[k].slots & (1u << s)))
                        continue;
                      n = count_colour (surface, &palettes[p]->series[s], NULL, NULL);

                      if (n < 30)
                        g_test_message ("%s %gx%g palette %u: series %u has %u pixels",
                                        kinds[k].name, sizes[z].width, sizes[z].height, p, s, n);
                      g_assert_cmpuint (n, >=, 30);
                    }
                cairo_surface_destroy (surface);
              }
          }
}

/* No items and all zero draw the caller's message, no marks. */
static void
test_empty (void)
{
  const DdChartPalette *palette = dd_chart_palette_light ();
  Lang lang = { TRUE };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(DdChart) none = kinds[k].build (&lang, 0);
      g_autoptr(DdChart) message = kinds[k].build (&lang, 0);
      cairo_surface_t *a, *b;
      DdChartHit hit;
      g_autofree char *text = dd_chart_describe (none);

      dd_chart_set_empty_text (message, "本期没有数据，请调整筛选条件后重试");
      a = render (none, 640, 400, palette);
      b = render (message, 640, 400, palette);
      if (k != 6)  /* a text chart has no marks anyway */
        {
          for (guint s = 0; s < DD_CHART_PALETTE_SIZE; s++)
            g_assert_cmpuint (count_colour (a, &palette->series[s], NULL, NULL), ==, 0);
          /* A longer message paints more ink. */
          g_assert_cmpuint (count_not_background (b, palette), >, count_not_background (a, palette));
          g_assert_nonnull (strstr (text, "No data"));
        }
      g_assert_false (dd_chart_hit (none, 640, 400, 320, 200, &hit));
      g_assert_cmpint (hit.item, ==, -1);
      g_assert_null (hit.tooltip);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }

  /* Items whose values are all zero count as no data. */
  {
    g_autoptr(DdChart) chart = dd_chart_new_stacked_bars ();
    double zero[2] = { 0, 0 };
    cairo_surface_t *surface;

    dd_chart_add_series (chart, "A");
    dd_chart_add_series (chart, "B");
    dd_chart_add_item (chart, 1, "x", zero, 2);
    dd_chart_add_item (chart, 2, "y", zero, 2);
    surface = render (chart, 640, 400, palette);
    g_assert_cmpuint (count_colour (surface, &palette->series[0], NULL, NULL), ==, 0);
    g_assert_cmpuint (count_not_background (surface, palette), >, 100);
    cairo_surface_destroy (surface);
  }
}

/* Hit tests */

/* A chart where only item @owner has a value in the last series, so every
 * pixel of that series' colour belongs to it. */
static DdChart *
new_owned (DdChartKind kind,
           guint       n,
           guint       owner,
           const char *owner_label)
{
  DdChart *chart = kind == DD_CHART_STACKED_BARS ? dd_chart_new_stacked_bars () : dd_chart_new_grouped_bars ();

  dd_chart_add_series (chart, "A");
  dd_chart_add_series (chart, "B");
  dd_chart_add_series (chart, "C");
  for (guint i = 0; i < n; i++)
    {
      double values[3] = { 10 + i % 7, 5 + i % 3, i == owner ? 8 : 0 };
      g_autofree char *label = i == owner ? g_strdup (owner_label) : g_strdup_printf ("Unit %u", i);

      dd_chart_add_item (chart, 5000 + i, label, values, 3);
    }
  return chart;
}

static void
test_hit_bars (void)
{
  const DdChartPalette *palette = dd_chart_palette_light ();
  const char *long_name = "某某市城市管理综合行政执法局市容环境卫生管理处第三执法大队";

  for (guint z = 1; z < G_N_ELEMENTS (sizes); z++)
    for (guint kind = 0; kind < 2; kind++)
      {
        guint owner = 4;
        g_autoptr(DdChart) chart = new_owned (kind == 0 ? DD_CHART_STACKED_BARS : DD_CHART_GROUPED_BARS, 12, owner, long_name);
        double w = sizes[z].width, h = sizes[z].height;
        cairo_surface_t *surface = render (chart, w, h, palette);
        int x = -1, y = -1;
        guint pixels = count_colour (surface, &palette->series[2], &x, &y);
        DdChartHit hit, again;

        g_assert_cmpuint (pixels, >, 0);
        g_assert_true (dd_chart_hit (chart, w, h, x + 0.5, y + 0.5, &hit));
        g_assert_cmpint (hit.item, ==, owner);
        g_assert_cmpint (hit.series, ==, 2);
        g_assert_cmpint (hit.id, ==, 5000 + owner);
        g_assert_cmpstr (hit.label, ==, long_name);
        g_assert_nonnull (strstr (hit.tooltip, long_name));
        g_assert_nonnull (strstr (hit.tooltip, "C: 8"));
        if (kind == 0)
          {
            /* The share of the row: 8 of (10 + 4 % 7) + (5 + 4 % 3) + 8 = 8 of 28. */
            g_assert_nonnull (strstr (hit.tooltip, "C: 8 (28.6%)"));
            g_assert_true (hit.y <= y && y < hit.y + hit.height);
          }

        /* The same answer every time: no state from the last draw. */
        g_assert_true (dd_chart_hit (chart, w, h, x + 0.5, y + 0.5, &again));
        g_assert_cmpstr (again.tooltip, ==, hit.tooltip);
        dd_chart_hit_clear (&again);

        if (kind == 0)
          {
            /* The row's label, ellipsized on screen, gives the full name. */
            g_assert_true (dd_chart_hit (chart, w, h, sizes[z].width * 0.03 + 8, y + 0.5, &again));
            g_assert_cmpint (again.item, ==, owner);
            g_assert_cmpint (again.series, ==, -1);
            g_assert_nonnull (strstr (again.tooltip, long_name));
            g_assert_nonnull (strstr (again.tooltip, "A: "));
            dd_chart_hit_clear (&again);
          }

        dd_chart_hit_clear (&hit);
        g_assert_null (hit.tooltip);
        cairo_surface_destroy (surface);
      }
}

static void
test_hit_donut (void)
{
  const DdChartPalette *palette = dd_chart_palette_light ();
  Lang lang = { FALSE };
  g_autoptr(DdChart) chart = new_donut (&lang, 3);

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      double w = sizes[z].width, h = sizes[z].height;
      cairo_surface_t *surface = render (chart, w, h, palette);

      for (guint s = 0; s < 3; s++)
        {
          int x = -1, y = -1;
          DdChartHit hit;

          g_assert_cmpuint (count_colour (surface, &palette->series[s], &x, &y), >, 0);
          g_assert_true (dd_chart_hit (chart, w, h, x + 0.5, y + 0.5, &hit));
          g_assert_cmpint (hit.item, ==, s);
          g_assert_cmpint (hit.id, ==, 100 + s);
          dd_chart_hit_clear (&hit);
        }
      /* Outside everything: the corner. */
      {
        DdChartHit hit;

        g_assert_false (dd_chart_hit (chart, w, h, w - 1, h - 1, &hit));
        g_assert_false (dd_chart_hit (chart, w, h, -5, 10, &hit));
      }
      cairo_surface_destroy (surface);
    }

  /* The tooltip's share is the slice's of the whole: 312 of 1,557. */
  {
    cairo_surface_t *surface = render (chart, 1024, 768, palette);
    int x = -1, y = -1;
    DdChartHit hit;

    count_colour (surface, &palette->series[1], &x, &y);
    g_assert_true (dd_chart_hit (chart, 1024, 768, x + 0.5, y + 0.5, &hit));
    g_assert_cmpstr (hit.tooltip, ==, "Basically satisfied: 312 (20.0%)");
    dd_chart_hit_clear (&hit);
    cairo_surface_destroy (surface);
  }
}

/* Points of the second line (palette slot 2): hits move right with x, never back. */
static void
test_hit_line (void)
{
  const DdChartPalette *palette = dd_chart_palette_light ();
  Lang lang = { TRUE };
  g_autoptr(DdChart) chart = new_line (&lang, 12);
  cairo_surface_t *surface = render (chart, 1024, 768, palette);
  int last = -1;
  guint seen = 0;

  for (int x = 0; x < 1024; x++)
    for (int y = 0; y < 768; y++)
      if (pixel_is (pixel_at (surface, x, y), &palette->series[2]))
        {
          DdChartHit hit;

          if (!dd_chart_hit (chart, 1024, 768, x + 0.5, y + 0.5, &hit))
            continue;
          g_assert_cmpint (hit.item, >=, last);
          g_assert_cmpint (hit.item, <, 12);
          if (hit.item != last)
            seen++;
          last = hit.item;
          dd_chart_hit_clear (&hit);
          break;
        }
  g_assert_cmpuint (seen, ==, 12);
  cairo_surface_destroy (surface);
}

static void
test_hit_tiles (void)
{
  Lang lang = { TRUE };
  g_autoptr(DdChart) one = new_tiles (&lang, 1);
  g_autoptr(DdChart) four = new_tiles (&lang, 4);
  DdChartHit hit;

  g_assert_true (dd_chart_hit (one, 800, 600, 400, 350, &hit));
  g_assert_cmpint (hit.item, ==, 0);
  g_assert_cmpstr (hit.tooltip, ==, "名代表进家接待选民: 1,444\n比2022年增长12%");
  dd_chart_hit_clear (&hit);

  /* Four tiles at 4:3 lie two by two: the bottom right one is the last. */
  g_assert_true (dd_chart_hit (four, 800, 600, 600, 450, &hit));
  g_assert_cmpint (hit.item, ==, 3);
  dd_chart_hit_clear (&hit);
}

/* With a cap, rows past it are never drawn nor hit; the note says how many. */
static void
test_max_rows (void)
{
  Lang lang = { TRUE };
  g_autoptr(DdChart) chart = new_stacked (&lang, 63);
  int max_item = -1;

  dd_chart_set_max_rows (chart, 10);
  for (double y = 0; y < 1080; y += 2)
    {
      DdChartHit hit;

      if (dd_chart_hit (chart, 1920, 1080, 60, y, &hit))
        {
          max_item = MAX (max_item, hit.item);
          dd_chart_hit_clear (&hit);
        }
    }
  g_assert_cmpint (max_item, ==, 9);

  /* Small: fewer rows fit, still in order from the first. */
  dd_chart_set_max_rows (chart, 0);
  max_item = -1;
  for (double y = 0; y < 320; y += 1)
    {
      DdChartHit hit;

      if (dd_chart_hit (chart, 480, 320, 20, y, &hit))
        {
          g_assert_cmpint (hit.item, >=, max_item);
          max_item = MAX (max_item, hit.item);
          dd_chart_hit_clear (&hit);
        }
    }
  g_assert_cmpint (max_item, >, 3);
  g_assert_cmpint (max_item, <, 62);
}

static void
test_describe (void)
{
  Lang lang = { TRUE };
  g_autoptr(DdChart) stacked = new_stacked (&lang, 63);
  g_autoptr(DdChart) donut = new_donut (&lang, 3);
  g_autofree char *a = dd_chart_describe (stacked);
  g_autofree char *b = dd_chart_describe (donut);
  g_auto(GStrv) lines = g_strsplit (a, "\n", -1);

  /* The title, 63 rows, the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 63 + 1);
  g_assert_cmpstr (lines[0], ==, "各承办单位满意度");
  /* Unit 0: 40, 3, 0. */
  g_assert_cmpstr (lines[1], ==, "市城市管理综合行政执法局: 满意: 40 (93.0%); 基本满意: 3 (7.0%); 不满意: 0 (0.0%); 满意率: 100.0%");
  g_assert_nonnull (strstr (b, "满意率: 97.4%\n"));
  g_assert_nonnull (strstr (b, "满意: 1,204 (77.3%)\n"));
}

static void
test_format (void)
{
  const struct { double v; const char *s; } counts[] = {
    { 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1,000" }, { 1234.4, "1,234" }, { 1234567, "1,234,567" }, { -4321, "-4,321" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *s = dd_chart_format_count (counts[i].v);
      g_assert_cmpstr (s, ==, counts[i].s);
    }
  {
    g_autofree char *a = dd_chart_format_percent (62.5);
    g_autofree char *b = dd_chart_format_percent (100.0 * 2 / 3);
    g_autofree char *c = dd_chart_format_percent (NAN);

    g_assert_cmpstr (a, ==, "62.5%");
    g_assert_cmpstr (b, ==, "66.7%");
    g_assert_cmpstr (c, ==, "0.0%");
  }
}

/* The three series of the light and print palettes stay apart in grey:
 * luma (Rec. 709) at least 0.12 apart. */
static void
test_palette_greyscale (void)
{
  const DdChartPalette *palettes[] = { dd_chart_palette_light (), dd_chart_palette_dark (), dd_chart_palette_print () };

  for (guint p = 0; p < G_N_ELEMENTS (palettes); p++)
    for (guint a = 0; a < 3; a++)
      for (guint b = a + 1; b < 3; b++)
        {
          const DdChartColor *x = &palettes[p]->series[a], *y = &palettes[p]->series[b];
          double lx = 0.2126 * x->red + 0.7152 * x->green + 0.0722 * x->blue;
          double ly = 0.2126 * y->red + 0.7152 * y->green + 0.0722 * y->blue;

          g_assert_cmpfloat (fabs (lx - ly), >=, 0.12);
        }
  /* Print patterns from the third series on. */
  g_assert_cmpint (dd_chart_palette_print ()->patterns[2], !=, DD_CHART_PATTERN_SOLID);
}

/* Files */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static guint32
read_be32 (const guchar *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* The value of a "Name:   value" line of pdfinfo's output. */
static char *
pdfinfo_field (const char *out,
               const char *name)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], name) && lines[i][strlen (name)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (name) + 1));
  return NULL;
}

static void
test_write_files (void)
{
  Lang lang = { TRUE };
  g_autoptr(DdChart) chart = new_stacked (&lang, 20);
  g_autoptr(GError) error = NULL;
  g_autofree char *png = tmp_path ("chart.png");
  g_autofree char *svg = tmp_path ("chart.svg");
  g_autofree char *pdf = tmp_path ("chart.pdf");
  g_autofree char *data = NULL;
  gsize length;

  /* PNG: 1024×768 at 192 dpi is 2048×1536 pixels. */
  g_assert_true (dd_chart_write_file (chart, DD_CHART_FORMAT_PNG, png, 1024, 768, 192, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (read_be32 ((const guchar *) data + 16), ==, 2048);
  g_assert_cmpuint (read_be32 ((const guchar *) data + 20), ==, 1536);
  g_clear_pointer (&data, g_free);

  /* The same layout at any dpi: 96 dpi gives half the pixels each way. */
  g_assert_true (dd_chart_write_file (chart, DD_CHART_FORMAT_PNG, png, 1024, 768, 0, dd_chart_palette_dark (), &error));
  g_assert_true (g_file_get_contents (png, &data, &length, NULL));
  g_assert_cmpuint (read_be32 ((const guchar *) data + 16), ==, 1024);
  g_clear_pointer (&data, g_free);

  g_assert_true (dd_chart_write_file (chart, DD_CHART_FORMAT_SVG, svg, 800, 600, 300, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "<?xml"));
  g_assert_nonnull (strstr (data, "<svg"));
  g_assert_nonnull (strstr (data, "width=\"800\""));
  g_assert_true (g_str_has_suffix (g_strchomp (data), "</svg>"));
  g_clear_pointer (&data, g_free);

  g_assert_true (dd_chart_write_file (chart, DD_CHART_FORMAT_PDF, pdf, 842, 595, 0, dd_chart_palette_print (), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_clear_pointer (&data, g_free);

  {
    g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

    if (pdfinfo == NULL)
      {
        g_test_message ("pdfinfo not found: install poppler-utils (build-aux/setup installs it)");
        g_test_fail ();
      }
    else
      {
        const char *argv[] = { pdfinfo, pdf, NULL };
        g_autofree char *out = NULL;
        g_autofree char *pages = NULL;
        g_autofree char *size = NULL;
        g_autofree char *title = NULL;
        int wait_status = -1;

        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                     &out, NULL, &wait_status, &error));
        g_assert_no_error (error);
        g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
        pages = pdfinfo_field (out, "Pages");
        size = pdfinfo_field (out, "Page size");
        title = pdfinfo_field (out, "Title");

        g_assert_cmpstr (pages, ==, "1");
        g_assert_true (g_str_has_prefix (size, "842 x 595 pts"));
        g_assert_cmpstr (title, ==, "各承办单位满意度");
      }
  }
}

static guint
count_entries (const char *dir_path)
{
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

static void
test_write_errors (void)
{
  Lang lang = { FALSE };
  g_autoptr(DdChart) chart = new_donut (&lang, 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = tmp_path ("no-such-dir/chart.png");
  g_autofree char *sub = tmp_path ("locked");
  g_autofree char *kept = g_build_filename (sub, "chart.pdf", NULL);
  g_autofree char *data = NULL;

  /* A directory that does not exist: an IO error naming the file, nothing written. */
  g_assert_false (dd_chart_write_file (chart, DD_CHART_FORMAT_PNG, missing, 640, 480, 96, NULL, &error));
  g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* An absurd size is refused before anything is written. */
  g_assert_false (dd_chart_write_file (chart, DD_CHART_FORMAT_PNG, kept, 100000, 480, 96, NULL, &error));
  g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_INVALID);
  g_clear_error (&error);

  /* A directory that cannot be written to keeps its old file as it was
   * and gets no temporary file. */
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  g_assert_cmpint (g_chmod (sub, 0555), ==, 0);
  if (access (sub, W_OK) == 0)
    g_test_message ("running as root: the read-only directory is writable, part skipped");
  else
    {
      g_assert_false (dd_chart_write_file (chart, DD_CHART_FORMAT_PDF, kept, 640, 480, 96, NULL, &error));
      g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "chart.pdf"));
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (kept, &data, NULL, NULL));
      g_assert_cmpstr (data, ==, "old");
      g_assert_cmpuint (count_entries (sub), ==, 1);
    }
  g_assert_cmpint (g_chmod (sub, 0755), ==, 0);

  /* And written, it is replaced whole, with no temporary file left. */
  g_assert_true (dd_chart_write_file (chart, DD_CHART_FORMAT_PDF, kept, 640, 480, 96, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&data, g_free);
  g_assert_true (g_file_get_contents (kept, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_cmpuint (count_entries (sub), ==, 1);
  g_remove (kept);
  g_rmdir (sub);
}

/* A write that fails half way (the file size limit stands in for a full
 * disk, which root cannot fake with permissions) keeps the old file and
 * leaves no temporary file. */
static void
test_write_fails_midway (void)
{
  Lang lang = { TRUE };
  g_autoptr(DdChart) chart = new_stacked (&lang, 63);
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = tmp_path ("midway");
  g_autofree char *kept = g_build_filename (sub, "chart.pdf", NULL);
  g_autofree char *data = NULL;
  struct rlimit saved, small;
  void (*handler) (int);
  gboolean ok;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 4096;
  handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok = dd_chart_write_file (chart, DD_CHART_FORMAT_PDF, kept, 1920, 1080, 96, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, handler);

  g_assert_false (ok);
  g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "chart.pdf"));
  g_assert_true (g_file_get_contents (kept, &data, NULL, NULL));
  g_assert_cmpstr (data, ==, "old");
  g_assert_cmpuint (count_entries (sub), ==, 1);
  g_remove (kept);
  g_rmdir (sub);
}

/* A PNG at twice the dpi is the same layout at twice the pixels, and a
 * widget's palette with a transparent background leaves the corners clear. */
static void
test_png_scale_and_transparency (void)
{
  const DdChartPalette *palette = dd_chart_palette_light ();
  g_autoptr(DdChart) chart = new_owned (DD_CHART_STACKED_BARS, 12, 7, "某某市城市管理综合行政执法局");
  g_autoptr(GError) error = NULL;
  g_autofree char *png = tmp_path ("scaled.png");
  cairo_surface_t *one = render (chart, 800, 500, palette), *two;
  DdChartPalette clear = *palette;
  cairo_surface_t *surface;
  cairo_t *cr;
  int x = -1, y = -1;

  g_assert_cmpuint (count_colour (one, &palette->series[2], &x, &y), >, 0);
  g_assert_true (dd_chart_write_file (chart, DD_CHART_FORMAT_PNG, png, 800, 500, 192, palette, &error));
  g_assert_no_error (error);
  two = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (two), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (two), ==, 1600);
  g_assert_true (pixel_is (pixel_at (two, 2 * x + 1, 2 * y + 1), &palette->series[2]));
  cairo_surface_destroy (one);
  cairo_surface_destroy (two);

  clear.background.alpha = 0;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cr = cairo_create (surface);
  dd_chart_draw (chart, cr, 400, 300, &clear);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpuint (((guint32 *) cairo_image_surface_get_data (surface))[0], ==, 0);
  cairo_surface_destroy (surface);
}

/* Samples to look at */

static void
write_samples (const char *dir)
{
  const struct { const DdChartPalette *palette; const char *name; } palettes[] = {
    { dd_chart_palette_light (), "light" }, { dd_chart_palette_dark (), "dark" }, { dd_chart_palette_print (), "print" },
  };
  const struct { double w, h; } look_sizes[] = { { 1920, 1080 }, { 1024, 768 }, { 480, 320 } };

  g_mkdir_with_parents (dir, 0755);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint chinese = 0; chinese < 2; chinese++)
      for (guint p = 0; p < G_N_ELEMENTS (palettes); p++)
        for (guint z = 0; z < G_N_ELEMENTS (look_sizes); z++)
          {
            Lang lang = { chinese };
            g_autoptr(DdChart) chart = kinds[k].build (&lang, kinds[k].many);
            g_autofree char *name = g_strdup_printf ("%s-%s-%s-%g.png", kinds[k].name, chinese ? "zh" : "en",
                                                     palettes[p].name, look_sizes[z].w);
            g_autofree char *path = g_build_filename (dir, name, NULL);
            g_autoptr(GError) error = NULL;

            if (!dd_chart_write_file (chart, DD_CHART_FORMAT_PNG, path, look_sizes[z].w, look_sizes[z].h, 96,
                                      palettes[p].palette, &error))
              g_printerr ("%s\n", error->message);
          }

  /* Three series by category, as the statistics page shows verdicts. */
  for (guint p = 0; p < G_N_ELEMENTS (palettes); p++)
    {
      g_autoptr(DdChart) chart = dd_chart_new_grouped_bars ();
      const char *categories[] = { "城乡建设", "教育科技", "医疗卫生", "交通出行", "生态环境", "农业农村" };
      g_autofree char *name = g_strdup_printf ("verdicts-zh-%s-1024.png", palettes[p].name);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      dd_chart_set_title (chart, "各类别建议满意度");
      dd_chart_add_series (chart, "满意");
      dd_chart_add_series (chart, "基本满意");
      dd_chart_add_series (chart, "不满意");
      for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
        {
          double values[3] = { 60 + i * 13 % 40, 12 + i * 7 % 15, i % 3 * 2 };

          dd_chart_add_item (chart, i, categories[i], values, 3);
        }
      dd_chart_write_file (chart, DD_CHART_FORMAT_PNG, path, 1024, 768, 96, palettes[p].palette, NULL);
    }

  /* No data, and one item. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint n = 0; n < 2; n++)
      {
        Lang lang = { TRUE };
        g_autoptr(DdChart) chart = kinds[k].build (&lang, n);
        g_autofree char *name = g_strdup_printf ("%s-zh-%u-item.png", kinds[k].name, n);
        g_autofree char *path = g_build_filename (dir, name, NULL);

        dd_chart_write_file (chart, DD_CHART_FORMAT_PNG, path, 640, 400, 96, NULL, NULL);
      }
}

/* A count axis ticks at whole numbers: at 15 with 6 ticks the nice step
 * 2.5 printed "3", "5", "8" (seen on the monthly slide); percentages may
 * keep a fractional step. */
static void
test_count_axis_whole (void)
{
  g_autoptr(DdChart) counts = dd_chart_new_line ();
  g_autoptr(DdChart) shares = dd_chart_new_line ();
  double top = 0, step;

  for (int max = 1; max <= 500; max++)
    for (int ticks = 2; ticks <= 8; ticks++)
      {
        step = dd_chart_value_step (counts, max, ticks, &top);
        g_assert_cmpfloat (step, ==, floor (step));
        g_assert_cmpfloat (step, >=, 1);
        g_assert_cmpfloat (top, >=, max);
        g_assert_cmpfloat (fmod (top, step), ==, 0);
      }
  step = dd_chart_value_step (counts, 14, 6, &top);
  g_assert_cmpfloat (step, ==, 3);
  g_assert_cmpfloat (top, ==, 15);

  dd_chart_set_value_format (shares, DD_CHART_VALUE_PERCENT);
  step = dd_chart_value_step (shares, 15, 6, &top);
  g_assert_cmpfloat (step, ==, 2.5);
}

/* Slide mode: the type from the height, the widget's sizes untouched. */
static void
test_slide_sizes (void)
{
  g_autoptr(DdChart) chart = dd_chart_new_tiles ();
  double t0, l0, s0, t1, l1, s1;

  dd_chart_add_tile (chart, 1, "15,550", "Voters received", "of 2,044 opinions received");
  g_assert_false (dd_chart_get_slide (chart));
  dd_chart_get_font_sizes (chart, 1024, 768, &t0, &l0, &s0);
  dd_chart_set_slide (chart, TRUE);
  g_assert_true (dd_chart_get_slide (chart));
  dd_chart_get_font_sizes (chart, 1024, 768, &t1, &l1, &s1);
  g_assert_cmpfloat (t0, <, 0.05 * 768);
  g_assert_cmpfloat (l0, <, 0.032 * 768);
  g_assert_cmpfloat_with_epsilon (t1, DD_CHART_SLIDE_TITLE * 768, 1e-9);
  g_assert_cmpfloat_with_epsilon (l1, DD_CHART_SLIDE_LABEL * 768, 1e-9);
  g_assert_cmpfloat (s1, >=, DD_CHART_SLIDE_SMALL * 768);
  /* never smaller than without slide mode */
  dd_chart_get_font_sizes (chart, 3000, 400, &t1, &l1, &s1);
  dd_chart_set_slide (chart, FALSE);
  dd_chart_get_font_sizes (chart, 3000, 400, &t0, &l0, &s0);
  g_assert_cmpfloat (t1, >=, t0);
  g_assert_cmpfloat (l1, >=, l0);
  g_assert_cmpfloat (s1, >=, s0);

  /* the tile is still hit where it is drawn, in both modes */
  for (int slide = 0; slide < 2; slide++)
    {
      DdChartHit hit;

      dd_chart_set_slide (chart, slide);
      g_assert_true (dd_chart_hit (chart, 1024, 768, 512, 500, &hit));
      g_assert_cmpint (hit.item, ==, 0);
      dd_chart_hit_clear (&hit);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *look = g_getenv ("DD_CHARTS_LOOK");
  int status;

  g_test_init (&argc, &argv, NULL);

  if (look != NULL)
    {
      write_samples (look);
      dd_charts_release_caches ();
      return 0;
    }

  tmp_dir = g_dir_make_tmp ("dd-charts-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/charts/chart/draw-all", test_draw_all);
  g_test_add_func ("/charts/chart/empty", test_empty);
  g_test_add_func ("/charts/chart/hit-bars", test_hit_bars);
  g_test_add_func ("/charts/chart/hit-donut", test_hit_donut);
  g_test_add_func ("/charts/chart/hit-line", test_hit_line);
  g_test_add_func ("/charts/chart/hit-tiles", test_hit_tiles);
  g_test_add_func ("/charts/chart/max-rows", test_max_rows);
  g_test_add_func ("/charts/chart/describe", test_describe);
  g_test_add_func ("/charts/chart/format", test_format);
  g_test_add_func ("/charts/chart/palette-greyscale", test_palette_greyscale);
  g_test_add_func ("/charts/chart/write-files", test_write_files);
  g_test_add_func ("/charts/chart/write-errors", test_write_errors);
  g_test_add_func ("/charts/chart/write-fails-midway", test_write_fails_midway);
  g_test_add_func ("/charts/chart/png-scale", test_png_scale_and_transparency);
  g_test_add_func ("/charts/chart/count-axis-whole", test_count_axis_whole);
  g_test_add_func ("/charts/chart/slide-sizes", test_slide_sizes);

  status = g_test_run ();

  dd_charts_release_caches ();
  if (status == 0)
    {
      GDir *dir = g_dir_open (tmp_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
          g_remove (path);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_rmdir (tmp_dir);
    }
  else
    g_printerr ("Files kept in %s\n", tmp_dir);
  g_free (tmp_dir);
  return status;
}

/* test-placard.c: QR codes and placards, read back by a real decoder
 *
 * Everything is drawn on Cairo image and PDF surfaces with no display;
 * the codes are decoded with zbarimg (zbar-tools) and the PDF pages
 * measured with pdfinfo and rasterised with pdftoppm (poppler-utils), the
 * tools build-aux/setup installs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "dd-charts.h"
#include "dd-placard.h"
#include "dd-placard-private.h"
#include "dd-qr.h"

#define CM (72.0 / 2.54)
#define DPI 150.0

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* The full path of @tool, or a failed test that says how to get it. */
static char *
find_tool (const char *tool,
           const char *package)
{
  char *path = g_find_program_in_path (tool);

  if (path == NULL)
    {
      g_test_message ("%s not found: install %s (build-aux/setup installs it)", tool, package);
      g_test_fail ();
    }
  return path;
}

/* Runs @argv; returns its standard output, or NULL if it could not run. */
static char *
run_tool (const char * const *argv,
          int                *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &wait_status, &error))
    {
      g_test_message ("%s: %s", argv[0], error->message);
      return NULL;
    }
  *exit_status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}

/* Every symbol zbarimg finds in @png; NULL if the tool is missing. */
static GStrv
decode_png (const char *png)
{
  g_autofree char *zbarimg = find_tool ("zbarimg", "zbar-tools");
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) symbols = g_ptr_array_new ();
  g_auto(GStrv) lines = NULL;
  int status = -1;

  if (zbarimg == NULL)
    return NULL;
  {
    const char *argv[] = { zbarimg, "--raw", "-q", png, NULL };
    out = run_tool (argv, &status);
  }
  g_assert_nonnull (out);
  /* 4: no symbol found; what was expected is then missing below. */
  g_assert_true (status == 0 || status == 4);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (symbols, g_strdup (lines[i]));
  g_ptr_array_add (symbols, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&symbols), FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Asserts that @png holds exactly the codes of @expected (any order). */
static void
assert_decodes (const char         *png,
                const char * const *expected)
{
  g_auto(GStrv) symbols = decode_png (png);
  g_autoptr(GPtrArray) want = g_ptr_array_new ();
  guint n;

  if (symbols == NULL)
    return;
  for (guint i = 0; expected[i] != NULL; i++)
    g_ptr_array_add (want, (gpointer) expected[i]);
  g_ptr_array_sort (want, compare_strings);
  n = g_strv_length (symbols);
  qsort (symbols, n, sizeof (char *), compare_strings);

  for (guint i = 0; i < n; i++)
    g_test_message ("%s: decoded “%s”", png, symbols[i]);
  g_assert_cmpuint (n, ==, want->len);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (symbols[i], ==, g_ptr_array_index (want, i));
}

static void
assert_decodes_one (const char *png,
                    const char *payload)
{
  const char *expected[] = { payload, NULL };

  assert_decodes (png, expected);
}

static cairo_t *
new_white_image (int               width,
                 int               height,
                 cairo_surface_t **surface)
{
  cairo_t *cr;

  *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (*surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  return cr;
}

static char *
write_png (cairo_surface_t *surface,
           const char      *name)
{
  char *path = tmp_path (name);

  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  return path;
}

static char *
long_url (void)
{
  GString *url = g_string_new ("https://rd.jiangzhou.gov.cn/station/S00042?n=");

  /* Chinese and ASCII mixed, to 300 characters. */
  while (g_utf8_strlen (url->str, -1) < 300)
    g_string_append (url, g_utf8_strlen (url->str, -1) % 3 == 0 ? "城关镇" : "&x=42");
  while (g_utf8_strlen (url->str, -1) > 300)
    g_string_truncate (url, g_utf8_offset_to_pointer (url->str, 300) - url->str);
  return g_string_free (url, FALSE);
}

static const char *payloads[] = {
  "S00042",
  "https://example.cn/station/S00042?n=城关镇",
  NULL,   /* long_url () */
};

/* dd_qr_draw */

static void
test_qr_decodes (void)
{
  g_autofree char *url = long_url ();

  g_assert_cmpint (g_utf8_strlen (url, -1), ==, 300);
  payloads[2] = url;

  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      cairo_surface_t *surface;
      cairo_t *cr = new_white_image (480, 480, &surface);
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("qr-%u.png", i);
      g_autofree char *png = NULL;

      g_assert_true (dd_qr_draw (cr, payloads[i], 20, 20, 440, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      png = write_png (surface, name);
      assert_decodes_one (png, payloads[i]);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  /* Under an awkward transformation: the modules still land on whole pixels. */
  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      cairo_surface_t *surface;
      cairo_t *cr = new_white_image (500, 500, &surface);
      g_autofree char *name = g_strdup_printf ("qr-scaled-%u.png", i);
      g_autofree char *png = NULL;

      cairo_translate (cr, 7.3, 5.9);
      cairo_scale (cr, 1.37, 1.37);
      g_assert_true (dd_qr_draw (cr, payloads[i], 3.3, 2.7, 333.3, NULL));
      png = write_png (surface, name);
      assert_decodes_one (png, payloads[i]);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  payloads[2] = NULL;
}

/* Snapped modules: every pixel of the square is pure black or pure white. */
static void
test_qr_snapped (void)
{
  cairo_surface_t *surface;
  cairo_t *cr = new_white_image (300, 300, &surface);
  unsigned char *data;
  int stride, dark = 0;

  cairo_translate (cr, 0.4, 0.7);
  g_assert_true (dd_qr_draw (cr, "S00042", 10.25, 10.5, 270.3, NULL));
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 300; y++)
    for (int x = 0; x < 300; x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + x * 4) & 0xffffff;

        if (pixel != 0xffffff)
          {
            g_assert_cmphex (pixel, ==, 0x000000);
            dark++;
          }
      }
  g_assert_cmpint (dark, >, 0);
  g_assert_cmpint (dd_qr_count_modules ("S00042", NULL), ==, 29);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* On a PDF the code is vector squares; rasterised by poppler it still reads. */
static void
test_qr_pdf (void)
{
  g_autofree char *pdf = tmp_path ("qr.pdf");
  g_autofree char *prefix = tmp_path ("qr-pdf");
  g_autofree char *png = tmp_path ("qr-pdf-1.png");
  g_autofree char *pdftoppm = find_tool ("pdftoppm", "poppler-utils");
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 200, 200);
  cairo_t *cr = cairo_create (surface);
  int status = -1;

  g_assert_true (dd_qr_draw (cr, payloads[1], 10, 10, 180, NULL));
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  if (pdftoppm == NULL)
    return;
  {
    const char *argv[] = { pdftoppm, "-r", "150", "-png", pdf, prefix, NULL };
    g_autofree char *out = run_tool (argv, &status);
    g_assert_cmpint (status, ==, 0);
  }
  assert_decodes_one (png, payloads[1]);
}

static void
test_qr_errors (void)
{
  g_autofree char *too_long = g_strnfill (3000, 'x');
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr = new_white_image (100, 100, &surface);
  unsigned char *data;
  int stride;

  g_assert_false (dd_qr_draw (cr, too_long, 0, 0, 100, &error));
  g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_QR);
  g_assert_nonnull (strstr (error->message, "3000"));
  g_clear_error (&error);

  g_assert_false (dd_qr_draw (cr, "", 0, 0, 100, &error));
  g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_QR);
  g_clear_error (&error);

  g_assert_false (dd_qr_draw (cr, "\xff\xfe", 0, 0, 100, &error));
  g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_QR);
  g_clear_error (&error);

  g_assert_cmpint (dd_qr_count_modules (too_long, &error), ==, 0);
  g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_QR);
  g_clear_error (&error);

  /* A failure draws nothing. */
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 100; y++)
    for (int x = 0; x < 100; x++)
      g_assert_cmphex (*(guint32 *) (data + y * stride + x * 4) & 0xffffff, ==, 0xffffff);

  /* The largest 8-bit payload of level M still fits: 2331 bytes. */
  {
    g_autofree char *largest = g_strnfill (2331, 'a');
    g_autofree char *over = g_strnfill (2332, 'a');

    g_assert_cmpint (dd_qr_count_modules (largest, NULL), ==, 177 + 8);
    g_assert_cmpint (dd_qr_count_modules (over, &error), ==, 0);
    g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_QR);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* dd_placard_draw */

static const DdPlacard station = {
  .name = "城关镇人大代表之家",
  .kind_label = "人大代表之家",
  .code = "S00042",
  .payload = "https://example.cn/station/S00042?n=城关镇",
  .office = "江州市城关区人大常委会",
  .caption = "扫码联系代表",
};

/* Draws @placard filling @width × @height points at 150 dpi and decodes it. */
static void
assert_placard_decodes (const DdPlacard *placard,
                        double           width,
                        double           height,
                        const char      *name)
{
  cairo_surface_t *surface;
  cairo_t *cr = new_white_image ((int) ceil (width * DPI / 72), (int) ceil (height * DPI / 72),
                                 &surface);
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;

  cairo_scale (cr, DPI / 72, DPI / 72);
  g_assert_true (dd_placard_draw (cr, width, height, placard, &error));
  g_assert_no_error (error);
  png = write_png (surface, name);
  assert_decodes_one (png, placard->payload);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_placard_png (void)
{
  const double margin = 28.35;
  const double a4_w = DD_PLACARD_PAGE_WIDTH - 2 * margin;
  const double a4_h = DD_PLACARD_PAGE_HEIGHT - 2 * margin;
  DdPlacard bare = { "欧阳明珠", NULL, "D000018", "D000018", NULL, NULL };
  DdPlacard english = { "Chengguan Town Deputies' Home", "Deputies' home", "S00042",
                        "https://example.org/station/S00042", "Jiangzhou People's Congress",
                        "Scan to contact the deputies" };
  DdPlacard long_name = station;

  long_name.name = "江州市城关区城南街道新华路社区人大代表联络站（第二联络点）东侧临时接待室";

  /* A whole page, a half (landscape) and a quarter. */
  assert_placard_decodes (&station, a4_w, a4_h, "placard-a4.png");
  assert_placard_decodes (&station, a4_w, (a4_h - 2 * margin) / 2, "placard-half.png");
  assert_placard_decodes (&station, (a4_w - 2 * margin) / 2, (a4_h - 2 * margin) / 2,
                          "placard-quarter.png");
  assert_placard_decodes (&bare, (a4_w - 2 * margin) / 2, (a4_h - 2 * margin) / 2,
                          "placard-bare.png");
  assert_placard_decodes (&english, a4_w, a4_h, "placard-english.png");
  assert_placard_decodes (&long_name, (a4_w - 2 * margin) / 2, (a4_h - 2 * margin) / 2,
                          "placard-long-name.png");
}

/* On a full A4 page the symbol itself (quiet zone aside) is at least 12 cm. */
static void
test_placard_qr_size (void)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL,
                                                                  DD_PLACARD_PAGE_WIDTH,
                                                                  DD_PLACARD_PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  const char *names[] = { "王建国", station.name,
                          "江州市城关区城南街道新华路社区人大代表联络站（第二联络点）" };
  const char *codes[] = { "S00042", station.payload, "https://rd.jiangzhou.gov.cn/station/S00042" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint j = 0; j < G_N_ELEMENTS (codes); j++)
      {
        DdPlacard placard = station;
        double x, y, size, symbol;
        int modules;

        placard.name = names[i];
        placard.payload = codes[j];
        g_assert_true (dd_placard_get_qr_area (cr, DD_PLACARD_PAGE_WIDTH - 2 * 28.35,
                                               DD_PLACARD_PAGE_HEIGHT - 2 * 28.35, &placard,
                                               &x, &y, &size, &modules, NULL));
        symbol = size * (modules - 8) / modules;
        g_test_message ("%s / %s: square %.1f cm, symbol %.1f cm", names[i], codes[j],
                        size / CM, symbol / CM);
        g_assert_cmpfloat (symbol, >=, 12 * CM);
        /* Inside the placard. */
        g_assert_cmpfloat (x, >=, 0);
        g_assert_cmpfloat (x + size, <=, DD_PLACARD_PAGE_WIDTH - 2 * 28.35);
      }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_placard_errors (void)
{
  g_autofree char *too_long = g_strnfill (3000, 'x');
  DdPlacard placard = station;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr = new_white_image (100, 140, &surface);

  placard.payload = too_long;
  g_assert_false (dd_placard_draw (cr, 100, 140, &placard, &error));
  g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_QR);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* dd_placards_write_pdf */

static void
assert_pdf_pages (const char *pdf,
                  int         pages)
{
  g_autofree char *pdfinfo = find_tool ("pdfinfo", "poppler-utils");
  g_autofree char *out = NULL;
  g_autofree char *expected_pages = g_strdup_printf ("^Pages: +%d$", pages);
  int status = -1;

  if (pdfinfo == NULL)
    return;
  {
    const char *argv[] = { pdfinfo, pdf, NULL };
    out = run_tool (argv, &status);
  }
  g_assert_cmpint (status, ==, 0);
  g_test_message ("%s", out);
  g_assert_true (g_regex_match_simple (expected_pages, out, G_REGEX_MULTILINE, 0));
  /* 595.276 x 841.89 pts: A4 portrait. */
  g_assert_true (g_regex_match_simple ("^Page size: +595\\.2[78]\\d* x 841\\.89\\d* pts \\(A4\\)$",
                                       out, G_REGEX_MULTILINE, 0));
}

static void
rasterise_page (const char *pdf,
                int         page,
                const char *prefix)
{
  g_autofree char *pdftoppm = find_tool ("pdftoppm", "poppler-utils");
  g_autofree char *page_text = g_strdup_printf ("%d", page);
  g_autofree char *out = NULL;
  int status = -1;

  if (pdftoppm == NULL)
    return;
  {
    const char *argv[] = { pdftoppm, "-r", "150", "-png", "-f", page_text, "-l", page_text,
                           "-singlefile", pdf, prefix, NULL };
    out = run_tool (argv, &status);
  }
  g_assert_cmpint (status, ==, 0);
}

static DdPlacard *
five_placards (void)
{
  static const char *names[] = { "城关镇人大代表之家", "东街社区代表联络站", "王建国",
                                 "江州市城关区城南街道新华路社区人大代表联络站（第二联络点）",
                                 "欧阳明珠" };
  static const char *codes[] = { "S00001", "S00002", "D000017", "S00003", "D000018" };
  static char payloads5[5][64];
  DdPlacard *placards = g_new0 (DdPlacard, 5);

  for (guint i = 0; i < 5; i++)
    {
      g_snprintf (payloads5[i], sizeof payloads5[i], "https://rd.example.cn/%s/%s",
                  codes[i][0] == 'S' ? "station" : "deputy", codes[i]);
      placards[i] = (DdPlacard) { names[i], codes[i][0] == 'S' ? "代表联络站" : "市级人大代表",
                                  codes[i], payloads5[i], i == 4 ? NULL : "江州市城关区人大常委会",
                                  i == 4 ? NULL : "扫码联系代表" };
    }
  return placards;
}

static void
test_pdf_pages (void)
{
  g_autofree DdPlacard *placards = five_placards ();
  g_autoptr(GError) error = NULL;
  const guint layouts[][2] = { { 2, 3 }, { 1, 5 }, { 4, 2 } };

  g_assert_cmpuint (dd_placards_page_count (5, 2), ==, 3);
  g_assert_cmpuint (dd_placards_page_count (4, 4), ==, 1);
  g_assert_cmpuint (dd_placards_page_count (0, 4), ==, 0);

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      g_autofree char *name = g_strdup_printf ("placards-%u.pdf", layouts[l][0]);
      g_autofree char *pdf = tmp_path (name);
      g_autofree char *prefix = g_strdup_printf ("%s-page1", pdf);
      g_autofree char *png = g_strdup_printf ("%s.png", prefix);
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();

      g_assert_true (dd_placards_write_pdf (pdf, placards, 5, layouts[l][0], &error));
      g_assert_no_error (error);
      assert_pdf_pages (pdf, (int) layouts[l][1]);

      /* Page 1 holds the first per_page placards, each of which decodes. */
      rasterise_page (pdf, 1, prefix);
      if (!g_file_test (png, G_FILE_TEST_EXISTS))
        continue;
      for (guint i = 0; i < layouts[l][0]; i++)
        g_ptr_array_add (expected, (gpointer) placards[i].payload);
      g_ptr_array_add (expected, NULL);
      assert_decodes (png, (const char * const *) expected->pdata);
    }

  /* The last page of 5 at 2 a page holds the fifth alone. */
  {
    g_autofree char *pdf = tmp_path ("placards-2.pdf");
    g_autofree char *prefix = tmp_path ("placards-2-page3");
    g_autofree char *png = tmp_path ("placards-2-page3.png");

    rasterise_page (pdf, 3, prefix);
    if (g_file_test (png, G_FILE_TEST_EXISTS))
      assert_decodes_one (png, placards[4].payload);
  }
}

static void
test_pdf_errors (void)
{
  g_autofree DdPlacard *placards = five_placards ();
  g_autofree char *too_long = g_strnfill (3000, 'x');
  g_autofree char *pdf = tmp_path ("kept.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *missing = "/nonexistent-folder-of-deputy-desk/placards.pdf";

  g_assert_false (dd_placards_write_pdf (pdf, placards, 5, 3, &error));
  g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dd_placards_write_pdf (pdf, placards, 0, 1, &error));
  g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* A file that cannot be written: the message names it. */
  g_assert_false (dd_placards_write_pdf (missing, placards, 5, 1, &error));
  g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);
  g_assert_false (dd_placards_write_pdf (tmp_dir, placards, 5, 1, &error));
  g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, tmp_dir));
  g_clear_error (&error);

  /* A payload too long: an error naming the code, the earlier file untouched. */
  g_assert_true (g_file_set_contents (pdf, "earlier", -1, NULL));
  placards[3].payload = too_long;
  g_assert_false (dd_placards_write_pdf (pdf, placards, 5, 2, &error));
  g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_QR);
  g_assert_true (g_str_has_prefix (error->message, "S00003: "));
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "earlier");
}

/* dd_placards_draw_page: what a print dialog calls, on any page size. */
static void
test_draw_page (void)
{
  g_autofree DdPlacard *placards = five_placards ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *png = NULL;
  const char *expected[] = { placards[4].payload, NULL };
  int width = (int) (DD_PLACARD_PAGE_WIDTH * DPI / 72), height = (int) (DD_PLACARD_PAGE_HEIGHT * DPI / 72);

  /* A page in pixels rather than points. */
  cr = new_white_image (width, height, &surface);
  g_assert_true (dd_placards_draw_page (cr, width, height, placards, 5, 4, 1, &error));
  g_assert_no_error (error);
  png = write_png (surface, "page-pixels.png");
  assert_decodes (png, expected);

  g_assert_false (dd_placards_draw_page (cr, width, height, placards, 5, 4, 2, &error));
  g_assert_error (error, DD_CHARTS_ERROR, DD_CHARTS_ERROR_INVALID);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("dd-charts-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/charts/qr/decodes", test_qr_decodes);
  g_test_add_func ("/charts/qr/snapped", test_qr_snapped);
  g_test_add_func ("/charts/qr/pdf", test_qr_pdf);
  g_test_add_func ("/charts/qr/errors", test_qr_errors);
  g_test_add_func ("/charts/placard/png", test_placard_png);
  g_test_add_func ("/charts/placard/qr-size", test_placard_qr_size);
  g_test_add_func ("/charts/placard/errors", test_placard_errors);
  g_test_add_func ("/charts/placards/pdf-pages", test_pdf_pages);
  g_test_add_func ("/charts/placards/pdf-errors", test_pdf_errors);
  g_test_add_func ("/charts/placards/draw-page", test_draw_page);

  status = g_test_run ();

  /* Font caches live until exit; drop them so LeakSanitizer reports only
   * what the renderer itself leaked. */
  dd_charts_release_caches ();

  /* Kept when something failed, to look at. */
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
    g_printerr ("Images kept in %s\n", tmp_dir);
  g_free (tmp_dir);
  return status;
}

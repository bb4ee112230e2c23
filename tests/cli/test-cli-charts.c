/* test-cli-charts.c: deputy-desk-cli chart and deck, run as a user runs them
 *
 * The built tool (DD_CLI) writes every kind of chart as PNG (header and
 * pixel size checked), SVG (the start of the file) and PDF (pdfinfo), and
 * the deck as a PDF of one page per slide; bad command lines exit 2 with
 * one line on stderr, a missing database exits 1 and writes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "cli-test.h"

#include "dd-report-charts.h"

#define DEMO_ANCHOR "2025-06-30"
#define DECK_SLIDES 8

static char *dir;
static char *demo_path;

/* Exactly one line on stderr, nothing on stdout. */
static void
assert_error_line (const Run *run,
                   int        status)
{
  const char *newline = strchr (run->err, '\n');

  if (run->status != status)
    g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "deputy-desk-cli: "));
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline + 1, ==, "");
  g_assert_cmpstr (run->out, ==, "");
}

static char *
path_in_dir (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static int
pdf_pages (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { pdfinfo, path, NULL };
  const char *line;
  int wait_status = 0;

  if (pdfinfo == NULL)
    {
      g_test_message ("pdfinfo not found: install poppler-utils (build-aux/setup installs it)");
      g_test_fail ();
      return -1;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

static void
assert_png (const char *path,
            guint32     width,
            guint32     height)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  guint32 w, h;

  g_assert_cmpuint (len, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  memcpy (&w, data + 16, 4);
  memcpy (&h, data + 20, 4);
  g_assert_cmpuint (GUINT32_FROM_BE (w), ==, width);
  g_assert_cmpuint (GUINT32_FROM_BE (h), ==, height);
}

static void
assert_svg (const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_assert_cmpuint (len, >, 100);
  g_assert_true (g_str_has_prefix (data, "<?xml") || g_str_has_prefix (data, "<svg"));
  g_assert_nonnull (g_strstr_len (data, (gssize) len, "<svg"));
}

/* Tests */

static void
test_list (void)
{
  Run run = { 0 };
  guint n;
  const DdReportChart *kinds = dd_report_chart_list (&n);
  g_auto(GStrv) lines = NULL;

  run_cli (&run, dir, "chart", "--list", NULL);
  assert_success (&run);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n + 1);   /* the last is "" */
  for (guint i = 0; i < n; i++)
    g_assert_true (g_str_has_prefix (lines[i], dd_report_chart_get_name (kinds[i])));
  run_clear (&run);
}

static void
test_every_kind (void)
{
  Run run = { 0 };
  guint n;
  const DdReportChart *kinds = dd_report_chart_list (&n);

  for (guint i = 0; i < n; i++)
    {
      const char *name = dd_report_chart_get_name (kinds[i]);
      g_autofree char *png = g_strdup_printf ("%s.png", name);
      g_autofree char *svg = g_strdup_printf ("%s.svg", name);
      g_autofree char *pdf = g_strdup_printf ("%s.pdf", name);
      g_autofree char *png_path = path_in_dir (png);
      g_autofree char *svg_path = path_in_dir (svg);
      g_autofree char *pdf_path = path_in_dir (pdf);

      g_test_message ("chart %s", name);
      run_cli (&run, dir, "chart", name, "--year", "2024", "--format", "png", "--out", png,
               "--size", "800x600", "--dpi", "144", "--database", demo_path, NULL);
      assert_success (&run);
      g_assert_nonnull (strstr (run.out, png_path));
      assert_png (png_path, 1200, 900);

      /* The format from the extension; another palette. */
      run_cli (&run, dir, "chart", name, "--year", "2024", "--out", svg, "--palette", "dark",
               "--database", demo_path, NULL);
      assert_success (&run);
      assert_svg (svg_path);

      run_cli (&run, dir, "chart", name, "--year", "2024", "--format", "pdf", "--out", pdf,
               "--size", "1920x1080", "--palette", "print", "--database", demo_path, NULL);
      assert_success (&run);
      g_assert_cmpint (pdf_pages (pdf_path), ==, 1);
    }

  /* A year without anything still gives a chart ("No data"). */
  {
    g_autofree char *empty = path_in_dir ("empty.png");

    run_cli (&run, dir, "chart", "units", "--year", "1990", "--out", empty, "--database", demo_path, NULL);
    assert_success (&run);
    assert_png (empty, 1280, 720);
  }
  run_clear (&run);
}

static void
test_deck (void)
{
  Run run = { 0 };
  g_autofree char *pdf = path_in_dir ("deck.pdf");
  g_autofree char *empty = path_in_dir ("deck-empty.pdf");

  run_cli (&run, dir, "deck", "--year", "2024", "--out", "deck.pdf", "--database", demo_path, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, pdf));
  g_assert_cmpint (pdf_pages (pdf), ==, DECK_SLIDES);

  run_cli (&run, dir, "deck", "--year", "1990", "--out", empty, "--palette", "print",
           "--database", demo_path, NULL);
  assert_success (&run);
  g_assert_cmpint (pdf_pages (empty), ==, DECK_SLIDES);
  run_clear (&run);
}

static void
test_usage_errors (void)
{
  Run run = { 0 };
  g_autofree char *out = path_in_dir ("never.png");
  const char * const bad[][8] = {
    { "chart", "pie", "--out", "never.png", NULL },
    { "chart", "--out", "never.png", NULL },
    { "chart", "units", NULL },
    { "chart", "units", "--out", "never.png", "--format", "gif", NULL },
    { "chart", "units", "--out", "never.png", "--size", "800", NULL },
    { "chart", "units", "--out", "never.png", "--size", "0x600", NULL },
    { "chart", "units", "--out", "never.png", "--size", "800x600x2", NULL },
    { "chart", "units", "--out", "never.png", "--dpi", "lots", NULL },
    { "chart", "units", "--out", "never.png", "--year", "25", NULL },
    { "chart", "units", "--out", "never.png", "--palette", "neon", NULL },
    { "chart", "units", "--out", "never.png", "--size", "9000x9000", "--dpi", "600" },
    { "chart", "units", "extra", "--out", "never.png", NULL },
    { "deck", NULL },
    { "deck", "--out", "never.png", "--year", "next", NULL },
    { "deck", "--out", "never.png", "--palette", "neon", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s %s %s %s", bad[i][0], bad[i][1], bad[i][2] ? bad[i][2] : "",
                      bad[i][2] && bad[i][3] ? bad[i][3] : "");
      run_cli (&run, dir, bad[i][0], bad[i][1], bad[i][2], bad[i][3], bad[i][4], bad[i][5], bad[i][6],
               bad[i][7], NULL);
      /* Refused before any database is opened (the default one is not there). */
      assert_error_line (&run, 2);
      g_assert_nonnull (strstr (run.err, "--help"));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
  run_clear (&run);
}

static void
test_failures (void)
{
  Run run = { 0 };
  g_autofree char *missing = path_in_dir ("missing.sqlite");
  g_autofree char *out = path_in_dir ("never.pdf");
  g_autofree char *unwritable = g_build_filename (dir, "no-such-folder", "x.png", NULL);

  run_cli (&run, dir, "chart", "units", "--out", out, "--database", missing, NULL);
  assert_error_line (&run, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  run_cli (&run, dir, "deck", "--out", out, "--database", missing, NULL);
  assert_error_line (&run, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  run_cli (&run, dir, "chart", "units", "--year", "2024", "--out", unwritable, "--database", demo_path, NULL);
  assert_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, "no-such-folder"));
  run_cli (&run, dir, "deck", "--year", "2024", "--out", unwritable, "--database", demo_path, NULL);
  assert_error_line (&run, 1);
  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("dd-cli-charts-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = g_build_filename (dir, "demo.sqlite", NULL);
  run_cli (&run, dir, "demo", "--size", "small", "--seed", "7", "--anchor", DEMO_ANCHOR,
           "--database", demo_path, NULL);
  assert_success (&run);
  run_clear (&run);

  g_test_add_func ("/cli-charts/list", test_list);
  g_test_add_func ("/cli-charts/every-kind", test_every_kind);
  g_test_add_func ("/cli-charts/deck", test_deck);
  g_test_add_func ("/cli-charts/usage-errors", test_usage_errors);
  g_test_add_func ("/cli-charts/failures", test_failures);

  status = g_test_run ();
  remove_tree (dir);
  g_free (dir);
  g_free (demo_path);
  return status;
}

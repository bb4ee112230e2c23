/* replay.c: runs a fuzz target over the files of its seed corpus without
 * libFuzzer, so that every build (and the ASan one) replays the seeds and
 * the inputs fuzzing once found; tests/io builds it with either target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <stdlib.h>

#include <glib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
main (int argc, char *argv[])
{
  guint n_files = 0;

  if (argc < 2)
    {
      g_printerr ("usage: %s CORPUS-DIR…\n", argv[0]);
      return 2;
    }
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *data = NULL;
          gsize len;

          g_assert_true (g_file_get_contents (path, &data, &len, NULL));
          g_print ("%s\n", path);
          LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
          n_files++;
        }
    }
  g_print ("%u inputs replayed\n", n_files);
  return n_files > 0 ? 0 : 1;
}

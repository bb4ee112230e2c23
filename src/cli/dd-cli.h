/* dd-cli.h: what the subcommands of deputy-desk-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses: a failure the user can do something about, or a bad command line. */
enum
{
  DD_CLI_EXIT_OK = 0,
  DD_CLI_EXIT_FAILED = 1,
  DD_CLI_EXIT_USAGE = 2,
};

/* The subcommand's options, parsed; the caller owns the strings. */
typedef struct
{
  const char *command;      /* "stats" … */
  char       *database;     /* absolute path of --database or the default */
} DdCliContext;

/* An action of a subcommand with actions ("suggestions move", "exchange import"). */
typedef struct
{
  const char *name;
  const char *summary;  /* an untranslated msgid, translated when shown */
  int (*run) (int argc, char **argv);
} DdCliAction;

int      dd_cli_run_action        (const char        *command,
                                   const char        *description,
                                   const char        *missing,
                                   const DdCliAction *actions,
                                   guint              n_actions,
                                   int                argc,
                                   char             **argv);

int      dd_cli_fail              (GError        *error);
int      dd_cli_fail_message      (const char    *message);
int      dd_cli_usage_error       (const char    *command,
                                   const char    *message);
int      dd_cli_parse_options     (DdCliContext  *cli,
                                   GOptionEntry  *entries,
                                   int           *argc,
                                   char        ***argv);
void     dd_cli_context_clear     (DdCliContext  *cli);

int      dd_cli_run_stats         (int            argc,
                                   char         **argv);
int      dd_cli_run_placards      (int            argc,
                                   char         **argv);
int      dd_cli_run_suggestions   (int            argc,
                                   char         **argv);
int      dd_cli_run_chart         (int            argc,
                                   char         **argv);
int      dd_cli_run_deck          (int            argc,
                                   char         **argv);
int      dd_cli_run_import        (int            argc,
                                   char         **argv);
int      dd_cli_run_export        (int            argc,
                                   char         **argv);
int      dd_cli_run_backup        (int            argc,
                                   char         **argv);
int      dd_cli_run_restore       (int            argc,
                                   char         **argv);
int      dd_cli_run_exchange      (int            argc,
                                   char         **argv);

G_END_DECLS

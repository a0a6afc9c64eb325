/*
 * Command line: argv → run options, with --help and --version.
 */
#ifndef CLI_H
#define CLI_H

#include "run.h"


/*
 * Parses argv into o.  Returns -1 to go on and run, or an exit status
 * (0 after --help or --version, 2 after a usage error, reported to d).
 * Strings in o point into argv or static storage.
 */
int	cli_parse(int argc, char **argv, struct run_opts *o, struct diag *d);

/* The bundled fonts folder, found from the executable's location. */
char	*cli_find_share(const char *what);

#endif

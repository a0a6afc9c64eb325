/*
 * `brochure watch`: render, then render again on every change of the
 * data, a layout, an image or a font, until Ctrl-C (Linux inotify).
 */
#ifndef WATCH_H
#define WATCH_H

#include "diag.h"
#include "run.h"

/* Runs until SIGINT or SIGTERM; STATUS_OK then. */
enum status	watch(struct run_opts *, struct diag *);

#endif

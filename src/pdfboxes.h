/*
 * Print boxes: cairo 1.16 has no API for a page's TrimBox and BleedBox,
 * so the finished PDF is rewritten with libqpdf to add them.
 */
#ifndef PDFBOXES_H
#define PDFBOXES_H

#include <stdbool.h>

#include "diag.h"

/*
 * Rewrites the PDF at in into out with, on page i of npages, whose
 * MediaBox is media[i] (w, h) points, a TrimBox inset offset points
 * each way and a BleedBox bleed points larger each way than the trim.
 * Deterministic output (the /ID is derived from the content).  Reports
 * and returns false on failure; `name` is the path the user knows the
 * file by.
 */
bool	pdfboxes_write(const char *in, const char *out, const char *name,
	    const double (*media)[2], size_t npages, double offset,
	    double bleed, struct diag *);

#endif

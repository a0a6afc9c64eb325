/*
 * TrimBox and BleedBox through libqpdf's C API (the only file that
 * includes it): read cairo's PDF, set both boxes on each page, write a
 * new file.  Boxes are in PDF units from the bottom left of the page;
 * the trim is centred in the media, so the same offset serves x and y,
 * and each page's boxes follow from its own MediaBox.
 */
#include <stdio.h>

#include <glib.h>
#include <qpdf/qpdf-c.h>

#include "pdfboxes.h"

static bool
failed(qpdf_data q, const char *name, struct diag *d)
{
	struct diag_pos pos = { name, 0, 0 };

	if (!qpdf_has_error(q))
		return false;
	diag_error(d, &pos, "cannot write the print boxes: %s",
	    qpdf_get_error_full_text(q, qpdf_get_error(q)));
	return true;
}

/* "[x0 y0 x1 y1]", a box inset by `in` points into a w × h page. */
static qpdf_oh
inset(qpdf_data q, double w, double h, double in)
{
	/* g_strdup_printf follows the C locale here: main() sets it. */
	char *box = g_strdup_printf("[%.4f %.4f %.4f %.4f]", in, in, w - in,
	    h - in);
	qpdf_oh oh = qpdf_oh_parse(q, box);

	g_free(box);
	return oh;
}

bool
pdfboxes_write(const char *in, const char *out, const char *name,
    const double (*media)[2], size_t npages, double offset, double bleed,
    struct diag *d)
{
	qpdf_data q = qpdf_init();
	size_t i, n;
	bool ok = false;

	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	qpdf_read(q, in, NULL);
	if (failed(q, name, d))
		goto done;
	n = (size_t)qpdf_get_num_pages(q);
	for (i = 0; i < n && i < npages; i++) {
		qpdf_oh page = qpdf_get_page_n(q, i);
		double w = media[i][0], h = media[i][1];

		qpdf_oh_replace_key(q, page, "/TrimBox", inset(q, w, h,
		    offset));
		qpdf_oh_replace_key(q, page, "/BleedBox", inset(q, w, h,
		    offset - bleed));
	}
	if (failed(q, name, d))
		goto done;
	qpdf_init_write(q, out);
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	qpdf_write(q);
	ok = !failed(q, name, d);
done:
	qpdf_cleanup(&q);
	return ok;
}

/*
 * TrimBox and BleedBox through libqpdf's C API (the only file that
 * includes it): read cairo's PDF, set both boxes on each page, write a
 * new file.  Boxes are in PDF units from the bottom left of the page;
 * the trim is centred in the media, so the same offset serves x and y.
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

bool
pdfboxes_write(const char *in, const char *out, const char *name,
    double trim_w, double trim_h, double offset, double bleed,
    struct diag *d)
{
	qpdf_data q = qpdf_init();
	char *trim, *bleedbox;
	size_t i, n;
	bool ok = false;

	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	trim = g_strdup_printf("[%.4f %.4f %.4f %.4f]", offset, offset,
	    offset + trim_w, offset + trim_h);
	bleedbox = g_strdup_printf("[%.4f %.4f %.4f %.4f]", offset - bleed,
	    offset - bleed, offset + trim_w + bleed, offset + trim_h + bleed);
	/* g_strdup_printf follows the C locale here: main() sets it. */
	qpdf_read(q, in, NULL);
	if (failed(q, name, d))
		goto done;
	n = (size_t)qpdf_get_num_pages(q);
	for (i = 0; i < n; i++) {
		qpdf_oh page = qpdf_get_page_n(q, i);

		qpdf_oh_replace_key(q, page, "/TrimBox", qpdf_oh_parse(q, trim));
		qpdf_oh_replace_key(q, page, "/BleedBox",
		    qpdf_oh_parse(q, bleedbox));
	}
	if (failed(q, name, d))
		goto done;
	qpdf_init_write(q, out);
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	qpdf_write(q);
	ok = !failed(q, name, d);
done:
	g_free(trim);
	g_free(bleedbox);
	qpdf_cleanup(&q);
	return ok;
}

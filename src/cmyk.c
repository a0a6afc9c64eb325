/*
 * CMYK to sRGB through the press profile (cmyk.h), with lcms2: one
 * transform for the run, made once, without its cache so that workers
 * may share it.
 */
#include <glib.h>
#include <lcms2.h>

#include "cmyk.h"

static cmsHTRANSFORM	 xform;
static gchar		*cmyk_bytes, *srgb_bytes;	/* the profiles, */
static gsize		 cmyk_len, srgb_len;		/*   or NULL, 0 */

/* Both profiles read, and the transform made from the CMYK one. */
static gpointer
setup(gpointer unused)
{
	cmsHPROFILE in, out;

	(void)unused;
	if (!g_file_get_contents(SRGB_PROFILE, &srgb_bytes, &srgb_len, NULL))
		srgb_bytes = NULL;
	if (!g_file_get_contents(CMYK_PROFILE, &cmyk_bytes, &cmyk_len, NULL))
		return NULL;
	in = cmsOpenProfileFromMem(cmyk_bytes, (cmsUInt32Number)cmyk_len);
	out = cmsCreate_sRGBProfile();
	if (in != NULL && out != NULL)
		xform = cmsCreateTransform(in, TYPE_CMYK_DBL, out,
		    TYPE_RGB_DBL, INTENT_RELATIVE_COLORIMETRIC,
		    cmsFLAGS_NOCACHE | cmsFLAGS_BLACKPOINTCOMPENSATION);
	if (in != NULL)
		cmsCloseProfile(in);
	if (out != NULL)
		cmsCloseProfile(out);
	if (xform == NULL) {	/* not a profile lcms2 reads: none */
		g_free(cmyk_bytes);
		cmyk_bytes = NULL;
		cmyk_len = 0;
	}
	return NULL;
}

static void
ready(void)
{
	static GOnce once = G_ONCE_INIT;

	g_once(&once, setup, NULL);
}

void
cmyk_to_srgb(const double cmyk[4], double rgb[3])
{
	/* lcms2 takes CMYK in percent as doubles. */
	double in[4] = { cmyk[0] * 100, cmyk[1] * 100, cmyk[2] * 100,
	    cmyk[3] * 100 };
	int i;

	ready();
	if (xform == NULL) {
		for (i = 0; i < 3; i++)
			rgb[i] = (1 - cmyk[i]) * (1 - cmyk[3]);
		return;
	}
	cmsDoTransform(xform, in, rgb, 1);
	for (i = 0; i < 3; i++)
		rgb[i] = rgb[i] < 0 ? 0 : rgb[i] > 1 ? 1 : rgb[i];
}

const unsigned char *
cmyk_srgb_profile(size_t *len)
{
	ready();
	*len = srgb_len;
	return (const unsigned char *)srgb_bytes;
}

const unsigned char *
cmyk_profile(size_t *len)
{
	ready();
	*len = cmyk_len;
	return (const unsigned char *)cmyk_bytes;
}

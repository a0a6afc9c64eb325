/*
 * CMYK to sRGB through the press profile (cmyk.h), with lcms2: one
 * transform for the run, made once, without its cache so that workers
 * may share it.
 */
#include <glib.h>
#include <lcms2.h>

#include "cmyk.h"

static cmsHTRANSFORM	 xform;
static unsigned char	*bytes;
static size_t		 nbytes;

static gpointer
setup(gpointer unused)
{
	gchar *data = NULL;
	gsize len = 0;
	cmsHPROFILE in, out;

	(void)unused;
	if (!g_file_get_contents(CMYK_PROFILE, &data, &len, NULL))
		return NULL;
	in = cmsOpenProfileFromMem(data, (cmsUInt32Number)len);
	out = cmsCreate_sRGBProfile();
	if (in != NULL && out != NULL)
		xform = cmsCreateTransform(in, TYPE_CMYK_DBL, out,
		    TYPE_RGB_DBL, INTENT_RELATIVE_COLORIMETRIC,
		    cmsFLAGS_NOCACHE | cmsFLAGS_BLACKPOINTCOMPENSATION);
	if (in != NULL)
		cmsCloseProfile(in);
	if (out != NULL)
		cmsCloseProfile(out);
	if (xform != NULL) {
		bytes = (unsigned char *)data;
		nbytes = len;
	} else {
		g_free(data);
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

static gpointer
load_srgb(gpointer out)
{
	gchar *data;
	gsize len;

	if (!g_file_get_contents(SRGB_PROFILE, &data, &len, NULL))
		return NULL;
	*(gsize *)out = len;
	return data;
}

const unsigned char *
cmyk_srgb_profile(size_t *len)
{
	static GOnce once = G_ONCE_INIT;
	static gsize n;

	g_once(&once, load_srgb, &n);
	*len = n;
	return once.retval;
}

const unsigned char *
cmyk_profile(size_t *len)
{
	ready();
	*len = nbytes;
	return bytes;
}

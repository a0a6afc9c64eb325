/*
 * Korean particles (조사) that agree with the word before them:
 * Gina가 / Wilson이, 은/는, 을/를, 과/와, 이나/나, 으로/로 (서울로),
 * 이에요/예요, 아/야, 이랑/랑.
 */
#ifndef JOSA_H
#define JOSA_H

#include <stdbool.h>

/*
 * Given a word and a particle pair written either way round ("이/가",
 * "가/이") or one form alone ("가"), returns the form that agrees with
 * the word's last sound, or NULL if the text is not a known particle.
 * The result points into a static table.
 */
const char	*josa_pick(const char *word, const char *particle);

/* True if s names a known particle (either form or a pair). */
bool		 josa_is_known(const char *s);

/*
 * True if s can be a word's reading (`readings: {Park: 박}`): Hangul
 * syllables, with spaces between them if need be.  josa_pick() of the
 * reading then agrees with the word it is the reading of.
 */
bool		 josa_is_reading(const char *s);

#endif
